package reports

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestDiffNamesTheTablesAndPartsThatDiffer(t *testing.T) {
	a := Sample()
	for _, c := range []struct {
		name   string
		change func(r *Report)
		want   []string // Difference.String() must contain, in order
	}{
		{"same report", func(*Report) {}, nil},
		{"one number of table 三", func(r *Report) {
			r.SetCell(Key(TableT3, RowNew, "natural"), Num(99))
		}, []string{"表三：1个数字不同：「一、本年新收政府信息公开申请数量」行「自然人」列 " + a.Cell(Key(TableT3, RowNew, "natural")).String() + " → 99"}},
		{"a part of 总体情况 and the phone", func(r *Report) {
			r.Overview.Parts[1].Text += "补充。"
			r.Contact.Phone = "0999-1234567"
		}, []string{"基本信息：联系电话不同", "一、总体情况：" + a.Overview.Numbering.Label(1) + "“" + a.Overview.Parts[1].Title + "”正文不同"}},
		{"the organ's level and contact office, named as the registry names them", func(r *Report) {
			r.Organ.Level = LevelCountyDept
			r.Contact.Office = "综合办公室"
		}, []string{"基本信息：机关层级、联系机构不同"}},
		{"measures and signing", func(r *Report) {
			r.Improvement.Measures = append(r.Improvement.Measures, Part{Title: "新措施"})
			r.Signing.Date.Day++
		}, []string{"五、存在的主要问题及改进情况：措施分项数不同", "落款与打印"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := a.Clone()
			c.change(b)
			d := Diff(a, b)
			if len(d) != len(c.want) {
				t.Fatalf("Diff = %v, want %d differences %v", d, len(c.want), c.want)
			}
			for i, w := range c.want {
				if !strings.Contains(d[i].String(), w) {
					t.Errorf("difference %d = %q, want it to contain %q", i, d[i].String(), w)
				}
			}
		})
	}
}

func TestDiffOfManyNumbersNamesThreeAndCounts(t *testing.T) {
	a := Sample()
	b := a.Clone()
	tb := b.Tmpl().Table(TableT3)
	n := 0
	for ri, row := range tb.Rows {
		for ci, col := range tb.Columns {
			if !tb.IsComputed(ri, ci) && n < 5 {
				b.SetCell(Key(tb.Key, row.Key, col.Key), Num(int64(1000+n)))
				n++
			}
		}
	}
	d := Diff(a, b)
	if len(d) != 1 || !strings.HasPrefix(d[0].String(), "表三：5个数字不同") || strings.Count(d[0].Detail, "→") != 3 || !strings.HasSuffix(d[0].Detail, "等") {
		t.Errorf("Diff = %v", d)
	}
}

func TestChangedOnDiskComparesWithWhatWasLoaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报告.nianbao")
	mine := Sample()
	st, err := SaveState(path, mine)
	if err != nil {
		t.Fatal(err)
	}
	_, loaded, err := LoadState(path)
	if err != nil || loaded != st {
		t.Fatalf("LoadState after SaveState: %+v, %v; want %+v", loaded, err, st)
	}
	if c, err := ChangedOnDisk(path, st, mine); c != nil || err != nil {
		t.Fatalf("unchanged file reported as changed: %+v, %v", c, err)
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(path, later, later)
	if c, _ := ChangedOnDisk(path, st, mine); c != nil {
		t.Errorf("a new modification time alone (same content) counts as a change: %s", c.What())
	}
	// Another program writes a different number.
	other := mine.Clone()
	other.SetCell(Key(TableT3, RowNew, "natural"), Num(77))
	if err := Save(path, other); err != nil {
		t.Fatal(err)
	}
	c, err := ChangedOnDisk(path, st, mine)
	if err != nil || c == nil {
		t.Fatalf("change not seen: %v", err)
	}
	if c.Other == nil || len(c.Differ) != 1 || !strings.HasPrefix(c.Differ[0].String(), "表三") {
		t.Errorf("change names %v, want table 三", c.Differ)
	}
	if !strings.Contains(c.What(), "修改时间") {
		t.Errorf("What() = %q, want the modification time", c.What())
	}
	// SaveIfUnchanged refuses and leaves the other version.
	before, _ := os.ReadFile(path)
	_, err = SaveIfUnchanged(path, mine, st)
	var ce *ConflictError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "没有覆盖") || !strings.Contains(err.Error(), "表三") {
		t.Fatalf("SaveIfUnchanged = %v, want a ConflictError naming 表三", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("SaveIfUnchanged wrote over the other program's version")
	}
	// Something that is not a report.
	os.WriteFile(path, []byte("not a report"), 0o644)
	if c, _ := ChangedOnDisk(path, st, mine); c == nil || c.Other != nil || c.OtherErr == nil {
		t.Errorf("a file that is no longer a report: %+v", c)
	}
	// A deleted file: saving it again loses nothing.
	os.Remove(path)
	if c, err := ChangedOnDisk(path, st, mine); c != nil || err != nil {
		t.Errorf("deleted file: %+v, %v", c, err)
	}
}

func TestRenameIsRetriedWhileAnotherProgramHoldsTheFile(t *testing.T) {
	renameWait = time.Millisecond
	t.Cleanup(func() { renameWait = 100 * time.Millisecond })
	busy := errors.New("sharing violation")
	for _, c := range []struct {
		name     string
		failures int
		wantErr  bool
		wantCall int
	}{
		{"free at once", 0, false, 1},
		{"free after three tries", 3, false, 4},
		{"held for good", 100, true, renameAttempts},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls := 0
			err := renameRetry(func(string, string) error {
				calls++
				if calls <= c.failures {
					return busy
				}
				return nil
			}, func(err error) bool { return err == busy }, "a", "b")
			if (err != nil) != c.wantErr || calls != c.wantCall {
				t.Errorf("err %v after %d calls; want error %v after %d", err, calls, c.wantErr, c.wantCall)
			}
		})
	}
	calls := 0
	other := errors.New("no such folder")
	renameRetry(func(string, string) error { calls++; return other }, func(err error) bool { return err == busy }, "a", "b")
	if calls != 1 {
		t.Errorf("an error that is not a sharing violation was retried %d times", calls)
	}
}

func TestIOReasonsAreChinese(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "磁盘已满"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "只读"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "没有写入权限"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "文件夹不存在"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOENT}, "文件夹不存在"},
		{errors.New("strange"), "strange"},
	} {
		if got := ioReason(c.err); !strings.Contains(got, c.want) {
			t.Errorf("ioReason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

func TestAFolderThatVanishedFailsTheSaveWithTheReason(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "U盘")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "报告.nianbao")
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(dir)
	err := Save(path, Sample())
	if err == nil || !strings.Contains(err.Error(), "文件夹不存在") || !strings.Contains(err.Error(), "报告.nianbao") {
		t.Errorf("Save into a vanished folder: %v", err)
	}
	if WriteProblem(path) == "" {
		t.Error("WriteProblem sees no problem with a vanished folder")
	}
}

func TestAReadOnlyFileIsSeenAsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报告.nianbao")
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	if p := WriteProblem(path); p != "" {
		t.Fatalf("a writable file: %s", p)
	}
	os.Chmod(path, 0o444)
	if p := WriteProblem(path); !strings.Contains(p, "只读") {
		t.Errorf("WriteProblem of a 0444 file = %q", p)
	}
}
