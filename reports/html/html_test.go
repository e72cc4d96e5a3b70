package html

import (
	"bytes"
	"nianbao/internal/golden"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"nianbao/reports"
)

func render(t *testing.T, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func parse(t *testing.T, data []byte) *xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

func walk(n *xhtml.Node, fn func(*xhtml.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func elements(doc *xhtml.Node, tag string) []*xhtml.Node {
	var out []*xhtml.Node
	walk(doc, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

// handMade has non-zero numbers everywhere and text that must be escaped.
func handMade() *reports.Report {
	r := reports.New(2023)
	r.Organ = reports.Organ{FullName: "某县<某某>镇人民政府", ShortName: "某某镇&", Level: reports.LevelTownship}
	for i, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(int64(i%13 + 1))
	}
	money, _ := reports.ParseDecimal("5949.088667")
	r.Cells["t2_8.fee.amount"] = reports.Cell{Value: money}
	r.Preamble = "第一段<script>alert(1)</script>\n第二段"
	r.Overview.Parts[0].Text = "主动公开“政策”&解读"
	r.Overview.Inline = true
	r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 19}
	return r
}

func TestTablesHaveTheTemplateGrid(t *testing.T) {
	for _, r := range []*reports.Report{reports.Sample(), handMade(), reports.New(2020)} {
		doc := parse(t, render(t, r))
		tmpl := r.Tmpl()
		// every table's header and label cells, with their spans
		for _, tb := range tmpl.Tables {
			var group *xhtml.Node
			walk(doc, func(n *xhtml.Node) {
				if n.Type == xhtml.ElementNode && attr(n, "data-table") == tb.Key && group == nil {
					group = n
				}
			})
			if group == nil {
				t.Fatalf("%s %s: no element for the table", r.Template, tb.Key)
			}
			// the th cells of this table's row groups, as label/rowspan/colspan
			have := map[string]int{}
			var table *xhtml.Node
			for table = group; table.Data != "table"; table = table.Parent {
			}
			for c := table.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != xhtml.ElementNode || attr(c, "data-table") != tb.Key {
					continue
				}
				for _, th := range elements(c, "th") {
					rs, _ := strconv.Atoi(attr(th, "rowspan"))
					cs, _ := strconv.Atoi(attr(th, "colspan"))
					if tb.Caption != "" {
						cs = 0 // narrower blocks of table 二 widen their last column
					}
					have[text(th)+"|"+strconv.Itoa(max(rs, 1))+"|"+strconv.Itoa(max(cs, 1))]++
				}
			}
			header, _ := tb.HeaderGrid()
			want := map[string]int{}
			for _, h := range header {
				cs := h.ColSpan
				if tb.Caption != "" {
					cs = 1
				}
				want[h.Label+"|"+strconv.Itoa(h.RowSpan)+"|"+strconv.Itoa(cs)]++
			}
			for _, l := range tb.LabelGrid() {
				cs := l.ColSpan
				if tb.Caption != "" {
					cs = 1
				}
				want[l.Label+"|"+strconv.Itoa(l.RowSpan)+"|"+strconv.Itoa(cs)]++
			}
			for k, n := range want {
				if have[k] != n {
					t.Errorf("%s %s: %d th cells label|rowspan|colspan %q, want %d", r.Template, tb.Key, have[k], k, n)
				}
			}
			if len(have) != len(want) {
				t.Errorf("%s %s: th cells %v, want %v", r.Template, tb.Key, have, want)
			}
		}
		// every cell, typed or computed, shows the report's value
		cells := map[string]string{}
		for _, td := range elements(doc, "td") {
			cells[attr(td, "data-cell")] = text(td)
		}
		for _, tb := range tmpl.Tables {
			for ri := range tb.Rows {
				for ci := range tb.Columns {
					k := string(tb.CellKey(ri, ci))
					if got, want := cells[k], r.Display(tb, ri, ci); got != want {
						t.Errorf("cell %s = %q, want %q", k, got, want)
					}
				}
			}
		}
	}
}

// TestTableRowsAreRectangular checks that every row of every table fills
// the same number of grid columns once rowspans from above are counted, so
// the browser draws the grid the template has.
func TestTableRowsAreRectangular(t *testing.T) {
	doc := parse(t, render(t, handMade()))
	for _, table := range elements(doc, "table") {
		carry := map[int]int{} // grid column → rows still covered from above
		width := -1
		for ri, tr := range elements(table, "tr") {
			col := 0
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != xhtml.ElementNode {
					continue
				}
				for carry[col] > 0 {
					carry[col]--
					col++
				}
				rs, _ := strconv.Atoi(attr(c, "rowspan"))
				cs, _ := strconv.Atoi(attr(c, "colspan"))
				for i := range max(cs, 1) {
					if rs > 1 {
						carry[col+i] = rs - 1
					}
				}
				col += max(cs, 1)
			}
			for carry[col] > 0 {
				carry[col]--
				col++
			}
			if width == -1 {
				width = col
			} else if col != width {
				t.Errorf("table %s row %d spans %d columns, want %d", attr(table, "data-section"), ri, col, width)
			}
		}
	}
}

func TestTextIsEscapedAndComplete(t *testing.T) {
	r := handMade()
	page := render(t, r)
	s := string(page)
	if strings.Contains(s, "<script>") || strings.Contains(s, "<某某>") {
		t.Errorf("text not escaped")
	}
	for _, bad := range []string{"http://", "https://", "src=", "<link", "@import"} {
		if strings.Contains(s, bad) {
			t.Errorf("page refers to an external resource: %q", bad)
		}
	}
	doc := parse(t, page)
	var ps []string
	for _, p := range elements(doc, "p") {
		ps = append(ps, text(p))
	}
	want := []string{"第一段<script>alert(1)</script>", "第二段", "（一）主动公开。主动公开“政策”&解读", "某县<某某>镇人民政府", "2024年1月19日"}
	for _, w := range want {
		found := false
		for _, p := range ps {
			if p == w {
				found = true
			}
		}
		if !found {
			t.Errorf("paragraph %q missing; have %q", w, ps)
		}
	}
	if h1 := elements(doc, "h1"); len(h1) != 1 || text(h1[0]) != r.Title() {
		t.Errorf("title = %v", h1)
	}
	var h2 []string
	for _, h := range elements(doc, "h2") {
		h2 = append(h2, text(h))
	}
	if len(h2) != 6 || h2[2] != "三、收到和处理政府信息公开申请情况" {
		t.Errorf("section headings = %q", h2)
	}
	if !strings.Contains(s, "@media print") || !strings.Contains(s, "size: A4") || !strings.Contains(s, `"仿宋_GB2312"`) || !strings.Contains(s, "FandolFang") {
		t.Errorf("print CSS or font stacks missing")
	}
}

// TestSampleGolden compares the sample's page with testdata/sample.html;
// UPDATE_GOLDEN=1 rewrites it, a mismatch is written to testdata/failed/.
func TestSampleGolden(t *testing.T) {
	got := render(t, reports.Sample())
	golden.Assert(t, "sample.html", got)
	for _, w := range []string{"新源县别斯托别乡人民政府", "2024年1月19日", "1.主动公开方面。本乡在2023年度", "（二）具体的解决办法和改进措施", "本年度未收取政府信息公开信息处理费。"} {
		if !bytes.Contains(got, []byte(w)) {
			t.Errorf("sample page lacks %q", w)
		}
	}
}

func TestWriteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "r.html")
	if err := WriteFile(p, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil || !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
		t.Errorf("file not written: %v", err)
	}
}

// The page numbers lists as the PDF and the text export do: untitled
// problems of a list of several are numbered 1. 2., and 六's items are
// （一） headings.
func TestListsNumberedLikeThePrintedReport(t *testing.T) {
	r := reports.Sample()
	r.Improvement.Problems = []reports.Part{{Text: "人手不足。"}, {Text: "平台更新慢。"}}
	r.Other.Items = []reports.Part{{Title: "人大代表建议办理情况", Text: "办理建议3件。"}}
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{">1.人手不足。<", ">2.平台更新慢。<", ">（一）人大代表建议办理情况<", ">1.加强队伍建设。坚持"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// The rules of the printed outline reach the page: 无。 under an empty
// section, the signature line when asked, 1. headings in 仿宋.
func TestOutlineRulesInThePage(t *testing.T) {
	r := reports.Sample()
	r.Other = reports.Other{}
	r.Signing.SignatureLine = true
	r.Overview.Inline = false
	r.Overview.Numbering = reports.NumberArabic
	page := string(render(t, r))
	for _, want := range []string{
		"六、其他需要报告的事项</h2>\n<p style='" + stylePara + "'>无。</p>",
		"<p class=\"nb-signature\" style='" + styleSignature + "'>" + reports.SignatureLineText + "</p>",
		"<h4 style='" + styleH4 + "'>1.主动公开方面</h4>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}
