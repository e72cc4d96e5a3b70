package reports

import (
	"fmt"
	"math"
	"testing"
)

// repeat is n copies of w.
func repeat(w float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = w
	}
	return out
}

func TestTemplateWeightsGiveThePrintedColumnWidths(t *testing.T) {
	const pw = PrintWidth // 442.2 pt
	block3 := append([]float64{0.3 * pw}, repeat(0.7*pw/3, 3)...)
	block2 := append([]float64{0.3 * pw}, repeat(0.7*pw/2, 2)...)
	block1 := []float64{0.3 * pw, 0.7 * pw}
	t3 := append([]float64{22, 50, pw - 22 - 50 - 7*34}, repeat(34, 7)...)
	t4 := repeat(pw/15, 15)
	for _, c := range []struct {
		name    string
		version Version
		table   string
		want    []float64 // points across the 156 mm type area
	}{
		{"2021 表二 规章 block: label 30 %, three numbers share the rest", V2021, "t2_1", block3},
		{"2021 表二 行政许可 block: label 30 %, one number", V2021, "t2_5", block1},
		{"2021 表二 行政处罚 block", V2021, "t2_6", block1},
		{"2021 表二 收费 block (money)", V2021, "t2_8", block1},
		{"2021 表三: labels 22, 50 and the rest, numbers 34 pt", V2021, TableT3, t3},
		{"2021 表四: fifteen equal columns", V2021, TableT4, t4},
		{"2019 表二 规章 block", V2019, "t2_1", block3},
		{"2019 表二 行政许可 block: three numbers", V2019, "t2_5", block3},
		{"2019 表二 行政处罚 block", V2019, "t2_6", block3},
		{"2019 表二 收费 block: two numbers", V2019, "t2_8", block2},
		{"2019 表二 采购 block: two numbers, one money", V2019, "t2_9", block2},
		{"2019 表三: the same widths as 2021", V2019, TableT3, t3},
		{"2019 表四", V2019, TableT4, t4},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := Lookup(c.version).Table(c.table)
			for _, got := range [][]float64{tb.Weights(), tb.ColumnWidths(PrintWidth)} {
				if err := sameWidths(got, c.want, 1e-9); err != nil {
					t.Error(err)
				}
			}
			// Half as wide, every column is half as wide.
			if err := sameWidths(tb.ColumnWidths(PrintWidth/2), scaled(c.want, 0.5), 1e-9); err != nil {
				t.Errorf("at half the width: %v", err)
			}
		})
	}
}

func TestFitWidthsGivesEveryColumnItsLeastAndTheRestColumnsPay(t *testing.T) {
	t3 := Lookup(V2021).Table(TableT3)
	t4 := Lookup(V2021).Table(TableT4)
	b := Lookup(V2021).Table("t2_1")
	for _, c := range []struct {
		name  string
		tb    *Table
		total float64
		least []float64
		want  []float64
	}{
		{"表三 numbers at least 85 of 960: the third label column gives it up", t3, 960,
			append([]float64{0, 0, 0}, repeat(85, 7)...),
			append([]float64{22 * 960 / PrintWidth, 50 * 960 / PrintWidth, 960 - 72*960/PrintWidth - 7*85}, repeat(85, 7)...)},
		{"表三 least widths already met change nothing", t3, 960,
			append([]float64{10, 10, 10}, repeat(20, 7)...),
			scaled(t3.Weights(), 960/PrintWidth)},
		{"表四 numbers at least 85 of 960: the table grows to 15×85", t4, 960, repeat(85, 15), repeat(85, 15)},
		{"表二 one number column at least 300: the other two share the rest", b, 1000,
			[]float64{0, 0, 300}, []float64{300, (700 - 300) / 2.0, 300, (700 - 300) / 2.0}},
		{"表二 a label least wider than its weight", b, 1000, []float64{400},
			[]float64{400, 200, 200, 200}},
		{"least shorter than the grid and nil are the same as none", b, 1000, nil,
			[]float64{300, 700 / 3.0, 700 / 3.0, 700 / 3.0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := sameWidths(c.tb.FitWidths(c.total, c.least), c.want, 1e-9); err != nil {
				t.Error(err)
			}
		})
	}
}

func scaled(w []float64, f float64) []float64 {
	out := make([]float64, len(w))
	for i := range w {
		out[i] = w[i] * f
	}
	return out
}

func sameWidths(got, want []float64, eps float64) error {
	if len(got) != len(want) {
		return fmt.Errorf("%d columns %.3f, want %d %.3f", len(got), got, len(want), want)
	}
	for i := range got {
		if math.Abs(got[i]-want[i]) > eps {
			return fmt.Errorf("column %d is %.6f wide, want %.6f (all: %.3f, want %.3f)", i, got[i], want[i], got, want)
		}
	}
	return nil
}

func TestWidestIsTheFirstOfTheWidestTables(t *testing.T) {
	tmpl := Lookup(V2021)
	narrow := &Table{Key: "narrow", LabelColumns: 1, Columns: []Column{{Key: "a"}}}
	wide := &Table{Key: "wide", LabelColumns: 1, Columns: []Column{{Key: "a"}, {Key: "b"}}}
	alsoWide := &Table{Key: "also", LabelColumns: 2, Columns: []Column{{Key: "a"}}}
	tbs, width := tmpl.SectionTables(*tmpl.Section(SectionActive))
	for _, c := range []struct {
		name   string
		tables []*Table
		want   *Table
	}{
		{"no tables give nil", nil, nil},
		{"one table is the widest", []*Table{narrow}, narrow},
		{"the wider wins wherever it stands", []*Table{narrow, wide}, wide},
		{"of two as wide the first wins", []*Table{narrow, wide, alsoWide}, wide},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Widest(c.tables); got != c.want {
				t.Errorf("Widest = %v, want %v", got, c.want)
			}
		})
	}
	if got := Widest(tbs); got != tmpl.Table("t2_1") || got.Width() != width {
		t.Errorf("Widest of 二's blocks = %v, want t2_1, %d columns wide as SectionTables says", got, width)
	}
}
