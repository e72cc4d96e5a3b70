//go:build linux

package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/reports/testfs"
)

// TestAFullDiskLeavesTheFileAndItsBackup fills a small disk and saves: the
// save fails saying the disk is full, and the file and its .bak are as they
// were, with no temporary file left.
func TestAFullDiskLeavesTheFileAndItsBackup(t *testing.T) {
	dir := testfs.Tmpfs(t, "256k")
	path := filepath.Join(dir, "报告.nianbao")
	v1, v2 := Sample(), Sample()
	v2.Preamble += "第二版。"
	if err := Save(path, v1); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, v2); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(path)
	bak, _ := os.ReadFile(path + ".bak")
	testfs.Fill(t, dir)
	err := Save(path, largeReport(3))
	if err == nil || !strings.Contains(err.Error(), "磁盘已满") {
		t.Fatalf("Save on a full disk = %v, want 磁盘已满", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, file) {
		t.Error("the file changed")
	}
	if now, _ := os.ReadFile(path + ".bak"); !bytes.Equal(now, bak) {
		t.Error("the backup changed")
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*")); len(tmp) > 0 {
		t.Errorf("temporary files left on the full disk: %v", tmp)
	}
}

func TestAReadOnlyDiskIsSeenAndNotWritten(t *testing.T) {
	dir := testfs.Tmpfs(t, "256k")
	path := filepath.Join(dir, "报告.nianbao")
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	testfs.ReadOnly(t, dir)
	if p := WriteProblem(path); !strings.Contains(p, "只读") {
		t.Errorf("WriteProblem on a read-only disk = %q", p)
	}
	if err := Save(path, largeReport(1)); err == nil || !strings.Contains(err.Error(), "只读") {
		t.Errorf("Save on a read-only disk = %v", err)
	}
}

func TestAnImmutableFileAndFolder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	if err := Save(path, Sample()); err != nil {
		t.Fatal(err)
	}
	t.Run("file", func(t *testing.T) {
		testfs.Immutable(t, path)
		if p := WriteProblem(path); !strings.Contains(p, "文件不能写入") {
			t.Errorf("WriteProblem of an immutable file = %q", p)
		}
		if err := Save(path, largeReport(1)); err == nil {
			t.Error("saved over an immutable file")
		}
	})
	t.Run("folder", func(t *testing.T) {
		testfs.Immutable(t, dir)
		if p := WriteProblem(path); !strings.Contains(p, "文件夹不能写入") {
			t.Errorf("WriteProblem in an immutable folder = %q", p)
		}
		if err := Save(path, largeReport(1)); err == nil || !strings.Contains(err.Error(), "没有写入权限") {
			t.Errorf("Save in an immutable folder = %v", err)
		}
	})
}

func TestOpenElsewhereNamesTheProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报告.pdf")
	os.WriteFile(path, []byte("%PDF"), 0o644)
	if who := OpenElsewhere(path); who != nil {
		t.Fatalf("nobody has it open, got %v", who)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	viewer := exec.Command("sleep", "30")
	viewer.ExtraFiles = []*os.File{f}
	if err := viewer.Start(); err != nil {
		t.Skipf("cannot run sleep: %v", err)
	}
	f.Close()
	defer func() { viewer.Process.Kill(); viewer.Wait() }()
	who := OpenElsewhere(path)
	if len(who) != 1 || !strings.HasPrefix(who[0], "sleep") {
		t.Errorf("OpenElsewhere = %v, want the sleep process", who)
	}
}
