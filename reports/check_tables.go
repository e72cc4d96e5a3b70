package reports

import "strconv"

// tmplIndex is what the checks need to know about a template, built once
// per template so that a check builds no key strings and looks up no rows
// by name on every call.
type tmplIndex struct {
	keys   [][][]CellKey // [table][row][column]
	rowSum [][][]int     // [table][row]: indexes of the rows a total row sums
	colSum [][][]int     // [table][column]: indexes of the columns a total column sums
	offset []int         // [table]: start of the table in a flat value grid
	size   int           // cells of all tables
}

func buildIndex(t *Template) *tmplIndex {
	ix := &tmplIndex{}
	for _, tb := range t.Tables {
		keys := make([][]CellKey, len(tb.Rows))
		rows := make([][]int, len(tb.Rows))
		for ri, row := range tb.Rows {
			keys[ri] = make([]CellKey, len(tb.Columns))
			for ci := range tb.Columns {
				keys[ri][ci] = tb.CellKey(ri, ci)
			}
			for _, k := range row.Sum {
				if j := tb.RowIndex(k); j >= 0 {
					rows[ri] = append(rows[ri], j)
				}
			}
		}
		cols := make([][]int, len(tb.Columns))
		for ci, col := range tb.Columns {
			for _, k := range col.Sum {
				if j := tb.ColumnIndex(k); j >= 0 {
					cols[ci] = append(cols[ci], j)
				}
			}
		}
		ix.keys = append(ix.keys, keys)
		ix.rowSum = append(ix.rowSum, rows)
		ix.colSum = append(ix.colSum, cols)
		ix.offset = append(ix.offset, ix.size)
		ix.size += len(tb.Rows) * len(tb.Columns)
	}
	return ix
}

var (
	index2021 = buildIndex(template2021)
	index2019 = buildIndex(template2019)
)

func indexOf(t *Template) *tmplIndex {
	if t == template2019 {
		return index2019
	}
	return index2021
}

// keysOf returns the cell keys of t's tables, [table][row][column].
func keysOf(t *Template) [][][]CellKey { return indexOf(t).keys }

// num is Report.Number for the report being checked, computed once per
// cell and call.
func (c *checker) num(tb *Table, ri, ci int) Decimal {
	return c.val(c.tableIndex(tb.Key), ri, ci)
}

func (c *checker) val(ti, ri, ci int) Decimal {
	ix := c.ix
	if c.vals == nil {
		c.vals = make([]Decimal, ix.size)
		c.done = make([]bool, ix.size)
	}
	tb := c.t.Tables[ti]
	o := ix.offset[ti] + ri*len(tb.Columns) + ci
	if c.done[o] {
		return c.vals[o]
	}
	var v Decimal
	switch {
	case len(ix.colSum[ti][ci]) > 0:
		for _, cj := range ix.colSum[ti][ci] {
			v = v.Add(c.val(ti, ri, cj))
		}
	case len(ix.rowSum[ti][ri]) > 0:
		for _, rj := range ix.rowSum[ti][ri] {
			v = v.Add(c.val(ti, rj, ci))
		}
	default:
		if cell, ok := c.r.Cells[ix.keys[ti][ri][ci]]; ok && cell.IsNumber() {
			v = cell.Value
		}
	}
	c.vals[o], c.done[o] = v, true
	return v
}

// checkTables runs the checks of tables 二, 三 and 四.
func (c *checker) checkTables() {
	keys := keysOf(c.t)
	for ti, tb := range c.t.Tables {
		c.checkCells(tb, keys[ti])
		c.checkDeclared(tb, keys[ti])
	}
	c.checkBalance()
	c.checkCarry()
	c.checkValid()
	c.checkTownshipRules()
	c.checkReview()
	c.checkManyOther()
}

// checkCells reports blank, text, negative and fractional typed cells.
func (c *checker) checkCells(tb *Table, keys [][]CellKey) {
	for ri := range tb.Rows {
		for ci, col := range tb.Columns {
			if tb.IsComputed(ri, ci) {
				continue
			}
			cell, ok := c.r.Cells[keys[ri][ci]]
			if !ok {
				cell = BlankCell()
			}
			switch {
			case cell.Blank:
				c.errorAt(CodeCellBlank, c.cellLoc(tb, ri, ci), cellName(c.t, tb, ri, ci)+"为空，没有数据请填0。")
			case cell.Text != "":
				c.errorAt(CodeCellText, c.cellLoc(tb, ri, ci), cellName(c.t, tb, ri, ci)+"填的是“"+truncate(cell.Text, 20)+"”，不是数字。")
			case cell.Value.IsNegative() && !col.Signed:
				c.errorAt(CodeCellNegative, c.cellLoc(tb, ri, ci), cellName(c.t, tb, ri, ci)+"为"+cell.Value.String()+"，不能为负数。")
			case !col.Money && !cell.Value.IsInteger():
				c.errorAt(CodeCellFraction, c.cellLoc(tb, ri, ci), cellName(c.t, tb, ri, ci)+"为"+cell.Value.String()+"，件数应为整数。")
			}
		}
	}
}

// checkDeclared compares the totals printed in an imported document with
// the sums of their cells.
func (c *checker) checkDeclared(tb *Table, keys [][]CellKey) {
	if len(c.r.Declared) == 0 {
		return
	}
	for ri := range tb.Rows {
		for ci := range tb.Columns {
			if !tb.IsComputed(ri, ci) {
				continue
			}
			d, ok := c.r.Declared[keys[ri][ci]]
			if !ok {
				continue
			}
			sum := c.num(tb, ri, ci)
			loc := c.cellLoc(tb, ri, ci)
			loc.Cells = summedCells(tb, ri, ci)
			switch {
			case d.Blank:
				c.errorAt(CodeDeclaredTotal, loc, "原文中"+cellName(c.t, tb, ri, ci)+"（合计）为空，按明细应为"+sum.String()+"。")
			case d.Text != "":
				c.errorAt(CodeDeclaredTotal, loc, "原文中"+cellName(c.t, tb, ri, ci)+"（合计）为“"+truncate(d.Text, 20)+"”，按明细应为"+sum.String()+"。")
			case d.Value.Cmp(sum) != 0:
				c.errorAt(CodeDeclaredTotal, loc, "原文中"+cellName(c.t, tb, ri, ci)+"（合计）为"+d.Value.String()+"，但各项相加为"+sum.String()+"。")
			}
		}
	}
}

// summedCells are a total's cell and the cells it adds up (those of its
// row for a total column, of its column for a total row), the first typed
// one at the front, the total after them.
func summedCells(tb *Table, ri, ci int) []CellKey {
	var parts []CellKey
	if col := tb.Columns[ci]; len(col.Sum) > 0 {
		for _, k := range col.Sum {
			if cj := tb.ColumnIndex(k); cj >= 0 {
				parts = append(parts, tb.CellKey(ri, cj))
			}
		}
	} else if row := tb.Rows[ri]; len(row.Sum) > 0 {
		for _, k := range row.Sum {
			if rj := tb.RowIndex(k); rj >= 0 {
				parts = append(parts, tb.CellKey(rj, ci))
			}
		}
	}
	return append(parts, tb.CellKey(ri, ci))
}

// t3Rows returns table 三 and the indexes of rows 一, 二, （七） and 四.
func (c *checker) t3Rows() (tb *Table, newRow, carry, total, next int) {
	tb = c.t.Table(TableT3)
	return tb, tb.RowIndex(RowNew), tb.RowIndex(RowCarry), tb.RowIndex(RowTotal), tb.RowIndex(RowNext)
}

// checkBalance checks 一+二 = （七）+四 in every column of table 三 (the
// detail columns; the 总计 column follows from them). When the identity
// fails by +k in one applicant column and by −k in another, 总计 still
// balances: k requests were probably counted under one applicant type when
// received and under another when answered, and both findings say so.
func (c *checker) checkBalance() {
	tb, rn, rc, rt, rx := c.t3Rows()
	var cols []int
	var diffs []Decimal
	for ci, col := range tb.Columns {
		if len(col.Sum) > 0 {
			continue
		}
		in := c.num(tb, rn, ci).Add(c.num(tb, rc, ci))
		out := c.num(tb, rt, ci).Add(c.num(tb, rx, ci))
		if in.Cmp(out) != 0 {
			cols = append(cols, ci)
			diffs = append(diffs, in.Sub(out))
		}
	}
	swapped := len(cols) == 2 && diffs[0].Add(diffs[1]).IsZero()
	for i, ci := range cols {
		in := c.num(tb, rn, ci).Add(c.num(tb, rc, ci))
		out := c.num(tb, rt, ci).Add(c.num(tb, rx, ci))
		msg := "表三「" + tb.ColumnName(ci) + "」列：一、本年新收（" +
			c.num(tb, rn, ci).String() + "）+ 二、上年结转（" + c.num(tb, rc, ci).String() + "）= " + in.String() +
			"，不等于（七）总计（" + c.num(tb, rt, ci).String() + "）+ 四、结转下年度继续办理（" + c.num(tb, rx, ci).String() + "）= " + out.String() + "。"
		if swapped {
			other := cols[1-i]
			k := diffs[0]
			if k.IsNegative() {
				k = diffs[1]
			}
			plus, minus := cols[0], cols[1]
			if diffs[0].IsNegative() {
				plus, minus = minus, plus
			}
			msg += "「" + tb.ColumnName(plus) + "」列收到的比办结的多" + k.String() + "件，「" + tb.ColumnName(minus) + "」列少" + k.String() +
				"件，而总计平衡：可能有" + k.String() + "件申请收到时和办理时计入了不同的申请人类型（「" + tb.ColumnName(ci) + "」与「" +
				tb.ColumnName(other) + "」），请核对这两列。"
		}
		loc := c.cellLoc(tb, rt, ci)
		loc.Cells = []CellKey{tb.CellKey(rn, ci), tb.CellKey(rc, ci), tb.CellKey(rt, ci), tb.CellKey(rx, ci)}
		c.errorAt(CodeT3Balance, loc, msg)
	}
}

// checkCarry compares 上年结转 with last year's 结转下年度继续办理.
func (c *checker) checkCarry() {
	if c.prev == nil {
		return
	}
	tb, _, rc, _, _ := c.t3Rows()
	ptb := c.prev.Tmpl().Table(TableT3)
	pnext := ptb.RowIndex(RowNext)
	for ci, col := range tb.Columns {
		if len(col.Sum) > 0 {
			continue
		}
		pci := ptb.ColumnIndex(col.Key)
		if pci < 0 {
			continue
		}
		if cell := c.r.Cell(keysOf(c.t)[c.tableIndex(TableT3)][rc][ci]); !cell.IsNumber() {
			continue // reported as blank or text
		}
		now, was := c.num(tb, rc, ci), c.prev.Number(ptb, pnext, pci)
		if now.Cmp(was) != 0 {
			c.errorAt(CodeCarryOver, c.cellLoc(tb, rc, ci), cellName(c.t, tb, rc, ci)+"为"+now.String()+"，但"+
				strconv.Itoa(c.prev.Year)+"年度报告的「四、结转下年度继续办理」为"+was.String()+"，两者应相等。")
		}
	}
}

func (c *checker) tableIndex(key string) int {
	for i, tb := range c.t.Tables {
		if tb.Key == key {
			return i
		}
	}
	return -1
}

// checkValid checks 现行有效件数 = last year's + 本年制发 − 本年废止 for
// 规章 and 行政规范性文件 (2021 format on both sides).
func (c *checker) checkValid() {
	if c.prev == nil || c.t.Version != V2021 || c.prev.Tmpl().Version != V2021 {
		return
	}
	tb := c.t.Table("t2_1")
	cm, cr, cv := tb.ColumnIndex("made"), tb.ColumnIndex("repealed"), tb.ColumnIndex("valid")
	keys := keysOf(c.t)[c.tableIndex("t2_1")]
	for ri, row := range tb.Rows {
		if !c.r.Cell(keys[ri][cm]).IsNumber() || !c.r.Cell(keys[ri][cr]).IsNumber() || !c.r.Cell(keys[ri][cv]).IsNumber() {
			continue
		}
		if !c.prev.Cell(keys[ri][cv]).IsNumber() {
			continue
		}
		was := c.prev.Number(tb, ri, cv)
		made, rep, now := c.num(tb, ri, cm), c.num(tb, ri, cr), c.num(tb, ri, cv)
		want := was.Add(made).Sub(rep)
		if now.Cmp(want) != 0 {
			c.warnAt(CodeValidCount, c.cellLoc(tb, ri, cv), "「"+row.Label()+"」现行有效件数为"+now.String()+"，但上年现行有效"+
				was.String()+" + 本年制发"+made.String()+" − 本年废止"+rep.String()+" = "+want.String()+"。")
		}
	}
}

// checkTownshipRules warns when a township reports 规章.
func (c *checker) checkTownshipRules() {
	if c.r.Organ.Level != LevelTownship {
		return
	}
	tb := c.t.Table("t2_1")
	ri := tb.RowIndex("rules")
	for ci := range tb.Columns {
		if v := c.num(tb, ri, ci); !v.IsZero() {
			c.warnAt(CodeTownshipRules, c.cellLoc(tb, ri, ci), "乡镇（街道）没有规章制定权，但"+cellName(c.t, tb, ri, ci)+"为"+v.String()+"；规范性文件应填在「"+tb.Rows[tb.RowIndex("norms")].Label()+"」行。")
			return
		}
	}
}

// checkReview warns when 复议后起诉 exceeds 行政复议 in table 四.
func (c *checker) checkReview() {
	tb := c.t.Table(TableT4)
	ri := tb.RowIndex(RowT4Cases)
	rc, ac := tb.ColumnIndex("review_total"), tb.ColumnIndex("after_total")
	rv, av := c.num(tb, ri, rc), c.num(tb, ri, ac)
	if av.Cmp(rv) > 0 {
		c.warnAt(CodeLitigationAfterReview, c.cellLoc(tb, ri, ac), "表四「行政诉讼·复议后起诉」总计为"+av.String()+"，大于「行政复议」总计"+rv.String()+"：复议后起诉的案件一般应先计入行政复议。")
	}
}

// checkManyOther warns when （六）其他处理 holds more than half of the
// results while （七）总计 is at least manyOtherMinTotal: evaluators read
// that as results not sorted into the proper rows.
func (c *checker) checkManyOther() {
	tb, _, _, rt, _ := c.t3Rows()
	ct := tb.ColumnIndex(ColTotal)
	total := c.num(tb, rt, ct)
	if total.Cmp(Int(manyOtherMinTotal)) < 0 {
		return
	}
	var other Decimal
	first := -1
	for ri, row := range tb.Rows {
		if len(row.Labels) >= 2 && row.Labels[1] == "（六）其他处理" {
			other = other.Add(c.num(tb, ri, ct))
			if first < 0 {
				first = ri
			}
		}
	}
	if first >= 0 && other.Add(other).Cmp(total) > 0 {
		c.warnAt(CodeManyOther, c.cellLoc(tb, first, ct), "表三「（六）其他处理」共"+other.String()+"件，超过（七）总计"+total.String()+"件的一半，请核实是否应归入（一）至（五）的具体情形。")
	}
}
