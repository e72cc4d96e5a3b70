package reports

import "testing"

// filledReport is a report with non-zero numbers in every table.
func filledReport() *Report {
	r := cleanReport(2023)
	for k, v := range map[string]int64{
		"t2_1.norms.made": 3, "t2_1.norms.repealed": 1, "t2_1.norms.valid": 12,
		"t2_5.license.decisions": 40, "t2_6.penalty.decisions": 7, "t2_6.coercion.decisions": 2,
		"t3.new.natural": 5, "t3.new.business": 2, "t3.carry.natural": 1,
		"t3.open.natural": 3, "t3.partial.business": 1, "t3.deny1.natural": 1, "t3.other3.business": 1,
		"t3.next.natural":        2,
		"t4.cases.review_upheld": 1, "t4.cases.review_corrected": 2, "t4.cases.direct_pending": 1,
		"t4.cases.after_other": 1,
	} {
		r.Cells[CellKey(k)] = Num(v)
	}
	r.Cells["t2_8.fee.amount"] = ParseCell("5949.088667")
	return r
}

func TestTotals(t *testing.T) {
	r := filledReport()
	cases := []struct {
		name string
		key  CellKey
		want string
	}{
		{"row 总计 of 一", "t3.new.total", "7"},
		{"row 总计 of 二", "t3.carry.total", "1"},
		{"row 总计 of 四", "t3.next.total", "2"},
		{"（七）总计 of 自然人", "t3.total.natural", "4"},
		{"（七）总计 of 商业企业", "t3.total.business", "2"},
		{"（七）总计 of a column with nothing", "t3.total.research", "0"},
		{"（七）总计 总计", "t3.total.total", "6"},
		{"表四 行政复议 总计", "t4.cases.review_total", "3"},
		{"表四 未经复议直接起诉 总计", "t4.cases.direct_total", "1"},
		{"表四 复议后起诉 总计", "t4.cases.after_total", "1"},
		{"a typed cell", "t2_5.license.decisions", "40"},
		{"the fee with six decimals", "t2_8.fee.amount", "5949.088667"},
		{"a key the template lacks", "t9.x.y", "0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := r.Value(c.key).String(); got != c.want {
				t.Errorf("Value(%s) = %s, want %s", c.key, got, c.want)
			}
		})
	}
	if fs := Check(r, nil); HasErrors(fs) {
		t.Errorf("the filled report should balance: %v", fs)
	}
}

func TestTotalsIgnoreBlankAndText(t *testing.T) {
	r := filledReport()
	r.Cells["t3.new.business"] = ParseCell("两件")
	r.Cells["t3.new.natural"] = BlankCell()
	tb := r.Tmpl().Table(TableT3)
	ri, ci := tb.RowIndex(RowNew), tb.ColumnIndex(ColTotal)
	if got := r.Number(tb, ri, ci); !got.IsZero() {
		t.Errorf("total over blank and text = %s, want 0", got)
	}
	if got := r.Display(tb, ri, tb.ColumnIndex("business")); got != "两件" {
		t.Errorf("Display of a text cell = %q", got)
	}
	if got := r.Display(tb, ri, tb.ColumnIndex("natural")); got != "" {
		t.Errorf("Display of a blank cell = %q", got)
	}
	if got := r.Display(tb, tb.RowIndex(RowTotal), ci); got != "6" {
		t.Errorf("Display of （七）总计 = %q, want 6", got)
	}
}

func TestComputedKeys(t *testing.T) {
	cases := []struct {
		name    string
		v       Version
		want    int
		inputs  int
		hasKey  CellKey
		notKey  CellKey
		totalOf CellKey
	}{
		{"2021", V2021, 34, 6 + 1 + 2 + 1 + 24*6 + 12, "t3.total.total", "t3.new.natural", "t4.cases.after_total"},
		{"2019", V2019, 32, 6 + 6 + 6 + 2 + 2 + 22*6 + 12, "t3.other.total", "t2_9.procurement.amount", "t3.total.other"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tm := Lookup(c.v)
			keys := tm.ComputedKeys()
			if len(keys) != c.want {
				t.Errorf("%d computed keys, want %d", len(keys), c.want)
			}
			if n := len(tm.InputKeys()); n != c.inputs {
				t.Errorf("%d input keys, want %d", n, c.inputs)
			}
			if tm.IsInput(c.hasKey) || !tm.IsInput(c.notKey) || tm.IsInput(c.totalOf) {
				t.Errorf("IsInput wrong for %s/%s/%s", c.hasKey, c.notKey, c.totalOf)
			}
		})
	}
}

func TestSetCellIgnoresTotals(t *testing.T) {
	r := New(2023)
	r.SetCell("t3.total.total", Num(9))
	if _, ok := r.Cells["t3.total.total"]; ok {
		t.Error("SetCell stored a total")
	}
	r.SetCell("t3.new.natural", Num(9))
	if r.Value("t3.new.total").String() != "9" {
		t.Error("SetCell did not store a typed cell")
	}
}

func TestChangingACellDropsThePrintedTotalsOverIt(t *testing.T) {
	r := Sample()
	if len(r.Declared) == 0 {
		t.Fatal("the sample was imported from the published report and keeps its printed totals")
	}
	natural := Key(TableT3, RowNew, "natural")
	kept := len(r.Declared)
	r.SetCell(natural, r.Cell(natural)) // the same value: nothing changes
	if len(r.Declared) != kept {
		t.Fatalf("setting a cell to its own value dropped %d printed totals", kept-len(r.Declared))
	}
	r.SetCell(natural, Num(12))
	for _, k := range []CellKey{Key(TableT3, RowNew, ColTotal)} {
		if _, ok := r.Declared[k]; ok {
			t.Errorf("printed total %s is kept after a cell it sums changed", k)
		}
	}
	for _, k := range []CellKey{Key(TableT3, RowCarry, ColTotal), Key(TableT3, RowNext, ColTotal)} {
		if _, ok := r.Declared[k]; !ok {
			t.Errorf("printed total %s over other cells was dropped", k)
		}
	}
	for _, f := range Check(r, nil) {
		if f.Code == CodeDeclaredTotal {
			t.Errorf("after typing 12 the check still compares with the document: %s", f.Message)
		}
	}
}

func TestTotalsFollowsTheSums(t *testing.T) {
	tb := New(2023).Tmpl().Table(TableT3)
	at := func(row, col string) (int, int) { return tb.RowIndex(row), tb.ColumnIndex(col) }
	cases := []struct {
		name        string
		total, cell [2]string
		want        bool
	}{
		{"a row's 总计 sums its 自然人", [2]string{RowNew, ColTotal}, [2]string{RowNew, "natural"}, true},
		{"法人或其他组织's sum is in the row's 总计 too", [2]string{RowNew, ColTotal}, [2]string{RowNew, "business"}, true},
		{"another row's 总计 does not", [2]string{RowCarry, ColTotal}, [2]string{RowNew, "natural"}, false},
		{"a typed cell totals nothing", [2]string{RowNew, "natural"}, [2]string{RowNew, "natural"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ri, ci := at(c.total[0], c.total[1])
			rj, cj := at(c.cell[0], c.cell[1])
			if ri < 0 || ci < 0 || rj < 0 || cj < 0 {
				t.Fatalf("no such cell: %v %v", c.total, c.cell)
			}
			if got := tb.Totals(ri, ci, rj, cj); got != c.want {
				t.Errorf("Totals = %v, want %v", got, c.want)
			}
		})
	}
}
