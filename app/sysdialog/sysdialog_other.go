//go:build !windows

package sysdialog

import "errors"

// Supported tells whether this system has dialogs of its own here.
const Supported = false

// Open would show the system's open dialog; there is none here.
func Open(owner uintptr, title, dir string, filters []Filter) (string, error) {
	return "", errors.ErrUnsupported
}

// Save would show the system's save dialog; there is none here.
func Save(owner uintptr, title, dir, name, ext string, filters []Filter) (string, error) {
	return "", errors.ErrUnsupported
}

// Folder would show the system's folder browser; there is none here.
func Folder(owner uintptr, title, dir string) (string, error) {
	return "", errors.ErrUnsupported
}
