package importer

import (
	"reflect"
	"strings"
	"testing"

	"nianbao/reports"
)

// withSection5 is the seed with the paragraphs of 五 replaced.
func withSection5(t *testing.T, paras ...string) []byte {
	t.Helper()
	seed := readSeed(t)
	i := strings.Index(seed, "五、存在的主要问题及改进情况")
	j := strings.Index(seed, "六、其他需要报告的事项")
	if i < 0 || j < i {
		t.Fatal("the seed has no 五 or 六")
	}
	return []byte(seed[:i] + "五、存在的主要问题及改进情况\n\n" + strings.Join(paras, "\n\n") + "\n\n" + seed[j:])
}

func TestUngroupedImprovement(t *testing.T) {
	cases := []struct {
		name          string
		paras         []string
		problems      []string
		measuresTitle string
		measures      []string
		note          string // in a reports.Warning finding
	}{
		{
			name:          "one paragraph turning at 将……改进：",
			paras:         []string{"本年度我乡政务公开工作取得一定成效，但仍有不足，如公开内容不够丰富，解读形式单一。2025年，将重点从以下方面做好改进：一是加强业务培训，提升队伍能力；二是丰富解读形式，提高政策知晓度；三是健全监督机制，推动工作落实。"},
			problems:      []string{"本年度我乡政务公开工作取得一定成效，但仍有不足，如公开内容不够丰富，解读形式单一。"},
			measuresTitle: "2025年，将重点从以下方面做好改进",
			measures:      []string{"加强业务培训，提升队伍能力。", "丰富解读形式，提高政策知晓度。", "健全监督机制，推动工作落实。"},
			note:          "处分为“存在的主要问题”和“改进措施”，改进措施按“一是、二是……”分为3项，“2025年，将重点从以下方面做好改进：”作为改进措施的标题，需核对",
		},
		{
			name:          "下一步 in a second paragraph",
			paras:         []string{"政务公开工作还存在信息发布不够及时的问题。", "下一步，我乡将加强培训，提高公开时效。"},
			problems:      []string{"政务公开工作还存在信息发布不够及时的问题。"},
			measures:      []string{"下一步，我乡将加强培训，提高公开时效。"},
			measuresTitle: reports.DefaultMeasuresTitle,
			note:          "已在“下一步，我乡将加强培训，提高公开时效”处分为",
		},
		{
			name:          "改进措施： after the problems",
			paras:         []string{"2024年我局政务公开工作仍存在信息更新不够及时、解读形式较为单一等问题。改进措施：一是明确专人负责，及时更新；二是采用图解、视频等形式解读政策。"},
			problems:      []string{"2024年我局政务公开工作仍存在信息更新不够及时、解读形式较为单一等问题。"},
			measuresTitle: "改进措施",
			measures:      []string{"明确专人负责，及时更新。", "采用图解、视频等形式解读政策。"},
			note:          "“改进措施：”作为改进措施的标题",
		},
		{
			name:          "no turn: everything stays in the problems",
			paras:         []string{"公开内容不够全面，解读形式较为单一，基层工作人员业务水平有待提升。"},
			problems:      []string{"公开内容不够全面，解读形式较为单一，基层工作人员业务水平有待提升。"},
			measuresTitle: "", // untitled groups, as the outline prints a 五 without group headings
			note:          "全部内容已放入“存在的主要问题”",
		},
		{
			name:          "下一步 at the very start is no turn",
			paras:         []string{"下一步，我乡将加强培训，提高公开时效。"},
			problems:      []string{"下一步，我乡将加强培训，提高公开时效。"},
			measuresTitle: "",
			note:          "全部内容已放入“存在的主要问题”",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "seed.txt", withSection5(t, c.paras...))
			im := res.Report.Improvement
			var problems, measures []string
			for _, p := range im.Problems {
				problems = append(problems, p.Title+p.Text)
			}
			for _, p := range im.Measures {
				measures = append(measures, p.Title+p.Text)
			}
			if !reflect.DeepEqual(problems, c.problems) {
				t.Errorf("problems %q, want %q", problems, c.problems)
			}
			if !reflect.DeepEqual(measures, c.measures) {
				t.Errorf("measures %q, want %q", measures, c.measures)
			}
			if im.MeasuresTitle != c.measuresTitle {
				t.Errorf("measures title %q, want %q", im.MeasuresTitle, c.measuresTitle)
			}
			found := false
			for _, p := range res.Findings {
				if p.Severity == reports.Warning && strings.Contains(p.Message, c.note) {
					found = true
				}
			}
			if !found {
				t.Errorf("no uncertain problem with %q: %v", c.note, res.Findings)
			}
		})
	}
}

func TestSplitItems(t *testing.T) {
	cases := []struct {
		name, text string
		lead       string
		items      []string
	}{
		{"items after a lead", "将做好以下工作：一是加强培训；二是完善制度。", "将做好以下工作：", []string{"加强培训。", "完善制度。"}},
		{"items from the start", "一是公开不及时，二是解读不足。", "", []string{"公开不及时。", "解读不足。"}},
		{"一是 inside a word is no marker", "统一是关键，要抓好落实。", "", nil},
		{"one item is no list", "一是加强培训。", "", nil},
	}
	for _, c := range cases {
		lead, items, ok := splitItems(c.text)
		if ok != (c.items != nil) || lead != c.lead || !reflect.DeepEqual(items, c.items) {
			t.Errorf("%s: splitItems(%q) = %q %q %v", c.name, c.text, lead, items, ok)
		}
	}
}
