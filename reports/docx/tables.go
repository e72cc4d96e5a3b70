package docx

import (
	"math"
	"slices"

	"nianbao/reports"
)

// slot is one Word cell of a table row: a grid position, how many grid
// columns it spans, and whether it starts or continues a vertical merge.
type slot struct {
	col, span int
	text      string
	style     string
	vmerge    int // 0 none, vRestart, vContinue
}

const (
	vRestart = 1 + iota
	vContinue
)

// wrow is one Word table row.
type wrow struct {
	slots  []slot
	header bool // repeated at the top of every page
}

// tables writes the tables of one section as one Word table: the blocks of
// table 二 share one grid as wide as the widest block (a narrower block's
// last column spans the rest), as in the printed template. The columns are
// as wide as in the PDF (reports.Table.ColumnWidths); header and label
// cells are merged as the template merges them (w:gridSpan, w:vMerge);
// the header rows of tables 三 and 四 repeat on every page; no row splits
// across pages.
func (d *document) tables(b reports.Block) {
	widths := twips(reports.Widest(b.Tables).ColumnWidths(float64(TypeWidth)/20), TypeWidth)
	var rows []wrow
	for _, tb := range b.Tables {
		rows = append(rows, d.tableRows(tb, b.Width)...)
	}
	d.printf(`<w:tbl><w:tblPr><w:tblStyle w:val="%s"/><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`, styleTable, TypeWidth)
	for _, w := range widths {
		d.printf(`<w:gridCol w:w="%d"/>`, w)
	}
	d.b.WriteString(`</w:tblGrid>`)
	for _, row := range rows {
		d.b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if row.header {
			d.b.WriteString(`<w:tblHeader/>`)
		}
		d.b.WriteString(`</w:trPr>`)
		for _, s := range row.slots {
			w := 0
			for _, cw := range widths[s.col : s.col+s.span] {
				w += cw
			}
			d.printf(`<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if s.span > 1 {
				d.printf(`<w:gridSpan w:val="%d"/>`, s.span)
			}
			switch s.vmerge {
			case vRestart:
				d.b.WriteString(`<w:vMerge w:val="restart"/>`)
			case vContinue:
				d.b.WriteString(`<w:vMerge/>`)
			}
			d.b.WriteString(`</w:tcPr>`)
			text := s.text
			if s.vmerge == vContinue {
				text = ""
			}
			d.printf(`<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr>`, s.style)
			writeRun(&d.b, run{text: text})
			d.b.WriteString(`</w:p></w:tc>`)
		}
		d.b.WriteString(`</w:tr>`)
	}
	d.b.WriteString(`</w:tbl>`)
}

// tableRows lays one table on a grid width columns wide: the header rows
// from HeaderGrid, then a row per table row with the labels from LabelGrid
// and the numbers as Report.Display shows them.
func (d *document) tableRows(tb *reports.Table, width int) []wrow {
	header, hrows := tb.HeaderGrid()
	rows := make([]wrow, hrows+len(tb.Rows))
	extra := width - tb.Width()
	last := tb.Width() - 1
	// Table 二's blocks print their caption inside the table: only the
	// headers of tables 三 and 四 repeat on a new page.
	repeat := tb.Caption == ""
	for i := range hrows {
		rows[i].header = repeat
	}
	big := tb.LabelColumns == 1 && tb.Section == reports.SectionActive
	style := func(label, centred, note bool) string {
		switch {
		case note:
			return styleCellNote
		case big && label && !centred:
			return styleCellBigLbl
		case big:
			return styleCellBig
		case label && !centred:
			return styleCellLabel
		}
		return styleCell
	}
	place := func(row, col, rs, cs int, text, st string) {
		if col+cs-1 == last {
			cs += extra
		}
		for dr := range max(rs, 1) {
			s := slot{col: col, span: cs, text: text, style: st}
			if rs > 1 {
				s.vmerge = vRestart
				if dr > 0 {
					s.vmerge = vContinue
				}
			}
			rows[row+dr].slots = append(rows[row+dr].slots, s)
		}
	}
	for _, h := range header {
		place(h.Row, h.Col, h.RowSpan, h.ColSpan, h.Label, style(false, true, h.Note))
	}
	for _, l := range tb.LabelGrid() {
		place(hrows+l.Row, l.Col, l.RowSpan, l.ColSpan, l.Label, style(true, l.RowSpan > 1, false))
	}
	for ri := range tb.Rows {
		for ci := range tb.Columns {
			place(hrows+ri, tb.LabelColumns+ci, 1, 1, d.r.Display(tb, ri, ci), style(false, true, false))
		}
	}
	for i := range rows {
		slices.SortFunc(rows[i].slots, func(a, b slot) int { return a.col - b.col })
	}
	return rows
}

// twips converts column widths in points to whole twips adding up to
// total exactly (the last column takes the rounding).
func twips(pts []float64, total int) []int {
	out := make([]int, len(pts))
	sum := 0
	for i, p := range pts {
		out[i] = int(math.Round(p * 20))
		sum += out[i]
	}
	if n := len(out); n > 0 {
		out[n-1] += total - sum
	}
	return out
}
