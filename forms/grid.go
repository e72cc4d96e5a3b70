package forms

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// gridPos places one object on a spanGrid.
type gridPos struct {
	row, col, rowSpan, colSpan int
}

// spanGrid is a layout of fixed column widths and row heights in which an
// object may span several rows and columns, like a printed table with merged
// cells. pos[i] places the i-th object of the container.
type spanGrid struct {
	cols, rows []float32
	pos        []gridPos
	// base, when wider than the columns, is the width whose stretch to the
	// room sets this grid's (the widest of several tables shown one under
	// the other, so that all are stretched alike).
	base float32
	// fit, when set, gives the column widths for a width wider than the
	// set ones (the template's weights laid out to it), in place of
	// stretching every column alike.
	fit func(width float32) []float32
	// follow, when set, is the grid whose columns this one takes (a frozen
	// pane copied from it); laid is the column widths of the last layout.
	follow *spanGrid
	laid   []float32
}

// laidWidth is the width of the first n columns in the last layout.
func (g *spanGrid) laidWidth(n int) float32 {
	if g.follow != nil {
		return g.follow.laidWidth(n)
	}
	if len(g.laid) < n {
		return sum(g.cols[:n])
	}
	return sum(g.laid[:n])
}

func sum(v []float32) float32 {
	var s float32
	for _, x := range v {
		s += x
	}
	return s
}

// maxStretch is how much wider than their set widths the columns grow when
// the window has room (a big screen).
const maxStretch = 1.4

// columnsFor is the column widths in a grid width wide: the set widths
// when they do not fit (less the scroll bar's room), else laid out to the
// room, at most maxStretch times as wide, by fit or, without one, all
// stretched alike.
func (g *spanGrid) columnsFor(width float32) []float32 {
	if g.follow != nil {
		if l := g.follow.laid; len(l) >= len(g.cols) {
			return l[:len(g.cols)]
		}
		return g.cols
	}
	// Leave room on the right for the scroll bar, which is drawn over it.
	w, room := max(sum(g.cols), g.base), width-theme.ScrollBarSize()
	if w <= 0 || room <= w {
		return g.cols
	}
	to := min(room, w*maxStretch)
	if g.fit != nil {
		if c := g.fit(to); len(c) >= len(g.cols) {
			return c[:len(g.cols)]
		}
	}
	out := make([]float32, len(g.cols))
	for i, c := range g.cols {
		out[i] = c * to / w
	}
	return out
}

// Layout places every object on its cells, the columns laid out to the
// width given (columnsFor).
func (g *spanGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	cols := g.columnsFor(size.Width)
	g.laid = cols
	for i, o := range objs {
		if i >= len(g.pos) {
			break
		}
		p := g.pos[i]
		// Whole pixels, each cell ending where the next begins.
		x0 := float32(math.Round(float64(sum(cols[:p.col]))))
		x1 := float32(math.Round(float64(sum(cols[:p.col+p.colSpan]))))
		y, h := sum(g.rows[:p.row]), sum(g.rows[p.row:p.row+p.rowSpan])
		o.Move(fyne.NewPos(x0, y))
		o.Resize(fyne.NewSize(x1-x0, h))
	}
}

// MinSize is the whole table.
func (g *spanGrid) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(sum(g.cols), sum(g.rows))
}

// vcenter is a layout that gives its one object the full width and centres
// it vertically at the height it needs at that width (wrapped labels).
type vcenter struct{}

// Layout centres each object vertically at its height for the full width.
func (vcenter) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(size.Width, size.Height))
		h := min(o.MinSize().Height, size.Height)
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, (size.Height-h)/2))
	}
}

// MinSize is the largest of the objects.
func (vcenter) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

var (
	gridLine     = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
	headerFill   = color.NRGBA{R: 0xee, G: 0xf1, B: 0xf5, A: 0xff}
	computedFill = color.NRGBA{R: 0xe8, G: 0xe8, B: 0xe8, A: 0xff}
	okColor      = color.NRGBA{R: 0x1b, G: 0x7a, B: 0x2f, A: 0xff}
	errColor     = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	warnColor    = color.NRGBA{R: 0xd9, G: 0x77, B: 0x06, A: 0xff}
)

// boxed draws a grid line around obj on a fill.
func boxed(obj fyne.CanvasObject, fill color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(fill)
	r.StrokeColor = gridLine
	r.StrokeWidth = 1
	return container.NewStack(r, obj)
}

// gridLabel is a header or row label: wrapped anywhere (Chinese has no
// spaces), centred vertically.
func gridLabel(text string, align fyne.TextAlign, small bool) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapBreak
	l.Alignment = align
	if small {
		l.SizeName = theme.SizeNameCaptionText
	}
	return container.New(vcenter{}, l)
}

// textHeight estimates the height a wrapped label needs at width w.
func textHeight(text string, w float32, small bool) float32 {
	th := theme.DefaultTheme()
	size := th.Size(theme.SizeNameText)
	if small {
		size = th.Size(theme.SizeNameCaptionText)
	}
	pad := th.Size(theme.SizeNameInnerPadding)
	avail := w - 2*pad
	m := fyne.MeasureText(text, size, fyne.TextStyle{})
	lines := float32(1)
	if avail > 0 && m.Width > avail {
		lines = float32(math.Ceil(float64(m.Width / avail)))
		// Breaking anywhere loses a little of each line; allow for it.
		if m.Width/avail > lines-0.15 {
			lines++
		}
	}
	line := fyne.MeasureText("国", size, fyne.TextStyle{}).Height + th.Size(theme.SizeNameLineSpacing)
	return lines*line + 2*pad
}
