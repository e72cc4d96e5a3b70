package app

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

func TestExportWordWritesTheDocument(t *testing.T) {
	path := writeSample(t)
	s, w := newTestShell(t, path)
	s.onExportWord()
	bs := buttons(w)
	if bs["保存"] == nil {
		t.Fatalf("no 导出Word dialog (buttons %v)", bs)
	}
	test.Tap(bs["保存"])
	want := filepath.Join(filepath.Dir(path), s.suggestedName(".docx"))
	zr, err := zip.OpenReader(want)
	if err != nil {
		t.Fatalf("no Word document at %s: %v", want, err)
	}
	defer zr.Close()
	found := false
	for _, f := range zr.File {
		found = found || f.Name == "word/document.xml"
	}
	if !found {
		t.Errorf("%s has no word/document.xml", want)
	}
	if bs := buttons(w); bs["打开"] == nil {
		t.Errorf("no 导出完成 dialog offering to open the file (buttons %v)", bs)
	}
}

func TestExportWordWarnsFirstWhenTheReportHasErrors(t *testing.T) {
	r := reports.Sample()
	r.Cells["t3.new.natural"] = reports.Num(5) // 三 no longer balances
	path := filepath.Join(t.TempDir(), "wrong.nianbao")
	if err := reports.Save(path, r); err != nil {
		t.Fatal(err)
	}
	s, w := newTestShell(t, path)
	s.onExportWord()
	bs := buttons(w)
	if bs["保存"] != nil || len(bs) == 0 {
		t.Fatalf("no warning before exporting a report with errors (buttons %v)", bs)
	}
	var no *widget.Button
	for text, b := range bs {
		if text == "否" || text == "No" || text == "取消" {
			no = b
		}
	}
	if no == nil {
		t.Fatalf("the warning has no way to stop (buttons %v)", bs)
	}
	test.Tap(no)
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), s.suggestedName(".docx"))); err == nil {
		t.Error("a Word document was written although the clerk stopped")
	}
}
