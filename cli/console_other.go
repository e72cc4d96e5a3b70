//go:build !windows

package cli

// AttachConsole is needed only on Windows, where the GUI-subsystem exe has
// no console of its own; elsewhere standard output already works.
func AttachConsole() {}
