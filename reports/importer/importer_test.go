package importer

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"nianbao/reports"
	"nianbao/reports/plaintext"
)

// The seed, a real township report copied out of Word, imports into
// exactly the built-in sample: every paragraph, every number, the 落款.
func TestSeedImportsAsTheSample(t *testing.T) {
	res := mustImport(t, "seed.txt", []byte(readSeed(t)))
	got, want := res.Report, reports.Sample()

	if got.Year != want.Year || got.Template != want.Template {
		t.Errorf("year/template = %d/%s, want %d/%s", got.Year, got.Template, want.Year, want.Template)
	}
	if got.Organ != want.Organ {
		t.Errorf("organ = %+v, want %+v", got.Organ, want.Organ)
	}
	if got.Contact != want.Contact {
		t.Errorf("contact = %+v, want %+v", got.Contact, want.Contact)
	}
	if got.Preamble != want.Preamble {
		t.Errorf("preamble =\n%s\nwant\n%s", got.Preamble, want.Preamble)
	}
	if got.Overview.Numbering != want.Overview.Numbering || got.Overview.Inline != want.Overview.Inline {
		t.Errorf("overview style = %s/%v, want %s/%v", got.Overview.Numbering, got.Overview.Inline, want.Overview.Numbering, want.Overview.Inline)
	}
	if !slices.Equal(got.Overview.Parts, want.Overview.Parts) {
		t.Errorf("overview parts =\n%q\nwant\n%q", got.Overview.Parts, want.Overview.Parts)
	}
	if !maps.Equal(got.Cells, want.Cells) {
		for k, v := range want.Cells {
			if got.Cells[k] != v {
				t.Errorf("cell %s = %+v, want %+v", k, got.Cells[k], v)
			}
		}
		t.Errorf("cells: got %d, want %d", len(got.Cells), len(want.Cells))
	}
	if !maps.Equal(got.Declared, want.Declared) {
		t.Errorf("declared totals: got %d %v, want %d", len(got.Declared), got.Declared, len(want.Declared))
	}
	if got.Improvement.ProblemsTitle != want.Improvement.ProblemsTitle || got.Improvement.MeasuresTitle != want.Improvement.MeasuresTitle {
		t.Errorf("improvement titles = %q/%q", got.Improvement.ProblemsTitle, got.Improvement.MeasuresTitle)
	}
	if !slices.Equal(got.Improvement.Problems, want.Improvement.Problems) {
		t.Errorf("problems = %q, want %q", got.Improvement.Problems, want.Improvement.Problems)
	}
	if !slices.Equal(got.Improvement.Measures, want.Improvement.Measures) {
		t.Errorf("measures = %q, want %q", got.Improvement.Measures, want.Improvement.Measures)
	}
	if got.Other.Fee != want.Other.Fee || got.Other.Text != want.Other.Text || len(got.Other.Items) != 0 {
		t.Errorf("other = %+v, want %+v", got.Other, want.Other)
	}
	if got.Signing != want.Signing || got.SignedBy() != "新源县别斯托别乡人民政府" {
		t.Errorf("signing = %+v (%s), want %+v", got.Signing, got.SignedBy(), want.Signing)
	}
	// And as a whole file, byte for byte.
	sameReport(t, "seed", mustMarshal(t, want), mustMarshal(t, got))

	// The seed's debris is repaired and said so, nothing is uncertain.
	if res.Uncertain() {
		t.Errorf("seed import is uncertain: %v", res.Findings)
	}
	for _, want := range []string{"第17行", "第68行", "“规范性文件”按“行政规范性文件”识别", "其他法律法规禁止公开"} {
		if !slices.ContainsFunc(res.Findings, func(p reports.Finding) bool { return strings.Contains(p.SourceLine(), want) }) {
			t.Errorf("no note mentions %q: %v", want, res.Findings)
		}
	}
}

func mustMarshal(t testing.TB, r *reports.Report) []byte {
	t.Helper()
	b, err := reports.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Exporting a report as text and importing the text gives the report back.
func TestTextRoundTrip(t *testing.T) {
	inlineUntitled := handMade()
	inlineUntitled.Overview.Inline = true
	inlineUntitled.Overview.Numbering = reports.NumberArabic
	inlineUntitled.Improvement.Problems = []reports.Part{{Text: "一是公开不够及时；二是解读不足。"}, {Text: "三是平台栏目更新慢。"}}

	blanks := handMade()
	blanks.Cells["t3.open.natural"] = reports.BlankCell()
	blanks.Cells["t2_1.rules.made"] = reports.BlankCell()
	blanks.Cells["t4.cases.after_pending"] = reports.Cell{Text: "无"}

	signed := handMade()
	signed.Signing.SignatureLine = true
	onePart := handMade2019()
	onePart.Overview.Parts = []reports.Part{{Text: "全年主动公开信息312条。\n全年未收到政府信息公开申请。"}}

	cases := []struct {
		name      string
		report    *reports.Report
		uncertain bool
	}{
		{"the sample", reports.Sample(), false},
		{"the signature line of the signed copy", signed, false},
		{"one untitled part of two paragraphs, printed without a number", onePart, false},
		{"a county department with numbers, headings as titles", handMade(), false},
		{"inline titles and untitled problems", inlineUntitled, false},
		{"a 2019-format report with untitled parts", handMade2019(), false},
		{"blank and text cells", blanks, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := plaintext.String(c.report)
			res := mustImport(t, "round.txt", []byte(text))
			sameReport(t, strings.ReplaceAll(c.name, " ", "_"), comparable(t, c.report), comparable(t, res.Report))
			if res.Uncertain() != c.uncertain {
				t.Errorf("uncertain = %v, want %v: %v", res.Uncertain(), c.uncertain, res.Findings)
			}
		})
	}
}

// normTableLine makes a table line comparable: labels canonical (brackets,
// spaces, old labels), empty cells dropped.
func normTableLine(l string) string {
	var out []string
	for _, c := range strings.Split(l, "\t") {
		c = canon(c)
		if c == "" {
			continue
		}
		if a, ok := labelAliases[reports.V2021][stripNum(c)]; ok {
			c = strings.Replace(c, stripNum(c), canon(a), 1)
		}
		out = append(out, c)
	}
	return strings.Join(out, "|")
}

// tableLines returns the normalised table lines of a text.
func tableLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "\t") {
			if n := normTableLine(l); n != "" {
				out = append(out, n)
			}
		}
	}
	return out
}

// Importing the seed and exporting it as text gives the seed's tables back.
// The seed's own page-break debris is repaired first, as documented: the
// row split over lines 66–68 is one row, and lines 69–71 carry one cell
// too many.
func TestImportThenTextGivesTheSeedTables(t *testing.T) {
	seed := readSeed(t)
	res := mustImport(t, "seed.txt", []byte(seed))
	got := tableLines(plaintext.String(res.Report))

	lines := strings.Split(seed, "\n")
	lines[65] = strings.Replace(lines[65], "政府信\t", "政府信息公开申请\t", 1)
	lines[67] = ""
	for _, i := range []int{68, 69, 70} {
		lines[i] = strings.Replace(lines[i], "\t0", "", 1)
	}
	want := tableLines(strings.Join(lines, "\n"))
	if !slices.Equal(got, want) {
		for i := range max(len(got), len(want)) {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("table line %d:\n got %s\nwant %s", i+1, g, w)
			}
		}
	}
	if len(want) != 46 {
		t.Errorf("the seed has %d table lines, want 46", len(want))
	}
}

// variant is one edit of the seed's text and what the import must give.
type variant struct {
	name  string
	edit  func(string) string
	check func(t *testing.T, res *Result)
	// uncertain is whether the import must ask for a look.
	uncertain bool
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("variant text not found: " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func cellIs(k reports.CellKey, want string) func(t *testing.T, res *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		if got := res.Report.Cell(k); got.String() != want || (want == "" && !got.Blank) {
			t.Errorf("%s = %+v, want %q", k, got, want)
		}
	}
}

func declaredIs(k reports.CellKey, want string) func(t *testing.T, res *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		if got := res.Report.Declared[k]; got.String() != want {
			t.Errorf("declared %s = %+v, want %q", k, got, want)
		}
	}
}

// notDeclared asserts that the import declared no printed value for k.
func notDeclared(k reports.CellKey) func(t *testing.T, res *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		if got, ok := res.Report.Declared[k]; ok {
			t.Errorf("declared %s = %+v, want none", k, got)
		}
	}
}

// checkFinds asserts that the checks report a finding with code on the
// imported report.
func checkFinds(code string) func(t *testing.T, res *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		fs := reports.Check(res.Report, nil)
		if !slices.ContainsFunc(fs, func(f reports.Finding) bool { return f.Code == code }) {
			t.Errorf("checks do not report %s: %v", code, fs)
		}
	}
}

func problemSays(words ...string) func(t *testing.T, res *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		for _, w := range words {
			if !slices.ContainsFunc(res.Findings, func(p reports.Finding) bool { return strings.Contains(p.SourceLine(), w) }) {
				t.Errorf("no problem mentions %q: %v", w, res.Findings)
			}
		}
	}
}

func all(checks ...func(t *testing.T, res *Result)) func(t *testing.T, res *Result) {
	return func(t *testing.T, res *Result) {
		t.Helper()
		for _, c := range checks {
			c(t, res)
		}
	}
}

// Every tolerance, as an edit of the seed.
func TestSeedVariants(t *testing.T) {
	seed := readSeed(t)
	cases := []variant{
		{name: "typo in a label (行政法复议 for 行政复议 in table 四)",
			edit:  replace("行政复议\t\t\t\t\t行政诉讼", "行政法复议\t\t\t\t\t行政诉讼"),
			check: cellIs("t4.cases.review_upheld", "0")},
		{name: "typo in a row label",
			edit:  replace("4. 保护第三方合法权益\t0", "4. 保护第三方合法权意\t7"),
			check: all(cellIs("t3.deny4.natural", "7"), problemSays("有错别字的标签“4.保护第三方合法权意”"))},
		{name: "full-width digits in cells",
			edit:  replace("行政许可\t0\t\t", "行政许可\t１２\t\t"),
			check: cellIs("t2_5.license.decisions", "12")},
		{name: "spaces inside labels",
			edit:  replace("5. 属于三类内部事务信息\t0", "5. 属于三类 内部事务 信息\t3"),
			check: cellIs("t3.deny5.natural", "3")},
		{name: "full-width brackets and current labels",
			edit:  replace("\t(一) 予以公开\t0", "\t（一）予以公开\t4"),
			check: all(cellIs("t3.open.natural", "4"), declaredIs("t3.open.total", "0"))},
		{name: "a blank cell is kept blank and reported",
			edit:      replace("一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t\t0"),
			check:     all(cellIs("t3.new.natural", ""), problemSays("「自然人」为空，已保留为空白")),
			uncertain: true},
		{name: "a blank printed total is computed, with a note, not declared",
			edit:  replace("\n0\t0\t0\t0\t0\t0", "\n0\t0\t0\t0\t\t0"),
			check: all(notDeclared("t4.cases.review_total"), problemSays("有1处合计（总计）是空白的，已按各项相加计算"))},
		{name: "a printed total that does not add up is kept as declared",
			edit: replace("二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t5"),
			check: all(cellIs("t3.carry.natural", "2"), declaredIs("t3.carry.total", "5"), checkFinds("DECLARED_TOTAL"),
				problemSays("原文中的合计与各项相加不符：表三「二、上年结转政府信息公开申请数量」行「总计」列（原文5，相加为2）"))},
		{name: "text in a number cell is kept as text",
			edit:      replace("行政处罚\t0\t\t", "行政处罚\t/\t\t"),
			check:     all(cellIs("t2_6.penalty.decisions", "/"), problemSays("不是数字")),
			uncertain: true},
		{name: "an extra empty cell at the start of a row",
			edit:  replace("规章\t0\t0\t0", "规章\t\t1\t2\t3"),
			check: all(cellIs("t2_1.rules.made", "1"), cellIs("t2_1.rules.valid", "3"))},
		{name: "columns found by their header labels, not their position",
			edit: func(s string) string {
				s = replace("\t商业企业\t科研机构\t", "\t科研机构\t商业企业\t")(s)
				return replace("一、本年新收政府信息公开申请数量\t\t0\t0\t", "一、本年新收政府信息公开申请数量\t\t0\t5\t")(s)
			},
			check: all(cellIs("t3.new.research", "5"), cellIs("t3.new.business", "0"), problemSays("列顺序与模板不同"))},
		{name: "untitled parts numbered as the PDF prints them",
			edit: replace("3.政府信息管理方面。一是", "3.一是"),
			check: func(t *testing.T, res *Result) {
				if p := res.Report.Overview.Parts[2]; p.Title != "" || !strings.HasPrefix(p.Text, "一是不断优化") {
					t.Errorf("third part = %+v", p)
				}
			}},
		{name: "a one-sentence numbered paragraph is text, not a title",
			edit: replace("5.强化督导方面。坚持将政务公开纳入绩效考核体系，对新源镇下辖 11 个村及乡五办六中心一站一队进行督导，督导结果作为绩效考核重要依据。", "5.全年未收到申请。"),
			check: func(t *testing.T, res *Result) {
				if p := res.Report.Overview.Parts[4]; p.Title != "" || p.Text != "全年未收到申请。" {
					t.Errorf("fifth part = %+v", p)
				}
			}},
		{name: "sub-parts numbered 一、 are not section headings",
			edit: replace("1.主动公开方面。本乡", "一、主动公开情况\n\n本乡"),
			check: func(t *testing.T, res *Result) {
				if p := res.Report.Overview.Parts[0]; !strings.Contains(p.Text, "一、主动公开情况") && p.Title != "一、主动公开情况" {
					t.Errorf("first part = %+v", p)
				}
				if res.Report.Cell("t2_5.license.decisions").Blank {
					t.Error("table 二 lost")
				}
			}},
		{name: "a web page table copied in a browser (no cells for merged ones)",
			edit: func(s string) string {
				var out []string
				for _, l := range strings.Split(s, "\n") {
					if strings.Contains(l, "\t") {
						var cells []string
						for _, c := range strings.Split(l, "\t") {
							if c != "" {
								cells = append(cells, c)
							}
						}
						l = strings.Join(cells, "\t") + "\t"
					}
					out = append(out, l)
				}
				return replace("一、本年新收政府信息公开申请数量\t0\t0", "一、本年新收政府信息公开申请数量\t4\t0")(strings.Join(out, "\n"))
			},
			check: all(cellIs("t3.new.natural", "4"), cellIs("t3.next.other", "0"), problemSays("表三的表头无法按位置对应"))},
		{name: "groups of 五 run into their first item",
			edit: func(s string) string {
				s = replace("(一) 工作中存在的主要问题和困难\n\n一是", "(一) 存在的主要问题。一是")(s)
				return replace("(二) 具体的解决办法和改进措施\n\n(一) 加强", "(二) 改进措施。(一) 加强")(s)
			},
			check: func(t *testing.T, res *Result) {
				im := res.Report.Improvement
				if im.ProblemsTitle != "存在的主要问题" || im.MeasuresTitle != "改进措施" || len(im.Problems) != 1 || len(im.Measures) != 4 || im.Measures[0].Title != "加强队伍建设" {
					t.Errorf("improvement = %+v", im)
				}
			}},
		{name: "blank lines inside a table",
			edit:  replace("行政强制\t0\t\t\n", "行政强制\t9\t\t\n\n\n"),
			check: cellIs("t2_6.coercion.decisions", "9")},
		{name: "CRLF line ends",
			edit:  func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
			check: cellIs("t2_6.coercion.decisions", "0")},
		{name: "a page number left by a page break",
			edit:  replace("四、政府信息公开行政复议", "- 3 -\n\n四、政府信息公开行政复议"),
			check: problemSays("“- 3 -”是页码")},
		{name: "a Chinese-numeral date",
			edit: replace("2024年1月19日", "二〇二四年一月十九日"),
			check: func(t *testing.T, res *Result) {
				if d := res.Report.Signing.Date; d != (reports.Date{Year: 2024, Month: 1, Day: 19}) {
					t.Errorf("date = %v", d)
				}
			}},
		{name: "headings as （一） with the part's text below",
			edit: replace("1.主动公开方面。本乡", "（一）主动公开\n\n本乡"),
			check: func(t *testing.T, res *Result) {
				if p := res.Report.Overview.Parts[0]; p.Title != "主动公开" || !strings.HasPrefix(p.Text, "本乡在2023年度") {
					t.Errorf("first part = %+v", p)
				}
			}},
		{name: "a missing 落款 is reported",
			edit:      replace("新源县别斯托别乡人民政府\n\n2024年1月19日", ""),
			check:     problemSays("未找到落款单位名称", "未找到成文日期"),
			uncertain: true},
		{name: "an unrecognisable table row is reported with its line",
			edit:      replace("行政强制\t0\t\t", "行政强制\t0\t\t\n土地征收\t5\t\t"),
			check:     problemSays("第36行", "无法识别的表格行“土地征收”"),
			uncertain: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "variant.txt", []byte(c.edit(seed)))
			c.check(t, res)
			if res.Uncertain() != c.uncertain {
				t.Errorf("uncertain = %v, want %v: %v", res.Uncertain(), c.uncertain, res.Findings)
			}
		})
	}
}

// A row split before its numbers: the label's first half alone on a line,
// the rest with the numbers on the next.
func TestSplitRowBeforeItsNumbers(t *testing.T) {
	seed := strings.Replace(readSeed(t), "\t\t5. 要求行政机关确认或重新出具已获取信息\t0", "\t\t5. 要求行政机关确认或重新\t\t\t\n\n\t\t出具已获取信息\t6", 1)
	res := mustImport(t, "split.txt", []byte(seed))
	if got := res.Report.Cell("t3.noproc5.natural"); got.String() != "6" {
		t.Errorf("noproc5.natural = %+v, want 6; %v", got, res.Findings)
	}
	if res.Uncertain() {
		t.Errorf("uncertain: %v", res.Findings)
	}
}

// Encodings: GBK as saved by older Windows programs, UTF-8 with a BOM,
// UTF-16 as Notepad's “Unicode”.
func TestEncodings(t *testing.T) {
	seed := readSeed(t)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(seed)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(seed)
	if err != nil {
		t.Fatal(err)
	}
	want := mustMarshal(t, reports.Sample())
	for _, c := range []struct {
		name, data, format string
	}{
		{"GBK", gbk, "文本（GBK/GB18030）"},
		{"UTF-8 with BOM", "\xef\xbb\xbf" + seed, "文本"},
		{"UTF-16 with BOM", u16, "文本（UTF-16）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "seed.txt", []byte(c.data))
			sameReport(t, "encoding", want, mustMarshal(t, res.Report))
			if res.Format != c.format {
				t.Errorf("format = %q, want %q", res.Format, c.format)
			}
		})
	}
}

// A 2019-format report is read with the 2019 template, chosen by its
// labels even when the title's year says otherwise.
func TestOld2019FormatWithOldLabels(t *testing.T) {
	r := handMade2019()
	text := plaintext.String(r)
	// Published 2019 reports write the 2021 row labels' older forms and
	// half-width brackets; some say 2021 in the title by mistake.
	text = strings.Replace(text, "2.其他法律行政法规禁止公开", "2. 其他法律法规禁止公开", 1)
	text = strings.Replace(text, "（六）其他处理", "(六) 其他处理", 1)
	res := mustImport(t, "old.txt", []byte(text))
	sameReport(t, "old2019", comparable(t, r), comparable(t, res.Report))

	wrongYear := strings.Replace(text, "城关镇2020年度", "城关镇2021年度", 1)
	res = mustImport(t, "old.txt", []byte(wrongYear))
	if res.Report.Template != reports.V2019 || res.Report.Year != 2021 {
		t.Errorf("template/year = %s/%d, want 2019/2021", res.Report.Template, res.Report.Year)
	}
	problemSays("2019年版模板")(t, res)
}

func TestNarrativeNormalisation(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"spaces between Chinese and digits", "本乡在 2023 年度对 11 个村", "本乡在2023年度对11个村"},
		{"half-width brackets around Chinese", "《条例》(以下简称《条例》)", "《条例》（以下简称《条例》）"},
		{"half-width brackets around a URL stay", "网站(www.gov.cn)", "网站（www.gov.cn）"},
		{"brackets in ASCII stay", "a (b) c", "a (b) c"},
		{"half-width comma after Chinese", "公开,及时", "公开，及时"},
		{"number with comma stays", "共1,200条", "共1,200条"},
		{"full-width digits", "２０２３年", "2023年"},
		{"ideographic indent", "\u3000\u3000本年度", "本年度"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := normText(c.in); got != c.want {
				t.Errorf("normText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDateLines(t *testing.T) {
	want := reports.Date{Year: 2024, Month: 1, Day: 19}
	for _, s := range []string{"2024年1月19日", "2024 年 1 月 19 日", "２０２４年１月１９日", "二〇二四年一月十九日", "2024-01-19", "2024/1/19", "2024.1.19"} {
		if d, ok := parseDateLine(s); !ok || d != want {
			t.Errorf("parseDateLine(%q) = %v, %v", s, d, ok)
		}
	}
	for _, s := range []string{"2024年2月30日", "自2023年1月1日起", "20231月1日", "2024"} {
		if d, ok := parseDateLine(s); ok {
			t.Errorf("parseDateLine(%q) = %v, want no date", s, d)
		}
	}
}

func TestOrganLevels(t *testing.T) {
	cases := []struct {
		name string
		want reports.Level
	}{
		{"新源县别斯托别乡人民政府", reports.LevelTownship},
		{"某某区某某街道办事处", reports.LevelTownship},
		{"新源县财政局", reports.LevelCountyDept},
		{"新源县人民政府", reports.LevelCountyGov},
		{"伊犁哈萨克自治州人民政府", reports.LevelCityGov},
		{"某某市生态环境局", reports.LevelCityDept},
		{"某某省教育厅", reports.LevelProvinceDept},
		{"某某省人民政府", reports.LevelProvinceGov},
		// From the gazetteer: a county-level city, a county government's office.
		{"伊宁市人民政府", reports.LevelCountyGov},
		{"融安县人民政府办公室", reports.LevelCountyDept},
		{"柳州市融安县大坡乡人民政府", reports.LevelTownship},
	}
	for _, c := range cases {
		if got := guessLevel(c.name); got != c.want {
			t.Errorf("guessLevel(%s) = %s, want %s", c.name, got, c.want)
		}
	}
}

// Files that are not reports get clear Chinese errors or an empty result.
func TestUnusableInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string // in the error; "" means an empty result
	}{
		{"empty.txt", nil, "文件是空的"},
		{"blank.txt", []byte(" \n\n\t\n"), "文件是空的"},
		{"random.bin", bytes.Repeat([]byte{0x00, 0x01, 0x02, 0xff, 0xfe, 0x80}, 200), "无法导入"},
		{"old.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 100)...), "另存为”.docx"},
		{"old.wps", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 100)...), "WPS 文字（.wps）"},
		{"cut.pdf", []byte("%PDF-1.7\n..."), "PDF 文件不完整"},
		{"broken.docx", []byte("PK\x03\x04 this is not really a zip"), "已损坏"},
		{"renamed.docx", []byte("hello"), "不是有效的 Office 文件"},
		{"shopping.txt", []byte("买菜：白菜两斤，鸡蛋一盒。\n记得交电费。\n"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Import(c.name, c.data)
			if c.want == "" {
				if err != nil || !res.Empty || !res.Uncertain() {
					t.Fatalf("want an empty result, got %v, %+v", err, res)
				}
				problemSays("没有找到年度报告的内容")(t, res)
				return
			}
			if err == nil {
				t.Fatalf("no error; result %+v", res)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), c.name) {
				t.Errorf("error %q does not name the file and say %q", err, c.want)
			}
		})
	}
}

// A report file handed to the importer is read as it is.
func TestImportReportFile(t *testing.T) {
	res := mustImport(t, "sample.nianbao", mustMarshal(t, reports.Sample()))
	sameReport(t, "nianbao", mustMarshal(t, reports.Sample()), mustMarshal(t, res.Report))
	if _, err := Import("bad.nianbao", []byte(`{"schema": 1, "year": "x"}`)); err == nil || !strings.Contains(err.Error(), "年报文件") {
		t.Errorf("error = %v", err)
	}
}

// Starting next year from an imported report works like from a saved one.
func TestNextYearFromImported(t *testing.T) {
	text := plaintext.String(handMade())
	res := mustImport(t, "2023.txt", []byte(text))
	next := reports.NextYear(res.Report, 2024)
	if next.Year != 2024 || next.Organ != res.Report.Organ || next.Contact != res.Report.Contact {
		t.Errorf("next year = %d %+v %+v", next.Year, next.Organ, next.Contact)
	}
	for _, c := range next.Tmpl().Table(reports.TableT3).Columns {
		if c.Sum != nil {
			continue
		}
		carry := next.Cell(reports.Key(reports.TableT3, reports.RowCarry, c.Key))
		last := res.Report.Value(reports.Key(reports.TableT3, reports.RowNext, c.Key))
		if carry.Value.Cmp(last) != 0 || last.IsZero() {
			t.Errorf("上年结转 %s = %s, last year's 结转下年度 = %s", c.Key, carry.Value, last)
		}
	}
	if next.LastYear == nil || next.LastYear.Overview.Parts[0].Text == "" || next.Overview.Parts[0].Text != "" {
		t.Errorf("last year's text should be the reference only")
	}
	if _, err := reports.Parse(mustMarshal(t, next)); err != nil {
		t.Errorf("next year's report does not load: %v", err)
	}
}

// ImportText is what the GUI's paste box calls.
func TestImportPastedText(t *testing.T) {
	res, err := ImportText(readSeed(t))
	if err != nil || res.Report.Organ.ShortName != "别斯托别乡" {
		t.Fatalf("paste: %v %+v", err, res)
	}
}

// A county department's report in another common layout: block captions
// on lines of their own, （一） headings, the contact in brackets, the
// groups of 五 run into their text, no fee statement.
func TestDepartmentLayout(t *testing.T) {
	data, err := os.ReadFile("testdata/dept.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, "dept.txt", data)
	r := res.Report
	if res.Uncertain() {
		t.Errorf("uncertain: %v", res.Findings)
	}
	want := reports.Organ{FullName: "XX县教育局", ShortName: "XX县教育局", Level: reports.LevelCountyDept}
	if r.Organ != want || r.Year != 2022 || r.Signing.Date != (reports.Date{Year: 2023, Month: 1, Day: 16}) {
		t.Errorf("organ %+v, year %d, date %v", r.Organ, r.Year, r.Signing.Date)
	}
	if r.Contact != (reports.Contact{Office: "XX县教育局办公室", Phone: "0991-1234567", Address: "XX县文化路1号"}) {
		t.Errorf("contact = %+v", r.Contact)
	}
	if len(r.Overview.Parts) != 2 || r.Overview.Parts[1].Title != "依申请公开" || r.Overview.Parts[0].Text != "2022年，我局主动公开信息256条，其中政策文件12条。" {
		t.Errorf("overview = %+v", r.Overview.Parts)
	}
	if len(r.Improvement.Problems) != 1 || len(r.Improvement.Measures) != 1 || r.Improvement.Measures[0].Text != "一是加强培训；二是丰富解读形式。" ||
		r.Improvement.ProblemsTitle != "存在的问题" || r.Improvement.MeasuresTitle != "改进措施" {
		t.Errorf("improvement = %+v", r.Improvement)
	}
	if r.Other.Fee != "" || r.Other.Text != "无。" {
		t.Errorf("other = %+v", r.Other)
	}
	for k, v := range map[reports.CellKey]string{"t2_1.norms.made": "2", "t2_1.norms.valid": "15", "t2_5.license.decisions": "35", "t2_8.fee.amount": "0"} {
		if got := r.Cell(k).String(); got != v {
			t.Errorf("%s = %s, want %s", k, got, v)
		}
	}
}

// Text copied from a PDF has no tabs: table cells are separated by spaces
// and empty cells vanish. The numbers still land in their cells (in the
// template's column order).
func TestTablesWithoutTabs(t *testing.T) {
	var lines []string
	for _, l := range strings.Split(readSeed(t), "\n") {
		if strings.Contains(l, "\t") {
			var cells []string
			for _, c := range strings.Split(l, "\t") {
				if c = strings.TrimSpace(c); c != "" {
					cells = append(cells, c)
				}
			}
			l = strings.Join(cells, " ")
		}
		lines = append(lines, l)
	}
	text := strings.Join(lines, "\n")
	text = strings.Replace(text, "行政许可 0", "行政许可 3", 1)
	text = strings.Replace(text, "4. 保护第三方合法权益 0 0 0 0 0 0 0", "4. 保护第三方合法权益 1 2 0 0 0 0 3", 1)
	res := mustImport(t, "pdf.txt", []byte(text))
	r := res.Report
	want := reports.Sample()
	want.Cells["t2_5.license.decisions"] = reports.Num(3)
	want.Cells["t3.deny4.natural"] = reports.Num(1)
	want.Cells["t3.deny4.business"] = reports.Num(2)
	if !maps.Equal(r.Cells, want.Cells) {
		for k, v := range want.Cells {
			if r.Cells[k] != v {
				t.Errorf("%s = %+v, want %+v", k, r.Cells[k], v)
			}
		}
	}
	if d := r.Declared["t3.deny4.total"]; d.String() != "3" {
		t.Errorf("declared deny4 total = %+v", d)
	}
	if res.Uncertain() {
		t.Errorf("uncertain: %v", res.Findings)
	}
}

// Text copied from a PDF has its paragraphs broken into lines of the page
// width (28 characters for GB/T 9704) with no blank lines between them;
// the paragraphs are rebuilt.
func TestWrappedLines(t *testing.T) {
	var lines []string
	for _, l := range strings.Split(plaintext.String(reports.Sample()), "\n") {
		if l == "" {
			continue
		}
		rs := []rune(l)
		for !strings.Contains(l, "\t") && len(rs) > 28 {
			lines = append(lines, string(rs[:28]))
			rs = rs[28:]
		}
		lines = append(lines, string(rs))
	}
	res := mustImport(t, "pdf.txt", []byte(strings.Join(lines, "\n")))
	sameReport(t, "wrapped", mustMarshal(t, reports.Sample()), mustMarshal(t, res.Report))
	problemSays("按固定宽度折行")(t, res)
}
