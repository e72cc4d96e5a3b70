package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms"
	"nianbao/reports"
	"nianbao/reports/pdf"
	"nianbao/reports/summary"
)

// newTestShell opens the shell in a test window with its own recovery folder.
func newTestShell(t *testing.T, args ...string) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(forms.NewTheme())
	w := a.NewWindow("test")
	s := newShell(a, w, Options{RecoveryDir: filepath.Join(t.TempDir(), "recovery"), Args: args})
	s.editor.SetCheckDelay(0) // no timer goroutine: the test driver runs fyne.Do in place
	s.start()
	t.Cleanup(func() {
		if !closed(s) {
			close(s.stop)
			w.Close()
		}
	})
	return s, w
}

// writeSample writes the built-in sample to a file and returns its path.
func writeSample(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "别斯托别乡2023.nianbao")
	if err := reports.Save(path, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	return path
}

// typeCell types into a cell of the editor as a clerk would.
func typeCell(t *testing.T, s *shell, k reports.CellKey, text string) {
	t.Helper()
	en := s.editor.CellEntry(k)
	if en == nil {
		t.Fatalf("no entry for %s", k)
	}
	en.SetText("")
	test.Type(en, text)
}

// buttons lists the buttons of the top dialog by their text.
func buttons(w fyne.Window) map[string]*widget.Button {
	out := map[string]*widget.Button{}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return out
	}
	walkObjects(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			out[b.Text] = b
		}
	})
	return out
}

func closed(s *shell) bool {
	select {
	case <-s.stop:
		return true
	default:
		return false
	}
}

func TestOpenEditSaveReopenRoundTrip(t *testing.T) {
	path := writeSample(t)
	s, w := newTestShell(t, path)
	if !strings.HasPrefix(w.Title(), "别斯托别乡2023.nianbao — ") {
		t.Errorf("title %q does not show the file", w.Title())
	}
	k := reports.Key(reports.TableT3, reports.RowNew, "natural")
	typeCell(t, s, k, "３")
	typeCell(t, s, reports.Key(reports.TableT3, "open", "natural"), "3")
	if !strings.Contains(w.Title(), " *") {
		t.Errorf("title %q has no unsaved mark after an edit", w.Title())
	}
	if !s.saveTo(path) {
		t.Fatal("save failed")
	}
	if strings.Contains(w.Title(), "*") {
		t.Errorf("title %q keeps the unsaved mark after saving", w.Title())
	}
	if _, err := os.Stat(path + ".bak"); err != nil {
		t.Errorf("no backup of the previous version: %v", err)
	}
	r, err := reports.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Value(reports.Key(reports.TableT3, reports.RowTotal, "natural")).String(); got != "3" {
		t.Errorf("reopened （七）总计 自然人 = %s, want 3", got)
	}
	if got := r.Cell(k).String(); got != "3" {
		t.Errorf("reopened cell = %q, want 3", got)
	}
	// Opening it again in a new window shows the same numbers.
	s2, _ := newTestShell(t, path)
	if got := s2.editor.TotalText(reports.Key(reports.TableT3, reports.RowNew, reports.ColTotal)); got != "3" {
		t.Errorf("reopened window shows row total %q, want 3", got)
	}
	if got := s.recentFiles(); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v, want %s first", got, path)
	}
}

func TestSaveRefusesToReplaceAFileThatIsNotAReport(t *testing.T) {
	s, _ := newTestShell(t)
	path := filepath.Join(t.TempDir(), "notes.nianbao")
	if err := os.WriteFile(path, []byte("my notes, not a report"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.onEdited()
	if s.saveTo(path) {
		t.Fatal("saved over a file that is not a report")
	}
	if b, _ := os.ReadFile(path); string(b) != "my notes, not a report" {
		t.Errorf("the other file was changed: %q", b)
	}
	if !s.dirty {
		t.Errorf("report marked saved after a failed save")
	}
}

func TestClosingWithUnsavedChangesAsks(t *testing.T) {
	cases := []struct {
		name       string
		button     string
		wantClosed bool
		wantSaved  bool
	}{
		{"cancel keeps the window open", "取消", false, false},
		{"don't save closes without writing", "不保存", true, false},
		{"save writes the file and closes", "保存", true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeSample(t)
			s, w := newTestShell(t, path)
			typeCell(t, s, reports.Key(reports.TableT3, reports.RowNew, "natural"), "8")
			s.onClose()
			bs := buttons(w)
			for _, want := range []string{"保存", "不保存", "取消"} {
				if bs[want] == nil {
					t.Fatalf("the question has no %s button (buttons: %v)", want, bs)
				}
			}
			test.Tap(bs[c.button])
			if closed(s) != c.wantClosed {
				t.Errorf("closed = %v, want %v", closed(s), c.wantClosed)
			}
			r, err := reports.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			saved := r.Cell(reports.Key(reports.TableT3, reports.RowNew, "natural")).String() == "8"
			if saved != c.wantSaved {
				t.Errorf("file saved = %v, want %v", saved, c.wantSaved)
			}
		})
	}
}

func TestClosingWithoutChangesDoesNotAsk(t *testing.T) {
	s, w := newTestShell(t, writeSample(t))
	s.onClose()
	if !closed(s) {
		t.Errorf("window not closed")
	}
	if len(buttons(w)) != 0 {
		t.Errorf("a question was shown for an unchanged report")
	}
}

func TestStartingFromLastYearsFile(t *testing.T) {
	last := writeSample(t)
	s, w := newTestShell(t)
	s.startFromLastYear(last, 2024)
	r := s.editor.Report()
	if r.Year != 2024 || r.LastYear == nil || r.LastYear.Year != 2023 {
		t.Fatalf("year %d, last year %v", r.Year, r.LastYear)
	}
	if r.Organ.FullName != "新源县别斯托别乡人民政府" {
		t.Errorf("organ %q not carried over", r.Organ.FullName)
	}
	if s.path != "" || !s.dirty || !strings.HasPrefix(w.Title(), "未命名 *") {
		t.Errorf("new year's report: path %q dirty %v title %q; want unsaved and untitled", s.path, s.dirty, w.Title())
	}
	if r.Overview.Parts[0].Text != "" || r.Overview.Parts[0].Title != "主动公开方面" {
		t.Errorf("first part %+v: want last year's title and an empty text", r.Overview.Parts[0])
	}
}

func TestOpeningABrokenFileKeepsTheWindowUsable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.nianbao")
	os.WriteFile(path, []byte(`{"schema": 1, "year": 2023,`), 0o644)
	s, w := newTestShell(t, path)
	if s.path != "" || s.editor.Report() == nil {
		t.Fatalf("path %q after a failed open", s.path)
	}
	if w.Canvas().Overlays().Top() == nil {
		t.Errorf("no error dialog for a broken file")
	}
	if !strings.Contains(s.status.Text, "无法打开") {
		t.Errorf("status %q", s.status.Text)
	}
}

func TestRecoveryCopyIsOfferedAfterACrash(t *testing.T) {
	path := writeSample(t)
	dir := filepath.Join(t.TempDir(), "recovery")
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	crashed := newShell(a, w, Options{RecoveryDir: dir, Args: []string{path}})
	crashed.editor.SetCheckDelay(0)
	t.Cleanup(func() { close(crashed.stop) })
	typeCell(t, crashed, reports.Key(reports.TableT3, reports.RowNew, "natural"), "6")
	crashed.autosave()
	copies, _ := filepath.Glob(filepath.Join(dir, "*.nianbao"))
	if len(copies) != 1 {
		t.Fatalf("recovery copies %v, want 1", copies)
	}
	// The crashed session's copy looks like one of a dead process.
	crashed.recovery.id = "999999999-1"
	os.Rename(copies[0], filepath.Join(dir, "999999999-1.nianbao"))
	os.Rename(strings.TrimSuffix(copies[0], ".nianbao")+".json", filepath.Join(dir, "999999999-1.json"))

	w2 := test.NewTempWindow(t, nil)
	s := newShell(a, w2, Options{RecoveryDir: dir})
	s.editor.SetCheckDelay(0)
	s.start()
	t.Cleanup(func() { close(s.stop) })
	bs := buttons(w2)
	if bs["恢复"] == nil {
		t.Fatalf("no recovery offered (buttons %v)", bs)
	}
	test.Tap(bs["恢复"])
	if got := s.editor.Report().Cell(reports.Key(reports.TableT3, reports.RowNew, "natural")).String(); got != "6" {
		t.Errorf("recovered cell = %q, want 6", got)
	}
	if s.path != path || !s.dirty {
		t.Errorf("recovered report: path %q dirty %v; want the original file, unsaved", s.path, s.dirty)
	}
	if old, _ := filepath.Glob(filepath.Join(dir, "old", "*.nianbao")); len(old) != 1 {
		t.Errorf("the copy was not kept in old/: %v", old)
	}
	if b, _ := os.ReadFile(path); strings.Contains(string(b), `"t3.new.natural": 6`) {
		t.Errorf("the user's file was written by the autosave")
	}
}

func TestRecoveryCopyIsWrittenWhenTheWindowLosesTheFocusAndOnTheTimer(t *testing.T) {
	recoveryCopies := func(s *shell) []string {
		copies, _ := filepath.Glob(filepath.Join(s.recovery.dir, "*.nianbao"))
		return copies
	}
	k := reports.Key(reports.TableT3, reports.RowNew, "natural")

	t.Run("focus lost", func(t *testing.T) {
		s, _ := newTestShell(t, writeSample(t))
		typeCell(t, s, k, "7")
		if c := recoveryCopies(s); len(c) != 0 {
			t.Fatalf("a copy %v before the focus was lost", c)
		}
		// What the driver calls when the window goes to the background.
		lc, ok := fyne.CurrentApp().Lifecycle().(interface{ OnExitedForeground() func() })
		if !ok || lc.OnExitedForeground() == nil {
			t.Fatal("no hook for the window losing the focus")
		}
		lc.OnExitedForeground()()
		c := recoveryCopies(s)
		if len(c) != 1 {
			t.Fatalf("recovery copies %v after the focus was lost, want 1", c)
		}
		r, err := reports.Load(c[0])
		if err != nil || r.Cell(k).String() != "7" {
			t.Errorf("the copy holds %q (%v), want the 7 typed", r.Cell(k).String(), err)
		}
	})

	t.Run("timer", func(t *testing.T) {
		a := test.NewTempApp(t)
		w := a.NewWindow("test")
		s := newShell(a, w, Options{RecoveryDir: filepath.Join(t.TempDir(), "recovery"), Args: []string{writeSample(t)}, AutosaveEvery: 20 * time.Millisecond})
		s.editor.SetCheckDelay(0)
		s.start()
		t.Cleanup(func() { close(s.stop) })
		typeCell(t, s, k, "8")
		for range 200 {
			if len(recoveryCopies(s)) == 1 {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Errorf("no recovery copy 2 s after an edit with a 20 ms timer")
	})
}

func TestDroppingAReportFileOpensIt(t *testing.T) {
	path := writeSample(t)
	s, _ := newTestShell(t)
	s.onDropped(fyne.NewPos(10, 10), []fyne.URI{storageURI(path)})
	if s.path != path || s.editor.Report().Organ.ShortName != "别斯托别乡" {
		t.Errorf("after dropping: path %q organ %q", s.path, s.editor.Report().Organ.ShortName)
	}
}

func storageURI(path string) fyne.URI { return storage.NewFileURI(path) }

func TestExportPDFRendersInTheBackgroundWithProgress(t *testing.T) {
	s, _ := newTestShell(t, writeSample(t))
	path := filepath.Join(t.TempDir(), "别斯托别乡2023年度报告.pdf")
	done := make(chan struct{})
	release := make(chan struct{})
	s.render = func(path string, r *reports.Report) (*pdf.Document, error) {
		<-release // the window is checked while the real rendering waits
		return renderPDFFile(path, r)
	}
	var pages int
	s.renderPDF(path, func(doc *pdf.Document) {
		pages = len(doc.Pages)
		close(done)
	})
	if !s.progress.Visible() {
		t.Errorf("no progress shown while rendering")
	}
	for _, b := range s.busy {
		if !b.Disabled() {
			t.Errorf("export/print stays enabled while rendering")
		}
	}
	close(release)
	<-done
	if s.progress.Visible() {
		t.Errorf("progress still shown after rendering")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "%PDF-") || len(b) < 10000 || pages < 2 {
		t.Errorf("PDF of %d bytes, %d pages", len(b), pages)
	}
}

// twoTownships writes the reports of 甲乡 and 乙镇 for year into a new
// folder: 一、本年新收 自然人 2 and 3, all of them 予以公开.
func twoTownships(t *testing.T, year int) string {
	t.Helper()
	dir := t.TempDir()
	for i, name := range []string{"甲乡", "乙镇"} {
		r := reports.New(year)
		r.Organ = reports.Organ{FullName: name + "人民政府", ShortName: name, Level: reports.LevelTownship}
		r.SetCell(reports.Key(reports.TableT3, reports.RowNew, "natural"), reports.Num(int64(i+2)))
		r.SetCell(reports.Key(reports.TableT3, "open", "natural"), reports.Num(int64(i+2)))
		if err := reports.Save(filepath.Join(dir, name+".nianbao"), r); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSummingAFolderFillsTheCountyReport(t *testing.T) {
	dir := twoTownships(t, 2024)
	s, w := newTestShell(t)
	county := reports.New(2024)
	county.Organ = reports.Organ{FullName: "某县人民政府", ShortName: "某县", Level: reports.LevelCountyGov}
	s.setReport(county, "", false)
	files, _ := summary.Files([]string{dir})
	sum, err := summary.Sum(files, summary.Options{Year: 2024, Base: county.Clone()})
	if err != nil {
		t.Fatal(err)
	}
	s.showSum(sum)
	if s.status.Text != "已汇总 2 个文件，计入 2 个" {
		t.Errorf("status %q after the sum", s.status.Text)
	}
	bs := buttons(w)
	if bs["把汇总数字填入当前报告"] == nil {
		t.Fatalf("no apply button in %v", bs)
	}
	test.Tap(bs["把汇总数字填入当前报告"])
	if got := s.editor.TotalText(reports.Key(reports.TableT3, reports.RowNew, reports.ColTotal)); got != "5" {
		t.Errorf("county 一、本年新收 total shows %q, want 2+3=5", got)
	}
	if !s.dirty {
		t.Errorf("report not marked changed after filling in the sum")
	}
}

func TestSummingFromTheStartPageFillsANewReport(t *testing.T) {
	dir := twoTownships(t, 2022)
	s, w := newTestShell(t)
	if !s.onStart {
		t.Fatal("not on the start page")
	}
	files, _ := summary.Files([]string{dir})
	sum, err := summary.Sum(files, sumOptions(s.sumBase(), s.path)) // as sumFolder does
	if err != nil {
		t.Fatal(err)
	}
	s.showSum(sum)
	apply := buttons(w)["把汇总数字填入新报告"]
	if apply == nil {
		t.Fatalf("no 把汇总数字填入新报告 after summing from the start page: %v (status %q)", buttons(w), s.status.Text)
	}
	if s.status.Text != "已汇总 2 个文件，计入 2 个" {
		t.Errorf("status %q: the units' year, not the hidden blank report's, is summed", s.status.Text)
	}
	test.Tap(apply)
	r := s.editor.Report()
	if s.onStart || r.Year != 2022 || !s.dirty || s.path != "" {
		t.Errorf("after filling: start page %v, year %d (want 2022), dirty %v, path %q", s.onStart, r.Year, s.dirty, s.path)
	}
	if got := s.editor.TotalText(reports.Key(reports.TableT3, reports.RowNew, reports.ColTotal)); got != "5" {
		t.Errorf("一、本年新收 total shows %q, want 2+3=5", got)
	}
}

func TestNewOffersABlankReportTheSampleAndLastYear(t *testing.T) {
	s, w := newTestShell(t)
	s.onNew()
	bs := buttons(w)
	for _, want := range []string{"空白报告", "从上年报告开始…", "示例报告（别斯托别乡 2023 年度）"} {
		if bs[want] == nil {
			t.Fatalf("新建 has no %q button: %v", want, bs)
		}
	}
	test.Tap(bs["示例报告（别斯托别乡 2023 年度）"])
	if r := s.editor.Report(); r.Organ.ShortName != "别斯托别乡" || s.path != "" || s.dirty {
		t.Errorf("sample: organ %q path %q dirty %v", r.Organ.ShortName, s.path, s.dirty)
	}

	s.onNew()
	var year *widget.Entry
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			year = e
		}
	})
	if year == nil {
		t.Fatal("no year entry in 新建")
	}
	year.SetText("２０２０")
	test.Tap(buttons(w)["空白报告"])
	if r := s.editor.Report(); r.Year != 2020 || r.Template != reports.V2019 {
		t.Errorf("blank report for ２０２０: year %d template %s", r.Year, r.Template)
	}
}

func TestSystemDialogsNameTheFileTypes(t *testing.T) {
	for _, c := range []struct {
		name string
		exts []string
		want string
	}{
		{"a report", []string{".nianbao"}, "年报文件 (*.nianbao)"},
		{"a PDF export", []string{".pdf"}, "PDF 文件 (*.pdf)"},
		{"import", importExtensions, "可导入的报告 (*.docx;*.pdf;*.xlsx;*.txt;*.html;*.htm;*.mht;*.mhtml)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := fileFilters(c.exts)
			if len(fs) != 1 || fs[0].Name+" ("+fs[0].Patterns()+")" != c.want {
				t.Errorf("filters %+v, want %q", fs, c.want)
			}
		})
	}
}

func TestCtrlShiftSAsksWhereToSaveACopy(t *testing.T) {
	path := writeSample(t)
	s, w := newTestShell(t, path)
	w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(saveAsShortcut)
	bs := buttons(w)
	if bs["保存"] == nil || bs["选择文件夹…"] == nil {
		t.Fatalf("no 另存为 dialog after Ctrl+Shift+S (buttons %v)", bs)
	}
	if s.path != path {
		t.Errorf("the report's file changed to %q before anything was saved", s.path)
	}
}

func TestSummingForACountyListsItsTownshipsThatSentNothing(t *testing.T) {
	dir := t.TempDir()
	r := reports.New(2024)
	r.Organ = reports.Organ{FullName: "大坡乡人民政府", ShortName: "大坡乡", Level: reports.LevelTownship}
	if err := reports.Save(filepath.Join(dir, "大坡乡.nianbao"), r); err != nil {
		t.Fatal(err)
	}
	s, w := newTestShell(t)
	county := reports.New(2024)
	county.Organ = reports.Organ{FullName: "融安县人民政府", ShortName: "融安县", Level: reports.LevelCountyGov}
	s.setReport(county, "", false)
	opts := sumOptions(county.Clone(), "")
	if len(opts.Roster) != 12 || !opts.RosterTownshipsOnly {
		t.Fatalf("roster %q (townships only %v), want 融安县's 12", opts.Roster, opts.RosterTownshipsOnly)
	}
	files, _ := summary.Files([]string{dir})
	sum, err := summary.Sum(files, opts)
	if err != nil {
		t.Fatal(err)
	}
	s.showSum(sum)
	text := dialogText(w)
	for _, want := range []string{"未报送（按行政区划应报送的乡镇、街道）", "融安县长安镇人民政府", "融安县潭头乡人民政府"} {
		if !strings.Contains(text, want) {
			t.Errorf("the result lacks %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, "融安县大坡乡人民政府　没有找到") {
		t.Errorf("大坡乡 sent its report but is listed as missing:\n%s", text)
	}
	// A township's own report sums without a roster.
	if o := sumOptions(r, ""); o.Roster != nil {
		t.Errorf("a township's report got a roster: %q", o.Roster)
	}
}

// Importing a PDF from the 导入 dialog opens the report unsaved and lists
// the page numbers it dropped; a scan is refused with the reason.
func TestImportingAPDF(t *testing.T) {
	s, w := newTestShell(t)
	s.importPath(filepath.Join("..", "reports", "importer", "testdata", "pdf", "sample-nianbao.pdf"))
	if got := s.editor.Report(); got.Organ.ShortName != "别斯托别乡" || got.Year != 2023 || s.path != "" {
		t.Errorf("after importing: organ %q year %d path %q", got.Organ.ShortName, got.Year, s.path)
	}
	if _, ok := buttons(w)["关闭"]; !ok || !strings.Contains(dialogText(w), "已从PDF 文件导入") || !strings.Contains(dialogText(w), "页脚“—1—”是页码") {
		t.Errorf("import dialog: %q", dialogText(w))
	}

	scan := filepath.Join(t.TempDir(), "扫描.pdf")
	image := "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x00\nendstream"
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		"<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream", image}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	if err := os.WriteFile(scan, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s.importPath(scan)
	if text := dialogText(w); !strings.Contains(text, "扫描件") {
		t.Errorf("scan: dialog %q", text)
	}
	if s.editor.Report().Organ.ShortName != "别斯托别乡" {
		t.Error("the refused scan replaced the report")
	}
}
