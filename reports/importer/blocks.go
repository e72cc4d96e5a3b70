package importer

import (
	"strings"

	"nianbao/reports"
)

// A document, whatever its source, is read into a list of blocks: paragraphs
// and tables, each with its position in the source. Recognition works on
// blocks only.

type block struct {
	para  string // a paragraph's text; unused for a table
	table *table
	pos   reports.Position
	// chrome marks a block of the page around the report (outside the
	// element that holds it), dropped and listed.
	chrome bool
}

type table struct {
	rows []trow
	pos  reports.Position
	// spaced marks rows rebuilt from lines without tabs, whose cell
	// positions say nothing about the columns.
	spaced bool
}

type trow struct {
	cells []tcell
	pos   reports.Position
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
	s := &textSplitter{lines: lines, nextFilled: nextFilledLines(lines)}
	for i, line := range lines {
		pos := reports.Position{Line: i + 1}
		if cells, ok := pipeCells(line); ok {
			s.pipeLine(line, cells, trow{pos: pos})
			continue
		}
		if strings.Contains(line, "\t") {
			s.addRow(trow{pos: pos}, strings.SplitN(line, "\t", maxCellsPerRow))
			continue
		}
		if strings.TrimSpace(line) == "" {
			s.blankLine(i)
			continue
		}
		s.flush()
		s.blocks = append(s.blocks, block{para: line, pos: pos})
	}
	s.flush()
	return s.blocks
}

// flush ends the table being built, adding it to the blocks.
func (s *textSplitter) flush() {
	cur := s.cur
	if cur == nil {
		return
	}
	// A "table" of one row with a single filled cell is a paragraph
	// with a stray tab.
	if len(cur.rows) == 1 && len(cur.rows[0].nonEmpty()) <= 1 {
		if ne := cur.rows[0].nonEmpty(); len(ne) == 1 {
			s.blocks = append(s.blocks, block{para: ne[0], pos: cur.rows[0].pos})
		}
	} else {
		s.blocks = append(s.blocks, block{table: cur, pos: cur.pos})
	}
	s.cur = nil
}

// pipeLine takes a line of a table drawn with bars (cells), at the
// position of row, an empty row.
func (s *textSplitter) pipeLine(line string, cells []string, row trow) {
	bare := strings.Trim(line, "| \t") == ""
	if bare && s.cur == nil {
		return // the edge of a layout table between paragraphs
	}
	// A title, a heading or the article's metadata in a cell of a
	// layout table ("木场乡2023年度政府信息公开工作年度报告 | |||") is a
	// paragraph.
	if t := soleCell(cells); t != "" && (isTitleLike(canon(t)) || isMetaLine(t) || sectionHeading(t) != "") {
		s.flush()
		s.blocks = append(s.blocks, block{para: t, pos: row.pos})
		return
	}
	// A line of bars alone closes empty cells of the row above
	// (a rendering that puts each cell on a line of its own).
	if bare && s.cur != nil && len(s.cur.rows) > 0 {
		last := &s.cur.rows[len(s.cur.rows)-1]
		for range cells {
			if len(last.cells) < maxCellsPerRow {
				last.cells = append(last.cells, tcell{col: len(last.cells)})
			}
		}
		return
	}
	s.addRow(row, cells)
}

// addRow adds row, given its cells' texts, to the table being built,
// starting one at the row if there is none.
func (s *textSplitter) addRow(row trow, cells []string) {
	if s.cur == nil {
		s.cur = &table{pos: row.pos}
	}
	for j, c := range cells {
		row.cells = append(row.cells, tcell{text: c, col: j})
	}
	s.cur.rows = append(s.cur.rows, row)
}

// blankLine takes the blank line i: inside a table, when the next
// non-blank line is tab-separated, it is a page break and is skipped; any
// other blank line ends the table.
func (s *textSplitter) blankLine(i int) {
	if j := s.nextFilled[i]; s.cur != nil && j < len(s.lines) && strings.Contains(s.lines[j], "\t") {
		return // a blank line inside a table (page break)
	}
	s.flush()
}

// textSplitter is the state of textDocument: the text's lines, the
// blocks so far and the table being built.
type textSplitter struct {
	lines      []string
	nextFilled []int // see nextFilledLines
	blocks     []block
	cur        *table // nil between tables
}

// nextFilledLines returns, for each index i of lines (and len(lines)),
// the index of the first non-blank line at or after i.
func nextFilledLines(lines []string) []int {
	nextFilled := make([]int, len(lines)+1)
	nextFilled[len(lines)] = len(lines)
	for i := len(lines) - 1; i >= 0; i-- {
		nextFilled[i] = nextFilled[i+1]
		if strings.TrimSpace(lines[i]) != "" {
			nextFilled[i] = i
		}
	}
	return nextFilled
}

// soleCell returns the only non-empty cell of a row, or "".
func soleCell(cells []string) string {
	one := ""
	for _, c := range cells {
		if c == "" {
			continue
		}
		if one != "" {
			return ""
		}
		one = c
	}
	return one
}

// pipeCells splits a table row written with vertical bars, as Markdown and
// text renderings of web pages give tables: "规章 | 0 | 0 | 0 |",
// "| 信息内容 | 本年制发件数 |", or a cell alone on its line ("信息内容 |").
// Each bar ends a cell; a bar at the start of the line opens the first.
// A line of bars alone gives that many empty cells. A sentence (with a
// full stop) is never a row.
func pipeCells(line string) ([]string, bool) {
	t := strings.TrimSpace(line)
	if !strings.Contains(t, "|") || strings.Contains(t, "。") || strings.Contains(t, "\t") {
		return nil, false
	}
	if strings.Trim(t, "| ") == "" {
		return make([]string, min(strings.Count(t, "|"), maxCellsPerRow)), true
	}
	// A bar only in the middle of words is not a table ("A|B" in a URL).
	if !strings.HasSuffix(t, "|") && !strings.HasPrefix(t, "|") && !strings.Contains(t, " | ") {
		return nil, false
	}
	t = strings.TrimPrefix(t, "|")
	t = strings.TrimSuffix(t, "|")
	parts := strings.SplitN(t, "|", maxCellsPerRow)
	for i, c := range parts {
		parts[i] = strings.TrimSpace(c)
	}
	return parts, true
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
