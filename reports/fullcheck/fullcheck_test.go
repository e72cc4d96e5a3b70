package fullcheck

import (
	"testing"

	"nianbao/reports"
)

func codes(fs []reports.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Code]++
	}
	return m
}

func TestRun(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(r *reports.Report)
		missing int // PDF_MISSING_CHAR findings expected
	}{
		{"the sample prints whole", func(*reports.Report) {}, 0},
		{"a character no font has is found", func(r *reports.Report) { r.Preamble += "\U0001F600" }, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := reports.Sample()
			tc.edit(r)
			got := Run(r, nil)
			core := reports.Check(r, nil)
			if len(got) != len(core)+tc.missing {
				t.Fatalf("Run gave %d findings, want the core's %d plus %d", len(got), len(core), tc.missing)
			}
			if n := codes(got)["PDF_MISSING_CHAR"]; n != tc.missing {
				t.Errorf("PDF_MISSING_CHAR findings = %d, want %d", n, tc.missing)
			}
		})
	}
}
