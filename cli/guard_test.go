package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/reports"
	"nianbao/reports/filelock"
	"nianbao/reports/xlsx"
)

// windowEnv makes the test binary a child that stands for a nianbao
// window: it opens the report (taking its lock), waits for a line on its
// standard input, types a number and saves like Ctrl+S (asking when the
// file changed: here it answers 另存为 into the path given in the line).
const windowEnv = "NIANBAO_TEST_WINDOW"

// cliEnv makes the test binary run the command line: a second process.
const cliEnv = "NIANBAO_TEST_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(cliEnv) != "" {
		os.Exit(Run(os.Args[len(os.Args)-countArgs():], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// countArgs is how many of the child's arguments are the command line's
// (after "--").
func countArgs() int {
	for i, a := range os.Args {
		if a == "--" {
			return len(os.Args) - i - 1
		}
	}
	return 0
}

func TestWindowChild(t *testing.T) {
	path := os.Getenv(windowEnv)
	if path == "" {
		t.Skip("runs only as the child of TestTwoProcessesOnOneFile")
	}
	lock, err := filelock.Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	r, st, err := reports.LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("opened")
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	r.SetCell("t3.new.business", reports.Num(41)) // typed in the window
	_, err = reports.SaveIfUnchanged(path, r, st)
	var ce *reports.ConflictError
	if errors.As(err, &ce) {
		var parts []string
		for _, d := range ce.Change.Differ {
			parts = append(parts, d.Part)
		}
		fmt.Printf("conflict: %s\n", strings.Join(parts, ","))
		if _, err := reports.SaveState(strings.TrimSpace(line), r); err != nil {
			t.Fatal(err)
		}
		fmt.Println("saved as")
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("saved")
}

// cliProcess runs the command line in a process of its own.
func cliProcess(t *testing.T, args ...string) (code int, out string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), cliEnv+"=1")
	b, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), string(b)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(b)
}

// TestTwoProcessesOnOneFile opens a report in one process (the window)
// and writes numbers from a workbook into it from another (nianbao xlsx
// --into): the second is told who has it open and refused; with --force
// it writes, and the window's save then sees the change and saves as
// another file, so neither's work is lost.
func TestTwoProcessesOnOneFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	if err := reports.Save(path, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	other := reports.Sample()
	other.SetCell("t3.new.natural", reports.Num(123))
	book := filepath.Join(dir, "改过的.xlsx")
	if err := xlsx.WriteFile(book, other, nil); err != nil {
		t.Fatal(err)
	}

	win := exec.Command(os.Args[0], "-test.run=^TestWindowChild$", "-test.count=1")
	win.Env = append(os.Environ(), windowEnv+"="+path)
	stdin, _ := win.StdinPipe()
	stdout, _ := win.StdoutPipe()
	win.Stderr = os.Stderr
	if err := win.Start(); err != nil {
		t.Fatal(err)
	}
	defer win.Process.Kill()
	out := bufio.NewReader(stdout)
	if l, _ := out.ReadString('\n'); l != "opened\n" {
		t.Fatalf("window child said %q", l)
	}

	code, msg := cliProcess(t, "xlsx", "--into", path, book)
	if code != ExitUnusable || !strings.Contains(msg, "正在年报程序窗口中由") || !strings.Contains(msg, "--force") || !strings.Contains(msg, "没有写入") {
		t.Fatalf("xlsx --into on a report open in a window: exit %d\n%s", code, msg)
	}
	if r, _ := reports.Load(path); r.Cell("t3.new.natural").String() == "123" {
		t.Fatal("the refused command wrote the file")
	}
	code, msg = cliProcess(t, "xlsx", "--into", path, book, "--force")
	if code != ExitOK || !strings.Contains(msg, "已按 --force 写入") {
		t.Fatalf("xlsx --into --force: exit %d\n%s", code, msg)
	}

	copyPath := filepath.Join(dir, "窗口中的版本.nianbao")
	fmt.Fprintln(stdin, copyPath)
	var said []string
	for {
		l, err := out.ReadString('\n')
		if err != nil {
			break
		}
		said = append(said, strings.TrimSpace(l))
	}
	win.Wait()
	if len(said) < 2 || said[0] != "conflict: 表三" || said[1] != "saved as" {
		t.Fatalf("the window's save: %q, want a conflict naming 表三, then 另存为", said)
	}
	disk, _ := reports.Load(path)
	saved, _ := reports.Load(copyPath)
	if disk.Cell("t3.new.natural").String() != "123" {
		t.Errorf("the command line's number is gone from the file: %s", disk.Cell("t3.new.natural"))
	}
	if saved == nil || saved.Cell("t3.new.business").String() != "41" {
		t.Errorf("the window's number is not in its copy")
	}
	if _, ok, _ := filelock.Read(path); ok {
		t.Error("a lock is left behind")
	}
}

func TestCommandsThatWriteAReportRefuseOneOpenInAWindow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	if err := reports.Save(path, reports.Sample()); err != nil {
		t.Fatal(err)
	}
	holder := exec.Command("sleep", "60")
	if err := holder.Start(); err != nil {
		t.Skip(err)
	}
	defer func() { holder.Process.Kill(); holder.Wait() }()
	host, _ := os.Hostname()
	b, _ := json.Marshal(filelock.Owner{App: "nianbao", User: "张三", Host: host, PID: holder.Process.Pid, Since: time.Now()})
	os.WriteFile(filelock.Path(path), b, 0o644)
	src := filepath.Join(dir, "报告.txt")
	if code, _, e := run("text", path, "-o", src); code != ExitOK {
		t.Fatal(e)
	}
	before, _ := os.ReadFile(path)
	for _, c := range []struct {
		name string
		args []string
	}{
		{"sample", []string{"sample", "-o", path}},
		{"new --force", []string{"new", "--year", "2024", "-o", path}},
		{"import", []string{"import", src, "-o", path}},
		{"xlsx --into", []string{"xlsx", "--into", path, filepath.Join(dir, "none.xlsx")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := run(c.args...)
			if c.name == "new --force" {
				code, _, stderr = run(append(c.args, "--force")...)
				// new's --force also means "replace an existing report".
				if code != ExitOK || !strings.Contains(stderr, "张三") {
					t.Errorf("new --force: exit %d %s", code, stderr)
				}
				os.WriteFile(path, before, 0o644)
				return
			}
			if code != ExitUnusable || !strings.Contains(stderr, "正由") && !strings.Contains(stderr, "张三") {
				t.Errorf("exit %d, stderr %s", code, stderr)
			}
			if now, _ := os.ReadFile(path); string(now) != string(before) {
				t.Error("the report open in the window was written")
			}
		})
	}
}

func TestExportsRefuseAFileOpenInAnotherProgram(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	reports.Save(path, reports.Sample())
	for _, c := range []struct{ name, out string }{
		{"pdf", filepath.Join(dir, "报告.pdf")},
		{"html", filepath.Join(dir, "报告.html")},
		{"xlsx", filepath.Join(dir, "报告.xlsx")},
		{"text", filepath.Join(dir, "报告.txt")},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.WriteFile(c.out, []byte("old"), 0o644)
			f, _ := os.Open(c.out)
			viewer := exec.Command("sleep", "60")
			viewer.ExtraFiles = []*os.File{f}
			if err := viewer.Start(); err != nil {
				t.Skip(err)
			}
			f.Close()
			defer func() { viewer.Process.Kill(); viewer.Wait() }()
			code, _, stderr := run(c.name, path, "-o", c.out)
			if code != ExitUnusable || !strings.Contains(stderr, "正在其他程序中打开（sleep") {
				t.Errorf("exit %d: %s", code, stderr)
			}
			if b, _ := os.ReadFile(c.out); string(b) != "old" {
				t.Error("replaced without --force")
			}
			if code, _, stderr = run(c.name, path, "-o", c.out, "--force"); code == ExitUnusable || !strings.Contains(stderr, "已按 --force 替换") {
				t.Errorf("--force: exit %d %s", code, stderr)
			}
		})
	}
}
