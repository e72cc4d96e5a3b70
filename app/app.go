// Package app is the Fyne application shell of nianbao: it creates the
// application and the main window, the menus, toolbar and shortcuts, and
// the file actions (新建, 打开, 保存, 另存为, recent files, drag and drop,
// the unsaved-changes prompt, recovery copies, 导出 and 打印). The forms for
// the parts of the report live in package forms.
package app

import (
	"fmt"
	"image"
	"image/color"
	"nianbao/reports/fullcheck"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	fyneapp "fyne.io/fyne/v2/app"

	"nianbao/forms"
	"nianbao/reports"
	"nianbao/version"
)

// AppID is the application's unique id (preferences and storage live under it).
const AppID = "cn.nianbao.app"

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

// Run opens the main window; args may name a report file to open. It
// returns when the window is closed, and exits with status 2 and a Chinese
// message when this computer cannot show a window.
func Run(args []string) {
	if os.Getenv(EnvBaseline) != "" {
		runBaseline()
		return
	}
	mark := stageTimer()
	if err := displayAvailable(); err != nil {
		noDisplay(err)
	}
	mark("display")
	if err := forms.UseChinese(); err != nil {
		fmt.Fprintln(os.Stderr, "nianbao:", err)
	}
	a := fyneapp.NewWithID(AppID)
	a.Settings().SetTheme(forms.NewTheme())
	w := a.NewWindow(version.AppName)
	mark("app")
	s := newShell(a, w, Options{RecoveryDir: defaultRecoveryDir(), Args: args})
	mark("shell")
	s.start()
	mark("report")
	w.ShowAndRun()
	if !s.frameShown() {
		noDisplay(fmt.Errorf("窗口未能显示"))
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

// noDisplay explains that no window can be shown and exits with 2.
func noDisplay(err error) {
	fmt.Fprintf(os.Stderr, "nianbao：无法打开图形窗口（%v）。\n"+
		"这台电脑可能没有显示器环境，或显卡驱动不支持 OpenGL 2.1（远程桌面、虚拟机中常见）。\n"+
		"不打开窗口也可以使用命令行功能，例如检查报告、导出 PDF，请运行：nianbao help\n", err)
	os.Exit(2)
}

// defaultRecoveryDir is where recovery copies are kept: the user's config
// folder (Windows: %AppData%\nianbao\recovery; Linux: ~/.config/nianbao/recovery).
func defaultRecoveryDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "nianbao", "recovery")
}

// defaultYear is the year a new report is for (reports.YearWrittenIn today).
func defaultYear() int { return reports.YearWrittenIn(time.Now()) }

// fileTitle is the report file's name for the window title.
func fileTitle(path string) string {
	if path == "" {
		return "未命名"
	}
	return filepath.Base(path)
}

// check runs the full check (the core and the printed layout) on a report.
func check(r *reports.Report) []reports.Finding { return fullcheck.Run(r, nil) }
