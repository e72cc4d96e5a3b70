package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/signintech/gopdf"

	"nianbao/assets"
	"nianbao/reports"
)

// tablesOf returns every table of a single font.
func tablesOf(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	sf, err := parseSFNT(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, tag := range sf.order {
		out[tag] = sf.table(tag)
	}
	return out
}

// renamed returns font data whose name table gives family (in Chinese
// and English), as an installed official font would.
func renamed(t *testing.T, data []byte, family, english string) []byte {
	t.Helper()
	tables := tablesOf(t, data)
	type rec struct {
		lang uint16
		id   uint16
		text string
	}
	recs := []rec{{0x0409, 1, english}, {0x0409, 4, english}, {0x0804, 1, family}, {0x0804, 4, family}}
	var strs []byte
	name := make([]byte, 6+12*len(recs))
	binary.BigEndian.PutUint16(name[2:], uint16(len(recs)))
	binary.BigEndian.PutUint16(name[4:], uint16(len(name)))
	for i, r := range recs {
		var enc []byte
		for _, u := range utf16.Encode([]rune(r.text)) {
			enc = binary.BigEndian.AppendUint16(enc, u)
		}
		e := name[6+12*i:]
		binary.BigEndian.PutUint16(e, 3)
		binary.BigEndian.PutUint16(e[2:], 1)
		binary.BigEndian.PutUint16(e[4:], r.lang)
		binary.BigEndian.PutUint16(e[6:], r.id)
		binary.BigEndian.PutUint16(e[8:], uint16(len(enc)))
		binary.BigEndian.PutUint16(e[10:], uint16(len(strs)))
		strs = append(strs, enc...)
	}
	tables["name"] = append(name, strs...)
	return assemble(tables, tagTrue)
}

// collection builds a TrueType collection (.ttc) from single fonts, each
// face keeping its own copy of its tables.
func collection(t *testing.T, fonts ...[]byte) []byte {
	t.Helper()
	header := 12 + 4*len(fonts)
	var dirs, bodies [][]byte
	var tagLists [][]string
	var tableLists []map[string][]byte
	dirSize := 0
	for _, f := range fonts {
		tables := tablesOf(t, f)
		var tags []string
		for tag := range tables {
			tags = append(tags, tag)
		}
		sort.Strings(tags)
		tagLists = append(tagLists, tags)
		tableLists = append(tableLists, tables)
		dirSize += 12 + 16*len(tags)
	}
	out := make([]byte, header, header+dirSize)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(fonts)))
	pos := header + dirSize
	for i := range fonts {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(header+len(flatten(dirs))))
		tags := tagLists[i]
		dir := make([]byte, 12+16*len(tags))
		binary.BigEndian.PutUint32(dir, 0x00010000)
		binary.BigEndian.PutUint16(dir[4:], uint16(len(tags)))
		for k, tag := range tags {
			b := tableLists[i][tag]
			e := dir[12+16*k:]
			copy(e, tag)
			binary.BigEndian.PutUint32(e[4:], checksum(b))
			binary.BigEndian.PutUint32(e[8:], uint32(pos))
			binary.BigEndian.PutUint32(e[12:], uint32(len(b)))
			padded := append(append([]byte(nil), b...), make([]byte, (4-len(b)%4)%4)...)
			bodies = append(bodies, padded)
			pos += len(padded)
		}
		dirs = append(dirs, dir)
	}
	out = append(out, flatten(dirs)...)
	return append(out, flatten(bodies)...)
}

func flatten(parts [][]byte) []byte { return bytes.Join(parts, nil) }

func TestFamilyNames(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"the embedded kai font, renamed", assets.FontKai, "年报楷体"},
		{"the embedded body font", assets.FontFang, "FandolFang"},
		{"a font renamed to 仿宋_GB2312", renamed(t, assets.FontHei, "仿宋_GB2312", "FangSong_GB2312"), "仿宋_GB2312"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sf, err := parseSFNT(c.data, 0)
			if err != nil {
				t.Fatal(err)
			}
			if names := sf.familyNames(); !contains(names, c.want) {
				t.Errorf("family names %q lack %q", names, c.want)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestCollectionFaceIsExtracted(t *testing.T) {
	ttc := collection(t, assets.FontKai, assets.FontHei)
	offs, err := faceOffsets(ttc)
	if err != nil || len(offs) != 2 {
		t.Fatalf("faces %v, %v: want 2", offs, err)
	}
	for i, src := range [][]byte{assets.FontKai, assets.FontHei} {
		face, err := standalone(ttc, i)
		if err != nil {
			t.Fatalf("face %d: %v", i, err)
		}
		if !bytes.HasPrefix(face, []byte{0, 1, 0, 0}) {
			t.Fatalf("face %d is not a TrueType font", i)
		}
		got, err := parseSFNT(face, 0)
		if err != nil {
			t.Fatal(err)
		}
		want := tablesOf(t, src)
		for tag, b := range want {
			if tag == "head" {
				continue // the checksum adjustment is recomputed
			}
			if !bytes.Equal(got.table(tag), b) {
				t.Errorf("face %d: table %q differs from the source font", i, tag)
			}
		}
		checkChecksums(t, face)
		// gopdf loads it and can draw with it.
		pdf := gopdf.GoPdf{}
		pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
		if err := pdf.AddTTFFontData("f", face); err != nil {
			t.Fatalf("gopdf refuses face %d: %v", i, err)
		}
	}
	if _, err := standalone(ttc, 2); !errors.Is(err, errCollection) {
		t.Errorf("face 2 of 2: err = %v, want errCollection", err)
	}
}

func TestCFFCollectionIsRefusedClearly(t *testing.T) {
	const path = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not installed (Debian fonts-noto-cjk)", path)
	}
	_, err := LoadFontFile(&FontFile{Path: path, Index: 2})
	if err == nil || !errors.Is(err, errCFF) || !strings.Contains(err.Error(), "CFF") || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want a message that names the file and the CFF outlines", err)
	}
	// The finder skips it, so it is never offered.
	for _, f := range scanFontFile(path) {
		t.Errorf("CFF face %d offered: %v", f.index, f.names)
	}
}

func TestNotAFontIsRefused(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("hello, world"), bytes.Repeat([]byte{0}, 64)} {
		if _, err := standalone(data, 0); err == nil {
			t.Errorf("%q accepted as a font", data)
		}
	}
}

// officialDir builds a font folder like an office PC's: 仿宋_GB2312 as a
// .ttf, 黑体 and 楷体 as faces of one .ttc, and an unrelated font.
func officialDir(t *testing.T) string {
	dir := t.TempDir()
	sub := filepath.Join(dir, "Fonts", "user")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(path string, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "Fonts", "FANGSONG_GB2312.TTF"), renamed(t, assets.FontFang, "仿宋_GB2312", "FangSong_GB2312"))
	write(filepath.Join(sub, "heikai.ttc"), collection(t,
		renamed(t, assets.FontHei, "黑体", "SimHei"),
		renamed(t, assets.FontKai, "楷体", "KaiTi")))
	write(filepath.Join(dir, "Fonts", "other.ttf"), assets.FontTitle)
	write(filepath.Join(dir, "Fonts", "readme.txt"), []byte("not a font"))
	return dir
}

func TestFindOfficialFonts(t *testing.T) {
	dir := officialDir(t)
	set := findFonts([]string{dir, filepath.Join(dir, "missing")})
	want := map[Role]struct {
		family, file string
		index        int
	}{
		RoleFang: {"仿宋_GB2312", "FANGSONG_GB2312.TTF", 0},
		RoleHei:  {"黑体", "heikai.ttc", 0},
		RoleKai:  {"楷体", "heikai.ttc", 1},
	}
	for _, r := range Roles {
		got, w := set[r], want[r]
		if w.family == "" {
			if got != nil {
				t.Errorf("%s: found %+v, want nothing", r, got)
			}
			continue
		}
		if got == nil || got.Family != w.family || filepath.Base(got.Path) != w.file || got.Index != w.index {
			t.Errorf("%s: found %+v, want %s in %s face %d", r, got, w.family, w.file, w.index)
		}
	}
	if set.Complete() {
		t.Error("set reported complete without 小标宋 and 宋体")
	}
	if d := strings.Join(set.Describe(), "\n"); !strings.Contains(d, "小标宋（标题）：未找到，使用内置字体") || !strings.Contains(d, "仿宋_GB2312") {
		t.Errorf("description:\n%s", d)
	}
}

func TestOfficialFontsAreUsed(t *testing.T) {
	dir := officialDir(t)
	set := findFonts([]string{dir})
	r := reports.Sample().Clone()
	r.Signing.Fonts = FontsOfficial
	path, doc := renderTo(t, r, Options{Official: set})
	for role, want := range map[Role]string{RoleFang: "official-fang", RoleHei: "official-hei", RoleKai: "official-kai", RoleTitle: "nianbao-title", RoleSong: "nianbao-song"} {
		if doc.Fonts[role] != want {
			t.Errorf("%s uses %s, want %s", role, doc.Fonts[role], want)
		}
	}
	if notes := strings.Join(doc.Notes, "\n"); !strings.Contains(notes, "小标宋") || !strings.Contains(notes, "宋体") {
		t.Errorf("notes do not say which official fonts are missing: %q", notes)
	}
	fonts := poppler(t, "pdffonts", path)
	for _, name := range []string{"official-fang", "official-hei", "official-kai", "nianbao-title"} {
		if !strings.Contains(fonts, name) {
			t.Errorf("pdffonts lacks %s:\n%s", name, fonts)
		}
	}
	text := squash(poppler(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if !strings.Contains(text, "一、总体情况") || !strings.Contains(text, squash(r.Improvement.Measures[0].Text)) {
		t.Error("text drawn with the official fonts is not extractable")
	}
	// Embedded stays the default.
	if doc := mustLayout(t, reports.Sample(), Options{Official: set}); doc.Fonts[RoleFang] != "nianbao-fang" {
		t.Errorf("default fonts: body uses %s, want the embedded one", doc.Fonts[RoleFang])
	}
}

// An official font is read once for as long as its FontSet is kept (the
// window keeps one), and not at all by a FontFile made by hand.
func TestOfficialFontIsReadOncePerFontSet(t *testing.T) {
	dir := officialDir(t)
	set := findFonts([]string{dir})
	f := set[RoleKai]
	a, err := f.load()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := f.load()
	if len(a) == 0 || &a[0] != &b[0] {
		t.Error("the FontSet's font was read twice")
	}
	byHand := &FontFile{Path: f.Path, Index: f.Index}
	c, err := byHand.load()
	if err != nil || &c[0] == &a[0] {
		t.Errorf("a FontFile made by hand shares the set's bytes (err %v)", err)
	}
	if string(c) != string(a) {
		t.Error("the same face read twice differs")
	}
}
