//go:build linux

package reports

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// openElsewhere looks through every process's open files in /proc.
func openElsewhere(path string) []string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if _, err := os.Stat(abs); err != nil {
		return nil
	}
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	self := os.Getpid()
	var who []string
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil || pid == self {
			continue
		}
		fds, err := os.ReadDir(filepath.Join("/proc", p.Name(), "fd"))
		if err != nil {
			continue
		}
		for _, fd := range fds {
			target, err := os.Readlink(filepath.Join("/proc", p.Name(), "fd", fd.Name()))
			if err == nil && target == abs {
				comm, _ := os.ReadFile(filepath.Join("/proc", p.Name(), "comm"))
				who = append(who, fmt.Sprintf("%s（进程 %d）", strings.TrimSpace(string(comm)), pid))
				break
			}
		}
	}
	return who
}
