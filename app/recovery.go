package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"nianbao/reports"
)

// recovery keeps this session's recovery copy: the report as it is in the
// window, written every 30 s and when the window loses the focus, beside
// the user's file and never over it. A clean close removes it; one left
// behind by a crash is offered back at the next start.
type recovery struct {
	dir string
	id  string // this session: pid and start time
}

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

// autosaveLoop writes a recovery copy every AutosaveEvery until the window closes.
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

// autosave writes the recovery copy when there are changes not yet in it.
func (s *shell) autosave() {
	if s.recovery == nil || !s.dirty || s.autosaved == s.edits {
		return
	}
	if err := s.recovery.save(s.editor.Report(), s.path); err != nil {
		s.setStatus("自动保存恢复副本失败：%s（不影响正常保存）", errorText(err))
		return
	}
	s.autosaved = s.edits
	s.setStatus("已自动保存恢复副本（%s）", time.Now().Format("15:04:05"))
}

// offerRecovery asks whether to restore the newest copy a crash left.
func (s *shell) offerRecovery() {
	left := s.recovery.leftovers()
	if len(left) == 0 {
		return
	}
	l := left[0]
	r, err := reports.Load(l.file)
	if err != nil {
		s.recovery.archive(l)
		return
	}
	from := "（尚未保存过的新报告）"
	if l.meta.Path != "" {
		from = l.meta.Path
	}
	msg := fmt.Sprintf("上次程序没有正常关闭。找到 %s 自动保存的恢复副本：\n%s\n原文件：%s\n\n要恢复它吗？恢复后请检查内容并保存。\n选择“不恢复”时副本移到 %s，不会删除。",
		l.meta.Saved.Format("2006-01-02 15:04"), r.Title(), from, filepath.Join(s.recovery.dir, "old"))
	dialog.ShowCustomConfirm("恢复未保存的报告", "恢复", "不恢复", newWrappedLabel(msg), func(ok bool) {
		if ok {
			s.setReport(r, l.meta.Path, true)
			s.claimRecovered(l.meta.Path, l.meta.PID, l.meta.Saved)
		} else {
			afterRecoveryChoice(l.meta.Path, l.meta.PID)
			s.setStatus("已恢复 %s 自动保存的副本，请检查后保存。", l.meta.Saved.Format("01-02 15:04"))
		}
		if err := s.recovery.archive(l); err != nil {
			s.setStatus("无法移动恢复副本：%s", errorText(err))
		}
		for _, other := range left[1:] {
			afterRecoveryChoice(other.meta.Path, other.meta.PID)
			s.recovery.archive(other)
		}
	}, s.win)
}
