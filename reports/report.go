package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// SchemaVersion is the version of the .nianbao file format this build writes.
// Files with a higher number come from a newer nianbao and are refused.
const SchemaVersion = 1

// FileExtension is the extension of report files.
const FileExtension = ".nianbao"

// Report is one annual report of one organ for one year.
type Report struct {
	Schema   int     `json:"schema"`
	Year     int     `json:"year"`
	Template Version `json:"template"`
	Organ    Organ   `json:"organ"`
	Contact  Contact `json:"contact"`

	// Preamble is the opening text before 一、总体情况; paragraphs are
	// separated by newlines.
	Preamble string `json:"preamble"`
	// Overview is 一、总体情况.
	Overview Overview `json:"overview"`
	// Cells holds every typed cell of tables 二, 三 and 四. Totals are never
	// stored here: they are computed.
	Cells map[CellKey]Cell `json:"cells"`
	// Declared holds totals as printed in a published document the report
	// was imported from, so checks can compare them with the sums. SetCell
	// drops those over a cell it changes.
	Declared map[CellKey]Cell `json:"declared,omitempty"`
	// Improvement is 五、存在的主要问题及改进情况.
	Improvement Improvement `json:"improvement"`
	// Other is 六、其他需要报告的事项.
	Other Other `json:"other"`
	// Signing is the 落款 and how the signed copy is printed.
	Signing Signing `json:"signing"`

	// LastYear is last year's report, kept with this one when it was started
	// from last year's file (or imported), for the cross-year checks and as
	// a reference beside the editors. Its own LastYear is always nil.
	LastYear *Report `json:"last_year,omitempty"`
}

// Level is the administrative level of the organ, which sets its deadline
// and which checks apply.
type Level string

// The levels nianbao knows.
const (
	LevelTownship     Level = "township"      // 乡镇（街道）
	LevelCountyDept   Level = "county_dept"   // 县级政府部门
	LevelCountyGov    Level = "county_gov"    // 县级政府（含汇总）
	LevelCityDept     Level = "city_dept"     // 地市级政府部门
	LevelCityGov      Level = "city_gov"      // 地市级政府
	LevelProvinceDept Level = "province_dept" // 省级政府部门
	LevelProvinceGov  Level = "province_gov"  // 省级政府
)

// Levels lists the levels in the order offered to the user.
var Levels = []Level{LevelTownship, LevelCountyDept, LevelCountyGov, LevelCityDept, LevelCityGov, LevelProvinceDept, LevelProvinceGov}

// Name returns the level's Chinese name.
func (l Level) Name() string {
	switch l {
	case LevelTownship:
		return "乡镇（街道）"
	case LevelCountyDept:
		return "县级政府部门"
	case LevelCountyGov:
		return "县级人民政府"
	case LevelCityDept:
		return "地市级政府部门"
	case LevelCityGov:
		return "地市级人民政府"
	case LevelProvinceDept:
		return "省级政府部门"
	case LevelProvinceGov:
		return "省级人民政府"
	}
	return string(l)
}

// Deadline is the last day the report for year may be dated and published:
// 1月31日 for townships and departments, 2月20日 for county governments
// (which also sum their units), 3月10日 for cities, 3月31日 for provinces.
func (l Level) Deadline(year int) Date {
	next := year + 1
	switch l {
	case LevelCountyGov:
		return Date{next, 2, 20}
	case LevelCityGov:
		return Date{next, 3, 10}
	case LevelProvinceGov:
		return Date{next, 3, 31}
	}
	return Date{next, 1, 31}
}

// Organ is the administrative organ that reports.
type Organ struct {
	// FullName is the name as in the 落款: 新源县别斯托别乡人民政府.
	FullName string `json:"full_name"`
	// ShortName is used in the title: 别斯托别乡.
	ShortName string `json:"short_name"`
	Level     Level  `json:"level"`
}

// Contact is the office the public may ask about the report.
type Contact struct {
	Office  string `json:"office"`
	Phone   string `json:"phone"`
	Address string `json:"address,omitempty"`
}

// Part is a titled piece of text: a sub-part of 总体情况, a problem or a
// measure of 五, an extra item of 六. Text paragraphs are separated by
// newlines. Numbering is never stored: it is generated from the position.
type Part struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Numbering is how a list of parts is numbered when printed.
type Numbering string

// Numbering styles. GB/T 9704 orders them 一、 → （一） → 1. → （1）.
const (
	NumberParen  Numbering = "paren"  // （一）（二）…
	NumberArabic Numbering = "arabic" // 1. 2. …
)

// Label returns the number of the i-th item (0-based) in this style.
func (n Numbering) Label(i int) string {
	if n == NumberArabic {
		return strconv.Itoa(i+1) + "."
	}
	return "（" + ChineseNumber(i+1) + "）"
}

// Overview is 一、总体情况: an ordered list of titled parts.
type Overview struct {
	Numbering Numbering `json:"numbering"`
	// Inline runs each title into its first paragraph
	// ("1.主动公开方面。本乡…") instead of printing it as a heading.
	Inline bool   `json:"inline"`
	Parts  []Part `json:"parts"`
}

// DefaultOverviewTitles are the sub-parts the template asks for.
var DefaultOverviewTitles = []string{"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}

// Improvement is 五: problems and improvement measures.
type Improvement struct {
	ProblemsTitle string `json:"problems_title"`
	Problems      []Part `json:"problems"`
	MeasuresTitle string `json:"measures_title"`
	Measures      []Part `json:"measures"`
}

// Default titles of the two groups of 五.
const (
	DefaultProblemsTitle = "工作中存在的主要问题和困难"
	DefaultMeasuresTitle = "具体的解决办法和改进措施"
)

// Other is 六、其他需要报告的事项.
type Other struct {
	// Fee is the statement on 信息处理费 the 2021 template asks for.
	Fee   string `json:"fee"`
	Text  string `json:"text"`
	Items []Part `json:"items,omitempty"`
}

// DefaultFeeStatement is what an organ that charged no fee writes.
const DefaultFeeStatement = "本年度未收取政府信息公开信息处理费。"

// Signing is the 落款 and the options for the signed copy.
type Signing struct {
	// Organ is the name in the 落款; empty means Organ.FullName.
	Organ string `json:"organ"`
	Date  Date   `json:"date"`
	// SignatureLine adds 单位负责人（签字）： for the filed paper copy.
	SignatureLine bool `json:"signature_line"`
	// Fonts is "embedded" (default) or "official" to use the installed
	// official fonts when they are found.
	Fonts string `json:"fonts,omitempty"`
}

// Title is the report's title: 别斯托别乡2023年度政府信息公开工作年度报告.
func (r *Report) Title() string {
	return fmt.Sprintf("%s%d年度政府信息公开工作年度报告", r.Organ.ShortName, r.Year)
}

// SignedBy is the organ name printed in the 落款.
func (r *Report) SignedBy() string {
	if strings.TrimSpace(r.Signing.Organ) != "" {
		return r.Signing.Organ
	}
	return r.Organ.FullName
}

// Tmpl returns the report's template (the 2021 one when the version is
// unknown; Load refuses unknown versions).
func (r *Report) Tmpl() *Template {
	if t := Lookup(r.Template); t != nil {
		return t
	}
	return template2021
}

// Cell returns the typed cell at k; a cell missing from the map is blank.
func (r *Report) Cell(k CellKey) Cell {
	if c, ok := r.Cells[k]; ok {
		return c
	}
	return BlankCell()
}

// SetCell stores a typed cell. It does nothing for totals, which are computed.
func (r *Report) SetCell(k CellKey, c Cell) {
	if !r.Tmpl().IsInput(k) {
		return
	}
	if r.Cells == nil {
		r.Cells = map[CellKey]Cell{}
	}
	old, had := r.Cells[k]
	r.Cells[k] = c
	if had && old == c {
		return
	}
	r.dropDeclaredOver(k)
}

// dropDeclaredOver forgets the totals printed in the imported document
// (Declared) that sum the typed cell k: they describe the document's
// numbers, which the clerk has now changed, so comparing them with the new
// sums would report an error nothing can correct (the report prints the
// computed totals).
func (r *Report) dropDeclaredOver(k CellKey) {
	if len(r.Declared) == 0 {
		return
	}
	tb, ri, ci, ok := r.Tmpl().Cell(k)
	if !ok {
		return
	}
	for d := range r.Declared {
		dt, dri, dci, ok := r.Tmpl().Cell(d)
		if ok && dt == tb && tb.Totals(dri, dci, ri, ci) {
			delete(r.Declared, d)
		}
	}
}

// New returns an empty report for year: the right template, the default
// sub-parts of 总体情况, the fee statement, every table cell at 0.
func New(year int) *Report {
	r := &Report{
		Schema:   SchemaVersion,
		Year:     year,
		Template: VersionForYear(year),
		Organ:    Organ{Level: LevelTownship},
		Overview: Overview{Numbering: NumberParen},
		Cells:    map[CellKey]Cell{},
		Improvement: Improvement{
			ProblemsTitle: DefaultProblemsTitle,
			MeasuresTitle: DefaultMeasuresTitle,
		},
		Other: Other{Fee: DefaultFeeStatement},
	}
	for _, t := range DefaultOverviewTitles {
		r.Overview.Parts = append(r.Overview.Parts, Part{Title: t})
	}
	for _, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = Num(0)
	}
	return r
}

// Clone returns a deep copy of r.
func (r *Report) Clone() *Report {
	if r == nil {
		return nil
	}
	c := *r
	c.Overview.Parts = append([]Part(nil), r.Overview.Parts...)
	c.Improvement.Problems = append([]Part(nil), r.Improvement.Problems...)
	c.Improvement.Measures = append([]Part(nil), r.Improvement.Measures...)
	c.Other.Items = append([]Part(nil), r.Other.Items...)
	c.Cells = cloneCells(r.Cells)
	c.Declared = cloneCells(r.Declared)
	c.LastYear = r.LastYear.Clone()
	return &c
}

func cloneCells(m map[CellKey]Cell) map[CellKey]Cell {
	if m == nil {
		return nil
	}
	out := make(map[CellKey]Cell, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Date is a calendar date without time, written in files as 2024-01-19 and
// printed as 2024年1月19日. The zero Date means not set.
type Date struct {
	Year, Month, Day int
}

// Today returns the current local date.
func Today() Date {
	t := time.Now()
	return Date{t.Year(), int(t.Month()), t.Day()}
}

// ParseDate reads 2024-01-19, 2024/1/19, 2024.1.19 or 2024年1月19日.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(NormalizeDigits(s))
	if t == "" {
		return Date{}, nil
	}
	t = strings.TrimSuffix(t, "日")
	t = strings.NewReplacer("年", "-", "月", "-", "/", "-", ".", "-").Replace(t)
	parts := strings.Split(t, "-")
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("日期“%s”格式不对，应为 2024-01-19 或 2024年1月19日", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return Date{}, fmt.Errorf("日期“%s”格式不对，应为 2024-01-19 或 2024年1月19日", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if !d.Valid() {
		return Date{}, fmt.Errorf("日期“%s”不存在", s)
	}
	return d, nil
}

// Valid reports whether d is a real calendar date.
func (d Date) Valid() bool {
	if d.Year < 1900 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return d.Day <= time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// After reports whether d is later than e.
func (d Date) After(e Date) bool {
	return d.Year*10000+d.Month*100+d.Day > e.Year*10000+e.Month*100+e.Day
}

// String is the file form: 2024-01-19, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Chinese is the printed form: 2024年1月19日 (Arabic digits, no padding).
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// MarshalText writes the file form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads any form ParseDate accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ChineseNumber writes 1…99 in Chinese numerals: 一, 十, 十一, 二十三.
func ChineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(digits[n%10], "零")
	}
	s := digits[n/10] + "十"
	if n%10 != 0 {
		s += digits[n%10]
	}
	return s
}
