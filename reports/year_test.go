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

func TestDefaultYear(t *testing.T) {
	for _, tc := range []struct {
		now  time.Time
		want int
	}{
		{time.Date(2025, 1, 10, 0, 0, 0, 0, time.Local), 2024},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local), 2025},
	} {
		if got := DefaultYear(tc.now); got != tc.want {
			t.Errorf("DefaultYear(%v) = %d, want %d", tc.now, got, tc.want)
		}
	}
}
