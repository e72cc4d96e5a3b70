package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// guardExport runs then(path) for a file about to be written by an export
// (PDF, Word, Excel, web page), but first, when that file is open in
// another program (a PDF viewer, Word, Excel, a browser), says so and
// offers 重试 (after closing it), 仍然替换 and 取消: an export never
// silently replaces a file open elsewhere. Report files (另存为) are
// guarded by their lock instead.
func (s *shell) guardExport(path, ext string, then func(path string)) {
	if strings.EqualFold(ext, reports.FileExtension) {
		then(path)
		return
	}
	who := reports.OpenElsewhere(path)
	if len(who) == 0 {
		then(path)
		return
	}
	var d *dialog.CustomDialog
	retry := widget.NewButton("重试", func() {
		d.Hide()
		s.guardExport(path, ext, then)
	})
	retry.Importance = widget.HighImportance
	replace := widget.NewButton("仍然替换", func() {
		d.Hide()
		then(path)
	})
	cancel := widget.NewButton("取消", func() { d.Hide() })
	msg := fmt.Sprintf("“%s”正在其他程序中打开（%s）。\n\n"+
		"替换后，那个程序里显示的仍是旧内容；在 Windows 上该程序还可能使替换失败。\n"+
		"请先在那个程序中关闭此文件，再点“重试”；也可以取消后换一个文件名导出。",
		filepath.Base(path), strings.Join(who, "、"))
	d = dialog.NewCustomWithoutButtons("文件正在使用", newWrappedLabel(msg), s.win)
	d.SetButtons([]fyne.CanvasObject{retry, replace, cancel})
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
	s.setStatus("“%s”正在其他程序中打开，尚未导出。", filepath.Base(path))
}
