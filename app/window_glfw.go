//go:build !ci && !js && !wasm && !android && !ios

package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenArea is the work area of the primary screen (the screen less the
// taskbar, where the system tells it) in Fyne's units, or false when the
// system tells nothing. Called before the window is shown, on the main
// thread (GLFW is initialised by displayAvailable).
func screenArea() (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	_, _, w, h := m.GetWorkarea()
	if w <= 0 || h <= 0 {
		if mode := m.GetVideoMode(); mode != nil {
			w, h = mode.Width, mode.Height
		}
	}
	if w <= 0 || h <= 0 {
		return fyne.Size{}, false
	}
	scale, _ := m.GetContentScale()
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale), true
}

// nativeWindow is the window being drawn: called while a frame is drawn,
// when its OpenGL context is current.
func nativeWindow() any {
	if w := glfw.GetCurrentContext(); w != nil {
		return w
	}
	return nil
}

// fitOnScreen shrinks and moves the window, frame included, into the work
// area of the screen it is on (the screen holding its centre, else the
// primary one), and returns its size in screen units. Main thread only.
func fitOnScreen(native any) (w, h int, ok bool) {
	win, isGLFW := native.(*glfw.Window)
	if !isGLFW || win == nil {
		return 0, 0, false
	}
	x, y := win.GetPos()
	ww, wh := win.GetSize()
	l, t, r, b := win.GetFrameSize()
	m := glfw.GetPrimaryMonitor()
	cx, cy := x+ww/2, y+wh/2
	for _, mon := range glfw.GetMonitors() {
		ax, ay, aw, ah := mon.GetWorkarea()
		if cx >= ax && cx < ax+aw && cy >= ay && cy < ay+ah {
			m = mon
			break
		}
	}
	if m == nil {
		return ww, wh, false
	}
	ax, ay, aw, ah := m.GetWorkarea()
	if aw <= 0 || ah <= 0 {
		return ww, wh, false
	}
	nw, nh := min(ww, aw-l-r), min(wh, ah-t-b)
	if nw != ww || nh != wh {
		win.SetSize(nw, nh)
	}
	nx := max(min(x, ax+aw-r-nw), ax+l)
	ny := max(min(y, ay+ah-b-nh), ay+t)
	if nx != x || ny != y {
		win.SetPos(nx, ny)
	}
	return nw, nh, true
}
