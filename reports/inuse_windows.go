//go:build windows

package reports

import (
	"syscall"
)

// openElsewhere opens the file with no sharing: that fails with a sharing
// violation while any other program has it open.
func openElsewhere(path string) []string {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err == nil {
		syscall.CloseHandle(h)
		return nil
	}
	if err == errSharingViolation || err == errLockViolation {
		return []string{"其他程序"}
	}
	return nil
}
