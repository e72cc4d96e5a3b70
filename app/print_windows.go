//go:build windows

package app

import (
	"errors"

	"golang.org/x/sys/windows"
)

// printFile hands the PDF to its handler's print verb (the PDF reader
// prints it on the default printer).
func printFile(path string) (string, error) {
	if err := shellExecute("print", path); err != nil {
		return "", &printError{noPrinter: true, err: err}
	}
	return "已把报告交给默认打印机（由本机的 PDF 阅读器打印）。", nil
}

// openWithDefault opens a file in the program Windows associates with its type.
func openWithDefault(path string) error {
	if err := shellExecute("open", path); err != nil {
		return errNoOpener
	}
	return nil
}

func shellExecute(verb, path string) error {
	v, _ := windows.UTF16PtrFromString(verb)
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, v, file, nil, nil, windows.SW_SHOWNORMAL)
}

var errNoOpener = errors.New("no program opens this type of file")
