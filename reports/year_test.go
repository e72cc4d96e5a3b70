package reports

import (
	"strings"
	"testing"
	"time"
)

func TestParseYear(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
		ok       bool
	}{
		{"plain digits", "2024", 2024, true},
		{"full-width digits", "２０２４", 2024, true},
		{"with 年度", "2024年度", 2024, true},
		{"with 年 and spaces", " 2023年 ", 2023, true},
		{"three digits is a slip", "202", 0, false},
		{"five digits is a slip", "20244", 0, false},
		{"words", "今年", 0, false},
		{"the last valid year", "2100", 2100, true},
		{"past the range", "2101", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseYear(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Fatalf("ParseYear(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
			if err != nil && !strings.Contains(err.Error(), strings.TrimSpace(tc.in)) {
				t.Errorf("the message %q does not name what was typed", err)
			}
		})
	}
}

func TestYearWrittenIn(t *testing.T) {
	cases := []struct {
		name string
		day  string
		want int
	}{
		{"new year's day is for the year past", "2026-01-01", 2025},
		{"the end of the season is for the year past", "2026-03-31", 2025},
		{"April starts the year under way", "2026-04-01", 2026},
		{"December is for the year under way", "2026-12-01", 2026},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			day, err := time.Parse("2006-01-02", c.day)
			if err != nil {
				t.Fatal(err)
			}
			if got := YearWrittenIn(day); got != c.want {
				t.Errorf("YearWrittenIn(%s) = %d, want %d", c.day, got, c.want)
			}
		})
	}
}
