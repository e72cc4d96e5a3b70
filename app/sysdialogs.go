package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"nianbao/app/sysdialog"
)

// typeNames name the file types that are opened or written on their own
// (import's list of several is 可导入的报告).
var typeNames = map[string]string{
	".nianbao": "年报文件",
	".pdf":     "PDF 文件",
	".xlsx":    "Excel 工作簿",
	".html":    "网页",
	".docx":    "Word 文档",
}

// fileFilters is the file-type list of a dialog for files with exts.
func fileFilters(exts []string) []sysdialog.Filter {
	name := "可导入的报告"
	if len(exts) == 1 {
		if n, ok := typeNames[exts[0]]; ok {
			name = n
		}
	}
	return []sysdialog.Filter{{Name: name, Exts: exts}}
}

// systemDialog shows one of the system's own file dialogs (package
// sysdialog): off the UI thread, with the window as its owner, handing the
// chosen path to then on the UI thread. Where the system has no such
// dialogs, or its dialog fails, fallback shows Fyne's instead.
func (s *shell) systemDialog(show func(owner uintptr) (string, error), then func(path string), fallback func()) {
	if !sysdialog.Supported {
		fallback()
		return
	}
	if s.systemDialogOpen {
		return // a second Ctrl+O before the first dialog took the window
	}
	s.systemDialogOpen = true
	owner := s.nativeHandle()
	go func() {
		path, err := show(owner)
		fyne.Do(func() {
			s.systemDialogOpen = false
			switch {
			case err != nil:
				s.setStatus("系统的文件对话框无法显示（%s），已改用程序自带的对话框。", errorText(err))
				fallback()
			case path != "":
				then(path)
			}
		})
	}()
}

// nativeHandle is the window's handle on Windows (HWND), or 0.
func (s *shell) nativeHandle() uintptr {
	var h uintptr
	if nw, ok := s.win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				h = c.HWND
			}
		})
	}
	return h
}
