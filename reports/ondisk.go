package reports

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

// DiskState is what a file on disk was when it was loaded or last saved:
// its size, modification time and content hash. Save compares it with the
// file as it is now, so that another program's change is never silently
// overwritten.
type DiskState struct {
	Exists  bool
	Size    int64
	ModTime time.Time
	Hash    [sha256.Size]byte
}

// stateOf is the DiskState of data just read from or written to a file
// with the given info.
func stateOf(data []byte, fi fs.FileInfo) DiskState {
	st := DiskState{Exists: true, Size: int64(len(data)), Hash: sha256.Sum256(data)}
	if fi != nil {
		st.ModTime = fi.ModTime()
	}
	return st
}

// ReadState reads the file at path and returns its state and contents. A
// missing file gives a state with Exists false and no error.
func ReadState(path string) (DiskState, []byte, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return DiskState{}, nil, nil
	}
	if err != nil {
		return DiskState{}, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return DiskState{}, nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return DiskState{}, nil, err
	}
	return stateOf(data, fi), data, nil
}

// LoadState is Load that also returns the file's state, read from the same
// bytes the report was parsed from.
func LoadState(path string) (*Report, DiskState, error) {
	r, data, fi, err := load(path)
	if err != nil {
		return nil, DiskState{}, err
	}
	return r, stateOf(data, fi), nil
}

// Change is how the file on disk differs from the state it was loaded or
// last saved with.
type Change struct {
	Path   string
	Was    DiskState
	Now    DiskState
	Other  *Report      // the version on disk, when it is a readable report
	Differ []Difference // how Other differs from the report about to be saved
	// OtherErr says why the version on disk is not a readable report.
	OtherErr error
}

// What says in Chinese what changed: size, time, or only the content.
func (c *Change) What() string {
	if !c.Now.Exists {
		return "文件已被删除或移走"
	}
	var parts []string
	if !c.Now.ModTime.Equal(c.Was.ModTime) {
		parts = append(parts, "修改时间由 "+c.Was.ModTime.Local().Format("01-02 15:04:05")+" 变为 "+c.Now.ModTime.Local().Format("01-02 15:04:05"))
	}
	if c.Now.Size != c.Was.Size {
		parts = append(parts, fmt.Sprintf("大小由 %d 字节变为 %d 字节", c.Was.Size, c.Now.Size))
	}
	if len(parts) == 0 {
		parts = append(parts, "内容不同")
	}
	return strings.Join(parts, "，")
}

// ChangedOnDisk compares the file at path with known (its state when
// loaded or last saved). It returns nil when the content is the same (a
// new modification time alone loses nothing) or the file is gone (saving
// then loses nothing either). Otherwise the Change names, when the file is
// still a report, the parts in which it differs from mine (the report
// about to be saved; nil to skip the comparison).
func ChangedOnDisk(path string, known DiskState, mine *Report) (*Change, error) {
	now, data, err := ReadState(path)
	if err != nil {
		return nil, &FileError{Path: path, Msg: "无法读取磁盘上的文件：" + ioReason(err), Err: err}
	}
	if !now.Exists || (known.Exists && now.Size == known.Size && now.Hash == known.Hash) {
		return nil, nil
	}
	c := &Change{Path: path, Was: known, Now: now}
	if other, err := Parse(data); err == nil {
		c.Other = other
		if mine != nil {
			c.Differ = Diff(mine, other)
		}
	} else {
		c.OtherErr = err
	}
	return c, nil
}

// ConflictError is returned by SaveIfUnchanged when the file changed on
// disk since it was read.
type ConflictError struct{ Change *Change }

// Error names the file and says what changed on disk since it was read.
func (e *ConflictError) Error() string {
	msg := fmt.Sprintf("%s：读取后已被其他程序或他人修改（%s），没有覆盖", e.Change.Path, e.Change.What())
	if len(e.Change.Differ) > 0 {
		var d []string
		for _, x := range e.Change.Differ {
			d = append(d, x.String())
		}
		msg += "。磁盘上的版本不同之处：" + strings.Join(d, "；")
	}
	return msg
}

// SaveIfUnchanged saves r to path like Save, but only if the file on disk
// is still as known; otherwise it returns a *ConflictError and writes
// nothing. It returns the state of the file it wrote.
func SaveIfUnchanged(path string, r *Report, known DiskState) (DiskState, error) {
	c, err := ChangedOnDisk(path, known, r)
	if err != nil {
		return DiskState{}, err
	}
	if c != nil {
		return DiskState{}, &ConflictError{Change: c}
	}
	return SaveState(path, r)
}

// SaveState is Save that returns the state of the file it wrote, to
// compare with at the next save.
func SaveState(path string, r *Report) (DiskState, error) {
	data, err := Marshal(r)
	if err != nil {
		return DiskState{}, err
	}
	if err := save(path, data); err != nil {
		return DiskState{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return DiskState{}, &FileError{Path: path, Msg: "保存后无法读取文件信息：" + ioReason(err), Err: err}
	}
	if fi.Size() != int64(len(data)) {
		// Someone wrote in the moment after the rename: compare with that.
		st, back, err := ReadState(path)
		if err == nil && !bytes.Equal(back, data) {
			return st, nil
		}
	}
	return stateOf(data, fi), nil
}
