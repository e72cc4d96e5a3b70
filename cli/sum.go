package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"nianbao/reports"
	"nianbao/reports/summary"
)

func sumCommand() *Command {
	c := &Command{Name: "sum", Usage: "-o SUMMARY.xlsx [--report COUNTY.nianbao] [--roster LIST] [--roster-county COUNTY] [--year N] [--force] FILES...|FOLDER",
		Summary: "汇总各单位的报告（文件夹指其中所有 .nianbao 文件，不含子文件夹）：统计表、单位情况、未报送单位"}
	c.Run = func(env *Env, args []string) int {
		fl := env.flags(c)
		out := fl.String("o", "", "输出的汇总 Excel 文件（.xlsx）")
		report := fl.String("report", "", "把汇总数字写入这个县级报告（不存在则新建；已有的正文保留）")
		rosterPath := fl.String("roster", "", "报送名单：文本文件每行一个单位名称，或 Excel 第一列")
		rosterCounty := fl.String("roster-county", "", "按行政区划把这个县（区）的全部乡镇、街道加入报送名单（可与 --roster 同用，名单中再列县直部门）")
		year := fl.Int("year", 0, "汇总年度（默认取汇总报告的年度，或多数单位的年度）")
		force := forceFlag(fl)
		pos, err := parse(fl, args)
		if err != nil || len(pos) == 0 || *out == "" {
			fl.Usage()
			return ExitUnusable
		}
		opts, code, ok := env.sumOptions(*rosterPath, *rosterCounty, *year)
		if !ok {
			return code
		}
		var base countyReport
		if *report != "" {
			release, ok := claimReport(env, *report, *force)
			if !ok {
				return ExitUnusable
			}
			defer release()
			if base, code, ok = env.loadCountyReport(*report, *year); !ok {
				return code
			}
			opts.Base, opts.BasePath = base.report, *report
		}
		files, err := summary.Files(pos)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		if len(files) == 0 {
			return env.fail(ExitUnusable, "没有找到要汇总的报告文件（.nianbao）：%v", pos)
		}
		s, err := summary.Sum(files, opts)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		env.printUnits(s)
		if !claimExport(env, *out, *force) {
			return ExitUnusable
		}
		if err := summary.WriteXLSX(*out, s); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		env.printSumTotals(s, *out)
		if *report != "" {
			if code, ok := env.writeCountyReport(*report, s, base); !ok {
				return code
			}
		}
		return sumExit(env, s)
	}
	return c
}

// sumOptions reads the roster named by the flags: a list, and/or a
// county's townships from the gazetteer.
func (env *Env) sumOptions(rosterPath, rosterCounty string, year int) (opts summary.Options, code int, ok bool) {
	opts = summary.Options{Year: year}
	var err error
	if rosterPath != "" {
		if opts.Roster, err = summary.ReadRoster(rosterPath); err != nil {
			return opts, env.fail(ExitUnusable, "%v", err), false
		}
	}
	if rosterCounty != "" {
		county, err := summary.County(rosterCounty)
		if err != nil {
			return opts, env.fail(ExitUnusable, "--roster-county：%v", err), false
		}
		opts.RosterTownshipsOnly = len(opts.Roster) == 0 // no list of the departments
		opts.Roster = append(opts.Roster, summary.CountyRoster(county)...)
		opts.County = county.FullName()
	}
	return opts, ExitOK, true
}

// countyReport is the county report as read before the sum: nil when it
// does not exist yet (it is created after the sum), and its state on disk,
// to find a change made meanwhile.
type countyReport struct {
	report *reports.Report
	state  reports.DiskState
}

// loadCountyReport reads the county report. One that does not exist yet is
// created after the sum; one that exists but cannot be read stops the
// command before anything is written.
func (env *Env) loadCountyReport(path string, year int) (countyReport, int, bool) {
	base, st, err := reports.LoadState(path)
	var fe *reports.FileError
	switch {
	case err == nil:
		if year != 0 && base.Year != year {
			return countyReport{}, env.fail(ExitUnusable, "汇总报告 %s 是%d年度，与 --year %d 不一致", path, base.Year, year), false
		}
		return countyReport{report: base, state: st}, ExitOK, true
	case errors.As(err, &fe) && errors.Is(fe.Err, fs.ErrNotExist):
		return countyReport{state: st}, ExitOK, true // created after the sum
	default:
		return countyReport{}, env.fail(ExitUnusable, "汇总报告无法读取，未做任何改动：%v", err), false
	}
}

// printUnits lists the units that were not counted or need a look (errors,
// late), and the roster's units that sent nothing.
func (env *Env) printUnits(s *summary.Summary) {
	for _, u := range s.Units {
		name := u.Name
		if name == "" {
			name = filepath.Base(u.File)
		}
		switch {
		case u.Status != summary.Included:
			fmt.Fprintf(env.Stdout, "%s  %s（%s）：%s\n", u.Status.Chinese(), name, u.File, u.Reason)
		case u.Errors > 0 || u.Timely == summary.Late:
			fmt.Fprintf(env.Stdout, "已计入  %s（%s）：%d 个错误、%d 个警告，落款%s %s\n", name, u.File, u.Errors, u.Warnings, u.Date.Chinese(), u.Timely.Chinese())
		}
	}
	for _, m := range s.Missing {
		fmt.Fprintf(env.Stdout, "未报送  %s：%s\n", m.Name, m.Reason)
	}
}

// printSumTotals says how many units were counted, and where the workbook is.
func (env *Env) printSumTotals(s *summary.Summary, out string) {
	notCounted, withErrors, late := s.Counts()
	fmt.Fprintf(env.Stdout, "%d年度汇总：共 %d 个文件，已计入 %d 个单位，未计入 %d 个，有错误 %d 个，逾期 %d 个", s.Year, len(s.Units), s.Included, notCounted, withErrors, late)
	if s.HasRoster {
		fmt.Fprintf(env.Stdout, "，名单中未报送 %d 个", len(s.Missing))
	}
	fmt.Fprintf(env.Stdout, "。\n已写出汇总表：%s\n", out)
}

// writeCountyReport writes the sum into the county report read before
// the sum (base); one created or changed by another program meanwhile is
// not overwritten.
func (env *Env) writeCountyReport(report string, s *summary.Summary, base countyReport) (code int, ok bool) {
	if _, err := os.Stat(report); err == nil && base.report == nil {
		return env.fail(ExitUnusable, "汇总报告 %s 在汇总期间被创建，未覆盖", report), false
	}
	if c, err := reports.ChangedOnDisk(report, base.state, nil); err != nil || c != nil {
		if err == nil {
			err = &reports.ConflictError{Change: c}
		}
		return env.fail(ExitUnusable, "汇总报告未写入：%v", err), false
	}
	if _, err := summary.UpdateReport(report, s); err != nil {
		return env.fail(ExitUnusable, "%v", err), false
	}
	fmt.Fprintf(env.Stdout, "已把汇总数字写入县级报告：%s（可用 nianbao 打开编辑、检查、打印）\n", report)
	return ExitOK, true
}

// sumExit is the exit code of a sum: 2 when no unit was counted, 1 when a
// unit was left out, has errors or did not send its report.
func sumExit(env *Env, s *summary.Summary) int {
	notCounted, withErrors, _ := s.Counts()
	switch {
	case s.Included == 0:
		fmt.Fprintln(env.Stderr, "没有任何单位的报告计入汇总。")
		return ExitUnusable
	case notCounted > 0 || withErrors > 0 || len(s.Missing) > 0:
		return ExitFindings
	}
	return ExitOK
}
