package reports

import "testing"

func TestParseAmountWithUnit(t *testing.T) {
	cases := []struct {
		name, in string
		want     string // "" when not read
		unit     string
	}{
		{"yuan as in 2019-format reports", "147230元", "14.723", "元"},
		{"yuan with thousands commas", "147,230元", "14.723", "元"},
		{"yuan with cents", "1234.56元", "0.123456", "元"},
		{"a few yuan", "50元", "0.005", "元"},
		{"yuan with a sign and a space", "¥ 147230 元", "14.723", "元"},
		{"full-width digits", "１４７２３０元", "14.723", "元"},
		{"wan yuan", "14.7万元", "14.7", "万元"},
		{"wan alone", "14.7万", "14.7", "万元"},
		{"zero yuan", "0元", "0", "元"},
		{"more places than 万元 holds", "12.345元", "", ""},
		{"no number", "元", "", ""},
		{"a negative amount", "-5元", "", ""},
		{"words", "未收费", "", ""},
		{"another unit", "3件", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, unit, ok := ParseAmountWithUnit(c.in)
			got := ""
			if ok {
				got = v.String()
			}
			if got != c.want || unit != c.unit {
				t.Errorf("ParseAmountWithUnit(%q) = %q %q, want %q %q", c.in, got, unit, c.want, c.unit)
			}
		})
	}
}
