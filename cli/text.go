package cli

import (
	"bytes"
	"fmt"

	"nianbao/reports"
	"nianbao/reports/plaintext"
)

func textCommand() *Command {
	c := &Command{Name: "text", Usage: "FILE [-o OUT.txt] [--force]",
		Summary: "输出纯文本（表格以制表符分隔，同从 Word 复制的格式），可再导入"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的文本文件（默认输出到屏幕）")
		force := forceFlag(fs)
		r, _, code, ok := env.openReport(fs, args, nil)
		if !ok {
			return code
		}
		var buf bytes.Buffer
		if err := plaintext.Write(&buf, r); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		if *out == "" {
			if _, err := env.Stdout.Write(buf.Bytes()); err != nil {
				return env.fail(ExitUnusable, "输出失败：%v", err)
			}
			return ExitOK
		}
		if !claimExport(env, *out, *force) {
			return ExitUnusable
		}
		if err := reports.WriteFileAtomic(*out, buf.Bytes(), false); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出纯文本：%s\n", *out)
		return ExitOK
	}
	return c
}
