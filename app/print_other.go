//go:build !windows

package app

import (
	"bytes"
	"errors"
	"os/exec"
	"runtime"
	"strings"
)

// printFile sends the PDF to the default printer through CUPS (lp) when it
// is installed, and otherwise opens it in the default PDF viewer to print
// from there. It waits for the program it starts, so that a failure is
// reported, never a success that did not happen.
func printFile(path string) (string, error) {
	if lp, err := exec.LookPath("lp"); err == nil {
		var out bytes.Buffer
		cmd := exec.Command(lp, path)
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			return "", &printError{reason: printerReason(out.String()), err: err}
		}
		return "已交给默认打印机打印。", nil
	}
	if err := openWithDefault(path); err != nil {
		return "", &printError{noPrinter: true, err: err}
	}
	return "这台电脑没有直接打印的服务，已用 PDF 阅读器打开报告，请在其中选择“打印”。", nil
}

// printerReason says in Chinese what the print service's message means.
func printerReason(msg string) string {
	m := strings.ToLower(msg)
	switch {
	case strings.Contains(m, "no default destination"), strings.Contains(m, "no default printer"):
		return "这台电脑没有设置默认打印机"
	case strings.Contains(m, "does not exist"), strings.Contains(m, "not found"):
		return "设置的打印机已不存在"
	case strings.Contains(m, "not accepting"), strings.Contains(m, "disabled"), strings.Contains(m, "paused"):
		return "打印机已暂停或不接受打印任务"
	case strings.Contains(m, "unable to connect"), strings.Contains(m, "connection refused"), strings.Contains(m, "scheduler"):
		return "打印服务没有运行"
	}
	return "打印服务拒绝了这份文件"
}

// openWithDefault opens a file in the program the system associates with
// its type (xdg-open on Linux, open on macOS) and reports whether that
// program could be started for it.
func openWithDefault(path string) error {
	opener := "xdg-open"
	if runtime.GOOS == "darwin" {
		opener = "open"
	}
	bin, err := exec.LookPath(opener)
	if err != nil {
		return errNoOpener
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, path)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return errNoOpener
	}
	return nil
}

var errNoOpener = errors.New("no program opens this type of file")
