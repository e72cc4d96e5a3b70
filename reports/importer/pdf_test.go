package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"nianbao/reports"
	"nianbao/reports/pdf"
	"nianbao/reports/plaintext"
)

// samePlainText fails when the two reports' text exports differ, writing
// both to testdata/failed/.
func samePlainText(t *testing.T, name string, want, got *reports.Report) {
	t.Helper()
	w, g := plaintext.String(want), plaintext.String(got)
	if w == g {
		return
	}
	dir := filepath.Join("testdata", "failed")
	_ = os.MkdirAll(dir, 0o755)
	_ = os.WriteFile(filepath.Join(dir, name+".want.txt"), []byte(w), 0o644)
	_ = os.WriteFile(filepath.Join(dir, name+".got.txt"), []byte(g), 0o644)
	wl, gl := strings.Split(w, "\n"), strings.Split(g, "\n")
	for i := range max(len(wl), len(gl)) {
		var a, b string
		if i < len(wl) {
			a = wl[i]
		}
		if i < len(gl) {
			b = gl[i]
		}
		if a != b {
			t.Fatalf("%s: text exports differ at line %d:\nwant %q\n got %q\n(both written to %s)", name, i+1, a, b, dir)
		}
	}
}

// renderPDF is nianbao's own PDF of r.
func renderPDF(t testing.TB, r *reports.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Render(&buf, r, pdf.Options{Date: time.Date(2024, 1, 19, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// PDFs of the sample made by nianbao itself (CID fonts, Identity-H,
// ToUnicode) and by LibreOffice from a Word document and from the sample's
// web page (subset TrueType fonts with ToUnicode) import as the sample:
// every paragraph, every table cell, the 落款.
func TestPDFImportsAsTheSample(t *testing.T) {
	for _, c := range []struct {
		name, file string
		joined     int // table rows a page break split, joined again
	}{
		{"nianbao's own PDF", "sample-nianbao.pdf", 0},
		{"LibreOffice from a Word document", "sample-docx-libreoffice.pdf", 3},
		{"LibreOffice from the web page", "sample-html-libreoffice.pdf", 0},
		{"Chromium printing the web page", "sample-html-chromium.pdf", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "pdf", c.file))
			if err != nil {
				t.Fatal(err)
			}
			res := mustImport(t, c.file, data)
			want := reports.Sample()
			samePlainText(t, "pdf_"+strings.TrimSuffix(c.file, ".pdf"), want, res.Report)
			sameReport(t, "pdf_"+strings.TrimSuffix(c.file, ".pdf"), comparable(t, want), comparable(t, res.Report))
			if res.Format != "PDF 文件" || res.Uncertain() {
				t.Errorf("format %q, problems %v", res.Format, res.Problems)
			}
			joined := 0
			for _, p := range res.Problems {
				if strings.Contains(p.Message, "分页断开") {
					joined++
				}
			}
			if joined != c.joined {
				t.Errorf("%d rows joined across pages, want %d: %v", joined, c.joined, res.Problems)
			}
		})
	}
}

// The page numbers of nianbao's PDF are dropped and each is listed.
func TestPDFPageNumbersInNotes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "sample-nianbao.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, "sample.pdf", data)
	var got []string
	for _, p := range res.Problems {
		if strings.Contains(p.Message, "页码") {
			got = append(got, p.String())
		}
	}
	want := []string{}
	for i := 1; i <= 5; i++ {
		want = append(want, fmt.Sprintf("【说明】第%d页：页脚“—%d—”是页码，已忽略", i, i))
	}
	if !slices.Equal(got, want) {
		t.Errorf("page number notes =\n%q\nwant\n%q", got, want)
	}
}

// A browser's header (date and title) and footer (address and “1/6”) on
// every page are dropped, each listed.
func TestPDFBrowserHeaderFooterInNotes(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "sample-html-chromium.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	res := mustImport(t, "sample.pdf", data)
	headers, footers := 0, 0
	for _, p := range res.Problems {
		switch {
		case strings.Contains(p.Message, "每页重复的页眉") && strings.Contains(p.Message, "别斯托别乡2023年度政府信"):
			headers++
		case strings.Contains(p.Message, "页脚“file:///") && p.Pos.Page > 0:
			footers++
		}
	}
	if headers != 6 || footers != 6 {
		t.Errorf("%d header and %d footer notes, want 6 and 6: %v", headers, footers, res.Problems)
	}
}

// Reports nianbao renders now (not only the committed file) import back:
// the sample, a county department with numbers everywhere, and a report
// in the 2019 format.
func TestOwnPDFRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name string
		r    *reports.Report
	}{
		{"the sample", reports.Sample()},
		{"a county department with numbers", handMade()},
		{"a 2019-format report", handMade2019()},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := mustImport(t, "report.pdf", renderPDF(t, c.r))
			name := "own_pdf_" + strings.ReplaceAll(c.name, " ", "_")
			samePlainText(t, name, c.r, res.Report)
			sameReport(t, name, comparable(t, c.r), comparable(t, res.Report))
			if res.Uncertain() {
				t.Errorf("problems: %v", res.Problems)
			}
		})
	}
}

// TestWriteSampleDocx writes the sample as a .docx with ruled tables to
// $WRITE_DOCX, for testdata/pdf/make.sh; it does nothing otherwise.
func TestWriteSampleDocx(t *testing.T) {
	path := os.Getenv("WRITE_DOCX")
	if path == "" {
		return
	}
	if err := os.WriteFile(path, writeDocx(t, reports.Sample()), 0o644); err != nil {
		t.Fatal(err)
	}
}
