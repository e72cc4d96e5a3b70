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
	// RecoveryDelay is how long after the last edit the recovery copy is
	// written; 0 means recoveryDelay (3 s).
	RecoveryDelay time.Duration
	// Args are the command line arguments: a report file to open, or none.
	Args []string
	// Screen is the work area of the screen the window opens on, in Fyne's
	// units; zero when unknown.
	Screen fyne.Size
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
	// body holds the editor, or the start page (onStart) when the window
	// started without a report.
	body    *fyne.Container
	startPg *startPage
	onStart bool
	doc     fileState // the file's lock, its state on disk, read-only
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
	if opts.RecoveryDelay == 0 {
		opts.RecoveryDelay = recoveryDelay
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
	s.body = container.NewStack(s.editor.Object())
	w.SetContent(container.NewBorder(container.NewVBox(s.toolbar(), s.fileBanner()), statusBar, nil, nil, s.body))
	w.SetMainMenu(s.menu())
	s.shortcuts()
	w.SetCloseIntercept(s.onClose)
	w.SetOnDropped(s.onDropped)
	s.restoreLayout()
	s.editor.WatchFocus()
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
		s.showStartPage()
		s.showError("无法打开报告文件。", s.openErr, "文件没有被改动。请从下面选一种方式开始；如果这是另存的副本，可以试试同一文件夹里的 .bak 备份。")
	case s.path != "":
		s.claimInitial()
	default:
		s.showStartPage()
		s.setStatus("请选择：新建本年度报告、从上年报告开始，或打开已有的报告。")
	}
	if s.recovery != nil {
		s.offerRecoveryAtStart()
		go s.autosaveLoop()
	}
	s.startHarness()
}

func (s *shell) onFirstFrame() {
	s.firstFrame.Store(true)
	s.fitFirstFrame()
	// Starting leaves garbage behind (font tables parsed for measuring,
	// the checks, the forms built twice): hand it back to the system.
	go debug.FreeOSMemory()
	harnessFirstFrame()
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
		b("导出Word", theme.DocumentIcon(), s.onExportWord),
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
		fyne.NewMenuItem("恢复未保存的修改…", s.onRecoveryMenu),
		fyne.NewMenuItemSeparator(),
		item("保存", func() { s.onSave(nil) }, fyne.KeyS),
		saveAs,
		fyne.NewMenuItemSeparator(),
		item("导出PDF…", s.onExportPDF, ""),
		item("导出Word…", s.onExportWord, ""),
		item("打印…", s.onPrint, fyne.KeyP),
	)
	file.Items = append(file.Items, s.exportItems()...)
	file.Items = append(file.Items, fyne.NewMenuItem("审核各单位报告…", s.onAudit))
	file.Items = append(file.Items, fyne.NewMenuItemSeparator(), quit)
	check := fyne.NewMenu("检查", fyne.NewMenuItem("立即检查", s.onCheck))
	help := fyne.NewMenu("帮助",
		fyne.NewMenuItem("使用说明", s.onGuide),
		fyne.NewMenuItem("快捷键", func() {
			dialog.ShowInformation("快捷键", "Ctrl+N 新建\nCtrl+O 打开\nCtrl+S 保存\nCtrl+Shift+S 另存为\nCtrl+P 打印\nCtrl+1 … Ctrl+8 基本信息、一 … 六、落款与打印\n表格中：Tab / Shift+Tab 右移 / 左移，Enter / Shift+Enter 或 ↓ / ↑ 下移 / 上移，进入格子即全选，直接输入即替换\n也可以把 .nianbao 文件拖到窗口上打开。", s.win)
		}),
		fyne.NewMenuItem("关于", func() {
			dialog.ShowInformation("关于", fmt.Sprintf("%s %s\n按国务院办公厅 2021 年版（及 2019 年版）模板\n编写政府信息公开工作年度报告。\n不联网，数据只保存在本机。", version.AppName, version.Number), s.win)
		}),
	)
	return fyne.NewMainMenu(file, s.gotoMenu(), check, help)
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

// partKeys are the keys that, with Ctrl, show the parts of the report in
// the navigation list's order.
var partKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8}

// gotoMenu lists the parts of the report with Ctrl+1 … Ctrl+8: each shows
// its part and focuses its first field. (A shortcut works while a field
// has the focus only as a menu item's: Fyne gives others to the field.)
func (s *shell) gotoMenu() *fyne.Menu {
	m := fyne.NewMenu("转到")
	_, titles := s.editor.Parts()
	for i, title := range titles {
		it := fyne.NewMenuItem(title, func() { s.editor.ShowPart(i) })
		if i < len(partKeys) {
			it.Shortcut = &desktop.CustomShortcut{KeyName: partKeys[i], Modifier: fyne.KeyModifierShortcutDefault}
		}
		m.Items = append(m.Items, it)
	}
	return m
}

func (s *shell) onEdited() {
	s.edits++
	s.scheduleAutosave()
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
	if s.needReport() {
		return
	}
	s.editor.CheckNow()
	errs, warns := reports.CountSeverity(s.editor.Findings())
	if errs+warns == 0 {
		s.setStatus("检查完毕：未发现问题。")
	} else {
		s.setStatus("检查完毕：错误 %d 条，警告 %d 条，见窗口下方的检查结果。", errs, warns)
	}
}

// setReport shows a report opened, created or recovered.
func (s *shell) setReport(r *reports.Report, path string, dirty bool) {
	s.showEditor()
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
	s.saveLayout()
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
