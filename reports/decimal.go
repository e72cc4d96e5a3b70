package reports

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// DecimalPlaces is how many digits after the decimal point a Decimal keeps.
// Real reports print fees in 万元 with up to six decimals.
const DecimalPlaces = 6

const decimalScale = 1_000_000

// Decimal is an exact fixed-point number with DecimalPlaces digits after the
// point, stored as an integer count of millionths. Counts and money both use
// it, so totals are exact and never touched by binary floating point.
type Decimal struct {
	micros int64
}

// Errors returned by ParseDecimal; callers wrap them with the field name.
var (
	ErrNotANumber   = errors.New("不是数字")
	ErrTooManyPlace = errors.New("小数位数超过6位")
	ErrTooLarge     = errors.New("数值过大")
)

// Int returns the Decimal for a whole number.
func Int(n int64) Decimal { return Decimal{micros: n * decimalScale} }

// ParseDecimal reads a plain decimal number such as "12", "-3" or
// "5949.088667". Full-width digits, the full-width point and minus, commas
// between thousands and surrounding spaces are accepted, since clerks type
// them with a Chinese input method and copy them out of Word.
func ParseDecimal(s string) (Decimal, error) {
	s = NormalizeDigits(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, ",", "")
	if s == "" {
		return Decimal{}, ErrNotANumber
	}
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" && frac == "" || hasPoint && frac == "" && intPart == "" {
		return Decimal{}, ErrNotANumber
	}
	for _, part := range []string{intPart, frac} {
		for _, r := range part {
			if r < '0' || r > '9' {
				return Decimal{}, ErrNotANumber
			}
		}
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > DecimalPlaces {
		return Decimal{}, ErrTooManyPlace
	}
	var whole int64
	if intPart != "" {
		v, err := strconv.ParseInt(intPart, 10, 64)
		if err != nil || v > math.MaxInt64/decimalScale-1 {
			return Decimal{}, ErrTooLarge
		}
		whole = v
	}
	var f int64
	if frac != "" {
		v, _ := strconv.ParseInt(frac+strings.Repeat("0", DecimalPlaces-len(frac)), 10, 64)
		f = v
	}
	m := whole*decimalScale + f
	if neg {
		m = -m
	}
	return Decimal{micros: m}, nil
}

// NormalizeDigits turns full-width digits, point, comma, plus and minus
// (０-９ ． ， ＋ －) into their ASCII forms and leaves other text alone.
func NormalizeDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == '．':
			r = '.'
		case r == '，':
			r = ','
		case r == '－':
			r = '-'
		case r == '＋':
			r = '+'
		case r == 0x3000:
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// IsInteger reports whether d has no fractional part.
func (d Decimal) IsInteger() bool { return d.micros%decimalScale == 0 }

// IsNegative reports whether d is below zero.
func (d Decimal) IsNegative() bool { return d.micros < 0 }

// IsZero reports whether d is zero.
func (d Decimal) IsZero() bool { return d.micros == 0 }

// Add returns d+e.
func (d Decimal) Add(e Decimal) Decimal { return Decimal{micros: d.micros + e.micros} }

// Sub returns d-e.
func (d Decimal) Sub(e Decimal) Decimal { return Decimal{micros: d.micros - e.micros} }

// Cmp returns -1, 0 or 1 as d is less than, equal to or greater than e.
func (d Decimal) Cmp(e Decimal) int {
	switch {
	case d.micros < e.micros:
		return -1
	case d.micros > e.micros:
		return 1
	}
	return 0
}

// IntPart returns the whole-number part of d, truncated toward zero.
func (d Decimal) IntPart() int64 { return d.micros / decimalScale }

// String prints d without trailing zeros: "12", "0.5", "5949.088667".
func (d Decimal) String() string {
	m := d.micros
	sign := ""
	if m < 0 {
		sign = "-"
		m = -m
	}
	whole := m / decimalScale
	frac := m % decimalScale
	if frac == 0 {
		return fmt.Sprintf("%s%d", sign, whole)
	}
	fs := strings.TrimRight(fmt.Sprintf("%06d", frac), "0")
	return fmt.Sprintf("%s%d.%s", sign, whole, fs)
}
