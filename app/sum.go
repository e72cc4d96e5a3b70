package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/reports/summary"
)

// sumFolderTitle is the title of the dialog that chooses the folder to sum.
const sumFolderTitle = "选择存放各单位报告（.nianbao）的文件夹"

// onSum is 汇总: the county office chooses the folder with its units'
// report files; the sum runs in the background; the result lists every
// unit and offers to fill the summed tables into the open report and to
// export the summary workbook.
func (s *shell) onSum() {
	s.chooseFolder(sumFolderTitle, "汇总", s.sumFolder)
}

// sumFolder sums the report files of a folder without blocking the window.
func (s *shell) sumFolder(dir string) {
	files, err := summary.Files([]string{dir})
	if !s.foundFiles("汇总", "该文件夹里没有 .nianbao 报告文件：", dir, files, err) {
		return
	}
	opts := sumOptions(s.sumBase(), s.path)
	s.setBusy(true, fmt.Sprintf("正在汇总 %d 个文件…", len(files)))
	go func() {
		sum, err := summary.Sum(files, opts)
		fyne.Do(func() {
			s.setBusy(false, "")
			if err != nil {
				s.showError("汇总失败。", err, "")
				return
			}
			s.showSum(sum)
		})
	}()
}

// foundFiles reports whether listing the report files of the folder dir
// for action (汇总, 审核) found any; when it failed (err) or found none it
// says so, none being the message that precedes the folder.
func (s *shell) foundFiles(action, none, dir string, files []string, err error) bool {
	if err != nil {
		s.showError("无法"+action+"。", err, "")
		return false
	}
	if len(files) == 0 {
		dialog.ShowInformation(action, none+"\n"+dir, s.win)
		return false
	}
	return true
}

// sumBase is what the sum goes into: a copy of the open report, or nil on
// the start page (no report is open; the units' year is summed).
func (s *shell) sumBase() *reports.Report {
	if s.onStart {
		return nil
	}
	return s.editor.Report().Clone()
}

// sumOptions sums into base, the open report (nil: none). When it is a
// county government's own report, the county's townships and street
// offices (from the gazetteer) are the roster: the result lists those that
// sent nothing.
func sumOptions(base *reports.Report, path string) summary.Options {
	if base == nil {
		return summary.Options{}
	}
	opts := summary.Options{Year: base.Year, Base: base, BasePath: path}
	if l, county, ok := reports.LevelOf(base.Organ.FullName, base.Organ.ShortName); ok && l == reports.LevelCountyGov {
		opts.Roster, opts.County, opts.RosterTownshipsOnly = summary.CountyRoster(county), county.FullName(), true
	}
	return opts
}

// showSum lists the units of a sum and what can be done with it.
func (s *shell) showSum(sum *summary.Summary) {
	notCounted, withErrors, late := sum.Counts()
	s.setStatus("已汇总 %d 个文件，计入 %d 个", len(sum.Units), sum.Included)
	var b strings.Builder
	fmt.Fprintf(&b, "%d 年度：%d 个文件，计入 %d 个，未计入 %d 个；有错误的 %d 个，逾期的 %d 个。\n\n",
		sum.Year, len(sum.Units), sum.Included, notCounted, withErrors, late)
	for _, u := range sum.Units {
		name := u.Name
		if name == "" {
			name = filepath.Base(u.File)
		}
		fmt.Fprintf(&b, "%s　%s　错误 %d、警告 %d　%s", u.Status.Chinese(), name, u.Errors, u.Warnings, u.Timely.Chinese())
		if u.Reason != "" {
			b.WriteString("（" + u.Reason + "）")
		}
		b.WriteString("\n")
	}
	if sum.HasRoster && len(sum.Missing) > 0 {
		b.WriteString("\n未报送（按行政区划应报送的乡镇、街道）：\n")
		for _, m := range sum.Missing {
			b.WriteString(m.Name + "　" + m.Reason + "\n")
		}
	}
	l := newWrappedLabel(b.String())
	sc := container.NewVScroll(l)
	sc.SetMinSize(fyne.NewSize(760, 380))
	var d *dialog.CustomDialog
	// With no report open (the start page) the sum fills a new one.
	into := "当前报告"
	if s.onStart {
		into = "新报告"
	}
	apply := widget.NewButton("把汇总数字填入"+into, func() {
		r := s.editor.Report()
		if s.onStart {
			r = reports.New(sum.Year)
			r.Template = sum.Template
		}
		if err := sum.ApplyTo(r); err != nil {
			s.showError("无法填入"+into+"。", err, "请先新建或打开本级该年度的报告。")
			return
		}
		d.Hide()
		if s.onStart {
			s.setReport(r, "", true)
			s.setStatus("已把 %d 个单位的汇总数字填入新的 %d 年度报告，请填写基本信息、核对后保存。", sum.Included, sum.Year)
			return
		}
		s.editor.SetReport(r)
		s.onEdited()
		s.setStatus("已把 %d 个单位的汇总数字填入当前报告，请核对后保存。", sum.Included)
	})
	apply.Importance = widget.HighImportance
	export := widget.NewButton("导出汇总表（Excel）…", func() {
		s.askPath("导出汇总表", ".xlsx", func(path string) {
			if err := summary.WriteXLSX(path, sum); err != nil {
				s.showError("导出汇总表失败。", err, "请确认该文件没有在 Excel 中打开，且文件夹可以写入。")
				return
			}
			s.setStatus("已导出汇总表 %s", path)
		})
	})
	closeBtn := widget.NewButton("关闭", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("汇总结果", sc, s.win)
	d.SetButtons([]fyne.CanvasObject{apply, export, closeBtn})
	d.Show()
}
