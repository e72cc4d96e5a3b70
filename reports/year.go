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
		return 0, fmt.Errorf("年度“%s”不对，应为 %d 至 %d 之间的四位数字，如 %d", strings.TrimSpace(s), MinYear, MaxYear, DefaultYear(time.Now()))
	}
	return y, nil
}

// DefaultYear is the year a new report written at now is for: the previous
// year, since reports are written in January–March for the year just ended
// (and a report started later in the year is for the past year too).
func DefaultYear(now time.Time) int { return now.Year() - 1 }
