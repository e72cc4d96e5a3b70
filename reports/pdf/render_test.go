package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/reports"
)

var fixedDate = time.Date(2024, 1, 19, 9, 0, 0, 0, time.UTC)

// renderTo writes r as a PDF into a temporary file and returns its path.
func renderTo(t *testing.T, r *reports.Report, opts Options) (string, *Document) {
	t.Helper()
	if opts.Date.IsZero() {
		opts.Date = fixedDate
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	doc, err := RenderFile(path, r, opts)
	if err != nil {
		t.Fatal(err)
	}
	return path, doc
}

// poppler runs a poppler-utils tool (pdftotext, pdffonts, pdfinfo).
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s not found: install poppler-utils", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func TestExtractedTextHasEverything(t *testing.T) {
	r := reports.Sample()
	path, doc := renderTo(t, r, Options{})
	cellLines := map[string]bool{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			if l.Kind == KindCell {
				cellLines[l.Text()] = true
			}
		}
	}
	pageNo := regexp.MustCompile(`—[0-9]+—`)
	for _, mode := range []string{"raw", "reading", "layout"} {
		t.Run(mode, func(t *testing.T) {
			args := []string{"-enc", "UTF-8", path, "-"}
			switch mode {
			case "raw":
				args = append([]string{"-raw"}, args...)
			case "layout":
				args = append([]string{"-layout"}, args...)
			}
			text := squash(poppler(t, "pdftotext", args...))
			for n := 1; n <= len(doc.Pages); n++ {
				if !strings.Contains(text, "—"+strconv.Itoa(n)+"—") {
					t.Errorf("page number — %d — not found", n)
				}
			}
			if got := len(pageNo.FindAllString(text, -1)); got != len(doc.Pages) {
				t.Errorf("found %d page numbers, want %d", got, len(doc.Pages))
			}
			// Paragraphs continue across page breaks: drop the numbers.
			text = pageNo.ReplaceAllString(text, "")
			var want []string
			want = append(want, r.Title())
			for _, p := range reports.ParagraphsAt(r.Preamble) {
				want = append(want, p.Text)
			}
			for _, s := range r.Tmpl().Sections {
				want = append(want, s.Title())
			}
			for i, p := range r.Overview.Parts {
				want = append(want, reports.NumberArabic.Label(i)+p.Title+"。"+p.Text)
			}
			want = append(want, "（一）"+r.Improvement.ProblemsTitle, "（二）"+r.Improvement.MeasuresTitle)
			for _, p := range r.Improvement.Problems {
				want = append(want, p.Text)
			}
			for i, p := range r.Improvement.Measures {
				want = append(want, reports.NumberArabic.Label(i)+p.Title+"。"+p.Text)
			}
			want = append(want, r.Other.Fee, "新源县别斯托别乡人民政府2024年1月19日")
			for _, w := range want {
				if !strings.Contains(text, squash(w)) {
					t.Errorf("extracted text lacks %q", w)
				}
			}
			// Every table label. Labels wrapped inside their cells are
			// whole only in content order (raw); the others check those
			// on one line.
			for _, tb := range r.Tmpl().Tables {
				cells, _ := tb.HeaderGrid()
				labels := append(cells, tb.LabelGrid()...)
				for _, c := range labels {
					if mode != "raw" && !cellLines[c.Label] {
						continue
					}
					if !strings.Contains(text, squash(c.Label)) {
						t.Errorf("extracted text lacks the %s label %q", tb.Key, c.Label)
					}
				}
			}
		})
	}
	if n := strings.Count(poppler(t, "pdfinfo", path), "Pages:"); n != 1 {
		t.Fatal("pdfinfo gave no page count")
	}
	if !strings.Contains(poppler(t, "pdfinfo", path), "Pages:           "+strconv.Itoa(len(doc.Pages))) {
		t.Errorf("the PDF does not have the %d pages of the layout", len(doc.Pages))
	}
}

func TestExtractedTableNumbers(t *testing.T) {
	r := longReport()
	path, _ := renderTo(t, r, Options{})
	text := poppler(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	tb := r.Tmpl().Table(reports.TableT3)
	for ri, row := range tb.Rows {
		var nums []string
		for ci := range tb.Columns {
			nums = append(nums, regexp.QuoteMeta(r.Display(tb, ri, ci)))
		}
		re := regexp.MustCompile(`(^|\s)` + strings.Join(nums, `\s+`) + `(\s|$)`)
		if !re.MatchString(text) {
			t.Errorf("row %s: the numbers %v are not on one line of the extracted text", row.Key, nums)
		}
	}
}

func TestMetadata(t *testing.T) {
	path, _ := renderTo(t, reports.Sample(), Options{})
	info := poppler(t, "pdfinfo", "-enc", "UTF-8", path)
	for _, want := range []string{
		"别斯托别乡2023年度政府信息公开工作年度报告",
		"新源县别斯托别乡人民政府",
		"nianbao ",
		"595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

func TestFontsAreEmbedded(t *testing.T) {
	path, _ := renderTo(t, reports.Sample(), Options{})
	out := poppler(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) != 5 {
		t.Errorf("pdffonts lists %d fonts, want the 5 roles:\n%s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type... encoding emb sub uni
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
	}
	for _, r := range Roles {
		if !strings.Contains(out, "nianbao-"+string(r)) {
			t.Errorf("pdffonts lacks the %s font:\n%s", r, out)
		}
	}
}

func TestFallbackFontInPDF(t *testing.T) {
	r := reports.Sample().Clone()
	r.Preamble = "联系人王堃、李镕、张喆、赵珺、钱赟负责本报告。"
	r.Other.Fee = ""
	path, doc := renderTo(t, r, Options{})
	text := squash(poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if !strings.Contains(text, "联系人王堃、李镕、张喆、赵珺、钱赟负责本报告。") {
		t.Errorf("rare characters lost in the PDF text")
	}
	if !strings.Contains(poppler(t, "pdffonts", path), doc.Fallback) {
		t.Errorf("the fallback font %s is not in the PDF", doc.Fallback)
	}
}

func TestDeterministicBytes(t *testing.T) {
	render := func(d time.Time) []byte {
		var buf bytes.Buffer
		if err := Render(&buf, reports.Sample(), Options{Date: d}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := render(fixedDate), render(fixedDate)
	if !bytes.Equal(a, b) {
		t.Error("two renders with the same date differ")
	}
	if c := render(fixedDate.AddDate(0, 0, 1)); bytes.Equal(a, c) {
		t.Error("the creation date is not written into the PDF")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Error("output is not a PDF")
	}
	if len(a) > 400<<10 {
		t.Errorf("sample PDF is %d KB, goal ≤ 400 KB", len(a)>>10)
	}
}

func TestRenderFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A failing render leaves the old file as it was.
	if _, err := RenderFile(path, reports.Sample(), Options{Fonts: "bad"}); err == nil {
		t.Fatal("want an error for a bad font choice")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Error("a failed render changed the existing file")
	}
	if _, err := RenderFile(path, reports.Sample(), Options{Date: fixedDate}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("the file was not replaced by the PDF")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files in the folder, want only the PDF", len(entries))
	}
}

// BenchmarkRenderSample renders the sample in-process (goal ≤ 20 ms):
// layout and drawing as nianbao does them, against the same document
// drawn by gopdf from the whole font files (what gopdf alone does), with
// the ratio and both PDF sizes; and against the least any drawing must
// do, compressing the embedded glyphs once (a gauge of the machine).
func BenchmarkRenderSample(b *testing.B) {
	r := reports.Sample()
	var whole, ours, ourCPU time.Duration
	var wholeSize, ourSize int
	for i := 0; i < b.N; i++ {
		cpu := cpuTime()
		start := time.Now()
		doc, err := Layout(r, Options{})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := draw(&buf, doc, fixedDate, true); err != nil {
			b.Fatal(err)
		}
		ours += time.Since(start)
		ourCPU += cpuTime() - cpu
		ourSize = buf.Len()

		start = time.Now()
		buf.Reset()
		if err := draw(&buf, doc, fixedDate, false); err != nil {
			b.Fatal(err)
		}
		whole += time.Since(start)
		wholeSize = buf.Len()
	}
	// The floor: compressing the embedded font data once, at the level
	// the drawing uses.
	doc, err := Layout(r, Options{})
	if err != nil {
		b.Fatal(err)
	}
	var fonts [][]byte
	for _, f := range orderedFaces(doc) {
		var runes []rune
		for _, p := range doc.Pages {
			for _, l := range p.Lines {
				for _, run := range l.Runs {
					if run.Font == f.Name {
						runes = append(runes, []rune(run.Text)...)
					}
				}
			}
		}
		sub, err := subsetFont(f, runes)
		if err != nil {
			b.Fatal(err)
		}
		fonts = append(fonts, sub)
	}
	start := time.Now()
	for i := 0; i < b.N; i++ {
		for _, f := range fonts {
			w, _ := zlib.NewWriterLevel(io.Discard, FontCompression)
			_, _ = w.Write(f)
			_ = w.Close()
		}
	}
	floor := time.Since(start)
	b.ReportMetric(float64(floor.Microseconds())/float64(b.N)/1000, "ms/zlib-of-fonts")
	b.ReportMetric(float64(ours)/float64(floor), "render/zlib")
	b.ReportMetric(float64(ours.Microseconds())/float64(b.N)/1000, "ms/render")
	// CPU time is what a render costs on a machine not shared with
	// other work (wall time grows with the load).
	b.ReportMetric(float64(ourCPU.Microseconds())/float64(b.N)/1000, "cpu-ms/render")
	b.ReportMetric(float64(whole.Microseconds())/float64(b.N)/1000, "ms/gopdf-whole-fonts")
	b.ReportMetric(float64(whole)/float64(ours), "speedup")
	b.ReportMetric(float64(ourSize)/1024, "KB/pdf")
	b.ReportMetric(float64(wholeSize)/1024, "KB/gopdf-whole-fonts")
}

func TestConcurrentRenders(t *testing.T) {
	// The window renders in the background while the user may export
	// again: renders share only read-only font data.
	want := func() []byte {
		var buf bytes.Buffer
		if err := Render(&buf, reports.Sample(), Options{Date: fixedDate}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			var buf bytes.Buffer
			err := Render(&buf, reports.Sample(), Options{Date: fixedDate})
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("a concurrent render gave different bytes")
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
