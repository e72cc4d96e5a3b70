//go:build !windows

package filelock

import "syscall"

// processAlive reports whether a process with pid is running on this computer.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// hide does nothing: the lock file's leading dot hides it.
func hide(string) {}
