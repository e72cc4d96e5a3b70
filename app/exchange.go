package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports/html"
	"nianbao/reports/importer"
	"nianbao/reports/xlsx"
)

// exportItems are the 文件 menu's exports to other formats and the import.
func (s *shell) exportItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("导出Excel…", s.onExportExcel),
		fyne.NewMenuItem("导出网页…", s.onExportHTML),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("导入 Word/PDF/Excel/文本报告…", s.onImport),
		fyne.NewMenuItem("粘贴导入…", s.onImportPaste),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("汇总各单位报告…", s.onSum),
	}
}

// onExportExcel writes the tables (and the findings) as an .xlsx workbook.
func (s *shell) onExportExcel() {
	if s.needReport() {
		return
	}
	s.askPath("导出Excel", ".xlsx", func(path string) {
		s.editor.CheckNow()
		if err := xlsx.WriteFile(path, s.editor.Report(), s.editor.Findings()); err != nil {
			s.showError("导出 Excel 失败。", err, "请确认该文件没有在 Excel 中打开，且文件夹可以写入。")
			return
		}
		s.setStatus("已导出 %s", path)
		dialog.ShowCustomConfirm("导出完成", "打开", "关闭", newMessageLabel("已导出 Excel：\n"+path), func(ok bool) {
			if ok {
				s.openFile(path)
			}
		}, s.win)
	})
}

// onExportHTML writes the report as one web page for the government website.
func (s *shell) onExportHTML() {
	if s.needReport() {
		return
	}
	s.askPath("导出网页", ".html", func(path string) {
		if err := html.WriteFile(path, s.editor.Report()); err != nil {
			s.showError("导出网页失败。", err, "请确认文件夹可以写入。")
			return
		}
		s.setStatus("已导出 %s", path)
		dialog.ShowCustomConfirm("导出完成", "打开", "关闭", newMessageLabel("已导出网页：\n"+path), func(ok bool) {
			if ok {
				s.openFile(path)
			}
		}, s.win)
	})
}

// importExtensions are the files the import dialog lists: everything
// package importer reads.
var importExtensions = []string{".docx", ".pdf", ".xlsx", ".txt", ".html", ".htm", ".mht", ".mhtml"}

// onImport reads a published report (.docx, .pdf, .xlsx, web page or text)
// into a new unsaved report.
func (s *shell) onImport() {
	s.confirmDiscard(func() {
		s.chooseFile("导入报告", "导入", importExtensions, s.importPath)
	})
}

// importPath imports the chosen file into a new unsaved report.
func (s *shell) importPath(path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		s.showError("无法读取所选文件。", err, "")
		return
	}
	res, err := importer.Import(filepath.Base(path), data)
	s.showImport(res, err)
}

// onImportPaste imports text pasted from Word, a PDF reader or a web page.
func (s *shell) onImportPaste() {
	s.confirmDiscard(func() {
		box := widget.NewMultiLineEntry()
		box.SetPlaceHolder("把报告全文粘贴到这里（Ctrl+V）")
		box.Wrapping = fyne.TextWrapWord
		box.SetMinRowsVisible(16)
		d := dialog.NewCustomConfirm("粘贴导入", "导入", "取消", container.NewStack(box), func(ok bool) {
			if ok {
				res, err := importer.ImportText(box.Text)
				s.showImport(res, err)
			}
		}, s.win)
		d.Resize(fyne.NewSize(800, 560))
		d.Show()
	})
}

// showImport opens an import's report and lists what needs checking.
func (s *shell) showImport(res *importer.Result, err error) {
	if err != nil {
		s.showError("无法导入。", err, "")
		return
	}
	if res.Empty || res.Report == nil {
		dialog.ShowInformation("无法导入", "没有在该文件中找到年度报告的内容（栏目标题或统计表）。", s.win)
		return
	}
	s.setReport(res.Report, "", true)
	var lines []string
	for _, p := range res.Findings {
		lines = append(lines, p.SourceLine())
	}
	msg := fmt.Sprintf("已从%s导入“%s”。请核对后保存为 .nianbao 文件。", res.Format, res.Report.Title())
	if len(lines) > 0 {
		msg += fmt.Sprintf("\n\n以下 %d 处需要核对：\n%s", len(lines), strings.Join(lines, "\n"))
	}
	l := newWrappedLabel(msg)
	sc := container.NewVScroll(l)
	sc.SetMinSize(fyne.NewSize(700, 360))
	dialog.ShowCustom("导入结果", "关闭", sc, s.win)
	s.setStatus("已导入，尚未保存。")
}
