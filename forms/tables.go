package forms

import (
	"errors"
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// cellEntry is the entry of one typed table cell. It shows the cell's text
// normalised (１２ → 12) when it loses the focus.
type cellEntry struct {
	widget.Entry
	key         reports.CellKey
	onFocusLost func()
	mark        *canvas.Rectangle // red frame while the text is not a valid number
	problem     error
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
	c.ExtendBaseWidget(c)
	return c
}

// FocusLost normalises the text shown.
func (c *cellEntry) FocusLost() {
	c.Entry.FocusLost()
	if c.onFocusLost != nil {
		c.onFocusLost()
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
// read-only label for every total.
type tableView struct {
	ed      *Editor
	tb      *reports.Table
	entries map[reports.CellKey]*cellEntry
	totals  map[reports.CellKey]*widget.Label
	balance []*canvas.Text // table 三: 一+二=（七）+四 per column
	message *widget.Label  // the last input problem
	grid    *spanGrid
	obj     fyne.CanvasObject
}

// column widths in pixels.
const (
	numberWidth  = 78
	t4Width      = 58
	blockNumber  = 170
	blockLabel   = 220
	minRowHeight = 46
)

func newTableView(ed *Editor, tb *reports.Table) *tableView {
	v := &tableView{ed: ed, tb: tb, entries: map[reports.CellKey]*cellEntry{}, totals: map[reports.CellKey]*widget.Label{}}
	v.message = widget.NewLabel("")
	v.message.Importance = widget.DangerImportance
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Hide()

	cols := v.columnWidths()
	g := &spanGrid{cols: cols}
	v.grid = g
	var objs []fyne.CanvasObject
	add := func(o fyne.CanvasObject, p gridPos) {
		objs = append(objs, o)
		g.pos = append(g.pos, p)
	}
	header, hrows := tb.HeaderGrid()
	g.rows = make([]float32, hrows)
	for _, h := range header {
		w := sum(cols[h.Col : h.Col+h.ColSpan])
		need := textHeight(h.Label, w, false) / float32(h.RowSpan)
		if need > g.rows[h.Row] {
			g.rows[h.Row] = need
		}
		add(boxed(gridLabel(h.Label, fyne.TextAlignCenter, false), headerFill), gridPos{h.Row, h.Col, h.RowSpan, h.ColSpan})
	}
	// A note spanning several header rows may need more than they give.
	for _, h := range header {
		w := sum(cols[h.Col : h.Col+h.ColSpan])
		need := textHeight(h.Label, w, false)
		if have := sum(g.rows[h.Row : h.Row+h.RowSpan]); need > have {
			g.rows[h.Row+h.RowSpan-1] += need - have
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
		align := fyne.TextAlignLeading
		if l.RowSpan > 1 {
			align = fyne.TextAlignCenter
		}
		add(boxed(gridLabel(l.Label, align, false), headerFill), gridPos{hrows + l.Row, l.Col, l.RowSpan, l.ColSpan})
	}
	for ri, row := range tb.Rows {
		for ci, col := range tb.Columns {
			k := tb.CellKey(ri, ci)
			p := gridPos{hrows + ri, tb.LabelColumns + ci, 1, 1}
			if tb.IsComputed(ri, ci) {
				l := widget.NewLabel("")
				l.Alignment = fyne.TextAlignTrailing
				l.TextStyle.Bold = true
				v.totals[k] = l
				add(boxed(container.New(vcenter{}, l), computedFill), p)
				continue
			}
			en := newCellEntry(k)
			en.SetText(ed.report.Cell(k).String())
			en.mark = canvas.NewRectangle(color.Transparent)
			en.mark.StrokeWidth = 2
			en.mark.CornerRadius = 4
			col := col
			_, err := parseTyped(col, en.Text)
			en.setProblem(err)
			en.OnChanged = func(s string) { v.onCellChanged(en, col, s) }
			en.onFocusLost = func() { v.onCellLeft(en) }
			ri, ci := ri, ci
			en.OnSubmitted = func(string) { v.onCellSubmitted(ri, ci) }
			v.entries[k] = en
			add(boxed(container.New(vcenter{}, container.NewStack(en.mark, container.New(layout.NewCustomPaddedLayout(3, 3, 3, 3), en))), color.White), p)
		}
		_ = row
	}
	g.rows = append(g.rows, body...)
	if tb.Key == reports.TableT3 {
		r := len(g.rows)
		g.rows = append(g.rows, minRowHeight)
		add(boxed(gridLabel("核对：一+二 =（七）+四", fyne.TextAlignLeading, false), headerFill), gridPos{r, 0, 1, tb.LabelColumns})
		for ci := range tb.Columns {
			t := canvas.NewText("", okColor)
			t.Alignment = fyne.TextAlignCenter
			t.TextStyle.Bold = true
			v.balance = append(v.balance, t)
			add(boxed(container.NewCenter(t), computedFill), gridPos{r, tb.LabelColumns + ci, 1, 1})
		}
	}
	grid := container.New(g, objs...)
	v.obj = container.NewVBox(grid, v.message)
	v.updateTotals()
	return v
}

// columnWidths is the width of every grid column of the table.
func (v *tableView) columnWidths() []float32 {
	tb := v.tb
	var cols []float32
	switch {
	case tb.Key == reports.TableT3:
		cols = []float32{52, 116, 196}
	case tb.LabelColumns > 0:
		cols = []float32{blockLabel}
	}
	for range tb.Columns {
		switch {
		case tb.Key == reports.TableT3:
			cols = append(cols, numberWidth)
		case tb.LabelColumns == 0:
			cols = append(cols, t4Width)
		default:
			cols = append(cols, blockNumber)
		}
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

// onCellSubmitted moves down to the next typed cell of the column when
// Enter is pressed, as in a spreadsheet.
func (v *tableView) onCellSubmitted(ri, ci int) {
	for rj := ri + 1; rj < len(v.tb.Rows); rj++ {
		if en, ok := v.entries[v.tb.CellKey(rj, ci)]; ok {
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
		v := newTableView(ed, tb)
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
	return s
}

func (s *tablesScreen) object() fyne.CanvasObject { return s.scroll }

func (s *tablesScreen) focus(loc reports.Location) bool {
	for _, v := range s.views {
		if v.tb.Key != loc.Table {
			continue
		}
		ri, ci := v.tb.RowIndex(loc.Row), v.tb.ColumnIndex(loc.Column)
		if en := v.entryNear(ri, ci); en != nil {
			s.ed.focusIn(s.scroll, en)
			return true
		}
	}
	return false
}

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
