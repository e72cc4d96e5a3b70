package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRosterCommand(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout []string // lines stdout must hold
		stderr string
	}{
		{"a county's townships", []string{"roster", "融安县"}, ExitOK,
			[]string{"融安县长安镇人民政府", "融安县大坡乡人民政府", "融安县潭头乡人民政府"}, "12 个乡镇"},
		{"a county with its prefecture", []string{"roster", "柳州市融安县"}, ExitOK, []string{"融安县大坡乡人民政府"}, "融安县"},
		{"street offices of a county-level city", []string{"roster", "伊宁市"}, ExitOK,
			[]string{"伊宁市萨依布依街道办事处", "伊宁市巴彦岱镇人民政府"}, "21 个"},
		{"a name two districts share", []string{"roster", "朝阳区"}, ExitUnusable, nil, "北京市朝阳区、吉林省长春市朝阳区"},
		{"a prefecture is no county", []string{"roster", "柳州市"}, ExitUnusable, nil, "不是县级"},
		{"no such county", []string{"roster", "不存在县"}, ExitUnusable, nil, "没有“不存在县”"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := run(c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, c.code, stdout, stderr)
			}
			lines := strings.Split(stdout, "\n")
			for _, w := range c.stdout {
				if !contains(lines, w) {
					t.Errorf("stdout lacks the line %s:\n%s", w, stdout)
				}
			}
			if !strings.Contains(stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, c.stderr)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestRosterFileNotOverwritten(t *testing.T) {
	p := filepath.Join(t.TempDir(), "名单.txt")
	if code, out, errs := run("roster", "-o", p, "融安县"); code != ExitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	data, _ := os.ReadFile(p)
	if n := strings.Count(string(data), "\n"); n != 12 {
		t.Errorf("%d lines written, want 12:\n%s", n, data)
	}
	os.WriteFile(p, append(data, "融安县教育局\n"...), 0o644)
	if code, _, errs := run("roster", "-o", p, "融安县"); code != ExitUnusable || !strings.Contains(errs, "未覆盖") {
		t.Errorf("second write: exit %d, %s", code, errs)
	}
	if got, _ := os.ReadFile(p); !strings.HasSuffix(string(got), "融安县教育局\n") {
		t.Errorf("the clerk's list was changed:\n%s", got)
	}
}

// TestSumRosterCounty: the county's townships come from the gazetteer; a
// unit that writes its name without the county still counts as on the
// roster, and the townships without a report are listed as missing.
func TestSumRosterCounty(t *testing.T) {
	dir := t.TempDir()
	units := filepath.Join(dir, "units")
	os.Mkdir(units, 0o755)
	writeReport(t, units, "a.nianbao", balanced("融安县大坡乡人民政府", "大坡乡", 3))
	writeReport(t, units, "b.nianbao", balanced("雅瑶乡人民政府", "", 4))
	writeReport(t, units, "c.nianbao", balanced("融安县教育局", "融安县教育局", 1))
	roster := filepath.Join(dir, "depts.txt")
	os.WriteFile(roster, []byte("融安县教育局\n"), 0o644)
	out := filepath.Join(dir, "sum.xlsx")
	code, stdout, stderr := run("sum", "-o", out, "--roster", roster, "--roster-county", "融安县", units)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1 (townships missing)\n%s%s", code, stdout, stderr)
	}
	for _, w := range []string{"未报送  融安县长安镇人民政府", "名单中未报送 10 个", "已计入 3 个单位"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %s:\n%s", w, stdout)
		}
	}
	for _, w := range []string{"未报送  融安县大坡乡人民政府", "未报送  融安县雅瑶乡人民政府"} {
		if strings.Contains(stdout, w) {
			t.Errorf("stdout has %s:\n%s", w, stdout)
		}
	}
	if code, _, errs := run("sum", "-o", out, "--roster-county", "朝阳区", units); code != ExitUnusable || !strings.Contains(errs, "--roster-county") {
		t.Errorf("ambiguous county: exit %d, %s", code, errs)
	}
}
