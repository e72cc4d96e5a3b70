package summary

import (
	"path/filepath"
	"strings"
	"testing"

	"nianbao/reports"
)

func TestCountyRoster(t *testing.T) {
	c, err := County("融安县人民政府")
	if err != nil || c.Code() != "450224" {
		t.Fatalf("County(融安县人民政府) = %v, %v", c, err)
	}
	names := CountyRoster(c)
	if len(names) != 12 || names[0] != "融安县长安镇人民政府" || names[7] != "融安县大坡乡人民政府" {
		t.Errorf("CountyRoster(融安县) = %q", names)
	}
	// 新源县 has 11 towns and townships, and 4 farms and 兵团 units left out.
	x, _ := County("新源县")
	if names := CountyRoster(x); len(names) != 11 || names[9] != "新源县别斯托别乡人民政府" {
		t.Errorf("CountyRoster(新源县) = %q", names)
	}
}

// TestRosterByDivision: with the county known, a unit that writes its name
// differently from the roster (without the county, or only the township)
// is matched by its division; a department is matched by its whole name.
func TestRosterByDivision(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		save(t, dir, "a.nianbao", unit(1, 2023, "大坡乡人民政府", "", reports.LevelTownship)),
		save(t, dir, "b.nianbao", unit(2, 2023, "融安县雅瑶乡人民政府", "雅瑶乡", reports.LevelTownship)),
		save(t, dir, "c.nianbao", unit(3, 2023, "融安县人民政府办公室", "", reports.LevelCountyDept)),
	}
	roster := []string{"融安县大坡乡人民政府", "雅瑶乡", "融安县人民政府"}
	for _, c := range []struct {
		name     string
		county   string
		inRoster []bool
		missing  int
	}{
		{"without the county", "", []bool{false, true, false}, 2},
		{"with the county", "广西壮族自治区柳州市融安县", []bool{true, true, false}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := Sum(files, Options{Roster: roster, County: c.county})
			if err != nil {
				t.Fatal(err)
			}
			for i, u := range s.Units {
				if u.InRoster != c.inRoster[i] {
					t.Errorf("%s (%s): InRoster %v, want %v", u.Name, filepath.Base(u.File), u.InRoster, c.inRoster[i])
				}
			}
			if len(s.Missing) != c.missing {
				t.Errorf("missing %v, want %d", s.Missing, c.missing)
			}
		})
	}
}

// TestRosterTownshipsOnly: a roster of the county's townships alone does
// not note the county's departments as missing from it.
func TestRosterTownshipsOnly(t *testing.T) {
	dir := t.TempDir()
	files := []string{
		save(t, dir, "a.nianbao", unit(1, 2023, "融安县大坡乡人民政府", "大坡乡", reports.LevelTownship)),
		save(t, dir, "b.nianbao", unit(2, 2023, "融安县教育局", "", reports.LevelCountyDept)),
	}
	c, _ := County("融安县")
	for _, only := range []bool{false, true} {
		s, err := Sum(files, Options{Roster: CountyRoster(c), County: c.FullName(), RosterTownshipsOnly: only})
		if err != nil {
			t.Fatal(err)
		}
		noted := strings.Contains(s.Units[1].Reason, "不在报送名单中")
		if noted == only {
			t.Errorf("townships only %v: the department's note is %q", only, s.Units[1].Reason)
		}
		if !s.Units[0].InRoster || len(s.Missing) != 11 {
			t.Errorf("townships only %v: 大坡乡 on the roster %v, %d missing, want 11", only, s.Units[0].InRoster, len(s.Missing))
		}
	}
}
