package app

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/reports/filelock"
	"nianbao/reports/testfs"
)

// dialogText is the text of the labels of the top dialog.
func dialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walkObjects(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// otherProcess starts a process that stands for another nianbao and
// writes its lock beside path, as that nianbao would.
func otherProcess(t *testing.T, path, user string) int {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot start a second process: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	host, _ := os.Hostname()
	o := filelock.Owner{App: "nianbao", User: user, Host: host, PID: cmd.Process.Pid, Since: time.Now().Add(-time.Hour).Truncate(time.Second)}
	b, _ := json.Marshal(o)
	if err := os.WriteFile(filelock.Path(path), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

const t3natural = reports.CellKey("t3.new.natural")

// ctrlS presses Ctrl+S on the window, as the clerk does.
func ctrlS(t *testing.T, w fyne.Window) {
	t.Helper()
	sc, ok := w.Canvas().(fyne.Shortcutable)
	if !ok {
		t.Fatal("the test canvas takes no shortcuts")
	}
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestOpeningLocksTheFileAndSaveAsMovesTheLock(t *testing.T) {
	path := writeSample(t)
	s, _ := newTestShell(t, path)
	o, ok, _ := filelock.Read(path)
	if !ok || o.PID != os.Getpid() {
		t.Fatalf("no lock of this process after opening (%+v, %v)", o, ok)
	}
	other := filepath.Join(filepath.Dir(path), "副本.nianbao")
	if !s.saveTo(other) {
		t.Fatal("save as failed")
	}
	if _, ok, _ := filelock.Read(path); ok {
		t.Error("the old file keeps its lock after 另存为")
	}
	if o, ok, _ := filelock.Read(other); !ok || o.PID != os.Getpid() {
		t.Error("the new file has no lock after 另存为")
	}
	s.quit()
	if _, ok, _ := filelock.Read(other); ok {
		t.Error("the lock is still there after closing")
	}
}

func TestASecondOpenerIsToldWhoHasTheFile(t *testing.T) {
	path := writeSample(t)
	otherProcess(t, path, "李四")
	before, _ := os.ReadFile(path)
	s, w := newTestShell(t, path)
	text := dialogText(w)
	if !strings.Contains(text, "正由 李四") || !strings.Contains(text, time.Now().Add(-time.Hour).Format("2006-01-02 15:04")) {
		t.Errorf("the question does not say who since when:\n%s", text)
	}
	if !strings.Contains(w.Title(), "正由他人编辑") {
		t.Errorf("title %q does not say the file is in use", w.Title())
	}
	bs := buttons(w)
	for _, b := range []string{"只读打开", "另存副本", "取消"} {
		if bs[b] == nil {
			t.Fatalf("no %s button (have %v)", b, bs)
		}
	}
	test.Tap(bs["只读打开"])
	if !s.doc.banner.Visible() || !strings.Contains(s.doc.bannerText.Text, "李四") {
		t.Errorf("no read-only banner naming 李四 (%q)", s.doc.bannerText.Text)
	}
	if !strings.Contains(w.Title(), "（只读）") {
		t.Errorf("title %q does not say read-only", w.Title())
	}
	typeCell(t, s, t3natural, "9")
	s.onSave(nil)
	if bs := buttons(w); bs["另存为…"] == nil {
		t.Errorf("Ctrl+S on a read-only file does not offer 另存为 (buttons %v)", bs)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the other window's file was written")
	}
	if o, _, _ := filelock.Read(path); o.User != "李四" {
		t.Errorf("the other's lock was replaced: %+v", o)
	}
}

func TestCancellingTheSecondOpenKeepsTheFileClosed(t *testing.T) {
	path := writeSample(t)
	otherProcess(t, path, "李四")
	s, w := newTestShell(t, path)
	test.Tap(buttons(w)["取消"])
	if s.path != "" || !s.onStart || s.dirty {
		t.Errorf("after 取消: path %q, start page %v, dirty %v; want no file, the start page, nothing unsaved", s.path, s.onStart, s.dirty)
	}
	if !strings.Contains(s.status.Text, "没有打开") {
		t.Errorf("status %q after 取消", s.status.Text)
	}
	if o, _, _ := filelock.Read(path); o.User != "李四" {
		t.Errorf("the other's lock was touched: %+v", o)
	}
}

func TestAStaleLockIsTakenOverWithANote(t *testing.T) {
	path := writeSample(t)
	o := filelock.Owner{App: "nianbao", User: "王五", Host: "PC-SHARE-02", PID: 4242, Since: time.Now().Add(-30 * time.Hour)}
	b, _ := json.Marshal(o)
	os.WriteFile(filelock.Path(path), b, 0o644)
	s, w := newTestShell(t, path)
	if !strings.Contains(dialogText(w), "王五") || !strings.Contains(dialogText(w), "已由本机接管") {
		t.Errorf("no note of the take-over: %q", dialogText(w))
	}
	if got, _, _ := filelock.Read(path); got.PID != os.Getpid() {
		t.Errorf("lock not taken over: %+v", got)
	}
	if s.doc.readOnly != "" {
		t.Errorf("opened read-only: %s", s.doc.readOnly)
	}
}

// writeOther stands for another program (nianbao xlsx --into, a colleague)
// writing a number into the file.
func writeOther(t *testing.T, path string, n int64) {
	t.Helper()
	r, err := reports.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r.SetCell(t3natural, reports.Num(n))
	if err := reports.Save(path, r); err != nil {
		t.Fatal(err)
	}
}

func TestAChangeOnDiskIsAskedAboutBeforeSaving(t *testing.T) {
	other := reports.Key(reports.TableT3, "open", "natural")
	for _, c := range []struct {
		name   string
		button string
		check  func(t *testing.T, s *shell, path string)
	}{
		{"取消 leaves the other version", "取消", func(t *testing.T, s *shell, path string) {
			r, _ := reports.Load(path)
			if r.Cell(t3natural).String() != "77" || !s.dirty {
				t.Errorf("file has %s, dirty %v", r.Cell(t3natural), s.dirty)
			}
		}},
		{"覆盖 keeps the other version as .bak", "覆盖", func(t *testing.T, s *shell, path string) {
			r, _ := reports.Load(path)
			bak, _ := reports.Load(path + ".bak")
			if r.Cell(other).String() != "5" || bak == nil || bak.Cell(t3natural).String() != "77" {
				t.Errorf("file %s, .bak %v", r.Cell(other), bak)
			}
			// The next save compares with what was just saved: no question.
			typeCell(t, s, other, "6")
			s.onSave(nil)
			if r, _ := reports.Load(path); r.Cell(other).String() != "6" {
				t.Error("the save after 覆盖 asked again or did not save")
			}
		}},
		{"重新载入 shows the other version", "重新载入", func(t *testing.T, s *shell, path string) {
			if got := s.editor.Report().Cell(t3natural).String(); got != "77" || s.dirty {
				t.Errorf("window shows %s, dirty %v", got, s.dirty)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeSample(t)
			s, w := newTestShell(t, path)
			writeOther(t, path, 77)
			typeCell(t, s, other, "5")
			ctrlS(t, w)
			text := dialogText(w)
			for _, want := range []string{"被其他程序或他人修改过", "表三", "「自然人」列", "→ 77", "覆盖：", "重新载入："} {
				if !strings.Contains(text, want) {
					t.Errorf("the question does not say %q:\n%s", want, text)
				}
			}
			bs := buttons(w)
			if bs[c.button] == nil || bs["另存为…"] == nil {
				t.Fatalf("buttons %v", bs)
			}
			test.Tap(bs[c.button])
			c.check(t, s, path)
		})
	}
}

func TestAReadOnlyFileOpensWithABanner(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"read-only attribute", func(t *testing.T, path string) { os.Chmod(path, 0o444) }, "只读"},
		{"immutable file", func(t *testing.T, path string) { testfs.Immutable(t, path) }, "文件不能写入"},
		{"folder without write permission", func(t *testing.T, path string) { testfs.Immutable(t, filepath.Dir(path)) }, "文件夹不能写入"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeSample(t)
			c.make(t, path)
			s, w := newTestShell(t, path)
			if !s.doc.banner.Visible() || !strings.Contains(s.doc.bannerText.Text, c.want) || !strings.Contains(w.Title(), "只读") {
				t.Errorf("banner %v %q, title %q", s.doc.banner.Visible(), s.doc.bannerText.Text, w.Title())
			}
			if _, ok, _ := filelock.Read(path); ok {
				t.Error("a read-only file got a lock")
			}
			typeCell(t, s, t3natural, "9")
			s.onSave(nil)
			if bs := buttons(w); bs["另存为…"] == nil {
				t.Errorf("Ctrl+S does not offer 另存为 (buttons %v)", bs)
			}
		})
	}
	t.Run("read-only disk", func(t *testing.T) {
		dir := testfs.Tmpfs(t, "256k")
		path := filepath.Join(dir, "报告.nianbao")
		if err := reports.Save(path, reports.Sample()); err != nil {
			t.Fatal(err)
		}
		testfs.ReadOnly(t, dir)
		s, _ := newTestShell(t, path)
		if !strings.Contains(s.doc.bannerText.Text, "只读") || !s.doc.banner.Visible() {
			t.Errorf("banner %q", s.doc.bannerText.Text)
		}
	})
}

func TestAFailedSaveKeepsTheFileTheBackupAndTheEdits(t *testing.T) {
	for _, c := range []struct {
		name   string
		folder func(t *testing.T) string
		break_ func(t *testing.T, dir string)
		want   string
	}{
		{"full disk", func(t *testing.T) string { return testfs.Tmpfs(t, "256k") },
			func(t *testing.T, dir string) { testfs.Fill(t, dir) }, "磁盘已满"},
		{"folder vanished", func(t *testing.T) string {
			dir := filepath.Join(t.TempDir(), "U盘")
			os.Mkdir(dir, 0o755)
			return dir
		}, func(t *testing.T, dir string) { os.RemoveAll(dir) }, "文件夹不存在"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := c.folder(t)
			path := filepath.Join(dir, "报告.nianbao")
			if err := reports.Save(path, reports.Sample()); err != nil {
				t.Fatal(err)
			}
			if err := reports.Save(path, reports.Sample()); err != nil {
				t.Fatal(err)
			}
			file, _ := os.ReadFile(path)
			bak, _ := os.ReadFile(path + ".bak")
			s, w := newTestShell(t, path)
			r := s.editor.Report()
			for i := range r.Overview.Parts {
				r.Overview.Parts[i].Text = strings.Repeat("持续推进决策、执行、管理、服务、结果公开。", 800)
			}
			s.editor.SetReport(r)
			typeCell(t, s, t3natural, "8")
			c.break_(t, dir)
			ctrlS(t, w)
			text := dialogText(w)
			for _, want := range []string{"没有保存到", c.want, "原文件没有被改动", ".bak备份也完好", "恢复副本"} {
				if !strings.Contains(text, want) {
					t.Errorf("the message does not say %q:\n%s", want, text)
				}
			}
			if buttons(w)["另存为…"] == nil {
				t.Error("另存为 not offered")
			}
			if !s.dirty || s.editor.Report().Cell(t3natural).String() != "8" {
				t.Error("the edits are not kept in the window")
			}
			copies, _ := filepath.Glob(filepath.Join(s.recovery.dir, "*.nianbao"))
			if len(copies) != 1 {
				t.Errorf("recovery copies %v, want 1", copies)
			} else if rc, err := reports.Load(copies[0]); err != nil || rc.Cell(t3natural).String() != "8" {
				t.Errorf("recovery copy lacks the edit: %v", err)
			}
			if c.name == "full disk" {
				if now, _ := os.ReadFile(path); string(now) != string(file) {
					t.Error("the file changed")
				}
				if now, _ := os.ReadFile(path + ".bak"); string(now) != string(bak) {
					t.Error("the .bak changed")
				}
			}
		})
	}
}

func TestAnExportDoesNotSilentlyReplaceAFileOpenElsewhere(t *testing.T) {
	s, w := newTestShell(t)
	path := filepath.Join(t.TempDir(), "报告.pdf")
	os.WriteFile(path, []byte("%PDF-1.4"), 0o644)
	f, _ := os.Open(path)
	viewer := exec.Command("sleep", "60")
	viewer.ExtraFiles = []*os.File{f}
	if err := viewer.Start(); err != nil {
		t.Skip(err)
	}
	f.Close()
	written := 0
	s.guardExport(path, ".pdf", func(string) { written++ })
	if written != 0 {
		t.Fatal("exported over a file open in another program without asking")
	}
	if text := dialogText(w); !strings.Contains(text, "正在其他程序中打开（sleep") {
		t.Errorf("the question does not name the program:\n%s", text)
	}
	viewer.Process.Kill()
	viewer.Wait()
	test.Tap(buttons(w)["重试"])
	if written != 1 {
		t.Errorf("重试 after the viewer closed: written %d times, want 1", written)
	}
}

func TestRecoveryRemovesTheCrashedSessionsLock(t *testing.T) {
	path := writeSample(t)
	dir := filepath.Join(t.TempDir(), "recovery")
	dead := exec.Command("true")
	dead.Run()
	pid := dead.Process.Pid
	host, _ := os.Hostname()
	o := filelock.Owner{App: "nianbao", User: "me", Host: host, PID: pid, Since: time.Now().Add(-time.Hour)}
	b, _ := json.Marshal(o)
	os.WriteFile(filelock.Path(path), b, 0o644)
	os.MkdirAll(dir, 0o700)
	data, _ := os.ReadFile(path)
	os.WriteFile(filepath.Join(dir, "999999998-1.nianbao"), data, 0o600)
	meta, _ := json.Marshal(recoveryMeta{Path: path, Saved: time.Now(), PID: pid})
	os.WriteFile(filepath.Join(dir, "999999998-1.json"), meta, 0o600)

	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(a, w, Options{RecoveryDir: dir})
	s.editor.SetCheckDelay(0)
	s.start()
	t.Cleanup(func() { close(s.stop) })
	test.Tap(buttons(w)["恢复"])
	if got, ok, _ := filelock.Read(path); !ok || got.PID != os.Getpid() {
		t.Errorf("after recovery the lock is %+v (%v), want this process's", got, ok)
	}
	if s.doc.readOnly != "" {
		t.Errorf("recovered file opened read-only: %s", s.doc.readOnly)
	}
	s.onSave(nil)
	if s.dirty {
		t.Error("saving the recovered report asked or failed")
	}
}

func TestSavingACopyOfAFileInUse(t *testing.T) {
	path := writeSample(t)
	otherProcess(t, path, "李四")
	s, w := newTestShell(t, path)
	test.Tap(buttons(w)["另存副本"])
	if s.path != "" || !s.dirty || s.editor.Report().Organ.ShortName != "别斯托别乡" {
		t.Errorf("after 另存副本: path %q, dirty %v, organ %q; want the file's content as an unsaved new report", s.path, s.dirty, s.editor.Report().Organ.ShortName)
	}
	if buttons(w)["保存"] == nil {
		t.Errorf("另存副本 does not ask where to save (buttons %v)", buttons(w))
	}
	copyPath := filepath.Join(t.TempDir(), "副本.nianbao")
	if !s.saveTo(copyPath) {
		t.Fatal("saving the copy failed")
	}
	if o, _, _ := filelock.Read(path); o.User != "李四" {
		t.Errorf("the other's lock changed: %+v", o)
	}
	if o, ok, _ := filelock.Read(copyPath); !ok || o.PID != os.Getpid() {
		t.Errorf("the copy is not locked by this window: %+v", o)
	}
}

func TestSaveAsOntoAFileOpenInAnotherWindowIsRefused(t *testing.T) {
	mine := writeSample(t)
	theirs := writeSample(t)
	otherProcess(t, theirs, "李四")
	before, _ := os.ReadFile(theirs)
	s, w := newTestShell(t, mine)
	if s.saveTo(theirs) {
		t.Fatal("saved over a report another window has open")
	}
	if text := dialogText(w); !strings.Contains(text, "李四") {
		t.Errorf("the refusal does not say who: %q", text)
	}
	if after, _ := os.ReadFile(theirs); string(after) != string(before) {
		t.Error("the other window's file changed")
	}
	if o, _, _ := filelock.Read(mine); o.PID != os.Getpid() {
		t.Error("the window lost the lock of its own file")
	}
}
