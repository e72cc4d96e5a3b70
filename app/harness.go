//go:build harness

package app

import (
	"fmt"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	fyneapp "fyne.io/fyne/v2/app"

	"nianbao/reports"
)

// This file is the harness of the scripts that measure and photograph the
// real window (forms/xvfb/run.sh, bench/): built only with -tags harness,
// so the program people install carries none of it. harness_off.go has
// the stand-ins of the ordinary build.

// Environment variables for the scripted screenshot tour and timing.
const (
	// EnvTour names a folder: the app shows each part in turn, writes the
	// file "step" there naming it, and waits until the script removes it.
	EnvTour = "NIANBAO_SCREENSHOT_TOUR"
	// EnvTiming makes the app print "nianbao-timing first-frame=<unix ns>"
	// to stderr when the window's first frame is drawn.
	EnvTiming = "NIANBAO_TIMING"
	// EnvBaseline, with EnvTiming, opens a bare Fyne window with one label
	// instead of the report: the script measures it in the same run as the
	// real window, so the ratio shows what nianbao adds to Fyne's own start.
	EnvBaseline = "NIANBAO_TIMING_BASELINE"
)

// runHarnessBaseline opens the bare Fyne window instead of the report when
// EnvBaseline is set, and reports whether it did.
func runHarnessBaseline() bool {
	if os.Getenv(EnvBaseline) == "" {
		return false
	}
	runBaseline()
	return true
}

// startHarness starts the screenshot tour and the focus log when the
// script asks for them.
func (s *shell) startHarness() {
	if dir := os.Getenv(EnvTour); dir != "" {
		go s.tour(dir)
	}
	if path := os.Getenv(EnvFocusLog); path != "" {
		go s.logFocus(path)
	}
}

// harnessFirstFrame prints when the first frame is drawn, with EnvTiming.
func harnessFirstFrame() {
	if os.Getenv(EnvTiming) != "" {
		fmt.Fprintf(os.Stderr, "nianbao-timing first-frame=%d\n", time.Now().UnixNano())
	}
}

// runBaseline shows a bare Fyne window with a label and reports its first
// frame like the real window does.
func runBaseline() {
	a := fyneapp.NewWithID(AppID + ".baseline")
	w := a.NewWindow("baseline")
	var once sync.Once
	probe := canvas.NewRaster(func(int, int) image.Image {
		once.Do(func() { fmt.Fprintf(os.Stderr, "nianbao-timing first-frame=%d\n", time.Now().UnixNano()) })
		return image.NewUniform(color.Transparent)
	})
	probe.SetMinSize(fyne.NewSize(1, 1))
	w.SetContent(container.NewVBox(widget.NewLabel("Fyne"), probe))
	w.Resize(fyne.NewSize(1180, 700))
	w.ShowAndRun()
}

// stageTimer returns a function that, with NIANBAO_TIMING set, prints how
// long each stage of the start took.
func stageTimer() func(stage string) {
	if os.Getenv(EnvTiming) == "" {
		return func(string) {}
	}
	last := time.Now()
	return func(stage string) {
		now := time.Now()
		fmt.Fprintf(os.Stderr, "nianbao-timing stage %s %d ms\n", stage, now.Sub(last).Milliseconds())
		last = now
	}
}

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

// EnvFocusLog names a file: the app appends a line to it whenever the
// focused field or its place changes, for the real-window script:
// "<field> <x> <y> <w> <h> view <x> <y> <w> <h> window <w> <h>", the
// field's rectangle and the part's visible area (below a frozen header)
// in the window's coordinates.
const EnvFocusLog = "NIANBAO_FOCUS_LOG"

// logFocus writes the focus's place to path every time it changes.
func (s *shell) logFocus(path string) {
	last := ""
	for {
		select {
		case <-s.stop:
			return
		case <-time.After(100 * time.Millisecond):
		}
		var line string
		fyne.DoAndWait(func() {
			name, p, size, vp, vs, ok := s.editor.FocusPlace()
			if !ok {
				return
			}
			ws := s.win.Canvas().Size()
			line = fmt.Sprintf("%s %.0f %.0f %.0f %.0f view %.0f %.0f %.0f %.0f window %.0f %.0f\n",
				name, p.X, p.Y, size.Width, size.Height, vp.X, vp.Y, vs.Width, vs.Height, ws.Width, ws.Height)
		})
		if line == "" || line == last {
			continue
		}
		last = line
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintln(os.Stderr, "nianbao focus log:", err)
			return
		}
		_, _ = f.WriteString(line)
		_ = f.Close()
	}
}
