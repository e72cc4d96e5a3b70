//go:build windows

package sysdialog

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Supported tells whether this system has dialogs of its own here.
const Supported = true

var (
	comdlg32                 = windows.NewLazySystemDLL("comdlg32.dll")
	procGetOpenFileNameW     = comdlg32.NewProc("GetOpenFileNameW")
	procGetSaveFileNameW     = comdlg32.NewProc("GetSaveFileNameW")
	procCommDlgExtendedError = comdlg32.NewProc("CommDlgExtendedError")
	shell32                  = windows.NewLazySystemDLL("shell32.dll")
	procSHBrowseForFolderW   = shell32.NewProc("SHBrowseForFolderW")
	procSHGetPathFromIDListW = shell32.NewProc("SHGetPathFromIDListW")
	user32                   = windows.NewLazySystemDLL("user32.dll")
	procSendMessageW         = user32.NewProc("SendMessageW")
	ole32                    = windows.NewLazySystemDLL("ole32.dll")
	procCoTaskMemFree        = ole32.NewProc("CoTaskMemFree")
)

// OPENFILENAMEW (commdlg.h); Go lays it out as C does on amd64.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reserved2     uint32
	flagsEx       uint32
}

const (
	ofnOverwritePrompt = 0x2
	ofnHideReadOnly    = 0x4
	ofnNoChangeDir     = 0x8
	ofnPathMustExist   = 0x800
	ofnFileMustExist   = 0x1000
	ofnExplorer        = 0x80000
	ofnEnableSizing    = 0x800000
)

// BROWSEINFOW (shlobj_core.h).
type browseInfo struct {
	owner       uintptr
	root        uintptr
	displayName *uint16
	title       *uint16
	flags       uint32
	callback    uintptr
	param       uintptr
	image       int32
}

const (
	bifReturnOnlyFSDirs = 0x1
	bifEditBox          = 0x10
	bifNewDialogStyle   = 0x40
	bffmInitialized     = 1
	bffmSetSelectionW   = 0x400 + 103
)

// fileBufLen is room for a long path (the dialogs cut nothing shorter).
const fileBufLen = 32768

// onDialogThread locks the goroutine to its thread and initialises COM
// there (single-threaded apartment), as the Explorer-style dialogs and the
// shell extensions they host expect; done undoes both.
func onDialogThread() (done func()) {
	runtime.LockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil {
		return func() {
			windows.CoUninitialize()
			runtime.UnlockOSThread()
		}
	}
	return runtime.UnlockOSThread
}

// Open shows the system's open dialog for an existing file, starting in
// dir, and returns the chosen path.
func Open(owner uintptr, title, dir string, filters []Filter) (string, error) {
	return fileDialog(procGetOpenFileNameW, owner, title, dir, "", "", filters, ofnFileMustExist)
}

// Save shows the system's save dialog, starting in dir with name filled
// in, and returns the chosen path, ending in ext. The dialog itself asks
// before an existing file is chosen; nothing is created or truncated.
func Save(owner uintptr, title, dir, name, ext string, filters []Filter) (string, error) {
	path, err := fileDialog(procGetSaveFileNameW, owner, title, dir, name, ext, filters, ofnOverwritePrompt)
	if path == "" {
		return "", err
	}
	return withExt(path, ext), nil
}

// fileDialog shows the open or save dialog proc with the flags both use
// and the extra ones, name filled in and ext (".pdf") added to a name
// typed without one.
func fileDialog(proc *windows.LazyProc, owner uintptr, title, dir, name, ext string, filters []Filter, flags uint32) (string, error) {
	defer onDialogThread()()
	buf := make([]uint16, fileBufLen)
	if n, err := windows.UTF16FromString(name); err == nil && len(n) < len(buf) {
		copy(buf, n)
	}
	spec := filterSpec(append(filters, AllFiles))
	ofn := openFileName{
		owner:       owner,
		filter:      &spec[0],
		filterIndex: 1,
		file:        &buf[0],
		maxFile:     uint32(len(buf)),
		initialDir:  utf16Ptr(dir),
		title:       utf16Ptr(title),
		defExt:      utf16Ptr(strings.TrimPrefix(ext, ".")),
		flags:       flags | ofnExplorer | ofnPathMustExist | ofnHideReadOnly | ofnNoChangeDir | ofnEnableSizing,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	r, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn)))
	runtime.KeepAlive(spec)
	if r == 0 {
		return "", dialogError()
	}
	return windows.UTF16ToString(buf), nil
}

var (
	selectOnce sync.Once
	selectDir  uintptr // the callback that selects the starting folder
)

// Folder shows the system's folder browser with dir selected and returns
// the chosen folder.
func Folder(owner uintptr, title, dir string) (string, error) {
	defer onDialogThread()()
	selectOnce.Do(func() {
		selectDir = syscall.NewCallback(func(hwnd, msg, _, data uintptr) uintptr {
			if msg == bffmInitialized && data != 0 {
				procSendMessageW.Call(hwnd, bffmSetSelectionW, 1, data)
			}
			return 0
		})
	})
	display := make([]uint16, windows.MAX_PATH)
	start := utf16Ptr(dir)
	bi := browseInfo{
		owner:       owner,
		displayName: &display[0],
		title:       utf16Ptr(title),
		flags:       bifReturnOnlyFSDirs | bifNewDialogStyle | bifEditBox,
		callback:    selectDir,
		param:       uintptr(unsafe.Pointer(start)),
	}
	pidl, _, _ := procSHBrowseForFolderW.Call(uintptr(unsafe.Pointer(&bi)))
	runtime.KeepAlive(start)
	if pidl == 0 {
		return "", nil
	}
	defer procCoTaskMemFree.Call(pidl)
	path := make([]uint16, windows.MAX_PATH)
	if ok, _, _ := procSHGetPathFromIDListW.Call(pidl, uintptr(unsafe.Pointer(&path[0]))); ok == 0 {
		return "", fmt.Errorf("所选的不是磁盘上的文件夹")
	}
	return windows.UTF16ToString(path), nil
}

// dialogError is nil when the user cancelled, or what went wrong.
func dialogError() error {
	code, _, _ := procCommDlgExtendedError.Call()
	if code == 0 {
		return nil
	}
	return fmt.Errorf("系统文件对话框出错（代码 %#x）", code)
}

// utf16Ptr is s for the API, or nil for "".
func utf16Ptr(s string) *uint16 {
	if s == "" {
		return nil
	}
	p, err := windows.UTF16PtrFromString(s)
	if err != nil {
		return nil
	}
	return p
}
