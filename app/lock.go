package app

import (
	"errors"
	"fmt"
	"image/color"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/reports/filelock"
)

// fileState is what the window knows about the open report's file beyond
// its path: the lock that tells other nianbao it is being edited, the file
// as it was loaded or last saved (to see another program's change before a
// save), and why it is open read-only.
type fileState struct {
	lock     *filelock.Lock
	disk     reports.DiskState
	readOnly string // why the file is open read-only; "" when it can be saved
	asking   string // the file a question about its lock is pending for

	banner     *fyne.Container
	bannerText *widget.Label
}

// fileBanner is the strip under the toolbar that says a file is open
// read-only and offers 另存为; hidden otherwise.
func (s *shell) fileBanner() fyne.CanvasObject {
	s.doc.bannerText = widget.NewLabel("")
	s.doc.bannerText.Wrapping = fyne.TextWrapWord
	s.doc.bannerText.TextStyle = fyne.TextStyle{Bold: true}
	saveAs := widget.NewButtonWithIcon("另存为…", theme.DocumentSaveIcon(), func() { s.onSaveAs(nil) })
	saveAs.Importance = widget.HighImportance
	bg := canvas.NewRectangle(color.NRGBA{R: 0xff, G: 0xe8, B: 0xa6, A: 0xff})
	s.doc.banner = container.NewStack(bg, container.NewBorder(nil, nil,
		widget.NewIcon(theme.WarningIcon()), container.NewCenter(saveAs), s.doc.bannerText))
	s.doc.banner.Hide()
	return s.doc.banner
}

// showBanner shows or hides the read-only strip as the file state says.
func (s *shell) showBanner() {
	if s.doc.banner == nil {
		return
	}
	if s.doc.readOnly == "" {
		s.doc.banner.Hide()
		return
	}
	s.doc.bannerText.SetText("只读打开：" + s.doc.readOnly + "\n可以查看和修改，但不能直接保存到此文件；请用“另存为”保存到其他位置。")
	s.doc.banner.Show()
}

// titleNote is what the window title adds after the file name.
func (s *shell) titleNote() string {
	switch {
	case s.doc.asking != "" && s.doc.asking == s.path:
		return "（正由他人编辑）"
	case s.doc.readOnly != "":
		return "（只读）"
	}
	return ""
}

// leaveFile is called whenever the window shows another report: the lock
// of a file the window no longer has goes, and with it what was known
// about that file.
func (s *shell) leaveFile(path string) {
	if s.doc.lock != nil && s.doc.lock.Report() != path {
		s.releaseLock()
	}
	if path != s.path {
		s.doc.disk = reports.DiskState{}
		s.doc.readOnly = ""
		s.showBanner()
	}
}

// releaseLock removes this window's lock file, saying so when it cannot.
func (s *shell) releaseLock() {
	if err := s.doc.lock.Release(); err != nil {
		s.setStatus("无法删除锁文件：%s", errorText(err))
	}
	s.doc.lock = nil
}

// claim decides how a report file just read is opened: read-only when it
// cannot be saved in place, after asking when another nianbao has it open,
// otherwise for editing with its lock taken. opened runs once it is shown
// (not when the clerk cancels).
func (s *shell) claim(path string, r *reports.Report, disk reports.DiskState, opened func()) {
	if problem := reports.WriteProblem(path); problem != "" {
		s.showFile(r, path, disk, nil, problem)
		opened()
		s.setStatus("已只读打开 %s（%s）", path, problem)
		return
	}
	lock, err := filelock.Acquire(path)
	var locked *filelock.LockedError
	switch {
	case errors.As(err, &locked):
		s.askLocked(locked, r, disk, opened)
		return
	case err != nil:
		s.showFile(r, path, disk, nil, "")
		opened()
		s.setStatus("已打开 %s，但无法创建锁文件（%s）：其他人同时打开时不会收到提示。", path, reports.IOReason(err))
		return
	}
	s.showFile(r, path, disk, lock, "")
	opened()
	s.setStatus("已打开 %s", path)
	if lock.TookOver != nil {
		s.noteTakeOver(path, *lock.TookOver)
	}
}

// noteTakeOver says that a stale lock was taken over.
func (s *shell) noteTakeOver(path string, o filelock.Owner) {
	if o.Host == filelock.Me().Host {
		s.setStatus("已打开 %s（%s打开它的程序已不在运行，留下的锁文件已接管）", path, o.Describe())
		return
	}
	dialog.ShowInformation("已接管锁文件", fmt.Sprintf("“%s”的锁文件显示它曾由 %s打开编辑，至今已超过一天，视为对方忘记关闭或程序异常退出，已由本机接管。\n如果对方仍在编辑，请与对方确认，避免互相覆盖。", filepath.Base(path), o.Describe()), s.win)
}

// showFile shows a report read from path, with its lock (nil when read-only
// or when no lock could be made).
func (s *shell) showFile(r *reports.Report, path string, disk reports.DiskState, lock *filelock.Lock, readOnly string) {
	s.doc.asking = ""
	s.setReport(r, path, false)
	s.doc.lock = lock
	s.doc.disk = disk
	s.doc.readOnly = readOnly
	s.showBanner()
	s.updateTitle()
}

// askLocked tells the second opener who has the file open since when and
// offers 只读打开, 另存副本 and 取消.
func (s *shell) askLocked(locked *filelock.LockedError, r *reports.Report, disk reports.DiskState, opened func()) {
	path := locked.Report
	s.doc.asking = path
	s.updateTitle()
	var d *dialog.CustomDialog
	done := func() {
		d.Hide()
		s.doc.asking = ""
		s.updateTitle()
	}
	readOnly := widget.NewButton("只读打开", func() {
		done()
		s.showFile(r, path, disk, nil, fmt.Sprintf("此文件正由 %s打开编辑", locked.Owner.Describe()))
		opened()
		s.setStatus("已只读打开 %s", path)
	})
	readOnly.Importance = widget.HighImportance
	copyBtn := widget.NewButton("另存副本", func() {
		done()
		s.setReport(r, "", true)
		s.setStatus("这是“%s”的副本，请保存为新文件。", filepath.Base(path))
		s.onSaveAs(nil)
	})
	cancel := widget.NewButton("取消", func() {
		done()
		if s.path == path { // opened from the command line: do not keep it
			s.setReport(reports.New(defaultYear()), "", false)
			s.showStartPage() // as a start without a file
			s.setStatus("没有打开 %s（正由 %s打开编辑）。", path, locked.Owner.Describe())
		}
	})
	msg := fmt.Sprintf("“%s”正由 %s打开编辑。\n\n两人同时修改同一个文件，后保存的会覆盖先保存的。\n"+
		"只读打开：可以查看，修改后须另存为其他文件；\n另存副本：把此文件的内容另存为新文件后再编辑；\n取消：不打开。",
		filepath.Base(path), locked.Owner.Describe())
	d = dialog.NewCustomWithoutButtons("文件正在使用", newWrappedLabel(msg), s.win)
	d.SetButtons([]fyne.CanvasObject{readOnly, copyBtn, cancel})
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// claimInitial takes the file named on the command line (already shown).
func (s *shell) claimInitial() {
	path, r, disk := s.path, s.editor.Report(), s.doc.disk
	s.claim(path, r, disk, func() { s.addRecent(path) })
}

// claimRecovered takes the file of a recovered copy: the crashed session's
// lock is removed; the file on disk counts as the one the copy was made
// from unless it was written after the copy (then the first save asks).
func (s *shell) claimRecovered(path string, pid int, copied time.Time) {
	if path == "" {
		return
	}
	filelock.ClearDead(path, pid)
	disk, _, err := reports.ReadState(path)
	if err != nil || disk.ModTime.After(copied) {
		disk = reports.DiskState{}
	}
	s.doc.disk = disk
	if problem := reports.WriteProblem(path); problem != "" {
		s.doc.readOnly = problem
	} else if lock, err := filelock.Acquire(path); err == nil {
		s.doc.lock = lock
	} else {
		var locked *filelock.LockedError
		if errors.As(err, &locked) {
			s.doc.readOnly = fmt.Sprintf("此文件现在正由 %s打开编辑", locked.Owner.Describe())
		}
	}
	s.showBanner()
	s.updateTitle()
}

// afterRecoveryChoice removes the lock a crashed session left on its file
// when its copy is not recovered.
func afterRecoveryChoice(path string, pid int) {
	if path != "" {
		filelock.ClearDead(path, pid)
	}
}
