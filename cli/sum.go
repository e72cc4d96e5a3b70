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
	c := &Command{Name: "sum", Usage: "-o SUMMARY.xlsx [--report COUNTY.nianbao] [--roster LIST] [--year N] FILES...|FOLDER",
		Summary: "汇总各单位的报告（文件夹指其中所有 .nianbao 文件，不含子文件夹）：统计表、单位情况、未报送单位"}
	c.Run = func(env *Env, args []string) int {
		fl := env.flags(c)
		out := fl.String("o", "", "输出的汇总 Excel 文件（.xlsx）")
		report := fl.String("report", "", "把汇总数字写入这个县级报告（不存在则新建；已有的正文保留）")
		rosterPath := fl.String("roster", "", "报送名单：文本文件每行一个单位名称，或 Excel 第一列")
		year := fl.Int("year", 0, "汇总年度（默认取汇总报告的年度，或多数单位的年度）")
		force := forceFlag(fl)
		pos, err := parse(fl, args)
		if err != nil || len(pos) == 0 || *out == "" {
			fl.Usage()
			return ExitUnusable
		}
		opts := summary.Options{Year: *year}
		if *rosterPath != "" {
			if opts.Roster, err = summary.ReadRoster(*rosterPath); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
		}
		var baseState reports.DiskState
		if *report != "" {
			release, ok := claimReport(env, *report, *force)
			if !ok {
				return ExitUnusable
			}
			defer release()
			base, st, err := reports.LoadState(*report)
			baseState = st
			var fe *reports.FileError
			switch {
			case err == nil:
				if *year != 0 && base.Year != *year {
					return env.fail(ExitUnusable, "汇总报告 %s 是%d年度，与 --year %d 不一致", *report, base.Year, *year)
				}
				opts.Base, opts.BasePath = base, *report
			case errors.As(err, &fe) && errors.Is(fe.Err, fs.ErrNotExist):
				opts.BasePath = *report // created after the sum
			default:
				return env.fail(ExitUnusable, "汇总报告无法读取，未做任何改动：%v", err)
			}
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
		if !claimExport(env, *out, *force) {
			return ExitUnusable
		}
		if err := summary.WriteXLSX(*out, s); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		notCounted, withErrors, late := s.Counts()
		fmt.Fprintf(env.Stdout, "%d年度汇总：共 %d 个文件，已计入 %d 个单位，未计入 %d 个，有错误 %d 个，逾期 %d 个", s.Year, len(s.Units), s.Included, notCounted, withErrors, late)
		if s.HasRoster {
			fmt.Fprintf(env.Stdout, "，名单中未报送 %d 个", len(s.Missing))
		}
		fmt.Fprintf(env.Stdout, "。\n已写出汇总表：%s\n", *out)
		if *report != "" {
			if _, err := os.Stat(*report); err == nil && opts.Base == nil {
				return env.fail(ExitUnusable, "汇总报告 %s 在汇总期间被创建，未覆盖", *report)
			}
			if c, err := reports.ChangedOnDisk(*report, baseState, nil); err != nil || c != nil {
				if err == nil {
					err = &reports.ConflictError{Change: c}
				}
				return env.fail(ExitUnusable, "汇总报告未写入：%v", err)
			}
			if _, err := summary.UpdateReport(*report, s); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
			fmt.Fprintf(env.Stdout, "已把汇总数字写入县级报告：%s（可用 nianbao 打开编辑、检查、打印）\n", *report)
		}
		switch {
		case s.Included == 0:
			fmt.Fprintln(env.Stderr, "没有任何单位的报告计入汇总。")
			return ExitUnusable
		case notCounted > 0 || withErrors > 0 || len(s.Missing) > 0:
			return ExitFindings
		}
		return ExitOK
	}
	return c
}
