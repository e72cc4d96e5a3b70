package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/reports"
	"nianbao/reports/plaintext"
)

const seedFile = "../reports/importer/testdata/seed.txt"

// runCLI runs the command line with buffers.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestImportExitCodes(t *testing.T) {
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	clean := write("seed.txt", string(seed))
	blank := write("blank.txt", strings.Replace(string(seed), "行政许可\t0", "行政许可\t", 1))
	junk := write("junk.txt", "今天天气不错。\n")
	broken := write("broken.nianbao", "{ not json")

	cases := []struct {
		name    string
		args    []string
		code    int
		out     string // in stdout+stderr
		written bool
	}{
		{"the seed imports cleanly", []string{"import", clean, "-o", filepath.Join(dir, "a.nianbao")}, ExitOK, "2023年度，2021年版模板", true},
		{"a blank cell makes the import uncertain", []string{"import", blank, "-o", filepath.Join(dir, "b.nianbao")}, ExitFindings, "「本年处理决定数量」为空", true},
		{"nothing usable", []string{"import", junk, "-o", filepath.Join(dir, "c.nianbao")}, ExitUnusable, "没有可导入的年报内容", false},
		{"a missing file", []string{"import", filepath.Join(dir, "nope.docx"), "-o", filepath.Join(dir, "d.nianbao")}, ExitUnusable, "文件不存在", false},
		{"no output file", []string{"import", clean}, ExitUnusable, "用法", false},
		{"a bad --prev", []string{"import", clean, "-o", filepath.Join(dir, "e.nianbao"), "--prev", broken}, ExitUnusable, "文件格式有误", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\n%s%s", code, c.code, out, errs)
			}
			if !strings.Contains(out+errs, c.out) {
				t.Errorf("output lacks %q:\n%s%s", c.out, out, errs)
			}
			if i := indexOf(c.args, "-o"); i >= 0 {
				_, err := reports.Load(c.args[i+1])
				if c.written != (err == nil) {
					t.Errorf("output written = %v, want %v (%v)", err == nil, c.written, err)
				}
			}
		})
	}
	// The saved import is the sample.
	got, err := reports.Load(filepath.Join(dir, "a.nianbao"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := reports.Marshal(got)
	b, _ := reports.Marshal(reports.Sample())
	if !bytes.Equal(a, b) {
		t.Error("the imported seed differs from the sample")
	}
	// An unreadable file at the output path is never overwritten.
	code, _, errs := runCLI("import", clean, "-o", broken)
	if after, _ := os.ReadFile(broken); code != ExitUnusable || string(after) != "{ not json" {
		t.Errorf("exit %d, file now %q: %s", code, after, errs)
	}
}

func indexOf(args []string, s string) int {
	for i, a := range args {
		if a == s {
			return i
		}
	}
	return -1
}

// --prev keeps last year's report with the imported one, for the
// cross-year checks.
func TestImportWithPrevious(t *testing.T) {
	dir := t.TempDir()
	prev := reports.Sample()
	prev.Year = 2022
	prevPath := filepath.Join(dir, "2022.nianbao")
	if err := reports.Save(prevPath, prev); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "2023.nianbao")
	if code, o, e := runCLI("import", seedFile, "-o", out, "--prev", prevPath); code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, o, e)
	}
	r, err := reports.Load(out)
	if err != nil || r.LastYear == nil || r.LastYear.Year != 2022 {
		t.Fatalf("last year not kept: %v %+v", err, r)
	}
}

func TestTextCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.nianbao")
	if err := reports.Save(path, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI("text", path)
	if code != ExitOK || out != plaintext.String(reports.Sample()) {
		t.Fatalf("exit %d, stderr %s, stdout differs from plaintext.String", code, errs)
	}
	txt := filepath.Join(dir, "sample.txt")
	if code, _, errs := runCLI("text", path, "-o", txt); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// And back: the text imports as the same report.
	back := filepath.Join(dir, "back.nianbao")
	if code, o, e := runCLI("import", txt, "-o", back); code != ExitOK {
		t.Fatalf("import of the text: exit %d %s%s", code, o, e)
	}
	r, err := reports.Load(back)
	if err != nil || r.Title() != reports.Sample().Title() || r.Other.Fee != reports.Sample().Other.Fee {
		t.Errorf("round trip: %v %+v", err, r)
	}
	if code, _, errs := runCLI("text", filepath.Join(dir, "missing.nianbao")); code != ExitUnusable || !strings.Contains(errs, "文件不存在") {
		t.Errorf("missing file: exit %d, %s", code, errs)
	}
}

// A report printed to PDF by nianbao itself and imported again gives back
// the same text export; a scanned PDF is refused, saying it is a scan.
func TestImportPDF(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "sample.nianbao")
	if err := reports.Save(src, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	pdfPath := filepath.Join(dir, "sample.pdf")
	if code, out, errs := runCLI("pdf", src, "-o", pdfPath); code != ExitOK {
		t.Fatalf("pdf: exit %d\n%s%s", code, out, errs)
	}
	back := filepath.Join(dir, "back.nianbao")
	code, out, errs := runCLI("import", pdfPath, "-o", back)
	if code != ExitOK || !strings.Contains(out, "已从PDF 文件导入") || !strings.Contains(errs, "页脚“—1—”是页码，已忽略") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errs)
	}
	r, err := reports.Load(back)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := plaintext.String(r), plaintext.String(reports.Sample()); got != want {
		t.Errorf("the imported PDF's text differs from the sample's:\n%s", got)
	}

	scan := filepath.Join(dir, "scan.pdf")
	if err := os.WriteFile(scan, scannedPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCLI("import", scan, "-o", filepath.Join(dir, "scan.nianbao"))
	if code != ExitUnusable || !strings.Contains(errs, "扫描件") || !strings.Contains(errs, "scan.pdf") {
		t.Errorf("scan: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "scan.nianbao")); err == nil {
		t.Error("a report was written for a scan")
	}
}

// scannedPDF is a one-page PDF whose page is one image, as a scanner
// makes it.
func scannedPDF() []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		"<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im1 Do Q\nendstream",
		"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x00\nendstream",
	}
	var b bytes.Buffer
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
	return b.Bytes()
}
