package reports

import (
	"strconv"
	"strings"
)

// Numbers stated in the narrative are compared with the tables clause by
// clause (a clause ends at ，。；！？ or a line break). A clause speaks of:
//
//   - 现行有效 行政规范性文件 N件 → 表二 行政规范性文件 现行有效件数
//   - 现行有效 规章 N件 → 表二 规章 现行有效件数
//   - 制发/印发/出台/制定 规范性文件 N件 → 本年制发件数
//   - 废止 规范性文件 N件 → 本年废止件数
//   - 收到/新收 …申请 N件 → 表三 一、本年新收 总计; 受理 …申请 N件 may
//     also count 上年结转; 未收到…申请 means 0
//   - 行政复议 N件 → 表四 行政复议 总计; 未发生…行政复议 means 0
//   - 行政诉讼 N件 → 表四 行政诉讼 总计 (both blocks)
//
// N is the first number followed by 件/起/宗/例/份 after the keyword in the
// same clause, unless 其中 (or a result word such as 纠正) stands between
// them, which makes it a part rather than the total.

var (
	kwNorms      = []rune("规范性文件")
	kwRules      = []rune("规章")
	kwValid      = []rune("现行有效")
	kwRepeal     = []rune("废止")
	kwMade       = splitWords("制发 印发 出台 制定")
	kwRequest    = []rune("申请")
	kwReceive    = splitWords("收到 新收 受理")
	kwReview     = []rune("行政复议")
	kwLitigation = []rune("行政诉讼")
	kwNegation   = splitWords("未 没有 无")
	gapBreakers  = splitWords("其中 纠正 维持 审结 驳回 败诉 胜诉 终止")
)

const measureWords = "件起宗例份"

// textClaim is one number the text states about a table value.
type textClaim struct {
	value      int64
	start, end int // runes of the statement, for the message and offset
}

// checkTextNumbers compares the numbers stated in field f with the tables.
func (c *checker) checkTextNumbers(f textField) {
	buf := c.buf
	start := 0
	for i := 0; i <= len(buf); i++ {
		if i < len(buf) && !isClauseEnd(buf[i]) {
			continue
		}
		if i > start {
			c.checkClause(f, start, i)
		}
		start = i + 1
	}
}

func containsRune(s string, r rune) bool { return strings.ContainsRune(s, r) }

func isClauseEnd(r rune) bool {
	switch r {
	case '，', ',', '。', '；', ';', '！', '!', '？', '?', '\n':
		return true
	}
	return false
}

func (c *checker) checkClause(f textField, s, e int) {
	cl := c.buf[s:e]
	norms, valid := indexRunes(cl, kwNorms), indexRunes(cl, kwValid)
	review, lit := indexRunes(cl, kwReview), indexRunes(cl, kwLitigation)
	rules := indexRunes(cl, kwRules)
	repeal := indexRunes(cl, kwRepeal)
	switch {
	case valid >= 0 && norms >= 0:
		if claim, ok := c.claimAfter(s, e, min(valid, norms), max(valid, norms), false); ok {
			c.compareCell(f, claim, "t2_1", "norms", "valid")
		}
	case valid >= 0 && rules >= 0:
		if claim, ok := c.claimAfter(s, e, min(valid, rules), max(valid, rules), false); ok {
			c.compareCell(f, claim, "t2_1", "rules", "valid")
		}
	case norms >= 0 && repeal >= 0:
		if claim, ok := c.claimAfter(s, e, min(norms, repeal), max(norms, repeal), false); ok {
			c.compareCell(f, claim, "t2_1", "norms", "repealed")
		}
	case norms >= 0:
		if m := firstOf(cl, kwMade); m >= 0 {
			if claim, ok := c.claimAfter(s, e, min(m, norms), max(m, norms), false); ok {
				c.compareCell(f, claim, "t2_1", "norms", "made")
			}
		}
	}
	if review < 0 && lit < 0 && indexRunes(cl, []rune("复议")) < 0 {
		if v := firstOf(cl, kwReceive); v >= 0 {
			if rq := indexRunes(cl[v:], kwRequest); rq >= 0 {
				if claim, ok := c.claimAfter(s, e, v, v, true); ok {
					c.compareRequests(f, claim, c.buf[s+v:s+v+2])
				}
			}
		}
	}
	if review >= 0 {
		if claim, ok := c.claimAfter(s, e, review, review, true); ok {
			c.compareSum(f, claim, "行政复议", "review_total")
		}
	}
	if lit >= 0 {
		if claim, ok := c.claimAfter(s, e, lit, lit, true); ok {
			c.compareSum(f, claim, "行政诉讼", "direct_total", "after_total")
		}
	}
}

func firstOf(s []rune, words [][]rune) int {
	best := -1
	for _, w := range words {
		if i := indexRunes(s, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// claimAfter finds the number the clause [s, e) states after the keyword
// at s+kw (the statement quoted in messages starts at s+from, the first
// keyword). With negation, 未/没有/无 before the keyword in the clause (and
// no number after it) states 0.
func (c *checker) claimAfter(s, e, from, kw int, negation bool) (textClaim, bool) {
	buf := c.buf
	for i := s + kw; i < e; i++ {
		v, end, ok := numberAt(buf[:e], i)
		if !ok {
			continue
		}
		k := skipSpaces(buf[:e], end)
		if k < e && containsRune(measureWords, buf[k]) {
			if firstOf(buf[s+kw:i], gapBreakers) >= 0 {
				return textClaim{}, false
			}
			return textClaim{value: int64(v), start: s + from, end: k + 1}, true
		}
		i = end - 1
	}
	if negation {
		if n := firstOf(buf[s:s+kw], kwNegation); n >= 0 {
			return textClaim{value: 0, start: s + n, end: e}, true
		}
	}
	return textClaim{}, false
}

// chineseDigits maps Chinese numerals to values; 十 and 百 are handled apart.
const chineseDigits = "零一二三四五六七八九"

// numberAt reads an Arabic or simple Chinese number (up to 九百九十九) at i.
func numberAt(buf []rune, i int) (v int, end int, ok bool) {
	if isDigit(buf[i]) {
		if i > 0 && isDigit(buf[i-1]) {
			return 0, i + 1, false
		}
		v, end = digitsAt(buf, i)
		return v, end, true
	}
	if !isChineseNumeral(buf[i]) {
		return 0, i + 1, false
	}
	end = i
	for end < len(buf) && isChineseNumeral(buf[end]) {
		end++
	}
	v, ok = parseChineseNumber(buf[i:end])
	return v, end, ok
}

func isChineseNumeral(r rune) bool {
	return r == '两' || r == '〇' || r == '十' || r == '百' || containsRune(chineseDigits, r)
}

func chineseDigit(r rune) int {
	switch r {
	case '两':
		return 2
	case '〇':
		return 0
	}
	i := 0
	for _, x := range chineseDigits {
		if x == r {
			return i
		}
		i++
	}
	return -1
}

// parseChineseNumber reads 三, 十二, 二十, 一百零五, 两百.
func parseChineseNumber(s []rune) (int, bool) {
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur = 0
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur = 0
		default:
			d := chineseDigit(r)
			if d < 0 {
				return 0, false
			}
			cur = cur*10 + d
		}
	}
	return total + cur, true
}

// snippet is the text of a claim for messages, at most 30 characters.
func (c *checker) snippet(cl textClaim) string {
	end := min(cl.end, cl.start+30)
	return string(c.buf[cl.start:end])
}

func (c *checker) compareCell(f textField, cl textClaim, table, row, col string) {
	tb := c.t.Table(table)
	if tb == nil {
		return
	}
	ri, ci := tb.RowIndex(row), tb.ColumnIndex(col)
	if ri < 0 || ci < 0 {
		return
	}
	if k := keysOf(c.t)[c.tableIndex(table)][ri][ci]; !c.r.Cell(k).IsNumber() {
		return
	}
	v := c.num(tb, ri, ci)
	if v.Cmp(Int(cl.value)) != 0 {
		c.textNumberWarn(f, cl, cellName(c.t, tb, ri, ci)+"为"+v.String())
	}
}

func (c *checker) compareRequests(f textField, cl textClaim, verb []rune) {
	tb, rn, rc, _, _ := c.t3Rows()
	if c.rowBlank(tb, rn) {
		return // nothing typed (or imported) to compare with
	}
	ct := tb.ColumnIndex(ColTotal)
	n, carry := c.num(tb, rn, ct), c.num(tb, rc, ct)
	want := Int(cl.value)
	if n.Cmp(want) == 0 {
		return
	}
	if string(verb) == "受理" && n.Add(carry).Cmp(want) == 0 {
		return
	}
	c.textNumberWarn(f, cl, "表三「一、本年新收政府信息公开申请数量」总计为"+n.String())
}

func (c *checker) compareSum(f textField, cl textClaim, what string, cols ...string) {
	tb := c.t.Table(TableT4)
	ri := tb.RowIndex(RowT4Cases)
	if c.rowBlank(tb, ri) {
		return
	}
	var sum Decimal
	for _, k := range cols {
		sum = sum.Add(c.num(tb, ri, tb.ColumnIndex(k)))
	}
	if sum.Cmp(Int(cl.value)) != 0 {
		c.textNumberWarn(f, cl, "表四「"+what+"」总计为"+sum.String())
	}
}

// rowBlank reports whether no input cell of the row holds a number, as
// when a table is missing from an imported document.
func (c *checker) rowBlank(tb *Table, ri int) bool {
	keys := keysOf(c.t)[c.tableIndex(tb.Key)][ri]
	for ci := range tb.Columns {
		if !tb.IsComputed(ri, ci) && c.r.Cell(keys[ci]).IsNumber() {
			return false
		}
	}
	return true
}

func (c *checker) textNumberWarn(f textField, cl textClaim, table string) {
	c.warnAt(CodeTextNumber, Location{Section: f.section, Field: f.path(), Offset: cl.start},
		"正文“"+c.snippet(cl)+"”（"+strconv.FormatInt(cl.value, 10)+"）与表格不符："+table+"。")
}
