package reports

import "strings"

// ParseAmountWithUnit reads an amount printed with its unit in a column of 万元
// (2019-format reports and copied tables often have them): "147230元" is
// 14.723 万元, "14.7万元" and "14.7万" are 14.7; full-width digits,
// thousands commas and a leading ¥ are accepted. unit names what was
// read ("元" or "万元"). ok is false for anything else, and for yuan with
// more decimals than six places of 万元 can hold.
func ParseAmountWithUnit(s string) (v Decimal, unit string, ok bool) {
	t := strings.TrimSpace(NormalizeDigits(s))
	t = strings.TrimLeft(t, "¥￥ ")
	var num string
	switch {
	case strings.HasSuffix(t, "万元"):
		num, unit = strings.TrimSuffix(t, "万元"), "万元"
	case strings.HasSuffix(t, "万"):
		num, unit = strings.TrimSuffix(t, "万"), "万元"
	case strings.HasSuffix(t, "元"):
		num, unit = strings.TrimSuffix(t, "元"), "元"
	default:
		return v, "", false
	}
	num = strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(num), ",", ""), "，", "")
	if num == "" || strings.HasPrefix(num, "-") {
		return v, "", false
	}
	if unit == "元" {
		// Shift the point four places left, in the text, so the amount
		// stays exact: 147230 → 14.7230, 1234.56 → 0.123456.
		whole, frac, _ := strings.Cut(num, ".")
		if whole == "" || strings.ContainsFunc(whole+frac, func(r rune) bool { return r < '0' || r > '9' }) {
			return v, "", false
		}
		whole = strings.Repeat("0", max(0, 5-len(whole))) + whole
		num = whole[:len(whole)-4] + "." + whole[len(whole)-4:] + frac
	}
	d, err := ParseDecimal(num)
	if err != nil {
		return v, "", false
	}
	return d, unit, true
}

// AmountNote says what became of an amount read with its unit, for the
// import's notes: 原文为“147230元”，已由元换算为 14.723 万元.
func AmountNote(original string, v Decimal, unit string) string {
	how := "已去掉单位，读作"
	if unit == "元" {
		how = "已由元换算为"
	}
	return "原文为“" + strings.TrimSpace(original) + "”，" + how + " " + v.String() + " 万元"
}
