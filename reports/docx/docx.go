// Package docx writes a report as a Word document (.docx) in 公文 format
// (GB/T 9704-2012) that Word, WPS and LibreOffice open without repair and
// that the clerk can go on editing: A4 with the standard margins, 22 lines
// of 28 characters (a line grid and a body style narrowed to the 28-character
// pitch; docs/docx.md says why not a character grid), everything formatted through
// styles (title 小标宋, body 仿宋, headings 黑体/楷体, tables 宋体), the
// tables 二, 三 and 四 as real Word tables with the template's merged cells,
// page numbers "— 1 —" as PAGE fields, odd pages right and even pages left,
// the 落款 right-aligned with room for the seal, and the document
// properties (title, author = the organ).
//
// The text comes from the printed outline (reports.Report.Outline), the
// same blocks the PDF, the web page and the plain text print, and the
// table column widths from reports.Table.ColumnWidths, the PDF's. Numbers
// are typed text, not Word list numbering, so that importing the file
// (package importer) gives the report back.
//
// The parts are written with encoding/xml's escaping through a small
// element writer: see docs/docx.md for why no document library is used.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"nianbao/reports"
	"nianbao/version"
)

// Options change how a report is written. The zero value writes as the
// report's own signing settings say.
type Options struct {
	// Date is the creation time written in the document properties; the
	// zero time means now. A fixed date gives byte-identical output.
	Date time.Time
	// SignatureLine adds 单位负责人（签字）： after the 落款; nil means as
	// the report says (Signing.SignatureLine).
	SignatureLine *bool
}

// Geometry of GB/T 9704-2012 in twentieths of a point (twips).
const (
	PageWidth    = 11906 // A4, 210 mm
	PageHeight   = 16838 // 297 mm
	MarginTop    = 2098  // 37 mm
	MarginLeft   = 1587  // 28 mm
	TypeWidth    = 8844  // 156 mm
	TypeHeight   = 12756 // 225 mm
	MarginRight  = PageWidth - MarginLeft - TypeWidth
	MarginBottom = PageHeight - MarginTop - TypeHeight
	// LinePitch is the grid's line pitch: 22 lines fill the type area
	// (rounded down, so that the 22nd line still fits).
	LinePitch    = TypeHeight / LinesPerPage
	LinesPerPage = reports.LinesPerPage
	CharsPerLine = reports.CharsPerLine
	bodyHalfPts  = 32 // 3号, 16 pt, in half-points
	titleHalfPts = 44 // 2号, 22 pt
	pageNoHalf   = 28 // 4号, 14 pt
	footerDist   = 1247
	headerDist   = 851
)

// Write writes r as a .docx to w.
func Write(w io.Writer, r *reports.Report, opts Options) error {
	if r == nil {
		return fmt.Errorf("没有报告可导出")
	}
	if opts.Date.IsZero() {
		opts.Date = time.Now()
	}
	sig := r.Signing.SignatureLine
	if opts.SignatureLine != nil {
		sig = *opts.SignatureLine
	}
	doc := &document{r: r}
	body := doc.body(r.Outline(sig))
	zw := zip.NewWriter(w)
	// A fixed time in the zip headers too, so that equal input gives
	// equal bytes.
	stamp := opts.Date.UTC()
	for _, p := range []struct{ name, data string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreXML(r, stamp)},
		{"docProps/app.xml", appXML("nianbao " + version.Number)},
		{"word/document.xml", body},
		{"word/styles.xml", stylesXML()},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML()},
		{"word/footer1.xml", footerXML("right")},
		{"word/footer2.xml", footerXML("left")},
		{"word/_rels/document.xml.rels", documentRels},
	} {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return fmt.Errorf("write Word document: %w", err)
		}
		if _, err := io.WriteString(fw, p.data); err != nil {
			return fmt.Errorf("write Word document: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write Word document: %w", err)
	}
	return nil
}

// Bytes returns the .docx of r.
func Bytes(r *reports.Report, opts Options) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, r, opts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteFile writes the .docx of r to path atomically (the previous file,
// if any, is kept as path+".bak").
func WriteFile(path string, r *reports.Report, opts Options) error {
	data, err := Bytes(r, opts)
	if err != nil {
		return err
	}
	return reports.WriteFileAtomic(path, data, true)
}

// Style IDs. The headings use Word's built-in heading styles, so that the
// navigation pane and the table of contents see the outline.
const (
	styleNormal     = "Normal"
	styleTitle      = "Title"
	styleHeading1   = "Heading1"
	styleHeading2   = "Heading2"
	styleHeading3   = "Heading3"
	styleLeadKai    = "LeadKai"
	styleSignOrgan  = "SigningOrgan"
	styleSignDate   = "SigningDate"
	styleSignature  = "SignatureLine"
	styleTable      = "ReportTable"
	styleCell       = "TableText"
	styleCellLabel  = "TableLabel"
	styleCellBig    = "TableText12"
	styleCellBigLbl = "TableLabel12"
	styleCellNote   = "TableNote"
	styleFooter     = "Footer"
)

var headingStyles = map[reports.BlockKind]string{
	reports.BlockHeading1: styleHeading1,
	reports.BlockHeading2: styleHeading2,
	reports.BlockHeading3: styleHeading3,
}

// document builds word/document.xml.
type document struct {
	r *reports.Report
	b strings.Builder
}

func (d *document) printf(format string, a ...any) { fmt.Fprintf(&d.b, format, a...) }

// body writes the outline's blocks and the section properties.
func (d *document) body(blocks []reports.Block) string {
	d.b.WriteString(xmlHeader)
	d.b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	for i, b := range blocks {
		// The paragraph before the 落款 goes to its page with it (and,
		// through the heading style's keep-with-next, its heading too); a
		// one-line paragraph right under a heading keeps the next one, so
		// that the heading has two lines of its text on its page, as in
		// the PDF.
		keep := i+1 < len(blocks) && blocks[i+1].Kind == reports.BlockSigning ||
			i > 0 && blocks[i-1].IsHeading() && b.Kind == reports.BlockParagraph && charWidth(b.Printed()) <= CharsPerLine-2 &&
				i+1 < len(blocks) && blocks[i+1].Kind == reports.BlockParagraph
		switch b.Kind {
		case reports.BlockTitle:
			d.title(b.Text)
		case reports.BlockHeading1, reports.BlockHeading2, reports.BlockHeading3:
			d.para(headingStyles[b.Kind], "", keep, run{text: b.Text})
		case reports.BlockParagraph:
			var runs []run
			if b.Lead != "" {
				st := ""
				if b.LeadKind == reports.BlockHeading2 {
					st = styleLeadKai
				}
				runs = append(runs, run{text: b.Lead, style: st})
			}
			d.para(styleNormal, "", keep, append(runs, run{text: b.Text})...)
		case reports.BlockTables:
			d.tables(b)
		case reports.BlockSigning:
			d.signing(b)
		case reports.BlockSignature:
			d.para(styleSignature, "", false, run{text: b.Text})
		}
	}
	d.printf(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`+
		`<w:pgNumType w:fmt="decimal" w:start="1"/><w:cols w:space="425"/>`+
		`<w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`,
		PageWidth, PageHeight, MarginTop, MarginRight, MarginBottom, MarginLeft, headerDist, footerDist, LinePitch)
	d.b.WriteString(`</w:body></w:document>`)
	return d.b.String()
}

// titleChars is how many title characters (2号, 22 pt) fit a title line:
// the type area less one character of the title size on each side, as
// the PDF's title lines.
const titleChars = (TypeWidth/20 - 2*22) / 22

// title writes the title, centred; a title too long for one line breaks
// before 政府信息公开 (the fixed part of every title), as the PDF breaks
// it, so that both lines are balanced instead of the last holding "报告".
func (d *document) title(text string) {
	if k := strings.Index(text, "政府信息公开"); k > 0 && charWidth(text) > titleChars && charWidth(text[k:]) <= titleChars && charWidth(text[:k]) <= titleChars {
		d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleTitle + `"/></w:pPr>`)
		writeRun(&d.b, run{text: text[:k]})
		d.b.WriteString(`<w:r><w:br/></w:r>`)
		writeRun(&d.b, run{text: text[k:]})
		d.b.WriteString(`</w:p>`)
		return
	}
	d.para(styleTitle, "", false, run{text: text})
}

// run is text in one character style ("" for the paragraph's own).
type run struct {
	text  string
	style string
}

// para writes a paragraph in a style; extra is more paragraph properties
// (already XML); keep adds keep-with-next.
func (d *document) para(style, extra string, keep bool, runs ...run) {
	d.b.WriteString(`<w:p><w:pPr>`)
	if style != styleNormal {
		d.printf(`<w:pStyle w:val="%s"/>`, style)
	}
	if keep {
		d.b.WriteString(`<w:keepNext/>`)
	}
	d.b.WriteString(extra)
	d.b.WriteString(`</w:pPr>`)
	for _, r := range runs {
		writeRun(&d.b, r)
	}
	d.b.WriteString(`</w:p>`)
}

// writeRun writes a run; tabs become w:tab, characters XML cannot hold
// are left out (the PDF does not print them either).
func writeRun(b *strings.Builder, r run) {
	if r.text == "" {
		return
	}
	b.WriteString(`<w:r>`)
	if r.style != "" {
		fmt.Fprintf(b, `<w:rPr><w:rStyle w:val="%s"/></w:rPr>`, r.style)
	}
	for i, piece := range strings.Split(r.text, "\t") {
		if i > 0 {
			b.WriteString(`<w:tab/>`)
		}
		if piece = xmlText(piece); piece != "" {
			b.WriteString(`<w:t xml:space="preserve">`)
			b.WriteString(piece)
			b.WriteString(`</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
}

// signing writes the 落款: the organ centred over the date (two empty grid
// lines above it for the seal, by the style's spacing), the date four
// characters in from the right edge, as the PDF places them.
func (d *document) signing(b reports.Block) {
	dateW := charWidth(b.Date)
	if b.Organ != "" {
		// Right indent that centres the organ over the date; a name too
		// long for that ends at the right edge.
		right := max(0, int(math.Round(100*(4+(dateW-charWidth(b.Organ))/2))))
		d.para(styleSignOrgan, fmt.Sprintf(`<w:ind w:rightChars="%d" w:right="%d"/>`, right, right*320/100), false, run{text: b.Organ})
	}
	if b.Date != "" {
		style := styleSignDate
		if b.Organ == "" {
			style = styleSignOrgan // the room for the seal goes above the date
		}
		d.para(style, `<w:ind w:rightChars="400" w:right="1280"/>`, false, run{text: b.Date})
	}
}

// charWidth is the width of s in body characters: a CJK character or a
// full-width mark is one, an ASCII character (a digit of the date) half.
func charWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// xmlText escapes s for XML character data with encoding/xml, leaving out
// what XML 1.0 cannot hold (control characters, U+FFFE, U+FFFF), which the
// PDF does not print either.
func xmlText(s string) string {
	clean := strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(clean)) // a strings.Builder never fails
	return b.String()
}
