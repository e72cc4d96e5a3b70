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
	"nianbao/reports/audit"
	"nianbao/reports/summary"
)

// auditFolderTitle is the title of the dialogs that choose the folders.
const (
	auditFolderTitle = "选择存放各单位本年度报告的文件夹"
	auditPrevTitle   = "选择存放各单位上年度报告的文件夹"
)

// onAudit is 审核: the county office chooses the folder with its units'
// published reports (any format), optionally last year's folder and the
// roster; the audit runs in the background; the result lists every unit and
// exports the audit workbook with the leader's page beside it.
func (s *shell) onAudit() {
	s.chooseFolder(auditFolderTitle, "审核", s.auditSetup)
}

// auditSetup asks for what else the audit uses: last year's folder, the
// roster, and whether to compare the open county report with the sum.
func (s *shell) auditSetup(dir string) {
	files, err := audit.Files([]string{dir})
	if !s.foundFiles("审核", auditNone, dir, files, err) {
		return
	}
	prev := widget.NewLabel("（不比对上年）")
	prev.Wrapping = fyne.TextWrapBreak
	roster := widget.NewLabel("（不核对名单）")
	roster.Wrapping = fyne.TextWrapBreak
	units := widget.NewLabel(fmt.Sprintf("%s（%d 个文件）", dir, len(files)))
	var prevDir, rosterPath string
	choosePrev := widget.NewButton("选择…", func() {
		s.chooseFolder(auditPrevTitle, "选择", func(d string) { prevDir = d; prev.SetText(d) })
	})
	chooseRoster := widget.NewButton("选择…", func() {
		s.chooseFile("选择报送名单", "选择", []string{".txt", ".xlsx"}, func(p string) {
			rosterPath = p
			roster.SetText(p)
			if f, err := audit.Files([]string{dir}, p); err == nil { // a roster in dir is not audited
				units.SetText(fmt.Sprintf("%s（%d 个文件）", dir, len(f)))
			}
		})
	})
	r := s.editor.Report()
	county := widget.NewCheck(fmt.Sprintf("与当前打开的县级报告（%s %d年度）比对各表格数字", r.Organ.ShortName, r.Year), nil)
	isCounty := !s.onStart && r.Organ.Level == reports.LevelCountyGov
	county.SetChecked(isCounty)
	switch {
	case s.onStart:
		county.Text = "没有打开报告，不比对（要比对，请先打开本县的报告）"
	case !isCounty:
		county.Text = "当前打开的不是县级人民政府的报告，不比对（要比对，请先打开本县的报告）"
	}
	if !isCounty {
		county.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem("本年报告", units),
		widget.NewFormItem("上年报告", container.NewBorder(nil, nil, nil, choosePrev, prev)),
		widget.NewFormItem("报送名单", container.NewBorder(nil, nil, nil, chooseRoster, roster)),
		widget.NewFormItem("县级报告", county),
	)
	d := dialog.NewCustomConfirm("审核各单位报告", "开始审核", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		var report *reports.Report
		if county.Checked {
			report = r.Clone()
		}
		if files, opts, ok := s.auditInput(dir, prevDir, rosterPath, report); ok {
			s.runAudit(files, opts)
		}
	}, s.win)
	d.Resize(fyne.NewSize(720, 320))
	d.Show()
}

// auditNone says that a folder holds no report to audit.
const auditNone = "该文件夹里没有报告文件（.nianbao、Word、网页、PDF、文本或 Excel）："

// auditInput reads what the audit is run on: the units' files in dir (the
// roster left out, when it lies there too: it is no unit's report), last
// year's files in prevDir and the roster's names, all optional but dir;
// report is the county report to compare (nil: none). It says what is
// wrong and returns false when something cannot be used.
func (s *shell) auditInput(dir, prevDir, rosterPath string, report *reports.Report) ([]string, audit.Options, bool) {
	opts := audit.Options{Division: audit.Divisions}
	files, err := audit.Files([]string{dir}, rosterPath)
	if !s.foundFiles("审核", auditNone, dir, files, err) {
		return nil, opts, false
	}
	if rosterPath != "" {
		if opts.Roster, err = summary.ReadRoster(rosterPath); err != nil {
			s.showError("报送名单无法使用。", err, "名单应为文本文件（每行一个单位）或 Excel（第一列为单位名称）。")
			return nil, opts, false
		}
	}
	if prevDir != "" {
		if opts.Prev, err = audit.Files([]string{prevDir}); err != nil {
			s.showError("上年度报告无法使用。", err, "")
			return nil, opts, false
		}
	}
	if report != nil {
		opts.Report, opts.ReportPath = report, s.path
	}
	return files, opts, true
}

// runAudit audits without blocking the window.
func (s *shell) runAudit(files []string, opts audit.Options) {
	s.setBusy(true, fmt.Sprintf("正在审核 %d 个文件…", len(files)))
	go func() {
		a, err := audit.Run(files, opts)
		fyne.Do(func() {
			s.setBusy(false, "")
			if err != nil {
				s.showError("审核失败。", err, "")
				return
			}
			s.showAudit(a)
		})
	}()
}

// auditView is the 审核 window: the counts, one line per file, the
// selected unit's findings, and the export.
type auditView struct {
	s      *shell
	a      *audit.Audit
	list   *widget.List
	detail *widget.Label
	export *widget.Button
	dialog *dialog.CustomDialog
}

// showAudit lists the audit's units; selecting one shows its findings.
func (s *shell) showAudit(a *audit.Audit) *auditView {
	v := &auditView{s: s, a: a}
	c := a.Counts()
	s.setStatus("已审核 %d 个文件：有错误 %d 个，逾期 %d 个，单位之间雷同 %d 对", c.Files, c.WithErrors, c.Late, c.Pairs)
	head := newWrappedLabel(a.Summary() + v.extra())
	v.list = widget.NewList(func() int { return len(a.Units) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.Row(i)) })
	v.detail = newWrappedLabel("选择左侧的单位，查看检查结果。")
	v.list.OnSelected = func(i widget.ListItemID) { v.detail.SetText(v.Findings(i)) }
	split := container.NewHSplit(v.list, container.NewVScroll(v.detail))
	split.Offset = 0.55
	v.export = widget.NewButton("导出审核表（Excel）…", func() {
		s.askPathNamed("导出审核表", fmt.Sprintf("%d年度各单位报告审核.xlsx", a.Year), ".xlsx", func(path string) { v.exportTo(path) })
	})
	v.export.Importance = widget.HighImportance
	closeBtn := widget.NewButton("关闭", func() { v.dialog.Hide() })
	body := container.NewBorder(head, nil, nil, nil, split)
	v.dialog = dialog.NewCustomWithoutButtons("审核结果", body, s.win)
	v.dialog.SetButtons([]fyne.CanvasObject{v.export, closeBtn})
	v.dialog.Resize(fyne.NewSize(1200, 640))
	v.dialog.Show()
	return v
}

// extra names the copied pairs, the missing units and the county's
// mismatches under the counts.
func (v *auditView) extra() string {
	var b strings.Builder
	for i, p := range v.a.Pairs {
		if i == 5 {
			fmt.Fprintf(&b, "\n……共 %d 对，见导出的审核表", len(v.a.Pairs))
			break
		}
		fmt.Fprintf(&b, "\n雷同：%s 与 %s，正文%s相同", v.a.Units[p.A].Name(), v.a.Units[p.B].Name(), audit.Percent(p.Similarity))
	}
	if len(v.a.Missing) > 0 {
		var names []string
		for _, m := range v.a.Missing {
			names = append(names, m.Name)
		}
		fmt.Fprintf(&b, "\n未报送：%s", strings.Join(names, "、"))
	}
	if c := v.a.County; c != nil {
		switch {
		case c.Problem != "":
			b.WriteString("\n县级报告：" + c.Problem)
		case len(c.Mismatches) > 0:
			fmt.Fprintf(&b, "\n县级报告有 %d 个单元格与各单位之和不一致，如%s：县级报告为 %s，各单位之和为 %s", len(c.Mismatches), c.Mismatches[0].Where, c.Mismatches[0].Report, c.Mismatches[0].Sum)
		default:
			fmt.Fprintf(&b, "\n县级报告的各表格数字与 %d 个单位之和一致", c.Included)
		}
	}
	return b.String()
}

// Row is the list's line for unit i.
func (v *auditView) Row(i int) string {
	u := v.a.Units[i]
	if u.Report == nil {
		return fmt.Sprintf("%d. %s　%s　%s", i+1, u.Status.Chinese(), filepath.Base(u.File), u.Reason)
	}
	line := fmt.Sprintf("%d. %s　%s　%s", i+1, u.Status.Chinese(), u.Name(), filepath.Base(u.File))
	line += fmt.Sprintf("　错误 %d、警告 %d　%s", u.Errors, u.Warnings, u.Timely.Chinese())
	if u.PrevShare >= 0 {
		line += "　与上年相同 " + audit.Percent(u.PrevShare)
	}
	if u.Similar >= 0 {
		line += fmt.Sprintf("　最相似：%s %s", v.a.Units[u.Similar].Name(), audit.Percent(u.SimilarShare))
	}
	return line
}

// Findings is the text shown for unit i: its reason and every finding.
func (v *auditView) Findings(i int) string {
	u := v.a.Units[i]
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s，%s）\n", u.Name(), u.File, u.Kind)
	if u.Reason != "" {
		b.WriteString(u.Reason + "\n")
	}
	if u.Report != nil {
		fmt.Fprintf(&b, "落款日期：%s（%s，期限%s）\n", u.Date.Chinese(), u.Timely.Chinese(), u.Deadline.Chinese())
		if u.Prev != "" {
			fmt.Fprintf(&b, "上年报告：%s\n", u.Prev)
		}
	}
	b.WriteString("\n")
	for _, f := range u.Findings {
		fmt.Fprintf(&b, "【%s】%s：%s\n", f.Severity.Chinese(), f.Where, f.Message)
	}
	if len(u.Findings) == 0 && u.Report != nil {
		b.WriteString("未发现问题。\n")
	}
	return b.String()
}

// exportTo writes the workbook and the leader's page beside it.
func (v *auditView) exportTo(path string) bool {
	if err := v.a.WriteXLSX(path); err != nil {
		v.s.showError("导出审核表失败。", err, "请确认该文件没有在 Excel 中打开，且文件夹可以写入。")
		return false
	}
	page := audit.PagePath(path)
	if err := v.a.WritePageFile(page, path); err != nil {
		v.s.showError("导出审核情况网页失败。", err, "")
		return false
	}
	v.s.setStatus("已导出审核表 %s 和审核情况 %s", path, page)
	return true
}
