package pdf

import (
	"fmt"
	"math"
	"strings"
	"time"

	"nianbao/reports"
	"nianbao/version"
)

// Options change how a report is printed. The zero value prints as the
// report's own signing settings say.
type Options struct {
	// Date is the creation date written in the PDF; the zero time means
	// now. A fixed date gives byte-identical output.
	Date time.Time
	// SignatureLine adds 单位负责人（签字）： after the 落款; nil means as
	// the report says (Signing.SignatureLine).
	SignatureLine *bool
	// Fonts is FontsEmbedded or FontsOfficial; "" means as the report
	// says (Signing.Fonts), and embedded when it says nothing.
	Fonts string
	// Official is the result of FindOfficialFonts, when the caller has it
	// already; nil means search the font folders when official fonts are
	// asked for.
	Official FontSet
}

// layouter builds a Document.
type layouter struct {
	r    *reports.Report
	opts Options
	book *fontBook
	doc  *Document

	page *Page
	y    float64 // next free position below the top of the type area
	// firstPage is the number of the page that received the first line
	// or table row placed since it was last set to 0.
	firstPage int
	miss      map[string]bool
}

// block is a piece of the flow: lines of text on the grid, or a table.
type block struct {
	lines   []*Line // positioned relative to the type area, Y unset
	kind    Kind
	heading bool
	// keep is how many grid lines must follow this block on its page.
	keep  int
	table *tableLayout
	// joinNext puts the next table right under this one (table 二 blocks).
	joinNext bool
	// blank marks empty grid lines (before the 落款).
	blank int
}

// Layout lays out the report as printed pages.
func Layout(r *reports.Report, opts Options) (*Document, error) {
	if r == nil {
		return nil, fmt.Errorf("没有报告可打印")
	}
	var notes []string
	fonts := opts.Fonts
	switch fonts {
	case "":
		// As the report says; a value this build does not know prints
		// with the embedded fonts rather than not at all.
		fonts = strings.ToLower(strings.TrimSpace(r.Signing.Fonts))
		if fonts != "" && fonts != FontsEmbedded && fonts != FontsOfficial {
			notes = append(notes, fmt.Sprintf("报告中的字体设置“%s”无法识别，已使用内置字体", r.Signing.Fonts))
			fonts = FontsEmbedded
		}
	case FontsEmbedded, FontsOfficial:
	default:
		return nil, fmt.Errorf("字体选择“%s”无效，应为 embedded（内置字体）或 official（本机官方字体）", fonts)
	}
	set := opts.Official
	if fonts == FontsOfficial && set == nil {
		set = FindOfficialFonts()
	}
	book, err := newFontBook(fonts == FontsOfficial, set)
	if err != nil {
		return nil, err
	}
	lt := &layouter{r: r, opts: opts, book: book, miss: map[string]bool{}}
	lt.doc = &Document{
		Title:    r.Title(),
		Author:   r.SignedBy(),
		Creator:  "nianbao " + version.Number,
		Subject:  "政府信息公开工作年度报告",
		Width:    round2(PageWidth),
		Height:   round2(PageHeight),
		Fonts:    map[Role]string{},
		Families: map[Role]string{},
		Fallback: book.fallback.Name,
		Notes:    append(notes, book.notes...),
		faces:    map[string]*Face{},
	}
	for _, role := range Roles {
		lt.doc.Fonts[role] = book.faces[role].Name
		lt.doc.Families[role] = book.faces[role].Family
	}
	for _, f := range book.faceList() {
		lt.doc.faces[f.Name] = f
	}
	blocks := lt.blocks()
	lt.place(blocks)
	lt.pageNumbers()
	return lt.doc, nil
}

func (lt *layouter) missing(r rune, loc reports.Location) {
	key := fmt.Sprintf("%c|%s|%s|%s|%s|%s", r, loc.Section, loc.Field, loc.Table, loc.Row, loc.Column)
	if lt.miss[key] {
		return
	}
	lt.miss[key] = true
	lt.doc.Missing = append(lt.doc.Missing, MissingChar{Char: string(r), Location: loc})
}

// ---- building the flow ----

// blocks formats the printed outline (reports.Report.Outline) as the flow
// of the page: lines on the body grid, tables, blank lines.
func (lt *layouter) blocks() []*block {
	r := lt.r
	var out []*block
	add := func(b *block) {
		if b != nil && (len(b.lines) > 0 || b.table != nil || b.blank > 0) {
			out = append(out, b)
		}
	}
	sig := r.Signing.SignatureLine
	if lt.opts.SignatureLine != nil {
		sig = *lt.opts.SignatureLine
	}
	for _, ob := range r.Outline(sig) {
		switch ob.Kind {
		case reports.BlockTitle:
			add(lt.title(ob.Text))
			out = append(out, &block{blank: 1})
		case reports.BlockHeading1, reports.BlockHeading2, reports.BlockHeading3:
			add(lt.heading(headingKinds[ob.Kind], ob.Section, ob.Text, ob.Field))
		case reports.BlockParagraph:
			var lead *span
			if ob.Lead != "" {
				lead = &span{text: ob.Lead, role: headingRoles[ob.LeadKind], size: BodySize, off: -1}
			}
			add(lt.paragraph(ob.Section, ob.Field, lead, para{text: ob.Text, off: ob.Offset}))
		case reports.BlockTables:
			for i, tb := range ob.Tables {
				add(&block{table: lt.tableLayout(tb), joinNext: i < len(ob.Tables)-1})
			}
		case reports.BlockSigning:
			out = append(out, lt.signing(ob)...)
		case reports.BlockSignature:
			out = append(out, &block{blank: 1}, lt.signatureLine(ob))
		}
	}
	// Keep rules: a heading stays with what follows it; the last body
	// lines stay with the 落款.
	for i := len(out) - 2; i >= 0; i-- {
		b, next := out[i], out[i+1]
		switch {
		case b.heading:
			b.keep = keepAfterHeading(out[i+1:])
		case next.kind == KindSigning || next.blank > 0 && i+2 < len(out) && out[i+2].kind == KindSigning:
			n := 0
			for _, x := range out[i+1:] {
				n += len(x.lines) + x.blank
			}
			b.keep = n
		}
	}
	return out
}

// headingKinds and headingRoles give each heading level of the outline its
// line kind and font: 一、 黑体, （一） 楷体, 1. 仿宋.
var (
	headingKinds = map[reports.BlockKind]Kind{
		reports.BlockHeading1: KindHeading1, reports.BlockHeading2: KindHeading2, reports.BlockHeading3: KindHeading3,
	}
	headingRoles = map[reports.BlockKind]Role{
		reports.BlockHeading1: RoleHei, reports.BlockHeading2: RoleKai, reports.BlockHeading3: RoleFang,
	}
)

// keepAfterHeading is how many grid lines must follow a heading on its
// page: the headings right after it, then two lines of text (a one-line
// paragraph and the first line of the next count together), or the start
// of a table.
func keepAfterHeading(rest []*block) int {
	n, text := 0, 0
	for _, x := range rest {
		switch {
		case x.heading && text == 0:
			n += len(x.lines)
		case x.heading:
			return n // the next heading keeps its own text
		case x.table != nil:
			return n + x.minLines()
		case x.blank > 0 || x.kind == KindSigning || len(x.lines) == 0:
			return n
		default:
			take := min(len(x.lines), 2-text)
			n += take
			if text += take; text >= 2 {
				return n
			}
		}
	}
	return n
}

// minLines is how many grid lines the start of a block needs on a page.
func (b *block) minLines() int {
	switch {
	case b.table != nil:
		h := b.table.headerHeight()
		if len(b.table.rowH) > 0 {
			h += b.table.rowH[0]
		}
		return int(math.Ceil(h/LinePitch - 1e-6))
	case len(b.lines) > 1:
		return 2
	}
	return max(len(b.lines), b.blank)
}

// para is one paragraph of a text field and where it starts in the field
// (in characters), so that a problem in it can be located exactly.
type para struct {
	text string
	off  int
}

// bodyOpts is the GB/T 9704 body grid: 28 characters on 156 mm.
func bodyOpts(indentChars float64) lineOpts {
	return lineOpts{width: TypeWidth, indent: indentChars * CharPitch, track: CharPitch - BodySize, justify: true}
}

// textLines lays out one paragraph of styled text on the body grid.
func (lt *layouter) textLines(kind Kind, section string, spans []span, loc reports.Location, indent float64) []*Line {
	gs := lt.shape(spans, loc)
	var out []*Line
	for _, bl := range breakLines(gs, bodyOpts(indent)) {
		x := MarginLeft + bl.indent
		out = append(out, &Line{
			Kind: kind, Section: section,
			X: round2(x), Width: round2(TypeWidth - bl.indent),
			Justified: bl.justified,
			Runs:      bl.runs(x),
		})
	}
	return out
}

// paragraph is a body paragraph, optionally led in by a styled title
// ("1.主动公开方面。" then the text).
func (lt *layouter) paragraph(section, field string, lead *span, p para) *block {
	var spans []span
	if lead != nil {
		spans = append(spans, *lead)
	}
	spans = append(spans, span{text: p.text, role: RoleFang, size: BodySize, off: p.off})
	loc := reports.Location{Section: section, Field: field}
	return &block{kind: KindBody, lines: lt.textLines(KindBody, section, spans, loc, 2)}
}

func (lt *layouter) heading(kind Kind, section, text, field string) *block {
	role := RoleHei
	switch kind {
	case KindHeading2:
		role = RoleKai
	case KindHeading3:
		role = RoleFang
	}
	loc := reports.Location{Section: section, Field: field}
	return &block{kind: kind, heading: true,
		lines: lt.textLines(kind, section, []span{{text: text, role: role, size: BodySize, off: -1}}, loc, 2)}
}

// title breaks the title into balanced lines, centred.
func (lt *layouter) title(text string) *block {
	loc := reports.Location{Field: reports.FieldOrganShortName}
	gs := lt.shape([]span{{text: text, role: RoleTitle, size: TitleSize}}, loc)
	var out []*Line
	for _, l := range titleLines(gs) {
		w := textWidth(l, 0)
		x := MarginLeft + (TypeWidth-w)/2
		bl := brokenLine{glyphs: l}
		out = append(out, &Line{Kind: KindTitle, X: round2(x), Width: round2(w), Runs: bl.runs(x)})
	}
	return &block{kind: KindTitle, lines: out}
}

// titleMax is the widest a title line may be: the type area less one
// character of the title size on each side.
const titleMax = TypeWidth - 2*TitleSize

// titleLines splits the title into as few lines as fit titleMax, choosing
// among the break opportunities the split whose lines are most even, with
// a strong preference for breaking before 政府信息公开 (the fixed part of
// every title) and never leaving fewer than three characters on a line.
// A title that no two or three lines hold is broken as body text is.
func titleLines(gs []glyph) [][]glyph {
	if textWidth(gs, 0) <= titleMax || len(gs) < 6 {
		return [][]glyph{gs}
	}
	best := bestTitleCuts(gs, breakOpportunities(gs), titlePenalties(gs))
	if best == nil {
		var out [][]glyph
		for _, bl := range breakLines(gs, lineOpts{width: TypeWidth}) {
			out = append(out, bl.glyphs)
		}
		return out
	}
	var out [][]glyph
	prev := 0
	for _, c := range append(best, len(gs)) {
		out = append(out, gs[prev:c])
		prev = c
	}
	return out
}

// titlePenalties are the penalties of cutting the title before each
// glyph: none before 政府信息公开 (the fixed part of every title) or
// 人民政府, small after an administrative unit (…自治州 / 新源县…); a place
// not listed has the large penalty of titleScore.
func titlePenalties(gs []glyph) map[int]float64 {
	runes := make([]rune, len(gs))
	for i, g := range gs {
		runes[i] = g.r
	}
	text := string(runes)
	penalty := map[int]float64{}
	for i, r := range runes {
		if i > 0 && i < len(runes)-1 && strings.ContainsRune("省市州县区盟旗乡镇", r) {
			penalty[i+1] = 2 * TitleSize
		}
	}
	for _, word := range []string{"政府信息公开", "人民政府"} {
		if k := strings.Index(text, word); k > 0 {
			penalty[len([]rune(text[:k]))] = 0.001
		}
	}
	return penalty
}

// bestTitleCuts is the best split of the title into two lines at the break
// opportunities ok, or into three lines when two cannot fit; nil when
// three cannot either.
func bestTitleCuts(gs []glyph, ok []bool, penalty map[int]float64) []int {
	best, bestScore := []int(nil), math.Inf(1)
	for a := 1; a < len(gs); a++ {
		if !ok[a] {
			continue
		}
		if sc := titleScore(gs, []int{a}, penalty); sc < bestScore {
			best, bestScore = []int{a}, sc
		}
	}
	if best != nil {
		return best
	}
	for a := 1; a < len(gs); a++ {
		for b := a + 1; b < len(gs) && ok[a]; b++ {
			if !ok[b] {
				continue
			}
			if sc := titleScore(gs, []int{a, b}, penalty); sc < bestScore {
				best, bestScore = []int{a, b}, sc
			}
		}
	}
	return best
}

// titleScore is the badness of cutting the title at cuts: the spread of
// the lines' widths (their root mean square shortfall from the widest)
// plus each cut's penalty, 10 title characters where none is listed;
// infinite when a line is wider than titleMax or has fewer than three
// characters.
func titleScore(gs []glyph, cuts []int, penalty map[int]float64) float64 {
	prev, worst, s := 0, 0.0, 0.0
	var widths []float64
	for _, c := range append(cuts, len(gs)) {
		if c-prev < 3 {
			return math.Inf(1)
		}
		w := textWidth(gs[prev:c], 0)
		if w > titleMax+0.01 {
			return math.Inf(1)
		}
		widths = append(widths, w)
		worst = math.Max(worst, w)
		prev = c
	}
	for _, w := range widths {
		s += (worst - w) * (worst - w)
	}
	s = math.Sqrt(s / float64(len(widths)))
	for _, c := range cuts {
		if p, ok := penalty[c]; ok {
			s += p
		} else {
			s += 10 * TitleSize
		}
	}
	return s
}

// signing builds the 落款: two empty lines for the seal, then the organ
// centred over the date, the date four characters from the right edge.
func (lt *layouter) signing(ob reports.Block) []*block {
	organ, date := ob.Organ, ob.Date
	var lines []*Line
	dateGs := lt.shape([]span{{text: date, role: RoleFang, size: BodySize, off: -1}}, reports.Location{Field: reports.FieldSigningDate})
	track := CharPitch - BodySize
	dateW := textWidth(dateGs, track)
	right := MarginLeft + TypeWidth - 4*CharPitch
	centre := right - dateW/2
	if organ != "" {
		gs := lt.shape([]span{{text: organ, role: RoleFang, size: BodySize}}, reports.Location{Field: ob.OrganField})
		w := textWidth(gs, track)
		x := centre - w/2
		// A long name that would leave the type area moves left; a very
		// long one wraps.
		if x+w > MarginLeft+TypeWidth {
			x = MarginLeft + TypeWidth - w
		}
		if x < MarginLeft+2*CharPitch {
			for _, bl := range breakLines(gs, lineOpts{width: TypeWidth - 4*CharPitch, track: track}) {
				x := MarginLeft + TypeWidth - 2*CharPitch - bl.natural
				lines = append(lines, &Line{Kind: KindSigning, X: round2(x), Width: round2(bl.natural), Runs: bl.runs(x)})
			}
		} else {
			bl := brokenLine{glyphs: gs, cs: track}
			lines = append(lines, &Line{Kind: KindSigning, X: round2(x), Width: round2(w), Runs: bl.runs(x)})
		}
	}
	if date != "" {
		x := right - dateW
		bl := brokenLine{glyphs: dateGs, cs: track}
		lines = append(lines, &Line{Kind: KindSigning, X: round2(x), Width: round2(dateW), Runs: bl.runs(x)})
	}
	return []*block{{blank: 2}, {kind: KindSigning, lines: lines}}
}

// signatureLine is 单位负责人（签字）： two characters in from the left.
func (lt *layouter) signatureLine(ob reports.Block) *block {
	track := CharPitch - BodySize
	gs := lt.shape([]span{{text: ob.Text, role: RoleFang, size: BodySize, off: -1}}, reports.Location{Field: ob.Field})
	x := MarginLeft + 2*CharPitch
	bl := brokenLine{glyphs: gs, cs: track}
	return &block{kind: KindSigning, lines: []*Line{{
		Kind: KindSigning, X: round2(x), Width: round2(TypeWidth - 2*CharPitch), Runs: bl.runs(x),
	}}}
}

// ---- placing the flow on pages ----

func (lt *layouter) newPage() {
	lt.page = &Page{Number: len(lt.doc.Pages) + 1}
	lt.doc.Pages = append(lt.doc.Pages, lt.page)
	lt.y = 0
}

// snap moves y to the next grid line.
func (lt *layouter) snap() {
	k := math.Ceil(lt.y/LinePitch - 1e-6)
	lt.y = k * LinePitch
}

func (lt *layouter) linesLeft() int {
	return int(math.Floor((TypeHeight-lt.y)/LinePitch + 1e-6))
}

func (lt *layouter) atTop() bool { return lt.y < 1e-6 }

// baseline is where text of size sits in the grid line starting at top:
// its em box centred in the line.
func baseline(top, size float64) float64 {
	return top + LinePitch/2 + 0.38*size
}

func (lt *layouter) putLine(l *Line) {
	size := BodySize
	if len(l.Runs) > 0 {
		size = l.Runs[0].Size
	}
	l.Y = round2(baseline(MarginTop+lt.y, size))
	lt.page.Lines = append(lt.page.Lines, l)
	if lt.firstPage == 0 {
		lt.firstPage = lt.page.Number
	}
	lt.y += LinePitch
}

func (lt *layouter) place(blocks []*block) {
	lt.newPage()
	for i := 0; i < len(blocks); {
		if !blocks[i].heading || lt.atTop() {
			lt.placeBlock(blocks, i)
			i++
			continue
		}
		// A heading (or a run of headings) goes to the page of what
		// follows it. The keep counts of placeLines see only the next
		// lines; when the text then moves on by a keep rule of its own
		// (the last paragraph going with the 落款), the heading would be
		// left behind. Place the run and the blocks that give it its two
		// lines of text; if one of them started on a later page, undo and
		// start a new page with them.
		m := lt.mark()
		j := i
		for j < len(blocks) && blocks[j].heading {
			lt.placeBlock(blocks, j)
			j++
		}
		headPage := lt.page.Number
		moved := false
		for text := 0; j < len(blocks) && text < 2; {
			x := blocks[j]
			if x.heading || x.blank > 0 || x.kind == KindSigning {
				break // a heading has its own look-ahead
			}
			lt.firstPage = 0
			lt.placeBlock(blocks, j)
			j++
			if lt.firstPage != 0 && lt.firstPage != headPage {
				moved = true
				break
			}
			if x.table != nil {
				break
			}
			text += len(x.lines)
		}
		if moved {
			lt.rollback(m)
			lt.newPage()
			for k := i; k < j; k++ {
				lt.placeBlock(blocks, k)
			}
		}
		i = j
	}
}

// placeBlock places blocks[i] from the current position.
func (lt *layouter) placeBlock(blocks []*block, i int) {
	b := blocks[i]
	switch {
	case b.table != nil:
		lt.placeTable(b.table)
		if !b.joinNext {
			lt.snap()
		}
	case b.blank > 0:
		lt.snap()
		if lt.atTop() && i > 0 {
			return // no empty lines at the top of a page
		}
		lt.y = math.Min(lt.y+float64(b.blank)*LinePitch, TypeHeight)
	default:
		lt.snap()
		lt.placeLines(b)
	}
}

// placeMark is a point of the placement to go back to.
type placeMark struct {
	pages, lines, rules int
	y                   float64
}

func (lt *layouter) mark() placeMark {
	return placeMark{len(lt.doc.Pages), len(lt.page.Lines), len(lt.page.Rules), lt.y}
}

// rollback undoes everything placed since m.
func (lt *layouter) rollback(m placeMark) {
	lt.doc.Pages = lt.doc.Pages[:m.pages]
	lt.page = lt.doc.Pages[m.pages-1]
	lt.page.Lines = lt.page.Lines[:m.lines]
	lt.page.Rules = lt.page.Rules[:m.rules]
	lt.y = m.y
}

// placeLines puts a block's lines on the grid, avoiding a single first
// line at the foot of a page and a single last line at the head of the
// next, and keeping b.keep lines of what follows on the same page.
func (lt *layouter) placeLines(b *block) {
	n := len(b.lines)
	i := 0
	for i < n {
		left := lt.linesLeft()
		if left <= 0 {
			lt.newPage()
			continue
		}
		take := min(left, n-i)
		if i == 0 && take == 1 && n > 1 && !lt.atTop() {
			lt.newPage() // orphan
			continue
		}
		if n-(i+take) == 1 && take > 2 {
			take-- // widow
		}
		if i+take == n && b.keep > 0 && left-take < b.keep {
			switch {
			case b.heading || b.kind == KindSigning:
				if !lt.atTop() {
					lt.newPage()
					continue
				}
			case take >= 4:
				take -= 2
			case i == 0 && !lt.atTop():
				lt.newPage()
				continue
			}
		}
		for _, l := range b.lines[i : i+take] {
			lt.putLine(l)
		}
		i += take
		if i < n {
			lt.newPage()
		}
	}
}

// pageNumbers adds "— n —" below the type area, the dashes (一字线) 7 mm
// under its lower edge: odd pages at the right, even pages at the left,
// one character in from the edge.
func (lt *layouter) pageNumbers() {
	for _, p := range lt.doc.Pages {
		text := fmt.Sprintf("— %d —", p.Number)
		gs := lt.shape([]span{{text: text, role: RoleSong, size: PageNoSize}}, reports.Location{})
		w := textWidth(gs, 0)
		x := MarginLeft + PageNoSize
		if p.Number%2 == 1 {
			x = MarginLeft + TypeWidth - PageNoSize - w
		}
		top, ok := gs[0].face.glyphTop('—')
		if !ok {
			top = 0.4
		}
		y := MarginTop + TypeHeight + pageNoGap + top*PageNoSize
		bl := brokenLine{glyphs: gs}
		p.Lines = append(p.Lines, &Line{Kind: KindPageNo, X: round2(x), Y: round2(y), Width: round2(w), Runs: bl.runs(x)})
	}
}

// MissingFindings turns the characters no font has into warnings for the
// checks (code PDF_MISSING_CHAR), one per character and place.
func MissingFindings(doc *Document) []reports.Finding {
	var out []reports.Finding
	for _, m := range doc.Missing {
		out = append(out, reports.Finding{
			Severity: reports.Warning,
			Code:     "PDF_MISSING_CHAR",
			Location: m.Location,
			Message:  fmt.Sprintf("“%s”在所有可用字体中都没有，打印时会印成“□”", m.Char),
		})
	}
	return out
}
