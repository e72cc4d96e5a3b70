package pdf

import (
	"math"
	"regexp"

	"nianbao/reports"
)

// Table text and spacing, in points.
const (
	cellPadX      = 2.0
	cellPadY      = 3.0
	cellLeading   = 1.3  // line pitch as a multiple of the size
	noteSize      = 9.0  // the 勾稽关系 note
	minCellSize   = 6.0  // smallest size a crowded cell may shrink to
	ruleInner     = 0.5  // inner borders
	ruleOuter     = 0.75 // the table's outline
	smallCellSize = 10.0 // tables 三 and 四
	blockCellSize = 12.0 // 小四, the blocks of table 二
)

type align int

const (
	alignLeft align = iota
	alignCentre
)

// tcell is one cell of a table: a header cell, a row label or a number.
type tcell struct {
	row, col         int // grid position: header rows, or body rows
	rowSpan, colSpan int
	text             string
	size             float64
	align            align
	loc              reports.Location
	glyphs           []glyph
	breaks           []bool // break opportunities in glyphs, found once
	lines            []brokenLine
}

// tableLayout is a table measured for the type area width.
type tableLayout struct {
	tb      *reports.Table
	colX    []float64 // column boundaries, absolute
	header  []*tcell
	headH   []float64
	body    []*tcell
	rowH    []float64
	section string
}

func (t *tableLayout) headerHeight() float64 {
	s := 0.0
	for _, h := range t.headH {
		s += h
	}
	return s
}

var numberPrefix = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)

// layoutCell wraps a cell's text at size into the cell's inner width. A
// label that starts with a number (（三）) and needs two lines breaks
// right after the number when the rest then fits on one line.
func (c *tcell) layoutAt(width, size float64) []brokenLine {
	gs := make([]glyph, len(c.glyphs))
	for i, g := range c.glyphs {
		g.adv = g.adv / g.size * size
		g.size = size
		gs[i] = g
	}
	if c.breaks == nil {
		c.breaks = breakOpportunities(gs)
	}
	lines := balancedLines(gs, c.breaks, width)
	if len(lines) == 2 {
		if m := numberPrefix.FindString(c.text); m != "" {
			k := len([]rune(m))
			if k < len(gs) && textWidth(gs[:k], 0) <= width && textWidth(gs[k:], 0) <= width {
				lines = []brokenLine{{glyphs: gs[:k]}, {glyphs: gs[k:]}}
				for i := range lines {
					lines[i].natural = textWidth(lines[i].glyphs, 0)
				}
			}
		}
	}
	return lines
}

func (c *tcell) contentHeight(lines []brokenLine, size float64) float64 {
	return float64(len(lines))*size*cellLeading + 2*cellPadY
}

// tableLayout measures a table: cell texts wrapped, row heights.
func (lt *layouter) tableLayout(tb *reports.Table) *tableLayout {
	widths := tb.ColumnWidths(TypeWidth)
	t := &tableLayout{tb: tb, colX: make([]float64, len(widths)+1), section: tb.Section}
	t.colX[0] = MarginLeft
	for i, w := range widths {
		t.colX[i+1] = t.colX[i] + w
	}
	size := smallCellSize
	if tb.LabelColumns == 1 && tb.Section == reports.SectionActive {
		size = blockCellSize
	}
	tmpl := lt.r.Tmpl()
	newCell := func(text string, row, col, rs, cs int, sz float64, al align, loc reports.Location) *tcell {
		c := &tcell{row: row, col: col, rowSpan: max(rs, 1), colSpan: max(cs, 1), text: text, size: sz, align: al, loc: loc}
		c.glyphs = lt.shape([]span{{text: text, role: RoleSong, size: sz}}, loc)
		c.lines = c.layoutAt(t.innerWidth(c), sz)
		return c
	}
	// A number too wide for its column is never split: it gets smaller.
	numberCell := func(c *tcell) *tcell {
		for len(c.lines) > 1 && c.size > minCellSize {
			c.size -= 0.5
			c.lines = c.layoutAt(t.innerWidth(c), c.size)
		}
		return c
	}
	sectionLoc := reports.Location{Section: tb.Section, Table: tb.Key}
	cells, rows := tb.HeaderGrid()
	for _, g := range cells {
		sz, al := size, alignCentre
		if g.Note {
			sz = noteSize
		}
		t.header = append(t.header, newCell(g.Label, g.Row, g.Col, g.RowSpan, g.ColSpan, sz, al, sectionLoc))
	}
	for _, g := range tb.LabelGrid() {
		al := alignLeft
		if g.RowSpan > 1 {
			al = alignCentre
		}
		loc := sectionLoc
		loc.Row = tb.Rows[g.Row].Key
		t.body = append(t.body, newCell(g.Label, g.Row, g.Col, g.RowSpan, g.ColSpan, size, al, loc))
	}
	for ri := range tb.Rows {
		for ci := range tb.Columns {
			loc := reports.CellLocation(tmpl, tb.CellKey(ri, ci))
			t.body = append(t.body, numberCell(newCell(lt.r.Display(tb, ri, ci), ri, tb.LabelColumns+ci, 1, 1, size, alignCentre, loc)))
		}
	}
	t.headH = rowHeights(t.header, rows, size)
	t.rowH = rowHeights(t.body, len(tb.Rows), size)
	return t
}

func (t *tableLayout) innerWidth(c *tcell) float64 {
	return t.colX[c.col+c.colSpan] - t.colX[c.col] - 2*cellPadX
}

// rowHeights gives each row the height of its tallest single-row cell;
// a cell spanning rows that needs more gets the extra shared among them.
func rowHeights(cells []*tcell, n int, size float64) []float64 {
	h := make([]float64, n)
	for i := range h {
		h[i] = size*cellLeading + 2*cellPadY
	}
	for _, c := range cells {
		if c.rowSpan == 1 {
			h[c.row] = math.Max(h[c.row], c.contentHeight(c.lines, c.size))
		}
	}
	for _, c := range cells {
		if c.rowSpan == 1 {
			continue
		}
		have := 0.0
		for r := c.row; r < c.row+c.rowSpan; r++ {
			have += h[r]
		}
		if need := c.contentHeight(c.lines, c.size); need > have {
			extra := (need - have) / float64(c.rowSpan)
			for r := c.row; r < c.row+c.rowSpan; r++ {
				h[r] += extra
			}
		}
	}
	return h
}

// placeTable puts a table on the pages from the current position: rows
// never cut, the header repeated on every page the table continues on.
func (lt *layouter) placeTable(t *tableLayout) {
	n := len(t.rowH)
	hh := t.headerHeight()
	const eps = 0.01
	for i := 0; i < n; {
		avail := TypeHeight - lt.y
		if hh+t.rowH[i] > avail+eps && !lt.atTop() {
			lt.newPage()
			continue
		}
		j, h := i, hh
		for j < n && (j == i || h+t.rowH[j] <= avail+eps) {
			h += t.rowH[j]
			j++
		}
		if j < n {
			j = t.goodBreak(i, j)
			h = hh
			for r := i; r < j; r++ {
				h += t.rowH[r]
			}
		}
		if lt.firstPage == 0 {
			lt.firstPage = lt.page.Number
		}
		t.emit(lt.page, MarginTop+lt.y, i, j)
		lt.y += h
		i = j
		if i < n {
			lt.newPage()
		}
	}
}

// goodBreak moves a page break at row j up while it would cut a merged
// label cell into a piece too small for its text.
func (t *tableLayout) goodBreak(i, j int) int {
	for k := j; k > i+1; k-- {
		fits := true
		for _, c := range t.body {
			if c.row < k && c.row+c.rowSpan > k {
				up, down := 0.0, 0.0
				for r := max(c.row, i); r < k; r++ {
					up += t.rowH[r]
				}
				for r := k; r < c.row+c.rowSpan; r++ {
					down += t.rowH[r]
				}
				if !t.fitsAsIs(c, up) || !t.fitsAsIs(c, down) {
					fits = false
					break
				}
			}
		}
		if fits {
			return k
		}
	}
	return j
}

// fitsAsIs reports whether c's text fits a piece of height h at its size.
func (t *tableLayout) fitsAsIs(c *tcell, h float64) bool {
	return c.contentHeight(c.lines, c.size) <= h+0.01
}

// fitText wraps c's text to fit height h, shrinking the size if needed.
func (t *tableLayout) fitText(c *tcell, h float64) ([]brokenLine, float64, bool) {
	if c.contentHeight(c.lines, c.size) <= h+0.01 {
		return c.lines, c.size, true
	}
	for sz := c.size - 0.5; sz >= minCellSize; sz -= 0.5 {
		lines := c.layoutAt(t.innerWidth(c), sz)
		if c.contentHeight(lines, sz) <= h+0.01 {
			return lines, sz, true
		}
	}
	return c.lines, c.size, false
}

// emit draws the header and body rows [from, to) with top edge at y.
func (t *tableLayout) emit(p *Page, y float64, from, to int) {
	left, right := t.colX[0], t.colX[len(t.colX)-1]
	var rowTop []float64
	pos := y
	headTop := make([]float64, len(t.headH)+1)
	for r, h := range t.headH {
		headTop[r] = pos
		pos += h
	}
	headTop[len(t.headH)] = pos
	rowTop = make([]float64, len(t.rowH)+1)
	for r := from; r < to; r++ {
		rowTop[r] = pos
		pos += t.rowH[r]
	}
	rowTop[to] = pos
	bottom := pos
	drawCell := func(c *tcell, top, bot float64, topOuter bool) {
		x1, x2 := t.colX[c.col], t.colX[c.col+c.colSpan]
		wTop, wLeft := ruleInner, ruleInner
		if topOuter {
			wTop = ruleOuter
		}
		if c.col == 0 {
			wLeft = ruleOuter
		}
		p.Rules = append(p.Rules,
			Rule{X1: round2(x1), Y1: round2(top), X2: round2(x2), Y2: round2(top), W: wTop},
			Rule{X1: round2(x1), Y1: round2(top), X2: round2(x1), Y2: round2(bot), W: wLeft})
		lines, size := c.lines, c.size
		if c.contentHeight(lines, size) > bot-top+0.01 {
			lines, size, _ = t.fitText(c, bot-top)
		}
		pitch := size * cellLeading
		blockTop := top + (bot-top-float64(len(lines))*pitch)/2
		inner := x2 - x1 - 2*cellPadX
		for k, bl := range lines {
			x := x1 + cellPadX
			// A line with a squeezed-in mark (三、 in a narrow column) is
			// wider than the cell: it starts at the padding, where the
			// mark's blank half stays inside the cell.
			if c.align == alignCentre && bl.natural <= inner {
				x += (inner - bl.natural) / 2
			}
			base := blockTop + float64(k)*pitch + pitch/2 + 0.38*size
			p.Lines = append(p.Lines, &Line{
				Kind: KindCell, Section: t.section,
				X: round2(x), Y: round2(base), Width: round2(bl.natural),
				Runs: bl.runs(x),
			})
		}
	}
	for _, c := range t.header {
		drawCell(c, headTop[c.row], headTop[c.row+c.rowSpan], c.row == 0)
	}
	for _, c := range t.body {
		r0, r1 := max(c.row, from), min(c.row+c.rowSpan, to)
		if r0 >= r1 {
			continue
		}
		top := rowTop[r0]
		if len(t.headH) == 0 && r0 == from {
			drawCell(c, top, rowTop[r1], true)
			continue
		}
		drawCell(c, top, rowTop[r1], false)
	}
	p.Rules = append(p.Rules,
		Rule{X1: round2(right), Y1: round2(y), X2: round2(right), Y2: round2(bottom), W: ruleOuter},
		Rule{X1: round2(left), Y1: round2(bottom), X2: round2(right), Y2: round2(bottom), W: ruleOuter})
}

// balancedLines wraps glyphs into as few lines as width allows, then
// narrows the width as long as that keeps the number of lines, so that
// the lines come out even ("商业/企业", not "商业企/业").
func balancedLines(gs []glyph, ok []bool, width float64) []brokenLine {
	if len(gs) == 0 {
		return nil
	}
	lines := breakLinesAt(gs, ok, lineOpts{width: width})
	if len(lines) < 2 {
		return lines
	}
	lo := textWidth(gs, 0) / float64(len(lines))
	for w := lo; w < width; w += 0.5 {
		if try := breakLinesAt(gs, ok, lineOpts{width: w}); len(try) == len(lines) {
			return try
		}
	}
	return lines
}
