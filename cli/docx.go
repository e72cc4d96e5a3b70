package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"nianbao/reports"
	"nianbao/reports/docx"
	"nianbao/reports/fullcheck"
)

func docxCommand() *Command {
	c := &Command{Name: "docx", Usage: "FILE [-o OUT.docx] [--signature] [--date 2024-01-19] [--force]",
		Summary: "导出 Word 文档（.docx，公文格式，可在 Word、WPS 中继续编辑）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的 Word 文件（默认与报告同名，扩展名为 .docx）")
		sig := fs.Bool("signature", false, "在落款下加“单位负责人（签字）：”一行（默认按报告中的设置）")
		date := fs.String("date", "", "写入文档属性的创建日期，如 2024-01-19（默认现在；固定日期可得到完全相同的文件）")
		force := forceFlag(fs)
		r, path, code, ok := env.openReport(fs, args, nil)
		if !ok {
			return code
		}
		var opts docx.Options
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "signature" {
				v := *sig
				opts.SignatureLine = &v
			}
		})
		if *date != "" {
			d, err := reports.ParseDate(*date)
			if err != nil || d.IsZero() {
				return env.fail(ExitUnusable, "--date：%v", err)
			}
			opts.Date = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		}
		target := *out
		if target == "" {
			target = strings.TrimSuffix(path, filepath.Ext(path)) + ".docx"
		}
		if !claimExport(env, target, *force) {
			return ExitUnusable
		}
		if err := docx.WriteFile(target, r, opts); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出 Word 文档：%s\n", target)
		// As every export: the file is written, but a report with errors
		// exits 1 so that scripts notice before it is passed on.
		if errs, _ := reports.CountSeverity(fullcheck.Run(r, nil)); errs > 0 {
			fmt.Fprintf(env.Stderr, "注意：报告还有 %d 个错误（nianbao check %s 查看），发布前须改正。\n", errs, path)
			return ExitFindings
		}
		return ExitOK
	}
	return c
}
