//go:build harness

package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// This file serves the harness of the real-window scripts (app/harness.go,
// built with -tags harness): the program people install carries none of it.

// FocusPlace tells where the focused field is drawn and where the view of
// the part shown is, both in the window's coordinates, with the cell's key
// when it is a table cell (for the real-window script); ok is false when
// no field of the part has the focus.
func (e *Editor) FocusPlace() (name string, pos fyne.Position, size fyne.Size, viewPos fyne.Position, viewSize fyne.Size, ok bool) {
	f := e.win.Canvas().Focused()
	obj, isObj := f.(fyne.CanvasObject)
	if !isObj || e.current < 0 {
		return "", pos, size, viewPos, viewSize, false
	}
	s := e.screen(e.parts[e.current].key)
	sc := pageOf(s)
	if sc == nil || !drawnInside(sc.Content, obj) {
		return "", pos, size, viewPos, viewSize, false
	}
	d := fyne.CurrentApp().Driver()
	name = fmt.Sprintf("%T", f)
	viewPos, viewSize = d.AbsolutePositionForObject(sc), sc.Size()
	if c, cell := f.(*cellEntry); cell {
		name = string(c.key)
		// Below the frozen header, right of the frozen labels.
		layer := c.view.screen.layer
		viewSize = layer.Size()
		for _, p := range c.view.screen.layer.panes {
			if p.header != nil && p.header.Visible() && p.obj == c.view.gridObj {
				viewPos.Y += p.headerH
				viewSize.Height -= p.headerH
			}
		}
	}
	return name, d.AbsolutePositionForObject(obj), obj.Size(), viewPos, viewSize, true
}
