package reports

import "testing"

func TestLocationPart(t *testing.T) {
	tmpl := Lookup(V2021)
	tests := []struct {
		name string
		loc  Location
		want string
	}{
		{"a table cell is in its table's section", Location{Table: TableT3, Row: RowNew, Column: "natural"}, SectionRequests},
		{"the fee statement is in 六", Location{Field: FieldFee}, SectionOther},
		{"an overview part's text is in 一", Location{Field: FieldPath(FieldOverviewParts, 3, "text")}, SectionOverview},
		{"a measure's title is in 五", Location{Field: FieldPath(FieldMeasures, 0, "title")}, SectionImprovement},
		{"the preamble is with the basic information", Location{Field: FieldPreamble}, PartBasic},
		{"the organ's level is with the basic information", Location{Field: FieldOrganLevel}, PartBasic},
		{"the signing date is in the 落款", Location{Field: FieldSigningDate}, PartSigning},
		{"a section without a field is that section", Location{Section: SectionReview}, SectionReview},
		{"the whole report is with the basic information", Location{}, PartBasic},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.loc.Part(tmpl); got != tc.want {
				t.Errorf("Part(%+v) = %q, want %q", tc.loc, got, tc.want)
			}
		})
	}
}

func TestLookupField(t *testing.T) {
	f, ok := LookupField("improvement.problems.2.text")
	if !ok || f.Path != FieldProblems || f.Index != 2 || f.Sub != "text" {
		t.Errorf("got %+v, %v", f, ok)
	}
	if _, ok := LookupField("improvement.problems.x.text"); ok {
		t.Error("an item path without a number was found")
	}
	if _, ok := LookupField("nonsense"); ok {
		t.Error("an unknown path was found")
	}
	if got := fieldName(FieldPath(FieldOverviewParts, 4, "text")); got != " 第5项正文" {
		t.Errorf("fieldName = %q", got)
	}
}

func TestFieldNameIsTheRegisteredName(t *testing.T) {
	cases := []struct{ name, path, want string }{
		{"the preamble, as the window calls it", FieldPreamble, "前言"},
		{"the contact office", FieldContactOffice, "联系机构"},
		{"a path no field has", "nosuch.field", "nosuch.field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := FieldName(c.path); got != c.want {
				t.Errorf("FieldName(%q) = %q, want %q", c.path, got, c.want)
			}
		})
	}
}
