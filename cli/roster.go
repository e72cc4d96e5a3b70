package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"nianbao/reports"
	"nianbao/reports/summary"
)

func rosterCommand() *Command {
	c := &Command{Name: "roster", Usage: "[-o LIST.txt] COUNTY",
		Summary: "按行政区划列出一个县（区）的乡镇、街道，作为汇总的报送名单（县直部门请自行添加）"}
	c.Run = func(env *Env, args []string) int {
		fl := env.flags(c)
		out := fl.String("o", "", "把名单写入这个文本文件（每行一个单位，可再添加县直部门后用于 sum --roster）；不给则显示在屏幕上")
		pos, err := parse(fl, args)
		if err != nil || len(pos) != 1 {
			fl.Usage()
			return ExitUnusable
		}
		county, err := summary.County(pos[0])
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		names := summary.CountyRoster(county)
		text := strings.Join(names, "\n") + "\n"
		if *out == "" {
			fmt.Fprint(env.Stdout, text)
			fmt.Fprintf(env.Stderr, "%s：%d 个乡镇、街道（2023年统计用区划代码）。\n", county.FullName(), len(names))
			return ExitOK
		}
		if _, err := os.Stat(*out); err == nil {
			return env.fail(ExitUnusable, "%s 已存在，未覆盖（名单可能已添加了县直部门）；请换一个文件名或先删除它", *out)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return env.fail(ExitUnusable, "%s 无法访问：%v", *out, err)
		}
		if err := reports.WriteFileAtomic(*out, []byte(text), false); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已写出报送名单：%s（%s的 %d 个乡镇、街道；县直部门请自行添加，每行一个）\n", *out, county.FullName(), len(names))
		return ExitOK
	}
	return c
}
