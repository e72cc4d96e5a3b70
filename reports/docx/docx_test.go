package docx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"nianbao/internal/golden"
	"nianbao/reports"
	"nianbao/reports/importer"
	"nianbao/reports/plaintext"
)

var fixed = Options{Date: time.Date(2024, 1, 19, 8, 0, 0, 0, time.UTC)}

func mustBytes(t testing.TB, r *reports.Report, opts Options) []byte {
	t.Helper()
	b, err := Bytes(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// parts unzips a .docx into its parts.
func parts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

func mustDec(s string) reports.Decimal {
	d, err := reports.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// department is a 2021-format county department report with numbers in
// every cell, titles as headings, items in 六 and the signature line.
func department() *reports.Report {
	r := reports.New(2023)
	r.Organ = reports.Organ{FullName: "新源县财政局", ShortName: "新源县财政局", Level: reports.LevelCountyDept}
	r.Contact = reports.Contact{Office: "新源县财政局办公室", Phone: "0999-5031234", Address: "新源县人民路8号"}
	r.Preamble = reports.DefaultPreamble(r)
	r.Overview = reports.Overview{Numbering: reports.NumberParen, Parts: []reports.Part{
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
		Problems:      []reports.Part{{Title: "公开深度不够", Text: "部分预算项目说明较简略。"}, {Title: "解读形式单一", Text: "图解、视频解读较少。"}},
		MeasuresTitle: reports.DefaultMeasuresTitle,
		Measures:      []reports.Part{{Title: "细化公开内容", Text: "2024年起按项目公开绩效目标。"}, {Title: "丰富解读形式", Text: "每季度制作1期图解。"}},
	}
	r.Other = reports.Other{
		Fee: reports.DefaultFeeStatement,
		Items: []reports.Part{
			{Title: "落实上级年度政务公开工作要点情况", Text: "按照《2023年政务公开工作要点》逐项落实。"},
			{Title: "人大代表建议和政协提案办理结果公开情况", Text: "全年办理建议5件、提案3件，办理结果全部公开。"},
		},
	}
	r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 20}
	r.Signing.SignatureLine = true
	return r
}

// township2019 is a 2019-format report: untitled parts, a negative
// 本年增/减, an amount with decimals, nothing in 六 (printed 无。).
func township2019() *reports.Report {
	r := reports.New(2020)
	r.Organ = reports.Organ{FullName: "某某县城关镇人民政府", ShortName: "城关镇", Level: reports.LevelTownship}
	r.Contact = reports.Contact{Office: "城关镇党政办", Phone: "0999-1234567"}
	r.Preamble = reports.DefaultPreamble(r)
	r.Overview = reports.Overview{Numbering: reports.NumberParen, Parts: []reports.Part{
		{Text: "2020年，城关镇认真贯彻落实《条例》，全年主动公开信息312条。"},
		{Text: "全年未收到政府信息公开申请。"},
	}}
	for i, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(int64(i%4 + 1))
	}
	r.Cells["t2_5.license.items_change"] = reports.Num(-2)
	r.Cells["t2_9.procurement.amount"] = reports.Cell{Value: mustDec("12.35")}
	r.Improvement.Problems = []reports.Part{{Text: "一是公开不够及时；二是解读不足。"}}
	r.Improvement.Measures = []reports.Part{{Text: "加强培训，提高时效。"}}
	r.Other = reports.Other{}
	r.Signing.Date = reports.Date{Year: 2021, Month: 1, Day: 28}
	return r
}

// inlineArabic runs numbered 1. titles into their text.
func inlineArabic() *reports.Report {
	r := department()
	r.Overview.Inline = true
	r.Overview.Numbering = reports.NumberArabic
	r.Signing.SignatureLine = false
	r.Signing.Organ = "新源县财政局办公室"
	return r
}

// arabicHeadings prints 1. titles as headings of their own (仿宋), one
// part untitled in 一, 五 without group titles, 六 with text and items.
func arabicHeadings() *reports.Report {
	r := department()
	r.Overview.Numbering = reports.NumberArabic
	r.Overview.Parts = append(r.Overview.Parts, reports.Part{Text: "此外，全年开展政务公开培训2次。"})
	r.Improvement.ProblemsTitle, r.Improvement.MeasuresTitle = "", ""
	r.Improvement.Measures = nil
	r.Other.Text = "本机关2023年度无其他需要说明的情况。"
	return r
}

// oneUntitledPart has a single untitled part in 一, which prints unnumbered.
func oneUntitledPart() *reports.Report {
	r := township2019()
	r.Overview.Parts = []reports.Part{{Text: "2020年，城关镇认真贯彻落实《条例》，全年主动公开信息312条。\n全年未收到政府信息公开申请。"}}
	r.Other.Text = "无。"
	return r
}

// Importing the exported .docx with nianbao's own importer gives the
// report back: the same text export, line for line.
func TestRoundTripThroughTheImporter(t *testing.T) {
	cases := []struct {
		name string
		r    *reports.Report
		// uncertain is set where the importer rightly asks for a look: 五
		// without group titles cannot tell problems from measures.
		uncertain bool
	}{
		{"the sample", reports.Sample(), false},
		{"a 2021 department with numbers in every cell and the signature line", department(), false},
		{"a 2019 township with untitled parts and an empty section", township2019(), false},
		{"inline 1. titles and a 落款 organ of its own", inlineArabic(), false},
		{"1. headings, an untitled part, 五 without group titles, 六 with text and items", arabicHeadings(), true},
		{"one untitled part in 一 and 无。 in 六", oneUntitledPart(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := mustBytes(t, c.r, Options{})
			res, err := importer.Import("round.docx", data)
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != "Word 文档" || res.Empty {
				t.Fatalf("imported as %q, empty %v: %v", res.Format, res.Empty, res.Findings)
			}
			if res.Uncertain() != c.uncertain {
				t.Errorf("uncertain = %v, want %v: %v", res.Uncertain(), c.uncertain, res.Findings)
			}
			want, got := plaintext.String(c.r), plaintext.String(res.Report)
			if want != got {
				wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
				for i := range max(len(wl), len(gl)) {
					var w, g string
					if i < len(wl) {
						w = wl[i]
					}
					if i < len(gl) {
						g = gl[i]
					}
					if w != g {
						t.Fatalf("text export differs at line %d:\nwant %q\n got %q", i+1, w, g)
					}
				}
			}
			if res.Report.Template != c.r.Template || res.Report.Year != c.r.Year {
				t.Errorf("template %s year %d, want %s %d", res.Report.Template, res.Report.Year, c.r.Template, c.r.Year)
			}
		})
	}
}

// Every part of the package is well-formed XML and the ones the document
// relies on are there.
func TestPackageParts(t *testing.T) {
	ps := parts(t, mustBytes(t, department(), fixed))
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "word/_rels/document.xml.rels"} {
		data, ok := ps[name]
		if !ok {
			t.Errorf("part %s is missing", name)
			continue
		}
		d := xml.NewDecoder(strings.NewReader(data))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
				break
			}
		}
	}
	for _, c := range []struct{ part, want string }{
		{"word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`},
		{"word/document.xml", `<w:pgMar w:top="2098" w:right="1475" w:bottom="1984" w:left="1587"`},
		{"word/document.xml", `<w:docGrid w:type="lines" w:linePitch="579"/>`},
		{"word/document.xml", `<w:footerReference w:type="even" r:id="rIdFooterEven"/>`},
		{"word/settings.xml", `<w:evenAndOddHeaders/>`},
		{"word/footer1.xml", `<w:instrText xml:space="preserve"> PAGE </w:instrText>`},
		{"word/footer1.xml", `<w:jc w:val="right"/>`},
		{"word/footer2.xml", `<w:jc w:val="left"/>`},
		{"word/styles.xml", `w:eastAsia="方正小标宋简体"`},
		{"word/styles.xml", `<w:ind w:firstLineChars="200" w:firstLine="640"/>`},
		{"word/fontTable.xml", `<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>`},
		{"docProps/core.xml", `<dc:title>新源县财政局2023年度政府信息公开工作年度报告</dc:title>`},
		{"docProps/core.xml", `<dc:creator>新源县财政局</dc:creator>`},
		{"docProps/core.xml", `2024-01-19T08:00:00Z`},
		{"docProps/app.xml", `<Application>nianbao `},
	} {
		if !strings.Contains(ps[c.part], c.want) {
			t.Errorf("%s lacks %s", c.part, c.want)
		}
	}
	// Styles, not direct formatting: no run of the body carries fonts or
	// sizes of its own.
	if doc := ps["word/document.xml"]; strings.Contains(doc, "<w:rFonts") || strings.Contains(doc, "<w:sz ") {
		t.Errorf("document.xml formats runs directly")
	}
}

func TestSameInputSameBytes(t *testing.T) {
	a, b := mustBytes(t, reports.Sample(), fixed), mustBytes(t, reports.Sample(), fixed)
	if !bytes.Equal(a, b) {
		t.Error("two writes of the sample differ")
	}
}

func TestSignatureLineOption(t *testing.T) {
	off, on := false, true
	for _, c := range []struct {
		name string
		opt  *bool
		want bool
	}{{"as the report says (on)", nil, true}, {"turned off for this copy", &off, false}, {"turned on", &on, true}} {
		t.Run(c.name, func(t *testing.T) {
			doc := parts(t, mustBytes(t, department(), Options{SignatureLine: c.opt}))["word/document.xml"]
			if got := strings.Contains(doc, reports.SignatureLineText); got != c.want {
				t.Errorf("signature line printed = %v, want %v", got, c.want)
			}
		})
	}
}

func TestControlCharactersAreLeftOut(t *testing.T) {
	r := reports.Sample()
	r.Other.Fee = "收费\x04为零\x00。"
	doc := parts(t, mustBytes(t, r, fixed))["word/document.xml"]
	if !strings.Contains(doc, "收费为零。") {
		t.Error("the fee statement is not written without its control characters")
	}
}

// ---- the outline golden ----

// docOutline is what word/document.xml holds, for the golden: every
// paragraph with its style and text, every table row with its cells'
// spans and merges.
type docOutline struct {
	Paragraphs []string   `json:"body"`
	Tables     [][]string `json:"tables"`
}

// readOutline reads the paragraphs and tables of word/document.xml.
func readOutline(t testing.TB, doc string) docOutline {
	t.Helper()
	var out docOutline
	d := xml.NewDecoder(strings.NewReader(doc))
	var (
		text    strings.Builder
		style   string
		inTable int
		row     []string
		rows    []string
		span    string
		vmerge  string
		header  bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			val := ""
			for _, a := range e.Attr {
				if a.Name.Local == "val" {
					val = a.Value
				}
			}
			switch e.Name.Local {
			case "p":
				text.Reset()
				style = "Normal"
			case "pStyle":
				style = val
			case "rStyle":
				text.WriteString("[" + val + "]")
			case "br":
				text.WriteString("⏎")
			case "tbl":
				inTable++
				rows = nil
			case "tr":
				row, header = nil, false
			case "tblHeader":
				header = true
			case "tc":
				span, vmerge = "", ""
			case "gridSpan":
				span = "+" + val
			case "vMerge":
				vmerge = "^"
				if val == "restart" {
					vmerge = "v"
				}
			}
		case xml.CharData:
			text.Write(e)
		case xml.EndElement:
			switch e.Name.Local {
			case "p":
				if inTable == 0 {
					out.Paragraphs = append(out.Paragraphs, style+": "+text.String())
				}
			case "tc":
				row = append(row, text.String()+span+vmerge)
			case "tr":
				l := strings.Join(row, " | ")
				if header {
					l = "H " + l
				}
				rows = append(rows, l)
			case "tbl":
				inTable--
				out.Tables = append(out.Tables, rows)
				out.Paragraphs = append(out.Paragraphs, "[table]")
			}
		}
	}
	return out
}

// The sample's document outline: paragraphs with their styles, tables
// with their merges, against testdata/sample.outline.json (the actual
// outline is written to testdata/failed/ on a mismatch).
func TestSampleOutlineGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *reports.Report
	}{{"sample", reports.Sample()}, {"township2019", township2019()}} {
		t.Run(c.name, func(t *testing.T) {
			got, err := json.MarshalIndent(readOutline(t, parts(t, mustBytes(t, c.r, fixed))["word/document.xml"]), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden.Assert(t, c.name+".outline.json", got)
		})
	}
}

// The 落款 keeps the last paragraph, and a one-line paragraph under a
// heading keeps the next one: keep-with-next on exactly those paragraphs.
func TestKeepWithNext(t *testing.T) {
	r := department()
	r.Other.Items = []reports.Part{{Title: "其他事项", Text: "特此说明。\n本年度无其他需要报告的事项。"}}
	doc := parts(t, mustBytes(t, r, fixed))["word/document.xml"]
	var kept []string
	for _, p := range strings.Split(doc, "<w:p>")[1:] {
		if strings.Contains(p, "<w:keepNext/>") {
			text := regexpText.ReplaceAllString(p, "")
			kept = append(kept, text)
		}
	}
	want := []string{
		"全年主动公开财政预决算信息126条。",        // one line under （一）主动公开, another paragraph follows
		"1.公开深度不够。部分预算项目说明较简略。",     // one line under （一）工作中存在的主要问题和困难
		"1.细化公开内容。2024年起按项目公开绩效目标。", // one line under （二）具体的解决办法和改进措施
		"特此说明。", // one line under （一）其他事项
		"本年度无其他需要报告的事项。", // the last paragraph, kept with the 落款
	}
	if strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs kept with the next: %q, want %q", kept, want)
	}
}

var regexpText = regexp.MustCompile(`<[^>]*>`)

// textCases drive TestAnyTextIsWrittenWellFormed and its fuzz test.
var textCases = []string{
	"收费<0>元 & “零”，见<a href=\"x\">附件</a>。",
	"]]> 与 <![CDATA[ 不是标记",
	"第一\t项\u3000全角空格 ABC 1,234.56 万元",
	"\x01\x02\x1f 控制字符",
	"\uFFFE\uFFFF 非字符",
	"𪚥 生僻字",
}

// checkText writes text as the fee statement and checks that the document
// is well-formed XML holding every character XML can hold.
func checkText(t *testing.T, text string) {
	r := reports.Sample()
	r.Other.Fee = text
	doc := parts(t, mustBytes(t, r, fixed))["word/document.xml"]
	d := xml.NewDecoder(strings.NewReader(doc))
	var chars strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed with %q: %v", text, err)
		}
		if c, ok := tok.(xml.CharData); ok {
			chars.Write(c)
		}
	}
	for _, p := range reports.ParagraphsAt(text) {
		for _, piece := range strings.Split(p.Text, "\t") {
			want := strings.Map(func(r rune) rune {
				if r < 0x20 || r == 0xFFFE || r == 0xFFFF {
					return -1
				}
				return r
			}, piece)
			if !strings.Contains(chars.String(), want) {
				t.Errorf("the document lacks %q", want)
			}
		}
	}
}

func TestAnyTextIsWrittenWellFormed(t *testing.T) {
	for _, c := range textCases {
		t.Run(c, func(t *testing.T) { checkText(t, c) })
	}
}

func FuzzAnyTextIsWrittenWellFormed(f *testing.F) {
	for _, c := range textCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			t.Skip()
		}
		checkText(t, text)
	})
}
