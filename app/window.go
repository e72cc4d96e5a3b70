package app

import (
	"fyne.io/fyne/v2"
)

// Preferences that keep the window's layout between runs.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefSplitOffset  = "window.findings_split"
)

// fallbackWindow is the window's size when neither the screen nor a
// remembered size is known.
var fallbackWindow = fyne.NewSize(1180, 700)

// windowSize is the size the window opens at: the size it had when it was
// last closed, else the whole work area of the screen; never larger than
// the work area (screen zero: unknown).
func windowSize(remembered, screen fyne.Size) fyne.Size {
	size := fallbackWindow
	if !screen.IsZero() {
		size = screen
	}
	if remembered.Width >= 400 && remembered.Height >= 300 {
		size = remembered
	}
	if !screen.IsZero() {
		size = fyne.NewSize(min(size.Width, screen.Width), min(size.Height, screen.Height))
	}
	return size
}

// restoreLayout sizes the window and the findings panel as they were.
func (s *shell) restoreLayout() {
	p := s.app.Preferences()
	remembered := fyne.NewSize(float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight)))
	s.win.Resize(windowSize(remembered, s.opts.Screen))
	if o := p.Float(prefSplitOffset); o > 0 {
		s.editor.SetSplitOffset(o)
	}
}

// saveLayout remembers the window's size and the findings panel's height.
func (s *shell) saveLayout() {
	p := s.app.Preferences()
	size := s.win.Canvas().Size()
	if size.Width >= 400 && size.Height >= 300 {
		p.SetFloat(prefWindowWidth, float64(size.Width))
		p.SetFloat(prefWindowHeight, float64(size.Height))
	}
	p.SetFloat(prefSplitOffset, s.editor.SplitOffset())
}

// fitFirstFrame, called while the first frame is drawn, moves and shrinks
// the window into the work area of the screen it opened on (the system
// may have placed it partly off the screen, or added a frame and title
// bar around the size asked for).
func (s *shell) fitFirstFrame() {
	native := nativeWindow()
	if native == nil {
		return
	}
	go fyne.Do(func() { fitOnScreen(native) })
}
