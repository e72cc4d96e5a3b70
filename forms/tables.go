package forms

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// cellEntry is the entry of one typed table cell. It selects its whole
// text when it gains the focus (typing replaces the number, never extends
// it), moves through the table with Enter, Shift+Enter, Up and Down (Tab
// and Shift+Tab are the window's focus order, row by row), scrolls itself
// into view, and shows the cell's text normalised (１２ → 12) when it
// loses the focus.
type cellEntry struct {
	widget.Entry
	key         reports.CellKey
	view        *tableView
	row, col    int
	onFocusLost func()
	mark        *canvas.Rectangle // red frame while the text is not a valid number
	problem     error
	focused     bool
	shift       bool // a Shift key is held (as this entry saw it)
}

// setProblem marks the entry (a red frame and tint) while err is not nil.
func (c *cellEntry) setProblem(err error) {
	c.problem = err
	if c.mark == nil {
		return
	}
	if err != nil {
		c.mark.FillColor = color.NRGBA{R: 0xfd, G: 0xe8, B: 0xe8, A: 0xff}
		c.mark.StrokeColor = errColor
	} else {
		c.mark.FillColor = color.Transparent
		c.mark.StrokeColor = color.Transparent
	}
	c.mark.Refresh()
}

// Problem is what is wrong with the text typed, or nil.
func (c *cellEntry) Problem() error { return c.problem }

func newCellEntry(key reports.CellKey) *cellEntry {
	c := &cellEntry{key: key}
	// No inner scroller: a number fits, and the wheel over the cell then
	// scrolls the page (Fyne gives it to the innermost scroller).
	c.Wrapping = fyne.TextWrapOff
	c.Scroll = container.ScrollNone
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained selects the whole text, so that what is typed replaces it,
// and brings the cell into view.
func (c *cellEntry) FocusGained() {
	c.focused = true
	c.Entry.FocusGained()
	c.selectAll()
	if c.view != nil {
		c.view.ed.scrollToFocused(c)
	}
}

// FocusLost normalises the text shown.
func (c *cellEntry) FocusLost() {
	c.focused = false
	c.shift = false
	c.Entry.FocusLost()
	if c.onFocusLost != nil {
		c.onFocusLost()
	}
}

// selectAll selects the whole text, as Ctrl+A does.
func (c *cellEntry) selectAll() {
	if c.Text == "" {
		return // Fyne would select a stale text
	}
	c.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// MouseDown selects the whole text when the click gives the cell the focus
// (a click into a cell already being edited places the cursor).
func (c *cellEntry) MouseDown(m *desktop.MouseEvent) {
	first := !c.focused
	c.Entry.MouseDown(m)
	if first {
		c.selectAll()
	}
}

// KeyDown notes the Shift key for Shift+Enter.
func (c *cellEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		c.shift = true
	}
	c.Entry.KeyDown(k)
}

// KeyUp notes the Shift key's release.
func (c *cellEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		c.shift = false
	}
	c.Entry.KeyUp(k)
}

// shiftHeld tells whether Shift is down: as this entry saw it, or as the
// driver knows it (Shift pressed while another cell had the focus).
func (c *cellEntry) shiftHeld() bool {
	if c.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// TypedKey moves down the column on Enter and Down, up on Shift+Enter and
// Up; other keys edit the text.
func (c *cellEntry) TypedKey(k *fyne.KeyEvent) {
	if c.view != nil {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			if c.shiftHeld() {
				c.view.moveVertically(c, -1)
			} else {
				c.view.moveVertically(c, 1)
			}
			return
		case fyne.KeyDown:
			c.view.moveVertically(c, 1)
			return
		case fyne.KeyUp:
			c.view.moveVertically(c, -1)
			return
		}
	}
	c.Entry.TypedKey(k)
}

// TypedRune types into the cell, bringing it back into view first when
// the page was scrolled away from it (by the wheel or the scroll bar).
func (c *cellEntry) TypedRune(r rune) {
	if c.view != nil {
		c.view.ed.scrollToFocused(c)
	}
	c.Entry.TypedRune(r)
}

// MouseIn shows the message of the findings that name this cell.
func (c *cellEntry) MouseIn(*desktop.MouseEvent) {
	if c.view != nil {
		c.view.showTip(c.key, c)
	}
}

// MouseMoved is part of desktop.Hoverable.
func (c *cellEntry) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the message.
func (c *cellEntry) MouseOut() {
	if c.view != nil {
		c.view.hideTip()
	}
}

// MinSize lets the grid decide the width.
func (c *cellEntry) MinSize() fyne.Size {
	return fyne.NewSize(40, c.Entry.MinSize().Height)
}

// parseTyped reads what was typed into a cell of column col: the cell to
// store (text that is not a number is kept as text, so nothing is lost) and
// the problem to show beside it, or nil. One function serves the entry's
// validator and the model.
func parseTyped(col reports.Column, typed string) (reports.Cell, error) {
	c := reports.ParseCell(typed)
	switch {
	case c.Blank:
		return c, nil
	case !c.IsNumber():
		return c, fmt.Errorf("“%s”不是数字，请输入数字（可用全角数字）", typed)
	case !col.Money && !c.Value.IsInteger():
		return c, errors.New("这里填件数，应为整数")
	case !col.Signed && c.Value.IsNegative():
		return c, errors.New("不能为负数")
	}
	return c, nil
}

// tableView is one statistical table laid out like the printed template:
// merged headers, merged row labels, an entry for every typed cell and a
// read-only label for every total. Copies of its header rows and label
// columns (panes) stay in view while the numbers scroll.
type tableView struct {
	ed      *Editor
	screen  *tablesScreen
	tb      *reports.Table
	entries map[reports.CellKey]*cellEntry
	totals  map[reports.CellKey]*widget.Label
	// flags frame the cells that findings name; tips are their messages.
	flags   map[reports.CellKey]*canvas.Rectangle
	tips    map[reports.CellKey]string
	balance []*canvas.Text // table 三: 一+二=（七）+四 per column
	message *widget.Label  // the last input problem
	grid    *spanGrid
	gridObj fyne.CanvasObject
	panes   *frozenPanes
	hrows   int // header rows of the grid
	obj     fyne.CanvasObject
}

// minRowHeight is the least height of a body row, in pixels.
const minRowHeight = 46

// tableWidth is the width, in pixels, every table is laid out at from the
// template's column weights (reports.Table.FitWidths) before it stretches
// to the room (spanGrid): what table 三 had before the weights, so that
// no table scrolls sideways in a 1280 px wide window (917 px of room) and
// table 三 fills the 990 px of a 1366 px one.
const tableWidth = 910

// Digits a number cell shows whole: at the set widths (the row heights
// are worked out at them, so that nothing is cut in a 1280 px window) and
// in a window with room for more (1366 px and up).
const (
	setDigits  = 7
	roomDigits = 8
)

// numberLeast is the least width of a number column holding digits
// digits in an entry, with its text padding and the 3 px frame around it
// (85 px for 8 digits with the embedded font).
func numberLeast(digits int) float32 {
	w := fyne.MeasureText(strings.Repeat("0", digits), theme.TextSize(), fyne.TextStyle{}).Width
	return float32(math.Ceil(float64(w + 2*theme.InnerPadding() + 2*3)))
}

// labelLeast is the least width of a label column: two characters.
func labelLeast() float32 {
	return float32(math.Ceil(float64(fyne.MeasureText("国国", theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding())))
}

// gridCell is one object of a spanGrid and its place.
type gridCell struct {
	obj fyne.CanvasObject
	pos gridPos
}

// headerCells builds the header cells and the row labels of the table
// (called twice: for the table and for its frozen panes).
func (v *tableView) headerCells(cols []float32) (header, labels []gridCell) {
	tb := v.tb
	hcells, hrows := tb.HeaderGrid()
	for _, h := range hcells {
		header = append(header, gridCell{boxed(gridLabel(h.Label, fyne.TextAlignCenter, false), headerFill), gridPos{h.Row, h.Col, h.RowSpan, h.ColSpan}})
	}
	for _, l := range tb.LabelGrid() {
		align := fyne.TextAlignLeading
		if l.RowSpan > 1 {
			align = fyne.TextAlignCenter
		}
		labels = append(labels, gridCell{boxed(gridLabel(l.Label, align, false), headerFill), gridPos{hrows + l.Row, l.Col, l.RowSpan, l.ColSpan}})
	}
	if tb.Key == reports.TableT3 {
		labels = append(labels, gridCell{boxed(gridLabel("核对：一+二 =（七）+四", fyne.TextAlignLeading, false), headerFill), gridPos{hrows + len(tb.Rows), 0, 1, tb.LabelColumns}})
	}
	return header, labels
}

// rowHeights is the height of every grid row: header rows as their labels
// need, body rows at least minRowHeight.
func (v *tableView) rowHeights(cols []float32) []float32 {
	tb := v.tb
	header, hrows := tb.HeaderGrid()
	rows := make([]float32, hrows)
	for _, h := range header {
		w := sum(cols[h.Col : h.Col+h.ColSpan])
		need := textHeight(h.Label, w, false) / float32(h.RowSpan)
		if need > rows[h.Row] {
			rows[h.Row] = need
		}
	}
	// A note spanning several header rows may need more than they give.
	for _, h := range header {
		w := sum(cols[h.Col : h.Col+h.ColSpan])
		need := textHeight(h.Label, w, false)
		if have := sum(rows[h.Row : h.Row+h.RowSpan]); need > have {
			rows[h.Row+h.RowSpan-1] += need - have
		}
	}
	body := make([]float32, len(tb.Rows))
	for i := range body {
		body[i] = minRowHeight
	}
	for _, l := range tb.LabelGrid() {
		w := sum(cols[l.Col : l.Col+l.ColSpan])
		if l.RowSpan == 1 {
			body[l.Row] = max(body[l.Row], textHeight(l.Label, w, false))
		}
	}
	rows = append(rows, body...)
	if tb.Key == reports.TableT3 {
		rows = append(rows, minRowHeight)
	}
	return rows
}

func newTableView(ed *Editor, s *tablesScreen, tb *reports.Table) *tableView {
	v := &tableView{ed: ed, screen: s, tb: tb, entries: map[reports.CellKey]*cellEntry{}, totals: map[reports.CellKey]*widget.Label{},
		flags: map[reports.CellKey]*canvas.Rectangle{}, tips: map[reports.CellKey]string{}}
	v.message = widget.NewLabel("")
	v.message.Importance = widget.DangerImportance
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Hide()

	cols := v.columnWidths()
	_, v.hrows = tb.HeaderGrid()
	g := &spanGrid{cols: cols, rows: v.rowHeights(cols), fit: v.columnsAt}
	v.grid = g
	var objs []fyne.CanvasObject
	add := func(o fyne.CanvasObject, p gridPos) {
		objs = append(objs, o)
		g.pos = append(g.pos, p)
	}
	header, labels := v.headerCells(cols)
	for _, c := range append(header, labels...) {
		add(c.obj, c.pos)
	}
	hrows := v.hrows
	for ri := range tb.Rows {
		for ci, col := range tb.Columns {
			k := tb.CellKey(ri, ci)
			p := gridPos{hrows + ri, tb.LabelColumns + ci, 1, 1}
			flag := canvas.NewRectangle(color.Transparent)
			flag.StrokeWidth = 3
			v.flags[k] = flag
			if tb.IsComputed(ri, ci) {
				l := widget.NewLabel("")
				l.Alignment = fyne.TextAlignTrailing
				l.TextStyle.Bold = true
				v.totals[k] = l
				add(boxed(newTipBox(v, k, container.NewStack(container.New(vcenter{}, l), flag)), computedFill), p)
				continue
			}
			en := newCellEntry(k)
			en.view, en.row, en.col = v, ri, ci
			en.SetText(ed.report.Cell(k).String())
			en.mark = canvas.NewRectangle(color.Transparent)
			en.mark.StrokeWidth = 2
			en.mark.CornerRadius = 4
			col := col
			_, err := parseTyped(col, en.Text)
			en.setProblem(err)
			en.OnChanged = func(s string) { v.onCellChanged(en, col, s) }
			en.onFocusLost = func() { v.onCellLeft(en) }
			v.entries[k] = en
			add(boxed(container.NewStack(container.New(vcenter{}, container.NewStack(en.mark, container.New(layout.NewCustomPaddedLayout(3, 3, 3, 3), en))), flag), color.White), p)
		}
	}
	if tb.Key == reports.TableT3 {
		r := hrows + len(tb.Rows)
		for ci := range tb.Columns {
			t := canvas.NewText("", okColor)
			t.Alignment = fyne.TextAlignCenter
			t.TextStyle.Bold = true
			v.balance = append(v.balance, t)
			add(boxed(container.NewCenter(t), computedFill), gridPos{r, tb.LabelColumns + ci, 1, 1})
		}
	}
	v.gridObj = container.New(g, objs...)
	v.panes = v.newPanes()
	v.obj = container.NewVBox(v.gridObj, v.message)
	v.updateTotals()
	return v
}

// newPanes builds the frozen copies of the header rows and label columns.
func (v *tableView) newPanes() *frozenPanes {
	g := v.grid
	p := &frozenPanes{grid: g, obj: v.gridObj}
	pane := func(cols, rows []float32, keep func(gridPos) bool) fyne.CanvasObject {
		sg := &spanGrid{cols: cols, rows: rows, follow: g}
		header, labels := v.headerCells(g.cols)
		var objs []fyne.CanvasObject
		for _, c := range append(header, labels...) {
			if keep(c.pos) {
				objs = append(objs, c.obj)
				sg.pos = append(sg.pos, c.pos)
			}
		}
		return newBlocker(container.New(sg, objs...))
	}
	hrows, lcols := v.hrows, v.tb.LabelColumns
	p.header = pane(g.cols, g.rows[:hrows], func(q gridPos) bool { return q.row < hrows })
	if lcols > 0 {
		inLabels := func(q gridPos) bool { return q.col+q.colSpan <= lcols }
		p.labels = pane(g.cols[:lcols], g.rows, inLabels)
		p.corner = pane(g.cols[:lcols], g.rows[:hrows], func(q gridPos) bool { return inLabels(q) && q.row < hrows })
	}
	p.headerH = sum(g.rows[:hrows])
	p.lcols = lcols
	return p
}

// columnWidths is the width of every grid column of the table at its set
// width: the template's weights laid out to tableWidth, every label column
// at least labelLeast wide and every number column numberLeast(setDigits)
// as far as the numbers fit (the fifteen of table 四 do not: they share
// it). The row heights are worked out at these widths.
func (v *tableView) columnWidths() []float32 {
	return v.fitted(v.setGrid())
}

// setGrid is the widest block's grid columns at the set width, as
// columnWidths describes.
func (v *tableView) setGrid() (grid *reports.Table, width float64, least []float64) {
	grid = v.widestBlock()
	least = make([]float64, grid.Width())
	for i := range least {
		least[i] = float64(labelLeast())
	}
	v.numbersAtLeast(grid, least, tableWidth, setDigits)
	return grid, tableWidth, least
}

// columnsAt lays the columns out for a grid width wider than the set one
// (a window with room): the label columns no narrower than at the set
// width (the row heights were worked out for them), the numbers
// numberLeast(roomDigits) as far as they fit, the rest to the columns of
// weight 0 (table 三's third label column).
func (v *tableView) columnsAt(width float32) []float32 {
	grid, setWidth, setLeast := v.setGrid()
	set := grid.FitWidths(setWidth, setLeast)
	least := make([]float64, grid.Width())
	for i := 0; i < grid.LabelColumns; i++ {
		least[i] = set[i]
	}
	v.numbersAtLeast(grid, least, float64(width), roomDigits)
	for i := grid.LabelColumns; i < len(least); i++ {
		least[i] = max(least[i], set[i])
	}
	return v.fitted(grid, float64(width), least)
}

// widestBlock is the table whose columns this one takes: itself, or for a
// block of table 二 the widest block, as in the Word file, so that their
// columns line up.
func (v *tableView) widestBlock() *reports.Table {
	grid := v.tb
	for _, tb := range v.ed.report.Tmpl().TablesOf(v.tb.Section) {
		if tb.Width() > grid.Width() {
			grid = tb
		}
	}
	return grid
}

// numbersAtLeast sets the least width of grid's number columns in least:
// numberLeast(digits), or an equal share of what the label columns' least
// widths leave of width when that is less.
func (v *tableView) numbersAtLeast(grid *reports.Table, least []float64, width float64, digits int) {
	n := len(grid.Columns)
	if n == 0 {
		return
	}
	labels := 0.0
	for i := 0; i < grid.LabelColumns; i++ {
		labels += least[i]
	}
	numbers := min(float64(numberLeast(digits)), (width-labels)/float64(n))
	for i := grid.LabelColumns; i < len(least); i++ {
		least[i] = numbers
	}
}

// fitted is grid's columns laid out width wide with least widths, as many
// as this table has.
func (v *tableView) fitted(grid *reports.Table, width float64, least []float64) []float32 {
	w := grid.FitWidths(width, least)
	cols := make([]float32, v.tb.Width())
	for i := range cols {
		cols[i] = float32(w[i])
	}
	return cols
}

func (v *tableView) onCellChanged(en *cellEntry, col reports.Column, typed string) {
	c, err := parseTyped(col, typed)
	v.ed.report.SetCell(en.key, c)
	en.setProblem(err)
	if err != nil {
		_, ri, ci, _ := v.ed.report.Tmpl().Cell(en.key)
		v.message.SetText(fmt.Sprintf("%s：%s。已按原样保留，请改正。", v.tb.CellName(v.ed.report.Tmpl(), ri, ci), err.Error()))
		v.message.Show()
	} else if v.message.Visible() {
		v.message.Hide()
	}
	v.updateTotals()
	v.ed.changed()
}

// moveVertically focuses the next typed cell of the column below (d = 1)
// or above (d = -1), as Enter and Shift+Enter do in a spreadsheet; at the
// table's first or last row the focus stays.
func (v *tableView) moveVertically(from *cellEntry, d int) {
	for rj := from.row + d; rj >= 0 && rj < len(v.tb.Rows); rj += d {
		if en, ok := v.entries[v.tb.CellKey(rj, from.col)]; ok {
			v.ed.win.Canvas().Focus(en)
			return
		}
	}
}

// onCellLeft shows a number as the report stores it: full-width digits and
// thousands separators become 12, 1234.
func (v *tableView) onCellLeft(en *cellEntry) {
	c := v.ed.report.Cell(en.key)
	if c.IsNumber() && en.Text != c.String() {
		en.SetText(c.String())
	}
}

// updateTotals recomputes every total and the 勾稽 line from the report.
func (v *tableView) updateTotals() {
	r := v.ed.report
	for k, l := range v.totals {
		_, ri, ci, _ := r.Tmpl().Cell(k)
		n := r.Number(v.tb, ri, ci)
		// A total printed differently in the imported document shows red
		// (the findings say what the document printed).
		imp := widget.MediumImportance
		if d, ok := r.Declared[k]; ok && (!d.IsNumber() || d.Value.Cmp(n) != 0) {
			imp = widget.DangerImportance
		}
		if l.Text != n.String() || l.Importance != imp {
			l.Importance = imp
			l.SetText(n.String())
		}
	}
	if len(v.balance) == 0 {
		return
	}
	tb := v.tb
	rNew, rCarry, rTotal, rNext := tb.RowIndex(reports.RowNew), tb.RowIndex(reports.RowCarry), tb.RowIndex(reports.RowTotal), tb.RowIndex(reports.RowNext)
	for ci, t := range v.balance {
		in := r.Number(tb, rNew, ci).Add(r.Number(tb, rCarry, ci))
		out := r.Number(tb, rTotal, ci).Add(r.Number(tb, rNext, ci))
		if in.Cmp(out) == 0 {
			t.Text, t.Color = "√ "+in.String(), okColor
		} else {
			t.Text, t.Color = fmt.Sprintf("× %s≠%s", in, out), errColor
		}
		t.Refresh()
	}
}

// Balance is the 勾稽 mark of column ci of table 三 as shown, for tests.
func (v *tableView) Balance(ci int) string { return v.balance[ci].Text }

// tablesScreen is a section with statistical tables: 二, 三 or 四.
type tablesScreen struct {
	ed     *Editor
	views  []*tableView
	scroll *container.Scroll
	layer  *stickyLayer
	obj    fyne.CanvasObject
}

func newTablesScreen(ed *Editor, section string) *tablesScreen {
	s := &tablesScreen{ed: ed}
	t := ed.report.Tmpl()
	sec := t.Section(section)
	box := container.NewVBox(heading(sec.Title()))
	if sec.Hint != "" {
		box.Add(hint(sec.Hint))
	}
	for _, tb := range t.TablesOf(section) {
		v := newTableView(ed, s, tb)
		s.views = append(s.views, v)
		if tb.Caption == "" && section != reports.SectionRequests {
			box.Add(widget.NewLabel(tb.Name(t)))
		}
		box.Add(v.obj)
	}
	// The tables of 二 stretch alike, so that their columns line up.
	var widest float32
	for _, v := range s.views {
		widest = max(widest, sum(v.grid.cols))
	}
	for _, v := range s.views {
		v.grid.base = widest
	}
	box.Add(hint("灰色格子是合计，自动计算，不能输入。数字可用全角或半角输入；不是数字的内容会标红并原样保留，直到改正。"))
	s.scroll = container.NewScroll(container.NewPadded(box))
	var panes []*frozenPanes
	for _, v := range s.views {
		panes = append(panes, v.panes)
	}
	s.layer = newStickyLayer(s.scroll, panes)
	s.scroll.OnScrolled = func(fyne.Position) { s.layer.update() }
	s.obj = container.New(&underBars{scroll: s.scroll}, s.scroll, s.layer)
	s.mark(ed.findings)
	return s
}

func (s *tablesScreen) object() fyne.CanvasObject { return s.obj }

// pageScroll is the scroll container of the part.
func (s *tablesScreen) pageScroll() *container.Scroll { return s.scroll }

func (s *tablesScreen) focus(loc reports.Location) bool {
	// A finding naming several cells leads to the first typed one.
	for _, k := range loc.Cells {
		for _, v := range s.views {
			if en, ok := v.entries[k]; ok {
				s.ed.win.Canvas().Focus(en)
				s.ed.scrollToCell(en)
				return true
			}
		}
	}
	for _, v := range s.views {
		if v.tb.Key != loc.Table {
			continue
		}
		ri, ci := v.tb.RowIndex(loc.Row), v.tb.ColumnIndex(loc.Column)
		if en := v.entryNear(ri, ci); en != nil {
			s.ed.win.Canvas().Focus(en)
			s.ed.scrollToCell(en)
			return true
		}
	}
	return false
}

// mark frames every cell the findings name, with the findings' messages
// as its tooltip, and clears the cells no finding names any more.
func (s *tablesScreen) mark(fs []reports.Finding) {
	tips := map[reports.CellKey][]string{}
	for _, f := range fs {
		for _, k := range findingCells(f.Location) {
			tips[k] = append(tips[k], f.Message)
		}
	}
	for _, v := range s.views {
		for k, flag := range v.flags {
			msgs := tips[k]
			c := color.Color(color.Transparent)
			if len(msgs) > 0 {
				c = errColor
			}
			v.tips[k] = strings.Join(msgs, "\n")
			if flag.StrokeColor != c {
				flag.StrokeColor = c
				flag.Refresh()
			}
		}
	}
	s.layer.hideTip() // its findings may have changed
}

// findingCells are the cells a finding names: its cells, or the one cell
// of its location.
func findingCells(loc reports.Location) []reports.CellKey {
	if len(loc.Cells) > 0 {
		return loc.Cells
	}
	if loc.Table != "" && loc.Row != "" && loc.Column != "" {
		return []reports.CellKey{reports.Key(loc.Table, loc.Row, loc.Column)}
	}
	return nil
}

// showTip shows the messages of the findings naming cell k beside obj.
func (v *tableView) showTip(k reports.CellKey, obj fyne.CanvasObject) {
	if msg := v.tips[k]; msg != "" {
		v.screen.layer.showTip(obj, msg)
	}
}

func (v *tableView) hideTip() { v.screen.layer.hideTip() }

// entryNear is the entry of a cell, or for a total the first typed cell of
// its row or column (the place to start correcting it).
func (v *tableView) entryNear(ri, ci int) *cellEntry {
	tb := v.tb
	if ri < 0 {
		ri = 0
	}
	if ci < 0 {
		ci = 0
	}
	if ri >= len(tb.Rows) || ci >= len(tb.Columns) {
		return nil
	}
	if en, ok := v.entries[tb.CellKey(ri, ci)]; ok {
		return en
	}
	for rj := range tb.Rows {
		if en, ok := v.entries[tb.CellKey(rj, ci)]; ok {
			return en
		}
	}
	for cj := range tb.Columns {
		if en, ok := v.entries[tb.CellKey(ri, cj)]; ok {
			return en
		}
	}
	return nil
}

// CellEntry returns the entry of a typed cell, for tests.
func (e *Editor) CellEntry(k reports.CellKey) *widget.Entry {
	tk, _, _ := k.Split()
	tb := e.report.Tmpl().Table(tk)
	if tb == nil {
		return nil
	}
	s, ok := e.screen(tb.Section).(*tablesScreen)
	if !ok {
		return nil
	}
	for _, v := range s.views {
		if en, ok := v.entries[k]; ok {
			return &en.Entry
		}
	}
	return nil
}

// TotalText returns the text of a computed cell as shown, for tests.
func (e *Editor) TotalText(k reports.CellKey) string {
	tk, _, _ := k.Split()
	tb := e.report.Tmpl().Table(tk)
	if tb == nil {
		return ""
	}
	s := e.screen(tb.Section).(*tablesScreen)
	for _, v := range s.views {
		if l, ok := v.totals[k]; ok {
			return l.Text
		}
	}
	return ""
}

// heading is a part's title.
func heading(s string) fyne.CanvasObject {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// hint is the template's note for a part, in small print.
func hint(s string) *widget.Label {
	l := widget.NewLabel("说明：" + s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
