package forms

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"nianbao/reports"
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

func TestTableColumnsComeFromTheTemplateWeights(t *testing.T) {
	for _, c := range []struct {
		name string
		year int
		size fyne.Size
		// label3 is the least width of 表三's third label column as laid
		// out: before the weights it was 213 at 1366×768.
		label3 float32
		// digits is how many digits a number cell shows whole: 7 at the
		// set widths (1280), 8 where the window has room.
		digits int
	}{
		{"2021 format at 1280×800", 2024, fyne.NewSize(1280, 800), 196, 7},
		{"2021 format at 1366×768", 2024, fyne.NewSize(1366, 768), 213, 8},
		{"2019 format at 1366×768", 2020, fyne.NewSize(1366, 768), 213, 8},
		{"2021 format at 1920×1080", 2024, fyne.NewSize(1920, 1080), 300, 8},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := reports.New(c.year)
			ed, w := newTestEditor(t, r)
			w.Resize(c.size)
			eight := fyne.MeasureText(strings.Repeat("8", c.digits), theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()

			// 表三: labels 22 : 50 as printed, numbers hold 8 digits, 总计 in view.
			ed.Select(reports.SectionRequests)
			s := ed.screen(reports.SectionRequests).(*tablesScreen)
			v := s.views[0]
			cols := v.grid.cols
			if len(cols) != 10 || math.Abs(float64(cols[1]/cols[0])-50.0/22) > 0.01 || math.Abs(float64(sum(cols))-tableWidth) > 0.01 {
				t.Errorf("表三 columns %v (%v in all): want label columns 22 : 50 as printed, %v in all", cols, sum(cols), tableWidth)
			}
			for ci := range v.tb.Columns {
				if cols[3+ci] != cols[3] {
					t.Errorf("表三 number column %d is %v wide, column 0 %v: want equal", ci, cols[3+ci], cols[3])
				}
			}
			if laid := v.grid.laid; len(laid) != 10 || laid[2] < c.label3 {
				t.Errorf("表三 laid out %v: want the third label column at least %v", laid, c.label3)
			}
			en := v.entries[reports.Key(reports.TableT3, reports.RowNew, "natural")]
			if en.Size().Width < eight {
				t.Errorf("表三 cell is %v wide, %d digits need %v", en.Size().Width, c.digits, eight)
			}
			total := v.totals[reports.Key(reports.TableT3, reports.RowNew, reports.ColTotal)]
			if _, _, left, right := viewRect(s.scroll, total); s.scroll.Offset.X != 0 || left < 0 || right > s.scroll.Size().Width {
				t.Errorf("表三 总计 at x %v–%v, outside the view %v wide", left, right, s.scroll.Size().Width)
			}

			// 表四: fifteen equal columns, its last 总计 in view.
			ed.Select(reports.SectionReview)
			s = ed.screen(reports.SectionReview).(*tablesScreen)
			v = s.views[0]
			for i, cw := range v.grid.cols {
				if math.Abs(float64(cw)-tableWidth/15.0) > 0.01 {
					t.Errorf("表四 column %d is %v wide, want %v", i, cw, float32(tableWidth)/15)
				}
			}
			last := v.totals[reports.Key(reports.TableT4, reports.RowT4Cases, "after_total")]
			if _, _, _, right := viewRect(s.scroll, last); right > s.scroll.Size().Width {
				t.Errorf("表四's last 总计 ends at x %v, beyond the view %v wide", right, s.scroll.Size().Width)
			}

			// 表二: every block's label column 30 % of the widest block, its numbers in line.
			ed.Select(reports.SectionActive)
			s = ed.screen(reports.SectionActive).(*tablesScreen)
			first := s.views[0].grid.cols
			if math.Abs(float64(first[0])-0.3*tableWidth) > 0.01 {
				t.Errorf("表二 label column %v wide, want 30 %% of %v", first[0], tableWidth)
			}
			for _, v := range s.views {
				for i, cw := range v.grid.cols {
					if cw != first[i] {
						t.Errorf("block %s column %d is %v wide, the first block's %v", v.tb.Key, i, cw, first[i])
					}
				}
				for ci := range v.tb.Columns {
					if en, ok := v.entries[v.tb.CellKey(0, ci)]; ok && en.Size().Width < eight {
						t.Errorf("block %s cell is %v wide, %d digits need %v", v.tb.Key, en.Size().Width, c.digits, eight)
					}
				}
			}
		})
	}
}

func TestAGridWithAFitLaysItsColumnsOutToTheRoomAndItsPanesFollow(t *testing.T) {
	sb := theme.ScrollBarSize()
	// The first column takes what the second, 50 wide, leaves.
	fit := func(w float32) []float32 { return []float32{w - 50, 50} }
	for _, c := range []struct {
		name        string
		width       float32
		left, right float32
	}{
		{"narrower than the table: set widths", 150, 100, 50},
		{"a little room: the first column takes it", 180 + sb, 130, 50},
		{"a big screen: at most 1.4 times the table", 1000, 160, 50},
	} {
		t.Run(c.name, func(t *testing.T) {
			g := &spanGrid{cols: []float32{100, 50}, rows: []float32{30}, pos: []gridPos{{0, 0, 1, 1}, {0, 1, 1, 1}}, fit: fit}
			a, b := canvas.NewRectangle(nil), canvas.NewRectangle(nil)
			g.Layout([]fyne.CanvasObject{a, b}, fyne.NewSize(c.width, 30))
			if a.Size().Width != c.left || b.Size().Width != c.right || b.Position().X != c.left {
				t.Errorf("columns %v and %v at x %v, want widths %v and %v", a.Size().Width, b.Size().Width, b.Position().X, c.left, c.right)
			}
			// A frozen pane of the first column takes its laid width.
			pane := &spanGrid{cols: []float32{100}, rows: []float32{30}, pos: []gridPos{{0, 0, 1, 1}}, follow: g}
			p := canvas.NewRectangle(nil)
			pane.Layout([]fyne.CanvasObject{p}, fyne.NewSize(c.left, 30))
			if p.Size().Width != c.left || pane.laidWidth(1) != c.left {
				t.Errorf("the pane's column is %v wide (laid %v), want the grid's %v", p.Size().Width, pane.laidWidth(1), c.left)
			}
		})
	}
}
