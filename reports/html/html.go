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
	styleH4      = "margin:0;text-indent:2em;font-size:16pt;font-weight:normal;line-height:1.8;font-family:" + fangStack + ";"
	styleTable   = "border-collapse:collapse;width:100%;margin:0.5em 0 1em 0;font-size:10.5pt;line-height:1.4;font-family:" + songStack + ";"
	styleCell    = "border:1px solid #000;padding:3px 4px;text-align:center;vertical-align:middle;font-weight:normal;"
	styleLabel   = "border:1px solid #000;padding:3px 4px;text-align:left;vertical-align:middle;font-weight:normal;"
	styleNote    = "border:1px solid #000;padding:3px 4px;text-align:left;vertical-align:middle;font-weight:normal;font-size:9pt;"
	styleSign    = "margin:0;text-align:right;padding-right:4em;line-height:1.8;font-size:16pt;font-family:" + fangStack + ";"
	styleSignTop = "margin:2em 0 0 0;text-align:right;padding-right:4em;line-height:1.8;font-size:16pt;font-family:" + fangStack + ";"
	// The signature line sits one empty line under the 落款, two
	// characters in, as in the PDF.
	styleSignature = "margin:1.8em 0 0 0;text-indent:2em;line-height:1.8;font-size:16pt;font-family:" + fangStack + ";"
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
	p := &page{w: bw, r: r}
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
	for _, b := range r.Outline(r.Signing.SignatureLine) {
		p.block(b)
	}
	p.printf("</div>\n</body>\n</html>\n")
}

// block writes one block of the printed outline (reports.Report.Outline).
func (p *page) block(b reports.Block) {
	switch b.Kind {
	case reports.BlockTitle:
		p.printf("<h1 style='%s'>%s</h1>\n", styleH1, esc(b.Text))
	case reports.BlockHeading1:
		p.printf("<h2 style='%s'>%s</h2>\n", styleH2, esc(b.Text))
	case reports.BlockHeading2:
		p.printf("<h3 style='%s'>%s</h3>\n", styleH3, esc(b.Text))
	case reports.BlockHeading3:
		p.printf("<h4 style='%s'>%s</h4>\n", styleH4, esc(b.Text))
	case reports.BlockParagraph:
		p.printf("<p style='%s'>%s</p>\n", stylePara, esc(b.Printed()))
	case reports.BlockTables:
		p.tables(b)
	case reports.BlockSigning:
		if b.Organ != "" {
			p.printf("<p class=\"nb-sign\" style='%s'>%s</p>\n", styleSignTop, esc(b.Organ))
		}
		if b.Date != "" {
			style := styleSign
			if b.Organ == "" {
				style = styleSignTop
			}
			p.printf("<p class=\"nb-sign\" style='%s'>%s</p>\n", style, esc(b.Date))
		}
	case reports.BlockSignature:
		p.printf("<p class=\"nb-signature\" style='%s'>%s</p>\n", styleSignature, esc(b.Text))
	}
}

// tables writes the tables of a section as one HTML table: the blocks of
// table 二 share one grid as wide as the widest block, as in the printed
// template, a narrower block's last column spanning the rest.
func (p *page) tables(b reports.Block) {
	tbs, width := b.Tables, b.Width
	p.printf("<table class=\"nb-table\" data-section=\"%s\" style='%s'>\n", esc(b.Section), styleTable)
	p.colgroup(tbs)
	for _, tb := range tbs {
		p.table(tb, width)
	}
	p.printf("</table>\n")
}

// colgroup gives the columns the printed report's proportions
// (reports.Table.Weights, the widths at reports.PrintWidth that the PDF and
// the Word file scale), as shares of the page, from the widest of the
// section's tables.
func (p *page) colgroup(tbs []*reports.Table) {
	widths := reports.Widest(tbs).Weights()
	total := 0.0
	for _, w := range widths {
		total += w
	}
	p.printf("<colgroup>")
	for _, w := range widths {
		p.printf("<col style='width:%.1f%%'>", 100*w/total)
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
