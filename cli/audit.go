package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/reports"
	"nianbao/reports/audit"
	"nianbao/reports/summary"
)

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
		opts := audit.Options{Year: *year, Division: audit.Divisions}
		if *rosterPath != "" {
			if opts.Roster, err = summary.ReadRoster(*rosterPath); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
		}
		if *report != "" {
			if opts.Report, err = reports.Load(*report); err != nil {
				return env.fail(ExitUnusable, "县级报告无法使用：%v", err)
			}
			opts.ReportPath = *report
		}
		if *prevDir != "" {
			if opts.Prev, err = audit.Files([]string{*prevDir}); err != nil {
				return env.fail(ExitUnusable, "上年度报告：%v", err)
			}
			if len(opts.Prev) == 0 {
				fmt.Fprintf(env.Stderr, "【需核对】%s 中没有上年度的报告文件，不做跨年度比对。\n", *prevDir)
			}
		}
		exclude := []string{*rosterPath}
		if *out != "" {
			exclude = append(exclude, *out, audit.PagePath(*out))
		}
		files, err := audit.Files(pos, exclude...)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		if len(files) == 0 {
			return env.fail(ExitUnusable, "没有找到要审核的报告文件（%s）：%s", strings.Join(audit.ReportExtensions, "、"), strings.Join(pos, " "))
		}
		a, err := audit.Run(files, opts)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		if *out != "" {
			if !claimExport(env, *out, *force) || !claimExport(env, audit.PagePath(*out), *force) {
				return ExitUnusable
			}
			if err := a.WriteXLSX(*out); err != nil {
				return env.fail(ExitUnusable, "写出审核工作簿失败：%v", err)
			}
			if err := a.WritePageFile(audit.PagePath(*out), *out); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
		}
		if *asJSON {
			data, err := a.JSON()
			if err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
			env.Stdout.Write(data)
		} else {
			printAudit(env, a)
			if *out != "" {
				fmt.Fprintf(env.Stdout, "已写出审核工作簿：%s\n已写出审核情况（可打印）：%s\n", *out, audit.PagePath(*out))
			}
		}
		if a.Clean() {
			return ExitOK
		}
		return ExitFindings
	}
	return c
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
