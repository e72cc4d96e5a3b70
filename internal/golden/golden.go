// Package golden is the one golden-file helper of nianbao's tests. A golden
// file lives under the test's testdata/ folder; UPDATE_GOLDEN=1 rewrites it
// with the actual output, and on a mismatch the actual output is written to
// testdata/failed/ under the same name, so it can be inspected and promoted.
package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Dir is the folder, relative to the test's package, that holds the golden
// files; Failed is where actual outputs that differ are written.
const (
	Dir    = "testdata"
	Failed = "testdata/failed"
)

// Update reports whether the golden files are being rewritten
// (UPDATE_GOLDEN set in the environment).
func Update() bool { return os.Getenv("UPDATE_GOLDEN") != "" }

// Assert compares got with the golden file testdata/name. With
// UPDATE_GOLDEN=1 it writes got there instead. On a mismatch it writes got
// to testdata/failed/name and fails the test, showing the first lines that
// differ.
func Assert(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join(Dir, name)
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(want, got) {
		failed := WriteFailed(t, name, got)
		t.Errorf("%s differs from the golden file; actual output written to %s (UPDATE_GOLDEN=1 accepts it)\n%s",
			path, failed, FirstDifference(string(want), string(got)))
	}
}

// WriteFailed writes an actual output to testdata/failed/name for a test
// that compares in its own way, and returns the path written.
func WriteFailed(t testing.TB, name string, got []byte) string {
	t.Helper()
	failed := filepath.Join(Failed, name)
	if err := os.MkdirAll(filepath.Dir(failed), 0o755); err != nil {
		t.Logf("cannot keep the actual output: %v", err)
		return failed
	}
	if err := os.WriteFile(failed, got, 0o644); err != nil {
		t.Logf("cannot keep the actual output: %v", err)
	}
	return failed
}

// FirstDifference describes the first line at which want and got differ
// ("" when they are equal).
func FirstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, a, b)
		}
	}
	return ""
}
