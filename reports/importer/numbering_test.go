package importer

import (
	"slices"
	"testing"
)

// listsXML has decimal lists with a second level (abstractNum 0) used
// by two lists and by a third restarted at 3, a Chinese list, a list
// starting at 5 and a bulleted one.
const listsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>`

// The labels Word would show for a sequence of numbered paragraphs
// (numId, ilvl), read from numbering.xml.
func TestNumberingLabels(t *testing.T) {
	type para struct {
		numID string
		ilvl  int
	}
	cases := []struct {
		name  string
		paras []para
		want  []string
	}{
		{"a list counts up", []para{{"1", 0}, {"1", 0}, {"1", 0}}, []string{"1.", "2.", "3."}},
		{"two lists of one definition count on together", []para{{"1", 0}, {"2", 0}, {"1", 0}}, []string{"1.", "2.", "3."}},
		{"a second level restarts under each item", []para{{"1", 0}, {"1", 1}, {"1", 1}, {"1", 0}, {"1", 1}}, []string{"1.", "1.1", "1.2", "2.", "2.1"}},
		{"a restarted list counts on its own from its start", []para{{"1", 0}, {"3", 0}, {"3", 0}, {"1", 0}}, []string{"1.", "3.", "4.", "2."}},
		{"Chinese counting", []para{{"4", 0}, {"4", 0}}, []string{"（一）", "（二）"}},
		{"a level's start", []para{{"5", 0}, {"5", 0}}, []string{"5、", "6、"}},
		{"bullets have no label", []para{{"6", 0}}, []string{""}},
		{"an unknown list or level has none", []para{{"9", 0}, {"1", 4}, {"1", 9}}, []string{"", "", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := readNumbering([]byte(listsXML))
			var got []string
			for _, p := range c.paras {
				got = append(got, n.label(p.numID, p.ilvl))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("labels = %q, want %q", got, c.want)
			}
		})
	}
}
