//go:build !ci && !js && !wasm && !android && !ios

package app

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// displayAvailable checks that a window can be opened before Fyne tries
// (without a display Fyne fails with a Go stack trace; without OpenGL 2.1
// it logs and hangs): a display on Linux, GLFW starting, and a hidden
// window with an OpenGL 2.1 context as Fyne asks for. GLFW stays
// initialised for Fyne, which initialises it again harmlessly.
func displayAvailable() error {
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" {
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return errors.New("没有 DISPLAY 显示环境")
		}
	}
	if err := glfw.Init(); err != nil {
		return err
	}
	glfw.WindowHint(glfw.Visible, glfw.False)
	glfw.WindowHint(glfw.ContextVersionMajor, 2)
	glfw.WindowHint(glfw.ContextVersionMinor, 1)
	w, err := glfw.CreateWindow(1, 1, "nianbao", nil, nil)
	glfw.DefaultWindowHints()
	if err != nil {
		return fmt.Errorf("OpenGL 2.1 不可用：%w", err)
	}
	w.Destroy()
	return nil
}
