package reports

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"
)

// ioReason says in Chinese why a file operation failed, from the system's
// error code (the tables are in ioerror_unix.go and ioerror_windows.go):
// 磁盘已满, 只读, 没有写入权限, 文件夹不存在, 网络共享已断开, 正被其他程序使用 …
// Codes it does not know are given as the system said them.
func ioReason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := errnoReasons[errno]; ok {
			return s
		}
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "没有写入权限"
	case errors.Is(err, fs.ErrNotExist):
		return "文件夹不存在"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return strings.TrimSpace(err.Error())
}

// IOReason is ioReason for callers outside the package (the window's
// export and lock messages).
func IOReason(err error) string { return ioReason(err) }

// Reasons shared by both systems' tables.
const (
	reasonDiskFull  = "磁盘已满（没有剩余空间）"
	reasonReadOnly  = "磁盘或U盘是只读的（写保护）"
	reasonDenied    = "没有写入权限（文件是只读的，或该文件夹不允许写入）"
	reasonNoFolder  = "文件夹不存在（可能已被删除或改名，或U盘已拔出、网络共享已断开）"
	reasonDevice    = "读写设备出错（U盘可能已拔出或损坏）"
	reasonNetwork   = "网络共享已断开或无法访问"
	reasonInUse     = "文件正被其他程序使用（如杀毒软件、资源管理器的预览或 PDF 阅读器）"
	reasonLocked    = "文件的一部分被其他程序锁定"
	reasonTooLong   = "文件名或路径太长"
	reasonNotFolder = "路径中有一部分不是文件夹"
)

// Retries of replacing a file another program holds open (Windows:
// antivirus scanners, Explorer's preview, PDF viewers hold files for a
// moment or for as long as they show them).
var (
	renameAttempts = 10
	renameWait     = 100 * time.Millisecond
)

// renameRetry renames old to new, trying again for about a second while
// the error is one that another program holding new open causes.
func renameRetry(rename func(string, string) error, retry func(error) bool, oldPath, newPath string) error {
	var err error
	for i := 0; i < renameAttempts; i++ {
		if err = rename(oldPath, newPath); err == nil || !retry(err) {
			return err
		}
		if i < renameAttempts-1 {
			time.Sleep(renameWait)
		}
	}
	return err
}
