package importer

import (
	"strings"
)

// A document, whatever its source, is read into a list of blocks: paragraphs
// and tables, each with its position in the source. Recognition works on
// blocks only.

type block struct {
	para  string // a paragraph's text; unused for a table
	table *table
	pos   Position
}

type table struct {
	rows []trow
	pos  Position
	// spaced marks rows rebuilt from lines without tabs, whose cell
	// positions say nothing about the columns.
	spaced bool
}

type trow struct {
	cells []tcell
	pos   Position
}

type tcell struct {
	text string
	col  int // grid column (cell index for text)
}

// nonEmpty returns the trimmed texts of the row's non-empty cells.
func (r trow) nonEmpty() []string {
	var out []string
	for _, c := range r.cells {
		if t := strings.TrimSpace(c.text); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// textDocument splits pasted or saved text into blocks: each line is a
// paragraph, lines with tabs are table rows, and consecutive table rows
// (blank lines between them allowed, as page breaks leave them) are one
// table.
func textDocument(text string) []block {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	text = strings.ReplaceAll(text, "\f", "\n")
	lines := strings.Split(text, "\n")
	// nextFilled[i] is the index of the first non-blank line at or after i.
	nextFilled := make([]int, len(lines)+1)
	nextFilled[len(lines)] = len(lines)
	for i := len(lines) - 1; i >= 0; i-- {
		nextFilled[i] = nextFilled[i+1]
		if strings.TrimSpace(lines[i]) != "" {
			nextFilled[i] = i
		}
	}
	var blocks []block
	var cur *table
	flush := func() {
		if cur == nil {
			return
		}
		// A "table" of one row with a single filled cell is a paragraph
		// with a stray tab.
		if len(cur.rows) == 1 && len(cur.rows[0].nonEmpty()) <= 1 {
			if ne := cur.rows[0].nonEmpty(); len(ne) == 1 {
				blocks = append(blocks, block{para: ne[0], pos: cur.rows[0].pos})
			}
		} else {
			blocks = append(blocks, block{table: cur, pos: cur.pos})
		}
		cur = nil
	}
	for i, line := range lines {
		pos := Position{Line: i + 1}
		if strings.Contains(line, "\t") {
			if cur == nil {
				cur = &table{pos: pos}
			}
			row := trow{pos: pos}
			for j, c := range strings.SplitN(line, "\t", maxCellsPerRow) {
				row.cells = append(row.cells, tcell{text: c, col: j})
			}
			cur.rows = append(cur.rows, row)
			continue
		}
		if strings.TrimSpace(line) == "" {
			if j := nextFilled[i]; cur != nil && j < len(lines) && strings.Contains(lines[j], "\t") {
				continue // a blank line inside a table (page break)
			}
			flush()
			continue
		}
		flush()
		blocks = append(blocks, block{para: line, pos: pos})
	}
	flush()
	return blocks
}

// tabParagraphs turns runs of paragraphs with tabs (a table pasted into
// Word as text) into tables, as textDocument does for plain text.
func tabParagraphs(blocks []block) []block {
	var out []block
	var cur *table
	for i, b := range blocks {
		if b.table == nil && strings.Contains(b.para, "\t") {
			if cur == nil {
				cur = &table{pos: b.pos}
				out = append(out, block{table: cur, pos: b.pos})
			}
			row := trow{pos: b.pos}
			for j, c := range strings.SplitN(b.para, "\t", maxCellsPerRow) {
				row.cells = append(row.cells, tcell{text: c, col: j})
			}
			cur.rows = append(cur.rows, row)
			continue
		}
		if cur != nil && b.table == nil && strings.TrimSpace(b.para) == "" {
			// Blank paragraphs inside the run are page-break debris.
			j := i + 1
			for j < len(blocks) && blocks[j].table == nil && strings.TrimSpace(blocks[j].para) == "" {
				j++
			}
			if j < len(blocks) && blocks[j].table == nil && strings.Contains(blocks[j].para, "\t") {
				continue
			}
		}
		cur = nil
		out = append(out, b)
	}
	return out
}
