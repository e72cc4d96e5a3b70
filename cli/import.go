package cli

import (
	"fmt"
	"io"
	"os"

	"nianbao/reports"
	"nianbao/reports/importer"
)

func importCommand() *Command {
	c := &Command{Name: "import", Usage: "SRC -o FILE.nianbao [--prev LASTYEAR.nianbao] [--force]",
		Summary: "从 Word（.docx）、PDF、网页、Excel 或复制的文本导入已发布的年报（SRC 为 - 时读标准输入）"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "保存导入结果的报告文件（.nianbao）")
		prevPath := fs.String("prev", "", "上一年度的报告文件，附在导入的报告中，供跨年度检查")
		force := forceFlag(fs)
		pos, err := parse(fs, args)
		if err != nil || len(pos) != 1 || *out == "" {
			fs.Usage()
			return ExitUnusable
		}
		var prev *reports.Report
		if *prevPath != "" {
			if prev, err = reports.Load(*prevPath); err != nil {
				return env.fail(ExitUnusable, "%v", err)
			}
		}
		name, data, err := readSource(pos[0])
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		res, err := importer.Import(name, data)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		for _, p := range res.Findings {
			fmt.Fprintln(env.Stderr, p.SourceLine())
		}
		if res.Empty {
			return env.fail(ExitUnusable, "%s 中没有可导入的年报内容，未保存。", name)
		}
		r := res.Report
		if prev != nil {
			if prev.Year != r.Year-1 {
				fmt.Fprintf(env.Stderr, "【需核对】--prev 的报告是 %d 年度的，导入的报告是 %d 年度的\n", prev.Year, r.Year)
			}
			last := prev.Clone()
			last.LastYear = nil
			r.LastYear = last
		}
		release, ok := claimReport(env, *out, *force)
		if !ok {
			return ExitUnusable
		}
		defer release()
		if err := saveReport(*out, r, nil); err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		n := 0
		for _, p := range res.Findings {
			if p.Severity >= reports.Warning {
				n++
			}
		}
		fmt.Fprintf(env.Stdout, "已从%s导入“%s”（%d年度，%s年版模板）：%s\n", res.Format, r.Title(), r.Year, r.Template, *out)
		if res.Uncertain() {
			fmt.Fprintf(env.Stdout, "有 %d 处需要核对（见上方列出的问题），请在程序中打开报告检查后再使用。\n", n)
			return ExitFindings
		}
		return ExitOK
	}
	return c
}

// readSource reads the file to import, or standard input for "-".
func readSource(path string) (string, []byte, error) {
	var f io.Reader
	name := path
	if path == "-" {
		f, name = os.Stdin, "标准输入"
	} else {
		file, err := os.Open(path)
		if err != nil {
			_, lerr := reports.Load(path) // the same Chinese wording as for report files
			return "", nil, lerr
		}
		defer file.Close()
		f = file
	}
	data, err := io.ReadAll(io.LimitReader(f, importer.MaxInputSize+1))
	if err != nil {
		return "", nil, &reports.FileError{Path: name, Msg: "读取失败：" + err.Error(), Err: err}
	}
	return name, data, nil
}
