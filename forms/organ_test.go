package forms

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

func TestOrganSuggestions(t *testing.T) {
	r := reports.New(2023)
	r.Organ = reports.Organ{Level: reports.LevelCountyDept}
	ed, _ := newTestEditor(t, r)
	s := ed.screen(PartBasic).(*basicScreen)
	full := s.fields["organ.full_name"].(*widget.Entry)

	typeInto(full, "新源县别")
	if len(s.organ.offered) == 0 || s.organ.offered[0].Organ != "新源县别斯托别乡人民政府" {
		t.Fatalf("offered %v after 新源县别", s.organ.offered)
	}
	if n := len(s.organ.suggestions.Objects); n != len(s.organ.offered) {
		t.Errorf("%d buttons for %d suggestions", n, len(s.organ.offered))
	}
	test.Tap(s.organ.suggestions.Objects[0].(*widget.Button))
	if r.Organ.FullName != "新源县别斯托别乡人民政府" || r.Organ.ShortName != "别斯托别乡" {
		t.Errorf("after the tap: %q / %q", r.Organ.FullName, r.Organ.ShortName)
	}
	if r.Organ.Level != reports.LevelTownship {
		t.Errorf("level %s, want township (derived from the division)", r.Organ.Level)
	}
	if !strings.Contains(s.organ.hint.Text, "654025200") || len(s.organ.offered) != 0 {
		t.Errorf("hint %q, offered %v", s.organ.hint.Text, s.organ.offered)
	}

	// A county-level city is a county, not a prefecture.
	typeInto(full, "伊宁市人民政府")
	if r.Organ.Level != reports.LevelCountyGov {
		t.Errorf("伊宁市人民政府: level %s, want county_gov", r.Organ.Level)
	}
	// A department of it.
	typeInto(full, "伊宁市教育局")
	if r.Organ.Level != reports.LevelCountyDept {
		t.Errorf("伊宁市教育局: level %s, want county_dept", r.Organ.Level)
	}
	// An ambiguous name leaves the level as chosen and says why.
	typeInto(full, "城关镇人民政府")
	if r.Organ.Level != reports.LevelCountyDept || !strings.Contains(s.organ.hint.Text, "同名") || !s.organ.hint.Visible() {
		t.Errorf("城关镇人民政府: level %s, hint %q", r.Organ.Level, s.organ.hint.Text)
	}
	// A name of no division: no hint, and no empty line for it.
	typeInto(full, "某某单位")
	if s.organ.hint.Visible() || len(s.organ.offered) != 0 {
		t.Errorf("某某单位: hint %q shown %v, offered %v", s.organ.hint.Text, s.organ.hint.Visible(), s.organ.offered)
	}
}
