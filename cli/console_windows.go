//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS ((DWORD)-1) for AttachConsole.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// AttachConsole connects the GUI-subsystem nianbao.exe (linked with
// -H windowsgui, so Windows gives it no console) to the console of the
// process that started it, so that headless subcommands print in the
// cmd.exe or PowerShell window they were typed in. Standard output or error
// that is already redirected (to a file or a pipe) is left alone. Without a
// parent console (started from Explorer) it does nothing, and the
// subcommands still report by exit code.
func AttachConsole() {
	out := stdHandleMissing(windows.STD_OUTPUT_HANDLE)
	errOut := stdHandleMissing(windows.STD_ERROR_HANDLE)
	if !out && !errOut {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	con, err := openConsole("CONOUT$")
	if err != nil {
		return
	}
	if out {
		_ = windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, con)
		os.Stdout = os.NewFile(uintptr(con), "/dev/stdout")
	}
	if errOut {
		_ = windows.SetStdHandle(windows.STD_ERROR_HANDLE, con)
		os.Stderr = os.NewFile(uintptr(con), "/dev/stderr")
	}
}

// stdHandleMissing reports whether the standard handle id is null or
// invalid, as it is for a GUI-subsystem process started from a console.
func stdHandleMissing(id uint32) bool {
	h, err := windows.GetStdHandle(id)
	return err != nil || h == 0 || h == windows.InvalidHandle
}

// openConsole opens the attached console's output buffer for writing.
func openConsole(name string) (windows.Handle, error) {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return 0, err
	}
	return windows.CreateFile(p, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
}
