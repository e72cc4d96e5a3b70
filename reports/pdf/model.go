// Package pdf prints a report as a 公文-style Chinese PDF (GB/T 9704-2012):
// A4, a 156×225 mm type area, 3号 仿宋 body text on a grid of 22 lines of 28
// characters, justified lines, Chinese line breaking with 避头尾, the title
// in 小标宋, headings in 黑体/楷体/仿宋, tables 二, 三 and 四 drawn from the
// template with merged headers and continued across pages, page numbers
// "— 1 —", the 落款 with room for the seal, and embedded fonts.
//
// It works in two layers. Layout builds a Document: pages of positioned
// lines, runs of text with their fonts and sizes, and table rules, in
// points from the top-left corner of the page. It is plain data, golden-
// tested as JSON. Render and RenderFile draw a Document with gopdf.
//
// The package never imports Fyne: the command line and the window both use it.
package pdf

import (
	"math"
	"strings"

	"nianbao/reports"
)

// Kind says what a line of the document is.
type Kind string

// Line kinds.
const (
	KindTitle    Kind = "title"    // the report title
	KindHeading1 Kind = "heading1" // 一、 section headings (黑体)
	KindHeading2 Kind = "heading2" // （一） headings (楷体)
	KindHeading3 Kind = "heading3" // 1. headings (仿宋)
	KindBody     Kind = "body"     // paragraph text
	KindCell     Kind = "cell"     // text inside a table cell
	KindSigning  Kind = "signing"  // the 落款 and the signature line
	KindPageNo   Kind = "pageno"   // the page number
)

// Document is a laid-out report, ready to draw. Lengths are in points
// (1/72 inch), measured from the top-left corner of the page; a line's Y
// is its baseline.
type Document struct {
	Title   string  `json:"title"`
	Author  string  `json:"author"`
	Creator string  `json:"creator"`
	Subject string  `json:"subject"`
	Width   float64 `json:"width"`
	Height  float64 `json:"height"`
	// Fonts names the face used for each role, and Fallback the face used
	// for characters a role's font lacks.
	Fonts map[Role]string `json:"fonts"`
	// Families names the same fonts for people: 仿宋_GB2312, 内置仿宋（正文）.
	Families map[Role]string `json:"families"`
	Fallback string          `json:"fallback"`
	Pages    []*Page         `json:"pages"`
	// Missing lists characters that no font has; they are printed as □.
	Missing []MissingChar `json:"missing,omitempty"`
	// Notes are Chinese remarks on the fonts (an official font not found
	// or not usable, and so replaced by the embedded one).
	Notes []string `json:"notes,omitempty"`

	faces map[string]*Face
}

// Page is one A4 page.
type Page struct {
	Number int     `json:"number"`
	Lines  []*Line `json:"lines"`
	Rules  []Rule  `json:"rules,omitempty"`
}

// Line is one line of text: runs of characters in one font each.
type Line struct {
	Kind Kind `json:"kind"`
	// Section is the key of the report section the line belongs to
	// ("" for the title and the preamble).
	Section string `json:"section,omitempty"`
	// X is where the line's box starts and Width how wide the box is (the
	// type area minus indentation, or a table cell minus padding).
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
	Width float64 `json:"width"`
	// Justified marks a full line spread flush to both edges of its box.
	Justified bool  `json:"justified,omitempty"`
	Runs      []Run `json:"runs"`
}

// Text returns the characters of the line.
func (l *Line) Text() string {
	var b strings.Builder
	for _, r := range l.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// End returns the x where the line's last character ends.
func (l *Line) End() float64 {
	if len(l.Runs) == 0 {
		return l.X
	}
	r := l.Runs[len(l.Runs)-1]
	return round2(r.X + r.Width)
}

// Run is characters drawn in one font at one size, starting at X on the
// line's baseline; CharSpacing is added after every character.
type Run struct {
	X           float64 `json:"x"`
	Font        string  `json:"font"`
	Role        Role    `json:"role"`
	Fallback    bool    `json:"fallback,omitempty"`
	Size        float64 `json:"size"`
	CharSpacing float64 `json:"cs,omitempty"`
	// Width is the advance of the run's glyphs, without the spacing
	// after the last character.
	Width float64 `json:"w"`
	Text  string  `json:"text"`
}

// Rule is a straight line (a table border).
type Rule struct {
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
	X2 float64 `json:"x2"`
	Y2 float64 `json:"y2"`
	W  float64 `json:"w"`
}

// MissingChar is a character no available font can draw, and where it is.
type MissingChar struct {
	Char     string           `json:"char"`
	Location reports.Location `json:"location"`
}

// Geometry of GB/T 9704-2012, in points.
const (
	mm           = 72 / 25.4
	PageWidth    = 210 * mm
	PageHeight   = 297 * mm
	MarginTop    = 37 * mm
	MarginLeft   = 28 * mm
	TypeWidth    = 156 * mm
	TypeHeight   = 225 * mm
	BodySize     = 16.0 // 3号
	TitleSize    = 22.0 // 2号
	PageNoSize   = 14.0 // 4号
	LinesPerPage = reports.LinesPerPage
	CharsPerLine = reports.CharsPerLine
	LinePitch    = TypeHeight / LinesPerPage
	CharPitch    = TypeWidth / CharsPerLine
	pageNoGap    = 7 * mm
)

func round2(v float64) float64 { return math.Round(v*100) / 100 }
