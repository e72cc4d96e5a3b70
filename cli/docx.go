package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/reports/docx"
)

func docxCommand() *Command {
	c := &Command{Name: "docx", Usage: "FILE [-o OUT.docx] [--signature] [--date 2024-01-19] [--force]",
		Summary: "导出 Word 文档（.docx，公文格式，可在 Word、WPS 中继续编辑）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的 Word 文件（默认与报告同名，扩展名为 .docx）")
		pf := addPrintFlags(fs, "文档属性")
		force := forceFlag(fs)
		r, path, code, ok := env.openReport(fs, args, nil)
		if !ok {
			return code
		}
		sig, date, err := pf.values()
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		opts := docx.Options{SignatureLine: sig, Date: date}
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
		return exportExit(env, r, path)
	}
	return c
}
