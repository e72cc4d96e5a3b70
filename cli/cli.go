// Package cli is nianbao's headless command line: the subcommands that run
// without a window (check, pdf, text, html, xlsx, import, sum, new, sample,
// version) and report by exit code. It calls the same reports functions as
// the GUI.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"nianbao/reports"
)

// Exit codes of every subcommand.
const (
	ExitOK       = 0 // done (warnings allowed)
	ExitFindings = 1 // the report has errors, or an import was uncertain
	ExitUnusable = 2 // the input could not be used
)

// Env is what a subcommand runs against; tests give it buffers.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

// Command is one subcommand.
type Command struct {
	Name    string
	Usage   string // argument synopsis, e.g. "[--json] FILE"
	Summary string // one line in Chinese
	Run     func(env *Env, args []string) int
}

// commands lists every subcommand. Each lives in its own file.
func commands() []*Command {
	return []*Command{
		auditCommand(),
		checkCommand(),
		docxCommand(),
		guideCommand(),
		htmlCommand(),
		importCommand(),
		newCommand(),
		pdfCommand(),
		rosterCommand(),
		sampleCommand(),
		sumCommand(),
		textCommand(),
		versionCommand(),
		xlsxCommand(),
	}
}

func lookup(name string) *Command {
	for _, c := range commands() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// IsCommand reports whether args start with a subcommand (or a help flag),
// as opposed to nothing or a report path, which open the window.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		return true
	}
	return lookup(args[0]) != nil || looksLikeCommand(args[0])
}

// looksLikeCommand reports whether a first argument that names no
// subcommand is still meant as one ("nianbao docx x" with a mistyped or
// unknown command), rather than a report file for the window: a bare word
// of Latin letters that is not a file here. Run answers it with 未知命令.
func looksLikeCommand(arg string) bool {
	if arg == "" || arg[0] == '-' {
		return false
	}
	for _, r := range arg {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			return false
		}
	}
	_, err := os.Stat(arg)
	return err != nil
}

// Run runs the subcommand named by args[0] and returns its exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "help" || strings.HasPrefix(args[0], "-") {
		usage(stdout)
		return ExitOK
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "nianbao: 未知命令“%s”。可用的命令如下（nianbao help）：\n", args[0])
		usage(stderr)
		return ExitUnusable
	}
	return c.Run(env, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "用法：nianbao [报告文件.nianbao]      打开图形界面")
	fmt.Fprintln(w, "      nianbao 命令 [参数]              不打开窗口，按退出码报告结果（0 完成，1 报告有错误，2 输入无法使用）")
	fmt.Fprintln(w, "\n命令：")
	cs := commands()
	for _, c := range cs {
		fmt.Fprintf(w, "  %-8s %-40s %s\n", c.Name, c.Usage, c.Summary)
	}
}

// flags returns a FlagSet for a subcommand whose errors and usage go to env.Stderr.
func (env *Env) flags(c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "用法：nianbao %s %s\n  %s\n", c.Name, c.Usage, c.Summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may come before or after the positional arguments
// (nianbao check FILE --json and nianbao check --json FILE both work).
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// openReport is the opening every command on one report file shares:
// parse the flags (before or after the file), insist on exactly one file
// and on valid() (nil: no further condition on the flags), then load the
// report. When it returns ok false it has printed the usage or the Chinese
// reason, and code is the exit code to return.
func (env *Env) openReport(fs *flag.FlagSet, args []string, valid func() bool) (r *reports.Report, path string, code int, ok bool) {
	pos, err := parse(fs, args)
	if err != nil || len(pos) != 1 || valid != nil && !valid() {
		fs.Usage()
		return nil, "", ExitUnusable, false
	}
	r, err = reports.Load(pos[0])
	if err != nil {
		return nil, "", env.fail(ExitUnusable, "%v", err), false
	}
	return r, pos[0], ExitOK, true
}

// printFlags are the flags every printed document takes (pdf, docx): the
// signature line, as the report says unless given, and the creation date.
type printFlags struct {
	fs        *flag.FlagSet
	signature *bool
	date      *string
}

// addPrintFlags defines --signature and --date on fs; what names the file.
func addPrintFlags(fs *flag.FlagSet, what string) printFlags {
	return printFlags{
		fs:        fs,
		signature: fs.Bool("signature", false, "在落款下加“单位负责人（签字）：”一行（默认按报告中的设置）"),
		date:      fs.String("date", "", "写入"+what+"的创建日期，如 2024-01-19（默认今天；固定日期可得到完全相同的文件）"),
	}
}

// values gives the signature line (nil: as the report says) and the
// creation date (zero: now), or a Chinese error naming the bad --date.
func (p printFlags) values() (signature *bool, date time.Time, err error) {
	p.fs.Visit(func(f *flag.Flag) {
		if f.Name == "signature" {
			v := *p.signature
			signature = &v
		}
	})
	if *p.date != "" {
		d, err := reports.ParseDate(*p.date)
		if err == nil && d.IsZero() { // only spaces: ParseDate reads no date
			err = errors.New("应为日期，如 2024-01-19，不能只有空格")
		}
		if err != nil {
			return nil, time.Time{}, fmt.Errorf("--date：%v", err)
		}
		date = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return signature, date, nil
}

// fail prints a Chinese message to stderr and returns code.
func (env *Env) fail(code int, format string, a ...any) int {
	fmt.Fprintf(env.Stderr, "nianbao: "+format+"\n", a...)
	return code
}
