// Package sysdialog shows the operating system's own file dialogs where
// nianbao has them: on Windows the common 打开 and 另存为 dialogs and the
// folder browser, which clerks know, which speak the system's language and
// which list the desktop, 文档, network drives and USB sticks. Elsewhere
// Supported is false and the caller shows Fyne's dialogs instead.
//
// Each function blocks until the user closes the dialog: call it from a
// goroutine, not from the UI thread. owner is the native handle of the
// window the dialog belongs to (0 for none); the system disables that window
// while the dialog is open. A cancelled dialog returns "" and no error.
package sysdialog

import (
	"strings"
	"unicode/utf16"
)

// Filter is one entry of a dialog's list of file types.
type Filter struct {
	Name string   // e.g. 年报文件
	Exts []string // with the dot, e.g. ".nianbao"
}

// AllFiles is the entry that shows every file.
var AllFiles = Filter{Name: "所有文件", Exts: []string{".*"}}

// Patterns is the filter's extensions as the system writes them:
// "*.docx;*.xlsx".
func (f Filter) Patterns() string {
	ps := make([]string, len(f.Exts))
	for i, e := range f.Exts {
		ps[i] = "*" + e
	}
	return strings.Join(ps, ";")
}

// filterSpec encodes filters as the Windows common dialogs want them: for
// each a display text "name (*.a;*.b)" and the patterns "*.a;*.b", every
// string ended by a NUL, the whole list by one more.
func filterSpec(filters []Filter) []uint16 {
	var out []uint16
	for _, f := range filters {
		p := f.Patterns()
		out = append(out, utf16.Encode([]rune(f.Name+" ("+p+")"))...)
		out = append(out, 0)
		out = append(out, utf16.Encode([]rune(p))...)
		out = append(out, 0)
	}
	return append(out, 0)
}

// withExt is path with ext appended unless it already ends with it (in any
// case): what was typed into a save dialog without the extension.
func withExt(path, ext string) string {
	if ext == "" || strings.HasSuffix(strings.ToLower(path), strings.ToLower(ext)) {
		return path
	}
	return path + ext
}
