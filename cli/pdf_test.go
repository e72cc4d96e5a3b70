package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/reports"
)

func TestPDFCommand(t *testing.T) {
	dir := t.TempDir()
	sample := writeReport(t, dir, "sample.nianbao", reports.Sample())
	rare := reports.Sample().Clone()
	rare.Preamble = "联系人王堃。" + string('\U0002A6A5') + "字无字体。"
	rarePath := writeReport(t, dir, "rare.nianbao", rare)
	broken := filepath.Join(dir, "broken.nianbao")
	if err := os.WriteFile(broken, []byte(`{"schema": 1, "year": "二〇二三"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.pdf")
	cases := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		stderr    string
		wantPDF   string // file that must be a PDF afterwards
		signature bool
		notStderr string
	}{
		{name: "the sample", args: []string{"pdf", sample, "-o", out, "--date", "2024-01-19"}, code: ExitOK, stdout: "共 5 页", wantPDF: out},
		{name: "flags before the file", args: []string{"pdf", "-o", out, "--signature", sample}, code: ExitOK, wantPDF: out, signature: true},
		{name: "default output name", args: []string{"pdf", sample}, code: ExitOK, wantPDF: filepath.Join(dir, "sample.pdf")},
		{name: "a character no font has", args: []string{"pdf", rarePath, "-o", out}, code: ExitOK, stderr: "位于", wantPDF: out},
		{name: "a broken report file", args: []string{"pdf", broken, "-o", out}, code: ExitUnusable, stderr: "broken.nianbao"},
		{name: "a missing file", args: []string{"pdf", filepath.Join(dir, "nope.nianbao"), "-o", out}, code: ExitUnusable, stderr: "nope.nianbao"},
		{name: "no file", args: []string{"pdf", "-o", out}, code: ExitUnusable, stderr: "用法"},
		{name: "a bad font choice", args: []string{"pdf", sample, "--fonts", "comic"}, code: ExitUnusable, stderr: "comic"},
		{name: "a bad date", args: []string{"pdf", sample, "--date", "2024-02-30"}, code: ExitUnusable, stderr: "日期"},
		{name: "an output folder that does not exist", args: []string{"pdf", sample, "-o", filepath.Join(dir, "no", "x.pdf")}, code: ExitUnusable, stderr: "x.pdf"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout, stderr)
			}
			if !strings.Contains(stdout, c.stdout) {
				t.Errorf("stdout %q lacks %q", stdout, c.stdout)
			}
			if !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.stderr)
			}
			if c.wantPDF == "" {
				return
			}
			b, err := os.ReadFile(c.wantPDF)
			if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Fatalf("%s is not a PDF (%v)", c.wantPDF, err)
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				t.Fatal("pdftotext not found: install poppler-utils")
			}
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", c.wantPDF, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(text), "单位负责人（签字）："); got != c.signature {
				t.Errorf("signature line printed: %v, want %v", got, c.signature)
			}
		})
	}
}

func TestPDFCommandIsDeterministicForADate(t *testing.T) {
	dir := t.TempDir()
	sample := writeReport(t, dir, "sample.nianbao", reports.Sample())
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	for _, out := range []string{a, b} {
		if code, _, stderr := run("pdf", sample, "-o", out, "--date", "2024-01-19"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	x, _ := os.ReadFile(a)
	y, _ := os.ReadFile(b)
	if len(x) == 0 || !bytes.Equal(x, y) {
		t.Error("two runs with the same --date wrote different files")
	}
}
