package importer

import (
	"strings"
	"unicode/utf8"

	"nianbao/reports/gazetteer"
)

// organFromColumn cuts a portal's column name off the organ's short name
// taken from the title: a page titled “政府信息公开年报别斯托别乡2023年度
// 政府信息公开工作年度报告” names 别斯托别乡, not 政府信息公开年报别斯托别乡.
// The name is cut at the first division name (with or without 人民政府
// after it) that runs to its end, and only when the whole short name names
// no division at its start; context (the 落款) helps when the name is
// ambiguous. ok is false when nothing was cut.
func organFromColumn(short string, context ...string) (string, bool) {
	if short == "" || len(gazetteer.Resolve(short, context...).Candidates) > 0 {
		return short, false
	}
	for p := 0; p < len(short); {
		_, size := utf8.DecodeRuneInString(short[p:])
		p += size
		rest := short[p:]
		if utf8.RuneCountInString(rest) < 2 {
			break
		}
		res := gazetteer.Resolve(rest, context...)
		if len(res.Candidates) == 0 {
			continue
		}
		switch strings.TrimSpace(res.Rest) {
		case "", "人民政府", "政府", "办事处":
			return rest, true
		}
	}
	return short, false
}
