// Package html writes a report as one self-contained web page for the
// 政府信息公开 column of a government portal: the title, every section and
// paragraph, the statistical tables with real rowspan/colspan drawn from the
// template's grids, and the 落款. The page needs no external resource: the
// CSS is inline (and repeated as style attributes on the tables and
// paragraphs, since portal editors often drop <style> blocks), with 仿宋/宋体
// font stacks naming both the Windows and the Linux fonts, and print rules
// for A4.
//
// Everything inside <div class="nianbao-report"> can be pasted into the
// portal's editor as it is. The text follows the same numbering rules as
// the PDF and the plain text (package plaintext).
package html

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"

	"nianbao/reports"
)

// Font stacks: the official fonts first, then what Windows, WPS, UOS/Kylin
// and other Linux desktops have.
const (
	fangStack  = `"仿宋_GB2312", "仿宋", FangSong, STFangsong, "FandolFang R", "Noto Serif CJK SC", "Source Han Serif SC", serif`
	songStack  = `"宋体", SimSun, "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", serif`
	heiStack   = `"黑体", SimHei, "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`
	kaiStack   = `"楷体_GB2312", "楷体", KaiTi, STKaiti, "LXGW WenKai", "AR PL UKai CN", serif`
	titleStack = `"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`
)

// Inline styles, repeated as attributes so that a pasted fragment keeps them.
const (
	stylePara    = "margin:0;text-indent:2em;line-height:1.8;font-size:16pt;font-family:" + fangStack + ";"
	styleH1      = "text-align:center;font-size:22pt;font-weight:normal;line-height:1.5;margin:0 0 0.8em 0;font-family:" + titleStack + ";"
	styleH2      = "margin:0.4em 0 0 0;text-indent:2em;font-size:16pt;font-weight:normal;line-height:1.8;font-family:" + heiStack + ";"
	styleH3      = "margin:0;text-indent:2em;font-size:16pt;font-weight:normal;line-height:1.8;font-family:" + kaiStack + ";"
	styleTable   = "border-collapse:collapse;width:100%;margin:0.5em 0 1em 0;font-size:10.5pt;line-height:1.4;font-family:" + songStack + ";"
	styleCell    = "border:1px solid #000;padding:3px 4px;text-align:center;vertical-align:middle;font-weight:normal;"
	styleLabel   = "border:1px solid #000;padding:3px 4px;text-align:left;vertical-align:middle;font-weight:normal;"
	styleNote    = "border:1px solid #000;padding:3px 4px;text-align:left;vertical-align:middle;font-weight:normal;font-size:9pt;"
	styleSign    = "margin:0;text-align:right;padding-right:4em;line-height:1.8;font-size:16pt;font-family:" + fangStack + ";"
	styleSignTop = "margin:2em 0 0 0;text-align:right;padding-right:4em;line-height:1.8;font-size:16pt;font-family:" + fangStack + ";"
)

const css = `
.nianbao-report { max-width: 210mm; margin: 0 auto; padding: 1em 1.5em; color: #000; background: #fff; }
.nianbao-report table th, .nianbao-report table td { word-break: break-all; }
.nianbao-report .nb-num { white-space: nowrap; }
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
@media print {
  .nianbao-report { max-width: none; padding: 0; }
  .nianbao-report table { page-break-inside: auto; }
  .nianbao-report tr { page-break-inside: avoid; }
  .nianbao-report thead { display: table-header-group; }
  .nianbao-report h2, .nianbao-report h3 { page-break-after: avoid; }
}
`

// Write writes the page of r to w.
func Write(w io.Writer, r *reports.Report) error {
	bw := bufio.NewWriter(w)
	p := &page{w: bw, r: r, t: r.Tmpl()}
	p.document()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write web page: %w", err)
	}
	return nil
}

// WriteFile writes the page of r to path atomically (the previous file, if
// any, is kept as path+".bak").
func WriteFile(path string, r *reports.Report) error {
	var b strings.Builder
	if err := Write(&b, r); err != nil {
		return err
	}
	return reports.WriteFileAtomic(path, []byte(b.String()), true)
}

type page struct {
	w *bufio.Writer
	r *reports.Report
	t *reports.Template
}

func (p *page) printf(format string, a ...any) { fmt.Fprintf(p.w, format, a...) }

func esc(s string) string { return html.EscapeString(s) }

func (p *page) document() {
	r := p.r
	p.printf("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	p.printf("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p.printf("<meta name=\"generator\" content=\"nianbao\">\n")
	p.printf("<title>%s</title>\n</head>\n<body>\n", esc(r.Title()))
	p.printf("<div class=\"nianbao-report\">\n<style>%s</style>\n", css)
	p.printf("<h1 style='%s'>%s</h1>\n", styleH1, esc(r.Title()))
	p.paras(r.Preamble)
	for _, s := range p.t.Sections {
		p.printf("<h2 style='%s'>%s</h2>\n", styleH2, esc(s.Title()))
		switch s.Key {
		case reports.SectionOverview:
			p.parts(r.Overview.Parts, r.Overview.Numbering, r.Overview.Inline)
		case reports.SectionActive, reports.SectionRequests, reports.SectionReview:
			p.tables(s)
		case reports.SectionImprovement:
			p.improvement()
		case reports.SectionOther:
			p.other()
		}
	}
	if org := strings.TrimSpace(r.SignedBy()); org != "" {
		p.printf("<p class=\"nb-sign\" style='%s'>%s</p>\n", styleSignTop, esc(org))
	}
	if d := r.Signing.Date.Chinese(); d != "" {
		p.printf("<p class=\"nb-sign\" style='%s'>%s</p>\n", styleSign, esc(d))
	}
	p.printf("</div>\n</body>\n</html>\n")
}

// paras writes each non-empty line of text as a paragraph.
func (p *page) paras(text string) {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			p.printf("<p style='%s'>%s</p>\n", stylePara, esc(line))
		}
	}
}

// parts writes titled parts numbered as the printed report numbers them
// (reports.NumberParts): inline titles run into the first paragraph,
// other titles are headings of their own.
func (p *page) parts(parts []reports.Part, n reports.Numbering, inline bool) {
	for _, part := range reports.NumberParts(parts, n) {
		paras := reports.Paragraphs(part.Text)
		switch {
		case part.Title == "":
			paras[0] = part.Label + paras[0]
		case !inline || len(paras) == 0:
			p.printf("<h3 style='%s'>%s</h3>\n", styleH3, esc(part.Label+part.Title))
		default:
			paras[0] = reports.LeadIn(part.Label, part.Title) + paras[0]
		}
		for _, para := range paras {
			p.printf("<p style='%s'>%s</p>\n", stylePara, esc(para))
		}
	}
}

// improvement writes 五: each titled group as a （一）/（二） heading, its
// items numbered 1. 2. with the titles run into the text.
func (p *page) improvement() {
	for _, g := range p.r.ImprovementGroups() {
		if g.Title != "" {
			p.printf("<h3 style='%s'>%s</h3>\n", styleH3, esc(g.Label+g.Title))
		}
		p.parts(g.Parts, reports.NumberArabic, true)
	}
}

// other writes 六: the fee statement, the text, then the items with their
// titles as （一） headings.
func (p *page) other() {
	o := p.r.Other
	p.paras(o.Fee)
	p.paras(o.Text)
	p.parts(o.Items, reports.NumberParen, false)
}

// tables writes the tables of a section as one HTML table: the blocks of
// table 二 share one grid as wide as the widest block, as in the printed
// template, a narrower block's last column spanning the rest.
func (p *page) tables(s reports.Section) {
	tbs, width := p.t.SectionTables(s)
	if len(tbs) == 0 {
		return
	}
	p.printf("<table class=\"nb-table\" data-section=\"%s\" style='%s'>\n", esc(s.Key), styleTable)
	p.colgroup(tbs[0].LabelColumns, width)
	for _, tb := range tbs {
		p.table(tb, width)
	}
	p.printf("</table>\n")
}

// colgroup gives the label columns room for their long labels and shares
// the rest of the width equally between the number columns.
func (p *page) colgroup(labelCols, width int) {
	var labels []float64
	switch labelCols {
	case 1:
		labels = []float64{28}
	case 3:
		labels = []float64{7, 11, 28}
	default:
		for range labelCols {
			labels = append(labels, 12)
		}
	}
	used := 0.0
	for _, w := range labels {
		used += w
	}
	p.printf("<colgroup>")
	for i := range width {
		w := (100 - used) / float64(width-labelCols)
		if i < labelCols {
			w = labels[i]
		}
		p.printf("<col style='width:%.1f%%'>", w)
	}
	p.printf("</colgroup>\n")
}

// spanAttrs writes rowspan/colspan attributes for spans above 1.
func spanAttrs(rows, cols int) string {
	var b strings.Builder
	if rows > 1 {
		fmt.Fprintf(&b, " rowspan=\"%d\"", rows)
	}
	if cols > 1 {
		fmt.Fprintf(&b, " colspan=\"%d\"", cols)
	}
	return b.String()
}

func (p *page) table(tb *reports.Table, width int) {
	extra := width - tb.Width() // given to the last grid column
	last := tb.Width() - 1
	header, hrows := tb.HeaderGrid()
	group := "tbody"
	if tb.Caption == "" {
		group = "thead" // repeated on every printed page
	}
	p.printf("<%s data-table=\"%s\">\n", group, esc(tb.Key))
	for hr := range hrows {
		p.printf("<tr>")
		for _, h := range header {
			if h.Row != hr {
				continue
			}
			cs := h.ColSpan
			if h.Col+h.ColSpan-1 == last {
				cs += extra
			}
			style := styleCell
			if h.Note {
				style = styleNote
			}
			p.printf("<th%s style='%s'>%s</th>", spanAttrs(h.RowSpan, cs), style, esc(h.Label))
		}
		p.printf("</tr>\n")
	}
	if group == "thead" {
		p.printf("</thead>\n<tbody data-table=\"%s\">\n", esc(tb.Key))
	}
	labels := tb.LabelGrid()
	for ri := range tb.Rows {
		p.printf("<tr>")
		for _, l := range labels {
			if l.Row != ri {
				continue
			}
			cs := l.ColSpan
			if tb.LabelColumns == tb.Width() && l.Col+l.ColSpan-1 == last {
				cs += extra
			}
			p.printf("<th scope=\"row\"%s style='%s'>%s</th>", spanAttrs(l.RowSpan, cs), styleLabel, esc(l.Label))
		}
		for ci := range tb.Columns {
			cs := 1
			if tb.LabelColumns+ci == last {
				cs += extra
			}
			p.printf("<td class=\"nb-num\" data-cell=\"%s\"%s style='%s'>%s</td>", esc(string(tb.CellKey(ri, ci))), spanAttrs(1, cs), styleCell, esc(p.r.Display(tb, ri, ci)))
		}
		p.printf("</tr>\n")
	}
	p.printf("</tbody>\n")
}
