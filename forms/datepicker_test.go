package forms

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// buttonIn is the button with text under o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(t, o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button", text)
	}
	return found
}

// openSigning shows 落款与打印 for a report and opens the date picker.
func openSigning(t *testing.T, r *reports.Report) (*signingScreen, fyne.Window) {
	t.Helper()
	ed, w := newTestEditor(t, r)
	ed.Select(PartSigning)
	s := ed.screen(PartSigning).(*signingScreen)
	test.Tap(buttonIn(t, s.root, "选日期"))
	if s.picker == nil || len(s.float.Objects) != 1 {
		t.Fatal("选日期 shows no picker")
	}
	return s, w
}

func TestDatePickerOpensAtTheSigningDateOrJanuaryOfTheNextYear(t *testing.T) {
	cases := []struct {
		name      string
		date      reports.Date
		wantTitle string
		wantDay   int
	}{
		{"no date yet: January after the report's year", reports.Date{}, "2025年1月", 1},
		{"the signing date in January", reports.Date{Year: 2025, Month: 1, Day: 19}, "2025年1月", 19},
		{"a signing date late in the year", reports.Date{Year: 2024, Month: 12, Day: 30}, "2024年12月", 30},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reports.New(2024)
			r.Signing.Date = c.date
			s, w := openSigning(t, r)
			p := s.picker
			if p.title.Text != c.wantTitle {
				t.Errorf("picker opens at %q, want %q", p.title.Text, c.wantTitle)
			}
			if p.cursor.Day() != c.wantDay {
				t.Errorf("cursor on day %d, want %d", p.cursor.Day(), c.wantDay)
			}
			var heads []string
			walk(t, p, func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && len([]rune(l.Text)) == 1 {
					heads = append(heads, l.Text)
				}
			})
			if got := join(heads); got != "一二三四五六日" {
				t.Errorf("weekday heads %q, want 一二三四五六日 (Monday first)", got)
			}
			if w.Canvas().Focused() != p {
				t.Errorf("the picker does not have the keys (focus on %v)", w.Canvas().Focused())
			}
		})
	}
}

func join(ss []string) string {
	out := ""
	for _, s := range ss {
		out += s
	}
	return out
}

func TestDatePickerMonthStartsOnItsWeekday(t *testing.T) {
	// 1 January 2025 was a Wednesday: two empty cells before it.
	p := newDatePicker(time.Date(2025, 1, 1, 0, 0, 0, 0, time.Local), time.Time{}, func(time.Time) {}, func(bool) {})
	lead := 0
	for _, o := range p.days.Objects {
		if l, ok := o.(*widget.Label); ok && l.Text == "" {
			lead++
			continue
		}
		break
	}
	if lead != 2 || len(p.days.Objects) != 2+31 {
		t.Errorf("%d empty cells and %d in all, want 2 and 33", lead, len(p.days.Objects))
	}
}

func TestDatePickerKeys(t *testing.T) {
	t.Run("arrows and Enter pick a day", func(t *testing.T) {
		s, w := openSigning(t, reports.New(2024))
		for range 18 {
			s.picker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		}
		s.picker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // +7: 26th
		s.picker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got := s.ed.report.Signing.Date; got != (reports.Date{Year: 2025, Month: 1, Day: 26}) {
			t.Errorf("picked %v, want 2025-01-26", got)
		}
		if s.picker != nil || len(s.float.Objects) != 0 || w.Canvas().Focused() != s.date {
			t.Errorf("after a pick: picker %v, focus %v; want closed and the date focused", s.picker, w.Canvas().Focused())
		}
	})
	t.Run("PageDown shows the next month", func(t *testing.T) {
		s, _ := openSigning(t, reports.New(2024))
		s.picker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
		if s.picker.title.Text != "2025年2月" {
			t.Errorf("after PageDown %q, want 2025年2月", s.picker.title.Text)
		}
	})
	t.Run("Esc closes it and changes nothing", func(t *testing.T) {
		r := reports.New(2024)
		s, w := openSigning(t, r)
		s.picker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		s.picker.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if s.picker != nil || len(s.float.Objects) != 0 {
			t.Errorf("Esc left the picker open")
		}
		if !r.Signing.Date.IsZero() {
			t.Errorf("Esc set the date to %v", r.Signing.Date)
		}
		if w.Canvas().Focused() != s.date {
			t.Errorf("focus after Esc on %v, want the date field", w.Canvas().Focused())
		}
	})
}

func TestAClickOutsideTheDatePickerClosesItAndStillCounts(t *testing.T) {
	t.Run("a click in another field", func(t *testing.T) {
		s, w := openSigning(t, reports.New(2024))
		organ := s.fields["signing.organ"].(*widget.Entry)
		// What the window does for a click on an entry: mouse down (the
		// entry takes the focus), mouse up, tap; the focus is not dropped
		// first because a focusable object is under the mouse.
		me := &desktop.MouseEvent{Button: desktop.MouseButtonPrimary}
		organ.MouseDown(me)
		organ.MouseUp(me)
		organ.Tapped(&fyne.PointEvent{})
		if s.picker != nil || len(s.float.Objects) != 0 {
			t.Errorf("the picker stays open after a click in 落款机关")
		}
		if w.Canvas().Focused() != organ {
			t.Errorf("the click did not reach 落款机关: focus on %v", w.Canvas().Focused())
		}
		test.Type(organ, "某乡人民政府")
		if s.ed.report.Signing.Organ != "某乡人民政府" {
			t.Errorf("typing after the click gave %q", s.ed.report.Signing.Organ)
		}
	})
	t.Run("a click on nothing in particular", func(t *testing.T) {
		s, w := openSigning(t, reports.New(2024))
		w.Canvas().Unfocus() // what the window does for a click on a label or an empty place
		if s.picker != nil || len(s.float.Objects) != 0 {
			t.Errorf("the picker stays open after a click on an empty place")
		}
	})
	t.Run("a click on 今天", func(t *testing.T) {
		s, _ := openSigning(t, reports.New(2024))
		test.Tap(buttonIn(t, s.root, "今天"))
		now := time.Now()
		if s.picker != nil {
			t.Errorf("the picker stays open after 今天")
		}
		if got := s.ed.report.Signing.Date; got != (reports.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}) {
			t.Errorf("今天 set %v", got)
		}
	})
}

func TestTypedDatesStillWork(t *testing.T) {
	r := reports.New(2024)
	ed, _ := newTestEditor(t, r)
	ed.Select(PartSigning)
	s := ed.screen(PartSigning).(*signingScreen)
	typeInto(s.date, "2025年1月20日")
	if r.Signing.Date != (reports.Date{Year: 2025, Month: 1, Day: 20}) {
		t.Errorf("typed 2025年1月20日, report holds %v", r.Signing.Date)
	}
	typeInto(s.date, "2025-01-21")
	if r.Signing.Date != (reports.Date{Year: 2025, Month: 1, Day: 21}) {
		t.Errorf("typed 2025-01-21, report holds %v", r.Signing.Date)
	}
}
