//go:build !windows

package app

import (
	"fmt"
	"os/exec"
	"strings"
)

// printFile sends the PDF to the default printer with lp (CUPS) when it is
// installed, and otherwise opens it in the default viewer to print from there.
func printFile(path string) (string, error) {
	if lp, err := exec.LookPath("lp"); err == nil {
		out, err := exec.Command(lp, path).CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("lp：%s", strings.TrimSpace(string(out)))
		}
		return "已发送到默认打印机：" + strings.TrimSpace(string(out)), nil
	}
	if err := exec.Command("xdg-open", path).Start(); err != nil {
		return "", fmt.Errorf("没有找到打印命令 lp，也无法用默认程序打开 PDF（%v）", err)
	}
	return "本机没有打印命令 lp，已用默认程序打开 PDF，请在其中选择“打印”。", nil
}
