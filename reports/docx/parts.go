package docx

import (
	"fmt"
	"strings"
	"time"

	"nianbao/reports"
)

// The fixed parts of the package and the style sheet. Element order inside
// every property element follows the WordprocessingML schema: Word refuses
// (or "repairs") a file whose pPr, rPr, tblPr or sectPr children are out
// of order.

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

const contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctBase + `document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctBase + `styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctBase + `settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="` + ctBase + `fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctBase + `footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="` + ctBase + `footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="` + relBase + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="` + relBase + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFonts" Type="` + relBase + `fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rIdFooterOdd" Type="` + relBase + `footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooterEven" Type="` + relBase + `footer" Target="footer2.xml"/>` +
	`</Relationships>`

// settingsXML turns on separate odd and even footers (the page number
// alternates sides), keeps full-width punctuation full width (as on the
// 公文 grid and in the PDF: compressing it would fit more than 28
// characters on a line) and keeps Word out of compatibility mode.
const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `">` +
	`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>` +
	`</w:settings>`

// coreXML holds the title, the subject and the organ as author.
func coreXML(r *reports.Report, t time.Time) string {
	stamp := t.Format("2006-01-02T15:04:05Z")
	organ := xmlText(strings.TrimSpace(r.SignedBy()))
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(r.Title()) + `</dc:title>` +
		`<dc:subject>政府信息公开工作年度报告</dc:subject>` +
		`<dc:creator>` + organ + `</dc:creator>` +
		`<cp:lastModifiedBy>` + organ + `</cp:lastModifiedBy>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

// appXML names the program that wrote the file.
func appXML(app string) string {
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Application>` + xmlText(app) + `</Application><DocSecurity>0</DocSecurity></Properties>`
}

// footerXML is a footer with the page number "— n —" (a PAGE field) in
// 4号 宋体, one character in from the given edge: right on odd pages, left
// on even ones.
func footerXML(side string) string {
	ind := `<w:ind w:right="280" w:firstLine="0"/>`
	if side == "left" {
		ind = `<w:ind w:left="280" w:firstLine="0"/>`
	}
	text := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	fld := func(typ string) string { return `<w:r><w:fldChar w:fldCharType="` + typ + `"/></w:r>` }
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/>` + ind + `<w:jc w:val="` + side + `"/></w:pPr>` +
		text("— ") + fld("begin") + `<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` + fld("separate") + text("1") + fld("end") + text(" —") +
		`</w:p></w:ftr>`
}

// The fonts the styles name. Each official font names the common one that
// replaces it where it is missing (w:altName), and its PANOSE class and
// GB2312 character set, from which Word and WPS pick a like substitute;
// LibreOffice maps them through its own replacement table and fontconfig.
// See docs/docx.md for the fallback chains.
const (
	fontTitle = "方正小标宋简体"
	fontFang  = "仿宋_GB2312"
	fontHei   = "黑体"
	fontKai   = "楷体_GB2312"
	fontSong  = "宋体"
)

type font struct {
	name, alt, panose, family, pitch string
}

var fonts = []font{
	{fontTitle, "华文中宋", "02000000000000000000", "auto", "variable"},
	{"华文中宋", "宋体", "02010600040101010101", "auto", "variable"},
	{fontFang, "仿宋", "02010609030101010101", "modern", "fixed"},
	{"仿宋", "FangSong", "02010609060101010101", "modern", "fixed"},
	{fontHei, "SimHei", "02010609060101010101", "modern", "fixed"},
	{fontKai, "楷体", "02010609030101010101", "modern", "fixed"},
	{"楷体", "KaiTi", "02010609060101010101", "modern", "fixed"},
	{fontSong, "SimSun", "02010600030101010101", "auto", "variable"},
}

func fontTableXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range fonts {
		fmt.Fprintf(&b, `<w:font w:name="%s"><w:altName w:val="%s"/><w:panose1 w:val="%s"/><w:charset w:val="86"/><w:family w:val="%s"/><w:pitch w:val="%s"/></w:font>`,
			f.name, f.alt, f.panose, f.family, f.pitch)
	}
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// rFonts names one font for every script, so that digits and Latin
// letters print in the same face as the Chinese around them, as in the PDF.
func rFonts(name string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:eastAsia="%[1]s" w:hAnsi="%[1]s" w:cs="%[1]s"/>`, name)
}

func size(halfPts int) string {
	return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, halfPts, halfPts)
}

// condensed narrows each character by 0.25 pt, to 15.75 pt, so that 28
// characters of 3号 fit the 156 mm line (28 × 15.75 = 441 pt of 442.2) in
// Word, WPS and LibreOffice alike: the GB/T 9704 line of 28 characters.
const condensed = `<w:spacing w:val="-5"/>`

// noIndent cancels the body's first-line indent.
const noIndent = `<w:ind w:firstLineChars="0" w:firstLine="0"/>`

// tableCell is the paragraph format of table text: off the document grid
// (rows as tall as their text), single spaced, no indent.
const tableCell = `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>`

// stylesXML is the style sheet: every format of the document lives here.
func stylesXML() string {
	var b strings.Builder
	st := func(typ, id, name, based, next, ppr, rpr, extra string) {
		fmt.Fprintf(&b, `<w:style w:type="%s" w:styleId="%s"`, typ, id)
		if id == styleNormal || id == "TableNormal" || id == "DefaultParagraphFont" {
			b.WriteString(` w:default="1"`)
		}
		fmt.Fprintf(&b, `><w:name w:val="%s"/>`, name)
		if based != "" {
			fmt.Fprintf(&b, `<w:basedOn w:val="%s"/>`, based)
		}
		if next != "" {
			fmt.Fprintf(&b, `<w:next w:val="%s"/>`, next)
		}
		b.WriteString(`<w:qFormat/>`)
		if ppr != "" {
			b.WriteString(`<w:pPr>` + ppr + `</w:pPr>`)
		}
		if rpr != "" {
			b.WriteString(`<w:rPr>` + rpr + `</w:rPr>`)
		}
		b.WriteString(extra + `</w:style>`)
	}
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(fontFang) + `<w:kern w:val="2"/>` + size(bodyHalfPts) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	// Body: 3号 仿宋_GB2312, justified, first line indented two characters.
	st("paragraph", styleNormal, "Normal", "", "", `<w:widowControl/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`, rFonts(fontFang)+condensed+size(bodyHalfPts), "")
	st("character", "DefaultParagraphFont", "Default Paragraph Font", "", "", "", "", "")
	st("table", "TableNormal", "Normal Table", "", "", "", "",
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>`)
	// Title: 2号 方正小标宋简体, centred, one grid line per line of the
	// title (exact spacing: the large size would take two) and one empty
	// grid line below.
	st("paragraph", styleTitle, "Title", styleNormal, styleNormal, `<w:keepNext/><w:spacing w:before="0" w:after="`+fmt.Sprint(LinePitch)+`" w:line="`+fmt.Sprint(LinePitch)+`" w:lineRule="exact"/>`+noIndent+`<w:jc w:val="center"/><w:outlineLvl w:val="9"/>`, rFonts(fontTitle)+`<w:spacing w:val="0"/>`+size(titleHalfPts), "")
	// Headings: kept with the next paragraph, in the outline.
	for i, h := range []struct{ id, name, font string }{
		{styleHeading1, "heading 1", fontHei}, {styleHeading2, "heading 2", fontKai}, {styleHeading3, "heading 3", fontFang},
	} {
		st("paragraph", h.id, h.name, styleNormal, styleNormal, fmt.Sprintf(`<w:keepNext/><w:keepLines/><w:outlineLvl w:val="%d"/>`, i), rFonts(h.font)+`<w:b w:val="0"/><w:bCs w:val="0"/>`, "")
	}
	st("character", styleLeadKai, "楷体引题", "DefaultParagraphFont", "", "", rFonts(fontKai), "")
	// 落款: the organ two grid lines below the text (room for the seal),
	// kept with the date; the date four characters in from the right.
	st("paragraph", styleSignOrgan, "落款单位", styleNormal, styleSignDate, `<w:keepNext/><w:spacing w:before="`+fmt.Sprint(2*LinePitch)+`" w:beforeLines="200"/>`+noIndent+`<w:jc w:val="right"/>`, "", "")
	st("paragraph", styleSignDate, "成文日期", styleNormal, styleNormal, `<w:keepNext/><w:ind w:rightChars="400" w:right="1280" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`, "", "")
	st("paragraph", styleSignature, "签字行", styleNormal, styleNormal, `<w:spacing w:before="`+fmt.Sprint(LinePitch)+`" w:beforeLines="100"/>`, "", "")
	// Tables: 宋体, 小四 in the blocks of table 二, 10 pt in 三 and 四,
	// the 勾稽关系 note 9 pt; numbers and headers centred, labels left.
	st("table", styleTable, "年报统计表", "TableNormal", "", "", rFonts(fontSong),
		`<w:tblPr><w:tblBorders>`+
			`<w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="6" w:space="0" w:color="000000"/>`+
			`<w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="6" w:space="0" w:color="000000"/>`+
			`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>`+
			`</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="40" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr>`+
			`<w:tcPr><w:vAlign w:val="center"/></w:tcPr>`)
	cellRun := func(halfPts int) string { return rFonts(fontSong) + `<w:snapToGrid w:val="0"/>` + size(halfPts) }
	st("paragraph", styleCell, "表格文字", "", "", tableCell+`<w:jc w:val="center"/>`, cellRun(20), "")
	st("paragraph", styleCellLabel, "表格标签", styleCell, "", `<w:jc w:val="left"/>`, "", "")
	st("paragraph", styleCellBig, "表格文字（小四）", styleCell, "", "", size(24), "")
	st("paragraph", styleCellBigLbl, "表格标签（小四）", styleCellLabel, "", "", size(24), "")
	st("paragraph", styleCellNote, "表格注释", styleCellLabel, "", "", size(18), "")
	st("paragraph", styleFooter, "footer", "", "", `<w:snapToGrid w:val="0"/>`+tableCellSpacing, rFonts(fontSong)+size(pageNoHalf), "")
	b.WriteString(`</w:styles>`)
	return b.String()
}

const tableCellSpacing = `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>`
