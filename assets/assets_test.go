package assets

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/sfnt"
)

// seedText returns the text of the real township report used as a seed:
// every character of it must be in the body and heading fonts.
func seedText(t *testing.T) string {
	t.Helper()
	for _, p := range []string{
		filepath.Join("..", "..", "shared", "seeds", "000_51f69ccf0222012c.txt"),
		filepath.Join("..", "shared", "seeds", "000_51f69ccf0222012c.txt"),
		"/work/shared/seeds/000_51f69ccf0222012c.txt",
	} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	// A copy of the characters that matter, used when shared/ is not beside
	// the repository: a line of the seed report.
	t.Log("seed report not found; using a built-in excerpt")
	return "别斯托别乡人民政府2023年政府信息公开工作年度报告（一）主动公开。“三安全一稳定”、《中华人民共和国政府信息公开条例》：0999-5027300；"
}

type face struct {
	name string
	data []byte
}

func faces() []face {
	return []face{
		{"title", FontTitle}, {"fang", FontFang}, {"hei", FontHei},
		{"kai", FontKai}, {"song", FontSong},
	}
}

func parse(t *testing.T, f face) *sfnt.Font {
	t.Helper()
	if !bytes.HasPrefix(f.data, []byte{0, 1, 0, 0}) {
		t.Fatalf("%s: does not start with 00 01 00 00 (TrueType outlines), got % x", f.name, f.data[:4])
	}
	font, err := sfnt.Parse(f.data)
	if err != nil {
		t.Fatalf("%s: %v", f.name, err)
	}
	return font
}

// missing returns the characters of text that font has no glyph for.
func missing(t *testing.T, font *sfnt.Font, text string) []rune {
	t.Helper()
	var buf sfnt.Buffer
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if unicode.IsControl(r) || r == ' ' || seen[r] {
			continue
		}
		seen[r] = true
		i, err := font.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatalf("GlyphIndex(%q): %v", r, err)
		}
		if i == 0 {
			out = append(out, r)
		}
	}
	return out
}

func TestFontsAreTrueTypeAndParse(t *testing.T) {
	for _, f := range faces() {
		font := parse(t, f)
		if n := font.NumGlyphs(); n < 7000 {
			t.Errorf("%s: only %d glyphs", f.name, n)
		}
		if len(f.data) > 8<<20 {
			t.Errorf("%s: %d bytes, more than 8 MiB", f.name, len(f.data))
		}
	}
}

func TestFontsCoverSeedReport(t *testing.T) {
	text := seedText(t) + "一二三四五六七八九十〇（）“”‘’《》〈〉【】、。，；：？！…—·０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩"
	for _, f := range faces() {
		if m := missing(t, parse(t, f), text); len(m) > 0 {
			t.Errorf("%s lacks %d characters: %q", f.name, len(m), string(m))
		}
	}
}

func TestSongCoversRareCharacters(t *testing.T) {
	font := parse(t, face{"song", FontSong})
	// Name characters outside GB 2312 and one outside the BMP (𠮷, U+20BB7),
	// which only a format 12 cmap can map.
	if m := missing(t, font, "堃镕喆珺赟\U00020BB7"+"彧昇翀燊琤骞"); len(m) > 0 {
		t.Errorf("song lacks %q", string(m))
	}
	// Page numbers are drawn with song: "— 1 —".
	if m := missing(t, font, "—0123456789 "); len(m) > 0 {
		t.Errorf("song lacks %q", string(m))
	}
}

func TestFangLacksRareCharacters(t *testing.T) {
	// The body font does not have these: the PDF code must fall back to song.
	// If a future fang.ttf gains them, the fallback tests elsewhere need
	// another character.
	font := parse(t, face{"fang", FontFang})
	for _, r := range "堃镕" {
		if len(missing(t, font, string(r))) == 0 {
			t.Errorf("fang.ttf has %q; the fallback path would not be exercised", r)
		}
	}
}

func TestKaiIsRenamed(t *testing.T) {
	// LXGW WenKai is OFL with Reserved Font Names "LXGW" and "霞鹜": the
	// modified subset must not carry them in its name table.
	font := parse(t, face{"kai", FontKai})
	var buf sfnt.Buffer
	for _, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDFull, sfnt.NameIDPostScript, sfnt.NameIDTypographicFamily} {
		name, err := font.Name(&buf, id)
		if err == sfnt.ErrNotFound {
			continue
		}
		if err != nil {
			t.Fatalf("name %d: %v", id, err)
		}
		if bytes.Contains([]byte(name), []byte("LXGW")) || bytes.Contains([]byte(name), []byte("霞鹜")) {
			t.Errorf("kai.ttf name %d is %q: uses a Reserved Font Name", id, name)
		}
	}
	if bytes.Contains(FontKai, []byte("\x97\x1c\x9e\x5c")) { // 霞鹜 in UTF-16BE
		t.Errorf("kai.ttf still contains 霞鹜 in its name table")
	}
}

func TestGopdfLoadsFonts(t *testing.T) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	for _, f := range faces() {
		if err := pdf.AddTTFFontData(f.name, f.data); err != nil {
			t.Fatalf("gopdf rejects %s: %v", f.name, err)
		}
		if err := pdf.SetFont(f.name, "", 16); err != nil {
			t.Fatalf("SetFont(%s): %v", f.name, err)
		}
		ok, err := pdf.IsCurrFontContainGlyph('政')
		if err != nil || !ok {
			t.Errorf("gopdf finds no 政 in %s (%v)", f.name, err)
		}
		if err := pdf.Cell(nil, "政府信息公开工作年度报告"); err != nil {
			t.Errorf("Cell with %s: %v", f.name, err)
		}
		pdf.Br(20)
	}
	if err := pdf.SetFont("song", "", 16); err != nil {
		t.Fatal(err)
	}
	for _, r := range "堃\U00020BB7" {
		if ok, err := pdf.IsCurrFontContainGlyph(r); err != nil || !ok {
			t.Errorf("gopdf finds no %q in song (%v)", r, err)
		}
	}
	var out bytes.Buffer
	if _, err := pdf.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out.Bytes(), []byte("%PDF-")) {
		t.Error("no PDF written")
	}
}

func TestIcon(t *testing.T) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatal(err)
	}
	if format != "png" || cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon is %s %d×%d, want png 512×512", format, cfg.Width, cfg.Height)
	}
	ico, err := os.ReadFile("icon.ico")
	if err != nil {
		t.Fatal(err)
	}
	// ICONDIR: reserved 0, type 1, then the count; each entry's first byte is
	// the width (0 for 256).
	if len(ico) < 6 || ico[0] != 0 || ico[2] != 1 {
		t.Fatalf("icon.ico has no ICONDIR header")
	}
	n := int(ico[4])
	var widths []int
	for i := 0; i < n; i++ {
		w := int(ico[6+16*i])
		if w == 0 {
			w = 256
		}
		widths = append(widths, w)
	}
	if fmt.Sprint(widths) != "[16 24 32 48 64 256]" {
		t.Errorf("icon.ico sizes %v", widths)
	}
}
