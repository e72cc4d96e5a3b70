package reports

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	cases := []struct {
		name, in, want string
		err            error
	}{
		{"whole number", "12", "12", nil},
		{"spaces around", " 7 ", "7", nil},
		{"full-width digits", "１２", "12", nil},
		{"full-width minus and point", "－１．５", "-1.5", nil},
		{"thousands commas", "1,234", "1234", nil},
		{"full-width comma", "１，２３４", "1234", nil},
		{"six decimals", "5949.088667", "5949.088667", nil},
		{"trailing zeros beyond six", "1.50000000", "1.5", nil},
		{"leading point", ".5", "0.5", nil},
		{"trailing point", "3.", "3", nil},
		{"plus sign", "+4", "4", nil},
		{"negative", "-3", "-3", nil},
		{"largest", "9223372036853", "9223372036853", nil},
		{"seven decimals", "0.1234567", "", ErrTooManyPlace},
		{"overflow", "99999999999999999999", "", ErrTooLarge},
		{"just too large", "9223372036854", "", ErrTooLarge},
		{"empty", "", "", ErrNotANumber},
		{"only a sign", "-", "", ErrNotANumber},
		{"only a point", ".", "", ErrNotANumber},
		{"letters", "abc", "", ErrNotANumber},
		{"Chinese numerals are text", "三", "", ErrNotANumber},
		{"scientific notation", "1e3", "", ErrNotANumber},
		{"two points", "1.2.3", "", ErrNotANumber},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := ParseDecimal(c.in)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("ParseDecimal(%q) error = %v, want %v", c.in, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDecimal(%q): %v", c.in, err)
			}
			if got := d.String(); got != c.want {
				t.Errorf("ParseDecimal(%q) = %s, want %s", c.in, got, c.want)
			}
		})
	}
}

func TestDecimalArithmetic(t *testing.T) {
	a, _ := ParseDecimal("0.1")
	b, _ := ParseDecimal("0.2")
	if got := a.Add(b).String(); got != "0.3" {
		t.Errorf("0.1+0.2 = %s, want exactly 0.3", got)
	}
	if got := a.Sub(b).String(); got != "-0.1" {
		t.Errorf("0.1-0.2 = %s", got)
	}
	if a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 {
		t.Error("Cmp wrong")
	}
	if !Int(3).IsInteger() || a.IsInteger() || !Int(-2).IsNegative() || !(Decimal{}).IsZero() {
		t.Error("predicates wrong")
	}
	if Int(-7).IntPart() != -7 {
		t.Error("IntPart wrong")
	}
}

func TestCellJSON(t *testing.T) {
	cases := []struct {
		name, in string
		want     Cell
		out      string
	}{
		{"number", `12`, Num(12), `12`},
		{"money", `5949.088667`, Cell{Value: mustDecimal("5949.088667")}, `5949.088667`},
		{"null is blank", `null`, BlankCell(), `null`},
		{"string number", `"１２"`, Num(12), `12`},
		{"empty string is blank", `"  "`, BlankCell(), `null`},
		{"text kept as typed", `"三件"`, Cell{Text: "三件"}, `"三件"`},
		{"text with HTML characters", `"<无>"`, Cell{Text: "<无>"}, `"<无>"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got Cell
			if err := json.Unmarshal([]byte(c.in), &got); err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
			b, err := marshalNoEscape(got) // as Marshal writes files
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != c.out {
				t.Errorf("marshal = %s, want %s", b, c.out)
			}
		})
	}
	for _, bad := range []string{`1e3`, `true`, `[1]`, `0.1234567`, `99999999999999999999`} {
		var c Cell
		if err := json.Unmarshal([]byte(bad), &c); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

func mustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}
