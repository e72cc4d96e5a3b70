package reports

import (
	"strings"
	"unicode"
)

// The printed outline: the report as the ordered blocks every output prints
// (PDF, Word, web page, plain text). Numbering, the parts left out, the
// "无。" of an empty section, the fee statement and the signature line are
// decided here once; the writers only give each kind of block its format,
// and the importer reads back what they print.

// BlockKind says what a block of the printed outline is.
type BlockKind string

// The kinds of block, in the GB/T 9704 order of headings.
const (
	BlockTitle     BlockKind = "title"     // the report title (2号 小标宋, centred)
	BlockHeading1  BlockKind = "heading1"  // 一、 section headings (黑体)
	BlockHeading2  BlockKind = "heading2"  // （一） headings (楷体)
	BlockHeading3  BlockKind = "heading3"  // 1. headings (仿宋)
	BlockParagraph BlockKind = "paragraph" // a body paragraph, maybe led in by a number and title
	BlockTables    BlockKind = "tables"    // the statistical tables of a section
	BlockSigning   BlockKind = "signing"   // the 落款: organ over date, right
	BlockSignature BlockKind = "signature" // 单位负责人（签字）： for the filed copy
)

// EmptySectionText is what a section with nothing to print says, in every
// output: a bare heading would look as if its text had been lost.
const EmptySectionText = "无。"

// SignatureLineText is the optional line under the 落款 for the signed
// paper copy (Signing.SignatureLine).
const SignatureLineText = "单位负责人（签字）："

// Block is one printed block of the outline.
type Block struct {
	Kind BlockKind `json:"kind"`
	// Section is the key of the section the block belongs to; "" for the
	// title, the preamble and the 落款.
	Section string `json:"section,omitempty"`
	// Field is the field path of Text (of the title, for a heading made
	// from a part's title), for locating problems; "" when generated.
	Field string `json:"field,omitempty"`
	// Offset is where Text starts in Field's text, in runes; -1 when Text
	// is generated (headings, "无。").
	Offset int `json:"offset"`
	// Lead is the number, or the number and title, run into the start of
	// a paragraph ("1.主动公开方面。", "（一）"); LeadKind is the heading
	// kind whose font it takes (BlockHeading2 楷体 or BlockHeading3 仿宋).
	Lead     string    `json:"lead,omitempty"`
	LeadKind BlockKind `json:"lead_kind,omitempty"`
	// Text is the heading or paragraph text, without Lead.
	Text string `json:"text,omitempty"`
	// Tables are the tables of a BlockTables block, in print order, laid
	// on one grid Width columns wide (the blocks of table 二 share it; a
	// narrower block's last column spans the rest).
	Tables []*Table `json:"-"`
	Width  int      `json:"width,omitempty"`
	// TableKeys names Tables, for goldens.
	TableKeys []string `json:"tables,omitempty"`
	// Organ and Date are the 落款 of a BlockSigning block (either may be
	// ""); OrganField is the field the organ comes from.
	Organ      string `json:"organ,omitempty"`
	OrganField string `json:"organ_field,omitempty"`
	Date       string `json:"date,omitempty"`
}

// IsHeading reports whether the block is a heading of any level.
func (b Block) IsHeading() bool {
	return b.Kind == BlockHeading1 || b.Kind == BlockHeading2 || b.Kind == BlockHeading3
}

// Printed is the block's text as printed: Lead then Text.
func (b Block) Printed() string { return b.Lead + b.Text }

// Para is one paragraph of a text field and the rune offset where it
// starts in the field.
type Para struct {
	Text   string
	Offset int
}

// ParagraphsAt splits a text into its paragraphs, the lines with something
// printable (see printable), trimmed, with their offsets.
func ParagraphsAt(s string) []Para {
	var out []Para
	off := 0
	for _, line := range strings.Split(s, "\n") {
		n := len([]rune(line))
		trimmed := strings.TrimLeft(line, "\u3000 \t\r")
		lead := n - len([]rune(trimmed))
		if p := strings.TrimRight(trimmed, "\u3000 \t\r"); printable(p) {
			out = append(out, Para{Text: p, Offset: off + lead})
		}
		off += n + 1
	}
	return out
}

// Outline returns the blocks the report prints, in order: the title, the
// preamble, each section's heading and content ("无。" when it has none),
// the 落款, and the signature line when signatureLine is set (callers pass
// r.Signing.SignatureLine unless the user chose otherwise for this copy).
//
// Content per section: 一 the overview parts (numbered as NumberParts
// says, titles run in when Overview.Inline, else headings of their own);
// 二, 三, 四 their tables; 五 the improvement groups (ImprovementGroups) as
// （一） headings with their items numbered 1. and titles run in; 六 the fee
// statement as written (whichever template: an empty one prints nothing and
// the checks warn on the 2021 template), the free text, then the items as
// （一） headings.
func (r *Report) Outline(signatureLine bool) []Block {
	o := &outliner{r: r}
	o.add(Block{Kind: BlockTitle, Field: FieldOrganShortName, Offset: -1, Text: r.Title()})
	o.paras("", FieldPreamble, r.Preamble)
	t := r.Tmpl()
	for _, s := range t.Sections {
		o.add(Block{Kind: BlockHeading1, Section: s.Key, Offset: -1, Text: s.Title()})
		before := len(o.out)
		switch s.Key {
		case SectionOverview:
			n := r.Overview.Numbering
			if n == "" {
				n = NumberParen
			}
			o.parts(s.Key, FieldOverviewParts, r.Overview.Parts, n, r.Overview.Inline)
		case SectionActive, SectionRequests, SectionReview:
			if tbs, width := t.SectionTables(s); len(tbs) > 0 {
				b := Block{Kind: BlockTables, Section: s.Key, Offset: -1, Tables: tbs, Width: width}
				for _, tb := range tbs {
					b.TableKeys = append(b.TableKeys, tb.Key)
				}
				o.add(b)
			}
		case SectionImprovement:
			for _, g := range r.ImprovementGroups() {
				if g.Title != "" {
					o.add(Block{Kind: BlockHeading2, Section: s.Key, Field: g.TitleField, Offset: -1, Text: g.Label + g.Title})
				}
				o.parts(s.Key, g.List, g.Parts, NumberArabic, true)
			}
		case SectionOther:
			o.paras(s.Key, FieldFee, r.Other.Fee)
			o.paras(s.Key, FieldOtherText, r.Other.Text)
			o.parts(s.Key, FieldOtherItems, r.Other.Items, NumberParen, false)
		}
		if len(o.out) == before {
			o.add(Block{Kind: BlockParagraph, Section: s.Key, Offset: -1, Text: EmptySectionText})
		}
	}
	organ := strings.TrimSpace(r.SignedBy())
	date := r.Signing.Date.Chinese()
	if organ != "" || date != "" {
		field := FieldSigningOrgan
		if strings.TrimSpace(r.Signing.Organ) == "" {
			field = FieldOrganFullName
		}
		o.add(Block{Kind: BlockSigning, Offset: -1, Organ: organ, OrganField: field, Date: date})
	}
	if signatureLine {
		o.add(Block{Kind: BlockSignature, Field: FieldSignatureLine, Offset: -1, Text: SignatureLineText})
	}
	return o.out
}

type outliner struct {
	r   *Report
	out []Block
}

func (o *outliner) add(b Block) { o.out = append(o.out, b) }

// paras adds a text field's paragraphs.
func (o *outliner) paras(section, field, text string) {
	for _, p := range ParagraphsAt(text) {
		o.add(Block{Kind: BlockParagraph, Section: section, Field: field, Offset: p.Offset, Text: p.Text})
	}
}

// parts adds a list of titled parts numbered as NumberParts says. An
// untitled part is its paragraphs, the first led in by the number; a
// titled part runs "number title。" into its first paragraph when inline
// and it has text, else prints "number title" as a heading (（一） 楷体 for
// NumberParen, 1. 仿宋 for NumberArabic) above its paragraphs.
func (o *outliner) parts(section, list string, ps []Part, n Numbering, inline bool) {
	kind := BlockHeading2
	if n == NumberArabic {
		kind = BlockHeading3
	}
	for _, p := range NumberParts(ps, n) {
		paras := ParagraphsAt(p.Text)
		textField := FieldPath(list, p.Index, "text")
		lead := ""
		switch {
		case p.Title == "":
			lead = p.Label
		case !inline || len(paras) == 0:
			o.add(Block{Kind: kind, Section: section, Field: FieldPath(list, p.Index, "title"), Offset: -1, Text: p.Label + p.Title})
		default:
			lead = LeadIn(p.Label, p.Title)
		}
		for j, pa := range paras {
			b := Block{Kind: BlockParagraph, Section: section, Field: textField, Offset: pa.Offset, Text: pa.Text}
			if j == 0 && lead != "" {
				b.Lead, b.LeadKind = lead, kind
			}
			o.add(b)
		}
	}
}

// printable reports whether s has a character that prints: a paragraph of
// control or format characters only (a stray \x04, a zero-width space) is
// no paragraph.
func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && unicode.IsGraphic(r) {
			return true
		}
	}
	return false
}
