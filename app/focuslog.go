package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
)

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
