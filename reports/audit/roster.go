package audit

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"nianbao/reports"
	"nianbao/reports/summary"
)

// kindOf names a file's type by its extension, for files that could not be
// read, in the words of the importer's Result.Format for those it reads.
func kindOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case reports.FileExtension:
		return "年报文件"
	case ".docx":
		return "Word 文档"
	case ".html", ".htm":
		return "网页"
	case ".pdf":
		return "PDF 文件"
	case ".txt":
		return "文本"
	case ".xlsx":
		return "Excel 表格"
	}
	return "其他"
}

func describeOSError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	}
	return err.Error()
}

// roster marks the units on the roster and lists the roster's units that
// sent no report of the year.
func (a *Audit) roster(names []string, div DivisionFunc) {
	a.HasRoster = true
	var want []ident
	var wantNames []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		id := identify(div, n, "")
		if len(id.names) == 0 {
			continue
		}
		dup := false
		for _, w := range want {
			if w.same(id) {
				dup = true
				break
			}
		}
		if !dup {
			want = append(want, id)
			wantNames = append(wantNames, n)
		}
	}
	for i := range a.Units {
		u := &a.Units[i]
		if u.Report == nil {
			continue
		}
		for _, w := range want {
			if w.same(u.id) {
				u.InRoster = true
				break
			}
		}
		if !u.InRoster {
			u.Reason = summary.JoinNote(u.Reason, "不在报送名单中")
		}
	}
	for k, w := range want {
		reason := "没有找到该单位的报告文件"
		found := false
		for i := range a.Units {
			u := &a.Units[i]
			if u.Report == nil || !w.same(u.id) {
				continue
			}
			if u.Status == Checked {
				found = true
				break
			}
			reason = fmt.Sprintf("报送的文件 %s 不能算作本年度报告：%s", filepath.Base(u.File), u.Reason)
		}
		if !found {
			a.Missing = append(a.Missing, summary.Missing{Name: wantNames[k], Reason: reason})
		}
	}
}

// county sums the units of the year with summary's sum and compares every
// typed cell of the county report with it.
func county(a *Audit, opts Options) *CountyCheck {
	base := opts.Report
	c := &CountyCheck{File: opts.ReportPath, Organ: base.Organ.FullName, Year: base.Year}
	if base.Year != a.Year {
		c.Problem = fmt.Sprintf("县级报告是%d年度的，审核的是%d年度，未比对", base.Year, a.Year)
		return c
	}
	var units []summary.Unit
	var reps []*reports.Report
	for i := range a.Units {
		u := &a.Units[i]
		if u.Status != Checked {
			continue
		}
		var su summary.Unit
		su.File = u.File
		summary.Describe(&su, u.Report, nil)
		units = append(units, su)
		reps = append(reps, u.Report)
	}
	s := summary.SumLoaded(units, reps, summary.Options{Year: a.Year, Base: base, BasePath: opts.ReportPath})
	c.Sum, c.Included = s, s.Included
	if s.Template != base.Template {
		c.Problem = fmt.Sprintf("县级报告使用%s年版模板，各单位使用%s年版模板，未比对", base.Template, s.Template)
		return c
	}
	t := base.Tmpl()
	for _, k := range t.InputKeys() {
		got, want := base.Cell(k), s.Total.Cell(k)
		if got.Value.Cmp(want.Value) == 0 && got.IsNumber() {
			continue
		}
		if !got.IsNumber() && want.Value.IsZero() {
			continue // a blank county cell where the units sum to 0
		}
		rep := got.Value.String()
		if !got.IsNumber() {
			rep = "（空）"
		}
		c.Mismatches = append(c.Mismatches, Mismatch{Key: k, Where: base.Where(reports.CellLocation(t, k)), Report: rep, Sum: want.Value.String()})
	}
	return c
}
