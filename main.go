// Command nianbao prepares a government office's annual report on
// government information disclosure (政府信息公开工作年度报告).
//
// With no arguments, or a report file, it opens the window; with a
// subcommand (check, pdf, text, …) it runs headless and reports by exit code.
package main

import (
	"os"

	"nianbao/app"
	_ "nianbao/app/localeenv" // before Fyne's init: see the package
	"nianbao/cli"
)

func main() {
	args := os.Args[1:]
	if cli.IsCommand(args) {
		cli.AttachConsole()
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	app.Run(args)
}
