package reports

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// placeCase is a report organ and one text; want lists the names
// OTHER_PLACE reports, in order, and kind the UNIT_KIND words.
type placeCase struct {
	name  string
	organ Organ // empty: cleanReport's 新源县别斯托别乡人民政府
	text  string
	want  []string
	kind  []string
}

var (
	dapo     = Organ{FullName: "融安县大坡乡人民政府", ShortName: "大坡乡", Level: LevelTownship}
	rongan   = Organ{FullName: "融安县人民政府", ShortName: "融安县", Level: LevelCountyGov}
	guangxi  = Organ{FullName: "广西壮族自治区人民政府", ShortName: "广西壮族自治区", Level: LevelProvinceGov}
	shanghai = Organ{FullName: "上海市人民政府办公厅", ShortName: "上海市人民政府办公厅", Level: LevelProvinceDept}
)

func TestPlaceChecks(t *testing.T) {
	cases := []placeCase{
		// Words the old scan took for places, as real reports print them
		// (reports/importer/testdata/corpus of issue 12).
		{name: "关方列席市 is no place", organ: shanghai, text: "政协委员、高校学者、律师、企业负责人等在内的利益相关方列席市政府常务会议，进一步推动了政府决策公开。"},
		{name: "网站开设市 is no place", organ: shanghai, text: "“中国上海”门户网站开设市政府会议公开专栏，以日历形式展示。"},
		{name: "公厅代表市 is no place", organ: shanghai, text: "市政府办公厅代表市政府共受理政府信息公开申请85件。"},
		{name: "动地讲解市 is no place", organ: shanghai, text: "为市民深入浅出、形象生动地讲解市政府工作报告主要内容，受到了广泛好评。"},
		{name: "采取市 is no place", organ: shanghai, text: "提升主动公开等工作的考核分值比重。采取市政府办公厅测评、组织相关部门共同评议的方式。"},
		{name: "经济强县 is no place", organ: Organ{FullName: "威县人民政府", ShortName: "威县", Level: LevelCountyGov},
			text: "助力威县高质量赶超发展，为加快建设经济强县、美丽威县做出应有贡献。"},
		{name: "更新县 is no place", organ: Organ{FullName: "来凤县政务服务和大数据管理局", ShortName: "来凤县政务服务和大数据管理局", Level: LevelCountyDept},
			text: "及时完善和更新县政府网站上开设的内容。"},
		{name: "一名市 is no place", organ: Organ{FullName: "孝感市人民政府办公室", ShortName: "孝感市人民政府办公室", Level: LevelCityDept},
			text: "根据市政府对信息公开工作的统一部署，市政府办公室由一名市政府副秘书长分管本单位政府信息公开工作。"},
		{name: "办公区 is no place", organ: Organ{FullName: "大英县教育和体育局", ShortName: "大英县教育和体育局", Level: LevelCountyDept},
			text: "在办公区设立信息公开监督举报信箱。"},
		{name: "a town's own county in a document's title", organ: Organ{FullName: "钟祥镇", ShortName: "钟祥镇", Level: LevelTownship},
			text: "根据《仁寿县人民政府办公室关于编制公布2019年度政府信息公开工作年度报告的通知》要求编制。"},
		{name: "the same words in a township's report", text: "邀请利益相关方列席市政府常务会议，采取市县联动方式开展培训。"},
		{name: "严格遵循县 is no place", text: "严格遵循县政务公开办的工作要求。"},
		{name: "a false name before 镇 leaves UNIT_KIND to speak", text: "强化镇政务公开办与各中心联动。", kind: []string{"镇政务公开办"}},
		{name: "乡镇和县 is no 和县", text: "组织乡镇和县政府部门工作人员参加培训。"},
		{name: "《条例》和县 is no 和县", text: "严格按照《条例》和县政府总体要求，严格内容发布管理。"},
		{name: "示范县 and 管理县 are no counties", text: "创建政务公开示范县，加强管理县级平台。"},
		{name: "a one-character county after its prefecture", text: "学习马鞍山市和县的做法。", want: []string{"马鞍山市", "和县"}},

		// The organ's own division, its ancestors and its descendants.
		{name: "the township's own county", organ: dapo, text: "在融安县政务公开办的指导下，大坡乡按时公开信息。"},
		{name: "the township's county with its prefecture", organ: Organ{FullName: "大坡乡人民政府", ShortName: "大坡乡", Level: LevelTownship},
			text: "在柳州市融安县政务公开办的指导下开展工作。"},
		{name: "the township's prefecture and region", organ: dapo, text: "落实广西壮族自治区和柳州市的部署。"},
		{name: "a county government names its townships", organ: rongan, text: "在大坡乡和雅瑶乡开展试点。"},
		{name: "a county department names a township", organ: Organ{FullName: "融安县教育局", ShortName: "融安县教育局", Level: LevelCountyDept},
			text: "指导长安镇做好教育信息公开。"},
		{name: "a county-level city names its town", organ: Organ{FullName: "伊宁市人民政府", ShortName: "伊宁市", Level: LevelCountyGov},
			text: "在巴彦岱镇设立公开专区。"},
		{name: "an autonomous county's short form is its own", organ: Organ{FullName: "融水苗族自治县人民政府", ShortName: "融水县", Level: LevelCountyGov},
			text: "融水县严格落实公开要求。"},

		// Lists, titles and links.
		{name: "a province lists its cities", organ: guangxi, text: "指导南宁市、柳州市、桂林市、梧州市开展试点。"},
		{name: "a province names cities of other provinces", organ: shanghai, text: "推进长三角一体化，与苏州市和嘉兴市协同开展政务公开。"},
		{name: "… even when its level was left at 乡镇", organ: Organ{FullName: "上海市人民政府办公厅", Level: LevelTownship},
			text: "推进长三角一体化，与苏州市和嘉兴市协同开展政务公开。"},
		{name: "a prefecture names another prefecture's district", organ: Organ{FullName: "柳州市人民政府", ShortName: "柳州市", Level: LevelCityGov},
			text: "学习借鉴南宁市青秀区的经验。", want: []string{"南宁市", "青秀区"}},
		{name: "a township lists three cities", text: "学习南宁市、柳州市和桂林市的经验。"},
		{name: "two cities are no list", text: "学习南宁市和柳州市的经验。", want: []string{"南宁市", "柳州市"}},
		{name: "a county's plan in a title", text: "转发《融安县政务公开工作实施方案》。"},
		{name: "the same county outside a title", text: "参照融安县的方案开展工作。", want: []string{"融安县"}},
		{name: "a footer of links, one per line", text: "省市政府网站\n广西壮族自治区人民政府\n南宁市人民政府\n柳州市人民政府\n桂林市政府网站"},
		{name: "a footer of links with slashes", text: "相关链接 / 南宁市政府网站 / 柳州市政府网站 / 融安县人民政府 / 网站地图"},

		{name: "a report without an organ name names no other place", organ: Organ{FullName: " ", Level: LevelTownship},
			text: "张蔡庄乡严格落实公开要求，朔城区政务公开办加强指导。"},

		// True positives.
		{name: "another county's township copied from a template", organ: dapo, text: "对那拉提镇下辖 11 个村进行督导。", want: []string{"那拉提镇"}},
		{name: "a sibling township", organ: dapo, text: "对长安镇下辖各村开展督导。", want: []string{"长安镇"}},
		{name: "another county after a verb", organ: dapo, text: "赴融水县学习经验。", want: []string{"融水县"}},
		{name: "another county by its short form", organ: dapo, text: "参照三江县做法。", want: []string{"三江县"}},
		{name: "another town's government", text: "学习那拉提镇政府的做法。", want: []string{"那拉提镇"}},
		{name: "a town's government without a name", text: "由镇政府统一发布。", kind: []string{"镇政府"}},
		{name: "a 苏木 is a 乡", organ: Organ{FullName: "太仆寺旗贡宝拉格苏木人民政府", ShortName: "贡宝拉格苏木", Level: LevelTownship},
			text: "本镇严格落实公开要求。", kind: []string{"本镇"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := cleanReport(2023)
			if c.organ.FullName != "" {
				r.Organ = c.organ
				r.Contact.Office = ""
				r.Preamble = ""
				r.Overview.Parts[0].Text = "围绕中心工作主动公开政策文件。" // not 本乡
			}
			r.Overview.Parts[1].Text = c.text
			var places, kinds []string
			for _, f := range Check(r, nil) {
				word := between(f.Message, "“", "”")
				switch f.Code {
				case CodeOtherPlace:
					places = append(places, word)
				case CodeUnitKind:
					kinds = append(kinds, between(strings.SplitN(f.Message, "正文却写", 2)[1], "“", "”"))
				}
			}
			if !reflect.DeepEqual(places, c.want) {
				t.Errorf("OTHER_PLACE names %q, want %q", places, c.want)
			}
			if !reflect.DeepEqual(kinds, c.kind) {
				t.Errorf("UNIT_KIND words %q, want %q", kinds, c.kind)
			}
		})
	}
}

func between(s, open, close string) string {
	_, after, ok := strings.Cut(s, open)
	if !ok {
		return ""
	}
	w, _, _ := strings.Cut(after, close)
	return w
}

// TestOldScanCriedWolf shows the cases above matter: the scan before the
// gazetteer reported these words as places.
func TestOldScanCriedWolf(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		{"政协委员、高校学者、律师、企业负责人等在内的利益相关方列席市政府常务会议，进一步推动了政府决策公开。", "关方列席市"},
		{"“中国上海”门户网站开设市政府会议公开专栏，以日历形式展示。", "网站开设市"},
		{"市政府办公厅代表市政府共受理政府信息公开申请85件。", "公厅代表市"},
		{"为市民深入浅出、形象生动地讲解市政府工作报告主要内容，受到了广泛好评。", "动地讲解市"},
		{"提升主动公开等工作的考核分值比重。采取市政府办公厅测评、组织相关部门共同评议的方式。", "采取市"},
		{"严格遵循县政务公开办的工作要求。", "严格遵循县"},
		{"及时完善和更新县政府网站上开设的内容。", "更新县"},
		{"在办公区设立信息公开监督举报信箱。", "办公区"},
	} {
		if got := oldScan([]rune(c.text)); !slices.Contains(got, c.name) {
			t.Errorf("old scan of %s found %v, not %s", c.text, got, c.name)
		}
	}
}

func TestLevelOf(t *testing.T) {
	cases := []struct {
		name  string
		level Level
		code  string // "" when not resolved
	}{
		{"新源县别斯托别乡人民政府", LevelTownship, "654025200"},
		{"融安县大坡乡人民政府", LevelTownship, "450224201"},
		{"融安县人民政府", LevelCountyGov, "450224"},
		{"融安县教育局", LevelCountyDept, "450224"},
		{"融安县人民政府办公室", LevelCountyDept, "450224"},
		{"伊宁市人民政府", LevelCountyGov, "654002"}, // a county-level city
		{"柳州市人民政府", LevelCityGov, "4502"},
		{"柳州市生态环境局", LevelCityDept, "4502"},
		{"广西壮族自治区人民政府", LevelProvinceGov, "45"},
		{"广西壮族自治区教育厅", LevelProvinceDept, "45"},
		{"北京市东城区人民政府", LevelCountyGov, "110101"},
		{"伊宁市萨依布依街道办事处", LevelTownship, "654002001"},
		{"城关镇人民政府", "", ""},        // 91 towns of that name
		{"北京经济技术开发区管理委员会", "", ""}, // no township, whatever its code says
		{"县教育局", "", ""},
	}
	for _, c := range cases {
		l, d, ok := LevelOf(c.name)
		if l != c.level || d.Code() != c.code || ok != (c.code != "") {
			t.Errorf("LevelOf(%s) = %s %v %v, want %s %s", c.name, l, d, ok, c.level, c.code)
		}
	}
}
