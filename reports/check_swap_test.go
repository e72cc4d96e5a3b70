package reports

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAnIdentityOffByKInTwoApplicantColumnsSaysTheyWereProbablySwapped(t *testing.T) {
	cases := []struct {
		name    string
		cells   map[string]int64
		swapped bool     // the findings speak of a mix-up of applicant types
		inText  []string // in every T3_BALANCE message when swapped
	}{
		{"3 received as 自然人 answered as 商业企业", map[string]int64{"t3.new.natural": 3, "t3.open.business": 3},
			true, []string{"可能有3件申请", "「自然人」", "「法人或其他组织·商业企业」", "多3件", "少3件"}},
		{"1 carried as 科研机构 passed on as 其他", map[string]int64{"t3.carry.research": 1, "t3.next.other": 1},
			true, []string{"可能有1件申请", "科研机构", "其他"}},
		{"one column off only", map[string]int64{"t3.new.natural": 3}, false, nil},
		{"two columns off by different amounts", map[string]int64{"t3.new.natural": 3, "t3.open.business": 2}, false, nil},
		{"two columns off the same way", map[string]int64{"t3.new.natural": 3, "t3.new.business": 3}, false, nil},
		{"three columns off summing to zero", map[string]int64{"t3.new.natural": 2, "t3.open.business": 1, "t3.open.charity": 1}, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := cleanReport(2023)
			for k, v := range c.cells {
				set(r, k, v)
			}
			var balance []Finding
			for _, f := range Check(r, nil) {
				if f.Code == CodeT3Balance {
					balance = append(balance, f)
				}
			}
			if len(balance) == 0 {
				t.Fatalf("no %s finding", CodeT3Balance)
			}
			for _, f := range balance {
				if got := strings.Contains(f.Message, "申请人类型"); got != c.swapped {
					t.Errorf("message speaks of a mix-up %v, want %v: %s", got, c.swapped, f.Message)
				}
				for _, s := range c.inText {
					if !strings.Contains(f.Message, s) {
						t.Errorf("message lacks %q: %s", s, f.Message)
					}
				}
				// Every cell of the column's identity is named, 一 first.
				col := f.Location.Column
				want := []CellKey{Key(TableT3, RowNew, col), Key(TableT3, RowCarry, col), Key(TableT3, RowTotal, col), Key(TableT3, RowNext, col)}
				if len(f.Location.Cells) != len(want) {
					t.Fatalf("cells %v, want %v", f.Location.Cells, want)
				}
				for i := range want {
					if f.Location.Cells[i] != want[i] {
						t.Errorf("cells %v, want %v", f.Location.Cells, want)
						break
					}
				}
			}
		})
	}
}

func TestADeclaredTotalNamesTheCellsItSums(t *testing.T) {
	r := cleanReport(2023)
	r.Declared = map[CellKey]Cell{Key(TableT3, RowNew, ColTotal): Num(5), Key(TableT3, RowTotal, "natural"): Num(2)}
	got := map[CellKey][]CellKey{}
	for _, f := range Check(r, nil) {
		if f.Code == CodeDeclaredTotal {
			got[Key(f.Location.Table, f.Location.Row, f.Location.Column)] = f.Location.Cells
		}
	}
	row := got[Key(TableT3, RowNew, ColTotal)]
	if len(row) != 7 || row[0] != Key(TableT3, RowNew, "natural") || row[6] != Key(TableT3, RowNew, ColTotal) {
		t.Errorf("row total names %v, want the six applicant cells of 一 and the total", row)
	}
	col := got[Key(TableT3, RowTotal, "natural")]
	if len(col) < 20 || col[0] != Key(TableT3, "open", "natural") || col[len(col)-1] != Key(TableT3, RowTotal, "natural") {
		t.Errorf("（七）总计 names %v, want the result rows of 自然人 and the total", col)
	}
}

func TestCellsOfALocationAreInTheJSONOnlyWhenThere(t *testing.T) {
	r := cleanReport(2023)
	set(r, "t3.new.natural", 3)
	var buf strings.Builder
	for _, f := range Check(r, nil) {
		b, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	out := buf.String()
	if !strings.Contains(out, `"cells":["t3.new.natural","t3.carry.natural","t3.total.natural","t3.next.natural"]`) {
		t.Errorf("the identity's cells are not in the JSON:\n%s", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, "T3_BALANCE") && strings.Contains(line, `"cells"`) {
			t.Errorf("a one-cell finding writes cells: %s", line)
		}
		for _, field := range []string{`"severity"`, `"code"`, `"location"`, `"message"`} {
			if !strings.Contains(line, field) {
				t.Errorf("JSON lacks %s: %s", field, line)
			}
		}
	}
}
