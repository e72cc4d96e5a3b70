package cli

import (
	"fmt"
	"os"

	"nianbao/reports"
	"nianbao/reports/fullcheck"
	"nianbao/reports/xlsx"
)

func xlsxCommand() *Command {
	c := &Command{Name: "xlsx", Usage: "FILE -o OUT.xlsx | --into FILE IN.xlsx [--force]",
		Summary: "导出统计表（表二、三、四及检查结果）到 Excel；--into 把 Excel 中填写的数字读回报告（只替换表格数字）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的 Excel 文件（.xlsx）")
		into := fs.String("into", "", "把 Excel 中的数字读入这个报告文件（.nianbao），正文等其他内容不变")
		force := forceFlag(fs)
		pos, err := parse(fs, args)
		if err != nil || len(pos) != 1 || (*out == "") == (*into == "") {
			fs.Usage()
			return ExitUnusable
		}
		if *into != "" {
			return xlsxInto(env, *into, pos[0], *force)
		}
		r, err := reports.Load(pos[0])
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		findings := fullcheck.Run(r, nil)
		if !claimExport(env, *out, *force) {
			return ExitUnusable
		}
		if err := xlsx.WriteFile(*out, r, findings); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		errs, warns := reports.CountSeverity(findings)
		fmt.Fprintf(env.Stdout, "已写出 Excel 统计表：%s（检查结果：%d 个错误、%d 个警告，见工作表“%s”）\n", *out, errs, warns, xlsx.SheetFindings)
		if errs > 0 {
			return ExitFindings
		}
		return ExitOK
	}
	return c
}

// xlsxInto reads the numbers of a workbook into an existing report file.
func xlsxInto(env *Env, reportPath, book string, force bool) int {
	release, ok := claimReport(env, reportPath, force)
	if !ok {
		return ExitUnusable
	}
	defer release()
	r, known, err := reports.LoadState(reportPath)
	if err != nil {
		return env.fail(ExitUnusable, "%v", err)
	}
	data, err := os.ReadFile(book)
	if err != nil {
		return env.fail(ExitUnusable, "%s：无法读取：%v", book, err)
	}
	probs, err := xlsx.ReadInto(r, book, data)
	if err != nil {
		return env.fail(ExitUnusable, "%v", err)
	}
	uncertain := false
	for _, p := range probs {
		fmt.Fprintln(env.Stderr, p.SourceLine())
		uncertain = uncertain || p.Severity >= reports.Warning
	}
	if err := saveReport(reportPath, r, &known); err != nil {
		return env.fail(ExitUnusable, "%v", err)
	}
	fmt.Fprintf(env.Stdout, "已把 %s 中的数字读入 %s（原文件保留为 %s.bak）\n", book, reportPath, reportPath)
	if uncertain {
		fmt.Fprintln(env.Stderr, "部分表格或行列没有找到，这些数字保持原样，请核对。")
		return ExitFindings
	}
	return ExitOK
}
