package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// recovery keeps this session's recovery copy: the report as it is in the
// window, written a few seconds after typing stops (recoveryDelay), at the
// latest every 30 s while typing goes on, and when the window loses the
// focus; in the recovery folder, never over the user's file. Saving or a
// clean close removes it; one left behind by a crash is offered back at the
// next start, or when its file is opened.
type recovery struct {
	dir string
	id  string // this session: pid and start time
	// timer writes the copy recoveryDelay after the last edit.
	timer *time.Timer
}

// recoveryDelay is how long after the last keystroke the recovery copy is
// written: what a crash can lose at most.
const recoveryDelay = 3 * time.Second

// recoveryMeta is written next to a copy: where the report came from.
type recoveryMeta struct {
	Path  string    `json:"path"` // the user's file, "" when never saved
	Saved time.Time `json:"saved"`
	PID   int       `json:"pid"`
}

// leftover is a recovery copy of a session that did not close cleanly.
type leftover struct {
	file string
	meta recoveryMeta
}

func newRecovery(dir string) *recovery {
	return &recovery{dir: dir, id: fmt.Sprintf("%d-%d", os.Getpid(), time.Now().Unix())}
}

func (rc *recovery) copyPath() string { return filepath.Join(rc.dir, rc.id+reports.FileExtension) }
func (rc *recovery) metaPath() string { return filepath.Join(rc.dir, rc.id+".json") }

// save writes the recovery copy of r, which belongs to the file path.
func (rc *recovery) save(r *reports.Report, path string) error {
	data, err := reports.Marshal(r)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(rc.dir, 0o700); err != nil {
		return fmt.Errorf("create recovery folder: %w", err)
	}
	if err := reports.WriteFileAtomic(rc.copyPath(), data, false); err != nil {
		return err
	}
	meta, _ := json.Marshal(recoveryMeta{Path: path, Saved: time.Now(), PID: os.Getpid()})
	return reports.WriteFileAtomic(rc.metaPath(), meta, false)
}

// clear removes this session's copy (after a save or a clean close).
func (rc *recovery) clear() {
	os.Remove(rc.copyPath())
	os.Remove(rc.metaPath())
}

// leftovers lists copies of sessions that are no longer running, newest first.
func (rc *recovery) leftovers() []leftover {
	entries, err := os.ReadDir(rc.dir)
	if err != nil {
		return nil
	}
	var out []leftover
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, reports.FileExtension) || strings.HasPrefix(name, rc.id) {
			continue
		}
		id := strings.TrimSuffix(name, reports.FileExtension)
		var m recoveryMeta
		if b, err := os.ReadFile(filepath.Join(rc.dir, id+".json")); err == nil {
			json.Unmarshal(b, &m)
		}
		if m.PID == 0 {
			if pid, err := strconv.Atoi(strings.SplitN(id, "-", 2)[0]); err == nil {
				m.PID = pid
			}
		}
		if m.PID != 0 && m.PID != os.Getpid() && processAlive(m.PID) {
			continue // another window is still working on it
		}
		if m.Saved.IsZero() {
			if info, err := e.Info(); err == nil {
				m.Saved = info.ModTime()
			}
		}
		out = append(out, leftover{file: filepath.Join(rc.dir, name), meta: m})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].meta.Saved.After(out[j].meta.Saved) })
	return out
}

// archive moves a leftover copy into the folder "old", so that declining
// to recover loses nothing.
func (rc *recovery) archive(l leftover) error {
	old := filepath.Join(rc.dir, "old")
	if err := os.MkdirAll(old, 0o700); err != nil {
		return err
	}
	base := strings.TrimSuffix(filepath.Base(l.file), reports.FileExtension)
	if err := os.Rename(l.file, filepath.Join(old, base+reports.FileExtension)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	os.Rename(filepath.Join(rc.dir, base+".json"), filepath.Join(old, base+".json"))
	return nil
}

// autosaveLoop writes a recovery copy every AutosaveEvery until the window
// closes, so that long stretches of typing without a pause are kept too.
func (s *shell) autosaveLoop() {
	t := time.NewTicker(s.opts.AutosaveEvery)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			fyne.Do(s.autosave)
		}
	}
}

// scheduleAutosave writes the recovery copy RecoveryDelay after the last
// edit: called on every edit, it restarts the wait.
func (s *shell) scheduleAutosave() {
	if s.recovery == nil {
		return
	}
	if s.recovery.timer != nil {
		s.recovery.timer.Stop()
	}
	stop := s.stop
	s.recovery.timer = time.AfterFunc(s.opts.RecoveryDelay, func() {
		select {
		case <-stop:
		default:
			fyne.Do(s.autosave)
		}
	})
}

// autosave writes the recovery copy when there are changes not yet in it.
func (s *shell) autosave() {
	if s.recovery == nil || !s.dirty || s.autosaved == s.edits {
		return
	}
	select {
	case <-s.stop:
		return // closed: the copy was removed on purpose
	default:
	}
	edits := s.edits // the edits this copy holds
	if err := s.recovery.save(s.editor.Report(), s.path); err != nil {
		s.setStatus("自动保存恢复副本失败：%s（不影响正常保存）", errorText(err))
		return
	}
	s.autosaved = edits
}

// samePath reports whether two paths name the same file (case-insensitive
// on Windows).
func samePath(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	a, b = filepath.Clean(a), filepath.Clean(b)
	if runtime.GOOS == "windows" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// newerThanFile reports whether a leftover copy holds changes not in its
// file: the file does not exist (any more), or was last written before the
// copy.
func (l leftover) newerThanFile() bool {
	if l.meta.Path == "" {
		return true
	}
	info, err := os.Stat(l.meta.Path)
	if err != nil {
		return true
	}
	return l.meta.Saved.After(info.ModTime())
}

// pending are the leftover copies worth offering, newest first; copies
// older than their file (saved again since, by another window) are moved to
// old/ without a word, as they hold nothing new.
func (rc *recovery) pending() []leftover {
	var out []leftover
	for _, l := range rc.leftovers() {
		if !l.newerThanFile() {
			rc.archive(l)
			continue
		}
		out = append(out, l)
	}
	return out
}

// pendingFor are the copies of the file path, newest first.
func (rc *recovery) pendingFor(path string) []leftover {
	var out []leftover
	for _, l := range rc.pending() {
		if l.meta.Path != "" && samePath(l.meta.Path, path) {
			out = append(out, l)
		}
	}
	return out
}

// offerRecoveryAtStart offers what crashes left: the copy of the file the
// window opened with, or, started without a file, the list of all copies.
func (s *shell) offerRecoveryAtStart() {
	if s.recovery == nil {
		return
	}
	if s.path != "" {
		s.offerRecoveryFor(s.path)
		if others := len(s.recovery.pending()) - len(s.recovery.pendingFor(s.path)); others > 0 {
			s.setStatus("另有 %d 份其他报告的恢复副本，可在“文件 → 恢复未保存的修改”中查看。", others)
		}
		return
	}
	if left := s.recovery.pending(); len(left) > 0 {
		s.showRecoveryList(left)
	}
}

// offerRecoveryFor asks, for the file just opened, whether to restore the
// newest copy a crash left of it.
func (s *shell) offerRecoveryFor(path string) {
	if s.recovery == nil {
		return
	}
	left := s.recovery.pendingFor(path)
	if len(left) == 0 {
		return
	}
	l := left[0]
	r, err := reports.Load(l.file)
	if err != nil {
		s.recovery.archive(l)
		return
	}
	msg := fmt.Sprintf("上次程序没有正常关闭。下面这份报告有 %s 自动保存的修改，比文件里的新：\n%s\n%s\n\n要恢复这些修改吗？恢复后请检查内容，再保存。选“不恢复”时，副本移到恢复文件夹下的 old 文件夹里，不会删除。",
		l.meta.Saved.Format("2006年1月2日 15:04"), shortenPath(path, messageWidth, labelWidth), r.Title())
	dialog.ShowCustomConfirm("恢复未保存的修改", "恢复", "不恢复", newMessageLabel(msg), func(ok bool) {
		if ok {
			s.restore(l, r)
		} else {
			afterRecoveryChoice(l.meta.Path, l.meta.PID)
		}
		for i, l := range left {
			if i > 0 {
				afterRecoveryChoice(l.meta.Path, l.meta.PID)
			}
			if err := s.recovery.archive(l); err != nil {
				s.setStatus("无法移动恢复副本：%s", errorText(err))
			}
		}
	}, s.win)
}

// restore puts a recovered report in the editor as unsaved changes of its
// file, and writes this session's own copy of it at once.
func (s *shell) restore(l leftover, r *reports.Report) {
	s.setReport(r, l.meta.Path, true)
	s.claimRecovered(l.meta.Path, l.meta.PID, l.meta.Saved)
	s.autosave()
	s.setStatus("已恢复 %s 自动保存的修改。请检查后保存。", l.meta.Saved.Format("1月2日 15:04"))
}

// showRecoveryList lists the copies crashes left, each with 恢复 and 不恢复;
// the ones left alone are offered again next time.
func (s *shell) showRecoveryList(left []leftover) {
	var d *dialog.CustomDialog
	rows := container.NewVBox()
	remaining := len(left)
	for _, l := range left {
		r, err := reports.Load(l.file)
		if err != nil {
			s.recovery.archive(l)
			remaining--
			continue
		}
		from := "尚未保存过的新报告"
		if l.meta.Path != "" {
			from = shortenPath(l.meta.Path, messageWidth-20, labelWidth)
		}
		desc := widget.NewLabel(fmt.Sprintf("%s\n%s\n%s 自动保存", r.Title(), from, l.meta.Saved.Format("2006年1月2日 15:04")))
		var row *fyne.Container
		restore := widget.NewButton("恢复", func() {
			d.Hide()
			s.confirmDiscard(func() {
				s.restore(l, r)
				s.recovery.archive(l)
				// Older copies of the same file hold nothing the restored one lacks.
				for _, o := range left {
					if o.file != l.file && o.meta.Path != "" && samePath(o.meta.Path, l.meta.Path) {
						s.recovery.archive(o)
					}
				}
			})
		})
		restore.Importance = widget.HighImportance
		discard := widget.NewButton("不恢复", func() {
			afterRecoveryChoice(l.meta.Path, l.meta.PID)
			s.recovery.archive(l)
			rows.Remove(row)
			if remaining--; remaining == 0 {
				d.Hide()
			}
		})
		row = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(restore, discard)), desc), widget.NewSeparator())
		rows.Add(row)
	}
	if remaining == 0 {
		return
	}
	intro := newMessageLabel("上次程序没有正常关闭，下面的报告有未保存的修改（按时间从新到旧）。选“恢复”把修改放回编辑窗口，检查后再保存；选“不恢复”时副本移到恢复文件夹下的 old 文件夹里，不会删除；关闭此窗口则下次再问。")
	d = dialog.NewCustom("恢复未保存的修改", "关闭", container.NewBorder(intro, nil, nil, nil, container.NewVScroll(rows)), s.win)
	d.Resize(fyne.NewSize(messageWidth+200, min(float32(200+110*remaining), 600)))
	d.Show()
}

// onRecoveryMenu is 文件 → 恢复未保存的修改: the list, or that there is none.
func (s *shell) onRecoveryMenu() {
	if s.recovery == nil {
		return
	}
	left := s.recovery.pending()
	if len(left) == 0 {
		dialog.ShowInformation("恢复未保存的修改", "没有需要恢复的修改：上次程序是正常关闭的。", s.win)
		return
	}
	s.showRecoveryList(left)
}
