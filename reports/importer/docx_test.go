package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/reports"
	rhtml "nianbao/reports/html"
	"nianbao/reports/plaintext"
	"nianbao/reports/xlsx"
)

// gcell is a cell placed on a table grid, possibly merged.
type gcell struct {
	text           string
	row, col       int
	rowSpan, colSp int
}

// sectionGrid lays out the tables of a section on one grid as the printed
// template does (the blocks of table 二 share a grid four columns wide).
func sectionGrid(r *reports.Report, s *reports.Section) (cells []gcell, rows, width int) {
	t := r.Tmpl()
	for _, k := range s.Tables {
		width = max(width, t.Table(k).Width())
	}
	for _, k := range s.Tables {
		tb := t.Table(k)
		hdr, hrows := tb.HeaderGrid()
		for _, h := range hdr {
			cs := h.ColSpan
			if h.Col+cs == tb.Width() {
				cs = width - h.Col // the last cell fills the shared grid
			}
			cells = append(cells, gcell{h.Label, rows + h.Row, h.Col, h.RowSpan, cs})
		}
		for _, l := range tb.LabelGrid() {
			cells = append(cells, gcell{l.Label, rows + hrows + l.Row, l.Col, l.RowSpan, l.ColSpan})
		}
		for ri := range tb.Rows {
			for ci := range tb.Columns {
				cs := 1
				if ci == len(tb.Columns)-1 {
					cs = width - tb.Width() + 1
				}
				cells = append(cells, gcell{r.Display(tb, ri, ci), rows + hrows + ri, tb.LabelColumns + ci, 1, cs})
			}
		}
		rows += hrows + len(tb.Rows)
	}
	return cells, rows, width
}

// docxRun writes text as several runs, the way Word splits text between
// formatting changes, so the reader must join them.
func docxRuns(text string) string {
	var b strings.Builder
	rs := []rune(text)
	for len(rs) > 0 {
		n := min(len(rs), 7)
		fmt.Fprintf(&b, `<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, html.EscapeString(string(rs[:n])))
		rs = rs[n:]
	}
	return b.String()
}

func docxPara(text string) string {
	// A tab stop definition in the paragraph properties is not text.
	return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:jc w:val="both"/></w:pPr><w:bookmarkStart w:id="0" w:name="x"/>` +
		docxRuns(text) + `<w:bookmarkEnd w:id="0"/></w:p>`
}

// docxTable writes a grid as a Word table with real merges: w:gridSpan
// across, w:vMerge restart/continue down.
func docxTable(cells []gcell, rows, width int) string {
	type slot struct {
		c      *gcell
		origin bool
	}
	grid := make([][]slot, rows)
	for i := range grid {
		grid[i] = make([]slot, width)
	}
	for i := range cells {
		c := &cells[i]
		for dr := range max(c.rowSpan, 1) {
			for dc := range max(c.colSp, 1) {
				grid[c.row+dr][c.col+dc] = slot{c, dr == 0 && dc == 0}
			}
		}
	}
	var b strings.Builder
	// Single borders on every cell, as Word's “网格型” table style draws them.
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(&b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders></w:tblPr><w:tblGrid>`)
	// The table fits the page's text width (about 8300 twips on A4).
	colW := min(900, 8300/max(width, 1))
	for range width {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, colW)
	}
	b.WriteString(`</w:tblGrid>`)
	for r := range rows {
		b.WriteString(`<w:tr>`)
		for c := 0; c < width; {
			s := grid[r][c]
			if s.c == nil {
				b.WriteString(`<w:tc><w:p/></w:tc>`)
				c++
				continue
			}
			span := max(s.c.colSp, 1)
			props := ""
			if span > 1 {
				props += fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, span)
			}
			text := ""
			switch {
			case s.origin && s.c.rowSpan > 1:
				props += `<w:vMerge w:val="restart"/>`
				text = s.c.text
			case s.origin:
				text = s.c.text
			default:
				props += `<w:vMerge/>`
			}
			fmt.Fprintf(&b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>%s</w:tc>`, colW*span, props, docxPara(text))
			c += span
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	return b.String()
}

// sectionsOf walks the report as the plain text prints it, calling para for
// every paragraph and table for each section's tables.
func walkReport(r *reports.Report, para func(string), table func(*reports.Section)) {
	t := r.Tmpl()
	var sec *reports.Section
	inTable := false
	for _, l := range strings.Split(plaintext.String(r), "\n") {
		if strings.Contains(l, "\t") {
			if !inTable {
				table(sec)
				inTable = true
			}
			continue
		}
		inTable = false
		if strings.TrimSpace(l) == "" {
			continue
		}
		for i := range t.Sections {
			if t.Sections[i].Title() == l {
				sec = &t.Sections[i]
			}
		}
		para(l)
	}
}

// numberingXML defines two automatic lists: 1. 2. … and （一）（二）….
const numberingXML = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`{{lists}}</w:numbering>`

// autoNumbered writes a numbered paragraph with Word's automatic numbering
// instead of a typed number; each list after the first restarts at 1.
type autoNumberer struct {
	lists  strings.Builder
	nextID int
	last   string // style of the list in progress
	lastN  int
}

func (a *autoNumberer) para(p string) string {
	nb, ok := parseNumbered(p)
	if !ok || strings.HasPrefix(p, "第") {
		a.last = ""
		return docxPara(p)
	}
	abs := map[reports.Numbering]int{reports.NumberArabic: 0, reports.NumberParen: 1}[nb.style]
	if a.last != string(nb.style) || nb.n != a.lastN+1 {
		// A new list: restart numbering with a fresh w:num.
		if a.nextID == 0 {
			a.nextID = 10
		}
		a.nextID++
		fmt.Fprintf(&a.lists, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, a.nextID, abs, nb.n)
	}
	a.last, a.lastN = string(nb.style), nb.n
	return fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>`, a.nextID, docxRuns(nb.rest))
}

// writeDocx makes a minimal but real .docx of a report.
func writeDocx(t testing.TB, r *reports.Report) []byte {
	return writeDocxNumbered(t, r, false)
}

// writeDocxNumbered makes a .docx of a report; with auto, numbered parts
// use Word's automatic numbering.
func writeDocxNumbered(t testing.TB, r *reports.Report, auto bool) []byte {
	t.Helper()
	var body strings.Builder
	an := &autoNumberer{}
	walkReport(r, func(p string) {
		if auto {
			body.WriteString(an.para(p))
		} else {
			body.WriteString(docxPara(p))
		}
	}, func(s *reports.Section) {
		cells, rows, width := sectionGrid(r, s)
		body.WriteString(docxTable(cells, rows, width))
		body.WriteString(`<w:p/>`)
	})
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body.String() + `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
	return zipFiles(t, map[string]string{
		"word/numbering.xml":  strings.Replace(numberingXML, "{{lists}}", an.lists.String(), 1),
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   doc,
	})
}

func zipFiles(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/numbering.xml", "xl/workbook.xml", "content.xml", "other.txt"} {
		data, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A .docx of the seed with real merged tables imports as the sample.
func TestDocxImportsAsTheSample(t *testing.T) {
	for _, c := range ownReports() {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "seed.docx", writeDocx(t, c.r))
			sameReport(t, "docx_"+strings.ReplaceAll(c.name, " ", "_"), comparable(t, c.r), comparable(t, res.Report))
			if res.Format != "Word 文档" || res.Uncertain() {
				t.Errorf("format %q, problems %v", res.Format, res.Findings)
			}
			for _, p := range res.Findings {
				if p.Location.Source.Line != 0 {
					t.Errorf("a .docx problem has a line number: %v", p)
				}
			}
		})
	}
}

// Parts numbered by Word's automatic numbering (the numbers are not in the
// text, only in word/numbering.xml) are recognised like typed numbers.
func TestDocxAutomaticNumbering(t *testing.T) {
	for _, r := range []*reports.Report{reports.Sample(), handMade()} {
		data := writeDocxNumbered(t, r, true)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		f, _ := zr.Open("word/document.xml")
		doc, _ := io.ReadAll(f)
		if bytes.Contains(doc, []byte(">1.主动")) || !bytes.Contains(doc, []byte("<w:numPr>")) {
			t.Fatal("the test document has typed numbers")
		}
		res := mustImport(t, "auto.docx", data)
		sameReport(t, "docx_auto", comparable(t, r), comparable(t, res.Report))
	}
}

// htmlOf renders a report as an HTML page with real merged tables, as a
// portal page would show it.
func htmlOf(r *reports.Report) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title></head><body>\n")
	walkReport(r, func(p string) { fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p)) }, func(s *reports.Section) {
		cells, rows, width := sectionGrid(r, s)
		b.WriteString("<table border=\"1\">\n")
		for row := range rows {
			b.WriteString("<tr>")
			for _, c := range cells {
				if c.row != row {
					continue
				}
				fmt.Fprintf(&b, "<td rowspan=\"%d\" colspan=\"%d\">%s</td>", max(c.rowSpan, 1), max(c.colSp, 1), html.EscapeString(c.text))
			}
			b.WriteString("</tr>\n")
		}
		_ = width
		b.WriteString("</table>\n")
	})
	b.WriteString("</body></html>\n")
	return b.String()
}

// A .docx that LibreOffice made from an HTML rendering of the sample (as
// an office would save a web page as Word) imports as the sample.
func TestLibreOfficeDocxImportsAsTheSample(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "seed.html")
	if err := os.WriteFile(src, []byte(htmlOf(reports.Sample())), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, src)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "seed.docx"))
	if err != nil {
		t.Fatalf("no docx from soffice: %v\n%s", err, out)
	}
	res := mustImport(t, "seed.docx", data)
	sameReport(t, "libreoffice", comparable(t, reports.Sample()), comparable(t, res.Report))
	if res.Uncertain() {
		t.Errorf("problems: %v", res.Findings)
	}
}

// The seed's text pasted into a Word document as plain paragraphs (tables
// as tab-separated lines), saved by LibreOffice as .docx, imports as the
// sample too.
func TestLibreOfficeDocxOfTheSeedText(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion skipped in -short mode")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(src, []byte(readSeed(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "seed.docx"))
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, "seed.docx", data)
	sameReport(t, "libreoffice_text", mustMarshal(t, reports.Sample()), mustMarshal(t, res.Report))
	if res.Uncertain() {
		t.Errorf("problems: %v", res.Findings)
	}
}

// Zips that are not Word documents, and hostile ones, are refused with a
// clear message and never read whole into memory.
func TestBadZips(t *testing.T) {
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`))
		zeros := make([]byte, 1<<20)
		for range 40 { // 40 MB of zeros compress to about 40 KB
			w.Write(zeros)
		}
		zw.Close()
		return buf.Bytes()
	}()
	// The same bomb with a zip header that lies about the size.
	lying := func() []byte {
		var raw bytes.Buffer
		fw, _ := flate.NewWriter(&raw, flate.BestCompression)
		crc := crc32.NewIEEE()
		mw := io.MultiWriter(fw, crc)
		mw.Write([]byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`))
		zeros := make([]byte, 1<<20)
		for range 40 {
			mw.Write(zeros)
		}
		fw.Close()
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
			CRC32: crc.Sum32(), CompressedSize64: uint64(raw.Len()), UncompressedSize64: 1000})
		w.Write(raw.Bytes())
		zw.Close()
		return buf.Bytes()
	}()
	if len(bomb) > 1<<20 {
		t.Fatalf("bomb is %d bytes, should be small", len(bomb))
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"notes.docx", zipFiles(t, map[string]string{"other.txt": "hello"}), "不是 Word（.docx）文档"},
		{"bomb.docx", bomb, "压缩炸弹"},
		{"lying.docx", lying, "无法解压"},
		{"report.odt", zipFiles(t, map[string]string{"content.xml": "<x/>"}), "另存为”Word（.docx）"},
		{"broken.docx", zipFiles(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), "格式有误"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Import(c.name, c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want one saying %q", err, c.want)
			}
		})
	}
	// An empty Word document is read but has nothing usable.
	empty := zipFiles(t, map[string]string{"word/document.xml": `<w:document xmlns:w="x"><w:body><w:p/></w:body></w:document>`})
	res, err := Import("empty.docx", empty)
	if err != nil || !res.Empty {
		t.Errorf("empty docx: %v %+v", err, res)
	}
}

// .xlsx files go to the Excel importer: nianbao's own workbook comes back
// with every number.
func TestXLSXDispatch(t *testing.T) {
	r := handMade()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, r, nil); err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, "report.xlsx", buf.Bytes())
	if res.Format != "Excel 表格" || res.Report.Year != 2023 {
		t.Errorf("format %q, year %d", res.Format, res.Report.Year)
	}
	for _, k := range r.Tmpl().InputKeys() {
		if got, want := res.Report.Cell(k), r.Cell(k); got != want {
			t.Errorf("%s = %+v, want %+v", k, got, want)
		}
	}
	problemSays("文字部分为空")(t, res)

	// A workbook that is not a report's is refused with the Excel reader's message.
	junk := zipFiles(t, map[string]string{"xl/workbook.xml": "<workbook/>"})
	if _, err := Import("junk.xlsx", junk); err == nil || !strings.Contains(err.Error(), "junk.xlsx") {
		t.Errorf("error = %v", err)
	}
}

// A web page saved from the portal imports like the document it shows,
// in UTF-8 or in GBK with a meta charset.
func TestHTMLImportsAsTheSample(t *testing.T) {
	page := htmlOf(reports.Sample())
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Replace(page, `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, data, format string }{
		{"seed.html", page, "网页"},
		{"seed.htm", gbk, "网页（GBK）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, c.name, []byte(c.data))
			sameReport(t, "html", comparable(t, reports.Sample()), comparable(t, res.Report))
			if res.Format != c.format || res.Uncertain() {
				t.Errorf("format %q, problems %v", res.Format, res.Findings)
			}
		})
	}
}

// The portal page nianbao itself writes (package html) imports back.
func TestOwnHTMLExportImports(t *testing.T) {
	for _, r := range []*reports.Report{reports.Sample(), handMade(), handMade2019()} {
		var buf bytes.Buffer
		if err := rhtml.Write(&buf, r); err != nil {
			t.Fatal(err)
		}
		res := mustImport(t, "report.html", buf.Bytes())
		sameReport(t, "own_html", comparable(t, r), comparable(t, res.Report))
		if res.Uncertain() {
			t.Errorf("problems: %v", res.Findings)
		}
	}
}

// What Word puts around text: tracked changes, alternate content, field
// codes, tab stops, line breaks, cells before the first one.
func TestDocumentXMLReader(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string // paragraphs, or for a table its rows as "col:text|…"
	}{
		{"deleted and moved text is not read",
			`<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>`,
			[]string{"保留插入"}},
		{"alternate content is read once",
			`<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>甲</w:t></mc:Choice><mc:Fallback><w:t>甲</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
			[]string{"甲"}},
		{"field codes are not text",
			`<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>`,
			[]string{"1"}},
		{"tab stops are not tabs, tabs are",
			`<w:p><w:pPr><w:tabs><w:tab w:pos="420"/></w:tabs></w:pPr><w:r><w:t>规章</w:t><w:tab/><w:t>0</w:t></w:r></w:p>`,
			[]string{"规章\t0"}},
		{"a line break splits a paragraph",
			`<w:p><w:r><w:t>新源县别斯托别乡人民政府</w:t><w:br/><w:t>2024年1月19日</w:t></w:r></w:p>`,
			[]string{"新源县别斯托别乡人民政府", "2024年1月19日"}},
		{"merged and skipped grid cells",
			`<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p><w:r><w:t>残留</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			[]string{"1:甲|3:1", "0:|1:|3:23"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := `<w:document xmlns:w="w" xmlns:mc="mc"><w:body>` + c.body + `</w:body></w:document>`
			blocks, err := readDocumentXML([]byte(doc), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range blocks {
				if b.table == nil {
					got = append(got, b.para)
					continue
				}
				for _, r := range b.table.rows {
					var cells []string
					for _, c := range r.cells {
						cells = append(cells, fmt.Sprintf("%d:%s", c.col, c.text))
					}
					got = append(got, strings.Join(cells, "|"))
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
