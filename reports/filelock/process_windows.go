//go:build windows

package filelock

import "golang.org/x/sys/windows"

// processAlive reports whether a process with pid is running on this computer.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		// Access denied means it exists (another user's process).
		return err == windows.ERROR_ACCESS_DENIED
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return false
	}
	return code == 259 // STILL_ACTIVE
}

// hide gives the lock file the hidden attribute, as Word's ~$ files have:
// Explorer does not show it.
func hide(path string) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return
	}
	if attrs, err := windows.GetFileAttributes(p); err == nil {
		windows.SetFileAttributes(p, attrs|windows.FILE_ATTRIBUTE_HIDDEN)
	}
}
