package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"nianbao/reports"
)

func newCommand() *Command {
	c := &Command{Name: "new", Usage: "--year N [--from FILE] [--organ 全称 --short 简称 --level township] [--force] -o FILE",
		Summary: "新建年度报告（可从上年报告结转机关、结构和数据）"}
	c.Run = func(env *Env, args []string) int {
		flags := env.flags(c)
		year := flags.Int("year", 0, "报告年度，如 2024（用 --from 时默认为上年报告年度加一）")
		from := flags.String("from", "", "上年度报告文件：结转机关、联系方式、栏目和上年结转数据")
		organ := flags.String("organ", "", "机关全称（落款用），如 新源县别斯托别乡人民政府")
		short := flags.String("short", "", "机关简称（标题用），如 别斯托别乡")
		level := flags.String("level", "", "机关层级："+levelChoices())
		out := flags.String("o", "", "输出文件（.nianbao）")
		force := flags.Bool("force", false, "覆盖已存在的报告文件")
		pos, err := parse(flags, args)
		if err != nil || *out == "" || len(pos) > 0 || *year == 0 && *from == "" {
			flags.Usage()
			return ExitUnusable
		}
		var lv reports.Level
		if *level != "" {
			if lv = parseLevel(*level); lv == "" {
				return env.fail(ExitUnusable, "未知的机关层级“%s”，可选：%s", *level, levelChoices())
			}
		}
		var r *reports.Report
		if *from != "" {
			prev, err := reports.Load(*from)
			if err != nil {
				return env.fail(ExitUnusable, "上年度报告无法使用：%v", err)
			}
			if *year == 0 {
				*year = prev.Year + 1
			}
			if *year <= prev.Year {
				return env.fail(ExitUnusable, "新报告的年度（%d）应晚于上年报告的年度（%d）", *year, prev.Year)
			}
			if err := checkYear(*year); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
			r = reports.NextYear(prev, *year)
		} else {
			if err := checkYear(*year); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
			r = reports.New(*year)
		}
		if *organ != "" {
			r.Organ.FullName = strings.TrimSpace(*organ)
		}
		if *short != "" {
			r.Organ.ShortName = strings.TrimSpace(*short)
		}
		if lv != "" {
			r.Organ.Level = lv
		}
		if *from == "" {
			r.Preamble = reports.DefaultPreamble(r)
		}
		if _, err := os.Stat(*out); err == nil && !*force {
			if _, perr := reports.Load(*out); perr == nil {
				return env.fail(ExitUnusable, "%s 已存在，没有覆盖。要覆盖请加 --force（旧文件会保留为 %s.bak）。", *out, *out)
			}
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return env.fail(ExitUnusable, "无法访问 %s：%v", *out, err)
		}
		release, ok := claimReport(env, *out, *force)
		if !ok {
			return ExitUnusable
		}
		defer release()
		if err := saveReport(*out, r, nil); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "已新建 %d 年度报告（%s年版模板）：%s\n", r.Year, r.Template, *out)
		if r.LastYear != nil {
			fmt.Fprintf(env.Stdout, "已从 %d 年度报告结转机关、联系方式、栏目标题和上年结转数据；正文留空，上年正文可作参考。\n", r.LastYear.Year)
		}
		return ExitOK
	}
	return c
}

func checkYear(y int) error {
	if !reports.ValidYear(y) {
		return fmt.Errorf("年度 %d 不合理（应在 %d 至 %d 之间）", y, reports.MinYear, reports.MaxYear)
	}
	return nil
}

// parseLevel accepts a level key (township) or its Chinese name (乡镇（街道）, 乡镇).
func parseLevel(s string) reports.Level {
	s = strings.TrimSpace(s)
	for _, l := range reports.Levels {
		if s == string(l) || s == l.Name() {
			return l
		}
	}
	switch s {
	case "乡镇", "街道", "乡", "镇":
		return reports.LevelTownship
	}
	return ""
}

func levelChoices() string {
	var b strings.Builder
	for i, l := range reports.Levels {
		if i > 0 {
			b.WriteString("，")
		}
		fmt.Fprintf(&b, "%s（%s）", l, l.Name())
	}
	return b.String()
}
