//go:build !windows

package app

import "syscall"

// processAlive reports whether a process with pid is running.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
