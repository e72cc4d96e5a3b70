package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"nianbao/app/sysdialog"
)

// typeNames name the file types in the system's dialogs.
var typeNames = map[string]string{
	".nianbao": "年报文件",
	".pdf":     "PDF 文件",
	".xlsx":    "Excel 工作簿",
	".html":    "网页",
	".docx":    "Word 文档",
	".txt":     "文本文件",
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
// sysdialog) where there are some: off the UI thread, with the window as
// its owner, handing the chosen path to then on the UI thread. When the
// system's dialog fails, fallback shows Fyne's instead. It reports false,
// doing nothing, where the system has no such dialogs.
func (s *shell) systemDialog(show func(owner uintptr) (string, error), then func(path string), fallback func()) bool {
	if !sysdialog.Supported {
		return false
	}
	if s.systemDialogOpen {
		return true // a second Ctrl+O before the first dialog took the window
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
	return true
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

// systemOpen is chooseFile with the system's open dialog.
func (s *shell) systemOpen(title, confirm string, exts []string, then func(path string)) bool {
	dir := s.folderOf()
	return s.systemDialog(func(owner uintptr) (string, error) {
		return sysdialog.Open(owner, title, dir, fileFilters(exts))
	}, then, func() { s.fyneOpen(title, confirm, exts, then) })
}

// systemSave is askPath with the system's save dialog, which itself asks
// before an existing file is replaced.
func (s *shell) systemSave(title, ext string, then func(path string)) bool {
	dir, name := s.folderOf(), s.suggestedName(ext)
	return s.systemDialog(func(owner uintptr) (string, error) {
		return sysdialog.Save(owner, title, dir, name, ext, fileFilters([]string{ext}))
	}, func(path string) {
		s.app.Preferences().SetString(prefLastFolder, filepath.Dir(path))
		then(path)
	}, func() { s.fyneAskPath(title, ext, then) })
}

// systemFolder chooses a folder with the system's folder browser.
func (s *shell) systemFolder(title string, then func(dir string), fallback func()) bool {
	dir := s.folderOf()
	return s.systemDialog(func(owner uintptr) (string, error) {
		return sysdialog.Folder(owner, title, dir)
	}, then, fallback)
}
