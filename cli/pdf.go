package cli

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"

	"nianbao/reports/pdf"
)

func pdfCommand() *Command {
	c := &Command{Name: "pdf", Usage: "FILE [-o OUT.pdf] [--signature] [--fonts embedded|official] [--date 2024-01-19] [--force]",
		Summary: "生成可打印的公文格式 PDF（GB/T 9704），字体嵌入"}
	c.Run = func(env *Env, args []string) int {
		fs := env.flags(c)
		out := fs.String("o", "", "输出的 PDF 文件（默认与报告同名，扩展名为 .pdf）")
		fonts := fs.String("fonts", "", "字体：embedded 内置字体，official 本机安装的官方字体（默认按报告中的设置）")
		force := forceFlag(fs)
		pf := addPrintFlags(fs, " PDF ")
		r, path, code, ok := env.openReport(fs, args, nil)
		if !ok {
			return code
		}
		sig, date, err := pf.values()
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		opts := pdf.Options{Fonts: *fonts, SignatureLine: sig, Date: date}
		switch *fonts {
		case "", pdf.FontsEmbedded, pdf.FontsOfficial:
		default:
			return env.fail(ExitUnusable, "--fonts 只能是 embedded（内置字体）或 official（本机官方字体），不能是“%s”", *fonts)
		}
		target := *out
		if target == "" {
			target = strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf"
		}
		// A short-lived process: collect garbage less often (a render
		// allocates about 10 MB, mostly compressor state).
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		if !claimExport(env, target, *force) {
			return ExitUnusable
		}
		doc, err := pdf.RenderFile(target, r, opts)
		if err != nil {
			return env.fail(ExitUnusable, "%v", err)
		}
		for _, n := range doc.Notes {
			fmt.Fprintf(env.Stderr, "提示：%s\n", n)
		}
		if len(doc.Missing) > 0 {
			fmt.Fprintf(env.Stderr, "警告：以下字符在所有可用字体中都没有，PDF 中印成“□”，请核对这些字或改用常见写法：\n")
			for _, m := range doc.Missing {
				fmt.Fprintf(env.Stderr, "  “%s”  位于 %s\n", m.Char, r.Where(m.Location))
			}
		}
		fmt.Fprintf(env.Stdout, "已生成 PDF：%s（共 %d 页）\n", target, len(doc.Pages))
		return exportExit(env, r, path)
	}
	return c
}
