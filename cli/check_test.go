package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/reports"
)

// execCLI runs the command line with buffers and returns the exit code and
// what it printed.
func execCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// copyInto copies the bad file name into dir and returns the copy's path.
func copyInto(t *testing.T, dir, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func putReport(t *testing.T, path string, r *reports.Report) {
	t.Helper()
	b, err := reports.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "示例.nianbao")
	os.WriteFile(path, assets.Sample, 0o644)
	code, out, errs := execCLI("check", path)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	for _, want := range []string{"警告", "新源镇", "镇政务公开办", "一、总体情况 第5项正文第18字", "[OTHER_PLACE]", "共 0 个错误、2 个警告"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("%d lines, want 2 findings and a summary:\n%s", n, out)
	}
}

func TestCheckJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "示例.nianbao")
	os.WriteFile(path, assets.Sample, 0o644)
	for _, args := range [][]string{{"check", "--json", path}, {"check", path, "--json"}} {
		code, out, _ := execCLI(args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d", args, code)
		}
		var fs []reports.Finding
		if err := json.Unmarshal([]byte(out), &fs); err != nil {
			t.Fatalf("not a JSON array of findings: %v\n%s", err, out)
		}
		if len(fs) != 2 || fs[0].Code != reports.CodeOtherPlace || fs[0].Severity != reports.Warning || fs[0].Location.Field != "overview.parts.4.text" {
			t.Errorf("findings: %+v", fs)
		}
		if !strings.Contains(out, "新源镇") || strings.Contains(out, `\u`) {
			t.Error("Chinese must be written as UTF-8, not escaped")
		}
	}
}

func TestCheckCleanReportAndEmptyJSON(t *testing.T) {
	dir := t.TempDir()
	r := reports.Sample()
	r.Overview.Parts[4].Text = strings.ReplaceAll(r.Overview.Parts[4].Text, "新源镇", "本乡")
	r.Improvement.Measures[1].Text = strings.ReplaceAll(r.Improvement.Measures[1].Text, "镇政务公开办", "乡政务公开办")
	path := filepath.Join(dir, "clean.nianbao")
	putReport(t, path, r)
	code, out, _ := execCLI("check", path)
	if code != ExitOK || !strings.Contains(out, "未发现问题") {
		t.Errorf("exit %d, output %q", code, out)
	}
	code, out, _ = execCLI("check", "--json", path)
	if code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("--json of a clean report: exit %d, %q (want [])", code, out)
	}
}

func TestCheckBadFiles(t *testing.T) {
	cases := []struct {
		file string
		code int
		want []string // in stderr for exit 2, in stdout for exit 1
	}{
		{"empty", 2, []string{"文件是空的"}},
		{"blank-lines", 2, []string{"文件是空的"}},
		{"garbage", 2, []string{"这不是年报文件", "“garbage{”"}},
		{"truncated", 2, []string{"第52行", "截断"}},
		{"wrong-type", 2, []string{"第3行第17列", "字段“year”应为数字，实际为文本"}},
		{"json-array", 2, []string{"应为对象"}},
		{"missing-schema", 2, []string{"缺少格式版本"}},
		{"future-version", 2, []string{"更新版本", "文件格式 99"}},
		{"not-utf8", 2, []string{"UTF-8"}},
		{"unknown-template", 2, []string{"模板版本“2030”未知"}},
		{"unknown-cell", 2, []string{"t3.bogus.natural", "不属于2021年版模板"}},
		{"total-as-input", 2, []string{"t3.new.total", "自动计算的合计"}},
		{"too-many-decimals", 2, []string{"小数位数超过6位", "行政事业性收费"}},
		{"scientific", 2, []string{"科学计数法"}},
		{"overflow", 2, []string{"数值过大", "自然人"}},
		{"bad-date", 2, []string{"第279行", "2024-02-30", "不存在"}},
		{"negative", 1, []string{"错误", "不能为负数", "[CELL_NEGATIVE]"}},
		{"fraction", 1, []string{"件数应为整数", "[CELL_FRACTION]"}},
		{"text-in-number", 1, []string{"“三件”", "不是数字", "[CELL_TEXT]"}},
		{"blank-cell", 1, []string{"为空", "[CELL_BLANK]"}},
		{"declared-wrong", 1, []string{"原文中", "为5", "[DECLARED_TOTAL]"}},
		{"unbalanced", 1, []string{"一、本年新收（3）", "[T3_BALANCE]"}},
		{"bom", 0, []string{"新源镇"}},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src := filepath.Join("..", "reports", "testdata", "bad", c.file+".nianbao")
			path := copyInto(t, dir, src)
			before, _ := os.ReadFile(path)
			code, out, errs := execCLI("check", path)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
			text := out
			if c.code == ExitUnusable {
				text = errs
				if !strings.Contains(errs, path) {
					t.Errorf("message does not name the file: %s", errs)
				}
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("output lacks %q:\n%s", w, text)
				}
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("check changed the file")
			}
			if _, err := os.Stat(path + ".bak"); !os.IsNotExist(err) {
				t.Error("check wrote a backup")
			}
		})
	}
}

func TestCheckHugeAndMissingFiles(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.nianbao")
	data := append([]byte(`{"schema": 1, "preamble": "`), bytes.Repeat([]byte("公开"), reports.MaxFileSize/6+10)...)
	data = append(data, `"}`...)
	os.WriteFile(huge, data, 0o644)
	code, _, errs := execCLI("check", huge)
	if code != ExitUnusable || !strings.Contains(errs, "文件过大") {
		t.Errorf("huge file: exit %d, %s", code, errs)
	}
	if after, _ := os.ReadFile(huge); !bytes.Equal(after, data) {
		t.Error("huge file changed")
	}
	code, _, errs = execCLI("check", filepath.Join(dir, "没有.nianbao"))
	if code != ExitUnusable || !strings.Contains(errs, "文件不存在") {
		t.Errorf("missing file: exit %d, %s", code, errs)
	}
}

func TestCheckPrev(t *testing.T) {
	dir := t.TempDir()
	prev := reports.Sample()
	prev.Cells["t3.new.natural"] = reports.Num(2)
	prev.Cells["t3.next.natural"] = reports.Num(2)
	prevPath := filepath.Join(dir, "2023.nianbao")
	putReport(t, prevPath, prev)
	cur := reports.NextYear(reports.Sample(), 2024) // carries 0, last year said 2
	cur.LastYear = nil
	curPath := filepath.Join(dir, "2024.nianbao")
	putReport(t, curPath, cur)

	code, out, _ := execCLI("check", curPath)
	if code != ExitOK || strings.Contains(out, "CARRY_OVER") {
		t.Errorf("without --prev: exit %d\n%s", code, out)
	}
	code, out, _ = execCLI("check", "--prev", prevPath, curPath)
	if code != ExitFindings || !strings.Contains(out, "[CARRY_OVER]") || !strings.Contains(out, "2023年度报告") {
		t.Errorf("with --prev: exit %d\n%s", code, out)
	}
	code, _, errs := execCLI("check", "--prev", filepath.Join("..", "reports", "testdata", "bad", "garbage.nianbao"), curPath)
	if code != ExitUnusable || !strings.Contains(errs, "上年度报告无法使用") {
		t.Errorf("unusable --prev: exit %d, %s", code, errs)
	}
}

func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{{"check"}, {"check", "a", "b"}, {"check", "--bogus", "a"}} {
		code, _, errs := execCLI(args...)
		if code != ExitUnusable || !strings.Contains(errs, "用法：nianbao check") {
			t.Errorf("%v: exit %d, %s", args, code, errs)
		}
	}
}

// A character that no embedded font has is named by check, with its place,
// because the PDF would print it as □.
func TestCheckNamesUnprintableCharacters(t *testing.T) {
	dir := t.TempDir()
	r := reports.Sample()
	r.Overview.Parts[0].Text = "本乡在\U0002A6D6村开展公开工作。" + r.Overview.Parts[0].Text
	path := filepath.Join(dir, "rare.nianbao")
	putReport(t, path, r)
	code, out, _ := execCLI("check", path)
	if code != ExitOK {
		t.Fatalf("exit %d, want %d (missing characters are warnings)\n%s", code, ExitOK, out)
	}
	if !strings.Contains(out, "PDF_MISSING_CHAR") || !strings.Contains(out, "\U0002A6D6") {
		t.Errorf("check does not name the unprintable character:\n%s", out)
	}
	code, out, _ = execCLI("check", filepath.Join("..", "assets", "sample.nianbao"))
	if code != ExitOK || strings.Contains(out, "PDF_MISSING_CHAR") {
		t.Errorf("the sample must have no unprintable characters (exit %d):\n%s", code, out)
	}
}
