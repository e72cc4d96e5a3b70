package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"nianbao/app/sysdialog"
	"nianbao/reports"
)

const (
	prefRecent     = "recent_files"
	prefLastFolder = "last_folder"
	maxRecent      = 8
)

// confirmDiscard runs next at once when there are no unsaved changes, and
// otherwise asks first: 保存 (then next), 不保存 (next), 取消.
func (s *shell) confirmDiscard(next func()) {
	if !s.dirty {
		next()
		return
	}
	var d *dialog.CustomDialog
	save := widget.NewButton("保存", func() {
		d.Hide()
		s.onSave(next)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("不保存", func() {
		d.Hide()
		next()
	})
	cancel := widget.NewButton("取消", func() { d.Hide() })
	msg := widget.NewLabel(fmt.Sprintf("“%s”有未保存的修改。要先保存吗？", fileTitle(s.path)))
	d = dialog.NewCustomWithoutButtons("未保存的修改", msg, s.win)
	d.SetButtons([]fyne.CanvasObject{save, discard, cancel})
	d.Show()
}

// onClose is the window's close button and 退出.
func (s *shell) onClose() {
	s.confirmDiscard(s.quit)
}

// onNew offers a blank report for a year, a start from last year's file,
// or the sample.
func (s *shell) onNew() {
	s.confirmDiscard(s.showNewDialog)
}

// showNewDialog asks how to begin. With a report open it defaults to
// beginning the next year from that report (its year + 1).
func (s *shell) showNewDialog() {
	var current *reports.Report
	if !s.onStart {
		current = s.editor.Report()
	}
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(defaultYear()))
	if current != nil {
		year.SetText(strconv.Itoa(current.Year + 1))
	}
	var d *dialog.CustomDialog
	readYear := func() (int, bool) {
		y, err := reports.ParseYear(year.Text)
		if err != nil {
			dialog.ShowInformation("年度不对", err.Error()+"。", s.win)
			return 0, false
		}
		return y, true
	}
	blank := widget.NewButton("空白报告", func() {
		if y, ok := readYear(); ok {
			d.Hide()
			s.newBlank(y)
		}
	})
	fromFile := func() {
		if y, ok := readYear(); ok {
			d.Hide()
			s.chooseFile("选择上年的报告文件", "打开", []string{reports.FileExtension}, func(path string) { s.startFromLastYear(path, y) })
		}
	}
	sample := widget.NewButton("示例报告（别斯托别乡 2023 年度）", func() {
		d.Hide()
		s.openSample()
	})
	note := widget.NewLabel("从上年报告开始：机关、联系方式、栏目标题和“上年结转”等数字自动带入，\n正文留空，上年正文显示在编辑框旁作参考。")
	var buttons []fyne.CanvasObject
	var first *widget.Button
	if current != nil {
		first = widget.NewButton(fmt.Sprintf("从当前报告（%d 年度）开始", current.Year), func() {
			if y, ok := readYear(); ok {
				d.Hide()
				s.startFrom(current, fileTitle(s.path), y)
			}
		})
		buttons = append(buttons, first, widget.NewButton("从其他上年报告文件开始…", fromFile), blank, sample)
	} else {
		first = blank
		buttons = append(buttons, blank, widget.NewButton("从上年报告开始…", fromFile), sample)
	}
	first.Importance = widget.HighImportance
	body := container.NewVBox(widget.NewForm(widget.NewFormItem("报告年度", year)), note)
	body.Objects = append(body.Objects, buttons...)
	d = dialog.NewCustom("新建报告", "取消", body, s.win)
	d.Show()
}

// newBlank shows a new blank report for year, not yet saved.
func (s *shell) newBlank(year int) {
	s.setReport(reports.New(year), "", false)
	s.setStatus("新建了 %d 年度的空白报告（%s 年版模板）。先填“基本信息”。", year, reports.VersionForYear(year))
}

// openSample shows the built-in sample report, to be saved as the clerk's own.
func (s *shell) openSample() {
	s.setReport(reports.Sample(), "", false)
	s.setStatus("打开了示例报告。可以修改后另存为自己的文件。")
}

// startFromLastYear loads last year's file and starts the year from it.
func (s *shell) startFromLastYear(path string, year int) {
	prev, err := reports.Load(path)
	if err != nil {
		s.showError("无法读取上年的报告。", err, "请确认选择的是上年保存的 .nianbao 文件。")
		return
	}
	s.startFrom(prev, filepath.Base(path), year)
}

// startFrom begins the report for year from last year's report prev (named
// name in the status line); a year not after prev's is prev's year + 1.
func (s *shell) startFrom(prev *reports.Report, name string, year int) {
	if year <= prev.Year {
		year = prev.Year + 1
	}
	s.setReport(reports.NextYear(prev, year), "", true)
	s.setStatus("已从 %s（%d 年度）开始 %d 年度的报告。请保存为新文件。", name, prev.Year, year)
}

// onOpen chooses a report file and opens it.
func (s *shell) onOpen() {
	s.confirmDiscard(func() { s.chooseFile("打开报告", "打开", []string{reports.FileExtension}, s.openPath) })
}

// chooseFolder chooses a folder with the system's dialog where there is
// one, else Fyne's.
func (s *shell) chooseFolder(title, confirm string, then func(dir string)) {
	dir := s.folderOf()
	s.systemDialog(func(owner uintptr) (string, error) {
		return sysdialog.Folder(owner, title, dir)
	}, then, func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				s.showError("无法打开所选文件夹。", err, "")
				return
			}
			if l != nil {
				then(l.Path())
			}
		}, s.win)
		fd.SetTitleText(title)
		fd.SetConfirmText(confirm)
		fd.SetDismissText("取消")
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
		}
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
}

// chooseFile shows the open dialog for files with the given extensions,
// starting in the last folder used, and calls then with the chosen path:
// the system's own dialog on Windows, Fyne's elsewhere.
func (s *shell) chooseFile(title, confirm string, exts []string, then func(path string)) {
	dir := s.folderOf()
	s.systemDialog(func(owner uintptr) (string, error) {
		return sysdialog.Open(owner, title, dir, fileFilters(exts))
	}, then, func() { s.fyneOpen(title, confirm, exts, then) })
}

// fyneOpen is chooseFile with Fyne's open dialog.
func (s *shell) fyneOpen(title, confirm string, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError("无法打开所选文件。", err, "")
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		then(path)
	}, s.win)
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	d.SetDismissText("取消")
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if l, err := storage.ListerForURI(storage.NewFileURI(s.folderOf())); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// openPath opens a report file, or says why it cannot.
func (s *shell) openPath(path string) {
	r, disk, err := reports.LoadState(path)
	if err != nil {
		s.showError("无法打开报告文件。", err, "文件没有被改动。如果这是另存的副本，可以试试同一文件夹里的 .bak 备份。")
		return
	}
	abs, _ := filepath.Abs(path)
	s.claim(abs, r, disk, func() {
		s.addRecent(abs)
		s.offerRecoveryFor(abs)
	})
}

// onSave saves to the report's file, or asks for one; then runs next.
func (s *shell) onSave(next func()) {
	if s.needReport() {
		return
	}
	if s.path == "" {
		s.onSaveAs(next)
		return
	}
	s.saveChecked(next)
}

// saveTo writes the report to path and reports whether it did.
func (s *shell) saveTo(path string) bool {
	lock, ok := s.claimTarget(path)
	if !ok {
		return false
	}
	disk, err := reports.SaveState(path, s.editor.Report())
	if err != nil {
		if lock != s.doc.lock {
			lock.Release()
		}
		s.saveFailed(path, err)
		return false
	}
	if lock != s.doc.lock {
		s.releaseLock() // 另存为: the lock moves to the new file
		s.doc.lock = lock
	}
	s.doc.disk, s.doc.readOnly = disk, ""
	s.showBanner()
	s.path = path
	s.dirty = false
	s.updateTitle()
	s.addRecent(path)
	if s.recovery != nil {
		s.recovery.clear()
	}
	s.setStatus("已保存到 %s", path)
	return true
}

// suggestedName is the file name offered for a report: 别斯托别乡2023年度报告.
func (s *shell) suggestedName(ext string) string {
	r := s.editor.Report()
	if s.path != "" && ext == reports.FileExtension {
		return filepath.Base(s.path)
	}
	if s.path != "" {
		return strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path)) + ext
	}
	name := r.Organ.ShortName
	if name == "" {
		name = "政府信息公开"
	}
	return fmt.Sprintf("%s%d年度报告%s", sanitize(name), r.Year, ext)
}

// sanitize removes characters Windows does not allow in file names.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 32 {
			return '_'
		}
		return r
	}, s)
}

// onSaveAs asks for a folder and a file name, then saves; then runs next.
func (s *shell) onSaveAs(next func()) {
	if s.needReport() {
		return
	}
	s.askPath("另存为", reports.FileExtension, func(path string) {
		if path == s.path { // the file itself: as 保存, with its checks
			s.saveChecked(next)
			return
		}
		if s.saveTo(path) && next != nil {
			next()
		}
	})
}

// askPath asks where to write a file with extension ext: with the system's
// save dialog on Windows (which itself asks before an existing file is
// replaced), elsewhere with fyneAskPath. Neither creates anything before
// the caller writes.
func (s *shell) askPath(title, ext string, then func(path string)) {
	s.askPathNamed(title, s.suggestedName(ext), ext, then)
}

// askPathNamed is askPath offering name as the file name.
func (s *shell) askPathNamed(title, name, ext string, then func(path string)) {
	dir := s.folderOf()
	s.systemDialog(func(owner uintptr) (string, error) {
		return sysdialog.Save(owner, title, dir, name, ext, fileFilters([]string{ext}))
	}, func(path string) {
		s.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
		s.guardExport(path, ext, then)
	}, func() { s.fyneAskPath(title, name, ext, func(path string) { s.guardExport(path, ext, then) }) })
}

// fyneAskPath asks for a folder (chosen with Fyne's folder dialog) and a
// file name. Unlike Fyne's save dialog it creates nothing until the caller
// writes, so an existing file is never truncated before the caller's own
// checks.
func (s *shell) fyneAskPath(title, suggested, ext string, then func(path string)) {
	folder := s.folderOf()
	folderLabel := widget.NewLabel(folder)
	folderLabel.Wrapping = fyne.TextWrapBreak
	name := widget.NewEntry()
	name.SetText(suggested)
	choose := widget.NewButton("选择文件夹…", func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				folderLabel.SetText(folder)
			}
		}, s.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			fd.SetLocation(l)
		}
		fd.SetConfirmText("选择")
		fd.SetDismissText("取消")
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	form := widget.NewForm(
		widget.NewFormItem("文件夹", container.NewBorder(nil, nil, nil, choose, folderLabel)),
		widget.NewFormItem("文件名", name),
	)
	d := dialog.NewCustomConfirm(title, "保存", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		n := strings.TrimSpace(name.Text)
		if n == "" {
			dialog.ShowInformation(title, "请填写文件名。", s.win)
			return
		}
		if !strings.EqualFold(filepath.Ext(n), ext) {
			n += ext
		}
		path := filepath.Join(folder, sanitize(n))
		s.app.Preferences().SetString(prefLastFolder, folder)
		if _, err := os.Stat(path); err == nil && path != s.path {
			dialog.ShowConfirm("文件已存在", fmt.Sprintf("“%s”已存在。要替换它吗？\n（旧文件会保留为同名的 .bak 备份）", filepath.Base(path)), func(ok bool) {
				if ok {
					then(path)
				}
			}, s.win)
			return
		}
		then(path)
	}, s.win)
	d.Resize(fyne.NewSize(640, 220))
	d.Show()
}

// onDropped opens the first report file dropped on the window.
func (s *shell) onDropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if strings.EqualFold(u.Extension(), reports.FileExtension) {
			path := u.Path()
			s.confirmDiscard(func() { s.openPath(path) })
			return
		}
	}
	if len(uris) > 0 {
		dialog.ShowInformation("无法打开", fmt.Sprintf("“%s”不是年报文件（.nianbao）。\n导入 Word、PDF 或 Excel 报告请用“文件 → 导入”。", uris[0].Name()), s.win)
	}
}

// recentFiles are the report files opened or saved lately, newest first.
func (s *shell) recentFiles() []string {
	return s.app.Preferences().StringList(prefRecent)
}

func (s *shell) addRecent(path string) {
	list := []string{path}
	for _, p := range s.recentFiles() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	s.app.Preferences().SetStringList(prefRecent, list)
	s.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
	s.win.SetMainMenu(s.menu())
}
