package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/reports"
	"nianbao/reports/plaintext"
)

func TestAuditCommand(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units")
	os.Mkdir(units, 0o755)
	writeReport(t, units, "a.nianbao", balanced("新源县甲乡人民政府", "甲乡", 3))
	b := balanced("新源县乙镇人民政府", "乙镇", 4)
	os.WriteFile(filepath.Join(units, "b.txt"), []byte(plaintext.String(b)), 0o644)
	out := filepath.Join(units, "审核.xlsx") // inside the folder: not read back as a unit

	t.Run("clean folder exits 0", func(t *testing.T) {
		code, stdout, stderr := run("audit", "-o", out, units)
		if code != ExitOK {
			t.Fatalf("exit %d, want 0\n%s%s", code, stdout, stderr)
		}
		if !strings.Contains(stdout, "共 2 个文件，已审核 2 个") || !strings.Contains(stdout, "已写出审核工作簿") {
			t.Errorf("stdout = %s", stdout)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if v, _ := f.GetCellValue("审核总览", "C4"); v != "b.txt" {
			t.Errorf("审核总览!C4 = %q, want b.txt", v)
		}
		if _, err := os.Stat(filepath.Join(units, "审核.html")); err != nil {
			t.Errorf("no leader's page beside the workbook: %v", err)
		}
	})

	t.Run("findings exit 1 and name the bad file and the missing unit", func(t *testing.T) {
		os.WriteFile(filepath.Join(units, "c.nianbao"), []byte(`{"schema": 1,`), 0o644)
		roster := filepath.Join(dir, "名单.txt")
		os.WriteFile(roster, []byte("甲乡\n乙镇\n丙乡\n"), 0o644)
		code, stdout, stderr := run("audit", "-o", out, "--roster", roster, units)
		if code != ExitFindings {
			t.Fatalf("exit %d, want 1\n%s%s", code, stdout, stderr)
		}
		for _, want := range []string{"无法读取  c.nianbao", "未报送  丙乡", "名单中未报送 1 个"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("stdout lacks %q:\n%s", want, stdout)
			}
		}
	})

	t.Run("json prints one object", func(t *testing.T) {
		code, stdout, stderr := run("audit", "--json", "-o", out, units)
		if code != ExitFindings {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		var got struct {
			Units   []map[string]any `json:"units"`
			Pairs   []any            `json:"pairs"`
			Missing []string         `json:"missing"`
			Late    []string         `json:"late"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, stdout)
		}
		if len(got.Units) != 3 || got.Units[2]["status"] != "unreadable" || got.Pairs == nil || got.Missing == nil || got.Late == nil {
			t.Errorf("json = %s", stdout)
		}
	})

	t.Run("unusable input exits 2", func(t *testing.T) {
		empty := t.TempDir()
		cases := []struct {
			name string
			args []string
			msg  string
		}{
			{"a folder without reports", []string{"audit", "-o", out, empty}, "没有找到要审核的报告文件"},
			{"no workbook and no json", []string{"audit", units}, "用法"},
			{"a folder that does not exist", []string{"audit", "-o", out, filepath.Join(dir, "无")}, "不存在"},
			{"a county report that cannot be read", []string{"audit", "-o", out, "--report", filepath.Join(dir, "无.nianbao"), units}, "县级报告无法使用"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				code, _, stderr := run(c.args...)
				if code != ExitUnusable || !strings.Contains(stderr, c.msg) {
					t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, c.msg)
				}
			})
		}
	})

	t.Run("county report mismatch", func(t *testing.T) {
		county := balanced("新源县人民政府", "新源县", 3+4+1)
		county.Organ.Level = reports.LevelCountyGov
		county.Cells["t2_1.norms.made"] = reports.Num(7)
		county.Cells["t2_1.norms.valid"] = reports.Num(7)
		p := writeReport(t, dir, "county.nianbao", county)
		os.Remove(filepath.Join(units, "c.nianbao"))
		code, stdout, _ := run("audit", "-o", out, "--report", p, units)
		if code != ExitFindings || !strings.Contains(stdout, "县级报告为 8，各单位之和为 7") {
			t.Errorf("exit %d\n%s", code, stdout)
		}
	})
}
