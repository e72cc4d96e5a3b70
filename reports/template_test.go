package reports

import "testing"

func TestSectionTablesAndTheirSharedWidth(t *testing.T) {
	for _, c := range []struct {
		name    string
		year    int
		section string
		tables  int
		width   int // grid columns of the widest
	}{
		{"2021 表二: four blocks, the widest 规章 block", 2024, SectionActive, 4, 4},
		{"2021 表三: label columns and seven numbers", 2024, SectionRequests, 1, 10},
		{"2021 表四: fifteen numbers", 2024, SectionReview, 1, 15},
		{"总体情况 has no table", 2024, SectionOverview, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			tm := New(c.year).Tmpl()
			tbs, width := tm.SectionTables(*tm.Section(c.section))
			if len(tbs) != c.tables || width != c.width {
				t.Errorf("%d tables %d columns wide, want %d and %d", len(tbs), width, c.tables, c.width)
			}
			for _, tb := range tbs {
				if tb.Section != c.section {
					t.Errorf("table %s belongs to %s", tb.Key, tb.Section)
				}
			}
		})
	}
}
