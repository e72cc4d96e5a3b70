package reports

import (
	"strings"
	"testing"
)

func TestParagraphOffsets(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []Para
	}{
		{"two paragraphs", "第一段。\n第二段。", []Para{{"第一段。", 0}, {"第二段。", 5}}},
		{"indents and blank lines", "\u3000\u3000首段\n\n  次段 \r\n", []Para{{"首段", 2}, {"次段", 8}}},
		{"nothing", " \n\u3000", nil},
		{"control characters only are no paragraph", "\x04\n正文\u200b", []Para{{"正文\u200b", 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ParagraphsAt(c.text)
			if len(got) != len(c.want) {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("paragraph %d = %+v, want %+v", i, got[i], c.want[i])
				}
				if rs := []rune(c.text); string(rs[got[i].Offset:got[i].Offset+len([]rune(got[i].Text))]) != got[i].Text {
					t.Errorf("offset %d does not point at %q", got[i].Offset, got[i].Text)
				}
			}
		})
	}
}

// printedOf returns the printed text of the outline blocks of one section.
func printedOf(bs []Block, section string) []string {
	var out []string
	for _, b := range bs {
		if b.Section == section && b.Kind != BlockHeading1 {
			out = append(out, string(b.Kind)+":"+b.Printed())
		}
	}
	return out
}

func TestOutlineRules(t *testing.T) {
	emptyOther := Sample()
	emptyOther.Other = Other{}
	headed := Sample()
	headed.Overview.Inline = false
	headed.Overview.Numbering = NumberArabic
	headed.Other.Items = []Part{{Title: "政务公开培训", Text: "组织培训两次。"}, {}, {Title: "其他"}}
	untitled := Sample()
	untitled.Improvement = Improvement{Problems: []Part{{Text: "一是更新慢。"}, {Text: "二是解读少。"}}}
	cases := []struct {
		name    string
		r       *Report
		section string
		want    []string
	}{
		{"an empty section prints 无。", emptyOther, SectionOther, []string{"paragraph:无。"}},
		{"the fee statement comes first, then the items as headings", headed, SectionOther, []string{
			"paragraph:" + DefaultFeeStatement, "heading2:（一）政务公开培训", "paragraph:组织培训两次。", "heading2:（二）其他"}},
		{"titles not run in are 1. headings", headed, SectionOverview, []string{
			"heading3:1." + headed.Overview.Parts[0].Title, "paragraph:" + ParagraphsAt(headed.Overview.Parts[0].Text)[0].Text}},
		{"untitled groups print their items numbered, without headings", untitled, SectionImprovement, []string{
			"paragraph:1.一是更新慢。", "paragraph:2.二是解读少。"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := printedOf(c.r.Outline(false), c.section)
			if len(got) < len(c.want) {
				t.Fatalf("got %q, want it to start with %q", got, c.want)
			}
			for i := range c.want {
				if got[i] != c.want[i] {
					t.Errorf("block %d = %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

func TestOutlineEnds(t *testing.T) {
	r := Sample()
	bs := r.Outline(true)
	if bs[0].Kind != BlockTitle || bs[0].Text != r.Title() {
		t.Errorf("first block = %+v, want the title", bs[0])
	}
	n := len(bs)
	if bs[n-2].Kind != BlockSigning || bs[n-2].Organ != r.SignedBy() || bs[n-2].Date != r.Signing.Date.Chinese() {
		t.Errorf("block before last = %+v, want the 落款", bs[n-2])
	}
	if bs[n-1].Kind != BlockSignature || bs[n-1].Text != SignatureLineText {
		t.Errorf("last block = %+v, want the signature line", bs[n-1])
	}
	if last := r.Outline(false); last[len(last)-1].Kind != BlockSigning {
		t.Errorf("without the signature line the 落款 ends the outline, got %+v", last[len(last)-1])
	}
	var tables []string
	for _, b := range bs {
		if b.Kind == BlockTables {
			tables = append(tables, b.TableKeys...)
		}
	}
	if got := strings.Join(tables, " "); got != "t2_1 t2_5 t2_6 t2_8 t3 t4" {
		t.Errorf("tables = %s", got)
	}
}
