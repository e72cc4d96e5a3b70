package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/reports"
)

func TestNewFromScratch(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		year     int
		template reports.Version
		level    reports.Level
	}{
		{"a township", []string{"--year", "2024", "--organ", "新源县别斯托别乡人民政府", "--short", "别斯托别乡", "--level", "township"}, 2024, reports.V2021, reports.LevelTownship},
		{"a county department by Chinese level name", []string{"--year", "2024", "--organ", "新源县教育局", "--short", "新源县教育局", "--level", "县级政府部门"}, 2024, reports.V2021, reports.LevelCountyDept},
		{"a 2020 report uses the 2019 format", []string{"--year", "2020", "--organ", "新源县人民政府", "--short", "新源县", "--level", "county_gov"}, 2020, reports.V2019, reports.LevelCountyGov},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "新报告.nianbao")
			code, stdout, errs := execCLI(append([]string{"new", "-o", out}, c.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.Contains(stdout, "已新建") {
				t.Errorf("stdout: %s", stdout)
			}
			r, err := reports.Load(out)
			if err != nil {
				t.Fatal(err)
			}
			if r.Year != c.year || r.Template != c.template || r.Organ.Level != c.level || r.Organ.FullName == "" {
				t.Errorf("report: year %d template %s level %s organ %q", r.Year, r.Template, r.Organ.Level, r.Organ.FullName)
			}
			if !strings.Contains(r.Preamble, "《中华人民共和国政府信息公开条例》") || r.LastYear != nil {
				t.Errorf("preamble %q, last year %v", r.Preamble, r.LastYear)
			}
			// A new report has no errors, only the empty texts to fill in.
			code, checkOut, _ := execCLI("check", out)
			if code != ExitOK || !strings.Contains(checkOut, "EMPTY_OVERVIEW") {
				t.Errorf("check of the new report: exit %d\n%s", code, checkOut)
			}
		})
	}
}

func TestNewFromLastYear(t *testing.T) {
	dir := t.TempDir()
	prev := reports.Sample()
	prev.Cells["t3.new.natural"] = reports.Num(3)
	prev.Cells["t3.open.natural"] = reports.Num(1)
	prev.Cells["t3.next.natural"] = reports.Num(2)
	prevPath := filepath.Join(dir, "2023.nianbao")
	putReport(t, prevPath, prev)
	out := filepath.Join(dir, "2024.nianbao")

	code, stdout, errs := execCLI("new", "--from", prevPath, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout, "2023 年度报告结转") {
		t.Errorf("stdout: %s", stdout)
	}
	r, err := reports.Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != 2024 || r.Organ != prev.Organ || r.LastYear == nil || r.LastYear.Year != 2023 {
		t.Fatalf("next year: year %d organ %+v last year %v", r.Year, r.Organ, r.LastYear != nil)
	}
	if got := r.Value("t3.carry.natural").String(); got != "2" {
		t.Errorf("上年结转 = %s, want 2", got)
	}
	if r.Overview.Parts[4].Title != "强化督导方面" || r.Overview.Parts[4].Text != "" {
		t.Errorf("part titles carry over, texts start empty: %+v", r.Overview.Parts[4])
	}
	if r.LastYear.Overview.Parts[4].Text != prev.Overview.Parts[4].Text {
		t.Error("last year's text is not kept as a reference")
	}
	if b, _ := os.ReadFile(prevPath); !bytes.Contains(b, []byte("新源镇")) {
		t.Error("the previous report was changed")
	}
}

func TestNewRefuses(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "已有.nianbao")
	os.WriteFile(existing, assets.Sample, 0o644)
	unreadable := filepath.Join(dir, "纪要.nianbao")
	os.WriteFile(unreadable, []byte("会议纪要"), 0o644)
	garbage := filepath.Join("..", "reports", "testdata", "bad", "garbage.nianbao")
	cases := []struct {
		name string
		args []string
		want string
		keep string // file that must stay byte-identical
	}{
		{"an existing report without --force", []string{"new", "--year", "2024", "-o", existing}, "--force", existing},
		{"an unreadable file even with --force", []string{"new", "--year", "2024", "--force", "-o", unreadable}, "没有覆盖", unreadable},
		{"a year that is not later than last year's", []string{"new", "--year", "2023", "--from", existing, "-o", filepath.Join(dir, "x.nianbao")}, "应晚于", ""},
		{"an unusable last-year file", []string{"new", "--from", garbage, "-o", filepath.Join(dir, "y.nianbao")}, "上年度报告无法使用", ""},
		{"an unknown level", []string{"new", "--year", "2024", "--level", "村", "-o", filepath.Join(dir, "z.nianbao")}, "未知的机关层级", ""},
		{"an unreasonable year", []string{"new", "--year", "1999", "-o", filepath.Join(dir, "w.nianbao")}, "不合理", ""},
		{"no output", []string{"new", "--year", "2024"}, "用法", ""},
		{"no year and no last year", []string{"new", "-o", filepath.Join(dir, "v.nianbao")}, "用法", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var before []byte
			if c.keep != "" {
				before, _ = os.ReadFile(c.keep)
			}
			code, _, errs := execCLI(c.args...)
			if code != ExitUnusable || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, c.want)
			}
			if c.keep != "" {
				if after, _ := os.ReadFile(c.keep); !bytes.Equal(before, after) {
					t.Error("the file was changed")
				}
			}
		})
	}
	for _, p := range []string{"x", "y", "z", "w", "v"} {
		if _, err := os.Stat(filepath.Join(dir, p+".nianbao")); err == nil {
			t.Errorf("%s.nianbao was written although the command failed", p)
		}
	}
}

func TestNewForceKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "已有.nianbao")
	os.WriteFile(existing, assets.Sample, 0o644)
	code, _, errs := execCLI("new", "--year", "2024", "--force", "-o", existing)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if bak, _ := os.ReadFile(existing + ".bak"); !bytes.Equal(bak, assets.Sample) {
		t.Error("the overwritten report is not kept as .bak")
	}
}
