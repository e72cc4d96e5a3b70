package reports

import (
	"fmt"
	"reflect"
	"strings"
)

// Difference is one part of a report that differs between two versions,
// named for people: which table or part, and how.
type Difference struct {
	Part   string // e.g. "表三", "一、总体情况", "基本信息"
	Detail string // e.g. "2 个数字不同：「一、本年新收」行「自然人」列 12 → 15 …"
}

// String is the difference as one Chinese line: the part, and what differs in it.
func (d Difference) String() string {
	if d.Detail == "" {
		return d.Part
	}
	return d.Part + "：" + d.Detail
}

// maxCellExamples is how many differing cells a table's Difference names.
const maxCellExamples = 3

// Diff lists the parts in which b differs from a, in the order of the
// report: basic information, preamble, the six sections (every table on
// its own), signing, last year's data. Totals are not compared (they follow
// from the typed numbers).
func Diff(a, b *Report) []Difference {
	var out []Difference
	add := func(part string, details []string) {
		if len(details) > 0 {
			out = append(out, Difference{Part: part, Detail: strings.Join(details, "；")})
		}
	}
	var basic []string
	field := func(path string, x, y any) {
		if !reflect.DeepEqual(x, y) {
			f, _ := LookupField(path)
			basic = append(basic, f.Name)
		}
	}
	field(FieldYear, a.Year, b.Year)
	field(FieldTemplate, a.Template, b.Template)
	field(FieldOrganFullName, a.Organ.FullName, b.Organ.FullName)
	field(FieldOrganShortName, a.Organ.ShortName, b.Organ.ShortName)
	field(FieldOrganLevel, a.Organ.Level, b.Organ.Level)
	field(FieldContactOffice, a.Contact.Office, b.Contact.Office)
	field(FieldContactPhone, a.Contact.Phone, b.Contact.Phone)
	field(FieldContactAddress, a.Contact.Address, b.Contact.Address)
	if len(basic) > 0 {
		add("基本信息", []string{strings.Join(basic, "、") + "不同"})
	}
	if a.Preamble != b.Preamble {
		add("前言", []string{"正文不同"})
	}
	t := b.Tmpl()
	sectionTitle := func(key string) string {
		if s := t.Section(key); s != nil {
			return s.Title()
		}
		return key
	}
	var ov []string
	if a.Overview.Numbering != b.Overview.Numbering || a.Overview.Inline != b.Overview.Inline {
		ov = append(ov, "分项编号或排版不同")
	}
	ov = append(ov, partsDiff("", a.Overview.Parts, b.Overview.Parts, b.Overview.Numbering)...)
	add(sectionTitle(SectionOverview), ov)
	if a.Template == b.Template {
		for _, tb := range t.Tables {
			add(tb.Name(t), cellsDiff(t, tb, a, b))
		}
	} else {
		add("统计表", []string{"模板版本不同，表格无法逐格比较"})
	}
	var imp []string
	if a.Improvement.ProblemsTitle != b.Improvement.ProblemsTitle || a.Improvement.MeasuresTitle != b.Improvement.MeasuresTitle {
		imp = append(imp, "小标题不同")
	}
	imp = append(imp, partsDiff("问题", a.Improvement.Problems, b.Improvement.Problems, NumberParen)...)
	imp = append(imp, partsDiff("措施", a.Improvement.Measures, b.Improvement.Measures, NumberParen)...)
	add(sectionTitle(SectionImprovement), imp)
	var other []string
	if a.Other.Fee != b.Other.Fee {
		other = append(other, "收费情况说明不同")
	}
	if a.Other.Text != b.Other.Text {
		other = append(other, "正文不同")
	}
	other = append(other, partsDiff("", a.Other.Items, b.Other.Items, NumberParen)...)
	add(sectionTitle(SectionOther), other)
	if !reflect.DeepEqual(a.Signing, b.Signing) {
		add("落款与打印", []string{"落款机关、日期或打印选项不同"})
	}
	switch {
	case (a.LastYear == nil) != (b.LastYear == nil):
		add("上年报告数据", []string{"一方有，一方没有"})
	case a.LastYear != nil && len(Diff(a.LastYear, b.LastYear)) > 0:
		add("上年报告数据", []string{"内容不同"})
	}
	return out
}

// partsDiff compares two lists of titled parts.
func partsDiff(what string, a, b []Part, n Numbering) []string {
	var out []string
	if len(a) != len(b) {
		out = append(out, fmt.Sprintf("%s分项数不同（%d 项 / %d 项）", what, len(a), len(b)))
	}
	for i := 0; i < len(a) && i < len(b); i++ {
		name := n.Label(i)
		if b[i].Title != "" {
			name += "“" + b[i].Title + "”"
		}
		switch {
		case a[i].Title != b[i].Title && a[i].Text != b[i].Text:
			out = append(out, what+name+"标题和正文不同")
		case a[i].Title != b[i].Title:
			out = append(out, what+name+"标题不同")
		case a[i].Text != b[i].Text:
			out = append(out, what+name+"正文不同")
		}
	}
	return out
}

// cellsDiff compares the typed cells of one table.
func cellsDiff(t *Template, tb *Table, a, b *Report) []string {
	var ex []string
	n := 0
	for ri, row := range tb.Rows {
		for ci, col := range tb.Columns {
			if tb.IsComputed(ri, ci) {
				continue
			}
			k := Key(tb.Key, row.Key, col.Key)
			x, y := a.Cell(k), b.Cell(k)
			if x == y || x.String() == y.String() {
				continue
			}
			n++
			if len(ex) < maxCellExamples {
				ex = append(ex, fmt.Sprintf("「%s」行「%s」列 %s → %s", tb.RowName(ri), tb.ColumnName(ci), cellText(x), cellText(y)))
			}
		}
	}
	if n == 0 {
		return nil
	}
	s := fmt.Sprintf("%d个数字不同：%s", n, strings.Join(ex, "，"))
	if n > len(ex) {
		s += "等"
	}
	return []string{s}
}

func cellText(c Cell) string {
	if c.Blank {
		return "（空）"
	}
	return c.String()
}
