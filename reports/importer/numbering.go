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
	overLvl := -1
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var abs, num string
	lvl := -1
	var cur numLevel
	val := func(e xml.StartElement) string {
		for _, a := range e.Attr {
			if a.Name.Local == "val" {
				return a.Value
			}
		}
		return ""
	}
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
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
			switch t.Name.Local {
			case "abstractNum":
				abs = attr(t, "abstractNumId")
				if n.levels[abs] == nil {
					n.levels[abs] = map[int]numLevel{}
				}
			case "lvl":
				if abs != "" {
					lvl, _ = strconv.Atoi(attr(t, "ilvl"))
					cur = numLevel{start: 1}
				}
			case "numFmt":
				cur.format = val(t)
			case "lvlText":
				cur.text = val(t)
			case "start":
				cur.start, _ = strconv.Atoi(val(t))
			case "num":
				num = attr(t, "numId")
			case "abstractNumId":
				if num != "" {
					n.abstractOf[num] = val(t)
				}
			case "lvlOverride":
				overLvl, _ = strconv.Atoi(attr(t, "ilvl"))
			case "startOverride":
				if num != "" && overLvl >= 0 && overLvl < 9 {
					if n.restart[num] == nil {
						n.restart[num] = map[int]int{}
					}
					n.restart[num][overLvl], _ = strconv.Atoi(val(t))
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "lvl":
				if abs != "" && lvl >= 0 && lvl < 9 {
					n.levels[abs][lvl] = cur
				}
				lvl = -1
			case "abstractNum":
				abs = ""
			case "num":
				num = ""
			}
		}
	}
	return n
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

// sectionNumbers are the numbers of the sections in sectionKeys' order, as
// the printed outline numbers their headings (Section.Number: 一 … 六).
var sectionNumbers = func() []string {
	t := reports.Lookup(reports.V2021)
	out := make([]string, len(sectionKeys))
	for i, sk := range sectionKeys {
		out[i] = t.Section(sk.key).Number
	}
	return out
}()
