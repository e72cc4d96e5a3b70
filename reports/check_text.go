package reports

import (
	"strconv"
	"strings"
	"unicode"
)

// textField is one narrative text of the report. The field path is built
// only when a finding needs it.
type textField struct {
	section string
	list    string // "preamble", "overview.parts", "other.fee", …
	index   int    // list index, or -1 for a single field
	sub     string // "title" or "text" for list items
	text    string
}

func (f textField) path() string {
	if f.index < 0 {
		return f.list
	}
	return FieldPath(f.list, f.index, f.sub)
}

// textFields lists the narrative texts in print order.
func (r *Report) textFields(out []textField) []textField {
	out = append(out,
		textField{list: FieldContactOffice, index: -1, text: r.Contact.Office},
		textField{list: FieldPreamble, index: -1, text: r.Preamble})
	parts := func(sec, list string, ps []Part) {
		for i, p := range ps {
			out = append(out,
				textField{section: sec, list: list, index: i, sub: "title", text: p.Title},
				textField{section: sec, list: list, index: i, sub: "text", text: p.Text})
		}
	}
	parts(SectionOverview, FieldOverviewParts, r.Overview.Parts)
	parts(SectionImprovement, FieldProblems, r.Improvement.Problems)
	parts(SectionImprovement, FieldMeasures, r.Improvement.Measures)
	out = append(out,
		textField{section: SectionOther, list: FieldFee, index: -1, text: r.Other.Fee},
		textField{section: SectionOther, list: FieldOtherText, index: -1, text: r.Other.Text})
	parts(SectionOther, FieldOtherItems, r.Other.Items)
	return append(out, textField{list: FieldSigningOrgan, index: -1, text: r.Signing.Organ})
}

// CountChars counts the characters of s as the 一千字 limit is read:
// Chinese characters, letters, digits and punctuation, not spaces or line
// breaks.
func CountChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// checkTexts runs the checks of the narrative: emptiness, length, place
// names, years, dates, numbers against the tables, copying.
func (c *checker) checkTexts() {
	r := c.r
	c.checkEmpty()
	n := 0
	for _, p := range r.Overview.Parts {
		n += CountChars(p.Title) + CountChars(p.Text)
	}
	if n > OverviewMaxChars {
		c.warnAt(CodeOverviewLong, Location{Section: SectionOverview, Field: FieldOverviewParts, Offset: -1},
			"一、总体情况共"+strconv.Itoa(n)+"字，超过模板要求的一千字（篇幅原则上不超过一千字）。")
	}
	own := c.ownNames()
	var fields [32]textField
	for _, f := range r.textFields(fields[:0]) {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		c.buf = appendNormalized(c.buf[:0], f.text)
		spans := c.checkPlaces(f, own)
		c.checkUnitKind(f, own, spans)
		c.checkYearsAndDates(f)
		c.checkTextNumbers(f)
	}
	c.checkCopies()
}

// appendNormalized appends the runes of s with full-width digits and
// spaces made ASCII, one rune for one rune, so offsets stay the same.
func appendNormalized(buf []rune, s string) []rune {
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r == 0x3000:
			r = ' '
		}
		buf = append(buf, r)
	}
	return buf
}

// checkEmpty reports sections and parts with no text.
func (c *checker) checkEmpty() {
	r := c.r
	c.emptyList(SectionOverview, FieldOverviewParts, r.Overview.Parts, CodeEmptyOverview, "一、总体情况没有内容。")
	c.emptyList(SectionImprovement, FieldProblems, r.Improvement.Problems, CodeEmptyProblems, "五、存在的主要问题及改进情况没有列出存在的问题。")
	c.emptyList(SectionImprovement, FieldMeasures, r.Improvement.Measures, CodeEmptyMeasures, "五、存在的主要问题及改进情况没有列出改进措施。")
	if c.t.Version == V2021 && strings.TrimSpace(r.Other.Fee) == "" {
		c.warnAt(CodeEmptyFee, Location{Section: SectionOther, Field: FieldFee, Offset: -1},
			"六、其他需要报告的事项缺少信息处理费的收取情况（模板要求在此专门报告；未收取可写“"+DefaultFeeStatement+"”）。")
	}
	for i, it := range r.Other.Items {
		if strings.TrimSpace(it.Text) == "" {
			c.warnAt(CodeEmptyPart, Location{Section: SectionOther, Field: FieldPath(FieldOtherItems, i, "text"), Offset: -1},
				"六、其他需要报告的事项第"+strconv.Itoa(i+1)+"项"+quoteTitle(it.Title)+"没有内容。")
		}
	}
}

func (c *checker) emptyList(sec, list string, ps []Part, code, msg string) {
	filled := 0
	for _, p := range ps {
		if strings.TrimSpace(p.Text) != "" {
			filled++
		}
	}
	if filled == 0 {
		c.warnAt(code, Location{Section: sec, Field: list, Offset: -1}, msg)
		return
	}
	name := c.t.Section(sec).Title()
	for i, p := range ps {
		if strings.TrimSpace(p.Text) == "" {
			c.warnAt(CodeEmptyPart, Location{Section: sec, Field: FieldPath(list, i, "text"), Offset: -1},
				name+"第"+strconv.Itoa(i+1)+"部分"+quoteTitle(p.Title)+"没有内容。")
		}
	}
}

func quoteTitle(t string) string {
	if strings.TrimSpace(t) == "" {
		return ""
	}
	return "“" + t + "”"
}

func hasPrefixRunes(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// --- years and dates ----------------------------------------------------

// lastYearCues before (or 结转 after) last year's number allow it:
// 较2022年, 比2022年, 与2022年相比, 2022年结转.
var lastYearCues = splitWords("较 比 上年 去年 同比 相比 对比 与 结转 转结 决算")

// yearRefCues after any year make it a reference, not a copied date: the
// year a law was revised or a plan's horizon.
var yearRefCues = splitWords("修订 修正 颁布 施行 公布 远景 目标 规划")

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// digitsAt reads the ASCII digits starting at i: their value (capped) and
// the index after them.
func digitsAt(buf []rune, i int) (v int, end int) {
	for end = i; end < len(buf) && isDigit(buf[end]); end++ {
		if v < 1_000_000_000 {
			v = v*10 + int(buf[end]-'0')
		}
	}
	return v, end
}

func skipSpaces(buf []rune, i int) int {
	for i < len(buf) && (buf[i] == ' ' || buf[i] == '\t') {
		i++
	}
	return i
}

// checkYearsAndDates warns about years other than the report year and the
// next, and about malformed dates.
func (c *checker) checkYearsAndDates(f textField) {
	buf := c.buf
	book := 0
	for i := 0; i < len(buf); i++ {
		switch buf[i] {
		case '《':
			book++
			continue
		case '》':
			if book > 0 {
				book--
			}
			continue
		}
		if !isDigit(buf[i]) || i > 0 && (isDigit(buf[i-1]) || buf[i-1] == '.') {
			continue
		}
		v, end := digitsAt(buf, i)
		nd := end - i
		j := skipSpaces(buf, end)
		if j >= len(buf) {
			break
		}
		switch buf[j] {
		case '年':
			if nd >= 5 {
				c.dateWarn(f, i, j+1, "年份“"+string(buf[i:end])+"”位数不对")
			} else if nd == 4 {
				if ok := c.checkDateAfterYear(f, i, v, j+1); ok && book == 0 {
					c.checkYear(f, i, v, j+1)
				}
			}
		case '月':
			if nd >= 5 {
				c.dateWarn(f, i, j+1, "缺少“年”字（年份和月份连在一起）")
			} else if nd <= 2 && (i == 0 || buf[i-1] != '年') {
				c.checkMonthDay(f, i, 2024, v, j+1)
			}
		}
		i = end - 1
	}
}

// checkDateAfterYear checks the month and day after "YYYY年" and reports
// whether the date is well formed.
func (c *checker) checkDateAfterYear(f textField, start, year, after int) bool {
	buf := c.buf
	k := skipSpaces(buf, after)
	if k >= len(buf) || !isDigit(buf[k]) {
		return true
	}
	m, mend := digitsAt(buf, k)
	k2 := skipSpaces(buf, mend)
	if k2 >= len(buf) || buf[k2] != '月' {
		return true
	}
	return c.checkMonthDay(f, start, year, m, k2+1)
}

// checkMonthDay validates month m (and the day after 月 when there is one);
// start is where the date began, after the index just past 月.
func (c *checker) checkMonthDay(f textField, start, year, m, after int) bool {
	buf := c.buf
	if m < 1 || m > 12 {
		c.dateWarn(f, start, after, "没有"+strconv.Itoa(m)+"月")
		return false
	}
	k := skipSpaces(buf, after)
	if k >= len(buf) || !isDigit(buf[k]) {
		return true
	}
	d, dend := digitsAt(buf, k)
	k2 := skipSpaces(buf, dend)
	if k2 >= len(buf) || buf[k2] != '日' && buf[k2] != '号' {
		return true
	}
	if year < 1900 {
		year = 2024 // a leap year: 2月29日 without a year is fine
	}
	if !(Date{year, m, d}).Valid() {
		c.dateWarn(f, start, k2+1, strconv.Itoa(m)+"月没有"+strconv.Itoa(d)+"日")
		return false
	}
	return true
}

func (c *checker) dateWarn(f textField, start, end int, why string) {
	c.warnAt(CodeTextDate, Location{Section: f.section, Field: f.path(), Offset: start},
		"日期“"+string(c.buf[start:end])+"”有误："+why+"。")
}

// checkYear warns about a year that is neither the report year nor the
// next; last year is fine after 较/比/上年/同比… or before 结转 or 决算 (last
// year's accounts are published this year), and any
// year before 修订/施行/远景目标… (a law's or a plan's year).
func (c *checker) checkYear(f textField, start, y, after int) {
	ry := c.r.Year
	if y == ry || y == ry+1 || y < 1900 || y > 2100 {
		return
	}
	buf := c.buf
	next := buf[after:min(len(buf), after+6)]
	if y == ry-1 {
		from := max(0, start-8)
		for _, w := range lastYearCues {
			if indexRunes(buf[from:start], w) >= 0 || indexRunes(next, w) >= 0 {
				return
			}
		}
	}
	if firstOf(next, yearRefCues) >= 0 {
		return // 2019年修订的《条例》, 2035年远景目标
	}
	c.warnAt(CodeTextYear, Location{Section: f.section, Field: f.path(), Offset: start},
		"正文提到“"+string(c.buf[start:after])+"”，本报告是"+strconv.Itoa(ry)+"年度的，请核实年份是否照抄了其他年度的报告。")
}

func indexRunes(s, w []rune) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if hasPrefixRunes(s[i:], w) {
			return i
		}
	}
	return -1
}
