package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"nianbao/internal/golden"
	"nianbao/reports"
)

const seedPath = "testdata/seed.txt"

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustImport imports data and fails the test on an error or an empty result.
func mustImport(t testing.TB, name string, data []byte) *Result {
	t.Helper()
	res, err := Import(name, data)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	if res.Empty {
		t.Fatalf("import %s found nothing: %v", name, res.Findings)
	}
	return res
}

// comparable returns the report as file bytes with Declared dropped after
// checking that every declared total equals the computed one (text export
// prints computed totals, so that is what an import of it declares).
func comparable(t testing.TB, r *reports.Report) []byte {
	t.Helper()
	c := r.Clone()
	for k, d := range c.Declared {
		if d.IsNumber() && d.Value.Cmp(c.Value(k)) != 0 {
			t.Errorf("declared %s = %s, computed %s", k, d.Value, c.Value(k))
		}
	}
	c.Declared = nil
	b, err := reports.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameReport fails with the first differing lines of the two reports' files
// and writes both to testdata/failed/ for inspection.
func sameReport(t testing.TB, name string, want, got []byte) {
	t.Helper()
	if bytes.Equal(want, got) {
		return
	}
	golden.WriteFailed(t, name+".want.nianbao", want)
	golden.WriteFailed(t, name+".got.nianbao", got)
	if line, w, g := firstDiff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")); line > 0 {
		t.Fatalf("%s: reports differ at line %d:\nwant %s\n got %s\n(both written to %s)", name, line, w, g, golden.Failed)
	}
}

// firstDiff returns the first line, counted from 1, where want and got
// differ, and the two lines there ("" past the end of one); 0 when they
// are equal.
func firstDiff(want, got []string) (line int, w, g string) {
	for i := range max(len(want), len(got)) {
		w, g = "", ""
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return i + 1, w, g
		}
	}
	return 0, "", ""
}

// ownReport is a report nianbao writes that every format's import must
// give back.
type ownReport struct {
	name string
	r    *reports.Report
}

// ownReports are the sample, a county department with numbers everywhere
// and a report in the 2019 format.
func ownReports() []ownReport {
	return []ownReport{
		{"the sample", reports.Sample()},
		{"a county department with numbers", handMade()},
		{"a 2019-format report", handMade2019()},
	}
}

// handMade is a 2021-format report of a county department with non-zero
// numbers everywhere, a money amount with decimals, titled overview parts
// printed as headings, several measures and items in 六.
func handMade() *reports.Report {
	r := reports.New(2023)
	r.Organ = reports.Organ{FullName: "新源县财政局", ShortName: "新源县财政局", Level: reports.LevelCountyDept}
	r.Contact = reports.Contact{Office: "新源县财政局办公室", Phone: "0999-5031234", Address: "新源县人民路8号"}
	r.Preamble = reports.DefaultPreamble(r)
	r.Overview = reports.Overview{Numbering: reports.NumberParen, Inline: false, Parts: []reports.Part{
		{Title: "主动公开", Text: "全年主动公开财政预决算信息126条。\n其中部门预算信息48条，专项资金信息35条。"},
		{Title: "依申请公开", Text: "全年收到政府信息公开申请17件（含上年结转2件），均按期答复。"},
		{Title: "政府信息管理", Text: "严格执行保密审查制度。"},
		{Title: "政府信息公开平台建设", Text: "在县政府门户网站（www.xinyuan.gov.cn）设置财政信息专栏。"},
		{Title: "监督保障", Text: "将政务公开纳入年度考核。"},
	}}
	n := int64(1)
	for _, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(n % 9)
		n += 3
	}
	r.Cells["t2_8.fee.amount"] = reports.Cell{Value: mustDec("5949.088667")}
	r.Improvement = reports.Improvement{
		ProblemsTitle: reports.DefaultProblemsTitle,
		Problems: []reports.Part{
			{Title: "公开深度不够", Text: "部分预算项目说明较简略。"},
			{Title: "解读形式单一", Text: "图解、视频解读较少。"},
		},
		MeasuresTitle: reports.DefaultMeasuresTitle,
		Measures: []reports.Part{
			{Title: "细化公开内容", Text: "2024年起按项目公开绩效目标。"},
			{Title: "丰富解读形式", Text: "每季度制作1期图解。"},
		},
	}
	r.Other = reports.Other{
		Fee:  "本年度未收取政府信息公开信息处理费。",
		Text: "本机关无其他需要报告的事项以外的情况说明。",
		Items: []reports.Part{
			{Title: "落实上级年度政务公开工作要点情况", Text: "按照《2023年政务公开工作要点》逐项落实。"},
			{Title: "人大代表建议和政协提案办理结果公开情况", Text: "全年办理建议5件、提案3件，办理结果全部公开。"},
		},
	}
	r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 20}
	return r
}

// handMade2019 is a 2019-format report (for 2020) of a town with untitled
// overview paragraphs, negative 本年增/减 and a procurement amount.
func handMade2019() *reports.Report {
	r := reports.New(2020)
	r.Organ = reports.Organ{FullName: "某某县城关镇人民政府", ShortName: "城关镇", Level: reports.LevelTownship}
	r.Contact = reports.Contact{Office: "城关镇党政办", Phone: "0999-1234567"}
	r.Preamble = reports.DefaultPreamble(r)
	r.Overview = reports.Overview{Numbering: reports.NumberParen, Parts: []reports.Part{
		{Text: "2020年，城关镇认真贯彻落实《条例》，全年主动公开信息312条。"},
		{Text: "全年未收到政府信息公开申请。"},
	}}
	for i, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(int64(i % 4))
	}
	r.Cells["t2_5.license.items_change"] = reports.Num(-2)
	r.Cells["t2_9.procurement.amount"] = reports.Cell{Value: mustDec("12.35")}
	r.Improvement.Problems = []reports.Part{{Text: "一是公开不够及时；二是解读不足。"}}
	r.Improvement.Measures = []reports.Part{{Text: "加强培训，提高时效。"}}
	r.Other = reports.Other{Text: "无。"}
	r.Signing.Date = reports.Date{Year: 2021, Month: 1, Day: 28}
	return r
}

func mustDec(s string) reports.Decimal {
	d, err := reports.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}
