package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"nianbao/reports"
)

// tour shows each part of the report in turn for the screenshot script:
// for part i it writes "<i> <key>" to dir/step and waits until the script
// has taken its screenshot and removed the file; then it closes the window.
func (s *shell) tour(dir string) {
	for !s.frameShown() {
		time.Sleep(20 * time.Millisecond)
	}
	var keys []string
	fyne.DoAndWait(func() { keys, _ = s.editor.Parts() })
	step := filepath.Join(dir, "step")
	for i, k := range keys {
		fyne.DoAndWait(func() { s.editor.Select(k) })
		s.tourStep(step, fmt.Sprintf("%02d %s", i+1, k))
	}
	// Last, what a typing mistake looks like: the cell framed in red, the
	// message, the 勾稽 line and the findings.
	fyne.DoAndWait(func() {
		k := reports.Key(reports.TableT3, reports.RowNew, "natural")
		if en := s.editor.CellEntry(k); en != nil {
			en.SetText("十2")
		}
		s.editor.CheckNow()
		s.editor.Goto(reports.Location{Table: reports.TableT3, Row: reports.RowNext, Column: "natural"})
	})
	s.tourStep(step, fmt.Sprintf("%02d requests-mistake", len(keys)+1))
	// And the next year started from this one: last year's text beside
	// the empty editors.
	fyne.DoAndWait(func() {
		r := s.editor.Report()
		s.setReport(reports.NextYear(r, r.Year+1), "", true)
		s.setStatus("已从示例报告开始 %d 年度的报告：上年正文显示在右侧作参考。", r.Year+1)
		s.editor.Select(reports.SectionOverview)
	})
	s.tourStep(step, fmt.Sprintf("%02d overview-next-year", len(keys)+2))
	fyne.Do(func() {
		s.dirty = false
		s.quit()
	})
}

// tourStep lets the frame be drawn, names the step in the file step and
// waits until the script has taken its screenshot and removed the file.
func (s *shell) tourStep(step, name string) {
	time.Sleep(300 * time.Millisecond)
	if err := os.WriteFile(step, []byte(name+"\n"), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "nianbao tour:", err)
		return
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(step); os.IsNotExist(err) {
			return
		}
	}
}
