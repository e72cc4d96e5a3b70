// Package plaintext writes a report as plain text in the layout Word gives
// when a published report is copied: the title, the preamble paragraphs, the
// section headings, the narrative parts as printed, the statistical tables
// tab-separated with the row labels in their own cells, the 落款 organ and
// date, paragraphs separated by blank lines.
//
// Every label is taken from the report's template (Table.HeaderGrid,
// Table.LabelGrid) and every total from Report.Display, so the text shows
// exactly what the PDF shows, and importing the text (package importer)
// gives the same report back.
package plaintext

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"nianbao/reports"
)

// Write writes r as plain text to w. Lines end with "\n"; table cells are
// separated by tabs, one table row per line, every row as wide as its grid.
func Write(w io.Writer, r *reports.Report) error {
	bw := bufio.NewWriter(w)
	p := &printer{w: bw, r: r}
	p.report()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write plain text: %w", err)
	}
	return nil
}

// String returns the plain text of r.
func String(r *reports.Report) string {
	var b strings.Builder
	_ = Write(&b, r) // a strings.Builder never fails
	return b.String()
}

type printer struct {
	w *bufio.Writer
	r *reports.Report
}

// para writes one paragraph followed by a blank line; a text with newlines
// is several paragraphs. Empty paragraphs are skipped.
func (p *printer) para(text string) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		p.w.WriteString(line)
		p.w.WriteString("\n\n")
	}
}

// lines writes table lines with no blank line between them, then one blank line.
func (p *printer) lines(ls []string) {
	for _, l := range ls {
		p.w.WriteString(l)
		p.w.WriteString("\n")
	}
	p.w.WriteString("\n")
}

// report writes the blocks of the printed outline (reports.Report.Outline),
// each a paragraph of its own; a section's tables are one group of lines.
func (p *printer) report() {
	for _, b := range p.r.Outline(p.r.Signing.SignatureLine) {
		switch b.Kind {
		case reports.BlockTables:
			p.tables(b.Tables, b.Width)
		case reports.BlockSigning:
			p.para(b.Organ)
			p.para(b.Date)
		default:
			p.para(b.Printed())
		}
	}
}

// tables writes the tables of a section. The blocks of table 二 share one
// grid as wide as the widest block, as in the printed template.
func (p *printer) tables(tbs []*reports.Table, width int) {
	var ls []string
	for _, tb := range tbs {
		ls = append(ls, TableLines(p.r, tb, width)...)
	}
	if len(ls) > 0 {
		p.lines(ls)
	}
}

// TableLines lays a table out on its grid, padded to width columns (at
// least the table's own width): the header rows from HeaderGrid, then one
// line per row with the labels from LabelGrid and the numbers as
// Report.Display shows them. Merged cells print their label in their
// top-left grid cell; the cells they cover are empty.
func TableLines(r *reports.Report, tb *reports.Table, width int) []string {
	width = max(width, tb.Width())
	header, hrows := tb.HeaderGrid()
	grid := make([][]string, hrows+len(tb.Rows))
	for i := range grid {
		grid[i] = make([]string, width)
	}
	for _, c := range header {
		if c.Row < hrows && c.Col < width {
			grid[c.Row][c.Col] = c.Label
		}
	}
	for _, c := range tb.LabelGrid() {
		grid[hrows+c.Row][c.Col] = c.Label
	}
	for ri := range tb.Rows {
		for ci := range tb.Columns {
			grid[hrows+ri][tb.LabelColumns+ci] = r.Display(tb, ri, ci)
		}
	}
	out := make([]string, len(grid))
	for i, row := range grid {
		out[i] = strings.Join(row, "\t")
	}
	return out
}
