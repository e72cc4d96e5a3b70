//go:build windows

package reports

import (
	"errors"
	"syscall"
)

// Windows error codes (winerror.h) that saves meet.
const (
	errFileNotFound      syscall.Errno = 2
	errPathNotFound      syscall.Errno = 3
	errAccessDenied      syscall.Errno = 5
	errWriteProtect      syscall.Errno = 19
	errNotReady          syscall.Errno = 21
	errCRC               syscall.Errno = 23
	errSharingViolation  syscall.Errno = 32
	errLockViolation     syscall.Errno = 33
	errHandleDiskFull    syscall.Errno = 39
	errRemNotList        syscall.Errno = 51
	errBadNetPath        syscall.Errno = 53
	errDevNotExist       syscall.Errno = 55
	errUnexpNetErr       syscall.Errno = 59
	errNetnameDeleted    syscall.Errno = 64
	errBadNetName        syscall.Errno = 67
	errDiskFull          syscall.Errno = 112
	errFilenameExcRange  syscall.Errno = 206
	errFileInvalid       syscall.Errno = 1006
	errDeviceNotConn     syscall.Errno = 1167
	errNoNetwork         syscall.Errno = 1222
	errNetworkUnreach    syscall.Errno = 1231
	errUserMappedFile    syscall.Errno = 1224
	errDiskQuotaExceeded syscall.Errno = 1295
)

// errnoReasons are the Chinese reasons of the system's error codes.
var errnoReasons = map[syscall.Errno]string{
	errFileNotFound:      reasonNoFolder,
	errPathNotFound:      reasonNoFolder,
	errAccessDenied:      "拒绝访问（文件是只读的、该文件夹不允许写入，或文件正被其他程序使用）",
	errWriteProtect:      reasonReadOnly,
	errNotReady:          "设备未就绪（U盘可能已拔出）",
	errCRC:               reasonDevice,
	errSharingViolation:  reasonInUse,
	errLockViolation:     reasonLocked,
	errHandleDiskFull:    reasonDiskFull,
	errDiskFull:          reasonDiskFull,
	errRemNotList:        reasonNetwork,
	errBadNetPath:        reasonNetwork,
	errDevNotExist:       reasonNetwork,
	errUnexpNetErr:       reasonNetwork,
	errNetnameDeleted:    reasonNetwork,
	errBadNetName:        reasonNetwork,
	errNoNetwork:         reasonNetwork,
	errNetworkUnreach:    reasonNetwork,
	errFilenameExcRange:  reasonTooLong,
	errFileInvalid:       "文件所在的设备已被移除（U盘已拔出？）",
	errDeviceNotConn:     "设备未连接（U盘已拔出？）",
	errUserMappedFile:    reasonInUse,
	errDiskQuotaExceeded: "超出了磁盘配额（该用户的空间已用完）",
}

// sharingError reports whether err means another program holds the file
// open (MoveFileEx fails with these while a scanner, Explorer's preview
// or a viewer has it).
func sharingError(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	return errno == errSharingViolation || errno == errAccessDenied || errno == errLockViolation || errno == errUserMappedFile
}

// inUseError reports whether err means another program has the file open
// without sharing it.
func inUseError(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == errSharingViolation || errno == errLockViolation)
}
