package forms

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// navList is the navigation list, usable from the keyboard: Tab reaches
// it like any field; ↑ ↓ (and Home, End) show the previous or next part at
// once; Enter or Space goes into the part shown, to its first field. The
// part shown is framed (focusFrame wide) while the list has the focus:
// Fyne's own list marks its keyboard position only with the faint hover
// colour, and not at all on the selected line, which is always the one
// shown here.
type navList struct {
	widget.List
	ed      *Editor
	focused bool
}

// navCell is one line of the list: the item and its focus frame.
type navCell struct {
	widget.BaseWidget
	item  *navItem
	frame *canvas.Rectangle
}

func newNavCell() fyne.CanvasObject {
	c := &navCell{item: newNavItem().(*navItem), frame: canvas.NewRectangle(nil)}
	c.frame.StrokeWidth = focusFrame
	c.frame.StrokeColor = theme.Color(theme.ColorNamePrimary)
	c.frame.CornerRadius = theme.SelectionRadiusSize()
	c.frame.Hide()
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the item with the frame over it.
func (c *navCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.item, c.frame))
}

func (c *navCell) setFocused(f bool) {
	if f == c.frame.Visible() {
		return
	}
	if f {
		c.frame.Show()
	} else {
		c.frame.Hide()
	}
	c.frame.Refresh()
}

func newNavList(e *Editor) *navList {
	l := &navList{ed: e}
	l.Length = func() int { return len(e.parts) }
	l.CreateItem = newNavCell
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		p := e.parts[id]
		c := e.counts[p.key]
		cell := o.(*navCell)
		cell.item.set(p.title, c[0], c[1])
		cell.setFocused(l.focused && id == e.current)
	}
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained frames the part shown.
func (l *navList) FocusGained() {
	l.focused = true
	l.Refresh()
}

// FocusLost removes the frame.
func (l *navList) FocusLost() {
	l.focused = false
	l.Refresh()
}

// TypedKey moves through the parts and goes into one.
func (l *navList) TypedKey(ev *fyne.KeyEvent) {
	e := l.ed
	to := e.current
	switch ev.Name {
	case fyne.KeyUp:
		to--
	case fyne.KeyDown:
		to++
	case fyne.KeyHome:
		to = 0
	case fyne.KeyEnd:
		to = len(e.parts) - 1
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		e.enterPart()
		return
	default:
		return
	}
	if to < 0 || to >= len(e.parts) || to == e.current {
		return
	}
	e.Select(e.parts[to].key)
	l.Refresh()
}

// TypedRune ignores letters typed on the list.
func (l *navList) TypedRune(rune) {}

// enterPart moves the focus from the list to the first field of the part
// shown, the next focusable object after the list.
func (e *Editor) enterPart() {
	c := e.win.Canvas()
	c.Focus(e.nav)
	c.FocusNext()
}
