package importer

import (
	"fmt"
	"slices"
	"testing"
)

// Each operator group of the content-stream interpreter, on one page with
// a simple font of 500/1000 em glyphs (F1), one with widths from FirstChar
// and a MissingWidth (F2) and a form XObject (X1): the glyphs' text,
// position, advance and size ("A@100,700+5/10"; "~" marks invisible text).
func TestPDFContentOperators(t *testing.T) {
	const start = "BT /F1 10 Tf 100 700 Td "
	cases := []struct {
		name    string
		content string
		want    []string
	}{
		{"Tj advances by the glyph widths",
			start + "(AB) Tj ET",
			[]string{"A@100,700+5/10", "B@105,700+5/10"}},
		{"TJ numbers move back by thousandths of an em",
			start + "[(A) 500 (B) -1000 (C)] TJ ET",
			[]string{"A@100,700+5/10", "B@100,700+5/10", "C@115,700+5/10"}},
		{"T* moves down by the leading that TL sets",
			start + "14 TL (A) Tj T* (B) Tj T* (C) Tj ET",
			[]string{"A@100,700+5/10", "B@100,686+5/10", "C@100,672+5/10"}},
		{"TD moves and sets the leading",
			start + "(A) Tj 0 -20 TD (B) Tj T* (C) Tj ET",
			[]string{"A@100,700+5/10", "B@100,680+5/10", "C@100,660+5/10"}},
		{"' moves to the next line and shows",
			start + "12 TL (A) Tj (B) ' (C) ' ET",
			[]string{"A@100,700+5/10", "B@100,688+5/10", "C@100,676+5/10"}},
		{"\" sets word and character spacing, then moves and shows",
			start + "12 TL 2 1 (A B) \" ET",
			[]string{"A@100,688+6/10", " @106,688+8/10", "B@114,688+6/10"}},
		{"Tc and Tw space characters and words",
			start + "1 Tc 3 Tw (A B) Tj ET",
			[]string{"A@100,700+6/10", " @106,700+9/10", "B@115,700+6/10"}},
		{"Tz scales horizontally",
			start + "50 Tz (AB) Tj ET",
			[]string{"A@100,700+2.5/10", "B@102.5,700+2.5/10"}},
		{"Ts raises the baseline",
			start + "5 Ts (A) Tj -5 Ts (B) Tj ET",
			[]string{"A@100,705+5/10", "B@105,695+5/10"}},
		{"Tr 3 is invisible text",
			start + "3 Tr (A) Tj 0 Tr (B) Tj ET",
			[]string{"A@100,700+5/10~", "B@105,700+5/10"}},
		{"Tm sets the text matrix and its size",
			"BT /F1 10 Tf 2 0 0 2 50 60 Tm (AB) Tj ET",
			[]string{"A@50,60+10/20", "B@60,60+10/20"}},
		{"Tf changes font and size",
			start + "(A) Tj /F2 20 Tf (ABC) Tj ET",
			[]string{"A@100,700+5/10", "A@105,700+12/20", "B@117,700+14/20", "C@131,700+5/20"}},
		{"cm scales the page and each Q restores its q",
			"q 2 0 0 2 0 0 cm q 3 0 0 3 0 0 cm Q BT /F1 10 Tf 10 20 Td (A) Tj ET Q BT /F1 10 Tf 10 20 Td (B) Tj ET",
			[]string{"A@20,40+10/20", "B@10,20+5/10"}},
		{"a form is drawn with its matrix",
			"q 1 0 0 1 0 -100 cm /X1 Do Q",
			[]string{"F@150,600+5/10"}},
		{"BT resets the text matrix",
			start + "(A) Tj ET BT /F1 10 Tf 30 40 Td (B) Tj ET",
			[]string{"A@100,700+5/10", "B@30,40+5/10"}},
	}
	const resources = "<< /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >>"
	fonts := []string{
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /FirstChar 65 /Widths [600 700] /FontDescriptor << /MissingWidth 250 >> >>",
		stream([]byte("BT /F1 10 Tf 100 700 Td (F) Tj ET"), "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 50 0] /Resources << /Font << /F1 5 0 R >> >>", false),
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, err := readPDF(onePage(stream([]byte(c.content), "", false), resources, fonts...))
			if err != nil {
				t.Fatal(err)
			}
			if pages[0].damaged != "" {
				t.Fatalf("page damaged: %s", pages[0].damaged)
			}
			var got []string
			for _, g := range pages[0].glyphs {
				s := fmt.Sprintf("%s@%g,%g+%g/%g", g.text, g.x, g.y, g.w, g.size)
				if g.invisible {
					s += "~"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("glyphs =\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// Paths: which painted lines are ruling segments, in device space.
func TestPDFContentPaths(t *testing.T) {
	cases := []struct {
		name    string
		content string
		want    []string
		images  int
	}{
		{"a stroked line", "10 20 m 110 20 l S", []string{"10,20-110,20"}, 0},
		{"a diagonal is no ruling line", "10 20 m 110 120 l S", nil, 0},
		{"a stroked rectangle gives its four sides", "10 20 100 50 re S",
			[]string{"10,20-110,20", "110,20-110,70", "10,70-110,70", "10,20-10,70"}, 0},
		{"h closes the subpath", "10 20 m 110 20 l 110 70 l 10 70 l h s",
			[]string{"10,20-110,20", "110,20-110,70", "10,70-110,70", "10,20-10,70"}, 0},
		{"a thin filled bar is a line through its middle", "10 20 100 1 re f 10 30 2 50 re f*",
			[]string{"10,20.5-110,20.5", "11,30-11,80"}, 0},
		{"a filled background is not", "0 0 595 842 re f", nil, 0},
		{"n ends the path without painting it", "10 20 m 110 20 l n 10 30 m 110 30 l S", []string{"10,30-110,30"}, 0},
		{"a curve's control points extend a filled shape", "10 20 m 50 22 120 22 110 20 c f",
			[]string{"10,21-120,21"}, 0},
		{"so do v's and y's", "10 20 m 120 22 110 20 v f 10 40 m 0 42 110 40 y f",
			[]string{"10,21-120,21", "0,41-110,41"}, 0},
		{"cm moves the path", "1 0 0 1 5 5 cm 10 20 m 110 20 l S", []string{"15,25-115,25"}, 0},
		{"an inline image counts and draws nothing", "BI /W 1 /H 1 /CS /G /BPC 8 ID \x00 EI 10 20 m 110 20 l S",
			[]string{"10,20-110,20"}, 1},
		{"an image XObject counts", "q 10 0 0 10 0 0 cm /Im1 Do Q", nil, 1},
	}
	image := stream([]byte{0}, "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", false)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, err := readPDF(onePage(stream([]byte(c.content), "", false), "<< /XObject << /Im1 5 0 R >> >>", image))
			if err != nil {
				t.Fatal(err)
			}
			var segs []string
			for _, s := range pages[0].segs {
				segs = append(segs, fmt.Sprintf("%g,%g-%g,%g", s.x0, s.y0, s.x1, s.y1))
			}
			if !slices.Equal(segs, c.want) {
				t.Errorf("segments = %q, want %q", segs, c.want)
			}
			if pages[0].images != c.images {
				t.Errorf("%d images, want %d", pages[0].images, c.images)
			}
		})
	}
}
