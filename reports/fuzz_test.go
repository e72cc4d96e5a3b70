package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"nianbao/assets"
)

// FuzzParse feeds the loader arbitrary bytes. It must never panic, and
// whatever it accepts must survive Marshal → Parse unchanged (and Marshal
// must then be stable), so that opening and saving a file never alters
// what the clerk wrote. Check must not panic on anything Parse accepts.
func FuzzParse(f *testing.F) {
	f.Add(assets.Sample)
	if b, err := Marshal(NextYear(filledReport(), 2024)); err == nil {
		f.Add(b)
	}
	bad, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.nianbao"))
	for _, p := range bad {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err != nil {
			if r != nil {
				t.Fatal("Parse returned a report with an error")
			}
			return
		}
		Check(r, nil)
		b, err := Marshal(r)
		if err != nil {
			t.Fatalf("Marshal of a parsed report: %v", err)
		}
		r2, err := Parse(b)
		if err != nil {
			t.Fatalf("Parse(Marshal(r)): %v\n%s", err, b)
		}
		if !reflect.DeepEqual(r, r2) {
			t.Fatalf("round trip changed the report:\n%+v\n%+v", r, r2)
		}
		b2, _ := Marshal(r2)
		if !bytes.Equal(b, b2) {
			t.Fatal("Marshal is not stable")
		}
	})
}
