package reports

import (
	"errors"
	"os"
	"path/filepath"
)

// WriteProblem says in Chinese why the report file at path cannot be
// saved in place — the file is read-only, its folder does not allow
// writing, or it is on a read-only disk — or returns "" when it can. The
// window then opens the file read-only. It tries what a save does: opening
// the file for writing (without changing it) and creating a file in the
// folder, since permission bits alone do not tell (root, ACLs, immutable
// files, write-protected sticks).
func WriteProblem(path string) string {
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o200 == 0 {
		return "文件设为了只读"
	}
	if f, err := os.OpenFile(path, os.O_WRONLY, 0); err != nil {
		if !errors.Is(err, os.ErrNotExist) && !inUseError(err) {
			return "文件不能写入：" + ioReason(err)
		}
	} else {
		f.Close()
	}
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".nianbao-write-test-*")
	if err != nil {
		return "文件所在的文件夹不能写入：" + ioReason(err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return ""
}
