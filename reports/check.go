package reports

import (
	"sort"
	"strconv"
	"strings"
)

// Stable codes of the findings Check reports. Scripts and tests match on
// them; the messages may be reworded, the codes never change.
const (
	// CodeTemplateYear (error): the template version does not fit the year
	// (2019 format for 2019–2020, 2021 format from 2021 on).
	CodeTemplateYear = "TEMPLATE_YEAR"
	// CodeT3Balance (error): in a column of table 三, 一+二 ≠ （七）+四.
	CodeT3Balance = "T3_BALANCE"
	// CodeDeclaredTotal (error): a total printed in the imported document
	// (Report.Declared) is blank or differs from the sum of its cells.
	CodeDeclaredTotal = "DECLARED_TOTAL"
	// CodeCellBlank (error): a typed cell is empty.
	CodeCellBlank = "CELL_BLANK"
	// CodeCellText (error): a typed cell holds text that is not a number.
	CodeCellText = "CELL_TEXT"
	// CodeCellNegative (error): a count or amount below zero (except the
	// 本年增/减 columns of the 2019 format).
	CodeCellNegative = "CELL_NEGATIVE"
	// CodeCellFraction (error): a count with decimals.
	CodeCellFraction = "CELL_FRACTION"
	// CodeCarryOver (error): 上年结转 differs from last year's
	// 结转下年度继续办理 in the same column.
	CodeCarryOver = "CARRY_OVER"

	// CodeValidCount (warning): 现行有效件数 ≠ last year's 现行有效件数 +
	// 本年制发件数 − 本年废止件数 (rows 规章 and 行政规范性文件, 2021 format).
	CodeValidCount = "VALID_COUNT"
	// CodeTownshipRules (warning): a township reports 规章, which townships
	// cannot make.
	CodeTownshipRules = "TOWNSHIP_RULES"
	// CodeLitigationAfterReview (warning): 复议后起诉 总计 is larger than
	// 行政复议 总计.
	CodeLitigationAfterReview = "AFTER_REVIEW"
	// CodeManyOther (warning): the rows of （六）其他处理 hold more than half
	// of （七）总计 while （七）总计 is at least 4.
	CodeManyOther = "MANY_OTHER"
	// CodeTextNumber (warning): a number stated in the text contradicts the
	// tables (现行有效规范性文件, 制发/废止规范性文件, 收到/受理申请,
	// 行政复议, 行政诉讼).
	CodeTextNumber = "TEXT_NUMBER"
	// CodeOverviewLong (warning): 总体情况 is longer than 1000 characters.
	CodeOverviewLong = "OVERVIEW_LONG"
	// CodeOtherPlace (warning): the text names a 乡/镇/街道/县/市/区 that is
	// not one of the organ's own names (text copied from another unit).
	CodeOtherPlace = "OTHER_PLACE"
	// CodeUnitKind (warning): a 乡 writes 本镇/镇政府/镇政务公开办…, a 镇
	// writes 本乡/乡政府…, or a 街道 writes either.
	CodeUnitKind = "UNIT_KIND"
	// CodeTextYear (warning): a year in the text that is neither the report
	// year nor the next (last year is allowed after 较/比/上年/同比…).
	CodeTextYear = "TEXT_YEAR"
	// CodeTextDate (warning): a malformed date in the text, such as
	// 自20231月1日 or 2023年13月.
	CodeTextDate = "TEXT_DATE"
	// CodeSignDateMissing (warning): the 落款 has no date.
	CodeSignDateMissing = "SIGN_DATE_MISSING"
	// CodeSignDateLate (warning): the 落款 date is after the deadline of
	// the organ's level (Level.Deadline).
	CodeSignDateLate = "SIGN_DATE_LATE"
	// CodeSignDateEarly (warning): the 落款 date is not after the end of the
	// report year.
	CodeSignDateEarly = "SIGN_DATE_EARLY"
	// CodeCopiedImprovement (warning): 五 is more than half identical to
	// last year's (see Similarity).
	CodeCopiedImprovement = "COPIED_IMPROVEMENT"
	// CodeCopiedText (warning): the narrative as a whole is more than half
	// identical to last year's (see Similarity).
	CodeCopiedText = "COPIED_TEXT"
	// CodeEmptyOrgan (warning): the organ's full or short name is empty.
	CodeEmptyOrgan = "EMPTY_ORGAN"
	// CodeEmptyOverview (warning): 总体情况 has no text at all.
	CodeEmptyOverview = "EMPTY_OVERVIEW"
	// CodeEmptyPart (warning): one titled part (of 总体情况, 五 or 六) has
	// no text while others have.
	CodeEmptyPart = "EMPTY_PART"
	// CodeEmptyProblems (warning): 五 lists no problem.
	CodeEmptyProblems = "EMPTY_PROBLEMS"
	// CodeEmptyMeasures (warning): 五 lists no improvement measure.
	CodeEmptyMeasures = "EMPTY_MEASURES"
	// CodeEmptyFee (warning): 六 lacks the 信息处理费 statement the 2021
	// template asks for.
	CodeEmptyFee = "EMPTY_FEE"
	// CodeEmptySigningOrgan (warning): the 落款 has no organ name.
	CodeEmptySigningOrgan = "EMPTY_SIGNING_ORGAN"
)

// Thresholds of the checks.
const (
	// OverviewMaxChars is the length the template allows 总体情况
	// (篇幅原则上不超过一千字), counted as in CountChars.
	OverviewMaxChars = 1000
	// CopyThreshold is the share of identical text (Similarity) above which
	// a text counts as copied from last year.
	CopyThreshold = 0.5
	// manyOtherMinTotal is the （七）总计 from which MANY_OTHER applies.
	manyOtherMinTotal = 4
)

// Check runs every check on r and returns the findings in a fixed order:
// report-level first, then the preamble, the sections 一 to 六 (tables by
// table, row and column; texts by field and character), then the 落款.
// previous is last year's report for the cross-year checks; nil means
// r.LastYear (and no cross-year checks when that is nil too).
//
// Check does not modify r and is fast enough to run on every keystroke.
func Check(r *Report, previous *Report) []Finding {
	if r == nil {
		return nil
	}
	if previous == nil {
		previous = r.LastYear
	}
	c := &checker{r: r, prev: previous, t: r.Tmpl()}
	c.ix = indexOf(c.t)
	c.checkReport()
	c.checkTables()
	c.checkTexts()
	c.checkSigning()
	c.sort()
	return c.out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// CountSeverity returns how many errors and warnings fs holds (notes are
// not counted).
func CountSeverity(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return errors, warnings
}

// checker holds the state of one Check call.
type checker struct {
	r, prev *Report
	t       *Template
	out     []Finding
	ranks   []rank
	buf     []rune // scratch for the text being scanned
	ix      *tmplIndex
	vals    []Decimal // values of the report's cells, [ix.offset[table]+row*columns+column]
	done    []bool    // whether vals holds the cell's value yet
}

// rank orders findings: section group, table, row, column, field, offset.
type rank [6]int

func (c *checker) add(sev Severity, code string, loc Location, msg string) {
	c.out = append(c.out, Finding{Severity: sev, Code: code, Location: loc, Message: msg})
	c.ranks = append(c.ranks, c.rankOf(loc))
}

func (c *checker) errorAt(code string, loc Location, msg string) { c.add(Error, code, loc, msg) }
func (c *checker) warnAt(code string, loc Location, msg string)  { c.add(Warning, code, loc, msg) }

// cellLoc is the location of cell (ri, ci) of tb.
func (c *checker) cellLoc(tb *Table, ri, ci int) Location {
	return Location{Section: tb.Section, Table: tb.Key, Row: tb.Rows[ri].Key, Column: tb.Columns[ci].Key}
}

func (c *checker) rankOf(loc Location) rank {
	k := rank{0, -1, -1, -1, -1, loc.Offset}
	switch {
	case loc.Section != "":
		k[0] = 2
		for i, s := range c.t.Sections {
			if s.Key == loc.Section {
				k[0] = 2 + i
			}
		}
	case strings.HasPrefix(loc.Field, "signing."):
		k[0] = 2 + len(c.t.Sections)
	case loc.Field == FieldPreamble:
		k[0] = 1
	}
	if loc.Table != "" {
		for i, tb := range c.t.Tables {
			if tb.Key == loc.Table {
				k[1] = i
				k[2] = tb.RowIndex(loc.Row)
				k[3] = tb.ColumnIndex(loc.Column)
			}
		}
	}
	if loc.Field != "" {
		k[4] = fieldRank(loc.Field)
	}
	return k
}

// fieldRank turns a field path into a sortable number: the field's place
// in Fields, then the list index, then title before text.
func fieldRank(field string) int {
	f, ok := LookupField(field)
	if !ok {
		return len(Fields) * 1_000_000
	}
	k := f.Rank * 1_000_000
	if f.Index >= 0 {
		k += f.Index * 10
		if f.Sub == "text" {
			k++
		}
	}
	return k
}

func (c *checker) sort() {
	idx := make([]int, len(c.out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := c.ranks[idx[a]], c.ranks[idx[b]]
		for i := range ka {
			if ka[i] != kb[i] {
				return ka[i] < kb[i]
			}
		}
		return false
	})
	out := make([]Finding, len(c.out))
	for i, j := range idx {
		out[i] = c.out[j]
	}
	c.out = out
}

// checkReport runs the report-level checks: template version, organ names.
func (c *checker) checkReport() {
	r := c.r
	if want := VersionForYear(r.Year); r.Template != want {
		used := "未指定模板"
		if Lookup(r.Template) != nil {
			used = "使用的是" + string(r.Template) + "年版"
		}
		c.errorAt(CodeTemplateYear, Location{Field: FieldTemplate, Offset: -1},
			"“"+strconv.Itoa(r.Year)+"年度”报告应使用"+string(want)+"年版模板（"+Lookup(want).Document+"），本报告"+used+"。")
	}
	if strings.TrimSpace(r.Organ.FullName) == "" {
		c.warnAt(CodeEmptyOrgan, Location{Field: FieldOrganFullName, Offset: -1}, "机关全称（落款用，如“新源县别斯托别乡人民政府”）为空。")
	}
	if strings.TrimSpace(r.Organ.ShortName) == "" {
		c.warnAt(CodeEmptyOrgan, Location{Field: FieldOrganShortName, Offset: -1}, "机关简称（标题用，如“别斯托别乡”）为空，报告标题将不完整。")
	}
}

// checkSigning checks the 落款: organ name and date.
func (c *checker) checkSigning() {
	r := c.r
	if strings.TrimSpace(r.SignedBy()) == "" {
		c.warnAt(CodeEmptySigningOrgan, Location{Field: FieldSigningOrgan, Offset: -1}, "落款的机关名称为空。")
	}
	d := r.Signing.Date
	loc := Location{Field: FieldSigningDate, Offset: -1}
	switch {
	case d.IsZero() || !d.Valid():
		c.warnAt(CodeSignDateMissing, loc, "落款没有成文日期。")
	case !d.After(Date{r.Year, 12, 31}):
		c.warnAt(CodeSignDateEarly, loc, "落款日期"+d.Chinese()+"不晚于统计期末"+strconv.Itoa(r.Year)+"年12月31日，年度报告应在年度结束后成文。")
	default:
		lv := r.Organ.Level
		if lv == "" {
			lv = LevelTownship
		}
		if dl := lv.Deadline(r.Year); d.After(dl) {
			c.warnAt(CodeSignDateLate, loc, "落款日期"+d.Chinese()+"晚于"+lv.Name()+"的报送和公开期限"+dl.Chinese()+"。")
		}
	}
}

// Where names a finding's location for people, in Chinese: "表三「（七）总计」行
// 「自然人」列", "一、总体情况 第5部分 正文第18字", "落款日期".
func (r *Report) Where(loc Location) string {
	s := r.whereInReport(loc)
	src := loc.Source.String()
	switch {
	case s == "" && src == "":
		return "全文"
	case s == "":
		return src
	case src != "":
		return s + "（原文件" + src + "）"
	}
	return s
}

// whereInReport names the report's part of a location, "" when it has none.
func (r *Report) whereInReport(loc Location) string {
	t := r.Tmpl()
	if loc.Table != "" {
		if tb := t.Table(loc.Table); tb != nil {
			ri, ci := tb.RowIndex(loc.Row), tb.ColumnIndex(loc.Column)
			switch {
			case ri >= 0 && ci >= 0:
				return cellName(t, tb, ri, ci)
			case ri >= 0:
				return tb.Name(t) + "「" + tb.RowName(ri) + "」行"
			}
			return tb.Name(t)
		}
	}
	var s string
	if loc.Section != "" {
		if sec := t.Section(loc.Section); sec != nil {
			s = sec.Title()
		}
	}
	if loc.Field != "" {
		s += fieldName(loc.Field)
		if loc.Offset > 0 { // 0 is also what a location without an offset holds
			s += "第" + strconv.Itoa(loc.Offset+1) + "字"
		}
	}
	return s
}

// cellName is Table.CellName without the row of a table that has only
// one unlabelled row (表四): "表四「行政复议·总计」列".
func cellName(t *Template, tb *Table, ri, ci int) string {
	if len(tb.Rows[ri].Labels) == 0 {
		return tb.Name(t) + "「" + tb.ColumnName(ci) + "」列"
	}
	return tb.CellName(t, ri, ci)
}

// fieldName names a field path, after its section's title when it is in
// one: "overview.parts.4.text" gives " 第5项正文", "other.fee" " 信息处理费说明",
// "signing.date" "落款日期".
func fieldName(field string) string {
	f, ok := LookupField(field)
	if !ok {
		return " " + field
	}
	name := f.Name
	if f.Part != PartBasic && f.Part != PartSigning {
		name = " " + name
	}
	if f.Index < 0 {
		return name
	}
	part := "标题"
	if f.Sub == "text" {
		part = "正文"
	}
	if name == "" {
		name = " "
	}
	return name + "第" + strconv.Itoa(f.Index+1) + "项" + part
}
