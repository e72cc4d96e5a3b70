package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/reports"
)

// isWide reports whether r is a Chinese character or Chinese punctuation,
// next to which Word's spaces and half-width brackets are debris.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) ||
		r >= 0x3000 && r <= 0x303F || // CJK punctuation: 、。《》「」【】〔〕
		r >= 0xFF00 && r <= 0xFFEF || // full-width forms: （），：；
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—'
}

// canon is the form labels are compared in: no spaces, full-width ASCII
// folded to ASCII, the enumeration comma and full-width point read as ".",
// quotes unified. Both sides of a comparison go through it.
func canon(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == 0x3000 || r == 0xA0 || r == 0x200B || r == 0xFEFF {
			continue
		}
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch r {
		case '、', '．', '。':
			r = '.'
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’':
			r = '\''
		case '【', '〔', '［':
			r = '['
		case '】', '〕', '］':
			r = ']'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var numPrefix = regexp.MustCompile(`^(\(?[一二三四五六七八九十0-9]{1,3}\)\.?|[一二三四五六七八九十0-9]{1,3}\.)`)

// stripNum removes a leading enumeration ("1.", "(三)", "一.") from a
// canonical label.
func stripNum(c string) string {
	return numPrefix.ReplaceAllString(c, "")
}

// numbered is a paragraph that starts with an enumeration.
type numbered struct {
	style reports.Numbering
	n     int
	rest  string
}

var (
	reParenHan    = regexp.MustCompile(`^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?\s*`)
	reParenArabic = regexp.MustCompile(`^[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*`)
	reArabic      = regexp.MustCompile(`^([0-9０-９]{1,2})\s*[.．、](\s*)`)
	reSection     = regexp.MustCompile(`^([一二三四五六七八九十]{1,2})\s*[、.．，,]\s*`)
)

// parseNumbered recognises "1.", "（一）", "(1)" at the start of s.
func parseNumbered(s string) (numbered, bool) {
	s = strings.TrimLeft(s, " \u3000\t")
	if m := reParenHan.FindStringSubmatch(s); m != nil {
		return numbered{reports.NumberParen, hanNumber(m[1]), s[len(m[0]):]}, true
	}
	if m := reParenArabic.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(reports.NormalizeDigits(m[1]))
		return numbered{reports.NumberArabic, n, s[len(m[0]):]}, true
	}
	if m := reArabic.FindStringSubmatch(s); m != nil {
		rest := s[len(m[0]):]
		// "1.5万元" is a number, not an enumeration.
		if r, _ := utf8.DecodeRuneInString(rest); r >= '0' && r <= '9' && m[2] == "" {
			return numbered{}, false
		}
		n, _ := strconv.Atoi(reports.NormalizeDigits(m[1]))
		return numbered{reports.NumberArabic, n, rest}, true
	}
	return numbered{}, false
}

// hanNumber reads 一…九十九; 0 when s is not such a number.
func hanNumber(s string) int {
	digit := func(r rune) int {
		return strings.IndexRune("零一二三四五六七八九", r) / len("一")
	}
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		if d := strings.IndexRune("零一二三四五六七八九", rs[0]); d >= 0 {
			return digit(rs[0])
		}
	case len(rs) == 2 && rs[0] == '十':
		return 10 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		return digit(rs[0]) * 10
	case len(rs) == 3 && rs[1] == '十':
		return digit(rs[0])*10 + digit(rs[2])
	}
	return 0
}

// normText normalises narrative text the way the sample was transcribed:
// full-width digits as ASCII, half-width brackets and punctuation in Chinese
// text as full-width, and the spaces Word puts between Chinese and digits
// removed ("2023 年" → "2023年").
func normText(s string) string {
	rs := []rune(strings.TrimSpace(asciiDigits(s)))
	// Brackets: a pair whose content has Chinese, or a lone bracket next
	// to Chinese, becomes full-width.
	var stack []int
	wide := map[int]bool{}
	for i, r := range rs {
		switch r {
		case '(':
			stack = append(stack, i)
		case ')':
			if len(stack) > 0 {
				open := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if hasWide(rs[open+1:i]) || neighbourWide(rs, open) || neighbourWide(rs, i) {
					wide[open], wide[i] = true, true
				}
			} else if neighbourWide(rs, i) {
				wide[i] = true
			}
		}
	}
	for _, i := range stack {
		if neighbourWide(rs, i) {
			wide[i] = true
		}
	}
	for i, r := range rs {
		switch {
		case wide[i] && r == '(':
			rs[i] = '（'
		case wide[i] && r == ')':
			rs[i] = '）'
		case (r == ',' || r == ';' || r == ':' || r == '?' || r == '!') && i > 0 && isWide(rs[i-1]) &&
			(i+1 == len(rs) || !unicode.IsDigit(rs[i+1])):
			rs[i] = map[rune]rune{',': '，', ';': '；', ':': '：', '?': '？', '!': '！'}[r]
		}
	}
	// Spaces next to Chinese go.
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == ' ' || r == 0x3000 || r == 0xA0 || r == '\t' {
			j := i
			for j < len(rs) && (rs[j] == ' ' || rs[j] == 0x3000 || rs[j] == 0xA0 || rs[j] == '\t') {
				j++
			}
			if (i > 0 && isWide(rs[i-1])) || (j < len(rs) && isWide(rs[j])) || i == 0 || j == len(rs) {
				i = j - 1
				continue
			}
			b.WriteRune(' ')
			i = j - 1
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasWide(rs []rune) bool {
	for _, r := range rs {
		if isWide(r) {
			return true
		}
	}
	return false
}

func neighbourWide(rs []rune, i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if rs[j] != ' ' {
			if isWide(rs[j]) {
				return true
			}
			break
		}
	}
	for j := i + 1; j < len(rs) && j <= i+8; j++ {
		if rs[j] != ' ' {
			return isWide(rs[j])
		}
	}
	return false
}

var (
	reDate        = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)
	reNumericDate = regexp.MustCompile(`^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$`)
)

// parseDateLine reads a 落款 date: 2024年1月19日, with spaces or full-width
// digits, or in Chinese numerals (二〇二四年一月十九日).
func parseDateLine(s string) (reports.Date, bool) {
	c := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == 0x3000 {
			return -1
		}
		return r
	}, asciiDigits(s))
	c = hanDate(c)
	m := reDate.FindStringSubmatch(c)
	if m == nil {
		// 2024-01-19, 2024/1/19, 2024.1.19
		if reNumericDate.MatchString(c) {
			if d, err := reports.ParseDate(c); err == nil && !d.IsZero() {
				return d, true
			}
		}
		return reports.Date{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	date := reports.Date{Year: y, Month: mo, Day: d}
	return date, date.Valid()
}

// hanDate turns 二〇二四年一月十九日 into 2024年1月19日; other text is
// returned unchanged.
func hanDate(s string) string {
	if !strings.ContainsAny(s, "〇零一二三四五六七八九十") {
		return s
	}
	y, rest, ok := strings.Cut(s, "年")
	if !ok {
		return s
	}
	var yb strings.Builder
	for _, r := range y {
		if d := strings.IndexRune("〇一二三四五六七八九", r); d >= 0 {
			yb.WriteString(strconv.Itoa(d / len("一")))
		} else if r == '零' {
			yb.WriteByte('0')
		} else {
			yb.WriteRune(r)
		}
	}
	m, rest, ok := strings.Cut(rest, "月")
	if !ok {
		return s
	}
	d, rest, ok := strings.Cut(rest, "日")
	if !ok || rest != "" {
		return s
	}
	conv := func(x string) string {
		if n := hanNumber(x); n > 0 {
			return strconv.Itoa(n)
		}
		return x
	}
	return yb.String() + "年" + conv(m) + "月" + conv(d) + "日"
}

// runeLen is the length of s in characters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// editDistance is the Levenshtein distance of a and b in characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// asciiDigits turns full-width digits into ASCII digits and leaves
// everything else (full-width punctuation included) alone.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}
