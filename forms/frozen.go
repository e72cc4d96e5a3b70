package forms

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// frozenPanes are the copies of one table's header rows (header), label
// columns (labels) and their corner, drawn over the page where the
// table's own have scrolled out of view: frozen panes, as in a
// spreadsheet.
type frozenPanes struct {
	grid                   *spanGrid         // the table's layout
	obj                    fyne.CanvasObject // the table's grid in the page
	header, labels, corner fyne.CanvasObject // labels and corner nil without label columns
	headerH                float32           // the header rows' height
	lcols                  int               // label columns
}

// labelsW is the width of the label columns as last laid out.
func (p *frozenPanes) labelsW() float32 { return p.grid.laidWidth(p.lcols) }

// stickyLayer lies over a page's scroll container (less its scroll bars)
// and shows the frozen panes of its tables and the tooltips of marked
// cells. It is a fyne.Scrollable so that Fyne clips it to its size; the
// wheel over it scrolls the page.
type stickyLayer struct {
	widget.BaseWidget
	page  *container.Scroll
	panes []*frozenPanes
	box   *fyne.Container
	tip   *fyne.Container
	label *widget.Label
}

func newStickyLayer(page *container.Scroll, panes []*frozenPanes) *stickyLayer {
	l := &stickyLayer{page: page, panes: panes, label: widget.NewLabel("")}
	l.label.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xf8, B: 0xe1, A: 0xff})
	bg.StrokeColor = errColor
	bg.StrokeWidth = 1
	l.tip = container.NewStack(bg, l.label)
	l.tip.Hide()
	var objs []fyne.CanvasObject
	for _, p := range panes {
		for _, o := range []fyne.CanvasObject{p.header, p.labels, p.corner} {
			if o != nil {
				o.Hide()
				objs = append(objs, o)
			}
		}
	}
	l.box = container.NewWithoutLayout(append(objs, l.tip)...)
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer shows the panes and the tooltip where update put them.
func (l *stickyLayer) CreateRenderer() fyne.WidgetRenderer {
	return &stickyRenderer{l: l}
}

// Scrolled scrolls the page.
func (l *stickyLayer) Scrolled(ev *fyne.ScrollEvent) { l.page.Scrolled(ev) }

type stickyRenderer struct{ l *stickyLayer }

func (r *stickyRenderer) Layout(size fyne.Size) {
	r.l.box.Resize(size)
	r.l.update()
}
func (r *stickyRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (r *stickyRenderer) Refresh()                     { r.l.box.Refresh() }
func (r *stickyRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.box} }
func (r *stickyRenderer) Destroy()                     {}

// update places every pane for the page's scroll position: a table's
// header copy at the top while its own header is above the view and some
// of its rows are in it, its label copy at the left while it is scrolled
// sideways.
func (l *stickyLayer) update() {
	if l.page.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	// From the offset, not from where the content is drawn: the page calls
	// OnScrolled before it moves its content.
	origin := d.AbsolutePositionForObject(l.page.Content)
	for _, p := range l.panes {
		pos := d.AbsolutePositionForObject(p.obj).Subtract(origin).Subtract(l.page.Offset)
		size := p.obj.Size()
		lw := p.labelsW()
		showH := pos.Y < 0 && pos.Y+size.Height > p.headerH+minRowHeight/2
		showL := p.labels != nil && pos.X < 0 && pos.X+size.Width > lw+numberLeast(setDigits)/2 &&
			pos.Y < l.Size().Height && pos.Y+size.Height > 0
		place(p.header, showH, fyne.NewPos(pos.X, 0), fyne.NewSize(size.Width, p.headerH))
		place(p.labels, showL, fyne.NewPos(0, pos.Y), fyne.NewSize(lw, size.Height))
		place(p.corner, showH && showL, fyne.NewPos(0, 0), fyne.NewSize(lw, p.headerH))
	}
}

func place(o fyne.CanvasObject, show bool, pos fyne.Position, size fyne.Size) {
	if o == nil {
		return
	}
	if !show {
		if o.Visible() {
			o.Hide()
		}
		return
	}
	o.Move(pos)
	o.Resize(size)
	if !o.Visible() {
		o.Show()
	}
}

// showTip shows msg under obj (above it near the bottom of the view).
func (l *stickyLayer) showTip(obj fyne.CanvasObject, msg string) {
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(l))
	view := l.Size()
	w := min(float32(440), view.Width)
	l.label.SetText(msg)
	h := textHeight(msg, w, false) + theme.Padding()
	x := min(pos.X, view.Width-w)
	y := pos.Y + obj.Size().Height
	if y+h > view.Height {
		y = pos.Y - h
	}
	l.tip.Move(fyne.NewPos(max(x, 0), max(y, 0)))
	l.tip.Resize(fyne.NewSize(w, h))
	l.tip.Show()
}

func (l *stickyLayer) hideTip() { l.tip.Hide() }

// underBars lays a scroll container out at full size and the layer over it
// at the size of its view less the scroll bars, which stay usable.
type underBars struct{ scroll *container.Scroll }

// Layout places the scroll and the layer.
func (u *underBars) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.Position{})
	objs[0].Resize(size)
	w, h := size.Width, size.Height
	if c := u.scroll.Content; c != nil {
		m := c.MinSize()
		if m.Height > size.Height {
			w -= theme.ScrollBarSize()
		}
		if m.Width > size.Width {
			h -= theme.ScrollBarSize()
		}
	}
	objs[1].Move(fyne.Position{})
	objs[1].Resize(fyne.NewSize(max(w, 0), max(h, 0)))
}

// MinSize is the scroll's.
func (u *underBars) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// blocker holds a frozen pane: clicks, hovering and the pointer's shape
// stop at it instead of reaching the cell scrolled under it.
type blocker struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newBlocker(content fyne.CanvasObject) *blocker {
	b := &blocker{content: content}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer shows the pane.
func (b *blocker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.content) }

// Tapped does nothing: the pane is a label.
func (b *blocker) Tapped(*fyne.PointEvent) {}

// Cursor is the arrow.
func (b *blocker) Cursor() desktop.Cursor { return desktop.DefaultCursor }

// MouseIn is part of desktop.Hoverable.
func (b *blocker) MouseIn(*desktop.MouseEvent) {}

// MouseMoved is part of desktop.Hoverable.
func (b *blocker) MouseMoved(*desktop.MouseEvent) {}

// MouseOut is part of desktop.Hoverable.
func (b *blocker) MouseOut() {}

// tipBox holds a total: hovering it shows the findings naming it.
type tipBox struct {
	widget.BaseWidget
	view    *tableView
	key     reports.CellKey
	content fyne.CanvasObject
}

func newTipBox(v *tableView, k reports.CellKey, content fyne.CanvasObject) *tipBox {
	t := &tipBox{view: v, key: k, content: content}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer shows the total.
func (t *tipBox) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }

// MouseIn shows the tooltip.
func (t *tipBox) MouseIn(*desktop.MouseEvent) { t.view.showTip(t.key, t) }

// MouseMoved is part of desktop.Hoverable.
func (t *tipBox) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the tooltip.
func (t *tipBox) MouseOut() { t.view.hideTip() }

// wheelRouter lies over a whole part and gives the wheel and touchpad to
// the part's scroll container wherever the pointer is: Fyne gives a wheel
// event to the innermost scroller under the pointer, which over an entry
// is the entry's own and the page would not move. (Multi-line editors grow
// with their text, see growLayout, so none has text to scroll itself.)
type wheelRouter struct {
	widget.BaseWidget
	page *container.Scroll
}

func newWheelRouter(page *container.Scroll) *wheelRouter {
	w := &wheelRouter{page: page}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer draws nothing.
func (w *wheelRouter) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Scrolled scrolls the page.
func (w *wheelRouter) Scrolled(ev *fyne.ScrollEvent) { w.page.Scrolled(ev) }

// focusKeeper lies under a whole part. Fyne takes the focus away on a
// click at anything that cannot take it, such as a scroll bar, unless
// something focusable is under the pointer: this is that something, so a
// click on the scroll bar or the page's background keeps the place. It is
// disabled, so Tab never stops at it.
type focusKeeper struct {
	widget.BaseWidget
}

func newFocusKeeper() *focusKeeper {
	k := &focusKeeper{}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer draws nothing.
func (k *focusKeeper) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// FocusGained is part of fyne.Focusable.
func (k *focusKeeper) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (k *focusKeeper) FocusLost() {}

// TypedRune is part of fyne.Focusable.
func (k *focusKeeper) TypedRune(rune) {}

// TypedKey is part of fyne.Focusable.
func (k *focusKeeper) TypedKey(*fyne.KeyEvent) {}

// Disabled is always true: the focus never stops here.
func (k *focusKeeper) Disabled() bool { return true }

// Enable is part of fyne.Disableable.
func (k *focusKeeper) Enable() {}

// Disable is part of fyne.Disableable.
func (k *focusKeeper) Disable() {}

// pageScroller is a screen that says which scroll container is its page
// (screens whose object is the scroll container itself need not).
type pageScroller interface {
	pageScroll() *container.Scroll
}

// pageOf is the scroll container of a screen's page, or nil.
func pageOf(s screen) *container.Scroll {
	if p, ok := s.(pageScroller); ok {
		return p.pageScroll()
	}
	if sc, ok := s.object().(*container.Scroll); ok {
		return sc
	}
	return nil
}

// viewMargin is the room kept between a focused field and the edge of the
// view it is scrolled into.
const viewMargin = 8

// scrollIntoView scrolls sc, in both directions, so that obj is wholly
// inside its view and not under a frozen pane (top and left are the
// heights of the panes over the view there); an object larger than the
// view shows its top left corner.
func scrollIntoView(sc *container.Scroll, obj fyne.CanvasObject, top, left float32) {
	if sc == nil || sc.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(sc.Content))
	size := obj.Size()
	view := sc.Size()
	bars := sc.Content.MinSize()
	vw, vh := view.Width, view.Height
	if bars.Height > vh {
		vw -= theme.ScrollBarSize()
	}
	if bars.Width > vw {
		vh -= theme.ScrollBarSize()
	}
	off := sc.Offset
	fit := func(o, p, s, v, lead float32) float32 {
		if p+s+viewMargin > o+v {
			o = p + s + viewMargin - v
		}
		if p-lead-viewMargin < o {
			o = p - lead - viewMargin
		}
		return max(o, 0)
	}
	off.X = fit(off.X, pos.X, size.Width, vw, left)
	off.Y = fit(off.Y, pos.Y, size.Height, vh, top)
	if off != sc.Offset {
		sc.ScrollToOffset(off)
	}
}

// scrollToFocused brings a table cell into view below its table's frozen
// header and right of its frozen labels, scrolling as little as it can.
func (e *Editor) scrollToFocused(c *cellEntry) {
	v := c.view
	sc := v.screen.scroll
	if fyne.CurrentApp().Driver().CanvasForObject(c) == nil {
		return // not shown yet
	}
	scrollIntoView(sc, c, v.panes.headerH, v.panes.labelsW())
	v.screen.layer.update()
}

// scrollToCell scrolls the page to the one place that shows a cell a
// finding names: its row right under the table's header (as far as the
// page scrolls), the page's left edge if the cell fits in the view, so
// that clicking the finding again lands the same.
func (e *Editor) scrollToCell(c *cellEntry) {
	v := c.view
	sc := v.screen.scroll
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(c) == nil || sc.Content == nil {
		return
	}
	pos := d.AbsolutePositionForObject(c).Subtract(d.AbsolutePositionForObject(sc.Content))
	off := fyne.NewPos(0, max(pos.Y-v.panes.headerH-viewMargin, 0))
	sc.ScrollToOffset(off)
	// Then as little as needed sideways (a narrow window).
	scrollIntoView(sc, c, v.panes.headerH, v.panes.labelsW())
	v.screen.layer.update()
}

// followFocus scrolls the part so that the focused field is in view, after
// the focus moved by Tab or Shift+Tab (the window tells no one): called
// on every frame by the editor's watch.
func (e *Editor) followFocus() {
	f := e.win.Canvas().Focused()
	if f == e.lastFocus {
		if _, cell := f.(*cellEntry); cell {
			return
		}
		if en, ok := f.(cursorEntry); ok && e.current >= 0 {
			e.followCursor(pageOf(e.screen(e.parts[e.current].key)), en)
		}
		return
	}
	e.lastFocus = f
	e.lastCursor = -1
	if f == nil || e.current < 0 {
		return
	}
	if _, ok := f.(*cellEntry); ok {
		return // cells scroll themselves
	}
	obj, ok := f.(fyne.CanvasObject)
	if !ok {
		return
	}
	s := e.screen(e.parts[e.current].key)
	sc := pageOf(s)
	if sc == nil || !drawnInside(sc.Content, obj) {
		return
	}
	scrollIntoView(sc, obj, 0, 0)
}

// drawnInside reports whether obj is drawn inside root (its position lies in
// root's area as the driver places it).
func drawnInside(root, obj fyne.CanvasObject) bool {
	if root == nil {
		return false
	}
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(obj) == nil {
		return false
	}
	p := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(root))
	s := root.Size()
	return p.X >= 0 && p.Y >= 0 && p.X <= s.Width && p.Y <= s.Height
}
