package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// addButton is the 添加… button of a parts editor.
func addButton(t *testing.T, p *partsEditor) *widget.Button {
	t.Helper()
	row := p.box.Objects[len(p.box.Objects)-1].(*fyne.Container)
	b, ok := row.Objects[0].(*widget.Button)
	if !ok {
		t.Fatal("no 添加 button at the end of the parts")
	}
	return b
}

// inViewport reports whether o lies wholly inside the scroll's visible area.
func inViewport(sc *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y
	return top >= 0 && top+o.Size().Height <= sc.Size().Height
}

func TestAfterAddingAPartItsTitleHasTheFocusAndTabGoesToItsText(t *testing.T) {
	cases := []struct {
		name    string
		section string
		parts   func(s screen) (*partsEditor, *container.Scroll)
	}{
		{"一、总体情况", reports.SectionOverview, func(s screen) (*partsEditor, *container.Scroll) {
			o := s.(*overviewScreen)
			return o.parts, o.scroll
		}},
		{"五、问题", reports.SectionImprovement, func(s screen) (*partsEditor, *container.Scroll) {
			o := s.(*improvementScreen)
			return o.problems, o.scroll
		}},
		{"五、措施", reports.SectionImprovement, func(s screen) (*partsEditor, *container.Scroll) {
			o := s.(*improvementScreen)
			return o.measures, o.scroll
		}},
		{"六、事项", reports.SectionOther, func(s screen) (*partsEditor, *container.Scroll) {
			o := s.(*otherScreen)
			return o.items, o.scroll
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reports.Sample()
			ed, w := newTestEditor(t, r)
			ed.Select(c.section)
			p, sc := c.parts(ed.screen(c.section))
			test.Tap(addButton(t, p))
			n := len(*p.list)
			title := p.fields[reports.FieldPath(p.path, n-1, "title")]
			text := p.fields[reports.FieldPath(p.path, n-1, "text")]
			if w.Canvas().Focused() != title {
				t.Fatalf("focus on %v after 添加, want the new title", w.Canvas().Focused())
			}
			if !inViewport(sc, title.(fyne.CanvasObject)) {
				t.Errorf("the new title is outside the visible area (scroll offset %v, height %v)", sc.Offset, sc.Size().Height)
			}
			test.Type(title, "新的标题")
			// Tab: title → text.
			w.Canvas().FocusNext()
			if w.Canvas().Focused() != text {
				t.Fatalf("Tab from the new title goes to %T, want its text", w.Canvas().Focused())
			}
			if tab, ok := text.(fyne.Tabbable); !ok || tab.AcceptsTab() {
				t.Errorf("Tab in the text would type a tab character instead of moving on")
			}
			test.Type(w.Canvas().Focused(), "接着输入的一句话。")
			if got := (*p.list)[n-1]; got.Title != "新的标题" || got.Text != "接着输入的一句话。" {
				t.Errorf("new part %+v, want the title and the sentence typed", got)
			}
			// Then the part's buttons: ↑ ↓ 删除 (↓ is disabled on the last part).
			w.Canvas().FocusNext()
			if b, ok := w.Canvas().Focused().(*widget.Button); !ok || b.Icon == nil || b.Text != "" {
				t.Errorf("after the text Tab goes to %v, want the part's ↑ button", w.Canvas().Focused())
			}
			// Shift+Tab from the text goes back to the title.
			w.Canvas().Focus(text)
			w.Canvas().FocusPrevious()
			if w.Canvas().Focused() != title {
				t.Errorf("Shift+Tab from the text goes to %v, want the title", w.Canvas().Focused())
			}
			if len(*p.list) != n {
				t.Errorf("%d parts after typing, want %d: nothing may move them", len(*p.list), n)
			}
		})
	}
}
