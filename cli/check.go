package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"nianbao/reports"
	"nianbao/reports/fullcheck"
)

func checkCommand() *Command {
	c := &Command{Name: "check", Usage: "[--prev FILE] [--json] FILE", Summary: "检查报告：表格勾稽关系、跨年度衔接、正文与表格是否一致等"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		prevPath := fs.String("prev", "", "上年度报告文件（不给则用报告中保存的上年数据）")
		asJSON := fs.Bool("json", false, "以 JSON 数组输出检查结果")
		r, path, code, ok := env.openReport(fs, args, nil)
		if !ok {
			return code
		}
		var prev *reports.Report
		if *prevPath != "" {
			var err error
			if prev, err = reports.Load(*prevPath); err != nil {
				return env.fail(ExitUnusable, "上年度报告无法使用：%v", err)
			}
		}
		findings := fullcheck.Run(r, prev)
		if *asJSON {
			if findings == nil {
				findings = []reports.Finding{}
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(findings); err != nil {
				return env.fail(ExitUnusable, "输出 JSON 失败：%v", err)
			}
			env.Stdout.Write(buf.Bytes())
		} else {
			for _, f := range findings {
				where := r.Where(f.Location)
				if strings.HasPrefix(f.Message, where) {
					fmt.Fprintf(env.Stdout, "%s  %s [%s]\n", f.Severity.Chinese(), f.Message, f.Code)
				} else {
					fmt.Fprintf(env.Stdout, "%s  %s：%s [%s]\n", f.Severity.Chinese(), where, f.Message, f.Code)
				}
			}
			errs, warns := reports.CountSeverity(findings)
			if errs+warns == 0 {
				fmt.Fprintf(env.Stdout, "%s：未发现问题。\n", path)
			} else {
				fmt.Fprintf(env.Stdout, "%s：共 %d 个错误、%d 个警告。\n", path, errs, warns)
			}
		}
		if reports.HasErrors(findings) {
			return ExitFindings
		}
		return ExitOK
	}
	return c
}

// exportExit is the exit code of a command that has written an export of
// the report r, read from path: the file is written either way, but a
// report the full check finds errors in exits 1, with a note on stderr, so
// that scripts notice before it is published.
func exportExit(env *Env, r *reports.Report, path string) int {
	if errs, _ := reports.CountSeverity(fullcheck.Run(r, nil)); errs > 0 {
		fmt.Fprintf(env.Stderr, "注意：报告还有 %d 个错误（nianbao check %s 查看），发布前须改正。\n", errs, path)
		return ExitFindings
	}
	return ExitOK
}
