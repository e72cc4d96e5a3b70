package forms

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// growing holds a multi-line entry at the height its wrapped text needs
// (at least the rows it was given), so that its text never scrolls inside
// it: the page scrolls instead, the wheel over it moves the page, and the
// editor keeps the cursor's line in view (followCursor). text reads the
// entry's text.
func growing(entry fyne.CanvasObject, text func() string) fyne.CanvasObject {
	return container.New(&growLayout{entry: entry, text: text}, entry)
}

// growLayout sizes a multi-line entry to its text at the width laid out.
type growLayout struct {
	entry fyne.CanvasObject
	text  func() string
	width float32
}

// Layout gives the entry the whole size.
func (g *growLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	for _, o := range objs {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// MinSize is the entry's, made taller when its text needs more rows.
func (g *growLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m := g.entry.MinSize()
	if g.width <= 0 {
		return m
	}
	return fyne.NewSize(m.Width, max(m.Height, entryTextHeight(g.text(), g.width)))
}

// growLayoutOf finds the growLayout holding entry under obj.
func growLayoutOf(obj, entry fyne.CanvasObject) *growLayout {
	switch o := obj.(type) {
	case *fyne.Container:
		if g, ok := o.Layout.(*growLayout); ok && g.entry == entry {
			return g
		}
		for _, c := range o.Objects {
			if g := growLayoutOf(c, entry); g != nil {
				return g
			}
		}
	case *container.Scroll:
		return growLayoutOf(o.Content, entry)
	case *widget.Form:
		for _, it := range o.Items {
			if g := growLayoutOf(it.Widget, entry); g != nil {
				return g
			}
		}
	}
	return nil
}

// entryLine is the height of one line of text in an entry.
func entryLine() float32 {
	size := theme.TextSize()
	return fyne.MeasureText("国", size, fyne.TextStyle{}).Height + theme.LineSpacing()
}

// entryTextHeight estimates the height a multi-line entry of width w needs
// to show text wrapped, with one line to spare for typing on.
func entryTextHeight(text string, w float32) float32 {
	pad := theme.InnerPadding()
	avail := w - 2*pad - 2*theme.InputBorderSize()
	if avail <= 0 {
		return 0
	}
	size := theme.TextSize()
	lines := 1 // the spare line
	for _, p := range strings.Split(text, "\n") {
		n := 1
		if m := fyne.MeasureText(p, size, fyne.TextStyle{}).Width; m > avail {
			n = int(math.Ceil(float64(m / avail)))
			// Wrapping at words and characters loses a little of each line.
			if float64(m/avail) > float64(n)-0.15 {
				n++
			}
		}
		lines += n
	}
	return float32(lines)*entryLine() + 2*pad
}

// cursorEntry is an entry that tells where its cursor is.
type cursorEntry interface {
	fyne.CanvasObject
	CursorTextOffset() int
}

// followCursor keeps the cursor's line of a grown multi-line entry in the
// page's view while the clerk types or moves through a long text.
func (e *Editor) followCursor(sc *container.Scroll, en cursorEntry) {
	if sc == nil || sc.Content == nil {
		return
	}
	at := en.CursorTextOffset()
	if at == e.lastCursor {
		return
	}
	e.lastCursor = at
	g := growLayoutOf(sc.Content, en)
	d := fyne.CurrentApp().Driver()
	if g == nil || d.CanvasForObject(en) == nil {
		return
	}
	text := []rune(g.text())
	at = min(at, len(text))
	pos := d.AbsolutePositionForObject(en).Subtract(d.AbsolutePositionForObject(sc.Content))
	line := entryLine()
	// The cursor's line ends where the text up to it ends (less the spare line).
	bottom := pos.Y + entryTextHeight(string(text[:at]), g.width) - line
	off := sc.Offset
	switch view := sc.Size().Height; {
	case bottom+line > off.Y+view:
		off.Y = bottom + line - view
	case bottom-2*line < off.Y:
		off.Y = max(bottom-2*line, 0)
	default:
		return
	}
	sc.ScrollToOffset(off)
}
