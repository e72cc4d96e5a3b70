package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/reports/filelock"
)

// saveChecked is 保存 to the report's own file: refused (with 另存为
// offered) when it is open read-only, and asked about when the file on
// disk changed since it was loaded or last saved. then runs after a save.
func (s *shell) saveChecked(then func()) {
	if s.doc.readOnly != "" {
		d := dialog.NewCustomConfirm("只读打开的文件", "另存为…", "取消",
			newWrappedLabel(fmt.Sprintf("“%s”是只读打开的：%s。\n不能直接保存到此文件，请用“另存为”保存到其他位置或换一个文件名。", filepath.Base(s.path), s.doc.readOnly)),
			func(ok bool) {
				if ok {
					s.onSaveAs(then)
				}
			}, s.win)
		d.Resize(fyne.NewSize(520, 240))
		d.Show()
		return
	}
	save := func() {
		if s.saveTo(s.path) && then != nil {
			then()
		}
	}
	c, err := reports.ChangedOnDisk(s.path, s.doc.disk, s.editor.Report())
	if err != nil || c == nil {
		save() // a file that cannot be read fails the save with the reason
		return
	}
	s.askConflict(c, save, then)
}

// askConflict says how the file on disk changed and asks 覆盖 / 另存为 /
// 重新载入 (or 取消).
func (s *shell) askConflict(c *reports.Change, overwrite func(), then func()) {
	var d *dialog.CustomDialog
	over := widget.NewButton("覆盖", func() {
		d.Hide()
		overwrite()
	})
	saveAs := widget.NewButton("另存为…", func() {
		d.Hide()
		s.onSaveAs(then)
	})
	saveAs.Importance = widget.HighImportance
	reload := widget.NewButton("重新载入", func() {
		d.Hide()
		s.showFile(c.Other, c.Path, c.Now, s.doc.lock, "")
		s.setStatus("已重新载入 %s（窗口中未保存的修改已放弃）", c.Path)
	})
	if c.Other == nil {
		reload.Disable()
	}
	cancel := widget.NewButton("取消", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("文件已被修改", newWrappedLabel(conflictMessage(c)), s.win)
	d.SetButtons([]fyne.CanvasObject{over, saveAs, reload, cancel})
	d.Resize(fyne.NewSize(640, 380))
	d.Show()
}

// conflictMessage says what changed on disk and what each choice does.
func conflictMessage(c *reports.Change) string {
	var b strings.Builder
	fmt.Fprintf(&b, "“%s”在打开（或上次保存）之后被其他程序或他人修改过：%s。\n", filepath.Base(c.Path), c.What())
	switch {
	case c.Other == nil:
		fmt.Fprintf(&b, "磁盘上的文件现在不是可读的年报文件（%s）。\n", errorText(c.OtherErr))
	case len(c.Differ) == 0:
		b.WriteString("磁盘上的版本与窗口中的内容相同。\n")
	default:
		b.WriteString("磁盘上的版本与窗口中的内容不同之处：\n")
		for i, d := range c.Differ {
			if i == 8 {
				fmt.Fprintf(&b, "  …… 另有 %d 处\n", len(c.Differ)-i)
				break
			}
			b.WriteString("  · " + d.String() + "\n")
		}
	}
	b.WriteString("\n覆盖：用窗口中的内容替换磁盘上的版本（磁盘上的版本保留为同名的 .bak 备份）；\n" +
		"另存为：把窗口中的内容保存为另一个文件，磁盘上的版本不动；\n" +
		"重新载入：放弃窗口中的修改，显示磁盘上的版本。")
	return b.String()
}

// claimTarget takes the lock of a file about to be saved as (另存为). It
// refuses, saying who, when another nianbao has that file open. The lock
// of the file the window has now is returned again.
func (s *shell) claimTarget(path string) (*filelock.Lock, bool) {
	if s.doc.lock != nil && s.doc.lock.Report() == path {
		return s.doc.lock, true
	}
	lock, err := filelock.Acquire(path)
	var locked *filelock.LockedError
	if errors.As(err, &locked) {
		s.showError("没有保存：该文件正由别人打开编辑。", locked, "为避免互相覆盖，请换一个文件名保存，或等对方关闭后再保存。")
		return nil, false
	}
	return lock, true // no lock (read-only folder, …): the save says why it fails
}

// saveFailed says why a save failed and that nothing is lost, writes the
// recovery copy at once, and offers 另存为.
func (s *shell) saveFailed(path string, err error) {
	kept := "窗口中的修改没有丢失。"
	if s.recovery != nil {
		if rerr := s.recovery.save(s.editor.Report(), s.path); rerr == nil {
			s.autosaved = s.edits
			kept = "窗口中的修改没有丢失，已另外保存一份恢复副本（程序意外关闭时下次启动会提示恢复）。"
		}
	}
	reason := errorText(err)
	var fe *reports.FileError
	if errors.As(err, &fe) && fe.Path == path {
		reason = fe.Msg // the file is named above
	}
	msg := fmt.Sprintf("没有保存到“%s”。\n\n原因：%s\n\n磁盘上的原文件没有被改动，它的.bak备份也完好。%s\n\n请用“另存为”保存到其他位置（例如桌面或另一个U盘），或排除原因后再保存。",
		path, reason, kept)
	d := dialog.NewCustomConfirm("保存失败", "另存为…", "关闭", newWrappedLabel(msg), func(ok bool) {
		if ok {
			s.onSaveAs(nil)
		}
	}, s.win)
	d.Resize(fyne.NewSize(600, 340))
	d.Show()
	s.setStatus("保存失败：%s", errorText(err))
}
