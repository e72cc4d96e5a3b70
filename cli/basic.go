package cli

import (
	"fmt"

	"nianbao/docs"
	"nianbao/reports"
	"nianbao/version"
)

func versionCommand() *Command {
	return &Command{Name: "version", Summary: "显示版本号", Run: func(env *Env, args []string) int {
		fmt.Fprintf(env.Stdout, "nianbao %s（%s）\n", version.Number, version.AppName)
		return ExitOK
	}}
}

func sampleCommand() *Command {
	c := &Command{Name: "sample", Usage: "-o FILE [--force]", Summary: "写出内置的示例报告（别斯托别乡2023年度报告）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出文件（.nianbao）")
		force := forceFlag(fs)
		pos, err := parse(fs, args)
		if err != nil || *out == "" || len(pos) > 0 {
			fs.Usage()
			return ExitUnusable
		}
		release, ok := claimReport(env, *out, *force)
		if !ok {
			return ExitUnusable
		}
		defer release()
		if err := saveReport(*out, reports.Sample(), nil); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出示例报告：%s\n", *out)
		return ExitOK
	}
	return c
}

func guideCommand() *Command {
	c := &Command{Name: "guide", Usage: "-o FILE.html", Summary: "写出使用说明（一个网页文件，图片在内，可离线打开）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的网页文件（.html）")
		pos, err := parse(fs, args)
		if err != nil || *out == "" || len(pos) > 0 {
			fs.Usage()
			return ExitUnusable
		}
		page, err := docs.GuideHTML()
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		if err := reports.WriteFileAtomic(*out, page, false); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出使用说明：%s\n", *out)
		return ExitOK
	}
	return c
}
