//go:build !windows

package reports

import "syscall"

// errnoReasons are the Chinese reasons of the system's error codes.
var errnoReasons = map[syscall.Errno]string{
	syscall.ENOSPC:       reasonDiskFull,
	syscall.EDQUOT:       "超出了磁盘配额（该用户的空间已用完）",
	syscall.EROFS:        reasonReadOnly,
	syscall.EACCES:       reasonDenied,
	syscall.EPERM:        reasonDenied,
	syscall.ENOENT:       reasonNoFolder,
	syscall.EIO:          reasonDevice,
	syscall.ENXIO:        reasonDevice,
	syscall.ENODEV:       reasonDevice,
	syscall.ESTALE:       reasonNetwork,
	syscall.ENOTCONN:     reasonNetwork,
	syscall.EHOSTDOWN:    reasonNetwork,
	syscall.EHOSTUNREACH: reasonNetwork,
	syscall.ENETDOWN:     reasonNetwork,
	syscall.ENETUNREACH:  reasonNetwork,
	syscall.ECONNRESET:   reasonNetwork,
	syscall.ETIMEDOUT:    reasonNetwork,
	syscall.EBUSY:        reasonInUse,
	syscall.ETXTBSY:      reasonInUse,
	syscall.ENAMETOOLONG: reasonTooLong,
	syscall.ENOTDIR:      reasonNotFolder,
	syscall.EFBIG:        "文件超过了该磁盘允许的大小",
}

// sharingError reports whether err means another program holds the file
// open; Linux and macOS let a file be replaced while it is open.
func sharingError(error) bool { return false }

// inUseError reports whether err means another program has the file open
// without sharing it (only Windows says so).
func inUseError(error) bool { return false }
