//go:build linux

package reports

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// killEnv makes the test binary a child that saves in a loop.
const killEnv = "NIANBAO_SAVE_LOOP"

// largeReport is a report of about 1 MB: long texts in every part.
func largeReport(n int) *Report {
	r := filledReport()
	long := strings.Repeat("坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。", 600)
	for i := range r.Overview.Parts {
		r.Overview.Parts[i].Text = long
	}
	r.Preamble = "第" + strconv.Itoa(n) + "次保存。" + r.Preamble
	return r
}

// TestSaveLoop is the child: it saves to the path in killEnv until killed.
func TestSaveLoop(t *testing.T) {
	path := os.Getenv(killEnv)
	if path == "" {
		t.Skip("runs only as the child of TestSaveSurvivesSIGKILL")
	}
	for n := 0; ; n++ {
		if err := Save(path, largeReport(n)); err != nil {
			t.Fatalf("save %d: %v", n, err)
		}
	}
}

// TestSaveSurvivesSIGKILL kills a process that is saving, at random
// moments, 30 times: each time the file (and its backup) must be a whole,
// readable report, never missing, never half written.
func TestSaveSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "报告.nianbao")
	rng := rand.New(rand.NewPCG(1, 2))
	existed := false
	for kill := 0; kill < 30; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSaveLoop$", "-test.count=1")
		cmd.Env = append(os.Environ(), killEnv+"="+path)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		// Wait until the child has saved at least once, then kill it at a
		// random moment within the next few saves.
		for wait := 0; !existed; wait++ {
			if _, err := os.Stat(path); err == nil {
				existed = true
				break
			}
			select {
			case err := <-done:
				t.Fatalf("the saving child ended before its first save: %v\n%s", err, out.String())
			case <-time.After(10 * time.Millisecond):
			}
			if wait > 6000 {
				cmd.Process.Kill()
				t.Fatal("the child made no save in a minute")
			}
		}
		time.Sleep(time.Duration(rng.IntN(60_000)) * time.Microsecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := <-done
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("child ended on its own (%v) instead of being killed:\n%s", err, out.String())
		}
		for _, p := range []string{path, path + ".bak"} {
			b, err := os.ReadFile(p)
			if err != nil {
				if p == path || !os.IsNotExist(err) {
					t.Fatalf("kill %d: %s: %v", kill, p, err)
				}
				continue
			}
			r, err := Parse(b)
			if err != nil {
				t.Fatalf("kill %d: %s is corrupt: %v", kill, filepath.Base(p), err)
			}
			if !strings.HasPrefix(r.Preamble, "第") {
				t.Fatalf("kill %d: %s holds an unexpected report", kill, filepath.Base(p))
			}
		}
	}
	// Temporary files left by killed saves show that kills hit saves in
	// progress; they are harmless (hidden, never read).
	tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	t.Logf("30 kills; %d saves were interrupted half-way", len(tmp))
}
