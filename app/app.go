// Package app is the Fyne application shell of nianbao: it creates the
// application and the main window, the menus, toolbar and shortcuts, and
// the file actions (新建, 打开, 保存, 另存为, recent files, drag and drop,
// the unsaved-changes prompt, recovery copies, 导出 and 打印). The forms for
// the parts of the report live in package forms.
package app

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"nianbao/forms"
	"nianbao/reports"
	"nianbao/reports/fullcheck"
	"nianbao/reports/gazetteer"
	"nianbao/version"
)

// AppID is the application's unique id (preferences and storage live under it).
const AppID = "cn.nianbao.app"

// Run opens the main window; args may name a report file to open. It
// returns when the window is closed, and exits with status 2 and a Chinese
// message when this computer cannot show a window.
func Run(args []string) {
	if runHarnessBaseline() {
		return
	}
	mark := stageTimer()
	gazetteer.Preload() // ≈ 40 ms of decoding, done while Fyne starts
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
	area, _ := screenArea()
	s := newShell(a, w, Options{RecoveryDir: defaultRecoveryDir(), Args: args, Screen: area})
	mark("shell")
	s.start()
	mark("report")
	w.ShowAndRun()
	if !s.frameShown() {
		noDisplay(fmt.Errorf("窗口未能显示"))
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
