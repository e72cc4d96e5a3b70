package forms

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// textEntry is a multi-line entry on which Tab and Shift+Tab move the focus
// to the next or previous field, as on every other field of the forms,
// instead of typing a tab character (report texts have no use for one).
type textEntry struct {
	widget.Entry
}

func newTextEntry() *textEntry {
	e := &textEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false: Tab leaves the text.
func (e *textEntry) AcceptsTab() bool { return false }

// entryOf is the entry inside a focusable field, or nil.
func entryOf(w fyne.Focusable) *widget.Entry {
	switch v := w.(type) {
	case *widget.Entry:
		return v
	case *textEntry:
		return &v.Entry
	}
	return nil
}

// textArea is a multi-line editor with a live character count below it.
type textArea struct {
	entry *textEntry
	count *widget.Label
	obj   fyne.CanvasObject
}

func newTextArea(text, placeholder string, rows int, onChanged func(string)) *textArea {
	t := &textArea{entry: newTextEntry(), count: widget.NewLabel("")}
	t.entry.Wrapping = fyne.TextWrapWord
	t.entry.SetMinRowsVisible(rows)
	t.entry.SetPlaceHolder(placeholder)
	t.entry.SetText(text)
	t.setCount(text)
	t.entry.OnChanged = func(s string) {
		t.setCount(s)
		onChanged(s)
	}
	t.obj = container.NewBorder(nil, t.count, nil, nil, growing(t.entry, func() string { return t.entry.Text }))
	return t
}

func (t *textArea) setCount(s string) { t.count.SetText(fmt.Sprintf("%d 字", reports.CountChars(s))) }

// reference shows last year's text, read-only, beside an editor.
func reference(title, text string) fyne.CanvasObject {
	if strings.TrimSpace(text) == "" {
		text = "（上年此处为空）"
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "上年："+title, l)
}

// beside puts an editor and last year's text side by side, or returns the
// editor alone when there is no reference.
func beside(editor, ref fyne.CanvasObject) fyne.CanvasObject {
	if ref == nil {
		return editor
	}
	return container.NewGridWithColumns(2, editor, ref)
}

// partsEditor edits a list of titled parts: each with its generated number,
// a title, a text, and buttons to move it up or down or remove it.
type partsEditor struct {
	ed        *Editor
	list      *[]reports.Part
	path      string // field path of the list, e.g. "overview.parts"
	noun      string // what an item is called, e.g. 部分, 问题
	numbering func() reports.Numbering
	ref       []reports.Part // last year's parts, or nil
	box       *fyne.Container
	fields    map[string]fyne.Focusable
	// scroll is the screen's scroll, to bring a new part into view.
	scroll *container.Scroll
	// onEdit is called after every change, besides Editor.changed.
	onEdit func()
}

func newPartsEditor(ed *Editor, list *[]reports.Part, path, noun string, numbering func() reports.Numbering, ref []reports.Part) *partsEditor {
	p := &partsEditor{ed: ed, list: list, path: path, noun: noun, numbering: numbering, ref: ref, box: container.NewVBox()}
	p.rebuild()
	return p
}

// rebuild lays the items out again after a change of order or number.
func (p *partsEditor) rebuild() {
	p.fields = map[string]fyne.Focusable{}
	p.box.Objects = nil
	parts := *p.list
	for i := range parts {
		p.box.Add(p.item(i))
	}
	add := widget.NewButtonWithIcon("添加"+p.noun, theme.ContentAddIcon(), p.onAdd)
	p.box.Add(container.NewHBox(add))
	// A finding about the whole list leads to its first text, or to the
	// button that adds one.
	if f, ok := p.fields[reports.FieldPath(p.path, 0, "text")]; ok {
		p.fields[p.path] = f
	} else {
		p.fields[p.path] = add
	}
	p.box.Refresh()
}

func (p *partsEditor) item(i int) fyne.CanvasObject {
	part := &(*p.list)[i]
	num := widget.NewLabel(p.numbering().Label(i))
	num.TextStyle.Bold = true
	title := widget.NewEntry()
	title.SetPlaceHolder(p.noun + "标题（可空）")
	title.SetText(part.Title)
	title.OnChanged = func(s string) {
		(*p.list)[i].Title = s
		p.edited()
	}
	text := newTextArea(part.Text, "在此输入正文；每段一行", 4, func(s string) {
		(*p.list)[i].Text = s
		p.edited()
	})
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.onMove(i, -1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.onMove(i, 1) })
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.onRemove(i) })
	if i == 0 {
		up.Disable()
	}
	if i == len(*p.list)-1 {
		down.Disable()
	}
	p.fields[reports.FieldPath(p.path, i, "title")] = title
	p.fields[reports.FieldPath(p.path, i, "text")] = text.entry
	var ref fyne.CanvasObject
	if p.ref != nil {
		if r, ok := matchPart(p.ref, part.Title, i); ok {
			ref = reference(r.Title, r.Text)
		} else {
			ref = reference(part.Title, "")
		}
	}
	// The order of the objects is the order of Tab: title, text, then
	// the buttons, although the buttons are drawn beside the title.
	return container.NewVBox(
		container.New(partLayout{}, num, title, beside(text.obj, ref), container.NewHBox(up, down, del)),
		widget.NewSeparator())
}

// partLayout draws a part: the number, the title and the buttons in the
// first row, the text below; its objects are number, title, text, buttons,
// so that Tab goes from the title to the text before the buttons.
type partLayout struct{}

// Layout places the number and the buttons at the ends of the title's row
// and the text under it.
func (partLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	num, title, text, buttons := objs[0], objs[1], objs[2], objs[3]
	pad := theme.Padding()
	h := max(num.MinSize().Height, title.MinSize().Height, buttons.MinSize().Height)
	nw, bw := num.MinSize().Width, buttons.MinSize().Width
	num.Move(fyne.NewPos(0, 0))
	num.Resize(fyne.NewSize(nw, h))
	buttons.Move(fyne.NewPos(size.Width-bw, 0))
	buttons.Resize(fyne.NewSize(bw, h))
	title.Move(fyne.NewPos(nw+pad, 0))
	title.Resize(fyne.NewSize(max(size.Width-nw-bw-2*pad, 0), h))
	text.Move(fyne.NewPos(0, h+pad))
	text.Resize(fyne.NewSize(size.Width, text.MinSize().Height))
}

// MinSize is the title row above the text.
func (partLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	num, title, text, buttons := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize(), objs[3].MinSize()
	pad := theme.Padding()
	h := max(num.Height, title.Height, buttons.Height)
	return fyne.NewSize(max(num.Width+title.Width+buttons.Width+2*pad, text.Width), h+pad+text.Height)
}

// matchPart finds last year's part with the same title, or at the same place.
func matchPart(ref []reports.Part, title string, i int) (reports.Part, bool) {
	t := strings.TrimSpace(title)
	for _, r := range ref {
		if t != "" && strings.TrimSpace(r.Title) == t {
			return r, true
		}
	}
	if i < len(ref) {
		return ref[i], true
	}
	return reports.Part{}, false
}

func (p *partsEditor) edited() {
	if p.onEdit != nil {
		p.onEdit()
	}
	p.ed.changed()
}

// onAdd adds an empty part at the end, focuses its title and scrolls it
// into view.
func (p *partsEditor) onAdd() {
	*p.list = append(*p.list, reports.Part{})
	p.rebuild()
	p.edited()
	f, ok := p.fields[reports.FieldPath(p.path, len(*p.list)-1, "title")]
	if !ok {
		return
	}
	p.ed.win.Canvas().Focus(f)
	p.scrollToItem(len(*p.list) - 1)
}

// scrollToItem scrolls the screen so that item i (just built) is in view,
// its top a little below the top of the view unless it fits lower. The
// driver knows no position for widgets not drawn yet, so the position is
// added up through the containers from the scroll's content to the item,
// after laying them out now.
func (p *partsEditor) scrollToItem(i int) {
	sc := p.scroll
	if sc == nil || sc.Content == nil || i >= len(p.box.Objects) {
		return
	}
	c := sc.Content
	c.Resize(fyne.NewSize(c.Size().Width, c.MinSize().Height))
	item := p.box.Objects[i]
	pos, ok := positionIn(c, item)
	if !ok {
		return
	}
	top, bottom := pos.Y, pos.Y+item.MinSize().Height
	off := sc.Offset
	if top < off.Y || bottom > off.Y+sc.Size().Height {
		off.Y = max(min(top-theme.Padding()*4, bottom-sc.Size().Height), 0)
		off.Y = min(off.Y, max(c.Size().Height-sc.Size().Height, 0))
		sc.ScrollToOffset(off)
	}
}

// positionIn is where o lies inside root, found through containers only.
func positionIn(root, o fyne.CanvasObject) (fyne.Position, bool) {
	if root == o {
		return fyne.Position{}, true
	}
	c, ok := root.(*fyne.Container)
	if !ok {
		return fyne.Position{}, false
	}
	for _, child := range c.Objects {
		if pos, ok := positionIn(child, o); ok {
			return child.Position().Add(pos), true
		}
	}
	return fyne.Position{}, false
}

func (p *partsEditor) onMove(i, d int) {
	j := i + d
	l := *p.list
	if j < 0 || j >= len(l) {
		return
	}
	l[i], l[j] = l[j], l[i]
	p.rebuild()
	p.edited()
}

// onRemove removes an item, asking first when it holds text.
func (p *partsEditor) onRemove(i int) {
	part := (*p.list)[i]
	remove := func() {
		l := *p.list
		*p.list = append(l[:i:i], l[i+1:]...)
		p.rebuild()
		p.edited()
	}
	if strings.TrimSpace(part.Title+part.Text) == "" {
		remove()
		return
	}
	name := part.Title
	if name == "" {
		name = p.numbering().Label(i)
	}
	msg := fmt.Sprintf("删除%s“%s”及其正文（%d 字）？", p.noun, name, reports.CountChars(part.Text))
	dialog.ShowConfirm("删除"+p.noun, msg, func(ok bool) {
		if ok {
			remove()
		}
	}, p.ed.win)
}

// textLen is the number of characters of all titles and texts.
func (p *partsEditor) textLen() int {
	n := 0
	for _, part := range *p.list {
		n += reports.CountChars(part.Title) + reports.CountChars(part.Text)
	}
	return n
}

// overviewScreen is 一、总体情况.
type overviewScreen struct {
	ed     *Editor
	parts  *partsEditor
	total  *widget.Label
	scroll *container.Scroll
}

func newOverviewScreen(ed *Editor) *overviewScreen {
	r := ed.report
	s := &overviewScreen{ed: ed, total: widget.NewLabel("")}
	sec := r.Tmpl().Section(reports.SectionOverview)
	var ref []reports.Part
	if r.LastYear != nil {
		ref = r.LastYear.Overview.Parts
		if ref == nil {
			ref = []reports.Part{}
		}
	}
	s.parts = newPartsEditor(ed, &r.Overview.Parts, reports.FieldOverviewParts, "部分", func() reports.Numbering { return r.Overview.Numbering }, ref)
	s.parts.onEdit = s.updateTotal
	numbering := widget.NewRadioGroup([]string{"（一）（二）（三）", "1. 2. 3."}, nil)
	numbering.Horizontal = true
	if r.Overview.Numbering == reports.NumberArabic {
		numbering.SetSelected("1. 2. 3.")
	} else {
		numbering.SetSelected("（一）（二）（三）")
	}
	numbering.Required = true
	numbering.OnChanged = func(v string) { s.onNumberingChanged(v) }
	inline := widget.NewCheck("标题与正文接排（如“1.主动公开方面。本乡……”）", func(b bool) {
		if b != r.Overview.Inline {
			r.Overview.Inline = b
			ed.changed()
		}
	})
	inline.SetChecked(r.Overview.Inline)
	opts := container.NewHBox(widget.NewLabel("编号："), numbering, inline)
	box := container.NewVBox(heading(sec.Title()), hint(sec.Hint), opts, s.total, s.parts.box)
	s.updateTotal()
	s.scroll = container.NewScroll(container.NewPadded(box))
	s.parts.scroll = s.scroll
	return s
}

func (s *overviewScreen) onNumberingChanged(v string) {
	n := reports.NumberParen
	if v == "1. 2. 3." {
		n = reports.NumberArabic
	}
	if n == s.ed.report.Overview.Numbering {
		return
	}
	s.ed.report.Overview.Numbering = n
	s.parts.rebuild()
	s.ed.changed()
}

// updateTotal shows the length of 总体情况, warned over the limit.
func (s *overviewScreen) updateTotal() {
	n := s.parts.textLen()
	if n > reports.OverviewMaxChars {
		s.total.SetText(fmt.Sprintf("总体情况共 %d 字，超过 %d 字：篇幅原则上不超过一千字，请精简。", n, reports.OverviewMaxChars))
		s.total.Importance = widget.WarningImportance
	} else {
		s.total.SetText(fmt.Sprintf("总体情况共 %d 字（原则上不超过 %d 字）", n, reports.OverviewMaxChars))
		s.total.Importance = widget.MediumImportance
	}
	s.total.Refresh()
}

func (s *overviewScreen) object() fyne.CanvasObject { return s.scroll }

func (s *overviewScreen) focus(loc reports.Location) bool {
	return focusField(s.ed, s.scroll, loc, s.parts.fields)
}

// focusField focuses the widget a field path names, or for a path into a
// list whose item is gone, nothing.
func focusField(ed *Editor, sc *container.Scroll, loc reports.Location, fields ...map[string]fyne.Focusable) bool {
	for _, m := range fields {
		if w, ok := m[loc.Field]; ok {
			ed.focusIn(sc, w)
			if en := entryOf(w); en != nil && loc.Offset > 0 {
				moveCursor(en, loc.Offset)
			}
			return true
		}
	}
	// A path to a list item's other field, e.g. "overview.parts.2": its text.
	for _, m := range fields {
		if w, ok := m[loc.Field+".text"]; ok {
			ed.focusIn(sc, w)
			return true
		}
	}
	return false
}

// moveCursor puts the cursor of a multi-line entry at a rune offset.
func moveCursor(en *widget.Entry, offset int) {
	lines := strings.Split(en.Text, "\n")
	for row, l := range lines {
		n := utf8.RuneCountInString(l)
		if offset <= n {
			en.CursorRow, en.CursorColumn = row, offset
			en.Refresh()
			return
		}
		offset -= n + 1
	}
}

// improvementScreen is 五、存在的主要问题及改进情况.
type improvementScreen struct {
	ed       *Editor
	problems *partsEditor
	measures *partsEditor
	fields   map[string]fyne.Focusable
	scroll   *container.Scroll
}

func newImprovementScreen(ed *Editor) *improvementScreen {
	r := ed.report
	s := &improvementScreen{ed: ed, fields: map[string]fyne.Focusable{}}
	sec := r.Tmpl().Section(reports.SectionImprovement)
	var refP, refM []reports.Part
	if r.LastYear != nil {
		refP = append([]reports.Part{}, r.LastYear.Improvement.Problems...)
		refM = append([]reports.Part{}, r.LastYear.Improvement.Measures...)
	}
	arabic := func() reports.Numbering { return reports.NumberArabic }
	s.problems = newPartsEditor(ed, &r.Improvement.Problems, reports.FieldProblems, "问题", arabic, refP)
	s.measures = newPartsEditor(ed, &r.Improvement.Measures, reports.FieldMeasures, "措施", arabic, refM)
	group := func(num string, title *string, path string, p *partsEditor) fyne.CanvasObject {
		e := widget.NewEntry()
		e.SetText(*title)
		e.OnChanged = func(v string) {
			*title = v
			ed.changed()
		}
		s.fields[path] = e
		n := widget.NewLabel(num)
		n.TextStyle.Bold = true
		return container.NewVBox(container.NewBorder(nil, nil, n, nil, e), container.NewPadded(p.box))
	}
	box := container.NewVBox(heading(sec.Title()), hint(sec.Hint),
		group("（一）", &r.Improvement.ProblemsTitle, reports.FieldProblemsTitle, s.problems),
		group("（二）", &r.Improvement.MeasuresTitle, reports.FieldMeasuresTitle, s.measures))
	s.scroll = container.NewScroll(container.NewPadded(box))
	s.problems.scroll, s.measures.scroll = s.scroll, s.scroll
	return s
}

func (s *improvementScreen) object() fyne.CanvasObject { return s.scroll }

func (s *improvementScreen) focus(loc reports.Location) bool {
	return focusField(s.ed, s.scroll, loc, s.fields, s.problems.fields, s.measures.fields)
}

// otherScreen is 六、其他需要报告的事项.
type otherScreen struct {
	ed     *Editor
	items  *partsEditor
	fields map[string]fyne.Focusable
	scroll *container.Scroll
}

func newOtherScreen(ed *Editor) *otherScreen {
	r := ed.report
	s := &otherScreen{ed: ed, fields: map[string]fyne.Focusable{}}
	sec := r.Tmpl().Section(reports.SectionOther)
	var last *reports.Report
	var ref []reports.Part
	if r.LastYear != nil {
		last = r.LastYear
		ref = append([]reports.Part{}, last.Other.Items...)
	}
	fee := newTextArea(r.Other.Fee, "信息处理费的收取情况", 2, func(v string) {
		r.Other.Fee = v
		ed.changed()
	})
	fill := widget.NewButton("填入“未收取”的标准说法", func() { fee.entry.SetText(reports.DefaultFeeStatement) })
	text := newTextArea(r.Other.Text, "其他需要报告的事项；没有可留空", 4, func(v string) {
		r.Other.Text = v
		ed.changed()
	})
	s.fields[reports.FieldFee] = fee.entry
	s.fields[reports.FieldOtherText] = text.entry
	s.items = newPartsEditor(ed, &r.Other.Items, reports.FieldOtherItems, "事项", func() reports.Numbering { return reports.NumberParen }, ref)
	var feeRef, textRef fyne.CanvasObject
	if last != nil {
		feeRef = reference("信息处理费", last.Other.Fee)
		textRef = reference("其他事项", last.Other.Text)
	}
	box := container.NewVBox(heading(sec.Title()))
	if sec.Hint != "" {
		box.Add(hint(sec.Hint))
	}
	box.Add(widget.NewLabel("信息处理费"))
	box.Add(beside(container.NewBorder(nil, nil, nil, container.NewVBox(fill), fee.obj), feeRef))
	box.Add(widget.NewLabel("其他事项"))
	box.Add(beside(text.obj, textRef))
	box.Add(widget.NewLabel("另列的事项（有标题的条目）"))
	box.Add(s.items.box)
	s.scroll = container.NewScroll(container.NewPadded(box))
	s.items.scroll = s.scroll
	return s
}

func (s *otherScreen) object() fyne.CanvasObject { return s.scroll }

func (s *otherScreen) focus(loc reports.Location) bool {
	return focusField(s.ed, s.scroll, loc, s.fields, s.items.fields)
}
