package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/version"
)

// startPage is what the window shows when it starts without a report: the
// ways to begin (新建本年度报告, 从上年报告开始, 打开, 最近打开, 看看示例)
// instead of a blank report that nobody asked for.
type startPage struct {
	s      *shell
	root   fyne.CanvasObject
	recent *fyne.Container
	// first is focused when the page is shown, so Enter starts a report.
	first *widget.Button
}

// Widths of the start page's column and of its buttons.
const (
	startWidth       = 680
	startButtonWidth = 230
)

func newStartPage(s *shell) *startPage {
	p := &startPage{s: s, recent: container.NewVBox()}
	year := defaultYear()
	// The buttons are all of one kind: the focus, on the first one when
	// the page shows, is what marks the default (Fyne draws no focus on a
	// blue high-importance button).
	action := func(label, note string, icon fyne.Resource, f func()) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Alignment = widget.ButtonAlignLeading
		if p.first == nil {
			p.first = b
		}
		n := widget.NewLabel(strings.Join(breakLines(note, startWidth-startButtonWidth-4*theme.Padding(), labelWidth), "\n"))
		return container.NewBorder(nil, nil, container.NewVBox(container.NewGridWrap(fyne.NewSize(startButtonWidth, b.MinSize().Height), b)), nil, n)
	}
	title := widget.NewLabel("政府信息公开工作年度报告")
	title.TextStyle.Bold = true
	title.SizeName = theme.SizeNameHeadingText
	sub := widget.NewLabel(fmt.Sprintf("%s %s · 请选择要做的事", version.AppName, version.Number))
	col := container.NewVBox(
		title, sub, widget.NewSeparator(),
		action(fmt.Sprintf("新建 %d 年度报告", year), fmt.Sprintf("空白报告，按 %s 年版模板。", reports.VersionForYear(year)),
			theme.FileIcon(), p.onNewBlank),
		action("从上年报告开始…", "选上年保存的年报文件：机关、联系方式、栏目标题和“上年结转”等数字自动带入，上年正文显示在旁边作参考。",
			theme.ContentCopyIcon(), p.onFromLastYear),
		action("打开…", "打开已保存的年报文件（.nianbao）。", theme.FolderOpenIcon(), s.onOpen),
		action("看看示例", "别斯托别乡2023年度的报告：看看做好的报告是什么样，可随意修改。", theme.InfoIcon(), p.onSample),
		widget.NewSeparator(),
		p.recent,
	)
	p.refreshRecent()
	p.root = container.NewVScroll(container.NewPadded(container.NewHBox(layout.NewSpacer(),
		container.New(&fixedWidth{width: startWidth}, col), layout.NewSpacer())))
	return p
}

// refreshRecent lists the recent files as buttons; missing ones are shown
// disabled, so the clerk sees the file was moved.
func (p *startPage) refreshRecent() {
	p.recent.Objects = nil
	files := p.s.recentFiles()
	head := widget.NewLabel("最近打开")
	head.TextStyle.Bold = true
	p.recent.Add(head)
	if len(files) == 0 {
		p.recent.Add(widget.NewLabel("（还没有打开过报告）"))
	}
	for _, path := range files {
		label := filepath.Base(path) + "    " + shortenPath(filepath.Dir(path), startWidth-260, labelWidth)
		b := widget.NewButtonWithIcon(label, theme.DocumentIcon(), func() { p.s.openPath(path) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if _, err := os.Stat(path); err != nil {
			b.SetText(filepath.Base(path) + "（文件已不在原处）")
			b.Disable()
		}
		p.recent.Add(b)
	}
	p.recent.Refresh()
}

func (p *startPage) onNewBlank() { p.s.newBlank(defaultYear()) }

func (p *startPage) onFromLastYear() {
	p.s.chooseFile("选择上年的报告文件", "打开", []string{reports.FileExtension}, func(path string) {
		p.s.startFromLastYear(path, 0)
	})
}

func (p *startPage) onSample() { p.s.openSample() }

// fixedWidth asks for one width whatever its objects' own: the start
// page's column, centred between spacers, keeps startWidth.
type fixedWidth struct{ width float32 }

// Layout gives every object the whole size, one over the other (the start
// page has one).
func (l *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, size.Height))
	}
}

// MinSize is the width and the tallest object's height.
func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

// showStartPage puts the start page where the editor goes.
func (s *shell) showStartPage() {
	if s.startPg == nil {
		s.startPg = newStartPage(s)
	} else {
		s.startPg.refreshRecent()
	}
	s.onStart = true
	s.win.SetTitle(version.AppName)
	s.body.Objects = []fyne.CanvasObject{s.startPg.root}
	s.body.Refresh()
	s.win.Canvas().Focus(s.startPg.first)
}

// showEditor puts the editor back in place of the start page.
func (s *shell) showEditor() {
	if !s.onStart {
		return
	}
	s.onStart = false
	s.body.Objects = []fyne.CanvasObject{s.editor.Object()}
	s.body.Refresh()
}

// needReport says, on the start page, that an action needs a report first,
// and reports whether it did.
func (s *shell) needReport() bool {
	if !s.onStart {
		return false
	}
	s.setStatus("请先新建或打开一份报告。")
	return true
}
