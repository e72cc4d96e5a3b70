package audit

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"nianbao/reports/summary"
	"nianbao/reports/xlsx"
)

// Sheets of the audit workbook besides one sheet of findings per unit.
const (
	SheetOverview = "审核总览"
	SheetPairs    = "单位之间雷同"
	SheetMissing  = summary.SheetMissing
	SheetCounty   = "县级报告比对"
	SheetPrev     = "上年报告无法读取"
)

// maxCell is the most characters an Excel cell holds.
const maxCell = 32000

// Percent writes a share as a whole percentage: 63%.
func Percent(s float64) string { return fmt.Sprintf("%d%%", int(s*100+0.5)) }

// Workbook builds the audit workbook: 审核总览 (one row per file), 单位之间雷同
// (the copied pairs with their passages), 未报送单位 (with a roster),
// 县级报告比对 (with the county report) and one sheet of findings per unit.
func (a *Audit) Workbook() (*xlsx.Book, error) {
	f, err := xlsx.NewBook()
	if err != nil {
		return nil, err
	}
	sheets := a.unitSheets()
	steps := []func(*xlsx.Book) error{
		func(f *xlsx.Book) error { return a.addOverviewSheet(f, sheets) },
		a.addPairsSheet,
		a.addMissingSheet,
		a.addCountySheet,
		a.addPrevSheet,
	}
	for i := range a.Units {
		steps = append(steps, func(f *xlsx.Book) error { return a.addUnitSheet(f, sheets[i], &a.Units[i]) })
	}
	for _, step := range steps {
		if err := step(f); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// addOverviewSheet lists every file, one row each: its unit, status,
// counts of findings, date, timeliness, similarity to the previous year
// and to the most similar other unit, and the name of its own sheet.
func (a *Audit) addOverviewSheet(f *xlsx.Book, sheets []string) error {
	var rows [][]any
	for i, u := range a.Units {
		errs, warns, date, timely, prev, similar, share := any(int64(u.Errors)), any(int64(u.Warnings)), "", "", "", "", ""
		if u.Report == nil {
			errs, warns = "", ""
		} else {
			date, timely = u.Date.Chinese(), u.Timely.WithDeadline(u.Deadline)
			if u.PrevShare >= 0 {
				prev = Percent(u.PrevShare)
			}
			if u.Similar >= 0 {
				similar, share = a.Units[u.Similar].Name(), Percent(u.SimilarShare)
			}
		}
		rows = append(rows, []any{int64(i + 1), u.Name(), filepath.Base(u.File), u.Kind, u.Status.Chinese(), errs, warns, date, timely, prev, similar, share, sheets[i], u.Reason})
	}
	return f.AddList(SheetOverview, a.Summary(),
		[]string{"序号", "单位", "文件", "类型", "状态", "错误", "警告", "落款日期", "是否按时", "与上年相同", "最相似的其他单位", "相似度", "检查结果见", "说明"},
		[]float64{6, 28, 24, 10, 9, 6, 6, 14, 14, 9, 24, 7, 14, 40}, rows)
}

// addPairsSheet lists the copied pairs with their shares and passages, or
// says that none was found.
func (a *Audit) addPairsSheet(f *xlsx.Book) error {
	var rows [][]any
	for i, p := range a.Pairs {
		ua, ub := a.Units[p.A], a.Units[p.B]
		rows = append(rows, []any{int64(i + 1), ua.Name(), ub.Name(), Percent(p.Similarity), Percent(p.AinB), Percent(p.BinA), clip(strings.Join(p.Passages, "\n"))})
	}
	if len(rows) == 0 {
		rows = [][]any{{"", "未发现超过一半相同的单位。", "", "", "", "", ""}}
	}
	return f.AddList(SheetPairs, fmt.Sprintf("单位之间雷同：%d对（正文%s，超过%s）", len(a.Pairs), measure, Percent(CopyThreshold)),
		[]string{"序号", "单位甲", "单位乙", "相似度", "甲与乙相同", "乙与甲相同", "相同的段落"},
		[]float64{6, 24, 24, 8, 10, 10, 80}, rows)
}

// addMissingSheet lists the units of the roster that sent no report; it
// adds no sheet without a roster.
func (a *Audit) addMissingSheet(f *xlsx.Book) error {
	if !a.HasRoster {
		return nil
	}
	return summary.AddMissingSheet(f, a.Missing)
}

// addCountySheet lists the cells where the county report differs from the
// sum of the units, or why it could not be compared; it adds no sheet
// without a county report.
func (a *Audit) addCountySheet(f *xlsx.Book) error {
	c := a.County
	if c == nil {
		return nil
	}
	var rows [][]any
	for i, m := range c.Mismatches {
		rows = append(rows, []any{int64(i + 1), m.Where, m.Report, m.Sum})
	}
	title := fmt.Sprintf("县级报告 %s 与 %d 个单位之和比对：%d个单元格不一致", filepath.Base(c.File), c.Included, len(c.Mismatches))
	switch {
	case c.Problem != "":
		title = "县级报告比对：" + c.Problem
		rows = [][]any{{"", c.Problem, "", ""}}
	case len(rows) == 0:
		rows = [][]any{{"", "各表格数字与各单位之和一致。", "", ""}}
	}
	return f.AddList(SheetCounty, title, []string{"序号", "单元格", "县级报告", "各单位之和"}, []float64{6, 60, 12, 12}, rows)
}

// addPrevSheet lists the previous year's files that could not be read;
// it adds no sheet when all were read.
func (a *Audit) addPrevSheet(f *xlsx.Book) error {
	if len(a.PrevUnreadable) == 0 {
		return nil
	}
	var rows [][]any
	for i, p := range a.PrevUnreadable {
		rows = append(rows, []any{int64(i + 1), filepath.Base(p.File), p.Kind, p.Reason})
	}
	return f.AddList(SheetPrev, fmt.Sprintf("上年度报告中无法读取的文件：%d个（这些单位未做跨年度比对）", len(a.PrevUnreadable)),
		[]string{"序号", "文件", "类型", "原因"}, []float64{6, 30, 10, 70}, rows)
}

// addUnitSheet lists a unit's findings with their locations.
func (a *Audit) addUnitSheet(f *xlsx.Book, sheet string, u *Unit) error {
	var rows [][]any
	for i, fd := range u.Findings {
		rows = append(rows, []any{int64(i + 1), fd.Severity.Chinese(), fd.Where, fd.Message, fd.Code})
	}
	title := fmt.Sprintf("%s（%s）：%d处错误，%d处警告", u.Name(), filepath.Base(u.File), u.Errors, u.Warnings)
	switch {
	case u.Report == nil:
		title = fmt.Sprintf("%s：%s", filepath.Base(u.File), u.Status.Chinese())
		rows = [][]any{{"", "", "", u.Reason, ""}}
	case len(rows) == 0:
		rows = [][]any{{"", "", "", "未发现问题。", ""}}
	}
	return f.AddList(sheet, title, []string{"序号", "类别", "位置", "说明", "代码"}, []float64{6, 7, 30, 70, 18}, rows)
}

// unitSheets names each unit's sheet: its number and short name, within
// Excel's 31 characters and without the characters Excel forbids.
func (a *Audit) unitSheets() []string {
	out := make([]string, len(a.Units))
	for i, u := range a.Units {
		name := u.ShortName
		if name == "" {
			name = u.Organ
		}
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(u.File), filepath.Ext(u.File))
		}
		name = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`:\/?*[]'`, r) {
				return '_'
			}
			return r
		}, name)
		s := []rune(fmt.Sprintf("%d %s", i+1, name))
		out[i] = string(s[:min(len(s), 31)])
	}
	return out
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxCell {
		return s
	}
	return string([]rune(s)[:maxCell]) + "…"
}

// WriteXLSX writes the audit workbook to path atomically.
func (a *Audit) WriteXLSX(path string) error {
	f, err := a.Workbook()
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Save(path)
}
