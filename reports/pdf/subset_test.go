package pdf

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signintech/gopdf"

	"nianbao/assets"
)

// glyphCount reads maxp.numGlyphs.
func glyphCount(t *testing.T, data []byte) int {
	t.Helper()
	sf, err := parseSFNT(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	return int(binary.BigEndian.Uint16(sf.table("maxp")[4:]))
}

func TestSubsetKeepsOnlyUsedGlyphs(t *testing.T) {
	face, err := newFace("nianbao-fang", assets.FontFang)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		text   string
		glyphs int // .notdef plus one per distinct character
	}{
		{"a few characters", "政府信息公开", 7},
		{"repeated characters count once", "公开公开公开", 3},
		{"digits and punctuation", "2024年1月19日，", 10},
		{"nothing", "", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sub, err := subsetFont(face, []rune(c.text))
			if err != nil {
				t.Fatal(err)
			}
			if n := glyphCount(t, sub); n != c.glyphs {
				t.Errorf("subset has %d glyphs, want %d", n, c.glyphs)
			}
			m, err := newFace("sub", sub)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range c.text {
				if !m.m.has(r) || m.m.advance(r) != face.m.advance(r) {
					t.Errorf("%c: in subset %v, advance %.3f, want %.3f", r, m.m.has(r), m.m.advance(r), face.m.advance(r))
				}
			}
			if m.m.has('国') && !strings.ContainsRune(c.text, '国') {
				t.Error("the subset maps a character it was not asked for")
			}
			pdf := gopdf.GoPdf{}
			pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
			if err := pdf.AddTTFFontData("sub", sub); err != nil {
				t.Errorf("gopdf refuses the subset: %v", err)
			}
			checkChecksums(t, sub)
		})
	}
}

// checkChecksums checks a font file's table checksums (head's counted with
// a zero adjustment) and its whole-file checksum, 0xB1B0AFBA.
func checkChecksums(t *testing.T, font []byte) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		e := font[12+16*i:]
		tag := string(e[:4])
		off, length := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		body := append([]byte(nil), font[off:off+(length+3)&^3]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(body[8:], 0)
		}
		if got, want := binary.BigEndian.Uint32(e[4:]), checksum(body); got != want {
			t.Errorf("table %s: checksum %#x, want %#x", tag, got, want)
		}
	}
	if sum := checksum(font); sum != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", sum)
	}
}

func TestSubsetKeepsCompositeGlyphParts(t *testing.T) {
	const path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%s not installed (Debian fonts-dejavu-core): %v", path, err)
	}
	face, err := newFace("dejavu", data)
	if err != nil {
		t.Fatal(err)
	}
	text := "éÅ"
	sub, err := subsetFont(face, []rune(text))
	if err != nil {
		t.Fatal(err)
	}
	// é and Å are composites (e + acute, A + ring): their parts come along.
	if n := glyphCount(t, sub); n < 5 {
		t.Errorf("subset has %d glyphs, want .notdef, é, Å and their parts", n)
	}
	sf, _ := parseSFNT(sub, 0)
	loca, glyf := sf.table("loca"), sf.table("glyf")
	n := glyphCount(t, sub)
	composites := 0
	for g := 0; g < n; g++ {
		a, b := binary.BigEndian.Uint32(loca[4*g:]), binary.BigEndian.Uint32(loca[4*g+4:])
		for _, c := range components(glyf[a:b]) {
			composites++
			if c.gid <= 0 || c.gid >= n {
				t.Errorf("glyph %d refers to component %d outside the subset of %d", g, c.gid, n)
				continue
			}
			if binary.BigEndian.Uint32(loca[4*c.gid+4:]) == binary.BigEndian.Uint32(loca[4*c.gid:]) {
				t.Errorf("component %d of glyph %d is empty", c.gid, g)
			}
		}
	}
	if composites == 0 {
		t.Fatal("no composite glyph in the subset: the test font changed")
	}
	// Drawn and extracted again.
	pdf := gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	if err := pdf.AddTTFFontData("dejavu", sub); err != nil {
		t.Fatal(err)
	}
	pdf.AddPage()
	if err := pdf.SetFont("dejavu", "", 20); err != nil {
		t.Fatal(err)
	}
	pdf.SetXY(100, 100)
	if err := pdf.Text(text); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "c.pdf")
	if err := pdf.WritePdf(out); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(poppler(t, "pdftotext", "-enc", "UTF-8", out, "-")); got != text {
		t.Errorf("extracted %q, want %q", got, text)
	}
}
