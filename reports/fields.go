package reports

import (
	"strconv"
	"strings"
)

// The report's text fields, by their paths: the keys of the file format
// (docs/file-format.md), of Location.Field, of the forms' fields and of the
// printed outline. A list of titled parts (overview.parts, …) has item
// paths below it: FieldPath(FieldOverviewParts, 2, "text").
const (
	FieldYear           = "year"
	FieldTemplate       = "template"
	FieldOrganFullName  = "organ.full_name"
	FieldOrganShortName = "organ.short_name"
	FieldOrganLevel     = "organ.level"
	FieldContactOffice  = "contact.office"
	FieldContactPhone   = "contact.phone"
	FieldContactAddress = "contact.address"
	FieldPreamble       = "preamble"
	FieldOverviewParts  = "overview.parts"
	FieldProblemsTitle  = "improvement.problems_title"
	FieldProblems       = "improvement.problems"
	FieldMeasuresTitle  = "improvement.measures_title"
	FieldMeasures       = "improvement.measures"
	FieldFee            = "other.fee"
	FieldOtherText      = "other.text"
	FieldOtherItems     = "other.items"
	FieldSigningOrgan   = "signing.organ"
	FieldSigningDate    = "signing.date"
	// FieldSignatureLine is the 签字行 option (not a text: no entry in
	// Fields), the field of the outline's BlockSignature.
	FieldSignatureLine = "signing.signature_line"
)

// The parts of a report outside its six sections, as the window's
// navigation and the order of findings know them; the sections are parts
// under their own keys (SectionOverview, …).
const (
	PartBasic   = "basic"   // 基本信息: year, template, organ, contact, 前言
	PartSigning = "signing" // 落款与打印
)

// Field is one text field of a report, or one list of titled parts.
type Field struct {
	Path string // e.g. FieldFee
	// Name is the Chinese name for messages ("信息处理费说明"); "" for a
	// list whose section title names it well enough (一、总体情况's parts).
	Name string
	Part string // PartBasic, a section key, or PartSigning
	List bool   // a list of titled parts: item paths go on with ".N.title" and ".N.text"
}

// Fields is every field in the order the report reads, the order of the
// checks' findings within a part.
var Fields = []Field{
	{Path: FieldOrganFullName, Name: "机关全称", Part: PartBasic},
	{Path: FieldOrganShortName, Name: "机关简称", Part: PartBasic},
	{Path: FieldContactOffice, Name: "联系机构", Part: PartBasic},
	{Path: FieldContactPhone, Name: "联系电话", Part: PartBasic},
	{Path: FieldContactAddress, Name: "联系地址", Part: PartBasic},
	{Path: FieldPreamble, Name: "前言", Part: PartBasic},
	{Path: FieldOverviewParts, Name: "", Part: SectionOverview, List: true},
	{Path: FieldProblemsTitle, Name: "问题组标题", Part: SectionImprovement},
	{Path: FieldProblems, Name: "存在的主要问题", Part: SectionImprovement, List: true},
	{Path: FieldMeasuresTitle, Name: "措施组标题", Part: SectionImprovement},
	{Path: FieldMeasures, Name: "改进措施", Part: SectionImprovement, List: true},
	{Path: FieldFee, Name: "信息处理费说明", Part: SectionOther},
	{Path: FieldOtherText, Name: "正文", Part: SectionOther},
	{Path: FieldOtherItems, Name: "事项", Part: SectionOther, List: true},
	{Path: FieldSigningOrgan, Name: "落款机关", Part: PartSigning},
	{Path: FieldSigningDate, Name: "落款日期", Part: PartSigning},
	{Path: FieldTemplate, Name: "模板版本", Part: PartBasic},
	{Path: FieldYear, Name: "年度", Part: PartBasic},
	{Path: FieldOrganLevel, Name: "机关层级", Part: PartBasic},
}

// FieldAt is where a field path points: the field, its place in Fields,
// and for an item of a list its index and "title" or "text".
type FieldAt struct {
	Field
	Rank  int    // place in Fields
	Index int    // the item's index; -1 for the field itself
	Sub   string // "title" or "text" for an item; ""
}

// FieldName is the Chinese name of the field a path names, as findings
// and the window's labels say it ("联系机构"); the path itself when no
// field has it.
func FieldName(path string) string {
	if f, ok := LookupField(path); ok {
		return f.Name
	}
	return path
}

// LookupField finds the field a path names, the field itself
// ("other.fee") or an item of a list ("overview.parts.2.text").
func LookupField(path string) (FieldAt, bool) {
	for i, f := range Fields {
		if path == f.Path {
			return FieldAt{Field: f, Rank: i, Index: -1}, true
		}
		if !f.List {
			continue
		}
		if rest, ok := strings.CutPrefix(path, f.Path+"."); ok {
			idx, sub, _ := strings.Cut(rest, ".")
			n, err := strconv.Atoi(idx)
			if err != nil {
				return FieldAt{}, false
			}
			return FieldAt{Field: f, Rank: i, Index: n, Sub: sub}, true
		}
	}
	return FieldAt{}, false
}

// Part is the part of the report a location is in: the section of its
// table, else the part of its field, else its section, else PartBasic.
func (l Location) Part(t *Template) string {
	if l.Table != "" && t != nil {
		if tb := t.Table(l.Table); tb != nil {
			return tb.Section
		}
	}
	if f, ok := LookupField(l.Field); ok {
		return f.Part
	}
	switch {
	case strings.HasPrefix(l.Field, "organ."), strings.HasPrefix(l.Field, "contact."):
		return PartBasic
	case l.Field == PartSigning || strings.HasPrefix(l.Field, PartSigning+"."):
		return PartSigning
	}
	if l.Section != "" {
		return l.Section
	}
	return PartBasic
}
