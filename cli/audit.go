package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/reports"
	"nianbao/reports/audit"
	"nianbao/reports/summary"
)

// auditCommand is `nianbao audit`: it checks every unit's published report,
// compares them with last year's and with each other, and writes the
// workbook with its printable page (-o), or JSON (--json).
func auditCommand() *Command {
	c := &Command{Name: "audit", Usage: "[--prev 上年文件夹] [--roster 名单] [--year N] [--report 县级.nianbao] [--json] [--force] -o 审核.xlsx 文件夹|文件...",
		Summary: "审核各单位已发布的年报（.nianbao、Word、网页、PDF、文本、Excel）：逐一检查、与上年比对、单位之间雷同、未报送和逾期、县级报告与各单位之和"}
	c.Run = func(env *Env, args []string) int {
		fl := env.flags(c)
		out := fl.String("o", "", "输出的审核工作簿（.xlsx）；旁边另写一份供领导阅看的审核情况网页（.html）")
		prevDir := fl.String("prev", "", "上一年度各单位报告所在的文件夹（或一个文件），用于跨年度检查和与上年雷同")
		rosterPath := fl.String("roster", "", "报送名单：文本文件每行一个单位名称，或 Excel 第一列")
		year := fl.Int("year", 0, "审核年度（默认取县级报告的年度，或多数单位的年度）")
		report := fl.String("report", "", "县级报告（.nianbao），与各单位之和逐格比对")
		asJSON := fl.Bool("json", false, "以 JSON 输出审核结果")
		force := forceFlag(fl)
		pos, err := parse(fl, args)
		if err != nil || len(pos) == 0 || *out == "" && !*asJSON {
			fl.Usage()
			return ExitUnusable
		}
		if *out != "" && !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
			return env.fail(ExitUnusable, "审核结果应保存为 Excel 工作簿（.xlsx）：%s", *out)
		}
		opts, code, ok := env.auditOptions(*rosterPath, *report, *prevDir, *year)
		if !ok {
			return code
		}
		files, code, ok := env.auditFiles(pos, *rosterPath, *out)
		if !ok {
			return code
		}
		a, err := audit.Run(files, opts)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		if *out != "" {
			if code, ok := env.writeAudit(a, *out, *force); !ok {
				return code
			}
		}
		if code, ok := env.showAudit(a, *out, *asJSON); !ok {
			return code
		}
		if a.Clean() {
			return ExitOK
		}
		return ExitFindings
	}
	return c
}

// auditOptions reads what the flags name besides the units: the roster,
// the county report and last year's files (an empty folder of them is
// said on stderr and not compared).
func (env *Env) auditOptions(rosterPath, report, prevDir string, year int) (opts audit.Options, code int, ok bool) {
	opts = audit.Options{Year: year, Division: audit.Divisions}
	var err error
	if rosterPath != "" {
		if opts.Roster, err = summary.ReadRoster(rosterPath); err != nil {
			return opts, env.fail(ExitUnusable, "%v", err), false
		}
	}
	if report != "" {
		if opts.Report, err = reports.Load(report); err != nil {
			return opts, env.fail(ExitUnusable, "县级报告无法使用：%v", err), false
		}
		opts.ReportPath = report
	}
	if prevDir != "" {
		if opts.Prev, err = audit.Files([]string{prevDir}); err != nil {
			return opts, env.fail(ExitUnusable, "上年度报告：%v", err), false
		}
		if len(opts.Prev) == 0 {
			fmt.Fprintf(env.Stderr, "【需核对】%s 中没有上年度的报告文件，不做跨年度比对。\n", prevDir)
		}
	}
	return opts, ExitOK, true
}

// auditFiles lists the units' files in the arguments, leaving out the
// roster and the command's own output (the workbook and its page).
func (env *Env) auditFiles(pos []string, rosterPath, out string) (files []string, code int, ok bool) {
	exclude := []string{rosterPath}
	if out != "" {
		exclude = append(exclude, out, audit.PagePath(out))
	}
	files, err := audit.Files(pos, exclude...)
	if err != nil {
		return nil, env.fail(ExitUnusable, "%v", err), false
	}
	if len(files) == 0 {
		return nil, env.fail(ExitUnusable, "没有找到要审核的报告文件（%s）：%s", strings.Join(audit.ReportExtensions, "、"), strings.Join(pos, " ")), false
	}
	return files, ExitOK, true
}

// writeAudit writes the audit workbook to out and the printable page
// beside it, unless another program has either open (without force).
func (env *Env) writeAudit(a *audit.Audit, out string, force bool) (code int, ok bool) {
	if !claimExport(env, out, force) || !claimExport(env, audit.PagePath(out), force) {
		return ExitUnusable, false
	}
	if err := a.WriteXLSX(out); err != nil {
		return env.fail(ExitUnusable, "写出审核工作簿失败：%v", err), false
	}
	if err := a.WritePageFile(audit.PagePath(out), out); err != nil {
		return env.fail(ExitUnusable, "%v", err), false
	}
	return ExitOK, true
}

// showAudit prints the audit on stdout: as JSON, or as the lines that need
// attention followed by where the workbook (if any) was written.
func (env *Env) showAudit(a *audit.Audit, out string, asJSON bool) (code int, ok bool) {
	if asJSON {
		data, err := a.JSON()
		if err != nil {
			return env.fail(ExitUnusable, "%v", err), false
		}
		env.Stdout.Write(data)
		return ExitOK, true
	}
	printAudit(env, a)
	if out != "" {
		fmt.Fprintf(env.Stdout, "已写出审核工作簿：%s\n已写出审核情况（可打印）：%s\n", out, audit.PagePath(out))
	}
	return ExitOK, true
}

// printAudit lists what needs attention, one line each, and the counts.
func printAudit(env *Env, a *audit.Audit) {
	for _, u := range a.Units {
		switch {
		case u.Status != audit.Checked:
			fmt.Fprintf(env.Stdout, "%s  %s（%s）：%s\n", u.Status.Chinese(), u.Name(), u.File, u.Reason)
		case u.Errors > 0 || u.Late() || u.PrevShare > audit.CopyThreshold:
			var notes []string
			if u.Errors > 0 {
				notes = append(notes, fmt.Sprintf("%d 个错误、%d 个警告", u.Errors, u.Warnings))
			}
			if u.Late() {
				notes = append(notes, fmt.Sprintf("落款%s，逾期（期限%s）", u.Date.Chinese(), u.Deadline.Chinese()))
			}
			if u.PrevShare > audit.CopyThreshold {
				notes = append(notes, "正文"+audit.Percent(u.PrevShare)+"与上年相同")
			}
			fmt.Fprintf(env.Stdout, "需关注  %s（%s）：%s\n", u.Name(), u.File, strings.Join(notes, "；"))
		}
	}
	for _, p := range a.Pairs {
		passage := ""
		if len(p.Passages) > 0 {
			passage = "，如：“" + clipRunes(p.Passages[0], 60) + "”"
		}
		fmt.Fprintf(env.Stdout, "雷同    %s 与 %s：正文%s相同%s\n", a.Units[p.A].Name(), a.Units[p.B].Name(), audit.Percent(p.Similarity), passage)
	}
	for _, m := range a.Missing {
		fmt.Fprintf(env.Stdout, "未报送  %s：%s\n", m.Name, m.Reason)
	}
	if c := a.County; c != nil {
		if c.Problem != "" {
			fmt.Fprintf(env.Stdout, "县级报告  %s：%s\n", c.File, c.Problem)
		}
		for _, m := range c.Mismatches {
			fmt.Fprintf(env.Stdout, "县级报告  %s：县级报告为 %s，各单位之和为 %s\n", m.Where, m.Report, m.Sum)
		}
	}
	for _, p := range a.PrevUnreadable {
		fmt.Fprintf(env.Stdout, "上年报告无法读取  %s：%s\n", p.File, p.Reason)
	}
	fmt.Fprintln(env.Stdout, a.Summary())
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
