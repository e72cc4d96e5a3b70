package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The years a report can be for: the policy every reader, form and command
// applies (the disclosure regulations' yearly reports began in 2008; the
// range is wide on purpose, it only catches typing slips such as 202 or 20244).
const (
	MinYear = 2000
	MaxYear = 2100
)

// ValidYear reports whether y is a year a report can be for.
func ValidYear(y int) bool { return y >= MinYear && y <= MaxYear }

// ParseYear reads a year as a clerk types it: half- or full-width digits,
// spaces around, an optional 年 or 年度 after ("2024", "２０２４", "2024年度").
// The error is a Chinese sentence naming what was typed.
func ParseYear(s string) (int, error) {
	t := strings.TrimSpace(NormalizeDigits(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "年度"), "年")
	y, err := strconv.Atoi(strings.TrimSpace(t))
	if err != nil || !ValidYear(y) {
		return 0, fmt.Errorf("年度“%s”不对，应为 %d 至 %d 之间的四位数字，如 %d", strings.TrimSpace(s), MinYear, MaxYear, YearWrittenIn(time.Now()))
	}
	return y, nil
}

// YearWrittenIn is the year a report begun on day now is for: reports are
// written in the reporting season, January to March, for the year just
// past; from April on a new report is for the year under way.
func YearWrittenIn(now time.Time) int {
	if now.Month() <= time.March {
		return now.Year() - 1
	}
	return now.Year()
}
