package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

var keyNew = reports.Key(reports.TableT3, reports.RowNew, "natural")

// crashedCopy leaves in dir what a crashed session editing path (or a
// never saved report when path is "") leaves: its recovery copy, holding
// value in 三 本年新收 自然人.
func crashedCopy(t *testing.T, dir, path string, value int64, session string) {
	t.Helper()
	r := reports.Sample()
	if path != "" {
		var err error
		if r, err = reports.Load(path); err != nil {
			t.Fatal(err)
		}
	}
	r.SetCell(keyNew, reports.Num(value))
	rc := &recovery{dir: dir, id: session}
	if err := rc.save(r, path); err != nil {
		t.Fatal(err)
	}
}

// newShellIn starts a shell on the recovery folder dir, with a file or none.
func newShellIn(t *testing.T, dir string, args ...string) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	s := newShell(a, w, Options{RecoveryDir: dir, Args: args})
	s.editor.SetCheckDelay(0)
	s.start()
	t.Cleanup(func() {
		if !closed(s) {
			close(s.stop)
		}
	})
	return s, w
}

// overlayButtons lists the buttons of the top dialog in order.
func overlayButtons(w fyne.Window) []*widget.Button {
	var out []*widget.Button
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	walkObjects(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			out = append(out, b)
		}
	})
	return out
}

// overlayLabels lists the texts of the labels of the top dialog.
func overlayLabels(w fyne.Window) []string {
	var out []string
	if top := w.Canvas().Overlays().Top(); top != nil {
		walkObjects(top, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				out = append(out, l.Text)
			}
		})
	}
	return out
}

// walkObjects calls f on o and everything inside it.
func walkObjects(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkObjects(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkObjects(c, f)
		}
	}
}

func recoveredValue(s *shell) string { return s.editor.Report().Cell(keyNew).String() }

func TestRecoveryIsOfferedWhenTheAppStartsWithTheFile(t *testing.T) {
	path := writeSample(t)
	dir := filepath.Join(t.TempDir(), "recovery")
	crashedCopy(t, dir, path, 41, "999999999-1")

	s, w := newShellIn(t, dir, path)
	bs := buttons(w)
	if bs["恢复"] == nil || bs["不恢复"] == nil {
		t.Fatalf("no recovery offered for the file opened at start (buttons %v)", bs)
	}
	if got := recoveredValue(s); got != "0" {
		t.Fatalf("the file's own value %q is shown before the answer, want 0", got)
	}
	test.Tap(bs["恢复"])
	if got := recoveredValue(s); got != "41" {
		t.Errorf("recovered cell = %q, want 41", got)
	}
	if s.path != path || !s.dirty || !strings.Contains(w.Title(), "*") {
		t.Errorf("recovered: path %q dirty %v title %q; want the file with unsaved changes", s.path, s.dirty, w.Title())
	}
	if b, _ := os.ReadFile(path); strings.Contains(string(b), `"t3.new.natural": 41`) {
		t.Error("restoring wrote the user's file")
	}
	// This session keeps its own copy of the restored changes at once.
	mine, _ := filepath.Glob(filepath.Join(dir, s.recovery.id+"*.nianbao"))
	if len(mine) != 1 {
		t.Errorf("no copy of the restored report under this session: %v", mine)
	}
	if old, _ := filepath.Glob(filepath.Join(dir, "old", "999999999-1.nianbao")); len(old) != 1 {
		t.Errorf("the crashed copy was not moved to old/")
	}
}

func TestRecoveryIsListedWhenTheAppStartsWithoutAFile(t *testing.T) {
	first, second := writeSample(t), filepath.Join(t.TempDir(), "乙镇2023.nianbao")
	if err := reports.Save(second, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "recovery")
	crashedCopy(t, dir, first, 11, "999999991-1")
	crashedCopy(t, dir, second, 22, "999999992-1")
	crashedCopy(t, dir, "", 33, "999999993-1")

	s, w := newShellIn(t, dir)
	if !s.onStart {
		t.Fatal("started without a file but the start page is not shown")
	}
	var restore []*widget.Button
	for _, b := range overlayButtons(w) {
		if b.Text == "恢复" {
			restore = append(restore, b)
		}
	}
	if len(restore) != 3 {
		t.Fatalf("%d 恢复 buttons, want one for each of the 3 copies", len(restore))
	}
	text := strings.Join(overlayLabels(w), "\n")
	for _, want := range []string{"别斯托别乡2023.nianbao", "乙镇2023.nianbao", "尚未保存过的新报告"} {
		if !strings.Contains(text, want) {
			t.Errorf("the list does not name %s:\n%s", want, text)
		}
	}
	// Newest first: the never saved report's copy was written last.
	test.Tap(restore[0])
	if got := recoveredValue(s); got != "33" || s.path != "" || !s.dirty || s.onStart {
		t.Errorf("restored value %q path %q dirty %v start page %v; want 33, unsaved, in the editor", got, s.path, s.dirty, s.onStart)
	}
	// The two left alone are still there, offered when their file opens.
	if left := s.recovery.pending(); len(left) != 2 {
		t.Errorf("%d copies left for later, want 2", len(left))
	}
}

func TestRecoveryIsOfferedWhenTheFileIsOpenedLater(t *testing.T) {
	ways := []struct {
		name string
		open func(s *shell, path string)
	}{
		{"from 最近打开 or the open dialog", func(s *shell, path string) { s.openPath(path) }},
		{"dropped on the window", func(s *shell, path string) { s.onDropped(fyne.NewPos(5, 5), []fyne.URI{storageURI(path)}) }},
		{"from the start page's recent list", func(s *shell, path string) {
			s.addRecent(path)
			s.showStartPage()
			var b *widget.Button
			walkObjects(s.startPg.recent, func(o fyne.CanvasObject) {
				if v, ok := o.(*widget.Button); ok && strings.HasPrefix(v.Text, filepath.Base(path)) {
					b = v
				}
			})
			if b == nil {
				panic("no recent entry on the start page")
			}
			test.Tap(b)
		}},
	}
	for _, way := range ways {
		t.Run(way.name, func(t *testing.T) {
			path := writeSample(t)
			dir := filepath.Join(t.TempDir(), "recovery")
			crashedCopy(t, dir, path, 52, "999999999-1")
			s, w := newShellIn(t, dir)
			// Started without a file: the list; closing it keeps the copy.
			var closeBtn *widget.Button
			for _, b := range overlayButtons(w) {
				if b.Text == "关闭" {
					closeBtn = b
				}
			}
			if closeBtn == nil {
				t.Fatal("no list of copies at a start without a file")
			}
			test.Tap(closeBtn)
			way.open(s, path)
			bs := buttons(w)
			if bs["恢复"] == nil {
				t.Fatalf("no recovery offered when the file was opened (buttons %v)", bs)
			}
			test.Tap(bs["恢复"])
			if got := recoveredValue(s); got != "52" || !s.dirty || s.path == "" {
				t.Errorf("restored value %q dirty %v path %q; want 52, unsaved changes of the file", got, s.dirty, s.path)
			}
		})
	}
}

func TestACopyOlderThanItsFileIsNotOffered(t *testing.T) {
	path := writeSample(t)
	dir := filepath.Join(t.TempDir(), "recovery")
	crashedCopy(t, dir, path, 9, "999999999-1")
	// The file was saved again after the crash (by another window).
	later := time.Now().Add(time.Minute)
	os.Chtimes(path, later, later)
	s, w := newShellIn(t, dir, path)
	if bs := buttons(w); bs["恢复"] != nil {
		t.Errorf("a copy older than its file was offered")
	}
	if got := recoveredValue(s); got != "0" {
		t.Errorf("cell %q, want the file's 0", got)
	}
	if old, _ := filepath.Glob(filepath.Join(dir, "old", "*.nianbao")); len(old) != 1 {
		t.Errorf("the stale copy was not kept in old/: %v", old)
	}
}

func TestRecoveryCopyIsWrittenSoonAfterTypingStops(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	dir := filepath.Join(t.TempDir(), "recovery")
	const delay = 50 * time.Millisecond
	s := newShell(a, w, Options{RecoveryDir: dir, Args: []string{writeSample(t)}, RecoveryDelay: delay, AutosaveEvery: time.Hour})
	s.editor.SetCheckDelay(0)
	s.start()
	t.Cleanup(func() {
		close(s.stop)
		time.Sleep(4 * delay) // let a copy being written finish before the folder goes
	})
	typeCell(t, s, keyNew, "7")
	for range 500 {
		if copies, _ := filepath.Glob(filepath.Join(dir, "*.nianbao")); len(copies) == 1 {
			if r, err := reports.Load(copies[0]); err == nil && r.Cell(keyNew).String() == "7" {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("no recovery copy holding the 7 typed 5 s after typing stopped, with a 50 ms delay and the 30 s timer off")
}

func TestRecoveryPromptIsWideAndBreaksLinesTheChineseWay(t *testing.T) {
	deep := filepath.Join(t.TempDir(), "政府信息公开", "2024年度", "各乡镇报送材料", "第二批")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(deep, "新源县别斯托别乡人民政府2024年度政府信息公开工作年度报告.nianbao")
	if err := reports.Save(path, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "recovery")
	crashedCopy(t, dir, path, 3, "999999999-1")
	_, w := newShellIn(t, dir, path)
	var msg *widget.Label
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "上次程序没有正常关闭") {
			msg = l
		}
	})
	if msg == nil {
		t.Fatal("no recovery prompt")
	}
	if wd := msg.MinSize().Width; wd < 500 {
		t.Errorf("prompt text %v px wide, want at least 500", wd)
	}
	lines := strings.Split(msg.Text, "\n")
	pathShown := false
	for _, l := range lines {
		if labelWidth(l) > messageWidth+1 {
			t.Errorf("line wider than the prompt: %q", l)
		}
		if r := []rune(l); len(r) > 0 && strings.ContainsRune(noLineStart, r[0]) {
			t.Errorf("line starts with %q: %q", r[0], l)
		}
		if strings.HasSuffix(l, "第二批"+string(filepath.Separator)+filepath.Base(path)) || strings.HasSuffix(l, filepath.Base(path)) {
			pathShown = true
			if !strings.Contains(l, "…") {
				t.Errorf("the long path is not shortened in the middle: %q", l)
			}
		}
	}
	if !pathShown {
		t.Errorf("no line ends with the file name:\n%s", msg.Text)
	}
}
