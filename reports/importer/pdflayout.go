package importer

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/reports"
)

// The layout of a PDF page is rebuilt from its glyphs and ruling lines:
//
//   - tables: the painted horizontal and vertical segments that touch each
//     other form a grid; its cells are the spaces between the lines, and
//     neighbouring cells without a line between them are one merged cell;
//     every glyph inside the grid goes to its cell;
//   - lines: the other glyphs, grouped by baseline and ordered left to
//     right; a line with wide gaps in a run of such lines is a table row
//     without ruling lines, its cells split at the gaps;
//   - paragraphs: lines joined while they continue one another (same left
//     edge, the line before full to the right margin, normal line spacing);
//     an indented first line, a short line before, a larger gap, a change
//     of font size or a centred or right-aligned line starts a new one; a
//     paragraph continues across a page break;
//   - headers and footers (page numbers such as “— 1 —”, a running title)
//     are dropped and listed in the notes.

// pdfLine is a line of glyphs on one baseline.
type pdfLine struct {
	page    int
	glyphs  []pdfGlyph
	y, size float64
	x0, x1  float64
}

func (l *pdfLine) text() string { return glyphText(l.glyphs) }

// cells splits the line at gaps wider than gap, returning each cell's
// text and left edge.
func (l *pdfLine) cells(gap float64) ([]string, []float64) {
	var texts []string
	var xs []float64
	start := 0
	for i := 1; i <= len(l.glyphs); i++ {
		if i == len(l.glyphs) || l.glyphs[i].x-(l.glyphs[i-1].x+l.glyphs[i-1].w) > gap {
			texts = append(texts, glyphText(l.glyphs[start:i]))
			xs = append(xs, l.glyphs[start].x)
			start = i
		}
	}
	return texts, xs
}

// glyphText joins glyphs of one line: a space is put back between two
// ASCII letters or digits that stand apart, as between words, and wherever
// glyphs stand a third of an em or more apart (a space drawn as a gap, as
// between a table label and its numbers in text laid out without a table).
func glyphText(gs []pdfGlyph) string {
	var b strings.Builder
	for i, g := range gs {
		if i > 0 {
			p := gs[i-1]
			gap := g.x - (p.x + p.w)
			if gap > 0.2*g.size && asciiWord(lastRune(p.text)) && asciiWord(firstRune(g.text)) || gap > 0.33*g.size {
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.text)
	}
	return b.String()
}

func asciiWord(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// firstRune and lastRune return the first and the last rune of s; 0 for "".
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// pdfItem is a line or a table on a page, in reading order.
type pdfItem struct {
	line  *pdfLine
	table *table
	top   float64
}

// rePDFPageNumber matches what footers and headers print as page numbers.
var rePDFPageNumber = regexp.MustCompile(`^(?:[\-—–－─_]*\s*[0-9０-９]{1,3}\s*[\-—–－─_]*|第\s*[0-9０-９]{1,3}\s*页(?:\s*[/，,]?\s*共\s*[0-9０-９]{1,3}\s*页)?|[0-9]{1,3}\s*/\s*[0-9]{1,3}|page\s*[0-9]{1,3}(?:\s*of\s*[0-9]{1,3})?)$`)

var reDigits = regexp.MustCompile(`[0-9０-９]+`)

// pdfBlocks turns the pages into blocks, with notes on what was dropped.
func pdfBlocks(pages []pdfPage) ([]block, []reports.Finding) {
	var pageItems [][]pdfItem
	for i := range pages {
		items := pageLayout(&pages[i])
		pageItems = append(pageItems, items)
	}
	b := &blockBuilder{notes: dropHeadersFooters(pages, pageItems), paraNo: map[int]int{}}
	b.left, b.right = bodyMargins(pageItems)
	b.pitch = linePitch(pageItems)
	for pi, items := range pageItems {
		// A run of lines with wide gaps is a table without ruling lines.
		items = gapTables(items, pages[pi].no)
		for _, it := range items {
			if it.table != nil {
				b.table(it.table)
			} else {
				b.line(it.line)
			}
		}
	}
	b.flush()
	return b.blocks, b.notes
}

// bodyMargins are the margins of the body text: the most common left edge
// and the right edge most lines reach.
func bodyMargins(pageItems [][]pdfItem) (left, right float64) {
	var lefts, rights []float64
	for _, items := range pageItems {
		for _, it := range items {
			if it.line != nil && len(it.line.glyphs) >= 8 {
				lefts = append(lefts, it.line.x0)
				rights = append(rights, it.line.x1)
			}
		}
	}
	return mode(lefts, 2), percentile(rights, 0.9)
}

// blockBuilder gathers the lines and tables of a PDF's pages, in reading
// order, into blocks: a paragraph from the lines that continue it, a
// table as it is.
type blockBuilder struct {
	left, right, pitch float64 // body margins, line pitch in ems
	blocks             []block
	notes              []reports.Finding
	cur                *strings.Builder // the paragraph being gathered
	prev               *pdfLine
	prevStandalone     bool
	tableNo            int
	paraNo             map[int]int // paragraphs so far on a page
}

// flush ends the paragraph being gathered.
func (b *blockBuilder) flush() {
	if b.cur != nil {
		b.blocks[len(b.blocks)-1].para = b.cur.String()
		b.cur = nil
	}
}

// table adds a table, numbered in reading order; a row a page break split
// off the previous page's table is joined back to it.
func (b *blockBuilder) table(tb *table) {
	b.flush()
	b.prev = nil
	b.tableNo++
	tb.pos.Table = b.tableNo
	for i := range tb.rows {
		tb.rows[i].pos.Table = b.tableNo
	}
	if n := len(b.blocks); n > 0 && b.blocks[n-1].table != nil && b.blocks[n-1].pos.Page < tb.pos.Page {
		if note, ok := joinPageSplitRow(b.blocks[n-1].table, tb); ok {
			b.notes = append(b.notes, note)
		}
	}
	if len(tb.rows) == 0 {
		return
	}
	b.blocks = append(b.blocks, block{table: tb, pos: tb.pos})
}

// line adds a line of text to the paragraph it continues or starts a new
// one: after a standalone line (a heading, a centred title), at an indent,
// after a line ending short of the right margin, at another font size or
// after more space than between the lines of a paragraph.
func (b *blockBuilder) line(l *pdfLine) {
	em := max(l.size, 1)
	indent := l.x0 - b.left
	standalone := indent > 4*em || (b.left > 0 && l.x0 > b.left+(b.right-b.left)*0.25)
	prev := b.prev
	start := prev == nil || b.prevStandalone || standalone || indent > 0.8*em ||
		b.right-prev.x1 > 2*em && !wrappedWord(l, b.right-prev.x1) || math.Abs(l.size-prev.size) > 0.15*prev.size
	if !start && prev.page == l.page && prev.y-l.y > (b.pitch+0.25)*em {
		start = true // more space than between the lines of a paragraph
	}
	if start {
		b.flush()
		b.paraNo[l.page]++
		b.cur = &strings.Builder{}
		b.blocks = append(b.blocks, block{pos: reports.Position{Page: l.page, Para: b.paraNo[l.page]}})
	}
	b.cur.WriteString(l.text())
	b.prev, b.prevStandalone = l, standalone
}

// wrappedWord reports whether line l begins with a run that cannot be
// broken — ASCII without spaces (a web address, a number), punctuation that
// may not start or end a line, quotation marks, which bind on both sides
// as browsers and word processors break lines — too wide for the room left
// at the end of the line before: that line ended short because the run was
// moved down, not because its paragraph ended.
func wrappedWord(l *pdfLine, room float64) bool {
	gs := l.glyphs
	end := len(gs)
	for i := 1; i < len(gs); i++ {
		p, r := lastRune(gs[i-1].text), firstRune(gs[i].text)
		if gs[i].x-(gs[i-1].x+gs[i-1].w) > 0.2*gs[i].size {
			end = i // a space
			break
		}
		if strings.ContainsRune(noLineStart, r) || strings.ContainsRune(noLineEnd, p) || p > ' ' && p < 0x7f && r > ' ' && r < 0x7f {
			continue
		}
		end = i
		break
	}
	last := gs[end-1]
	return last.x+last.w-l.x0 > room
}

// Characters a line may not start with, and may not end with; quotation
// marks are in both (they bind to their neighbours).
const (
	noLineStart = "，。、；：？！）》」』】〕…％,.;:?!)]}%“”‘’\"'-—/"
	noLineEnd   = "（《「『【〔([{“”‘’\"'/-"
)

// linePitch is the usual distance between the baselines of two lines of
// one paragraph, in font sizes: the lower quartile of the distances between
// neighbouring lines of text of one size.
func linePitch(pageItems [][]pdfItem) float64 {
	var ratios []float64
	for _, items := range pageItems {
		var prev *pdfLine
		for _, it := range items {
			l := it.line
			if l == nil {
				prev = nil
				continue
			}
			if prev != nil && math.Abs(prev.size-l.size) <= 0.1*l.size && l.size > 0 {
				if r := (prev.y - l.y) / l.size; r >= 0.8 && r <= 4 {
					ratios = append(ratios, r)
				}
			}
			prev = l
		}
	}
	if len(ratios) < 3 {
		return 1.6
	}
	return percentile(ratios, 0.25)
}

// mode returns the most common value of xs within tol, or 0.
func mode(xs []float64, tol float64) float64 {
	best, bestN := 0.0, 0
	for _, x := range xs {
		n := 0
		for _, y := range xs {
			if math.Abs(x-y) <= tol {
				n++
			}
		}
		if n > bestN || n == bestN && x < best {
			best, bestN = x, n
		}
		if len(xs) > 2000 {
			break // enough for a margin
		}
	}
	// The smallest edge among those near the most common one.
	for _, x := range xs {
		if math.Abs(x-best) <= tol && x < best {
			best = x
		}
	}
	return best
}

func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// dropHeadersFooters removes page numbers and running headers or footers:
// the first line of a page in its top margin or the last line in its
// bottom margin, when it is a page number (“— 1 —”, “第1页”, “1/5”; a bare
// number only when it counts with the pages, so that a table's last “0” is
// kept) or repeats, digits aside, on at least half of the pages.
func dropHeadersFooters(pages []pdfPage, pageItems [][]pdfItem) []reports.Finding {
	var notes []reports.Finding
	type cand struct {
		page, idx int
		text, key string
		bottom    bool
		bare      int // the number, when the line is only a number; else -1
	}
	var cands []cand
	for pi, items := range pageItems {
		h := pages[pi].height
		for _, idx := range []int{0, len(items) - 1} {
			if len(items) == 0 || items[idx].line == nil {
				continue
			}
			y := items[idx].line.y
			bottom := idx == len(items)-1 && y < h*0.12
			top := idx == 0 && y > h*0.90
			if !bottom && !top {
				continue
			}
			if len(cands) > 0 && cands[len(cands)-1].page == pi && cands[len(cands)-1].idx == idx {
				continue // a page of one line
			}
			t := strings.TrimSpace(items[idx].line.text())
			bare := -1
			if d := asciiDigits(t); len(d) > 0 && len(d) <= 4 && strings.Trim(d, "0123456789") == "" {
				bare, _ = strconv.Atoi(d)
			}
			cands = append(cands, cand{pi, idx, t, reDigits.ReplaceAllString(t, "#"), bottom, bare})
		}
	}
	count := map[string]int{}
	offsets := map[[2]int]int{} // (bottom, number − page) → pages
	for _, c := range cands {
		if c.bare >= 0 {
			offsets[[2]int{boolInt(c.bottom), c.bare - pages[c.page].no}]++
		} else {
			count[c.key]++
		}
	}
	drop := map[[2]int]bool{}
	for _, c := range cands {
		isNumber := c.bare < 0 && rePDFPageNumber.MatchString(strings.ToLower(c.text)) ||
			c.bare >= 0 && offsets[[2]int{boolInt(c.bottom), c.bare - pages[c.page].no}] >= 2
		repeated := c.bare < 0 && len(pages) >= 3 && count[c.key]*2 >= len(pages) && count[c.key] >= 2
		if !isNumber && !repeated {
			continue
		}
		drop[[2]int{c.page, c.idx}] = true
		what := "页脚"
		if !c.bottom {
			what = "页眉"
		}
		kind := "是页码"
		if !isNumber {
			kind = "是每页重复的" + what
		}
		notes = append(notes, reports.ImportFinding(reports.Note, reports.Location{Source: reports.Position{Page: pages[c.page].no}},
			fmt.Sprintf("%s“%s”%s，已忽略", what, clip(c.text), kind)))
	}
	for pi := range pageItems {
		kept := pageItems[pi][:0]
		for idx, it := range pageItems[pi] {
			if !drop[[2]int{pi, idx}] {
				kept = append(kept, it)
			}
		}
		pageItems[pi] = kept
	}
	return notes
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pageLayout finds a page's ruled tables and lines, in reading order.
func pageLayout(p *pdfPage) []pdfItem {
	var glyphs []pdfGlyph
	for _, g := range p.glyphs {
		if strings.TrimSpace(g.text) == "" || g.size <= 0 {
			continue // spaces (U+00A0 and U+3000 too) and glyphs of no size
		}
		glyphs = append(glyphs, g)
	}
	var items []pdfItem
	grids := findGrids(p.segs)
	inGrid := make([]bool, len(glyphs))
	for _, gr := range grids {
		var mine []pdfGlyph
		for i, g := range glyphs {
			if !inGrid[i] && gr.contains(g) {
				inGrid[i] = true
				mine = append(mine, g)
			}
		}
		if len(mine) == 0 {
			continue
		}
		tb := gr.table(mine, p.no)
		if len(tb.rows) == 0 {
			continue
		}
		items = append(items, pdfItem{table: tb, top: gr.ys[0]})
	}
	var rest []pdfGlyph
	for i, g := range glyphs {
		if !inGrid[i] {
			rest = append(rest, g)
		}
	}
	for _, l := range groupLines(rest, p.no) {
		items = append(items, pdfItem{line: l, top: l.y + l.size*0.8})
	}
	slices.SortStableFunc(items, func(a, b pdfItem) int { return cmp.Compare(b.top, a.top) })
	return items
}

// groupLines groups glyphs into lines by baseline, top to bottom, each
// ordered left to right.
func groupLines(gs []pdfGlyph, page int) []*pdfLine {
	s := slices.Clone(gs)
	slices.SortStableFunc(s, func(a, b pdfGlyph) int { return cmp.Compare(b.y, a.y) })
	var lines []*pdfLine
	for _, g := range s {
		var l *pdfLine
		if n := len(lines); n > 0 && math.Abs(lines[n-1].y-g.y) <= 0.3*max(g.size, lines[n-1].size) {
			l = lines[n-1]
		} else {
			l = &pdfLine{page: page, y: g.y}
			lines = append(lines, l)
		}
		l.glyphs = append(l.glyphs, g)
	}
	for _, l := range lines {
		slices.SortStableFunc(l.glyphs, func(a, b pdfGlyph) int { return cmp.Compare(a.x, b.x) })
		l.x0 = l.glyphs[0].x
		last := l.glyphs[len(l.glyphs)-1]
		l.x1 = last.x + last.w
		// The line's size is its most common glyph size (a small
		// punctuation mark or digit does not count).
		sizes := map[float64]int{}
		for _, g := range l.glyphs {
			sizes[math.Round(g.size*2)/2]++
		}
		for sz, n := range sizes {
			if n > sizes[l.size] || n == sizes[l.size] && sz > l.size {
				l.size = sz
			}
		}
	}
	// Glyphs drawn twice at one place (fake bold) are kept once.
	for _, l := range lines {
		out := l.glyphs[:0]
		for i, g := range l.glyphs {
			if i > 0 {
				p := out[len(out)-1]
				if p.text == g.text && math.Abs(p.x-g.x) < 0.2*g.size {
					continue
				}
			}
			out = append(out, g)
		}
		l.glyphs = out
	}
	return lines
}

// gapTables turns runs of two or more lines with wide gaps into tables,
// the cells' columns found by their left edges.
func gapTables(items []pdfItem, page int) []pdfItem {
	gapped := func(it pdfItem) bool {
		if it.line == nil {
			return false
		}
		texts, _ := it.line.cells(2 * it.line.size)
		return len(texts) >= 2
	}
	var out []pdfItem
	for i := 0; i < len(items); {
		j := i
		for j < len(items) && gapped(items[j]) {
			j++
		}
		if j-i < 2 {
			out = append(out, items[i])
			i++
			continue
		}
		tb := &table{pos: reports.Position{Page: page}}
		var starts []float64
		type rowCells struct {
			texts []string
			xs    []float64
		}
		var rows []rowCells
		for _, it := range items[i:j] {
			texts, xs := it.line.cells(2 * it.line.size)
			rows = append(rows, rowCells{texts, xs})
			starts = append(starts, xs...)
		}
		cols := clusterEdges(starts, 1.5*items[i].line.size)
		for ri, r := range rows {
			row := trow{pos: reports.Position{Page: page, Row: ri + 1}}
			for k, t := range r.texts {
				row.cells = append(row.cells, tcell{text: t, col: nearest(cols, r.xs[k])})
			}
			tb.rows = append(tb.rows, row)
		}
		out = append(out, pdfItem{table: tb, top: items[i].top})
		i = j
	}
	return out
}

// clusterEdges returns the distinct positions of xs, those within tol of
// each other taken as one (their smallest).
func clusterEdges(xs []float64, tol float64) []float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	var out []float64
	for _, x := range s {
		if len(out) == 0 || x-out[len(out)-1] > tol {
			out = append(out, x)
		}
	}
	return out
}

func nearest(edges []float64, x float64) int {
	best := 0
	for i, e := range edges {
		if math.Abs(e-x) < math.Abs(edges[best]-x) {
			best = i
		}
	}
	return best
}

// pdfGrid is a ruled table: its column edges (left to right), row edges
// (top to bottom) and the segments that draw it.
type pdfGrid struct {
	xs, ys []float64
	h, v   []pdfSeg
}

const gridTol = 2.0

func (gr *pdfGrid) contains(g pdfGlyph) bool {
	cx, cy := g.x+g.w/2, g.y+g.size*0.3
	return cx > gr.xs[0] && cx < gr.xs[len(gr.xs)-1] && cy < gr.ys[0] && cy > gr.ys[len(gr.ys)-1]
}

// findGrids finds the ruled tables among a page's segments: connected sets
// of at least two horizontal and two vertical lines.
func findGrids(segs []pdfSeg) []*pdfGrid {
	hs, vs := gridLines(segs)
	if len(hs)+len(vs) > 6000 {
		return nil // not a table a report draws
	}
	var out []*pdfGrid
	for _, gr := range connectedLines(hs, vs) {
		if len(gr.h) < 2 || len(gr.v) < 2 {
			continue
		}
		gr.findEdges()
		// One cell is a frame (a page border, a boxed note), not a table:
		// its text is read as paragraphs.
		if len(gr.xs) < 2 || len(gr.ys) < 2 || len(gr.xs) == 2 && len(gr.ys) == 2 {
			continue
		}
		out = append(out, gr)
	}
	return out
}

// gridLines returns the segments thin enough to be ruling lines, as
// horizontal (hs) and vertical (vs) lines through their middles, the
// pieces of one line joined.
func gridLines(segs []pdfSeg) (hs, vs []pdfSeg) {
	for _, s := range segs {
		w, h := s.x1-s.x0, s.y1-s.y0
		switch {
		case h <= gridTol && w >= 3:
			y := (s.y0 + s.y1) / 2
			hs = append(hs, pdfSeg{s.x0, y, s.x1, y})
		case w <= gridTol && h >= 3:
			x := (s.x0 + s.x1) / 2
			vs = append(vs, pdfSeg{x, s.y0, x, s.y1})
		}
	}
	return joinSegs(hs, true), joinSegs(vs, false)
}

// connectedLines groups the lines that cross or touch (within gridTol),
// directly or through others, into grids holding only their segments, in
// the order of each group's first line (horizontal lines first).
func connectedLines(hs, vs []pdfSeg) []*pdfGrid {
	all := append(slices.Clone(hs), vs...)
	sets := newDisjointSets(len(all))
	for i := range hs {
		for j := len(hs); j < len(all); j++ {
			h, v := all[i], all[j]
			if v.x0 >= h.x0-gridTol && v.x0 <= h.x1+gridTol && h.y0 >= v.y0-gridTol && h.y0 <= v.y1+gridTol {
				sets.union(i, j)
			}
		}
	}
	groups := map[int]*pdfGrid{}
	var out []*pdfGrid
	for i, s := range all {
		r := sets.find(i)
		gr := groups[r]
		if gr == nil {
			gr = &pdfGrid{}
			groups[r] = gr
			out = append(out, gr)
		}
		if i < len(hs) {
			gr.h = append(gr.h, s)
		} else {
			gr.v = append(gr.v, s)
		}
	}
	return out
}

// findEdges sets the grid's column edges (left to right) and row edges
// (top to bottom) from its lines.
func (gr *pdfGrid) findEdges() {
	var xs, ys []float64
	for _, s := range gr.v {
		xs = append(xs, s.x0)
	}
	for _, s := range gr.h {
		ys = append(ys, s.y0)
	}
	// Lines that run past the outermost lines of the other direction
	// end at an edge that was not drawn: a table wider than the page,
	// cut off at the page's edge when a browser prints it.
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range gr.h {
		minX, maxX = min(minX, s.x0), max(maxX, s.x1)
	}
	for _, s := range gr.v {
		minY, maxY = min(minY, s.y0), max(maxY, s.y1)
	}
	xs = append(xs, minX, maxX)
	ys = append(ys, minY, maxY)
	gr.xs = clusterEdges(xs, gridTol*1.5)
	gr.ys = clusterEdges(ys, gridTol*1.5)
	slices.Reverse(gr.ys) // top to bottom
}

// joinSegs merges collinear segments that overlap or touch (a border drawn
// cell by cell).
func joinSegs(ss []pdfSeg, horizontal bool) []pdfSeg {
	key := func(s pdfSeg) (float64, float64, float64) {
		if horizontal {
			return s.y0, s.x0, s.x1
		}
		return s.x0, s.y0, s.y1
	}
	s := slices.Clone(ss)
	slices.SortFunc(s, func(a, b pdfSeg) int {
		ka, a0, _ := key(a)
		kb, b0, _ := key(b)
		if math.Abs(ka-kb) > 0.5 {
			return cmp.Compare(ka, kb)
		}
		return cmp.Compare(a0, b0)
	})
	var out []pdfSeg
	for _, x := range s {
		if n := len(out); n > 0 {
			k0, _, e0 := key(out[n-1])
			k1, s1, e1 := key(x)
			if math.Abs(k0-k1) <= 0.5 && s1 <= e0+gridTol {
				if e1 > e0 {
					if horizontal {
						out[n-1].x1 = e1
					} else {
						out[n-1].y1 = e1
					}
				}
				continue
			}
		}
		out = append(out, x)
	}
	return out
}

// hasV reports whether a vertical line at x covers y.
func (gr *pdfGrid) hasV(x, y float64) bool {
	if x == gr.xs[0] || x == gr.xs[len(gr.xs)-1] {
		return true // the table's outer edge
	}
	for _, s := range gr.v {
		if math.Abs(s.x0-x) <= gridTol*1.5 && y >= s.y0-gridTol && y <= s.y1+gridTol {
			return true
		}
	}
	return false
}

// hasH reports whether a horizontal line at y covers x.
func (gr *pdfGrid) hasH(x, y float64) bool {
	if y == gr.ys[0] || y == gr.ys[len(gr.ys)-1] {
		return true // the table's outer edge
	}
	for _, s := range gr.h {
		if math.Abs(s.y0-y) <= gridTol*1.5 && x >= s.x0-gridTol && x <= s.x1+gridTol {
			return true
		}
	}
	return false
}

// table builds the grid's rows: merged cells are the grid cells without a
// line between them; a cell merged down from the row above is given as an
// empty cell at its column, as the .docx reader gives it.
func (gr *pdfGrid) table(gs []pdfGlyph, page int) *table {
	nr, nc := len(gr.ys)-1, len(gr.xs)-1
	cells := newDisjointSets(nr * nc)
	for r := 0; r < nr; r++ {
		midY := (gr.ys[r] + gr.ys[r+1]) / 2
		for c := 0; c < nc; c++ {
			midX := (gr.xs[c] + gr.xs[c+1]) / 2
			if c+1 < nc && !gr.hasV(gr.xs[c+1], midY) {
				cells.union(r*nc+c, r*nc+c+1)
			}
			if r+1 < nr && !gr.hasH(midX, gr.ys[r+1]) {
				cells.union(r*nc+c, (r+1)*nc+c)
			}
		}
	}
	// Each merged cell's glyphs.
	cellGlyphs := map[int][]pdfGlyph{}
	for _, g := range gs {
		cx, cy := g.x+g.w/2, g.y+g.size*0.3
		c := interval(gr.xs, cx, false)
		r := interval(gr.ys, cy, true)
		if r < 0 || c < 0 {
			continue
		}
		k := cells.find(r*nc + c)
		cellGlyphs[k] = append(cellGlyphs[k], g)
	}
	tb := &table{pos: reports.Position{Page: page}}
	for r := 0; r < nr; r++ {
		row := trow{pos: reports.Position{Page: page, Row: len(tb.rows) + 1}}
		starts := false
		seen := map[int]bool{}
		for c := 0; c < nc; c++ {
			k := cells.find(r*nc + c)
			if seen[k] {
				continue
			}
			seen[k] = true
			top := k / nc
			text := ""
			if top == r {
				starts = true
				var lines []string
				for _, l := range groupLines(cellGlyphs[k], page) {
					lines = append(lines, l.text())
				}
				text = strings.Join(lines, "")
			} else if k%nc != c {
				continue // merged from the left in a row above: no cell here
			}
			row.cells = append(row.cells, tcell{text: text, col: c})
		}
		if starts {
			tb.rows = append(tb.rows, row)
		}
	}
	return tb
}

// disjointSets is a union–find over 0…n−1; a set is named by its
// smallest member (a merged cell by its top-left grid cell).
type disjointSets []int

func newDisjointSets(n int) disjointSets {
	d := make(disjointSets, n)
	for i := range d {
		d[i] = i
	}
	return d
}

// find returns the smallest member of i's set.
func (d disjointSets) find(i int) int {
	for d[i] != i {
		d[i] = d[d[i]]
		i = d[i]
	}
	return i
}

// union joins the sets of a and b.
func (d disjointSets) union(a, b int) {
	ra, rb := d.find(a), d.find(b)
	if ra < rb {
		d[rb] = ra
	} else {
		d[ra] = rb
	}
}

// interval returns the index of the interval of edges that holds v, or -1;
// edges descend when desc is set.
func interval(edges []float64, v float64, desc bool) int {
	for i := 0; i+1 < len(edges); i++ {
		a, b := edges[i], edges[i+1]
		if desc {
			a, b = b, a
		}
		if v >= a && v <= b {
			return i
		}
	}
	return -1
}

// startsLabel reports whether a cell's text begins a label of its own (an
// enumeration, a group heading such as 第二十条第（五）项, a column
// heading) rather than continuing one.
func startsLabel(t string) bool {
	c := canon(t)
	_, numbered := parseNumbered(t)
	return numbered || reSection.MatchString(t) || strings.HasPrefix(c, "第二十") || c == "信息内容" || strings.HasPrefix(c, "申请人情况")
}

// joinPageSplitRow joins the first row of a table continued on a new page
// to the last row of the table before, when a page break split that row:
// the new row has only words, each under a label cell of the last row (the
// rest of a label broken at the foot of the page). A repeated header row
// is left alone.
func joinPageSplitRow(before, after *table) (reports.Finding, bool) {
	if len(before.rows) == 0 || len(after.rows) == 0 {
		return reports.Finding{}, false
	}
	last, first := &before.rows[len(before.rows)-1], after.rows[0]
	labels := map[int]int{} // column → cell index of the last row's label cells
	numbers := false
	for i, c := range last.cells {
		t := strings.TrimSpace(c.text)
		switch {
		case isNumeric(t):
			numbers = true
		case t != "":
			labels[c.col] = i
		}
	}
	if !numbers {
		return reports.Finding{}, false
	}
	for _, r := range before.rows[:min(len(before.rows), 4)] {
		if slices.Equal(r.nonEmpty(), first.nonEmpty()) {
			return reports.Finding{}, false
		}
	}
	filled := 0
	for _, c := range first.cells {
		t := strings.TrimSpace(c.text)
		if t == "" {
			continue
		}
		if _, ok := labels[c.col]; !ok || isNumeric(t) || startsLabel(t) {
			return reports.Finding{}, false
		}
		filled++
	}
	if filled == 0 {
		return reports.Finding{}, false
	}
	for _, c := range first.cells {
		if t := strings.TrimSpace(c.text); t != "" {
			last.cells[labels[c.col]].text += t
		}
	}
	after.rows = after.rows[1:]
	return reports.ImportFinding(reports.Note, reports.Location{Source: first.pos},
		fmt.Sprintf("此行是上一页表格最后一行被分页断开的部分，已接回该行（“%s”）", clip(strings.Join(first.nonEmpty(), "")))), true
}
