package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/reports"
)

// framedParts are the titles of the navigation lines drawn with the focus frame.
func framedParts(w fyne.Window) []string {
	var out []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		if c, ok := o.(*navCell); ok && c.frame.Visible() {
			out = append(out, c.item.title.Text)
		}
	}
	return out
}

func TestTheNavigationListWorksFromTheKeyboard(t *testing.T) {
	ed, w := newTestEditor(t, reports.Sample())
	c := w.Canvas()
	// Tab from nowhere reaches the list first.
	c.FocusNext()
	if c.Focused() != ed.nav {
		t.Fatalf("Tab reaches %T first, want the navigation list", c.Focused())
	}
	if got := framedParts(w); len(got) != 1 || got[0] != "基本信息" {
		t.Errorf("framed lines %v, want 基本信息 (the part shown)", got)
	}
	key := func(k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyUp) // already on the first part
	if ed.Current() != PartBasic {
		t.Errorf("↑ on the first part shows %s", ed.Current())
	}
	key(fyne.KeyDown)
	key(fyne.KeyDown)
	if ed.Current() != reports.SectionActive {
		t.Errorf("↓ ↓ shows %s, want %s", ed.Current(), reports.SectionActive)
	}
	if got := framedParts(w); len(got) != 1 || got[0] != "二、主动公开政府信息情况" {
		t.Errorf("framed lines %v after ↓ ↓, want 二", got)
	}
	key(fyne.KeyEnd)
	if ed.Current() != PartSigning {
		t.Errorf("End shows %s, want 落款与打印", ed.Current())
	}
	key(fyne.KeyHome)
	key(fyne.KeyDown)
	if ed.Current() != reports.SectionOverview {
		t.Fatalf("Home ↓ shows %s, want 一", ed.Current())
	}
	// Enter goes into the part: the focus leaves the list for a field of 一.
	key(fyne.KeyReturn)
	if c.Focused() == nil || c.Focused() == ed.nav {
		t.Fatalf("Enter leaves the focus on %T", c.Focused())
	}
	if !inside(t, ed.screen(reports.SectionOverview).object(), c.Focused().(fyne.CanvasObject)) {
		t.Errorf("Enter focuses %T, which is not in 一's form", c.Focused())
	}
	if got := framedParts(w); len(got) != 0 {
		t.Errorf("the frame stays on %v after the list lost the focus", got)
	}
	// Shift+Tab from the part's first field goes back to the list.
	c.FocusPrevious()
	if c.Focused() != ed.nav {
		t.Errorf("Shift+Tab from the first field goes to %T, want the list", c.Focused())
	}
}

func TestAClickInTheNavigationListTakesTheFocusFromTheHiddenField(t *testing.T) {
	r := reports.Sample()
	ed, w := newTestEditor(t, r)
	organ := ed.screen(PartBasic).(*basicScreen).fields["organ.full_name"]
	w.Canvas().Focus(organ)
	// What a click on 三 does: the list item selects its line.
	ed.nav.Select(3)
	if ed.Current() != reports.SectionRequests {
		t.Fatalf("shows %s, want 三", ed.Current())
	}
	if w.Canvas().Focused() == organ {
		t.Fatal("the focus stays in 基本信息's hidden 机关全称: typing would go on into it")
	}
	test.Type(w.Canvas().Focused(), "x")
	if r.Organ.FullName != "新源县别斯托别乡人民政府" {
		t.Errorf("typing after the click changed the hidden field to %q", r.Organ.FullName)
	}
}

// inside reports whether o is drawn inside root.
func inside(t *testing.T, root, o fyne.CanvasObject) bool {
	found := false
	walk(t, root, func(x fyne.CanvasObject) { found = found || x == o })
	return found
}

func TestFocusIsAtLeastTwoPixelsAndClearlyTinted(t *testing.T) {
	th := NewTheme()
	if b := th.Size("inputBorder"); b < 2 {
		t.Errorf("input border (the focus border of entries) %v px, want ≥ 2", b)
	}
	_, _, _, a := th.Color("focus", 0).RGBA()
	if a < 0x5000 {
		t.Errorf("focus colour alpha %#x, want at least 30 %% so a focused button shows", a)
	}
}
