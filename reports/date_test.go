package reports

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		name, in string
		want     Date
		err      string
	}{
		{"file form", "2024-01-19", Date{2024, 1, 19}, ""},
		{"slashes", "2024/1/19", Date{2024, 1, 19}, ""},
		{"dots", "2024.1.19", Date{2024, 1, 19}, ""},
		{"Chinese", "2024年1月19日", Date{2024, 1, 19}, ""},
		{"full-width digits", "２０２４年１月１９日", Date{2024, 1, 19}, ""},
		{"leap day", "2024-02-29", Date{2024, 2, 29}, ""},
		{"empty means unset", " ", Date{}, ""},
		{"no leap day in 2023", "2023-02-29", Date{}, "不存在"},
		{"thirteenth month", "2024-13-01", Date{}, "不存在"},
		{"day 32", "2024年1月32日", Date{}, "不存在"},
		{"month only", "2024年1月", Date{}, "格式不对"},
		{"year glued to month", "20241月19日", Date{}, "格式不对"},
		{"words", "去年年底", Date{}, "格式不对"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := ParseDate(c.in)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("ParseDate(%q) error = %v, want one with %q", c.in, err, c.err)
				}
				return
			}
			if err != nil || d != c.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", c.in, d, err, c.want)
			}
		})
	}
}

func TestDateForms(t *testing.T) {
	d := Date{2024, 1, 9}
	if d.String() != "2024-01-09" || d.Chinese() != "2024年1月9日" {
		t.Errorf("forms: %s %s", d.String(), d.Chinese())
	}
	if (Date{}).String() != "" || (Date{}).Chinese() != "" || !(Date{}).IsZero() {
		t.Error("zero date forms")
	}
	if !d.After(Date{2023, 12, 31}) || d.After(d) || (Date{2023, 12, 31}).After(d) {
		t.Error("After wrong")
	}
}

func TestDeadlines(t *testing.T) {
	cases := []struct {
		level Level
		want  Date
	}{
		{LevelTownship, Date{2024, 1, 31}},
		{LevelCountyDept, Date{2024, 1, 31}},
		{LevelCityDept, Date{2024, 1, 31}},
		{LevelCountyGov, Date{2024, 2, 20}},
		{LevelCityGov, Date{2024, 3, 10}},
		{LevelProvinceGov, Date{2024, 3, 31}},
	}
	for _, c := range cases {
		if got := c.level.Deadline(2023); got != c.want {
			t.Errorf("%s: deadline %v, want %v", c.level, got, c.want)
		}
	}
}

func TestVersionForYear(t *testing.T) {
	for y, want := range map[int]Version{2019: V2019, 2020: V2019, 2021: V2021, 2023: V2021, 2030: V2021} {
		if got := VersionForYear(y); got != want {
			t.Errorf("VersionForYear(%d) = %s, want %s", y, got, want)
		}
	}
}
