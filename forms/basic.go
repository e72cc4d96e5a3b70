package forms

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// basicScreen is 基本信息: year and template, organ, level, contact, 前言.
type basicScreen struct {
	ed       *Editor
	fields   map[string]fyne.Focusable
	version  *widget.Label
	convert  *widget.Button
	title    *widget.Label
	deadline *widget.Label
	preamble *textArea
	scroll   *container.Scroll
	organ    *organHelper
}

func newBasicScreen(ed *Editor) *basicScreen {
	r := ed.report
	s := &basicScreen{ed: ed, fields: map[string]fyne.Focusable{},
		version: widget.NewLabel(""), title: widget.NewLabel(""), deadline: widget.NewLabel("")}
	s.title.Wrapping = fyne.TextWrapWord
	s.convert = widget.NewButton("", s.onConvert)

	year := widget.NewEntry()
	year.SetText(strconv.Itoa(r.Year))
	year.Validator = func(v string) error { _, err := reports.ParseYear(v); return err }
	year.OnChanged = s.onYearChanged
	s.fields[reports.FieldYear] = year

	entry := func(path, text, placeholder string, set func(string)) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.SetText(text)
		e.OnChanged = func(v string) {
			set(v)
			s.updateDerived()
			ed.changed()
		}
		s.fields[path] = e
		return e
	}
	full := entry(reports.FieldOrganFullName, r.Organ.FullName, "如：新源县别斯托别乡人民政府", func(v string) { r.Organ.FullName = v })
	short := entry(reports.FieldOrganShortName, r.Organ.ShortName, "如：别斯托别乡（用于标题）", func(v string) { r.Organ.ShortName = v })
	var names []string
	for _, l := range reports.Levels {
		names = append(names, l.Name())
	}
	level := widget.NewSelect(names, func(v string) {
		for _, l := range reports.Levels {
			if l.Name() == v && r.Organ.Level != l {
				r.Organ.Level = l
				s.updateDerived()
				ed.changed()
			}
		}
	})
	level.SetSelected(r.Organ.Level.Name())
	s.organ = newOrganHelper(ed, full, short, level)
	office := entry(reports.FieldContactOffice, r.Contact.Office, "如：××乡政府信息公开工作领导小组办公室", func(v string) { r.Contact.Office = v })
	phone := entry(reports.FieldContactPhone, r.Contact.Phone, "如：0999-5027300", func(v string) { r.Contact.Phone = v })
	addr := entry(reports.FieldContactAddress, r.Contact.Address, "可空", func(v string) { r.Contact.Address = v })

	s.preamble = newTextArea(r.Preamble, "报告开头的说明：编制依据、内容、统计期限、联系方式", 5, func(v string) {
		r.Preamble = v
		ed.changed()
	})
	s.fields[reports.FieldPreamble] = s.preamble.entry
	fill := widget.NewButtonWithIcon("填入标准前言", theme.DocumentCreateIcon(), s.onFillPreamble)
	var ref fyne.CanvasObject
	if r.LastYear != nil {
		ref = reference(reports.FieldName(reports.FieldPreamble), r.LastYear.Preamble)
	}

	form := widget.NewForm(
		widget.NewFormItem(reports.FieldName(reports.FieldYear), container.NewBorder(nil, nil, nil, nil, year)),
		widget.NewFormItem("模板", container.NewBorder(nil, nil, nil, s.convert, s.version)),
		widget.NewFormItem(reports.FieldName(reports.FieldOrganFullName), s.organ.object()),
		widget.NewFormItem(reports.FieldName(reports.FieldOrganShortName), short),
		widget.NewFormItem("报告标题", s.title),
		widget.NewFormItem("层级", level),
		widget.NewFormItem("报送期限", s.deadline),
		widget.NewFormItem(reports.FieldName(reports.FieldContactOffice), office),
		widget.NewFormItem(reports.FieldName(reports.FieldContactPhone), phone),
		widget.NewFormItem(reports.FieldName(reports.FieldContactAddress), addr),
	)
	box := container.NewVBox(heading("基本信息"), form,
		container.NewBorder(nil, nil, widget.NewLabel(reports.FieldName(reports.FieldPreamble)), container.NewHBox(fill)),
		beside(s.preamble.obj, ref))
	s.updateDerived()
	s.scroll = container.NewScroll(container.NewPadded(box))
	return s
}

func (s *basicScreen) onYearChanged(v string) {
	y, err := reports.ParseYear(v)
	if err != nil {
		return // the entry shows the problem; the report keeps the last good year
	}
	s.ed.report.Year = y
	s.updateDerived()
	s.ed.changed()
}

// updateDerived shows what follows from the fields: template, title, deadline.
func (s *basicScreen) updateDerived() {
	r := s.ed.report
	t := r.Tmpl()
	s.version.SetText(fmt.Sprintf("%s 年版（%s）", t.Version, t.Document))
	want := reports.VersionForYear(r.Year)
	if want != t.Version {
		s.version.SetText(fmt.Sprintf("%s 年版（%s）：%d 年度的报告应使用 %s 年版", t.Version, t.Document, r.Year, want))
		s.version.Importance = widget.WarningImportance
		s.convert.SetText("改用 " + string(want) + " 年版")
		s.convert.Show()
	} else {
		s.version.Importance = widget.MediumImportance
		s.convert.Hide()
	}
	s.version.Refresh()
	s.title.SetText(r.Title())
	s.deadline.SetText(fmt.Sprintf("%s（%s）", r.Organ.Level.Deadline(r.Year).Chinese(), r.Organ.Level.Name()))
}

// onConvert moves the report to the template its year needs, keeping every
// cell both templates have; it asks first when cells would be dropped.
func (s *basicScreen) onConvert() {
	r := s.ed.report
	want := reports.VersionForYear(r.Year)
	nt := reports.Lookup(want)
	var dropped []string
	for k, c := range r.Cells {
		if !nt.IsInput(k) && !(c.IsNumber() && c.Value.IsZero()) && !c.Blank {
			tb, ri, ci, _ := r.Tmpl().Cell(k)
			dropped = append(dropped, tb.CellName(r.Tmpl(), ri, ci))
		}
	}
	do := func() {
		cells := map[reports.CellKey]reports.Cell{}
		for _, k := range nt.InputKeys() {
			if c, ok := r.Cells[k]; ok {
				cells[k] = c
			} else {
				cells[k] = reports.Num(0)
			}
		}
		r.Template, r.Cells, r.Declared = want, cells, nil
		s.ed.changed()
		s.ed.rebuild()
	}
	if len(dropped) == 0 {
		do()
		return
	}
	msg := fmt.Sprintf("%s 年版模板没有以下 %d 个有数据的单元格，改用后它们将被删除：\n%s\n\n确定改用吗？", want, len(dropped), strings.Join(dropped, "\n"))
	dialog.ShowConfirm("改用模板", msg, func(ok bool) {
		if ok {
			do()
		}
	}, s.ed.win)
}

// onFillPreamble writes the standard preamble, asking before it replaces text.
func (s *basicScreen) onFillPreamble() {
	text := reports.DefaultPreamble(s.ed.report)
	if strings.TrimSpace(s.preamble.entry.Text) == "" {
		s.preamble.entry.SetText(text)
		return
	}
	dialog.ShowConfirm("填入标准前言", "前言已有内容，用标准前言替换它吗？", func(ok bool) {
		if ok {
			s.preamble.entry.SetText(text)
		}
	}, s.ed.win)
}

func (s *basicScreen) object() fyne.CanvasObject { return s.scroll }

func (s *basicScreen) focus(loc reports.Location) bool {
	if loc.Field == reports.FieldOrganLevel || loc.Field == reports.FieldTemplate {
		return true
	}
	return focusField(s.ed, s.scroll, loc, s.fields)
}

// signingScreen is 落款 and the printing options.
type signingScreen struct {
	ed     *Editor
	fields map[string]fyne.Focusable
	date   *widget.Entry
	scroll *container.Scroll
	// float is the layer over the form the date picker floats in; root
	// stacks it over the scroll.
	float  *fyne.Container
	root   *fyne.Container
	picker *datePicker
}

// Font choices of the signing screen.
const (
	fontsEmbedded = "内置字体（任何电脑上效果一致）"
	fontsOfficial = "本机公文字体（方正小标宋、仿宋_GB2312 等，找不到时用内置字体）"
)

func newSigningScreen(ed *Editor) *signingScreen {
	r := ed.report
	s := &signingScreen{ed: ed, fields: map[string]fyne.Focusable{}}
	organ := widget.NewEntry()
	organ.SetPlaceHolder("留空则用机关全称：" + r.Organ.FullName)
	organ.SetText(r.Signing.Organ)
	organ.OnChanged = func(v string) {
		r.Signing.Organ = v
		ed.changed()
	}
	s.fields[reports.FieldSigningOrgan] = organ

	s.date = widget.NewEntry()
	s.date.SetPlaceHolder("如 2024-01-19 或 2024年1月19日")
	s.date.SetText(r.Signing.Date.Chinese())
	s.date.Validator = func(v string) error { _, err := reports.ParseDate(v); return err }
	s.date.OnChanged = s.onDateChanged
	s.fields[reports.FieldSigningDate] = s.date
	pick := widget.NewButtonWithIcon("选日期", theme.Icon(theme.IconNameCalendar), s.onPick)
	today := widget.NewButton("今天", func() {
		s.closePicker(false)
		s.setDate(time.Now())
	})
	deadline := widget.NewLabel(fmt.Sprintf("%s须在 %s 前发布", r.Organ.Level.Name(), r.Organ.Level.Deadline(r.Year).Chinese()))

	sig := widget.NewCheck("打印“单位负责人（签字）：”一行（用于存档的纸质签字件）", func(b bool) {
		if b != r.Signing.SignatureLine {
			r.Signing.SignatureLine = b
			ed.changed()
		}
	})
	sig.SetChecked(r.Signing.SignatureLine)

	fonts := widget.NewRadioGroup([]string{fontsEmbedded, fontsOfficial}, func(v string) {
		f := ""
		if v == fontsOfficial {
			f = "official"
		}
		if f != r.Signing.Fonts {
			r.Signing.Fonts = f
			ed.changed()
		}
	})
	fonts.Required = true
	if r.Signing.Fonts == "official" {
		fonts.SetSelected(fontsOfficial)
	} else {
		fonts.SetSelected(fontsEmbedded)
	}
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	if ed.FontStatus != nil {
		status.SetText(ed.FontStatus())
	}

	form := widget.NewForm(
		widget.NewFormItem(reports.FieldName(reports.FieldSigningOrgan), organ),
		widget.NewFormItem("成文日期", container.NewBorder(nil, deadline, nil, container.NewHBox(pick, today), s.date)),
		widget.NewFormItem("签字行", sig),
		widget.NewFormItem("字体", container.NewVBox(fonts, status)),
	)
	box := container.NewVBox(heading("落款与打印"), form)
	s.scroll = container.NewScroll(container.NewPadded(box))
	s.float = container.NewWithoutLayout()
	s.root = container.NewStack(s.scroll, s.float)
	return s
}

func (s *signingScreen) onDateChanged(v string) {
	d, err := reports.ParseDate(v)
	if err != nil {
		return // shown by the entry; the report keeps the last good date
	}
	s.ed.report.Signing.Date = d
	s.ed.changed()
}

func (s *signingScreen) setDate(t time.Time) {
	s.date.SetText(reports.Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}.Chinese())
}

// pickerStart is the month the date picker opens at: the signing date,
// else January of the year after the report's (when reports are signed).
func (s *signingScreen) pickerStart() (open, chosen time.Time) {
	if d := s.ed.report.Signing.Date; !d.IsZero() {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.Local)
		return t, t
	}
	return time.Date(s.ed.report.Year+1, time.January, 1, 0, 0, 0, 0, time.Local), time.Time{}
}

// onPick shows the date picker under the date, or closes it when open.
func (s *signingScreen) onPick() {
	if s.picker != nil {
		s.closePicker(true)
		return
	}
	open, chosen := s.pickerStart()
	s.picker = newDatePicker(open, chosen, func(t time.Time) {
		s.closePicker(true)
		s.setDate(t)
	}, s.closePicker)
	d := fyne.CurrentApp().Driver()
	pos := d.AbsolutePositionForObject(s.date).Subtract(d.AbsolutePositionForObject(s.float)).Add(fyne.NewPos(0, s.date.Size().Height))
	size := s.picker.MinSize()
	area := s.float.Size()
	if pos.Y+size.Height > area.Height { // no room below: above the field
		pos.Y = max(pos.Y-s.date.Size().Height-size.Height, 0)
	}
	pos.X = max(min(pos.X, area.Width-size.Width), 0)
	s.picker.Move(pos)
	s.picker.Resize(size)
	s.float.Objects = []fyne.CanvasObject{s.picker}
	s.float.Refresh()
	s.ed.win.Canvas().Focus(s.picker)
}

// closePicker removes the date picker; refocus gives the focus back to the
// date (after Esc or a pick, not after a click elsewhere).
func (s *signingScreen) closePicker(refocus bool) {
	if s.picker == nil {
		return
	}
	p := s.picker
	s.picker = nil
	s.float.Objects = nil
	s.float.Refresh()
	c := s.ed.win.Canvas()
	if refocus && (c.Focused() == p || c.Focused() == nil) {
		c.Focus(s.date)
	}
}

func (s *signingScreen) object() fyne.CanvasObject {
	s.closePicker(false)
	return s.root
}

func (s *signingScreen) focus(loc reports.Location) bool {
	if loc.Field == reports.PartSigning || strings.HasPrefix(loc.Field, reports.FieldSigningDate) {
		s.ed.focusIn(s.scroll, s.date)
		return true
	}
	return focusField(s.ed, s.scroll, loc, s.fields)
}
