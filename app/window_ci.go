//go:build ci

package app

import "fyne.io/fyne/v2"

// screenArea is unknown with Fyne's headless test driver.
func screenArea() (fyne.Size, bool) { return fyne.Size{}, false }

// nativeWindow is nil with the headless driver.
func nativeWindow() any { return nil }

// fitOnScreen does nothing with the headless driver.
func fitOnScreen(any) (w, h int, ok bool) { return 0, 0, false }
