package pdf

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"nianbao/assets"
)

// Role is what a font is used for in the printed report.
type Role string

// The font roles of a 公文.
const (
	RoleTitle Role = "title" // 小标宋: the title
	RoleFang  Role = "fang"  // 仿宋: body text, 1. headings
	RoleHei   Role = "hei"   // 黑体: 一、 headings
	RoleKai   Role = "kai"   // 楷体: （一） headings
	RoleSong  Role = "song"  // 宋体: tables, page numbers, and the fallback
)

// Roles lists the roles in a fixed order.
var Roles = []Role{RoleTitle, RoleFang, RoleHei, RoleKai, RoleSong}

// Name returns the role's Chinese name.
func (r Role) Name() string {
	switch r {
	case RoleTitle:
		return "小标宋（标题）"
	case RoleFang:
		return "仿宋（正文）"
	case RoleHei:
		return "黑体（一级标题）"
	case RoleKai:
		return "楷体（二级标题）"
	case RoleSong:
		return "宋体（表格、页码）"
	}
	return string(r)
}

// Font choices for Options.Fonts and Signing.Fonts.
const (
	FontsEmbedded = "embedded"
	FontsOfficial = "official"
)

// FontFile is one installed font face found on this computer.
type FontFile struct {
	Family string // the family name that matched, e.g. 仿宋_GB2312
	Path   string
	Index  int // face index inside a .ttc collection, 0 otherwise

	// loaded keeps the font's bytes once read, for as long as whoever
	// holds the FontSet keeps it (the window keeps one for its life; a
	// command reads the fonts once). Nil: read the file on every use.
	loaded *loadedFont
}

// loadedFont is a FontFile's bytes, read (and taken out of its collection)
// at most once.
type loadedFont struct {
	once sync.Once
	data []byte
	err  error
}

// load returns the font's bytes as a standalone font, read once when the
// FontFile came from FindOfficialFonts.
func (f *FontFile) load() ([]byte, error) {
	if f.loaded == nil {
		return LoadFontFile(f)
	}
	f.loaded.once.Do(func() { f.loaded.data, f.loaded.err = LoadFontFile(f) })
	return f.loaded.data, f.loaded.err
}

// FontSet is the official fonts found for each role; a nil entry means
// none was found and the embedded font is used for that role.
type FontSet map[Role]*FontFile

// Complete reports whether every role was found.
func (s FontSet) Complete() bool {
	for _, r := range Roles {
		if s[r] == nil {
			return false
		}
	}
	return true
}

// Describe lists, in Chinese, which font each role uses.
func (s FontSet) Describe() []string {
	var out []string
	for _, r := range Roles {
		if f := s[r]; f != nil {
			out = append(out, fmt.Sprintf("%s：%s（%s）", r.Name(), f.Family, f.Path))
		} else {
			out = append(out, fmt.Sprintf("%s：未找到，使用内置字体", r.Name()))
		}
	}
	return out
}

// officialNames are the family names accepted for each role, best first.
var officialNames = map[Role][]string{
	RoleTitle: {"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "方正小标宋"},
	RoleFang:  {"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong"},
	RoleHei:   {"黑体", "SimHei"},
	RoleKai:   {"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi"},
	RoleSong:  {"宋体", "SimSun"},
}

// FontDirs returns the folders searched for installed fonts on this system.
func FontDirs() []string {
	var dirs []string
	home, _ := os.UserHomeDir()
	if runtime.GOOS == "windows" {
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	}
	dirs = append(dirs, "/usr/share/fonts", "/usr/local/share/fonts")
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	if runtime.GOOS == "darwin" {
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
	}
	return dirs
}

// FindOfficialFonts looks for the official 公文 fonts (方正小标宋简体,
// 仿宋_GB2312 or 仿宋, 黑体, 楷体_GB2312 or 楷体, 宋体) in the system and user
// font folders, by reading the name table of every font file there. Fonts
// with PostScript (CFF) outlines are skipped: they cannot be embedded.
func FindOfficialFonts() FontSet { return findFonts(FontDirs()) }

// findFonts searches dirs (recursively) for the official fonts.
func findFonts(dirs []string) FontSet {
	type cand struct {
		file FontFile
		rank int
	}
	best := map[Role]cand{}
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			ext := strings.ToLower(filepath.Ext(path))
			if ext != ".ttf" && ext != ".ttc" && ext != ".otf" {
				return nil
			}
			for _, hit := range scanFontFile(path) {
				for _, role := range Roles {
					for rank, name := range officialNames[role] {
						if !hit.has(name) {
							continue
						}
						if c, ok := best[role]; !ok || rank < c.rank {
							best[role] = cand{FontFile{Family: name, Path: path, Index: hit.index}, rank}
						}
					}
				}
			}
			return nil
		})
	}
	set := FontSet{}
	for role, c := range best {
		f := c.file
		f.loaded = &loadedFont{}
		set[role] = &f
	}
	return set
}

type scannedFace struct {
	index int
	names []string
}

func (s scannedFace) has(name string) bool {
	for _, n := range s.names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// scanFontFile reads the family names of each TrueType-outline face in a
// font file. It reads only the headers and the name tables, not the whole
// file: a Windows font folder holds a gigabyte of fonts.
func scanFontFile(path string) []scannedFace {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	read := func(off int64, n int) []byte {
		if n <= 0 || n > 16<<20 {
			return nil
		}
		b := make([]byte, n)
		if _, err := f.ReadAt(b, off); err != nil {
			return nil
		}
		return b
	}
	head := read(0, 12)
	if head == nil {
		return nil
	}
	offs := []uint32{0}
	if binary.BigEndian.Uint32(head) == tagTTC {
		n := int(binary.BigEndian.Uint32(head[8:]))
		if n <= 0 || n > 1024 {
			return nil
		}
		b := read(12, 4*n)
		if b == nil {
			return nil
		}
		offs = offs[:0]
		for i := 0; i < n; i++ {
			offs = append(offs, binary.BigEndian.Uint32(b[4*i:]))
		}
	}
	var out []scannedFace
	for i, off := range offs {
		h := read(int64(off), 12)
		if h == nil {
			continue
		}
		ver := binary.BigEndian.Uint32(h)
		if ver != tagTrue && ver != tagTrue2 {
			continue // CFF outlines (OTTO) or not a font
		}
		n := int(binary.BigEndian.Uint16(h[4:]))
		dir := read(int64(off)+12, 16*n)
		if dir == nil {
			continue
		}
		var name []byte
		cff := false
		for k := 0; k < n; k++ {
			e := dir[16*k:]
			switch string(e[:4]) {
			case "name":
				name = read(int64(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:])))
			case "CFF ", "CFF2":
				cff = true
			}
		}
		if !cff && name != nil {
			out = append(out, scannedFace{index: i, names: familyNames(name)})
		}
	}
	return out
}

// LoadFontFile reads an installed font and returns it as a standalone
// TrueType font that the PDF can embed; a face of a .ttc collection is
// extracted. CFF-outline fonts are refused with a clear message.
func LoadFontFile(f *FontFile) ([]byte, error) {
	data, err := os.ReadFile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("读取字体 %s：%w", f.Path, err)
	}
	out, err := standalone(data, f.Index)
	if err != nil {
		return nil, fmt.Errorf("字体 %s：%w", f.Path, err)
	}
	return out, nil
}

// standalone turns font data (a font or a collection) into one TrueType font.
func standalone(data []byte, index int) ([]byte, error) {
	offs, err := faceOffsets(data)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(offs) {
		return nil, errCollection
	}
	sf, err := parseSFNT(data, offs[index])
	if err != nil {
		return nil, err
	}
	if sf.cff {
		return nil, errCFF
	}
	if len(offs) == 1 && offs[0] == 0 {
		return data, nil
	}
	return extractFace(data, index)
}

// Face is one loaded font: the bytes given to the PDF and its metrics.
type Face struct {
	// Name is what the PDF calls the font (ASCII): "nianbao-fang" for an
	// embedded font, "official-fang" for an installed one.
	Name string
	// Family is the font's own name for people, e.g. 仿宋_GB2312.
	Family string
	Data   []byte
	m      *metrics
}

// newFace parses data. Parsing the metrics of the five embedded fonts
// takes about 0.3 ms of a 4.5 ms layout, so nothing is cached.
func newFace(name string, data []byte) (*Face, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("字体 %s 是空文件", name)
	}
	sf, err := parseSFNT(data, 0)
	if err != nil {
		return nil, fmt.Errorf("字体 %s：%w", name, err)
	}
	if sf.cff {
		return nil, fmt.Errorf("字体 %s：%w", name, errCFF)
	}
	m, err := newMetrics(sf)
	if err != nil {
		return nil, fmt.Errorf("字体 %s：%w", name, err)
	}
	return &Face{Name: name, Data: data, m: m}, nil
}

// fontBook is the faces chosen for one document: one per role, plus the
// fallback (the embedded 宋体, whose coverage is the widest).
type fontBook struct {
	faces    map[Role]*Face
	fallback *Face
	notes    []string // Chinese notes on font choice, e.g. an official font that failed to load
}

func embeddedData(r Role) []byte {
	switch r {
	case RoleTitle:
		return assets.FontTitle
	case RoleFang:
		return assets.FontFang
	case RoleHei:
		return assets.FontHei
	case RoleKai:
		return assets.FontKai
	}
	return assets.FontSong
}

// newFontBook loads the faces: the official ones from set where present
// (when official is true), the embedded ones otherwise.
func newFontBook(official bool, set FontSet) (*fontBook, error) {
	b := &fontBook{faces: map[Role]*Face{}}
	for _, r := range Roles {
		if official {
			if f := set[r]; f != nil {
				data, err := f.load()
				if err == nil {
					var face *Face
					face, err = newFace("official-"+string(r), data)
					if err == nil {
						face.Family = f.Family
						b.faces[r] = face
						continue
					}
				}
				b.notes = append(b.notes, fmt.Sprintf("%s：%v，改用内置字体", r.Name(), err))
			} else {
				b.notes = append(b.notes, fmt.Sprintf("%s：本机未找到官方字体，使用内置字体", r.Name()))
			}
		}
		face, err := newFace("nianbao-"+string(r), embeddedData(r))
		if err != nil {
			return nil, fmt.Errorf("内置字体：%w", err)
		}
		face.Family = "内置" + r.Name()
		b.faces[r] = face
	}
	fb, err := newFace("nianbao-song", assets.FontSong)
	if err != nil {
		return nil, fmt.Errorf("内置字体：%w", err)
	}
	fb.Family = "内置宋体（补字）"
	if b.faces[RoleSong].Name == fb.Name {
		fb = b.faces[RoleSong]
	}
	b.fallback = fb
	return b, nil
}

// faceList returns every distinct face of the book in a stable order.
func (b *fontBook) faceList() []*Face {
	seen := map[*Face]bool{}
	var out []*Face
	for _, r := range Roles {
		if f := b.faces[r]; !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	if !seen[b.fallback] {
		out = append(out, b.fallback)
	}
	return out
}

// glyphTop returns how far the outline of r reaches above the baseline,
// in em, from the glyph's bounding box in the glyf table.
func (f *Face) glyphTop(r rune) (float64, bool) {
	sf, err := parseSFNT(f.Data, 0)
	if err != nil {
		return 0, false
	}
	glyphs, ok := newGlyphTable(sf)
	g, found := f.m.glyph(r)
	if !ok || !found {
		return 0, false
	}
	outline := glyphs.at(int(g))
	if len(outline) < 10 {
		return 0, false
	}
	return float64(int16(binary.BigEndian.Uint16(outline[8:]))) / f.m.upem, true
}
