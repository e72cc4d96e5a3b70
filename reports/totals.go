package reports

// Totals are computed here and nowhere else: forms, PDF, Excel, HTML and the
// checks all ask these functions.

// Number returns the value of the cell at row ri, column ci of tb: the typed
// number, or for a total the sum of the cells it totals. Blank and text
// cells count as 0 (the checks report them).
func (r *Report) Number(tb *Table, ri, ci int) Decimal {
	row, col := tb.Rows[ri], tb.Columns[ci]
	switch {
	case len(col.Sum) > 0:
		var s Decimal
		for _, k := range col.Sum {
			if cj := tb.ColumnIndex(k); cj >= 0 {
				s = s.Add(r.Number(tb, ri, cj))
			}
		}
		return s
	case len(row.Sum) > 0:
		var s Decimal
		for _, k := range row.Sum {
			if rj := tb.RowIndex(k); rj >= 0 {
				s = s.Add(r.Number(tb, rj, ci))
			}
		}
		return s
	}
	c := r.Cell(tb.CellKey(ri, ci))
	if !c.IsNumber() {
		return Decimal{}
	}
	return c.Value
}

// Totals reports whether the cell at row ri, column ci of tb is a total
// that sums, directly or through other totals, the cell at rj, cj (as
// Number adds them up).
func (tb *Table) Totals(ri, ci, rj, cj int) bool {
	row, col := tb.Rows[ri], tb.Columns[ci]
	var parts [][2]int
	switch {
	case len(col.Sum) > 0:
		for _, k := range col.Sum {
			if c := tb.ColumnIndex(k); c >= 0 {
				parts = append(parts, [2]int{ri, c})
			}
		}
	case len(row.Sum) > 0:
		for _, k := range row.Sum {
			if r := tb.RowIndex(k); r >= 0 {
				parts = append(parts, [2]int{r, ci})
			}
		}
	}
	for _, p := range parts {
		if p == [2]int{rj, cj} || tb.Totals(p[0], p[1], rj, cj) {
			return true
		}
	}
	return false
}

// Value returns the value of any cell, typed or computed; 0 for a key the
// template does not have.
func (r *Report) Value(k CellKey) Decimal {
	tb, ri, ci, ok := r.Tmpl().Cell(k)
	if !ok {
		return Decimal{}
	}
	return r.Number(tb, ri, ci)
}

// Display returns the text a cell shows when printed or exported: the
// number (computed for totals), or for a typed cell that is blank or text,
// what was typed.
func (r *Report) Display(tb *Table, ri, ci int) string {
	if tb.IsComputed(ri, ci) {
		return r.Number(tb, ri, ci).String()
	}
	return r.Cell(tb.CellKey(ri, ci)).String()
}

// ComputedKeys lists every total of the template in print order.
func (t *Template) ComputedKeys() []CellKey {
	var out []CellKey
	for _, tb := range t.Tables {
		for ri := range tb.Rows {
			for ci := range tb.Columns {
				if tb.IsComputed(ri, ci) {
					out = append(out, tb.CellKey(ri, ci))
				}
			}
		}
	}
	return out
}
