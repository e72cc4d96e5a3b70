package gazetteer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzResolve feeds Resolve, Complete and NamesEnding arbitrary text: they
// must not panic, and what they return must hold together.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"新源县别斯托别乡人民政府", "城关镇", "融安县大", "\xff\xfe县", "市市市市市市", strings.Repeat("新源县", 40), ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Resolve(s, s)
		if r.OK() && (len(r.Candidates) != 1 || r.Candidates[0] != r.Division) {
			t.Fatalf("Resolve(%q): resolved to %v with candidates %v", s, r.Division, r.Candidates)
		}
		if !strings.HasSuffix(normalize(s), r.Rest) {
			t.Fatalf("Resolve(%q): rest %q is not the end of the name", s, r.Rest)
		}
		for _, c := range Complete(s, 5) {
			if c.Division.IsZero() || c.Organ == "" {
				t.Fatalf("Complete(%q) offered %+v", s, c)
			}
		}
		rs := []rune(s)
		for end := 0; end <= len(rs); end++ {
			NamesEnding(rs, end, func(start int, ds []Division) bool {
				if start < 0 || start >= end || len(ds) == 0 || !utf8.ValidString(string(rs[start:end])) {
					t.Fatalf("NamesEnding(%q, %d): start %d, %d divisions", s, end, start, len(ds))
				}
				return true
			})
		}
	})
}
