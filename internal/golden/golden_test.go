package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = format
}
func (r *recorder) Helper() {}

func inTemp(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.MkdirAll(Dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func TestAssert(t *testing.T) {
	tests := []struct {
		name       string
		golden     string
		got        string
		wantFail   bool
		wantFailed bool // testdata/failed/x.txt written
	}{
		{"equal output passes", "a\nb\n", "a\nb\n", false, false},
		{"a changed line fails and keeps the output", "a\nb\n", "a\nc\n", true, true},
		{"a missing line fails", "a\nb\n", "a\n", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inTemp(t)
			t.Setenv("UPDATE_GOLDEN", "")
			if err := os.WriteFile(filepath.Join(Dir, "x.txt"), []byte(tc.golden), 0o644); err != nil {
				t.Fatal(err)
			}
			r := &recorder{TB: t}
			Assert(r, "x.txt", []byte(tc.got))
			if r.failed != tc.wantFail {
				t.Errorf("failed = %v, want %v", r.failed, tc.wantFail)
			}
			b, err := os.ReadFile(filepath.Join(Failed, "x.txt"))
			if (err == nil) != tc.wantFailed {
				t.Errorf("testdata/failed/x.txt written = %v, want %v", err == nil, tc.wantFailed)
			}
			if tc.wantFailed && string(b) != tc.got {
				t.Errorf("failed output = %q, want %q", b, tc.got)
			}
		})
	}
}

func TestUpdateRewrites(t *testing.T) {
	inTemp(t)
	t.Setenv("UPDATE_GOLDEN", "1")
	Assert(t, "sub/y.txt", []byte("new"))
	b, err := os.ReadFile(filepath.Join(Dir, "sub", "y.txt"))
	if err != nil || string(b) != "new" {
		t.Fatalf("golden = %q, %v; want \"new\"", b, err)
	}
}

func TestFirstDifference(t *testing.T) {
	if d := FirstDifference("a\nb", "a\nb"); d != "" {
		t.Errorf("equal texts: %q", d)
	}
	if d := FirstDifference("a\nb", "a\nX"); !strings.Contains(d, "line 2") {
		t.Errorf("got %q, want line 2", d)
	}
}
