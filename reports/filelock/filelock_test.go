package filelock

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// childEnv makes the test binary a child that holds a lock until its
// standard input closes.
const childEnv = "NIANBAO_FILELOCK_CHILD"

func TestHoldLockChild(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("runs only as the child of TestASecondProcessIsToldWhoHasTheFile")
	}
	l, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("locked\n")
	bufio.NewReader(os.Stdin).ReadString('\n')
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
}

func report(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "报告.nianbao")
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLockFileIsBesideTheReportAndHidden(t *testing.T) {
	got := Path(filepath.Join("共享", "年报", "报告.nianbao"))
	want := filepath.Join("共享", "年报", ".~lock.报告.nianbao#")
	if got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
	if strings.HasSuffix(got, ".nianbao") {
		t.Error("the lock file ends in .nianbao: open dialogs and sums would take it for a report")
	}
}

func TestLockHoldsUserComputerTimeAndProcess(t *testing.T) {
	path := report(t)
	l, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(Path(path))
	if err != nil {
		t.Fatal(err)
	}
	var o Owner
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatalf("lock is not JSON: %v\n%s", err, b)
	}
	host, _ := os.Hostname()
	if o.PID != os.Getpid() || o.Host != host || o.User == "" || o.App != "nianbao" || o.File != "报告.nianbao" {
		t.Errorf("lock says %+v", o)
	}
	if d := time.Since(o.Since); d < 0 || d > time.Minute {
		t.Errorf("lock time %v is not now", o.Since)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(Path(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock still there after release: %v", err)
	}
}

// writeLock puts a lock by someone else beside path.
func writeLock(t *testing.T, path string, o Owner) {
	t.Helper()
	o.App = "nianbao"
	b, _ := json.Marshal(o)
	if err := os.WriteFile(Path(path), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// deadPID is the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	return cmd.Process.Pid
}

func TestStaleAndLiveLocks(t *testing.T) {
	host, _ := os.Hostname()
	now := time.Now()
	for _, c := range []struct {
		name     string
		owner    Owner
		takeOver bool
	}{
		{"a live process on this computer keeps it", Owner{User: "张三", Host: host, PID: os.Getppid(), Since: now.Add(-72 * time.Hour)}, false},
		{"a process gone on this computer loses it", Owner{User: "张三", Host: host, PID: deadPID(t), Since: now.Add(-time.Minute)}, true},
		{"another computer's lock of an hour ago keeps it", Owner{User: "李四", Host: "PC-OTHER", PID: 4242, Since: now.Add(-time.Hour)}, false},
		{"another computer's lock older than a day loses it", Owner{User: "李四", Host: "PC-OTHER", PID: 4242, Since: now.Add(-25 * time.Hour)}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := report(t)
			writeLock(t, path, c.owner)
			l, err := Acquire(path)
			if !c.takeOver {
				var le *LockedError
				if !errors.As(err, &le) {
					t.Fatalf("Acquire = %v, %v; want LockedError", l, err)
				}
				if le.Owner.User != c.owner.User || le.Owner.Host != c.owner.Host {
					t.Errorf("LockedError names %+v", le.Owner)
				}
				if msg := le.Error(); !strings.Contains(msg, c.owner.User) || !strings.Contains(msg, c.owner.Host) || !strings.Contains(msg, c.owner.Since.Format("2006-01-02 15:04")) {
					t.Errorf("message %q does not say who since when", msg)
				}
				if h, _ := Held(path); h == nil || h.User != c.owner.User {
					t.Errorf("Held = %v, want %s", h, c.owner.User)
				}
				return
			}
			if err != nil {
				t.Fatalf("stale lock not taken over: %v", err)
			}
			if l.TookOver == nil || l.TookOver.User != c.owner.User {
				t.Errorf("TookOver = %+v, want the stale owner %s", l.TookOver, c.owner.User)
			}
			if o, _, _ := Read(path); o.PID != os.Getpid() {
				t.Errorf("lock now says %+v, want this process", o)
			}
		})
	}
}

func TestReleaseLeavesALockTakenOverByOthers(t *testing.T) {
	path := report(t)
	l, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	other := Owner{User: "王五", Host: "PC-OTHER", PID: 7, Since: time.Now()}
	writeLock(t, path, other)
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if o, ok, _ := Read(path); !ok || o.User != "王五" {
		t.Errorf("releasing removed someone else's lock (%+v, %v)", o, ok)
	}
}

func TestClearDeadRemovesOnlyACrashedSessionsLock(t *testing.T) {
	host, _ := os.Hostname()
	path := report(t)
	dead := deadPID(t)
	writeLock(t, path, Owner{User: "me", Host: host, PID: dead, Since: time.Now()})
	if err := ClearDead(path, dead+1); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := Read(path); !ok {
		t.Fatal("ClearDead removed the lock of another process id")
	}
	if err := ClearDead(path, dead); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := Read(path); ok {
		t.Error("the crashed session's lock is still there")
	}
}

func TestAnUnreadableLockIsRespectedForAMinute(t *testing.T) {
	path := report(t)
	if err := os.WriteFile(Path(path), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Acquire(path); err == nil {
		t.Fatal("an empty lock just created (being written) was taken over")
	}
	old := time.Now().Add(-2 * time.Minute)
	os.Chtimes(Path(path), old, old)
	if _, err := Acquire(path); err != nil {
		t.Errorf("an empty lock two minutes old was not taken over: %v", err)
	}
}

// TestASecondProcessIsToldWhoHasTheFile runs a second process that holds
// the lock: this one is told its process id; when it is killed its lock is
// taken over.
func TestASecondProcessIsToldWhoHasTheFile(t *testing.T) {
	path := report(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHoldLockChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if line != "locked\n" {
		cmd.Process.Kill()
		t.Fatalf("child said %q", line)
	}
	_, err := Acquire(path)
	var le *LockedError
	if !errors.As(err, &le) || le.Owner.PID != cmd.Process.Pid {
		cmd.Process.Kill()
		t.Fatalf("second opener got %v, want the child (pid %d) named", err, cmd.Process.Pid)
	}
	cmd.Process.Kill()
	cmd.Wait()
	stdin.Close()
	l, err := Acquire(path)
	if err != nil {
		t.Fatalf("the killed child's lock was not taken over: %v", err)
	}
	if l.TookOver == nil || l.TookOver.PID != cmd.Process.Pid {
		t.Errorf("TookOver = %+v, want pid %d", l.TookOver, cmd.Process.Pid)
	}
}
