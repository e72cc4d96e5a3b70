package forms

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// navItem is one line of the navigation list: the part's title and, on the
// right, a red ● with the number of errors and an orange ▲ with warnings.
type navItem struct {
	widget.BaseWidget
	title      *widget.Label
	errs, warn *canvas.Text
}

func newNavItem() fyne.CanvasObject {
	n := &navItem{
		title: widget.NewLabel(""),
		errs:  canvas.NewText("", errColor),
		warn:  canvas.NewText("", warnColor),
	}
	n.title.Truncation = fyne.TextTruncateEllipsis
	n.ExtendBaseWidget(n)
	return n
}

func (n *navItem) set(title string, errs, warns int) {
	n.title.SetText(title)
	n.errs.Text, n.warn.Text = "", ""
	if errs > 0 {
		n.errs.Text = "●" + strconv.Itoa(errs)
	}
	if warns > 0 {
		n.warn.Text = "▲" + strconv.Itoa(warns)
	}
	n.errs.Refresh()
	n.warn.Refresh()
}

// Marks is the mark text shown, e.g. "●2 ▲1", for tests.
func (n *navItem) Marks() string { return n.errs.Text + " " + n.warn.Text }

// CreateRenderer lays the title out with the marks on the right.
func (n *navItem) CreateRenderer() fyne.WidgetRenderer {
	marks := container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*2),
		container.NewHBox(container.NewCenter(n.errs), container.NewCenter(n.warn)))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, marks, n.title))
}

// findingsPanel lists the findings of the last check; tapping one jumps to
// the field or cell.
type findingsPanel struct {
	ed       *Editor
	summary  *widget.Label
	list     *widget.List
	findings []reports.Finding
	watch    *widthWatch // the list's width, for the heights of wrapped lines
	obj      fyne.CanvasObject
}

func newFindingsPanel(ed *Editor) *findingsPanel {
	p := &findingsPanel{ed: ed, summary: widget.NewLabel("")}
	p.summary.TextStyle.Bold = true
	p.list = widget.NewList(
		func() int { return len(p.findings) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapBreak
			// The icon stands beside the first line of a wrapped message.
			top := (textHeight("国", 1000, false) - theme.IconInlineSize()) / 2
			icon := container.New(layout.NewCustomPaddedLayout(top, 0, 0, 0), container.NewVBox(widget.NewIcon(theme.ErrorIcon())))
			return container.NewBorder(nil, nil, icon, nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			f := p.findings[id]
			c := o.(*fyne.Container)
			l := c.Objects[0].(*widget.Label)
			icon := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Icon)
			switch f.Severity {
			case reports.Error:
				icon.SetResource(theme.NewErrorThemedResource(theme.ErrorIcon()))
			case reports.Warning:
				icon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
			default:
				icon.SetResource(theme.InfoIcon())
			}
			l.SetText(p.line(f))
		},
	)
	p.list.OnSelected = func(id widget.ListItemID) {
		if id < len(p.findings) {
			f := p.findings[id]
			p.list.UnselectAll()
			p.ed.Goto(f.Location)
		}
	}
	p.watch = &widthWatch{onWidth: p.fitHeights}
	p.obj = container.NewBorder(p.summary, nil, nil, nil, container.New(p.watch, p.list))
	return p
}

// fitHeights gives every line of the list the height its wrapped message
// needs at the list's width w, so that no message is cut off.
func (p *findingsPanel) fitHeights(w float32) {
	if w <= 0 {
		return
	}
	iconW := theme.IconInlineSize() + theme.Padding()
	for i, f := range p.findings {
		p.list.SetItemHeight(i, textHeight(p.line(f), w-iconW-2*theme.Padding(), false))
	}
}

// widthWatch lays out its one object at full size and reports each new
// width, for lists whose line heights depend on it.
type widthWatch struct {
	onWidth func(w float32)
	last    float32 // the width last laid out
}

// Layout fills size with the object, reporting a changed width first.
func (l *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.last {
		l.last = size.Width
		l.onWidth(size.Width)
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the object's.
func (l *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

func (p *findingsPanel) object() fyne.CanvasObject { return p.obj }

// line is how a finding reads in the list: severity, part, message.
func (p *findingsPanel) line(f reports.Finding) string {
	part := p.ed.partTitle(p.ed.partOf(f.Location))
	if strings.Contains(f.Message, part) {
		return f.Severity.Chinese() + "　" + f.Message
	}
	return fmt.Sprintf("%s　%s：%s", f.Severity.Chinese(), part, f.Message)
}

func (p *findingsPanel) set(fs []reports.Finding) {
	// Errors first (they must be fixed), each group in the checks' order.
	fs = append([]reports.Finding(nil), fs...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Severity > fs[j].Severity })
	p.findings = fs
	p.fitHeights(p.watch.last)
	errs, warns := reports.CountSeverity(fs)
	switch {
	case len(fs) == 0:
		p.summary.SetText("检查结果：未发现问题。")
	default:
		p.summary.SetText(fmt.Sprintf("检查结果：错误 %d 条，警告 %d 条（点击一条可跳到相应位置；错误须在发布前改正）", errs, warns))
	}
	p.list.Refresh()
}
