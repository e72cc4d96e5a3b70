package forms

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's widget.Calendar (2.7) names the month with time.Format("January
// 2006"), which no translation reaches, cannot mark the chosen day, has no
// keys, and inside a widget.PopUp (an overlay) the click that closes it is
// swallowed: while an overlay is shown the driver looks for the clicked
// object in the overlay only. datePicker is nianbao's own: Chinese month and
// weekday names, the week starting on Monday as Chinese calendars do, the
// chosen day marked, arrow keys, Enter, PageUp/PageDown and Esc. It floats
// in a layer of the form itself, not in an overlay, so a click outside it
// reaches what was clicked; the focus that click takes (or the unfocus of a
// click on nothing) closes the picker.

// weekdayNames are the column heads, Monday first.
var weekdayNames = [7]string{"一", "二", "三", "四", "五", "六", "日"}

// monthTitle is the title of a month in Chinese: 2025年1月.
func monthTitle(t time.Time) string { return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month())) }

// datePicker shows one month and picks a day.
type datePicker struct {
	widget.BaseWidget
	// cursor is the day Enter picks and the arrow keys move; the month
	// shown is its month.
	cursor time.Time
	// chosen is the date already in the field (zero: none).
	chosen time.Time
	onPick func(time.Time)
	// onClose is called for Esc (refocus true: give the focus back to the
	// field) and when the focus goes elsewhere (false).
	onClose func(refocus bool)

	title   *widget.Label
	days    *fyne.Container
	focused bool
}

func newDatePicker(open, chosen time.Time, onPick func(time.Time), onClose func(refocus bool)) *datePicker {
	p := &datePicker{cursor: dayOf(open), chosen: dayOf(chosen), onPick: onPick, onClose: onClose}
	p.title = widget.NewLabel("")
	p.title.TextStyle.Bold = true
	p.title.Alignment = fyne.TextAlignCenter
	p.days = container.NewGridWithColumns(7)
	p.ExtendBaseWidget(p)
	p.fill()
	return p
}

func dayOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}

// CreateRenderer lays out the month's title with its buttons, the weekday
// heads and the days.
func (p *datePicker) CreateRenderer() fyne.WidgetRenderer {
	nav := func(icon fyne.Resource, months int) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, func() { p.moveMonths(months) })
		b.Importance = widget.LowImportance
		return b
	}
	prevYear, nextYear := nav(theme.MediaFastRewindIcon(), -12), nav(theme.MediaFastForwardIcon(), 12)
	prev, next := nav(theme.NavigateBackIcon(), -1), nav(theme.NavigateNextIcon(), 1)
	head := container.NewBorder(nil, nil, container.NewHBox(prevYear, prev), container.NewHBox(next, nextYear), p.title)
	weekdays := container.NewGridWithColumns(7)
	for _, n := range weekdayNames {
		l := widget.NewLabel(n)
		l.Alignment = fyne.TextAlignCenter
		l.TextStyle.Bold = true
		weekdays.Add(l)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	border := canvas.NewRectangle(color.Transparent)
	border.StrokeColor = theme.Color(theme.ColorNamePrimary)
	border.StrokeWidth = focusFrame
	body := container.NewPadded(container.NewVBox(head, weekdays, p.days))
	return widget.NewSimpleRenderer(container.NewStack(bg, border, body))
}

// fill shows the cursor's month.
func (p *datePicker) fill() {
	p.title.SetText(monthTitle(p.cursor))
	first := time.Date(p.cursor.Year(), p.cursor.Month(), 1, 0, 0, 0, 0, time.Local)
	lead := (int(first.Weekday()) + 6) % 7 // Monday = 0
	p.days.Objects = nil
	for range lead {
		p.days.Add(widget.NewLabel(""))
	}
	today := dayOf(time.Now())
	for d := first; d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
		day := d
		b := widget.NewButton(fmt.Sprint(d.Day()), func() { p.onPick(day) })
		switch {
		case day.Equal(p.cursor):
			b.Importance = widget.HighImportance
		case day.Equal(p.chosen) || day.Equal(today):
			b.Importance = widget.MediumImportance
		default:
			b.Importance = widget.LowImportance
		}
		p.days.Add(b)
	}
	p.days.Refresh()
}

func (p *datePicker) moveMonths(n int) {
	d := p.cursor.Day()
	first := time.Date(p.cursor.Year(), p.cursor.Month()+time.Month(n), 1, 0, 0, 0, 0, time.Local)
	last := first.AddDate(0, 1, -1).Day()
	p.cursor = time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.Local)
	p.fill()
}

func (p *datePicker) moveDays(n int) {
	p.cursor = p.cursor.AddDate(0, 0, n)
	p.fill()
}

// FocusGained is part of fyne.Focusable: the picker takes the keys.
func (p *datePicker) FocusGained() { p.focused = true }

// FocusLost is part of fyne.Focusable: a click or Tab elsewhere closes
// the picker.
func (p *datePicker) FocusLost() {
	p.focused = false
	p.onClose(false)
}

// TypedRune is part of fyne.Focusable; digits are typed into the field.
func (p *datePicker) TypedRune(rune) {}

// TypedKey moves the day with the arrows, the month with PageUp and
// PageDown, picks with Enter or Space and closes with Esc.
func (p *datePicker) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		p.onClose(true)
	case fyne.KeyLeft:
		p.moveDays(-1)
	case fyne.KeyRight:
		p.moveDays(1)
	case fyne.KeyUp:
		p.moveDays(-7)
	case fyne.KeyDown:
		p.moveDays(7)
	case fyne.KeyPageUp:
		p.moveMonths(-1)
	case fyne.KeyPageDown:
		p.moveMonths(1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		p.onPick(p.cursor)
	}
}
