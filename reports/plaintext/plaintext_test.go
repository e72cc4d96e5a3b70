package plaintext

import (
	"nianbao/internal/golden"
	"strings"
	"testing"

	"nianbao/reports"
)

// The sample's text is compared with testdata/sample.txt; UPDATE_GOLDEN=1
// rewrites it, a mismatch writes the actual text to testdata/failed/.
func TestSampleGolden(t *testing.T) {
	got := String(reports.Sample())
	golden.Assert(t, "sample.txt", []byte(got))
}

// The sample's text has the seed's layout: title, preamble, headings,
// inline overview parts, tab-separated tables, the 落款.
func TestSampleLayout(t *testing.T) {
	text := String(reports.Sample())
	paras := strings.Split(strings.TrimRight(text, "\n"), "\n\n")
	if paras[0] != "别斯托别乡2023年度政府信息公开工作年度报告" {
		t.Errorf("title = %q", paras[0])
	}
	if !strings.HasPrefix(paras[1], "2023年以来，别斯托别乡") || !strings.HasPrefix(paras[2], "如对本报告有任何疑问") {
		t.Errorf("preamble = %q / %q", paras[1], paras[2])
	}
	if paras[3] != "一、总体情况" || !strings.HasPrefix(paras[4], "1.主动公开方面。本乡在2023年度") {
		t.Errorf("overview starts %q / %q", paras[3], paras[4])
	}
	last := paras[len(paras)-2:]
	if last[0] != "新源县别斯托别乡人民政府" || last[1] != "2024年1月19日" {
		t.Errorf("落款 = %q", last)
	}
	for _, want := range []string{"（一）工作中存在的主要问题和困难", "（二）具体的解决办法和改进措施", "1.加强队伍建设。坚持定期", "本年度未收取政府信息公开信息处理费。",
		"第二十条第（一）项\t\t\t", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "行政规范性文件\t0\t0\t0", "行政许可\t0\t\t"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimRight(l, " ") != l {
			t.Errorf("line %d ends with spaces: %q", i+1, l)
		}
	}
}

// Table lines take every label from the template's grids and every total
// from Report.Display.
func TestTableLinesFromTheTemplate(t *testing.T) {
	for _, year := range []int{2023, 2020} {
		r := reports.New(year)
		n := int64(1)
		for _, k := range r.Tmpl().InputKeys() {
			r.Cells[k] = reports.Num(n)
			n++
		}
		for _, tb := range r.Tmpl().Tables {
			lines := TableLines(r, tb, 0)
			_, hrows := tb.HeaderGrid()
			if len(lines) != hrows+len(tb.Rows) {
				t.Fatalf("%s: %d lines, want %d", tb.Key, len(lines), hrows+len(tb.Rows))
			}
			for _, l := range lines {
				if got := len(strings.Split(l, "\t")); got != tb.Width() {
					t.Errorf("%s: line %q has %d cells, want %d", tb.Key, l, got, tb.Width())
				}
			}
			for _, c := range tb.LabelGrid() {
				if got := strings.Split(lines[hrows+c.Row], "\t")[c.Col]; got != c.Label {
					t.Errorf("%s row %d col %d = %q, want %q", tb.Key, c.Row, c.Col, got, c.Label)
				}
			}
			for ri := range tb.Rows {
				cells := strings.Split(lines[hrows+ri], "\t")
				for ci := range tb.Columns {
					if got, want := cells[tb.LabelColumns+ci], r.Number(tb, ri, ci).String(); got != want {
						t.Errorf("%s: %s = %s, want %s", tb.Key, tb.CellName(r.Tmpl(), ri, ci), got, want)
					}
				}
			}
		}
		// The grand total of table 三 is the sum of every result cell.
		t3 := r.Tmpl().Table(reports.TableT3)
		var sum reports.Decimal
		for ri, row := range t3.Rows {
			if ri >= 2 && row.Key != reports.RowTotal && row.Key != reports.RowNext {
				sum = sum.Add(r.Number(t3, ri, len(t3.Columns)-1))
			}
		}
		lines := TableLines(r, t3, 0)
		total := strings.Split(lines[len(lines)-2], "\t")
		if total[1] != "（七）总计" || total[len(total)-1] != sum.String() || sum.IsZero() {
			t.Errorf("%d: （七）总计 line %q, want total %s", year, lines[len(lines)-2], sum)
		}
	}
}

// The 2019 format prints its own table 二 blocks and a single （六）其他处理 row.
func TestFormat2019(t *testing.T) {
	text := String(reports.New(2020))
	for _, want := range []string{"第二十条第（九）项\t\t\t", "信息内容\t采购项目数量\t采购总金额\t", "\t（六）其他处理\t\t0\t", "规范性文件\t0\t0\t0"} {
		if !strings.Contains(text, want) {
			t.Errorf("2019 text lacks %q", want)
		}
	}
	if strings.Contains(text, "3.其他") {
		t.Error("2019 text has the 2021 rows of （六）其他处理")
	}
}

func TestPartsPrinting(t *testing.T) {
	cases := []struct {
		name string
		ov   reports.Overview
		want []string
	}{
		{"inline arabic", reports.Overview{Numbering: reports.NumberArabic, Inline: true,
			Parts: []reports.Part{{Title: "主动公开", Text: "甲。\n乙。"}, {Title: "监督保障：", Text: "丙。"}}},
			[]string{"1.主动公开。甲。", "乙。", "2.监督保障：丙。"}},
		{"headings in paren numbering", reports.Overview{Numbering: reports.NumberParen,
			Parts: []reports.Part{{Title: "主动公开", Text: "甲。"}}},
			[]string{"（一）主动公开", "甲。"}},
		{"several untitled parts are numbered, as in the PDF", reports.Overview{Numbering: reports.NumberParen,
			Parts: []reports.Part{{Text: "甲。"}, {Text: "乙。\n丙。"}}},
			[]string{"（一）甲。", "（二）乙。", "丙。"}},
		{"a single untitled part is plain paragraphs", reports.Overview{Numbering: reports.NumberParen,
			Parts: []reports.Part{{Text: "甲。"}}},
			[]string{"甲。"}},
		{"empty parts take no number", reports.Overview{Numbering: reports.NumberArabic, Inline: true,
			Parts: []reports.Part{{}, {Title: "主动公开", Text: "甲。"}, {Title: "依申请公开"}}},
			[]string{"1.主动公开。甲。", "2.依申请公开"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reports.New(2023)
			r.Overview = c.ov
			text := String(r)
			start := strings.Index(text, "一、总体情况\n\n") + len("一、总体情况\n\n")
			end := strings.Index(text, "二、主动公开政府信息情况")
			got := strings.Split(strings.TrimSpace(text[start:end]), "\n\n")
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// The rules of the printed outline reach the text: an empty section says
// 无。 (as the PDF does), the signature line follows the 落款 when the
// report asks for it.
func TestOutlineRulesInTheText(t *testing.T) {
	empty := reports.Sample()
	empty.Other = reports.Other{}
	signed := reports.Sample()
	signed.Signing.SignatureLine = true
	cases := []struct {
		name string
		r    *reports.Report
		want string
	}{
		{"an empty section prints 无。", empty, "六、其他需要报告的事项\n\n无。\n\n新源县别斯托别乡人民政府\n"},
		{"the signature line ends the text", signed, "2024年1月19日\n\n" + reports.SignatureLineText + "\n\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := String(c.r); !strings.Contains(got, c.want) {
				t.Errorf("text lacks %q; it ends %q", c.want, got[max(0, len(got)-200):])
			}
		})
	}
}
