package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"nianbao/reports"
)

// printError is why a report could not be printed, for the clerk.
type printError struct {
	// noPrinter: nothing on this computer can print (no print service and
	// no program that opens PDF files, or Windows has no print handler).
	noPrinter bool
	// reason is the print service's refusal in Chinese.
	reason string
	err    error
}

func (e *printError) Error() string {
	if e.noPrinter {
		return "这台电脑上没有可以打印 PDF 的程序或打印机"
	}
	return e.reason
}

func (e *printError) Unwrap() error { return e.err }

// printFailed says that the report could not be printed and why, and
// offers to save the PDF (already made, at pdfPath) to print elsewhere.
func (s *shell) printFailed(err error, pdfPath string) {
	msg := "无法打印：" + err.Error() + "。"
	var pe *printError
	if errors.As(err, &pe) && pe.noPrinter {
		msg = "这台电脑上没有可以打印的打印机，也没有能打开 PDF 的程序，所以无法直接打印。"
	}
	msg += "\n\n可以把报告保存为 PDF 文件，拷到能打印的电脑上打印；或者装好打印机后再点“打印”。"
	d := dialog.NewCustomConfirm("无法打印", "保存 PDF…", "关闭", newMessageLabel(msg), func(save bool) {
		if save {
			s.savePrintedPDF(pdfPath)
		}
	}, s.win)
	d.Show()
	s.setStatus("无法打印：%s", err.Error())
}

// savePrintedPDF asks where to keep the PDF made for printing and copies it there.
func (s *shell) savePrintedPDF(pdfPath string) {
	s.askPath("保存 PDF", ".pdf", func(path string) {
		if err := copyFile(pdfPath, path); err != nil {
			s.showError("PDF 没有保存成功。", err, "请换一个文件夹再试，或用“导出PDF”。")
			return
		}
		s.setStatus("已保存 PDF：%s", path)
		dialog.ShowInformation("已保存 PDF", "已保存到：\n"+shortenPath(path, messageWidth, labelWidth), s.win)
	})
}

// copyFile copies the file from to the path to, atomically.
func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return fmt.Errorf("读取生成的 PDF：%w", err)
	}
	return reports.WriteFileAtomic(to, data, false)
}

// openFailed says that no program opened a file, and where the file is.
func (s *shell) openFailed(path string) {
	kind := strings.ToUpper(strings.TrimPrefix(filepath.Ext(path), "."))
	msg := fmt.Sprintf("这台电脑上没有能打开 %s 文件的程序，文件没有打开。\n\n文件已经保存好，在：\n%s\n\n可以装一个 %s 阅读器后再打开，或把文件拷到其他电脑上查看。",
		kind, shortenPath(path, messageWidth, labelWidth), kind)
	dialog.ShowCustom("文件没有打开", "关闭", newMessageLabel(msg), s.win)
	s.setStatus("没有能打开 %s 文件的程序：%s", kind, path)
}

// openInBackground opens a file with its default program without holding
// the window, and says so when that fails.
func (s *shell) openInBackground(path string) {
	go func() {
		if err := openWithDefault(path); err != nil {
			fyne.Do(func() { s.openFailed(path) })
		}
	}()
}
