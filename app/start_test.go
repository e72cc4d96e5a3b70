package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/version"
)

// startButton finds the start page's button whose text begins with prefix.
func startButton(t *testing.T, s *shell, prefix string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkObjects(s.startPg.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("the start page has no %q button", prefix)
	}
	return found
}

func TestStartingWithoutAFileShowsTheStartPage(t *testing.T) {
	s, w := newTestShell(t)
	if !s.onStart || s.body.Objects[0] != s.startPg.root {
		t.Fatal("no start page when started without a file")
	}
	for _, want := range []string{"新建", "从上年报告开始", "打开", "看看示例"} {
		startButton(t, s, want)
	}
	if w.Canvas().Focused() != s.startPg.first {
		t.Errorf("focus on %v, want the first action", w.Canvas().Focused())
	}
	if w.Title() != version.AppName {
		t.Errorf("title %q on the start page, want %q (no file, nothing unsaved)", w.Title(), version.AppName)
	}
	if !strings.Contains(s.status.Text, "请选择") {
		t.Errorf("status %q", s.status.Text)
	}
	// Saving, exporting, printing or checking from the start page does
	// nothing and says why.
	actions := []struct {
		name string
		run  func()
	}{
		{"保存", func() { s.onSave(nil) }},
		{"另存为", func() { s.onSaveAs(nil) }},
		{"导出PDF", s.onExportPDF},
		{"导出Word", s.onExportWord},
		{"导出Excel", s.onExportExcel},
		{"导出网页", s.onExportHTML},
		{"打印", s.onPrint},
		{"检查", s.onCheck},
	}
	for _, a := range actions {
		s.setStatus("")
		a.run()
		if w.Canvas().Overlays().Top() != nil || !strings.Contains(s.status.Text, "请先新建或打开") {
			t.Errorf("%s on the start page: overlay %v, status %q", a.name, w.Canvas().Overlays().Top(), s.status.Text)
		}
	}
}

func TestStartPageActions(t *testing.T) {
	t.Run("新建本年度报告 makes a blank report for the year being reported", func(t *testing.T) {
		s, _ := newTestShell(t)
		test.Tap(startButton(t, s, "新建"))
		if s.onStart || s.editor.Report().Year != defaultYear() || s.path != "" {
			t.Errorf("start page %v, year %d (want %d), path %q", s.onStart, s.editor.Report().Year, defaultYear(), s.path)
		}
		if !strings.Contains(startButton(t, s, "新建").Text, "年度报告") {
			t.Errorf("button %q does not name the year", startButton(t, s, "新建").Text)
		}
	})
	t.Run("看看示例 shows the sample", func(t *testing.T) {
		s, _ := newTestShell(t)
		test.Tap(startButton(t, s, "看看示例"))
		if s.onStart || s.editor.Report().Organ.ShortName != "别斯托别乡" || s.dirty {
			t.Errorf("sample: start page %v organ %q dirty %v", s.onStart, s.editor.Report().Organ.ShortName, s.dirty)
		}
	})
	t.Run("最近打开 opens the file", func(t *testing.T) {
		path := writeSample(t)
		s, _ := newTestShell(t)
		s.addRecent(path)
		s.showStartPage()
		test.Tap(startButton(t, s, filepath.Base(path)))
		if s.onStart || s.path != path {
			t.Errorf("start page %v path %q, want %s open", s.onStart, s.path, path)
		}
	})
	t.Run("a recent file that is gone is shown disabled", func(t *testing.T) {
		s, _ := newTestShell(t)
		s.addRecent(filepath.Join(t.TempDir(), "搬走了.nianbao"))
		s.showStartPage()
		if b := startButton(t, s, "搬走了.nianbao"); !b.Disabled() || !strings.Contains(b.Text, "不在原处") {
			t.Errorf("missing file's entry %q disabled %v", b.Text, b.Disabled())
		}
	})
	for _, c := range []struct{ button, title string }{{"打开", "打开报告"}, {"从上年报告开始", "选择上年的报告文件"}} {
		t.Run(c.button+" asks for a file", func(t *testing.T) {
			s, w := newTestShell(t)
			test.Tap(startButton(t, s, c.button))
			if w.Canvas().Overlays().Top() == nil {
				t.Errorf("no file dialog after %s", c.button)
			}
		})
	}
	t.Run("从上年报告开始 starts the year after the chosen file's", func(t *testing.T) {
		s, _ := newTestShell(t)
		s.startFromLastYear(writeSample(t), 0)
		if r := s.editor.Report(); s.onStart || r.Year != 2024 || r.LastYear == nil || !s.dirty {
			t.Errorf("start page %v year %d last year %v dirty %v", s.onStart, r.Year, r.LastYear != nil, s.dirty)
		}
	})
}

func TestNewWithAReportOpenDefaultsToTheNextYearFromIt(t *testing.T) {
	s, w := newTestShell(t, writeSample(t))
	s.onNew()
	var year *widget.Entry
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			year = e
		}
	})
	if year == nil || year.Text != "2024" {
		t.Fatalf("year entry %v, want 2024 (the open 2023 report + 1)", year)
	}
	b := buttons(w)["从当前报告（2023 年度）开始"]
	if b == nil || b.Importance != widget.HighImportance {
		t.Fatalf("default action %v, want 从当前报告（2023 年度）开始 marked as the default", b)
	}
	for text, o := range buttons(w) {
		if o != b && text != "" && o.Importance == widget.HighImportance {
			t.Errorf("%q is marked as the default too", text)
		}
	}
	test.Tap(b)
	r := s.editor.Report()
	if r.Year != 2024 || r.LastYear == nil || r.LastYear.Year != 2023 || r.Organ.ShortName != "别斯托别乡" || s.path != "" || !s.dirty {
		t.Errorf("new report: year %d last year %v organ %q path %q dirty %v", r.Year, r.LastYear, r.Organ.ShortName, s.path, s.dirty)
	}
}

func TestOpeningATextFileSaysItIsNotAReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "会议纪要.nianbao")
	if err := os.WriteFile(path, []byte("这是一份会议纪要，不是年报。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, w := newTestShell(t)
	s.openPath(path)
	text := strings.Join(overlayLabels(w), "\n")
	var msg string
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			msg += v.Text + "\n"
		case *widget.RichText:
			msg += v.String() + "\n"
		}
	})
	msg += text
	for _, want := range []string{"会议纪要.nianbao", "这不是年报文件", "普通文本", "导入"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	for _, bad := range []string{"invalid character", "JSON", "looking for"} {
		if strings.Contains(msg, bad) {
			t.Errorf("message shows Go's %q:\n%s", bad, msg)
		}
	}
	if !s.onStart {
		t.Errorf("a failed open left the start page")
	}
	if b, _ := os.ReadFile(path); string(b) != "这是一份会议纪要，不是年报。\n" {
		t.Errorf("the text file was changed")
	}
}
