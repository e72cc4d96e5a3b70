package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/reports/docx"
	"nianbao/reports/pdf"
)

// officialFontStatus says which official fonts this computer has, for the
// 落款与打印 form.
func officialFontStatus() string {
	set := pdf.FindOfficialFonts()
	if set.Complete() {
		return "本机已安装全部公文字体：\n" + strings.Join(set.Describe(), "\n")
	}
	return "本机公文字体查找结果（未找到的用内置字体代替）：\n" + strings.Join(set.Describe(), "\n")
}

// newWrappedLabel is a label for dialog text that wraps at the dialog width.
func newWrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// confirmErrors asks before exporting a report that still has errors.
func (s *shell) confirmErrors(action string, next func()) {
	s.editor.CheckNow()
	errs, _ := reports.CountSeverity(s.editor.Findings())
	if errs == 0 {
		next()
		return
	}
	dialog.ShowConfirm(action, fmt.Sprintf("报告还有 %d 个错误（见窗口下方的检查结果），发布前须改正。\n仍要%s吗？", errs, action), func(ok bool) {
		if ok {
			next()
		}
	}, s.win)
}

// onExportPDF asks for a file and renders the PDF in the background.
func (s *shell) onExportPDF() {
	if s.needReport() {
		return
	}
	s.confirmErrors("导出PDF", func() {
		s.askPath("导出PDF", ".pdf", func(path string) {
			s.renderPDF(path, func(doc *pdf.Document) {
				msg := "已导出 PDF：\n" + path + pdfNotes(doc)
				d := dialog.NewCustomConfirm("导出完成", "打开", "关闭", newMessageLabel(msg), func(open bool) {
					if open {
						s.openFile(path)
					}
				}, s.win)
				d.Show()
			})
		})
	})
}

// onExportWord writes the report as a Word document (.docx) in 公文
// format, after the same warning as 导出PDF when it still has errors.
func (s *shell) onExportWord() {
	if s.needReport() {
		return
	}
	s.confirmErrors("导出Word", func() {
		s.askPath("导出Word", ".docx", func(path string) {
			if err := docx.WriteFile(path, s.editor.Report(), docx.Options{}); err != nil {
				s.showError("导出 Word 文档失败，报告本身没有受影响。", err, "请确认该文件没有在 Word 或 WPS 中打开，且文件夹可以写入，然后再试一次。")
				return
			}
			s.setStatus("已导出 %s", path)
			d := dialog.NewCustomConfirm("导出完成", "打开", "关闭", newWrappedLabel("已导出 Word 文档，可用 Word 或 WPS 打开继续编辑：\n"+path), func(ok bool) {
				if ok {
					s.openFile(path)
				}
			}, s.win)
			d.Resize(fyne.NewSize(560, 200)) // room for the path on one line
			d.Show()
		})
	})
}

// pdfNotes lists the font remarks and missing characters of a rendered PDF.
func pdfNotes(doc *pdf.Document) string {
	if doc == nil {
		return ""
	}
	var b strings.Builder
	for _, n := range doc.Notes {
		b.WriteString("\n" + n)
	}
	if len(doc.Missing) > 0 {
		var chars []string
		for _, m := range doc.Missing {
			chars = append(chars, m.Char)
		}
		fmt.Fprintf(&b, "\n注意：以下字符没有字体可以显示，印成了 □：%s", strings.Join(chars, " "))
	}
	return b.String()
}

// renderPDFFile writes the report's PDF as its 落款与打印 options say.
func renderPDFFile(path string, r *reports.Report) (*pdf.Document, error) {
	return pdf.RenderFile(path, r, pdf.Options{})
}

// renderPDF renders a copy of the report to path without blocking the
// window, showing progress, then runs done on the UI thread.
func (s *shell) renderPDF(path string, done func(*pdf.Document)) {
	r := s.editor.Report().Clone()
	s.setBusy(true, "正在生成 PDF…")
	go func() {
		doc, err := s.render(path, r)
		fyne.Do(func() {
			s.setBusy(false, "")
			if err != nil {
				s.showError("生成 PDF 失败，报告本身没有受影响。", err, "请确认目标文件夹可以写入，且该 PDF 没有在其他程序中打开，然后再试一次。")
				return
			}
			s.setStatus("已生成 %s", path)
			done(doc)
		})
	}()
}

// setBusy shows or hides the progress indicator and disables the actions
// that would start another rendering.
func (s *shell) setBusy(busy bool, msg string) {
	for _, b := range s.busy {
		if busy {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if busy {
		s.progress.Show()
		s.progress.Start()
		s.setStatus("%s", msg)
	} else {
		s.progress.Stop()
		s.progress.Hide()
	}
}

// onPrint renders the PDF to a temporary file and hands it to the
// system's print action.
func (s *shell) onPrint() {
	if s.needReport() {
		return
	}
	s.confirmErrors("打印", func() {
		dir, err := os.MkdirTemp("", "nianbao-print-")
		if err != nil {
			s.showError("无法准备打印文件。", err, "")
			return
		}
		path := filepath.Join(dir, sanitize(s.suggestedName(".pdf")))
		s.renderPDF(path, func(doc *pdf.Document) {
			go func() {
				how, err := printFile(path)
				fyne.Do(func() {
					if err != nil {
						s.printFailed(err, path)
						return
					}
					dialog.ShowInformation("打印", how+pdfNotes(doc), s.win)
				})
			}()
		})
	})
}

// openFile opens a file with the system's default program, and says so
// when there is none.
func (s *shell) openFile(path string) {
	s.openInBackground(path)
}
