package pdf

import (
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"

	"nianbao/reports"
)

// span is a piece of text in one style, as the report gives it.
type span struct {
	text string
	role Role
	size float64
	// off is where text starts in its report field, in characters; -1
	// for generated text (numbers, labels, lead-ins).
	off int
}

// glyph is one character with the face that draws it.
type glyph struct {
	r        rune
	face     *Face
	role     Role
	fallback bool
	size     float64
	adv      float64 // advance in points
}

// noStart are the characters that must not begin a line (行首禁则).
const noStart = "，。、；：？！）》」』〉】〕〗”’…—·．,.;:?!)]}%％‰℃〃々～"

// noEnd are the characters that must not end a line (行尾禁则).
const noEnd = "（《「『〈【〔〖“‘([{"

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }

// missingMark replaces a character no font has, so that the gap shows.
const missingMark = '□'

// shape resolves every character of the spans to a face: the role's own
// font, or the fallback when the role's font lacks it. Characters no font
// has are replaced by □ and recorded with loc.
func (lt *layouter) shape(spans []span, loc reports.Location) []glyph {
	var out []glyph
	for _, s := range spans {
		face := lt.book.faces[s.role]
		k := -1
		for _, r := range s.text {
			k++
			switch {
			case r == '\t':
				r = ' '
			case r == '\r' || r == '\n' || unicode.IsControl(r) || r == 0xFEFF || r == 0x200B:
				continue
			}
			g := glyph{r: r, face: face, role: s.role, size: s.size}
			if !face.m.has(r) {
				switch {
				case lt.book.fallback.m.has(r):
					g.face, g.fallback = lt.book.fallback, true
				default:
					at := loc
					at.Offset = -1
					if s.off >= 0 && loc.Field != "" {
						at.Offset = s.off + k
					}
					lt.missing(r, at)
					g.r = missingMark
					g.face, g.fallback = lt.book.fallback, true
					if !g.face.m.has(missingMark) {
						g.r = '?'
					}
				}
			}
			g.adv = g.face.m.advance(g.r) * s.size
			if g.adv == 0 && g.r == ' ' {
				g.adv = s.size / 4
			}
			out = append(out, g)
		}
	}
	return out
}

// breakOpportunities returns, for each index i, whether a line may start at
// glyph i: Unicode line breaking (UAX #14, from go-text's segmenter) with
// the Chinese 避头尾 rules on top.
func breakOpportunities(gs []glyph) []bool {
	runes := make([]rune, len(gs))
	for i, g := range gs {
		runes[i] = g.r
	}
	ok := make([]bool, len(gs)+1)
	if len(gs) < 2 {
		return ok
	}
	var seg segmenter.Segmenter
	seg.Init(runes)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if l.Offset > 0 {
			ok[l.Offset] = true
		}
	}
	for i := 1; i < len(runes); i++ {
		// UAX #14 (Unicode 14) treats “ ” as ambiguous quotes that glue
		// to both neighbours; in Chinese “ opens and ” closes, so a break
		// is allowed before “ and after ” like before （ and after ）.
		if runes[i] == '“' || runes[i] == '‘' || runes[i-1] == '”' || runes[i-1] == '’' {
			ok[i] = true
		}
		switch {
		case isNoStart(runes[i]), isNoEnd(runes[i-1]):
			ok[i] = false
		case (runes[i] == '—' || runes[i] == '…') && runes[i-1] == runes[i]:
			ok[i] = false
		}
	}
	ok[0] = false
	return ok
}

// lineOpts says how to fill lines.
type lineOpts struct {
	width  float64 // box width
	indent float64 // first-line indentation
	track  float64 // spacing added after each character at natural width
	// justify spreads every line but the last flush to both edges.
	justify bool
}

// brokenLine is one line of glyphs with its justification.
type brokenLine struct {
	glyphs    []glyph
	indent    float64
	cs        float64
	justified bool
	natural   float64 // width at natural spacing
}

// breakLines fills lines greedily from break opportunities. A unit that
// does not fit goes to the next line (推出), except one closing mark that
// is squeezed into the line (推入) when the overflow is at most half a
// character. A unit longer than a whole line is cut where it must.
func breakLines(gs []glyph, o lineOpts) []brokenLine {
	if len(gs) == 0 {
		return nil
	}
	return breakLinesAt(gs, breakOpportunities(gs), o)
}

// breakLinesAt is breakLines with the break opportunities already found
// (a cell tried at several widths finds them once). In justified text a
// last line holding a single character (and its marks) takes the last
// unit of the line before along, so that no character stands alone.
func breakLinesAt(gs []glyph, ok []bool, o lineOpts) []brokenLine {
	if len(gs) == 0 {
		return nil
	}
	lines, starts := fillLines(gs, ok, o, -1)
	if o.justify && len(lines) >= 2 && loneCharacter(lines[len(lines)-1].glyphs) {
		// The last break opportunity inside the line before the last.
		prev, last := starts[len(starts)-2], starts[len(starts)-1]
		for k := last - 1; k > prev+1; k-- {
			if ok[k] {
				// Only a short unit moves: the line before stays full enough
				// to be justified without gaps.
				if textWidth(gs[k:last], 0) > 2*gs[k].size+0.01 {
					break
				}
				if l2, _ := fillLines(gs, ok, o, k); len(l2) == len(lines) {
					lines = l2
				}
				break
			}
		}
	}
	for i := range lines {
		l := &lines[i]
		n := len(l.glyphs)
		adv := 0.0
		for _, g := range l.glyphs {
			adv += g.adv
		}
		l.natural = adv + o.track*float64(max(n-1, 0))
		l.cs = o.track
		if o.justify && i < len(lines)-1 && n > 1 {
			cs := (o.width - l.indent - adv) / float64(n-1)
			size := l.glyphs[0].size
			if cs <= size*0.5 {
				l.cs = cs
				l.justified = true
			}
		}
	}
	return lines
}

// loneCharacter reports whether a line holds one character, not counting
// punctuation.
func loneCharacter(gs []glyph) bool {
	n := 0
	for _, g := range gs {
		if !unicode.IsPunct(g.r) && !unicode.IsSpace(g.r) {
			n++
		}
	}
	return n == 1
}

// fillLines fills lines greedily and returns them with the index in gs
// where each starts; a line also breaks before glyph forceAt (when ≥ 0).
func fillLines(gs []glyph, ok []bool, o lineOpts, forceAt int) ([]brokenLine, []int) {
	f := &filler{o: o, indent: o.indent}
	for _, u := range breakUnits(gs, ok) {
		if u.start == forceAt && len(f.cur) > 0 {
			f.flush(u.start)
		}
		f.add(u)
	}
	if len(f.cur) > 0 {
		f.flush(len(gs))
	}
	return f.lines, f.starts
}

// breakUnit is a run of glyphs between two break opportunities, and the
// index in the paragraph's glyphs where it starts.
type breakUnit struct {
	gs    []glyph
	start int
}

// breakUnits cuts the glyphs at every break opportunity ok.
func breakUnits(gs []glyph, ok []bool) []breakUnit {
	n := 1
	for i := 1; i < len(gs); i++ {
		if ok[i] {
			n++
		}
	}
	units := make([]breakUnit, 0, n)
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i == len(gs) || ok[i] {
			units = append(units, breakUnit{gs[start:i], start})
			start = i
		}
	}
	return units
}

// filler is fillLines' state: the lines filled so far and the one being
// filled.
type filler struct {
	o      lineOpts
	lines  []brokenLine
	starts []int // where each line starts in the paragraph's glyphs
	// cur is the line being filled, curStart where it starts, curW its
	// width; indent is its indent (the first line's, then 0).
	cur      []glyph
	curStart int
	curW     float64
	indent   float64
}

// fillEps is the slack within which a line still holds a unit.
const fillEps = 0.01

// capW is the width the current line holds.
func (f *filler) capW() float64 { return f.o.width - f.indent }

// width is the width of glyphs on a line, tracking included.
func (f *filler) width(u []glyph) float64 {
	w := 0.0
	for _, g := range u {
		w += g.adv + f.o.track
	}
	return w
}

// flush ends the current line (its trailing spaces dropped); the next one
// starts at glyph next, without indent.
func (f *filler) flush(next int) {
	f.lines = append(f.lines, brokenLine{glyphs: trimSpaces(f.cur), indent: f.indent})
	f.starts = append(f.starts, f.curStart)
	f.cur, f.curW, f.curStart = nil, 0, next
	f.indent = 0
}

// add puts a unit on the current line when it fits (a trailing space
// needing no room, one closing mark squeezed in: 推入), else on a new line,
// cut when it is wider than a line.
func (f *filler) add(uu breakUnit) {
	u := uu.gs
	w := f.width(u)
	if f.curW+w <= f.capW()+fillEps {
		f.cur = append(f.cur, u...)
		f.curW += w
		return
	}
	// A trailing space never needs room.
	if last := u[len(u)-1]; last.r == ' ' && f.curW+w-last.adv-f.o.track <= f.capW()+fillEps {
		f.cur = append(f.cur, u...)
		f.curW += w
		return
	}
	// 推入: squeeze one closing mark into the line.
	if len(u) >= 2 {
		last := u[len(u)-1]
		over := f.curW + w - f.capW()
		if isNoStart(last.r) && over <= last.size*0.5+fillEps {
			f.cur = append(f.cur, u...)
			f.flush(uu.start + len(u))
			return
		}
	}
	if len(f.cur) > 0 {
		f.flush(uu.start)
		if w <= f.capW()+fillEps {
			f.cur = append(f.cur, u...)
			f.curW = w
			return
		}
	}
	f.cut(uu)
}

// cut puts a unit wider than the line glyph by glyph, starting a new line
// whenever the next glyph does not fit.
func (f *filler) cut(uu breakUnit) {
	for k, g := range uu.gs {
		gw := g.adv + f.o.track
		if f.curW+gw > f.capW()+fillEps && len(f.cur) > 0 {
			f.flush(uu.start + k)
		}
		f.cur = append(f.cur, g)
		f.curW += gw
	}
}

// trimSpaces drops the trailing spaces of a line's glyphs.
func trimSpaces(gs []glyph) []glyph {
	for len(gs) > 0 && gs[len(gs)-1].r == ' ' {
		gs = gs[:len(gs)-1]
	}
	return gs
}

// runs groups a line's glyphs into runs of one face and size, positioned
// from x with the line's spacing.
func (bl brokenLine) runs(x float64) []Run {
	var out []Run
	var b strings.Builder
	var cur *Run
	pos := x
	for _, g := range bl.glyphs {
		if cur == nil || cur.Font != g.face.Name || cur.Size != g.size || cur.Fallback != g.fallback {
			if cur != nil {
				cur.Text = b.String()
				b.Reset()
				out = append(out, *cur)
			}
			cur = &Run{X: pos, Font: g.face.Name, Role: g.role, Fallback: g.fallback, Size: g.size, CharSpacing: bl.cs}
		}
		b.WriteRune(g.r)
		cur.Width += g.adv
		if b.Len() > len(string(g.r)) {
			cur.Width += bl.cs
		}
		pos += g.adv + bl.cs
	}
	if cur != nil {
		cur.Text = b.String()
		out = append(out, *cur)
	}
	for i := range out {
		out[i].X = round2(out[i].X)
		out[i].Width = round2(out[i].Width)
		out[i].CharSpacing = round2x(out[i].CharSpacing)
	}
	return out
}

// round2x keeps char spacing to 1/1000 pt, as gopdf writes it.
func round2x(v float64) float64 {
	r := float64(int64(v*1000+sign(v)*0.5)) / 1000
	if r == 0 {
		return 0
	}
	return r
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// textWidth is the natural width of glyphs with spacing track.
func textWidth(gs []glyph, track float64) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.adv
	}
	return w + track*float64(max(len(gs)-1, 0))
}
