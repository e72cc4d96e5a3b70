package pdf

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// subsetFont returns a TrueType font holding only .notdef and the glyphs
// of runes (with the glyphs their composites use), renumbered from 0, and
// a character map for exactly those runes. gopdf embeds only used glyphs
// too, but it parses the whole font and copies its full loca and hmtx
// tables into every PDF; handing it this small font makes the PDF smaller
// and the drawing several times faster.
func subsetFont(f *Face, runes []rune) ([]byte, error) {
	sf, err := parseSFNT(f.Data, 0)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx := sf.table("head"), sf.table("hhea"), sf.table("maxp"), sf.table("hmtx")
	glyphs, ok := newGlyphTable(sf)
	if !ok || len(hhea) < 36 {
		return nil, fmt.Errorf("字体 %s：缺少 TrueType 字形表", f.Name)
	}
	old, newID, cmap := keptGlyphs(f, runes, glyphs)
	newGlyf, newLoca := rebuildGlyf(glyphs, old, newID)
	tables := map[string][]byte{
		"hmtx": rebuildHmtx(hhea, hmtx, old),
		"loca": newLoca, "glyf": newGlyf, "cmap": buildCmap(cmap, newID),
		"name": nameTable(f.Name),
	}
	tables["head"], tables["hhea"], tables["maxp"], tables["post"] = rebuildHeaders(sf, head, hhea, maxp, len(old))
	for _, t := range []string{"OS/2", "cvt ", "fpgm", "prep"} {
		if b := sf.table(t); b != nil {
			tables[t] = b
		}
	}
	return assemble(tables, tagTrue), nil
}

// glyphTable finds each glyph's outline in a TrueType font's glyf table
// through its loca table.
type glyphTable struct {
	loca, glyf []byte
	longLoca   bool
	numGlyphs  int
}

// newGlyphTable reads the tables that locate the glyphs; false when the
// font lacks them.
func newGlyphTable(sf *sfnt) (glyphTable, bool) {
	head, maxp := sf.table("head"), sf.table("maxp")
	g := glyphTable{loca: sf.table("loca"), glyf: sf.table("glyf")}
	if len(head) < 54 || len(maxp) < 6 || g.loca == nil || g.glyf == nil {
		return g, false
	}
	g.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	g.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	return g, true
}

// at returns glyph g's outline, nil for an empty or out-of-range glyph.
func (t glyphTable) at(g int) []byte {
	if g < 0 || g >= t.numGlyphs {
		return nil
	}
	var a, b int
	if t.longLoca {
		if 4*g+8 > len(t.loca) {
			return nil
		}
		a, b = int(binary.BigEndian.Uint32(t.loca[4*g:])), int(binary.BigEndian.Uint32(t.loca[4*g+4:]))
	} else {
		if 2*g+4 > len(t.loca) {
			return nil
		}
		a, b = 2*int(binary.BigEndian.Uint16(t.loca[2*g:])), 2*int(binary.BigEndian.Uint16(t.loca[2*g+2:]))
	}
	if a >= b || b > len(t.glyf) {
		return nil
	}
	return t.glyf[a:b]
}

// keptGlyphs lists the old glyph ids to keep, in their new order: .notdef,
// the runes' glyphs, then the components of composite glyphs; with the map
// from old to new ids and each rune's old glyph.
func keptGlyphs(f *Face, runes []rune, glyphs glyphTable) (old []int, newID map[int]int, cmap map[rune]int) {
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	newID = map[int]int{0: 0}
	old = []int{0}
	keep := func(g int) {
		if _, ok := newID[g]; !ok && g < glyphs.numGlyphs {
			newID[g] = len(old)
			old = append(old, g)
		}
	}
	cmap = map[rune]int{}
	for _, r := range runes {
		if g, ok := f.m.glyph(r); ok {
			keep(int(g))
			cmap[r] = int(g)
		}
	}
	for i := 0; i < len(old); i++ {
		for _, c := range components(glyphs.at(old[i])) {
			keep(c.gid)
		}
	}
	return old, newID, cmap
}

// rebuildGlyf copies the kept glyphs into a new glyf table, with component
// ids rewritten, and writes its (long) loca table.
func rebuildGlyf(glyphs glyphTable, old []int, newID map[int]int) (glyf, loca []byte) {
	size := 0
	for _, g := range old {
		size += (len(glyphs.at(g)) + 3) &^ 3
	}
	glyf = make([]byte, size)
	loca = make([]byte, 4*(len(old)+1))
	pos := 0
	for i, g := range old {
		binary.BigEndian.PutUint32(loca[4*i:], uint32(pos))
		data := glyf[pos : pos+len(glyphs.at(g))]
		copy(data, glyphs.at(g))
		for _, c := range components(data) {
			binary.BigEndian.PutUint16(data[c.at:], uint16(newID[c.gid]))
		}
		pos += (len(data) + 3) &^ 3
	}
	binary.BigEndian.PutUint32(loca[4*len(old):], uint32(pos))
	return glyf, loca
}

// rebuildHmtx gives every kept glyph a full metric (advance and left side
// bearing), taken from the font's hmtx table.
func rebuildHmtx(hhea, hmtx []byte, old []int) []byte {
	numLong := int(binary.BigEndian.Uint16(hhea[34:]))
	out := make([]byte, 4*len(old))
	for i, g := range old {
		var adv, lsb uint16
		switch {
		case g < numLong && 4*g+4 <= len(hmtx):
			adv, lsb = binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:])
		case numLong > 0 && 4*numLong <= len(hmtx):
			adv = binary.BigEndian.Uint16(hmtx[4*(numLong-1):])
			if p := 4*numLong + 2*(g-numLong); p+2 <= len(hmtx) {
				lsb = binary.BigEndian.Uint16(hmtx[p:])
			}
		}
		binary.BigEndian.PutUint16(out[4*i:], adv)
		binary.BigEndian.PutUint16(out[4*i+2:], lsb)
	}
	return out
}

// rebuildHeaders copies head, hhea and maxp with the new glyph count (long
// loca offsets, no checksum adjustment yet) and writes a version 3 post
// table (no glyph names).
func rebuildHeaders(sf *sfnt, head, hhea, maxp []byte, glyphCount int) (newHead, newHhea, newMaxp, post []byte) {
	newHead = append([]byte(nil), head...)
	binary.BigEndian.PutUint16(newHead[50:], 1)
	binary.BigEndian.PutUint32(newHead[8:], 0)
	newHhea = append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(glyphCount))
	newMaxp = append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(glyphCount))
	post = make([]byte, 32)
	if p := sf.table("post"); len(p) >= 32 {
		copy(post, p[:32])
	}
	binary.BigEndian.PutUint32(post, 0x00030000)
	return newHead, newHhea, newMaxp, post
}

type component struct {
	gid int
	at  int // offset of the glyph index inside the glyph data
}

// components lists the component glyphs of a composite glyph.
func components(g []byte) []component {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []component
	p := 10
	for p+4 <= len(g) {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, component{gid: int(binary.BigEndian.Uint16(g[p+2:])), at: p + 2})
		p += 4
		if flags&0x0001 != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0:
			p += 2
		case flags&0x0040 != 0:
			p += 4
		case flags&0x0080 != 0:
			p += 8
		}
		if flags&0x0020 == 0 {
			break
		}
	}
	return out
}

// buildCmap writes a cmap with a (3,1) format 4 subtable for the BMP and,
// when needed, a (3,10) format 12 subtable for every character.
func buildCmap(cmap map[rune]int, newID map[int]int) []byte {
	runes := make([]rune, 0, len(cmap))
	for r := range cmap {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	wide := false
	// Format 4: one segment per run of consecutive characters with
	// consecutive glyph ids (idDelta), plus the final 0xFFFF segment.
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, r := range runes {
		if r > 0xFFFF {
			wide = true
			continue
		}
		g := newID[cmap[r]]
		if n := len(segs); n > 0 && int(r) == segs[n-1].end+1 && g-int(r) == segs[n-1].delta {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), g - int(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	f4 := make([]byte, 16+8*n)
	binary.BigEndian.PutUint16(f4, 4)
	binary.BigEndian.PutUint16(f4[2:], uint16(len(f4)))
	binary.BigEndian.PutUint16(f4[6:], uint16(2*n))
	es, sel := 1, 0
	for es*2 <= n {
		es *= 2
		sel++
	}
	binary.BigEndian.PutUint16(f4[8:], uint16(2*es))
	binary.BigEndian.PutUint16(f4[10:], uint16(sel))
	binary.BigEndian.PutUint16(f4[12:], uint16(2*n-2*es))
	for i, s := range segs {
		binary.BigEndian.PutUint16(f4[14+2*i:], uint16(s.end))
		binary.BigEndian.PutUint16(f4[16+2*n+2*i:], uint16(s.start))
		binary.BigEndian.PutUint16(f4[16+4*n+2*i:], uint16(int16(s.delta)))
		// idRangeOffset stays 0.
	}
	subtables := [][]byte{f4}
	ids := [][2]uint16{{3, 1}}
	if wide {
		var groups [][3]uint32
		for _, r := range runes {
			g := uint32(newID[cmap[r]])
			if k := len(groups); k > 0 && uint32(r) == groups[k-1][1]+1 && g == groups[k-1][2]+uint32(r)-groups[k-1][0] {
				groups[k-1][1] = uint32(r)
				continue
			}
			groups = append(groups, [3]uint32{uint32(r), uint32(r), g})
		}
		f12 := make([]byte, 16+12*len(groups))
		binary.BigEndian.PutUint16(f12, 12)
		binary.BigEndian.PutUint32(f12[4:], uint32(len(f12)))
		binary.BigEndian.PutUint32(f12[12:], uint32(len(groups)))
		for i, gr := range groups {
			binary.BigEndian.PutUint32(f12[16+12*i:], gr[0])
			binary.BigEndian.PutUint32(f12[20+12*i:], gr[1])
			binary.BigEndian.PutUint32(f12[24+12*i:], gr[2])
		}
		subtables = append(subtables, f12)
		ids = append(ids, [2]uint16{3, 10})
	}
	hdr := 4 + 8*len(subtables)
	out := make([]byte, hdr)
	binary.BigEndian.PutUint16(out[2:], uint16(len(subtables)))
	for i, st := range subtables {
		binary.BigEndian.PutUint16(out[4+8*i:], ids[i][0])
		binary.BigEndian.PutUint16(out[6+8*i:], ids[i][1])
		binary.BigEndian.PutUint32(out[8+8*i:], uint32(len(out)))
		out = append(out, st...)
	}
	return out
}

// assemble writes tables as a font file of the given version (TrueType or
// CFF outlines): a table directory sorted by tag, then each table 4-byte
// aligned, with the table checksums and the head checksum adjustment
// computed. The tables are copied; none is changed.
func assemble(tables map[string][]byte, version uint32) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es, sel := 1, 0
	for es*2 <= n {
		es *= 2
		sel++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(es*16))
	binary.BigEndian.PutUint16(out[8:], uint16(sel))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-es*16))
	pos := 12 + 16*n
	headAt := -1
	for i, t := range tags {
		b := tables[t]
		copy(out[pos:], b)
		if t == "head" && len(b) >= 12 {
			// The adjustment counts as 0 in the checksums; set below.
			headAt = pos
			binary.BigEndian.PutUint32(out[pos+8:], 0)
		}
		padded := (len(b) + 3) &^ 3
		e := out[12+16*i:]
		copy(e, t)
		binary.BigEndian.PutUint32(e[4:], checksum(out[pos:pos+padded]))
		binary.BigEndian.PutUint32(e[8:], uint32(pos))
		binary.BigEndian.PutUint32(e[12:], uint32(len(b)))
		pos += padded
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// nameTable writes a minimal name table for an ASCII font name: family,
// subfamily, full name and PostScript name (which gopdf requires).
func nameTable(name string) []byte {
	ids := []struct {
		id   uint16
		text string
	}{{1, name}, {2, "Regular"}, {4, name}, {6, name}}
	out := make([]byte, 6+12*len(ids))
	binary.BigEndian.PutUint16(out[2:], uint16(len(ids)))
	binary.BigEndian.PutUint16(out[4:], uint16(len(out)))
	var strs []byte
	for i, e := range ids {
		var enc []byte
		for _, c := range e.text {
			if c > 0x7E || c < 0x21 {
				c = '-'
			}
			enc = append(enc, 0, byte(c))
		}
		rec := out[6+12*i:]
		binary.BigEndian.PutUint16(rec, 3)
		binary.BigEndian.PutUint16(rec[2:], 1)
		binary.BigEndian.PutUint16(rec[4:], 0x0409)
		binary.BigEndian.PutUint16(rec[6:], e.id)
		binary.BigEndian.PutUint16(rec[8:], uint16(len(enc)))
		binary.BigEndian.PutUint16(rec[10:], uint16(len(strs)))
		strs = append(strs, enc...)
	}
	return append(out, strs...)
}
