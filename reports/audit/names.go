package audit

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"nianbao/reports/gazetteer"
)

// DivisionFunc gives the administrative division code of an organ from its
// name (the gazetteer), and false when the name does not resolve. Units are
// paired across years and with the roster by this code when both sides
// resolve, and by their normalised names otherwise.
type DivisionFunc func(organ string) (code string, ok bool)

// govOffice are the endings of a government's general office (县政府办),
// a unit of its own, distinct from the government.
var govOffice = []string{"人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "人民政府办", "政府办"}

// dropped are endings that name the same unit with or without them.
var dropped = []string{"人民政府", "政府", "街道办事处", "办事处"}

// NormName is the name units are compared by when no division code is
// known: without spaces, punctuation and brackets, full-width letters and
// digits made half-width, and the endings that the same organ writes one
// year and leaves out the next made alike: 某乡人民政府, 某乡政府 and 某乡 are
// one unit; 某县人民政府办公室 and 某县政府办 are one unit, another than 某县人民政府;
// 某某街道办事处 is 某某街道.
func NormName(s string) string {
	s = width.Fold.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
	for _, e := range govOffice {
		if strings.HasSuffix(s, e) && len(s) > len(e) {
			return strings.TrimSuffix(s, e) + "政府办"
		}
	}
	for _, e := range dropped {
		if strings.HasSuffix(s, e) && len(s) > len(e) {
			s = strings.TrimSuffix(s, e)
			if e == "街道办事处" {
				s += "街道"
			}
			break
		}
	}
	return s
}

// ident is who a unit is: its division code when the gazetteer resolves
// its name, and its normalised full and short names.
type ident struct {
	code  string
	names []string
}

func identify(div DivisionFunc, full, short string) ident {
	var id ident
	for _, n := range []string{full, short} {
		if n == "" || div == nil {
			continue
		}
		if code, ok := div(n); ok && code != "" {
			id.code = code
			break
		}
	}
	for _, n := range []string{full, short} {
		if k := NormName(n); k != "" && !slices.Contains(id.names, k) {
			id.names = append(id.names, k)
		}
	}
	return id
}

// same reports whether two idents are the same unit: by code when both
// have one, else by any normalised name.
func (a ident) same(b ident) bool {
	if a.code != "" && b.code != "" {
		return a.code == b.code
	}
	for _, n := range a.names {
		if slices.Contains(b.names, n) {
			return true
		}
	}
	return false
}

// identIndex finds units by ident.
type identIndex struct {
	byCode map[string]int
	byName map[string][]int
	ids    []ident
}

func newIdentIndex() *identIndex {
	return &identIndex{byCode: map[string]int{}, byName: map[string][]int{}}
}

// add records id as item i (the first item of a code or name wins lookups).
func (x *identIndex) add(i int, id ident) {
	for len(x.ids) <= i {
		x.ids = append(x.ids, ident{})
	}
	x.ids[i] = id
	if id.code != "" {
		if _, ok := x.byCode[id.code]; !ok {
			x.byCode[id.code] = i
		}
	}
	for _, n := range id.names {
		x.byName[n] = append(x.byName[n], i)
	}
}

// find returns the first item that is the same unit as id, or -1.
func (x *identIndex) find(id ident) int {
	if id.code != "" {
		if i, ok := x.byCode[id.code]; ok {
			return i
		}
	}
	for _, n := range id.names {
		for _, i := range x.byName[n] {
			if x.ids[i].same(id) {
				return i
			}
		}
	}
	return -1
}

// Divisions is the DivisionFunc of the gazetteer: an organ is the division
// its name resolves to and what the name says after the division, made
// alike as NormName does, so 新源县别斯托别乡人民政府 and 别斯托别乡政府 are one
// unit while 新源县人民政府 and 新源县教育局 (one division) stay two.
func Divisions(organ string) (string, bool) {
	res := gazetteer.Resolve(organ)
	if !res.OK() {
		return "", false
	}
	return res.Division.Code() + "/" + NormName("某" + res.Rest)[len("某"):], true
}
