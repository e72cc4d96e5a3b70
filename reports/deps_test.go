package reports

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoFyne keeps the domain free of the GUI toolkit: nothing under
// reports/ may depend on fyne.io, so the command line, the PDF and the
// tests build and run without a display.
func TestNoFyne(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command(gobin, "list", "-deps", "nianbao/reports/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	var fyne []string
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") {
			fyne = append(fyne, p)
		}
	}
	if len(fyne) > 0 {
		t.Errorf("reports/ depends on Fyne: %v", fyne)
	}
	if !strings.Contains(string(out), "nianbao/reports\n") {
		t.Errorf("go list did not list nianbao/reports:\n%s", out)
	}
}
