//go:build !ci && !js && !wasm && !android && !ios

package app

import (
	"errors"
	"os"
	"runtime"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// displayAvailable checks that a window can be opened before Fyne tries
// (it would otherwise fail with a Go stack trace): a display on Linux, and
// GLFW starting. GLFW stays initialised for Fyne, which initialises it
// again harmlessly.
func displayAvailable() error {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" {
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return errors.New("没有 DISPLAY 显示环境")
		}
	}
	if err := glfw.Init(); err != nil {
		return err
	}
	return nil
}
