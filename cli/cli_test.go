package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A first argument is a subcommand, an unknown subcommand (answered with
// 未知命令 and exit 2), or a report file for the window.
func TestIsCommand(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "baogao")
	if err := os.WriteFile(existing, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want bool
	}{
		{"nothing opens the window", nil, false},
		{"a known command", []string{"check", "a.nianbao"}, true},
		{"help", []string{"--help"}, true},
		{"an unknown word is a command, not a file", []string{"docxx", "x"}, true},
		{"a report file opens the window", []string{"报告.nianbao"}, false},
		{"a path opens the window", []string{"/tmp/a"}, false},
		{"a file without extension that exists opens the window", []string{existing}, false},
		{"a Chinese file name opens the window", []string{"年报"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsCommand(tc.args); got != tc.want {
				t.Errorf("IsCommand(%q) = %v, want %v", tc.args, got, tc.want)
			}
		})
	}
}

func TestUnknownCommandNamesIt(t *testing.T) {
	code, out, errs := execCLI("docxx", "x")
	if code != ExitUnusable {
		t.Errorf("exit %d, want %d", code, ExitUnusable)
	}
	if !strings.Contains(errs, "未知命令“docxx”") || !strings.Contains(errs, "check") {
		t.Errorf("stderr does not name the command and list the commands:\n%s", errs)
	}
	if out != "" {
		t.Errorf("stdout not empty: %q", out)
	}
}
