// Package testfs gives tests the real filesystems that saves meet in
// offices: a small disk that fills up, a read-only disk, an immutable file
// or folder. They need root (mount, chattr) on Linux; where that is not
// possible the test is skipped with a message saying why. Only tests import
// this package.
package testfs

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Tmpfs mounts a tmpfs of the given size (such as "64k") on a new folder
// and unmounts it when the test ends. It skips the test where mounting is
// impossible (not Linux, not root, no mount permission in a container).
func Tmpfs(t testing.TB, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("a small disk needs a Linux tmpfs (running on %s)", runtime.GOOS)
	}
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a %s tmpfs here (needs root and mount permission): %v %s", size, err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// ReadOnly remounts a tmpfs made by Tmpfs read-only, as a write-protected
// USB stick or a read-only share is.
func ReadOnly(t testing.TB, dir string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s read-only: %v %s", dir, err, out)
	}
}

// Fill writes a file in dir until the disk is full.
func Fill(t testing.TB, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 1024)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	for _, n := range []int{512, 256, 64, 16, 1} {
		for {
			if _, err := f.Write(block[:n]); err != nil {
				break
			}
		}
	}
	f.Sync()
}

// Immutable makes a file or folder immutable with chattr +i, which stops
// even root from changing it (and a folder from getting new files), and
// undoes it when the test ends. It skips the test where chattr is missing
// or the filesystem does not support it.
func Immutable(t testing.TB, path string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skipf("chattr +i needs Linux (running on %s)", runtime.GOOS)
	}
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Skipf("cannot make %s immutable here (chattr +i needs root and ext4/xfs/btrfs): %v %s", path, err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", path).Run() })
}
