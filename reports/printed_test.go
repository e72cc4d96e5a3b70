package reports

import (
	"reflect"
	"testing"
)

func TestNumberParts(t *testing.T) {
	cases := []struct {
		name  string
		parts []Part
		n     Numbering
		want  []NumberedPart
	}{
		{"a single untitled part has no number", []Part{{Text: "正文"}}, NumberArabic,
			[]NumberedPart{{Index: 0, Label: "", Text: "正文"}}},
		{"untitled parts of a list are numbered", []Part{{Text: "甲"}, {Text: "乙"}}, NumberArabic,
			[]NumberedPart{{0, "1.", "", "甲"}, {1, "2.", "", "乙"}}},
		{"empty parts take no number but keep their index", []Part{{Title: "主动公开"}, {Text: " \n "}, {Title: " 监督保障 ", Text: "x"}}, NumberParen,
			[]NumberedPart{{0, "（一）", "主动公开", ""}, {2, "（二）", "监督保障", "x"}}},
		{"nothing to print", []Part{{}, {Text: "\u3000"}}, NumberParen, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := NumberParts(c.parts, c.n); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestLeadIn(t *testing.T) {
	cases := []struct{ name, label, title, want string }{
		{"a full stop is added", "1.", "主动公开方面", "1.主动公开方面。"},
		{"ending punctuation is kept", "（一）", "加强队伍建设：", "（一）加强队伍建设："},
		{"no title leaves the label", "2.", " ", "2."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := LeadIn(c.label, c.title); got != c.want {
				t.Errorf("LeadIn(%q, %q) = %q, want %q", c.label, c.title, got, c.want)
			}
		})
	}
}

func TestImprovementGroups(t *testing.T) {
	r := Sample()
	gs := r.ImprovementGroups()
	if len(gs) != 2 || gs[0].Label != "（一）" || gs[0].Title != DefaultProblemsTitle ||
		gs[1].Label != "（二）" || gs[1].Title != DefaultMeasuresTitle || len(gs[1].Parts) != 4 {
		t.Fatalf("sample groups: %+v", gs)
	}
	r.Improvement.ProblemsTitle = ""
	r.Improvement.Problems = nil
	gs = r.ImprovementGroups()
	if len(gs) != 1 || gs[0].Label != "（一）" || gs[0].List != "improvement.measures" {
		t.Errorf("an empty untitled group must be left out and the next take （一）: %+v", gs)
	}
	r.Improvement.MeasuresTitle = ""
	gs = r.ImprovementGroups()
	if len(gs) != 1 || gs[0].Label != "" || gs[0].Title != "" {
		t.Errorf("an untitled group with items prints without a heading: %+v", gs)
	}
}
