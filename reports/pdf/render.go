package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"

	"nianbao/reports"
)

// Render lays out the report and writes it as a PDF to w.
func Render(w io.Writer, r *reports.Report, opts Options) error {
	doc, err := Layout(r, opts)
	if err != nil {
		return err
	}
	return Draw(w, doc, opts.Date)
}

// RenderFile writes the report as a PDF file, atomically (a half-written
// file never replaces a good one). It returns the laid-out document, whose
// Missing and Notes the caller shows to the user.
func RenderFile(path string, r *reports.Report, opts Options) (*Document, error) {
	doc, err := Layout(r, opts)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := Draw(&buf, doc, opts.Date); err != nil {
		return nil, err
	}
	if err := reports.WriteFileAtomic(path, buf.Bytes(), false); err != nil {
		return nil, fmt.Errorf("写入 PDF 文件 %s：%w", path, err)
	}
	return doc, nil
}

// Draw writes a laid-out document as a PDF with its fonts embedded (only
// the glyphs used). created is the creation date in the PDF's metadata;
// the zero time means now.
func Draw(w io.Writer, doc *Document, created time.Time) error {
	return draw(w, doc, created, true)
}

// FontCompression is the zlib level of the embedded font streams.
const FontCompression = zlib.HuffmanOnly

// draw writes the PDF; presubset hands gopdf fonts cut down to the used
// glyphs (false gives it the whole fonts, for the benchmark's comparison).
func draw(w io.Writer, doc *Document, created time.Time, presubset bool) error {
	if created.IsZero() {
		created = time.Now()
	}
	pdf := startPDF(doc, created)
	if err := embedFonts(pdf, doc, presubset); err != nil {
		return err
	}
	pdf.SetLineType("solid")
	pdf.SetStrokeColor(0, 0, 0)
	pdf.SetTextColor(0, 0, 0)
	for _, p := range doc.Pages {
		if err := drawPage(pdf, p); err != nil {
			return err
		}
	}
	if _, err := pdf.WriteTo(w); err != nil {
		return fmt.Errorf("写出 PDF：%w", err)
	}
	return nil
}

// startPDF begins the PDF of the document's page size, in points, with
// its compression settings and metadata.
func startPDF(doc *Document, created time.Time) *gopdf.GoPdf {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: doc.Width, H: doc.Height}, Unit: gopdf.UnitPT})
	// Page content stays uncompressed: it is about 50 KB for the sample,
	// and compressing it costs a quarter of the drawing time.
	pdf.SetNoCompression()
	// Fonts are deflated Huffman-only (third_party/gopdf adds the setting):
	// at gopdf's fixed level 6 that took 20 of the 37 ms of the sample, for
	// 10 % fewer bytes (268 KB instead of 296 KB).
	pdf.SetFontCompressLevel(FontCompression)
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        doc.Title,
		Author:       doc.Author,
		Subject:      doc.Subject,
		Creator:      doc.Creator,
		Producer:     doc.Creator,
		CreationDate: created,
	})
	return pdf
}

// usedRunes is, per font name, the characters the document prints in it.
func usedRunes(doc *Document) map[string]map[rune]bool {
	used := map[string]map[rune]bool{}
	for _, p := range doc.Pages {
		for _, l := range p.Lines {
			for _, r := range l.Runs {
				if used[r.Font] == nil {
					used[r.Font] = map[rune]bool{}
				}
				for _, c := range r.Text {
					used[r.Font][c] = true
				}
			}
		}
	}
	return used
}

// embedFonts adds the fonts the document uses to the PDF, in a fixed order
// so that the output is deterministic: each cut down to its used glyphs
// when presubset, whole otherwise.
func embedFonts(pdf *gopdf.GoPdf, doc *Document, presubset bool) error {
	used := usedRunes(doc)
	for _, f := range orderedFaces(doc) {
		if used[f.Name] == nil {
			continue
		}
		var runes []rune
		for c := range used[f.Name] {
			runes = append(runes, c)
		}
		data := f.Data
		if presubset {
			var err error
			if data, err = subsetFont(f, runes); err != nil {
				return fmt.Errorf("嵌入字体 %s：%w", f.Name, err)
			}
		}
		if err := pdf.AddTTFFontData(f.Name, data); err != nil {
			return fmt.Errorf("嵌入字体 %s：%w", f.Name, err)
		}
	}
	return nil
}

// drawPage adds a page and draws its rules, then its lines run by run.
func drawPage(pdf *gopdf.GoPdf, p *Page) error {
	pdf.AddPage()
	lastW := -1.0
	for _, rule := range p.Rules {
		if rule.W != lastW {
			pdf.SetLineWidth(rule.W)
			lastW = rule.W
		}
		pdf.Line(rule.X1, rule.Y1, rule.X2, rule.Y2)
	}
	for _, l := range p.Lines {
		for _, r := range l.Runs {
			if err := pdf.SetFont(r.Font, "", r.Size); err != nil {
				return fmt.Errorf("字体 %s：%w", r.Font, err)
			}
			if err := pdf.SetCharSpacing(r.CharSpacing); err != nil {
				return err
			}
			pdf.SetXY(r.X, l.Y)
			if err := pdf.Text(r.Text); err != nil {
				return fmt.Errorf("第 %d 页文字“%s”：%w", p.Number, r.Text, err)
			}
		}
	}
	return nil
}

// orderedFaces lists the document's faces in role order, fallback last.
func orderedFaces(doc *Document) []*Face {
	seen := map[string]bool{}
	var out []*Face
	addName := func(name string) {
		if f := doc.faces[name]; f != nil && !seen[name] {
			seen[name] = true
			out = append(out, f)
		}
	}
	for _, r := range Roles {
		addName(doc.Fonts[r])
	}
	addName(doc.Fallback)
	return out
}
