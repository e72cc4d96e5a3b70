package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/reports"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

// balanced returns a 2023 township report whose tables add up, dated in time.
func balanced(full, short string, n int64) *reports.Report {
	r := reports.New(2023)
	r.Organ = reports.Organ{FullName: full, ShortName: short, Level: reports.LevelTownship}
	r.Cells["t3.new.natural"] = reports.Num(n)
	r.Cells["t3.open.natural"] = reports.Num(n)
	r.Cells["t2_1.norms.made"] = reports.Num(n)
	r.Cells["t2_1.norms.valid"] = reports.Num(n)
	r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 20}
	return r
}

func writeReport(t *testing.T, dir, name string, r *reports.Report) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := reports.Save(p, r); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSumCommand(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units")
	os.Mkdir(units, 0o755)
	writeReport(t, units, "a.nianbao", balanced("新源县甲乡人民政府", "甲乡", 3))
	writeReport(t, units, "b.nianbao", balanced("新源县乙镇人民政府", "乙镇", 4))
	roster := filepath.Join(dir, "roster.txt")
	os.WriteFile(roster, []byte("甲乡\n新源县乙镇人民政府\n"), 0o644)
	out := filepath.Join(dir, "sum.xlsx")
	county := filepath.Join(dir, "county.nianbao")

	code, stdout, stderr := run("sum", "-o", out, "--report", county, "--roster", roster, units)
	if code != ExitOK {
		t.Fatalf("clean sum exit %d, want 0\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "已计入 2 个单位") {
		t.Errorf("stdout = %s", stdout)
	}
	r, err := reports.Load(county)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Value("t3.new.natural").String(); got != "7" {
		t.Errorf("county t3.new.natural = %s, want 7", got)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if miss, _ := f.GetRows("未报送单位"); len(miss) != 3 || !strings.Contains(miss[2][1], "均已报送") {
		t.Errorf("未报送单位 = %q", miss)
	}
	f.Close()

	// a broken unit and a roster unit missing: listed, summed anyway, exit 1
	os.WriteFile(filepath.Join(units, "c.nianbao"), []byte("not json"), 0o644)
	os.WriteFile(roster, []byte("甲乡\n新源县乙镇人民政府\n丙乡\n"), 0o644)
	code, stdout, _ = run("sum", "-o", out, "--report", county, "--roster", roster, units)
	if code != ExitFindings {
		t.Errorf("sum with a broken unit exit %d, want 1", code)
	}
	for _, want := range []string{"无法读取", "c.nianbao", "未报送  丙乡", "已计入 2 个单位"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no output file", []string{"sum", units}, "用法"},
		{"a missing folder", []string{"sum", "-o", out, filepath.Join(dir, "nope")}, "不存在"},
		{"a folder without reports", []string{"sum", "-o", out, t.TempDir()}, "没有找到要汇总的报告文件"},
		{"only broken files", []string{"sum", "-o", out, filepath.Join(units, "c.nianbao")}, "没有任何单位"},
		{"an unreadable county report", []string{"sum", "-o", out, "--report", roster, units}, "汇总报告无法读取"},
		{"a missing roster", []string{"sum", "-o", out, "--roster", filepath.Join(dir, "no.txt"), units}, "报送名单"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(c.args...)
			if code != ExitUnusable || !strings.Contains(stdout+stderr, c.want) {
				t.Errorf("exit %d, output %q; want 2 and %q", code, stdout+stderr, c.want)
			}
		})
	}
	if data, _ := os.ReadFile(roster); !strings.Contains(string(data), "丙乡") {
		t.Errorf("the roster given as --report was changed")
	}
}

func TestXLSXAndHTMLCommands(t *testing.T) {
	dir := t.TempDir()
	good := writeReport(t, dir, "good.nianbao", balanced("新源县甲乡人民政府", "甲乡", 3))
	bad := balanced("新源县乙镇人民政府", "乙镇", 3)
	bad.Cells["t3.open.natural"] = reports.Num(1) // 一+二 ≠ 七+四
	badPath := writeReport(t, dir, "bad.nianbao", bad)
	book := filepath.Join(dir, "good.xlsx")

	cases := []struct {
		name string
		args []string
		code int
	}{
		{"export a report without errors", []string{"xlsx", good, "-o", book}, ExitOK},
		{"export a report with errors", []string{"xlsx", badPath, "-o", filepath.Join(dir, "bad.xlsx")}, ExitFindings},
		{"export a missing report", []string{"xlsx", filepath.Join(dir, "none.nianbao"), "-o", book + "2"}, ExitUnusable},
		{"export without -o", []string{"xlsx", good}, ExitUnusable},
		{"web page of a report without errors", []string{"html", good, "-o", filepath.Join(dir, "good.html")}, ExitOK},
		{"web page of a report with errors", []string{"html", badPath, "-o", filepath.Join(dir, "bad.html")}, ExitFindings},
		{"web page of a missing report", []string{"html", filepath.Join(dir, "none.nianbao"), "-o", filepath.Join(dir, "x.html")}, ExitUnusable},
		{"numbers read back into a report", []string{"xlsx", "--into", badPath, book}, ExitOK},
		{"a file that is not a workbook", []string{"xlsx", "--into", good, badPath}, ExitUnusable},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\n%s%s", code, c.code, stdout, stderr)
			}
		})
	}
	// the numbers of good.xlsx replaced bad's cells, its organ stayed
	r, err := reports.Load(badPath)
	if err != nil {
		t.Fatal(err)
	}
	if r.Organ.ShortName != "乙镇" || r.Cell("t3.open.natural").String() != "3" {
		t.Errorf("after --into: organ %s, t3.open.natural %s", r.Organ.ShortName, r.Cell("t3.open.natural"))
	}
	page, _ := os.ReadFile(filepath.Join(dir, "good.html"))
	if !bytes.Contains(page, []byte("甲乡2023年度政府信息公开工作年度报告")) {
		t.Errorf("web page lacks the title")
	}
}
