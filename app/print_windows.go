//go:build windows

package app

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// printFile hands the PDF to its handler's print verb (the PDF reader
// prints it on the default printer).
func printFile(path string) (string, error) {
	verb, _ := windows.UTF16PtrFromString("print")
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return "", err
	}
	if err := windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL); err != nil {
		return "", fmt.Errorf("本机没有可以打印 PDF 的程序（%v）", err)
	}
	return "已把报告交给默认打印机（由本机的 PDF 阅读器打印）。", nil
}
