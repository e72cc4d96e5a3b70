package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
)

// This file is a small reader for the parts of TrueType/OpenType files the
// layout needs: the character map (which characters a font has), the
// horizontal advances (how wide they are), the name table (what the font is
// called, for finding the official fonts), and the extraction of one face
// out of a .ttc collection into a standalone font, because gopdf loads only
// single TrueType fonts.

// Errors about font files.
var (
	errNotFont    = errors.New("不是 TrueType/OpenType 字体文件")
	errCFF        = errors.New("字体使用 CFF（PostScript）轮廓，PDF 生成程序只能嵌入 TrueType 轮廓的字体")
	errTruncated  = errors.New("字体文件不完整")
	errNoUnicode  = errors.New("字体没有 Unicode 字符映射表（cmap）")
	errCollection = errors.New("字体集（.ttc）中没有这一序号的字体")
)

const (
	tagTTC   = 0x74746366 // 'ttcf'
	tagTrue  = 0x00010000
	tagOTTO  = 0x4f54544f // 'OTTO'
	tagTrue2 = 0x74727565 // 'true' (old Apple TrueType)
)

type tableRec struct {
	tag         string
	checksum    uint32
	off, length uint32
}

// sfnt is one parsed font face: its tables, located inside data.
type sfnt struct {
	data   []byte
	tables map[string]tableRec
	order  []string // table tags in directory order
	cff    bool
}

// faceOffsets returns the offsets of the faces in a font file: one for a
// plain font, several for a collection.
func faceOffsets(data []byte) ([]uint32, error) {
	if len(data) < 12 {
		return nil, errNotFont
	}
	switch binary.BigEndian.Uint32(data) {
	case tagTTC:
		n := binary.BigEndian.Uint32(data[8:])
		if n == 0 || n > 1024 || len(data) < 12+4*int(n) {
			return nil, errTruncated
		}
		out := make([]uint32, n)
		for i := range out {
			out[i] = binary.BigEndian.Uint32(data[12+4*i:])
		}
		return out, nil
	case tagTrue, tagOTTO, tagTrue2:
		return []uint32{0}, nil
	}
	return nil, errNotFont
}

// parseSFNT reads the table directory of the face at offset off.
func parseSFNT(data []byte, off uint32) (*sfnt, error) {
	if int(off)+12 > len(data) {
		return nil, errTruncated
	}
	d := data[off:]
	ver := binary.BigEndian.Uint32(d)
	if ver != tagTrue && ver != tagOTTO && ver != tagTrue2 {
		return nil, errNotFont
	}
	n := int(binary.BigEndian.Uint16(d[4:]))
	if 12+16*n > len(d) {
		return nil, errTruncated
	}
	f := &sfnt{data: data, tables: make(map[string]tableRec, n), cff: ver == tagOTTO}
	for i := 0; i < n; i++ {
		e := d[12+16*i:]
		t := tableRec{
			tag:      string(e[:4]),
			checksum: binary.BigEndian.Uint32(e[4:]),
			off:      binary.BigEndian.Uint32(e[8:]),
			length:   binary.BigEndian.Uint32(e[12:]),
		}
		if uint64(t.off)+uint64(t.length) > uint64(len(data)) {
			return nil, fmt.Errorf("表 %s：%w", strings.TrimSpace(t.tag), errTruncated)
		}
		f.tables[t.tag] = t
		f.order = append(f.order, t.tag)
	}
	if _, ok := f.tables["CFF "]; ok {
		f.cff = true
	}
	if _, ok := f.tables["CFF2"]; ok {
		f.cff = true
	}
	return f, nil
}

func (f *sfnt) table(tag string) []byte {
	t, ok := f.tables[tag]
	if !ok {
		return nil
	}
	return f.data[t.off : t.off+t.length]
}

// fontNames are the family names a font gives in its name table, in every
// language it has (e.g. "FangSong" and "仿宋").
func (f *sfnt) familyNames() []string { return familyNames(f.table("name")) }

// familyNames reads the family and full names of a name table.
func familyNames(b []byte) []string {
	if len(b) < 6 {
		return nil
	}
	count := int(binary.BigEndian.Uint16(b[2:]))
	strOff := int(binary.BigEndian.Uint16(b[4:]))
	seen := map[string]bool{}
	var out []string
	for i := 0; i < count && 6+12*i+12 <= len(b); i++ {
		e := b[6+12*i:]
		platform := binary.BigEndian.Uint16(e)
		encoding := binary.BigEndian.Uint16(e[2:])
		nameID := binary.BigEndian.Uint16(e[6:])
		length := int(binary.BigEndian.Uint16(e[8:]))
		off := strOff + int(binary.BigEndian.Uint16(e[10:]))
		if nameID != 1 && nameID != 4 && nameID != 16 || off+length > len(b) {
			continue
		}
		raw := b[off : off+length]
		var s string
		switch {
		case platform == 3 || platform == 0: // UTF-16BE
			u := make([]uint16, len(raw)/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case platform == 1 && encoding == 0: // Mac Roman: keep ASCII names only
			ascii := true
			for _, c := range raw {
				if c >= 0x80 {
					ascii = false
				}
			}
			if !ascii {
				continue
			}
			s = string(raw)
		default:
			continue
		}
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// metrics is what the layout needs of a face: its character map and the
// advance widths, in em units.
type metrics struct {
	upem     float64
	sub      []byte // the chosen cmap subtable
	format   uint16
	segs     int // its number of segments (format 4) or groups (format 12)
	advances []uint16
	numLong  int
	ascent   float64 // typo or hhea ascender, in em
	descent  float64 // positive, in em
}

func newMetrics(f *sfnt) (*metrics, error) {
	head := f.table("head")
	hhea := f.table("hhea")
	hmtx := f.table("hmtx")
	cmap := f.table("cmap")
	if len(head) < 54 || len(hhea) < 36 {
		return nil, errTruncated
	}
	m := &metrics{upem: float64(binary.BigEndian.Uint16(head[18:]))}
	if m.upem == 0 {
		return nil, errNotFont
	}
	m.ascent = float64(int16(binary.BigEndian.Uint16(hhea[4:]))) / m.upem
	m.descent = -float64(int16(binary.BigEndian.Uint16(hhea[6:]))) / m.upem
	m.numLong = int(binary.BigEndian.Uint16(hhea[34:]))
	if len(hmtx) < 4*m.numLong {
		return nil, errTruncated
	}
	m.advances = make([]uint16, m.numLong)
	for i := range m.advances {
		m.advances[i] = binary.BigEndian.Uint16(hmtx[4*i:])
	}
	if len(cmap) < 4 {
		return nil, errNoUnicode
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	best := -1
	for i := 0; i < n && 4+8*i+8 <= len(cmap); i++ {
		e := cmap[4+8*i:]
		pid, eid := binary.BigEndian.Uint16(e), binary.BigEndian.Uint16(e[2:])
		off := binary.BigEndian.Uint32(e[4:])
		if int(off)+4 > len(cmap) {
			continue
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		rank := -1
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0 && (eid == 4 || eid == 6)):
			rank = 2
		case format == 4 && (pid == 3 && eid == 1 || pid == 0):
			rank = 1
		}
		if rank > best {
			best = rank
			m.sub = cmap[off:]
			m.format = format
		}
	}
	if best < 0 {
		return nil, errNoUnicode
	}
	if err := m.readCmap(); err != nil {
		return nil, err
	}
	return m, nil
}

// readCmap checks the chosen subtable; lookups search it directly (a
// binary search over its segments or groups), so opening a font with
// tens of thousands of characters costs nothing up front.
func (m *metrics) readCmap() error {
	b := m.sub
	switch m.format {
	case 4:
		if len(b) < 14 {
			return errTruncated
		}
		m.segs = int(binary.BigEndian.Uint16(b[6:])) / 2
		if m.segs == 0 || len(b) < 16+8*m.segs {
			return errTruncated
		}
	case 12:
		if len(b) < 16 {
			return errTruncated
		}
		m.segs = int(binary.BigEndian.Uint32(b[12:]))
		if m.segs == 0 || len(b) < 16+12*m.segs {
			return errTruncated
		}
	default:
		return errNoUnicode
	}
	return nil
}

// glyph returns the glyph id of r, or false when the font lacks it.
func (m *metrics) glyph(r rune) (uint16, bool) {
	b := m.sub
	switch m.format {
	case 4:
		if r > 0xFFFF || r < 0 {
			return 0, false
		}
		c := uint16(r)
		n := m.segs
		ends := b[14:]
		// The first segment whose end is ≥ c.
		s := sort.Search(n, func(i int) bool { return binary.BigEndian.Uint16(ends[2*i:]) >= c })
		if s == n {
			return 0, false
		}
		start := binary.BigEndian.Uint16(b[16+2*n+2*s:])
		if c < start || c == 0xFFFF {
			return 0, false
		}
		delta := binary.BigEndian.Uint16(b[16+4*n+2*s:])
		ro := int(binary.BigEndian.Uint16(b[16+6*n+2*s:]))
		var g uint16
		if ro == 0 {
			g = c + delta
		} else {
			p := 16 + 6*n + 2*s + ro + 2*int(c-start)
			if p+2 > len(b) {
				return 0, false
			}
			if g = binary.BigEndian.Uint16(b[p:]); g != 0 {
				g += delta
			}
		}
		return g, g != 0
	case 12:
		n := m.segs
		c := uint32(r)
		s := sort.Search(n, func(i int) bool { return binary.BigEndian.Uint32(b[16+12*i+4:]) >= c })
		if s == n {
			return 0, false
		}
		e := b[16+12*s:]
		start := binary.BigEndian.Uint32(e)
		if c < start {
			return 0, false
		}
		g := binary.BigEndian.Uint32(e[8:]) + c - start
		return uint16(g), g != 0 && g <= 0xFFFF
	}
	return 0, false
}

// has reports whether the face has a glyph for r.
func (m *metrics) has(r rune) bool {
	_, ok := m.glyph(r)
	return ok
}

// advance returns the width of r in em (0 when missing).
func (m *metrics) advance(r rune) float64 {
	g, ok := m.glyph(r)
	if !ok || m.numLong == 0 {
		return 0
	}
	if int(g) >= m.numLong {
		g = uint16(m.numLong - 1)
	}
	return float64(m.advances[g]) / m.upem
}

// extractFace rebuilds the face at index of a collection (or a plain font)
// as a standalone font file: a new table directory followed by copies of
// the face's tables, each 4-byte aligned, with the head checksum adjustment
// recomputed.
func extractFace(data []byte, index int) ([]byte, error) {
	offs, err := faceOffsets(data)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(offs) {
		return nil, errCollection
	}
	f, err := parseSFNT(data, offs[index])
	if err != nil {
		return nil, err
	}
	tables := make(map[string][]byte, len(f.order))
	for _, t := range f.order {
		rec := f.tables[t]
		tables[t] = f.data[rec.off : rec.off+rec.length]
	}
	ver := uint32(tagTrue)
	if f.cff {
		ver = tagOTTO
	}
	return assemble(tables, ver), nil
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i+4 <= len(b); i += 4 {
		s += binary.BigEndian.Uint32(b[i:])
	}
	if r := len(b) % 4; r != 0 {
		var last [4]byte
		copy(last[:], b[len(b)-r:])
		s += binary.BigEndian.Uint32(last[:])
	}
	return s
}
