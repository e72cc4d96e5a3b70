package cli

import (
	"fmt"

	"nianbao/reports/html"
)

func htmlCommand() *Command {
	c := &Command{Name: "html", Usage: "FILE -o OUT.html [--force]",
		Summary: "导出网页（一个独立的 HTML 文件，可粘贴到政府网站“政府信息公开”栏目）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的网页文件（.html）")
		force := forceFlag(fs)
		r, path, code, ok := env.openReport(fs, args, func() bool { return *out != "" })
		if !ok {
			return code
		}
		if !claimExport(env, *out, *force) {
			return ExitUnusable
		}
		if err := html.WriteFile(*out, r); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出网页：%s\n", *out)
		return exportExit(env, r, path)
	}
	return c
}
