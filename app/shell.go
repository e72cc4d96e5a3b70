package app

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms"
	"nianbao/reports"
	"nianbao/reports/pdf"
	"nianbao/version"
)

// Options configure the shell.
type Options struct {
	// RecoveryDir is where recovery copies are written; "" disables them.
	RecoveryDir string
	// AutosaveEvery is the interval of recovery copies; 0 means 30 s.
	AutosaveEvery time.Duration
	// Args are the command line arguments: a report file to open, or none.
	Args []string
}

// shell is the main window: menus, toolbar, the report editor, the status
// line, and the state of the open file.
type shell struct {
	app    fyne.App
	win    fyne.Window
	opts   Options
	editor *forms.Editor

	path      string // the report's file, "" for a report never saved
	dirty     bool
	edits     int // counts edits, so autosave skips unchanged reports
	autosaved int
	recovery  *recovery
	doc       fileState // the file's lock, its state on disk, read-only
	// systemDialogOpen is set while one of Windows' file dialogs is shown.
	systemDialogOpen bool

	status   *widget.Label
	progress *widget.ProgressBarInfinite
	busy     []fyne.Disableable // disabled while a PDF renders

	openErr error // why the file named on the command line did not open
	// render writes the PDF; tests wrap it to hold it back.
	render     func(path string, r *reports.Report) (*pdf.Document, error)
	firstFrame atomic.Bool
	frameOnce  sync.Once
	stop       chan struct{}
}

func newShell(a fyne.App, w fyne.Window, opts Options) *shell {
	if opts.AutosaveEvery == 0 {
		opts.AutosaveEvery = 30 * time.Second
	}
	s := &shell{app: a, win: w, opts: opts, stop: make(chan struct{}), render: renderPDFFile}
	if opts.RecoveryDir != "" {
		s.recovery = newRecovery(opts.RecoveryDir)
	}
	r, path, openErr := initialReport(opts.Args, &s.doc.disk)
	s.path = path
	s.openErr = openErr
	s.editor = forms.NewEditor(w, r, check)
	s.editor.OnChanged = s.onEdited
	s.editor.FontStatus = officialFontStatus
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Stop()
	s.progress.Hide()

	// A one-pixel raster: its generator runs when the first frame is drawn.
	probe := canvas.NewRaster(func(int, int) image.Image {
		s.frameOnce.Do(s.onFirstFrame)
		return image.NewUniform(color.Transparent)
	})
	probe.SetMinSize(fyne.NewSize(1, 1))

	statusBar := container.NewBorder(nil, nil, nil, container.NewHBox(container.NewGridWrap(fyne.NewSize(160, 20), s.progress), probe), s.status)
	w.SetContent(container.NewBorder(container.NewVBox(s.toolbar(), s.fileBanner()), statusBar, nil, nil, s.editor.Object()))
	w.SetMainMenu(s.menu())
	s.shortcuts()
	w.SetCloseIntercept(s.onClose)
	w.SetOnDropped(s.onDropped)
	w.Resize(fyne.NewSize(1180, 700))
	a.Lifecycle().SetOnExitedForeground(s.autosave)
	s.updateTitle()
	return s
}

// initialReport is the report the window starts with: the file named on
// the command line (its state on disk into disk), or a blank report for
// last year.
func initialReport(args []string, disk *reports.DiskState) (*reports.Report, string, error) {
	if len(args) > 0 && args[0] != "" {
		r, st, err := reports.LoadState(args[0])
		*disk = st
		if err == nil {
			abs, _ := filepath.Abs(args[0])
			return r, abs, nil
		}
		return reports.New(defaultYear()), "", err
	}
	return reports.New(defaultYear()), "", nil
}

// start says what was opened (or why not), offers recovery copies left by
// a crash, and starts the autosave timer.
func (s *shell) start() {
	switch {
	case s.openErr != nil:
		s.showError("无法打开报告文件，已新建一份空白报告。", s.openErr, "文件没有被改动。如果这是另存的副本，可以试试同一文件夹里的 .bak 备份。")
	case s.path != "":
		s.claimInitial()
	default:
		s.setStatus("新建了 %d 年度的空白报告。可从“文件”菜单打开已有报告，或从上年报告开始。", defaultYear())
	}
	if s.recovery != nil {
		s.offerRecovery()
		go s.autosaveLoop()
	}
	if dir := os.Getenv(EnvTour); dir != "" {
		go s.tour(dir)
	}
}

func (s *shell) onFirstFrame() {
	s.firstFrame.Store(true)
	// Starting leaves garbage behind (font tables parsed for measuring,
	// the checks, the forms built twice): hand it back to the system.
	go debug.FreeOSMemory()
	if os.Getenv(EnvTiming) != "" {
		fmt.Fprintf(os.Stderr, "nianbao-timing first-frame=%d\n", time.Now().UnixNano())
	}
}

func (s *shell) frameShown() bool { return s.firstFrame.Load() }

// toolbar is the row of the most used actions, with words, not only icons.
func (s *shell) toolbar() fyne.CanvasObject {
	b := func(label string, icon fyne.Resource, f func()) *widget.Button {
		btn := widget.NewButtonWithIcon(label, icon, f)
		btn.Importance = widget.LowImportance
		return btn
	}
	pdfBtn := b("导出PDF", theme.DocumentIcon(), s.onExportPDF)
	printBtn := b("打印", theme.DocumentPrintIcon(), s.onPrint)
	s.busy = append(s.busy, pdfBtn, printBtn)
	return container.NewVBox(container.NewHBox(
		b("新建", theme.FileIcon(), s.onNew),
		b("打开", theme.FolderOpenIcon(), s.onOpen),
		b("保存", theme.DocumentSaveIcon(), func() { s.onSave(nil) }),
		b("另存为", theme.DocumentSaveIcon(), func() { s.onSaveAs(nil) }),
		widget.NewSeparator(),
		pdfBtn, printBtn,
		widget.NewSeparator(),
		b("检查", theme.ConfirmIcon(), s.onCheck),
	), widget.NewSeparator())
}

// menu is the main menu; 最近打开 lists the recent files.
func (s *shell) menu() *fyne.MainMenu {
	item := func(label string, f func(), key fyne.KeyName) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		}
		return it
	}
	recent := fyne.NewMenuItem("最近打开", nil)
	for _, p := range s.recentFiles() {
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(p, func() { s.confirmDiscard(func() { s.openPath(p) }) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	saveAs := fyne.NewMenuItem("另存为…", func() { s.onSaveAs(nil) })
	saveAs.Shortcut = saveAsShortcut
	quit := fyne.NewMenuItem("退出", func() { s.onClose() })
	quit.IsQuit = true
	file := fyne.NewMenu("文件",
		item("新建…", s.onNew, fyne.KeyN),
		item("打开…", s.onOpen, fyne.KeyO),
		recent,
		fyne.NewMenuItemSeparator(),
		item("保存", func() { s.onSave(nil) }, fyne.KeyS),
		saveAs,
		fyne.NewMenuItemSeparator(),
		item("导出PDF…", s.onExportPDF, ""),
		item("打印…", s.onPrint, fyne.KeyP),
	)
	file.Items = append(file.Items, s.exportItems()...)
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), quit)
	check := fyne.NewMenu("检查", fyne.NewMenuItem("立即检查", s.onCheck))
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("快捷键", func() {
			dialog.ShowInformation("快捷键", "Ctrl+N 新建\nCtrl+O 打开\nCtrl+S 保存\nCtrl+Shift+S 另存为\nCtrl+P 打印\n也可以把 .nianbao 文件拖到窗口上打开。", s.win)
		}),
		fyne.NewMenuItem("关于", func() {
			dialog.ShowInformation("关于", fmt.Sprintf("%s %s\n按国务院办公厅 2021 年版（及 2019 年版）模板\n编写政府信息公开工作年度报告。\n不联网，数据只保存在本机。", version.AppName, version.Number), s.win)
		}),
	)
	return fyne.NewMainMenu(file, check, help)
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

// saveAsShortcut is Ctrl+Shift+S, 另存为.
var saveAsShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}

// shortcuts binds Ctrl+N/O/S/P and Ctrl+Shift+S on the window (the menu
// shows them too).
func (s *shell) shortcuts() {
	s.win.Canvas().AddShortcut(saveAsShortcut, func(fyne.Shortcut) { s.onSaveAs(nil) })
	for key, f := range map[fyne.KeyName]func(){
		fyne.KeyN: s.onNew,
		fyne.KeyO: s.onOpen,
		fyne.KeyS: func() { s.onSave(nil) },
		fyne.KeyP: s.onPrint,
	} {
		s.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
}

func (s *shell) onEdited() {
	s.edits++
	if !s.dirty {
		s.dirty = true
		s.updateTitle()
	}
}

// updateTitle shows the file name and * when there are unsaved changes.
func (s *shell) updateTitle() {
	mark := ""
	if s.dirty {
		mark = " *"
	}
	s.win.SetTitle(fmt.Sprintf("%s%s%s — %s", fileTitle(s.path), s.titleNote(), mark, version.AppName))
}

func (s *shell) setStatus(format string, a ...any) {
	s.status.SetText(fmt.Sprintf(format, a...))
}

func (s *shell) onCheck() {
	s.editor.CheckNow()
	var errs, warns int
	for _, f := range s.editor.Findings() {
		if f.Severity == reports.Error {
			errs++
		} else {
			warns++
		}
	}
	if errs+warns == 0 {
		s.setStatus("检查完毕：未发现问题。")
	} else {
		s.setStatus("检查完毕：错误 %d 条，警告 %d 条，见窗口下方的检查结果。", errs, warns)
	}
}

// setReport shows a report opened, created or recovered.
func (s *shell) setReport(r *reports.Report, path string, dirty bool) {
	s.leaveFile(path)
	s.editor.SetReport(r)
	s.path = path
	s.dirty = dirty
	s.edits++
	s.autosaved = 0
	if dirty {
		s.autosaved = -1
	}
	s.updateTitle()
}

// showError shows what went wrong and what to do; nothing typed is lost.
func (s *shell) showError(what string, err error, todo string) {
	msg := what
	if err != nil {
		msg += "\n\n" + errorText(err)
	}
	if todo != "" {
		msg += "\n\n" + todo
	}
	d := dialog.NewError(errors.New(msg), s.win)
	d.Show()
	s.setStatus("%s", what)
}

// errorText is an error's Chinese message without Go's wrapping prefixes.
func errorText(err error) string {
	var fe *reports.FileError
	if errors.As(err, &fe) {
		return fe.Error()
	}
	return strings.TrimSpace(err.Error())
}

// quit closes the window for good (the unsaved-changes question was asked).
func (s *shell) quit() {
	select {
	case <-s.stop:
	default:
		close(s.stop)
	}
	if s.recovery != nil {
		s.recovery.clear()
	}
	s.releaseLock()
	s.win.SetCloseIntercept(nil)
	s.win.Close()
}

// folderOf is the folder dialogs start in: the open file's, or the last used.
func (s *shell) folderOf() string {
	if s.path != "" {
		return filepath.Dir(s.path)
	}
	if d := s.app.Preferences().String("last_folder"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if h, err := os.UserHomeDir(); err == nil {
		for _, sub := range []string{"Documents", "文档", "Desktop", "桌面"} {
			if st, err := os.Stat(filepath.Join(h, sub)); err == nil && st.IsDir() {
				return filepath.Join(h, sub)
			}
		}
		return h
	}
	return "."
}
