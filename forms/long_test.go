package forms

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"nianbao/reports"
)

func TestTheFocusedFieldOfALongPartIsScrolledIntoView(t *testing.T) {
	for _, part := range []string{reports.SectionOverview, reports.SectionImprovement, reports.SectionOther} {
		t.Run(part, func(t *testing.T) {
			ed, w := newTestEditor(t, reports.Sample())
			w.Resize(fyne.NewSize(1366, 600))
			ed.Select(part)
			sc := pageOf(ed.screen(part))
			if sc.Content.MinSize().Height <= sc.Size().Height {
				t.Skipf("%s fits in the view", part)
			}
			// Tab through every field, as the window moves the focus.
			w.Canvas().Focus(firstFocusable(sc, false))
			seen := 0
			for i := 0; i < 60; i++ {
				w.Canvas().FocusNext()
				ed.followFocus()
				obj, ok := w.Canvas().Focused().(fyne.CanvasObject)
				if !ok || !drawnInside(sc.Content, obj) {
					continue // left the part (the list, the toolbar)
				}
				seen++
				top, bottom, _, _ := viewRect(sc, obj)
				if top < 0 || bottom > sc.Size().Height && obj.Size().Height < sc.Size().Height {
					t.Errorf("Tab %d: focused %T at %v–%v, outside the view of %v", i, obj, top, bottom, sc.Size().Height)
				}
			}
			if seen < 3 {
				t.Errorf("only %d fields of the part were reached by Tab", seen)
			}
		})
	}
}

func TestMultiLineEditorsGrowWithTheirTextAndTheWheelScrollsThePage(t *testing.T) {
	r := reports.Sample()
	long := strings.Repeat("本乡严格按照上级要求主动公开政务，不断优化公开内容和形式。", 12)
	r.Overview.Parts[0].Text = long
	ed, w := newTestEditor(t, r)
	w.Resize(fyne.NewSize(1366, 600))
	ed.Select(reports.SectionOverview)
	s := ed.screen(reports.SectionOverview).(*overviewScreen)
	en := s.parts.fields["overview.parts.0.text"].(fyne.CanvasObject)
	g := growLayoutOf(s.scroll.Content, en)
	if g == nil {
		t.Fatalf("the text is not held by a growLayout")
	}
	if need := entryTextHeight(long, g.width); en.Size().Height < need {
		t.Errorf("editor %v high, its text needs %v: it would scroll inside", en.Size().Height, need)
	}
	if en.Size().Height <= en.MinSize().Height {
		t.Errorf("editor did not grow past its four rows (%v)", en.Size().Height)
	}
	frame := ed.frames[reports.SectionOverview].(*fyne.Container)
	router := frame.Objects[len(frame.Objects)-1].(*wheelRouter)
	router.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -100)})
	if s.scroll.Offset.Y != 100 {
		t.Errorf("the wheel moved the page to %v, want 100", s.scroll.Offset.Y)
	}
}
