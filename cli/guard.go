package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/reports"
	"nianbao/reports/filelock"
)

// forceFlag adds --force to a command that writes a report file or an
// export: write even when the file is open in a nianbao window or in
// another program.
func forceFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("force", false, "即使目标文件正在年报程序窗口或其他程序中打开，也写入（窗口中的人保存时会收到“文件已被修改”的提示）")
}

// claimReport takes the lock of a report file the command is about to
// write, so that a window opening it meanwhile is told, and refuses (with
// a Chinese message, false) when a nianbao window has it open, unless
// force. Call the returned release when done.
func claimReport(env *Env, path string, force bool) (release func(), ok bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	lock, err := filelock.Acquire(abs)
	var locked *filelock.LockedError
	switch {
	case errors.As(err, &locked) && !force:
		env.fail(ExitUnusable, "“%s”正在年报程序窗口中由 %s打开编辑，没有写入（否则窗口中的修改和这次写入会互相覆盖）。"+
			"请先在窗口中保存并关闭它再运行；确需写入请加 --force（窗口中保存时会提示文件已被修改）。", path, locked.Owner.Describe())
		return nil, false
	case errors.As(err, &locked):
		fmt.Fprintf(env.Stderr, "注意：“%s”正在年报程序窗口中由 %s打开编辑；已按 --force 写入，窗口中保存时会提示文件已被修改。\n", path, locked.Owner.Describe())
	}
	// Any other error (a read-only folder, …): the save itself says why.
	return func() { lock.Release() }, true
}

// saveReport writes a report the command read from the same path (known
// is its state then): refused when the file changed on disk meanwhile.
// With known nil the file is written whatever it holds (Save still keeps
// the old one as .bak and refuses a file that is not a report).
func saveReport(path string, r *reports.Report, known *reports.DiskState) error {
	if known == nil {
		_, err := reports.SaveState(path, r)
		return err
	}
	_, err := reports.SaveIfUnchanged(path, r, *known)
	return err
}

// claimExport refuses (false, with a message) to write an export over a
// file another program has open (a PDF viewer, Word, Excel, a browser),
// unless force.
func claimExport(env *Env, path string, force bool) bool {
	who := reports.OpenElsewhere(path)
	if len(who) == 0 {
		return true
	}
	if force {
		fmt.Fprintf(env.Stderr, "注意：“%s”正在其他程序中打开（%s）；已按 --force 替换，那个程序里显示的仍是旧内容。\n", path, strings.Join(who, "、"))
		return true
	}
	env.fail(ExitUnusable, "“%s”正在其他程序中打开（%s），没有替换。请先在那个程序中关闭它，或换一个输出文件名；确需替换请加 --force。", path, strings.Join(who, "、"))
	return false
}
