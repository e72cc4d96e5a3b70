package summary

import (
	"fmt"
	"path/filepath"

	"nianbao/reports"
	"nianbao/reports/fullcheck"
	"nianbao/reports/xlsx"
)

// Sheets added to the summary workbook besides the tables.
const (
	SheetUnits   = "单位情况"
	SheetMissing = "未报送单位"
)

// Title is the heading of the summary workbook: 某县2023年度政府信息公开工作年度报告统计汇总（共N个单位）.
func (s *Summary) Title() string {
	return fmt.Sprintf("%s%d年度政府信息公开工作年度报告统计汇总（共%d个单位）", s.Total.Organ.ShortName, s.Year, s.Included)
}

// Workbook builds the summary workbook: the summed tables in the official
// layout (totals as live formulas), the table checks of the sum, the sheet
// 单位情况 and, with a roster, 未报送单位.
func Workbook(s *Summary) (*xlsx.Book, error) {
	var tableFindings []reports.Finding
	for _, f := range fullcheck.Run(s.Total, nil) {
		if f.Location.Table != "" {
			tableFindings = append(tableFindings, f)
		}
	}
	if tableFindings == nil {
		tableFindings = []reports.Finding{}
	}
	f, err := xlsx.NewWorkbook(s.Total, tableFindings, s.Title())
	if err != nil {
		return nil, err
	}
	var rows [][]any
	for i, u := range s.Units {
		name := u.Name
		if name == "" {
			name = "（未知）"
		}
		date, timely := "", ""
		if u.Status != Unreadable {
			date, timely = u.Date.Chinese(), u.Timely.WithDeadline(u.Deadline)
		}
		errs, warns := any(int64(u.Errors)), any(int64(u.Warnings))
		if u.Status == Unreadable {
			errs, warns = "", ""
		}
		rows = append(rows, []any{int64(i + 1), name, filepath.Base(u.File), u.Status.Chinese(), errs, warns, date, timely, u.Reason})
	}
	notCounted, withErrors, late := s.Counts()
	title := fmt.Sprintf("单位情况：共%d个文件，已计入%d个，未计入%d个，有错误%d个，逾期%d个", len(s.Units), s.Included, notCounted, withErrors, late)
	if err := f.AddList(SheetUnits, title,
		[]string{"序号", "单位", "文件", "状态", "错误", "警告", "落款日期", "是否按时", "说明"},
		[]float64{6, 30, 24, 9, 6, 6, 14, 14, 44}, rows); err != nil {
		f.Close()
		return nil, err
	}
	if s.HasRoster {
		if err := AddMissingSheet(f, s.Missing); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}

// AddMissingSheet adds the sheet 未报送单位 of a roster's units that sent
// no report (of the 汇总 and of the 审核), each with the reason, or a line
// saying that all did.
func AddMissingSheet(f *xlsx.Book, missing []Missing) error {
	var rows [][]any
	for i, m := range missing {
		rows = append(rows, []any{int64(i + 1), m.Name, m.Reason})
	}
	if len(rows) == 0 {
		rows = [][]any{{"", "名单中的单位均已报送。", ""}}
	}
	return f.AddList(SheetMissing, fmt.Sprintf("未报送单位：%d个", len(missing)),
		[]string{"序号", "单位", "说明"}, []float64{6, 36, 60}, rows)
}

// WriteXLSX writes the summary workbook to path atomically.
func WriteXLSX(path string, s *Summary) error {
	f, err := Workbook(s)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Save(path)
}
