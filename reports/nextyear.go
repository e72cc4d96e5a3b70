package reports

import (
	"fmt"
)

// NextYear starts the report for year from last year's report prev: the
// organ, contact, structure and section titles carry over; 上年结转 is last
// year's 结转下年度继续办理; 现行有效件数 starts from last year's; narrative
// texts start empty (copying last year's text is what evaluators penalise),
// and last year's report is kept in LastYear as the reference beside the
// editors and for the cross-year checks.
func NextYear(prev *Report, year int) *Report {
	r := New(year)
	r.Organ = prev.Organ
	r.Contact = prev.Contact
	r.Preamble = DefaultPreamble(r)
	r.Overview.Numbering = prev.Overview.Numbering
	r.Overview.Inline = prev.Overview.Inline
	if len(prev.Overview.Parts) > 0 {
		r.Overview.Parts = nil
		for _, p := range prev.Overview.Parts {
			r.Overview.Parts = append(r.Overview.Parts, Part{Title: p.Title})
		}
	}
	if prev.Improvement.ProblemsTitle != "" {
		r.Improvement.ProblemsTitle = prev.Improvement.ProblemsTitle
	}
	if prev.Improvement.MeasuresTitle != "" {
		r.Improvement.MeasuresTitle = prev.Improvement.MeasuresTitle
	}
	for _, it := range prev.Other.Items {
		r.Other.Items = append(r.Other.Items, Part{Title: it.Title})
	}
	r.Signing.Organ = prev.Signing.Organ
	r.Signing.SignatureLine = prev.Signing.SignatureLine
	r.Signing.Fonts = prev.Signing.Fonts

	t3 := r.Tmpl().Table(TableT3)
	for _, c := range t3.Columns {
		k := Key(TableT3, RowNext, c.Key)
		if r.Tmpl().IsInput(Key(TableT3, RowCarry, c.Key)) {
			r.Cells[Key(TableT3, RowCarry, c.Key)] = Cell{Value: prev.Value(k)}
		}
	}
	if prev.Template == r.Template {
		for _, row := range []string{"rules", "norms"} {
			k := Key("t2_1", row, "valid")
			if c := prev.Cell(k); c.IsNumber() {
				r.Cells[k] = c
			}
		}
	}
	last := prev.Clone()
	last.LastYear = nil
	r.LastYear = last
	return r
}

// DefaultPreamble writes the usual opening of a report from its year, organ
// and contact: the legal basis, what the report contains and whom to ask.
func DefaultPreamble(r *Report) string {
	s := fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室有关要求编制。报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", r.Year, r.Year)
	if r.Contact.Office != "" || r.Contact.Phone != "" {
		s += "\n如对本报告有任何疑问，请联系："
		s += r.Contact.Office
		if r.Contact.Address != "" {
			s += "，地址：" + r.Contact.Address
		}
		if r.Contact.Phone != "" {
			if r.Contact.Office != "" || r.Contact.Address != "" {
				s += "，"
			}
			s += "联系电话：" + r.Contact.Phone
		}
		s += "。"
	}
	return s
}
