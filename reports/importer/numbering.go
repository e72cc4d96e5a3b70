package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"nianbao/reports"
)

// Word's automatic list numbers ("1." or "（一）" that the clerk did not
// type) are not in the paragraph text: they are generated from
// word/numbering.xml. numbering rebuilds them so that numbered parts are
// recognised as in a copied text.
type numbering struct {
	abstractOf map[string]string           // numId → abstractNumId
	levels     map[string]map[int]numLevel // abstractNumId → level → format
	counters   map[string]*[9]int          // list key → current counts
	// restart holds the lists restarted by a w:startOverride (Word's
	// “restart at 1”): they count on their own, from the given start.
	restart map[string]map[int]int // numId → level → start
}

type numLevel struct {
	format string // numFmt: decimal, chineseCounting, bullet, …
	text   string // lvlText: "%1.", "（%1）"
	start  int
}

const maxNumberingXML = 4 << 20

// readNumbering parses word/numbering.xml; a part it cannot read gives no
// numbering (the paragraphs are still read, without their numbers).
func readNumbering(data []byte) *numbering {
	n := &numbering{abstractOf: map[string]string{}, levels: map[string]map[int]numLevel{}, counters: map[string]*[9]int{}, restart: map[string]map[int]int{}}
	r := &numberingReader{n: n, lvl: -1, overLvl: -1}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for depth := 0; ; {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) || err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return n
			}
			r.start(t)
		case xml.EndElement:
			depth--
			r.end(t)
		}
	}
	return n
}

// numberingReader is the state of reading numbering.xml into n: the list
// definition (w:abstractNum) and its level being read, and the list
// (w:num) and its level override being read.
type numberingReader struct {
	n       *numbering
	abs     string   // abstractNumId of the w:abstractNum being read
	lvl     int      // ilvl of the w:lvl being read; -1 outside one
	cur     numLevel // the w:lvl being read
	num     string   // numId of the w:num being read
	overLvl int      // ilvl of the last w:lvlOverride; -1 before one
}

// start takes an element's start: a list definition and its levels
// (format, text, start), a list and the definition it uses, and a
// restart of one of its levels.
func (r *numberingReader) start(t xml.StartElement) {
	n := r.n
	switch t.Name.Local {
	case "abstractNum":
		r.abs = xmlAttr(t, "abstractNumId")
		if n.levels[r.abs] == nil {
			n.levels[r.abs] = map[int]numLevel{}
		}
	case "lvl":
		if r.abs != "" {
			r.lvl, _ = strconv.Atoi(xmlAttr(t, "ilvl"))
			r.cur = numLevel{start: 1}
		}
	case "numFmt":
		r.cur.format = xmlAttr(t, "val")
	case "lvlText":
		r.cur.text = xmlAttr(t, "val")
	case "start":
		r.cur.start, _ = strconv.Atoi(xmlAttr(t, "val"))
	case "num":
		r.num = xmlAttr(t, "numId")
	case "abstractNumId":
		if r.num != "" {
			n.abstractOf[r.num] = xmlAttr(t, "val")
		}
	case "lvlOverride":
		r.overLvl, _ = strconv.Atoi(xmlAttr(t, "ilvl"))
	case "startOverride":
		if r.num != "" && r.overLvl >= 0 && r.overLvl < 9 {
			if n.restart[r.num] == nil {
				n.restart[r.num] = map[int]int{}
			}
			n.restart[r.num][r.overLvl], _ = strconv.Atoi(xmlAttr(t, "val"))
		}
	}
}

// end takes an element's end: a level is stored in its definition when
// it closes (levels 0 to 8 only).
func (r *numberingReader) end(t xml.EndElement) {
	switch t.Name.Local {
	case "lvl":
		if r.abs != "" && r.lvl >= 0 && r.lvl < 9 {
			r.n.levels[r.abs][r.lvl] = r.cur
		}
		r.lvl = -1
	case "abstractNum":
		r.abs = ""
	case "num":
		r.num = ""
	}
}

// label returns the number Word shows before a paragraph with numId and
// ilvl, advancing the count; "" for bullets and unknown lists.
func (n *numbering) label(numID string, ilvl int) string {
	if n == nil || ilvl < 0 || ilvl >= 9 {
		return ""
	}
	abs, ok := n.abstractOf[numID]
	if !ok {
		return ""
	}
	lv, ok := n.levels[abs][ilvl]
	if !ok || lv.format == "bullet" || lv.format == "none" {
		return ""
	}
	key, start := "a"+abs, lv.start
	if r, ok := n.restart[numID]; ok {
		key = "n" + numID
		if s, ok := r[ilvl]; ok {
			start = s
		}
	}
	c := n.counters[key]
	if c == nil {
		c = &[9]int{}
		n.counters[key] = c
	}
	if c[ilvl] == 0 {
		c[ilvl] = max(start, 1)
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < 9; i++ {
		c[i] = 0
	}
	text := lv.text
	for i := 0; i <= ilvl; i++ {
		f := n.levels[abs][i].format
		if i == ilvl {
			f = lv.format
		}
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(i+1), formatNumber(f, max(c[i], 1)))
	}
	return text
}

func formatNumber(format string, v int) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "chineseLegalSimplified":
		return reports.ChineseNumber(v)
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(v))
	case "upperLetter":
		return string(rune('A' + (v-1)%26))
	case "lowerLetter":
		return string(rune('a' + (v-1)%26))
	case "decimalEnclosedCircleChinese", "decimalEnclosedCircle":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	}
	return strconv.Itoa(v)
}

// asOnePart undoes reports.NumberParts for a list read without a single
// number or title: NumberParts prints a lone untitled part as unnumbered
// paragraphs, and numbers untitled parts as soon as there are two, so
// unnumbered, untitled paragraphs are the paragraphs of one part.
func asOnePart(parts []reports.Part, style reports.Numbering) []reports.Part {
	if style != "" || len(parts) < 2 {
		return parts
	}
	texts := make([]string, 0, len(parts))
	for _, p := range parts {
		if p.Title != "" {
			return parts
		}
		texts = append(texts, p.Text)
	}
	return []reports.Part{{Text: strings.Join(texts, "\n")}}
}
