package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

func TestTableColumnsStretchToTheRoomWithinALimit(t *testing.T) {
	sb := theme.ScrollBarSize()
	for _, c := range []struct {
		name        string
		base        float32 // the widest table shown with it, 0 for none
		width       float32
		left, right float32 // widths of the two columns
	}{
		{"narrower than the table: set widths", 0, 150, 100, 50},
		{"exactly the table and the scroll bar: set widths", 0, 150 + sb, 100, 50},
		{"a little room: stretched to it", 0, 180 + sb, 120, 60},
		{"a big screen: at most 1.4 times", 0, 1000, 140, 70},
		{"under a table twice as wide: stretched as much as that one", 300, 330 + sb, 110, 55},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := &spanGrid{cols: []float32{100, 50}, rows: []float32{30}, pos: []gridPos{{0, 0, 1, 1}, {0, 1, 1, 1}}, base: c.base}
			a, b := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
			g.Layout([]fyne.CanvasObject{a, b}, fyne.NewSize(c.width, 30))
			if a.Size().Width != c.left || b.Size().Width != c.right || b.Position().X != c.left {
				t.Errorf("columns %v and %v at x %v, want widths %v and %v", a.Size().Width, b.Size().Width, b.Position().X, c.left, c.right)
			}
			if g.MinSize(nil).Width != 150 {
				t.Errorf("min width %v, want the set 150", g.MinSize(nil).Width)
			}
		})
	}
}
