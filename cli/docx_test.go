package cli

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/reports"
)

func TestDocxCommand(t *testing.T) {
	dir := t.TempDir()
	sample := writeReport(t, dir, "sample.nianbao", reports.Sample())
	wrong := reports.Sample().Clone()
	wrong.Cells["t3.new.natural"] = reports.Num(5) // 三 no longer balances
	wrongPath := writeReport(t, dir, "wrong.nianbao", wrong)
	out := filepath.Join(dir, "out.docx")
	cases := []struct {
		name      string
		args      []string
		code      int
		stdout    string
		stderr    string
		want      string // file that must be a .docx afterwards
		signature bool
	}{
		{name: "the sample", args: []string{"docx", sample, "-o", out, "--date", "2024-01-19"}, code: ExitOK, stdout: "已写出 Word 文档", want: out},
		{name: "flags after the file, with the signature line", args: []string{"docx", sample, "--signature", "-o", out}, code: ExitOK, want: out, signature: true},
		{name: "default output name", args: []string{"docx", sample}, code: ExitOK, want: filepath.Join(dir, "sample.docx")},
		{name: "a report with errors is written but exits 1", args: []string{"docx", wrongPath, "-o", out}, code: ExitFindings, stderr: "个错误", want: out},
		{name: "a missing file", args: []string{"docx", filepath.Join(dir, "nope.nianbao"), "-o", out}, code: ExitUnusable, stderr: "nope.nianbao"},
		{name: "no file", args: []string{"docx", "-o", out}, code: ExitUnusable, stderr: "用法"},
		{name: "a bad date", args: []string{"docx", sample, "--date", "2024-02-30"}, code: ExitUnusable, stderr: "日期"},
		{name: "a blank date", args: []string{"docx", sample, "--date", " "}, code: ExitUnusable, stderr: "--date：应为日期"},
		{name: "an output folder that does not exist", args: []string{"docx", sample, "-o", filepath.Join(dir, "no", "x.docx")}, code: ExitUnusable, stderr: "x.docx"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			os.Remove(out)
			code, stdout, stderr := run(c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout, stderr)
			}
			if !strings.Contains(stdout, c.stdout) || !strings.Contains(stderr, c.stderr) {
				t.Errorf("stdout %q / stderr %q, want %q / %q", stdout, stderr, c.stdout, c.stderr)
			}
			if c.want == "" {
				return
			}
			zr, err := zip.OpenReader(c.want)
			if err != nil {
				t.Fatalf("%s is not a .docx: %v", c.want, err)
			}
			defer zr.Close()
			var doc string
			for _, f := range zr.File {
				if f.Name == "word/document.xml" {
					rc, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					b, err := io.ReadAll(rc)
					rc.Close()
					if err != nil {
						t.Fatal(err)
					}
					doc = string(b)
				}
			}
			if !strings.Contains(doc, "别斯托别乡2023年度") {
				t.Errorf("word/document.xml lacks the title")
			}
			if got := strings.Contains(doc, reports.SignatureLineText); got != c.signature {
				t.Errorf("signature line written: %v, want %v", got, c.signature)
			}
		})
	}
}

// An exported .docx imported with nianbao import gives the same text.
func TestDocxThenImport(t *testing.T) {
	dir := t.TempDir()
	sample := writeReport(t, dir, "sample.nianbao", reports.Sample())
	out, back := filepath.Join(dir, "s.docx"), filepath.Join(dir, "back.nianbao")
	if code, _, stderr := run("docx", sample, "-o", out); code != ExitOK {
		t.Fatalf("docx: exit %d: %s", code, stderr)
	}
	if code, _, stderr := run("import", out, "-o", back); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	_, want, _ := run("text", sample)
	_, got, _ := run("text", back)
	if want != got || !strings.Contains(got, "第二十条第（一）项") {
		t.Errorf("text after the round trip differs:\n%s\n---\n%s", want, got)
	}
}
