// Package filelock keeps the lock file that marks a report file as open
// for editing, so that a second nianbao (another window, another process,
// another computer over a shared folder) can say who has it open since when
// instead of letting two people overwrite each other's work.
//
// The lock of 报告.nianbao is the file ".~lock.报告.nianbao#" beside it (the
// name LibreOffice and WPS use): hidden on Linux by its dot and on Windows by
// the hidden attribute, and not ending in .nianbao, so neither the open
// dialog's filter nor a folder sum ever takes it for a report. It holds one
// JSON object naming the user, the computer, the process and the time.
package filelock

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"
)

// StaleAfter is how old a lock from another computer must be before it is
// taken over: its process cannot be asked from here, and nobody keeps a
// report open for a day.
const StaleAfter = 24 * time.Hour

// appName is written into every lock, so a stray file is recognisable.
const appName = "nianbao"

// Owner is who holds a lock: what the lock file says.
type Owner struct {
	App   string    `json:"app"`
	User  string    `json:"user"`
	Host  string    `json:"host"`
	PID   int       `json:"pid"`
	Since time.Time `json:"since"`
	// File is the report's name when the lock was taken (for people who
	// find the lock file and wonder what it is).
	File string `json:"file"`
}

// Describe says who and since when in Chinese: "张三（电脑 PC-01）自 2026-01-12 09:30 起".
func (o Owner) Describe() string {
	who := o.User
	if who == "" {
		who = "未知用户"
	}
	host := ""
	if o.Host != "" {
		host = "（电脑 " + o.Host + "）"
	}
	if o.Since.IsZero() {
		return who + host
	}
	return fmt.Sprintf("%s%s自 %s 起", who, host, o.Since.Local().Format("2006-01-02 15:04"))
}

// sameOwner reports whether two owners are the same session.
func (o Owner) sameOwner(p Owner) bool {
	return o.Host == p.Host && o.PID == p.PID && o.User == p.User && o.Since.Equal(p.Since)
}

// Lock is a lock this process holds.
type Lock struct {
	report string
	owner  Owner
	// TookOver is the stale lock this one replaced, if any: the caller says
	// so to the user.
	TookOver *Owner
}

// LockedError is returned by Acquire when someone else holds the lock.
type LockedError struct {
	Report string
	Owner  Owner
}

// Error names the report and who has it open, in Chinese.
func (e *LockedError) Error() string {
	return fmt.Sprintf("“%s”正由 %s打开编辑", filepath.Base(e.Report), e.Owner.Describe())
}

// Path is the lock file of a report file.
func Path(report string) string {
	return filepath.Join(filepath.Dir(report), ".~lock."+filepath.Base(report)+"#")
}

// Me is the owner this process writes into its locks.
func Me() Owner {
	o := Owner{App: appName, PID: os.Getpid(), Since: time.Now().Truncate(time.Second)}
	o.Host, _ = os.Hostname()
	if u, err := user.Current(); err == nil && u.Username != "" {
		o.User = u.Username
		if i := strings.LastIndexByte(o.User, '\\'); i >= 0 { // DOMAIN\user
			o.User = o.User[i+1:]
		}
	}
	for _, env := range []string{"USER", "USERNAME", "LOGNAME"} {
		if o.User == "" {
			o.User = os.Getenv(env)
		}
	}
	return o
}

// Read returns what the lock of report says. ok is false when there is no
// lock. A lock that is present but unreadable (being written, or damaged)
// is returned with a zero Owner apart from Since, its modification time.
func Read(report string) (o Owner, ok bool, err error) {
	lp := Path(report)
	data, err := os.ReadFile(lp)
	if errors.Is(err, fs.ErrNotExist) {
		return Owner{}, false, nil
	}
	if err != nil {
		return Owner{}, false, fmt.Errorf("read lock %s: %w", lp, err)
	}
	if json.Unmarshal(data, &o) != nil || o.App != appName {
		o = Owner{}
		if fi, err := os.Stat(lp); err == nil {
			o.Since = fi.ModTime()
		}
	}
	return o, true, nil
}

// Stale reports whether a lock can be taken over: its process is gone on
// this computer, or it is older than StaleAfter from another computer (or
// unreadable and older than a minute).
func Stale(o Owner, now time.Time) bool {
	if o.PID == 0 && o.Host == "" { // unreadable
		return now.Sub(o.Since) > time.Minute
	}
	host, _ := os.Hostname()
	if strings.EqualFold(o.Host, host) {
		return o.PID != os.Getpid() && !processAlive(o.PID)
	}
	return now.Sub(o.Since) > StaleAfter
}

// Held returns the live owner of report's lock other than this process, or
// nil when the report is free (no lock, a stale one, or this process's own).
// It only looks: to write a report, take the lock with Acquire.
func Held(report string) (*Owner, error) {
	o, ok, err := Read(report)
	if err != nil || !ok {
		return nil, err
	}
	if mine(o) || Stale(o, time.Now()) {
		return nil, nil
	}
	return &o, nil
}

func mine(o Owner) bool {
	host, _ := os.Hostname()
	return o.PID == os.Getpid() && strings.EqualFold(o.Host, host)
}

// Acquire takes the lock of report for this process. When someone else
// holds it, it returns a *LockedError naming them. A stale lock is taken
// over and named in the returned Lock's TookOver. A lock this process
// already holds is returned again.
func Acquire(report string) (*Lock, error) {
	me := Me()
	me.File = filepath.Base(report)
	var tookOver *Owner
	for attempt := 0; attempt < 3; attempt++ {
		err := create(Path(report), me)
		if err == nil {
			return &Lock{report: report, owner: me, TookOver: tookOver}, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("create lock file %s: %w", Path(report), err)
		}
		o, ok, err := Read(report)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue // released meanwhile
		}
		if mine(o) {
			return &Lock{report: report, owner: o}, nil
		}
		if !Stale(o, time.Now()) {
			return nil, &LockedError{Report: report, Owner: o}
		}
		// Take the stale lock over: remove it only if it is still the one
		// judged stale (another nianbao may have taken it over meanwhile).
		if again, ok, _ := Read(report); ok && again.sameOwner(o) {
			if err := os.Remove(Path(report)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("remove stale lock %s: %w", Path(report), err)
			}
		}
		stale := o
		tookOver = &stale
	}
	return nil, fmt.Errorf("create lock file %s: it keeps coming back", Path(report))
}

// create makes the lock file with O_EXCL, so that of two nianbao starting
// at the same moment only one gets it, and writes the owner into it.
func create(lp string, o Owner) error {
	data, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.OpenFile(lp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, werr := f.Write(append(data, '\n'))
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(lp)
		return werr
	}
	hide(lp)
	return nil
}

// Report is the report file the lock is for.
func (l *Lock) Report() string { return l.report }

// Release removes the lock file if it is still this process's lock (a
// lock taken over by someone else is left to them). Releasing nil is a
// no-op.
func (l *Lock) Release() error {
	if l == nil {
		return nil
	}
	o, ok, err := Read(l.report)
	if err != nil || !ok {
		return err
	}
	if !o.sameOwner(l.owner) && !mine(o) {
		return nil
	}
	if err := os.Remove(Path(l.report)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove lock %s: %w", Path(l.report), err)
	}
	return nil
}

// ClearDead removes the lock of report if it was left on this computer by
// the process pid, which is no longer running: after crash recovery the
// crashed session's lock must not keep others out.
func ClearDead(report string, pid int) error {
	o, ok, err := Read(report)
	if err != nil || !ok {
		return err
	}
	host, _ := os.Hostname()
	if o.PID != pid || !strings.EqualFold(o.Host, host) || pid == os.Getpid() || processAlive(pid) {
		return nil
	}
	if err := os.Remove(Path(report)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove lock %s: %w", Path(report), err)
	}
	return nil
}
