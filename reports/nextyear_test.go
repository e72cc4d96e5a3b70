package reports

import (
	"reflect"
	"testing"
)

func TestNextYear(t *testing.T) {
	prev := filledReport()
	prev.Contact.Address = "人民路1号"
	prev.Other.Items = []Part{{Title: "政务公开工作创新情况", Text: "开通政务公开微信公众号。"}}
	prev.LastYear = previousReport()
	r := NextYear(prev, 2024)

	if r.Year != 2024 || r.Template != V2021 || r.Organ != prev.Organ || r.Contact != prev.Contact {
		t.Errorf("year, template, organ or contact not carried: %+v", r)
	}
	if got := r.Value("t3.carry.natural").String(); got != "2" {
		t.Errorf("上年结转 自然人 = %s, want last year's 结转下年度 2", got)
	}
	if got := r.Value("t3.carry.total").String(); got != "2" {
		t.Errorf("上年结转 总计 = %s, want 2", got)
	}
	if got := r.Value("t2_1.norms.valid").String(); got != "12" {
		t.Errorf("现行有效 starts at %s, want last year's 12", got)
	}
	if got := r.Value("t3.new.natural").String(); got != "0" {
		t.Errorf("本年新收 = %s, want 0", got)
	}
	for i, p := range r.Overview.Parts {
		if p.Title != prev.Overview.Parts[i].Title || p.Text != "" {
			t.Errorf("part %d = %+v: title must carry over, text start empty", i, p)
		}
	}
	if len(r.Other.Items) != 1 || r.Other.Items[0].Title != "政务公开工作创新情况" || r.Other.Items[0].Text != "" {
		t.Errorf("六 items: %+v", r.Other.Items)
	}
	if len(r.Improvement.Problems) != 0 || len(r.Improvement.Measures) != 0 {
		t.Error("五 must start empty")
	}
	if r.Signing.Date != (Date{}) || r.Signing.Organ != prev.Signing.Organ {
		t.Errorf("signing: %+v", r.Signing)
	}
	want := prev.Clone()
	want.LastYear = nil
	if !reflect.DeepEqual(r.LastYear, want) {
		t.Error("LastYear is not last year's report (without its own LastYear)")
	}
	// The only error of a fresh report is the carried-over request that
	// has no result yet; the carry-over itself agrees with last year.
	for _, f := range Check(r, nil) {
		if f.Severity == Error && (f.Code != CodeT3Balance || f.Location.Column != "natural") {
			t.Errorf("a fresh next-year report has error %v", f)
		}
	}
	// Editing the new report leaves last year's alone.
	r.Overview.Parts[0].Text = "新内容"
	if prev.Overview.Parts[0].Text == "新内容" || r.LastYear.Overview.Parts[0].Text == "新内容" {
		t.Error("NextYear shares text with last year's report")
	}
}

func TestNextYearFrom2019Format(t *testing.T) {
	prev := cleanReport(2020)
	prev.Cells["t3.new.business"] = Num(4)
	prev.Cells["t3.open.business"] = Num(1)
	prev.Cells["t3.next.business"] = Num(3)
	prev.Cells["t2_1.norms.valid"] = Num(50) // 对外公开总数量: not 现行有效件数
	r := NextYear(prev, 2021)
	if r.Template != V2021 {
		t.Fatalf("template %s, want 2021", r.Template)
	}
	if got := r.Value("t3.carry.business").String(); got != "3" {
		t.Errorf("上年结转 商业企业 = %s, want 3", got)
	}
	if got := r.Value("t2_1.norms.valid").String(); got != "0" {
		t.Errorf("现行有效件数 = %s: the 2019 对外公开总数量 must not carry over", got)
	}
	if _, ok := r.Cells["t3.other.natural"]; ok {
		t.Error("a 2019-only cell leaked into the 2021 report")
	}
	if r.LastYear.Template != V2019 {
		t.Error("LastYear lost its template")
	}
	for _, f := range Check(r, nil) {
		if f.Severity == Error && (f.Code != CodeT3Balance || f.Location.Column != "business") {
			t.Errorf("2019→2021 next year has error %v", f)
		}
	}
}
