package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"nianbao/reports"
)

// Table kinds, by the template table key prefix they fill.
const (
	kindNone = ""
	kindT2   = "t2"
	kindT3   = reports.TableT3
	kindT4   = reports.TableT4
)

// labelAliases maps labels of older templates and common variants
// (canonical form, without enumeration) to the current label.
var labelAliases = map[reports.Version]map[string]string{
	reports.V2021: {
		"规范性文件":        "行政规范性文件",
		"其他法律法规禁止公开":   "其他法律行政法规禁止公开",
		"本年收费金额(万元)":   "本年收费金额(单位:万元)",
		"本年收费金额":       "本年收费金额(单位:万元)",
		"危及\"三安全一稳定\"": "危及\"三安全一稳定\"",
	},
	reports.V2019: {
		"行政规范性文件":      "规范性文件",
		"其他法律法规禁止公开":   "其他法律行政法规禁止公开",
		"危及\"三安全一稳定\"": "危及\"三安全一稳定\"",
	},
}

// match is how a label was recognised.
type match int

const (
	matchNone match = iota
	matchExact
	matchAlias
	matchPrefix
	matchTypo
)

// labelForms caches the canonical forms of template labels.
var labelForms sync.Map // label → [2]string{canon, stripNum(canon)}

func forms(label string) (string, string) {
	if v, ok := labelForms.Load(label); ok {
		f := v.([2]string)
		return f[0], f[1]
	}
	c := canon(label)
	f := [2]string{c, stripNum(c)}
	labelForms.Store(label, f)
	return f[0], f[1]
}

// matchLabel compares a found label with a template label.
func matchLabel(v reports.Version, found, label string) match {
	f := canon(found)
	return matchForms(v, f, stripNum(f), label)
}

// matchForms is matchLabel with the found label already in canonical form
// (f) and without its enumeration (fs).
func matchForms(v reports.Version, f, fs, label string) match {
	l, ls := forms(label)
	if f == "" {
		return matchNone
	}
	if f == l {
		return matchExact
	}
	// A label with the form's filling note ("规范性文件（指各行政机关印发的有
	// 正式文号的文件）", "处理决定数量（指2019年办件量）") is the label.
	if n := reLabelNote.ReplaceAllString(f, ""); n != f && n != "" {
		if m := matchForms(v, n, stripNum(n), label); m != matchNone {
			return max(m, matchAlias)
		}
		return matchNone
	}
	if fs == "" {
		return matchNone
	}
	if fs == ls {
		return matchExact
	}
	if a, ok := labelAliases[v][fs]; ok && canon(a) == ls {
		return matchAlias
	}
	if runeLen(fs) >= 8 && strings.HasPrefix(ls, fs) {
		return matchPrefix
	}
	if n, m := runeLen(ls), runeLen(fs); n >= 4 && m-n <= max(1, n/8) && n-m <= max(1, n/8) && editDistance(fs, ls) <= max(1, n/8) {
		return matchTypo
	}
	return matchNone
}

// reLabelNote matches a filling note at the end of a canonical label.
var reLabelNote = regexp.MustCompile(`\((?:指|含|包括|不含|不包括|即)[^()]*\)$`)

// findRow finds the row a label names among tables; ambiguous fuzzy matches
// give nothing.
func findRow(v reports.Version, tbs []*reports.Table, label string) (*reports.Table, int, match) {
	var bt *reports.Table
	bi, bm, count := -1, matchNone, 0
	f := canon(label)
	fs := stripNum(f)
	for _, tb := range tbs {
		for ri, row := range tb.Rows {
			if tb.Key == reports.TableT4 {
				continue
			}
			m := matchForms(v, f, fs, row.Label())
			switch {
			case m == matchNone:
			case bm == matchNone || m < bm:
				bt, bi, bm, count = tb, ri, m, 1
			case m == bm:
				count++
			}
		}
	}
	if bm > matchAlias && count > 1 {
		return nil, -1, matchNone
	}
	return bt, bi, bm
}

var reCaption = regexp.MustCompile(`第二十条第\(?([一二三四五六七八九十]+)\)?项`)

// tableState is what is known while reading the rows of one kind of table.
type tableState struct {
	header   []trow // header rows seen since the last data row
	block    *reports.Table
	order    []int // template column index of each value, in order
	gridCols []int // grid column of each template column (docx), or nil
	orderFor *reports.Table
	spaced   bool // the header came from lines without tabs
}

// tableReader reads every table block into the report.
type tableReader struct {
	rc     *recognizer
	v      reports.Version
	t      *reports.Template
	states map[string]*tableState
	seen   map[string]bool // row keys "table.row" assigned
	vocab  map[string]bool // canonical header words of the template
	found  int
	// blankTotals counts printed totals left blank: not declarations (the
	// totals are computed), noted once.
	blankTotals int
}

func (rc *recognizer) tables(blocks []block) int {
	tr := &tableReader{rc: rc, v: rc.tmpl.Version, t: rc.tmpl, states: map[string]*tableState{}, seen: map[string]bool{}, vocab: map[string]bool{}}
	for _, tb := range tr.t.Tables {
		hdr, _ := tb.HeaderGrid()
		for _, h := range hdr {
			tr.vocab[canon(h.Label)] = true
		}
		for _, c := range tb.Columns {
			tr.vocab[canon(c.Label)] = true
			if c.Group != "" {
				for _, g := range strings.Split(c.Group, "·") {
					tr.vocab[canon(g)] = true
				}
			}
		}
	}
	tr.vocab["信息内容"] = true
	for _, b := range blocks {
		tr.table(b.table)
	}
	tr.missing()
	if tr.blankTotals > 0 {
		rc.add(reports.Note, reports.Position{}, "原文表格中有%d处合计（总计）是空白的，已按各项相加计算", tr.blankTotals)
	}
	return tr.found
}

func (tr *tableReader) state(kind string) *tableState {
	if tr.states[kind] == nil {
		tr.states[kind] = &tableState{}
	}
	return tr.states[kind]
}

// rowKind guesses which table a row belongs to from strong signatures.
func (tr *tableReader) rowKind(cells []string) string {
	joined := canon(strings.Join(cells, "|"))
	switch {
	case reCaption.MatchString(joined), strings.Contains(joined, "信息内容"):
		return kindT2
	case strings.Contains(joined, "勾稽关系"), strings.Contains(joined, "申请人情况"), strings.Contains(joined, "自然人"):
		return kindT3
	case strings.Contains(joined, "行政复议") && strings.Contains(joined, "行政诉讼"), strings.Contains(joined, "结果维持"):
		return kindT4
	}
	return kindNone
}

func isNumeric(s string) bool {
	_, err := reports.ParseDecimal(s)
	return err == nil
}

func (tr *tableReader) table(tb *table) {
	kind := kindNone
	grid := tb.pos.Table > 0 // docx tables have real grid columns
	rows := tb.rows
	if tb.spaced {
		rows = tr.mergeNumberLines(rows)
	}
	rows = tr.joinSplitRows(rows)
	for _, row := range rows {
		texts := make([]string, len(row.cells))
		for i, c := range row.cells {
			texts[i] = strings.TrimSpace(c.text)
		}
		ne := row.nonEmpty()
		if len(ne) == 0 {
			continue
		}
		if k := tr.rowKind(ne); k != kindNone {
			if k != kind {
				kind = k
				st := tr.state(kind)
				st.header, st.order, st.gridCols, st.orderFor = nil, nil, nil, nil
			}
		}
		hasNum := slices.ContainsFunc(texts, isNumeric)
		st := tr.state(kind)
		// Caption of a block of table 二.
		if m := reCaption.FindStringSubmatch(canon(strings.Join(ne, ""))); m != nil && !hasNum {
			key := "t2_" + fmt.Sprint(hanNumber(m[1]))
			st.block = tr.t.Table(key)
			st.header, st.order, st.gridCols, st.orderFor = nil, nil, nil, nil
			if st.block == nil {
				tr.rc.add(reports.Warning, row.pos, "表二中的“%s”不属于%s年版模板，其下的数据未导入", ne[0], tr.v)
			}
			continue
		}
		if !hasNum && tr.isHeader(ne) {
			st.header = append(st.header, row)
			st.spaced = tb.spaced
			st.order, st.orderFor = nil, nil
			continue
		}
		tr.dataRow(kind, st, row, texts, grid)
	}
}

// isHeader reports whether the filled cells of a row without numbers are
// header labels.
func (tr *tableReader) isHeader(ne []string) bool {
	hits := 0
	for _, t := range ne {
		c := canon(t)
		if tr.vocab[c] || tr.vocab[reLabelNote.ReplaceAllString(c, "")] || strings.Contains(c, "勾稽关系") {
			hits++
		}
	}
	return hits > 0 && hits*2 >= len(ne)
}

// joinSplitRows joins a table row that a page break split in two: a row
// with label text but no values that does not name a row by itself is the
// rest of the label of the row before (or the start of the label of the
// row after).
func (tr *tableReader) joinSplitRows(rows []trow) []trow {
	all := tr.allRowTables()
	var out []trow
	for i := 0; i < len(rows); i++ {
		row := rows[i]
		ne := row.nonEmpty()
		if len(ne) != 1 || slices.ContainsFunc(ne, isNumeric) || tr.isHeader(ne) || tr.rowKind(ne) != kindNone ||
			reCaption.MatchString(canon(ne[0])) || isGroupLabel(ne[0]) {
			out = append(out, row)
			continue
		}
		if _, _, m := findRow(tr.v, all, ne[0]); m == matchExact || m == matchAlias {
			out = append(out, row)
			continue
		}
		if n := len(out); n > 0 {
			if li := lastLabel(out[n-1]); li >= 0 {
				prev := out[n-1].cells[li].text
				if _, _, m := findRow(tr.v, all, prev); m != matchExact && m != matchAlias {
					cells := slices.Clone(out[n-1].cells)
					cells[li].text = strings.TrimSpace(prev) + strings.TrimSpace(ne[0])
					out[n-1].cells = cells
					tr.rc.add(reports.Note, row.pos, "表格行“%s”被分页断开，已与上一行（%s）合并", clip(cells[li].text), out[n-1].pos)
					continue
				}
			}
		}
		if i+1 < len(rows) {
			if li := lastLabel(rows[i+1]); li >= 0 {
				next := rows[i+1].cells[li].text
				if _, _, m := findRow(tr.v, all, next); m != matchExact && m != matchAlias {
					cells := slices.Clone(rows[i+1].cells)
					cells[li].text = strings.TrimSpace(ne[0]) + strings.TrimSpace(next)
					rows[i+1].cells = cells
					tr.rc.add(reports.Note, row.pos, "表格行“%s”被分页断开，已与下一行合并", clip(cells[li].text))
					continue
				}
			}
		}
		out = append(out, row)
	}
	return out
}

func (tr *tableReader) allRowTables() []*reports.Table {
	var out []*reports.Table
	for _, tb := range tr.t.Tables {
		if tb.Key != reports.TableT4 {
			out = append(out, tb)
		}
	}
	return out
}

// lastLabel returns the index of the last non-numeric filled cell before
// the first number of a row, or -1.
func lastLabel(r trow) int {
	li := -1
	for i, c := range r.cells {
		t := strings.TrimSpace(c.text)
		if isNumeric(t) {
			break
		}
		if t != "" {
			li = i
		}
	}
	return li
}

var reGroup = regexp.MustCompile(`^(三\.本年度办理结果|\([三四五六]\)(不予公开|无法提供|不予处理|其他处理))$`)

// isGroupLabel reports whether s is a merged group label of table 三.
func isGroupLabel(s string) bool { return reGroup.MatchString(canon(s)) }

// dataRow reads one row of values.
func (tr *tableReader) dataRow(kind string, st *tableState, row trow, texts []string, grid bool) {
	// The label: the last filled cell before the values that names a row.
	labelEnd := len(texts)
	for i, t := range texts {
		if isNumeric(t) {
			labelEnd = i
			break
		}
	}
	tb, ri, li, how := tr.findDataRow(kind, st, texts, labelEnd)
	if tb == nil && kind == kindNone && labelEnd < len(texts) && labelEnd == 0 {
		// Values in a table of unknown kind: only table 四 has no labels.
		kind = kindT4
		st = tr.state(kindT4)
	}
	if tb == nil && kind == kindT4 && labelEnd == 0 {
		tb, ri, li = tr.t.Table(reports.TableT4), 0, -1
	}
	if tb == nil {
		tr.unknownRow(row, texts, labelEnd)
		return
	}
	if how == matchAlias || how == matchTypo || how == matchPrefix {
		what := map[match]string{matchAlias: "旧版模板的标签", matchTypo: "有错别字的标签", matchPrefix: "不完整的标签"}[how]
		tr.rc.add(reports.Note, row.pos, "%s“%s”按“%s”识别", what, clip(texts[li]), tb.Rows[ri].Label())
	}
	if strings.HasPrefix(tb.Key, "t2") && st.block != tb {
		if st.block != nil && st.orderFor == st.block {
			st.order, st.gridCols = nil, nil
		}
		st.block = tb
	}
	rowKey := tb.Key + "." + tb.Rows[ri].Key
	if tr.seen[rowKey] {
		tr.rc.add(reports.Warning, row.pos, "%s「%s」行重复出现，只保留第一次的数值", tb.Name(tr.t), rowName(tb, ri))
		return
	}
	tr.seen[rowKey] = true
	order, gridCols := tr.columnOrder(st, tb)
	var values []string
	if grid && gridCols != nil {
		values = valuesByGrid(row, gridCols, li)
	}
	if values == nil {
		values = tr.fit(tb, ri, order, texts[li+1:], row.pos)
	}
	tr.store(tb, ri, order, values, row.pos)
}

// findDataRow finds the template row a data row's label names, among the
// tables its kind allows: the table, the row, the label's cell and how it
// matched (tb nil when none).
func (tr *tableReader) findDataRow(kind string, st *tableState, texts []string, labelEnd int) (tb *reports.Table, ri, li int, how match) {
	var cands []*reports.Table
	switch kind {
	case kindT2:
		cands = tr.t.TablesOf(reports.SectionActive) // the blocks of table 二
		if st.block != nil {
			cands = append([]*reports.Table{st.block}, cands...)
		}
	case kindT3:
		cands = []*reports.Table{tr.t.Table(reports.TableT3)}
	case kindT4:
		cands = nil
	default:
		cands = tr.allRowTables()
	}
	for i := labelEnd - 1; i >= 0 && cands != nil; i-- {
		if texts[i] == "" {
			continue
		}
		if t, r, m := findRow(tr.v, cands, texts[i]); m != matchNone {
			return t, r, i, m
		}
	}
	return nil, -1, -1, matchNone
}

// unknownRow reports a row whose label names no row of the template; a
// label-only row (a group label, debris) is passed over silently.
func (tr *tableReader) unknownRow(row trow, texts []string, labelEnd int) {
	label := ""
	for _, t := range texts[:labelEnd] {
		if t != "" {
			label = t
		}
	}
	if labelEnd == len(texts) && (isGroupLabel(label) || label == "") {
		return
	}
	if label == "" {
		label = strings.Join(row.nonEmpty(), " ")
	}
	tr.rc.add(reports.Warning, row.pos, "无法识别的表格行“%s”，此行的数值未导入", clip(label))
}

// valuesByGrid takes a row's values from the grid columns the header gave,
// after the label's cell li; nil when a column has no cell there.
func valuesByGrid(row trow, gridCols []int, li int) []string {
	values := make([]string, len(gridCols))
	for j, gc := range gridCols {
		idx := slices.IndexFunc(row.cells, func(c tcell) bool { return c.col == gc })
		if idx < 0 || idx <= li {
			return nil
		}
		values[j] = strings.TrimSpace(row.cells[idx].text)
	}
	return values
}

// columnOrder returns the template column index of each value in a row,
// found from the header rows by label, and the grid column of each value
// when the header gives them.
func (tr *tableReader) columnOrder(st *tableState, tb *reports.Table) ([]int, []int) {
	if st.orderFor == tb && st.order != nil {
		return st.order, st.gridCols
	}
	std := make([]int, len(tb.Columns))
	for i := range std {
		std[i] = i
	}
	st.orderFor, st.order, st.gridCols = tb, std, nil
	if len(st.header) == 0 {
		return st.order, nil
	}
	groups, leaves, groupNames := tr.headerLabels(st, tb)
	order, gcols := tr.matchLeaves(tb, groups, leaves, groupNames)
	// Positions must tell the leaves apart; lines without tabs (or a
	// garbled layout) do not, and the template's order is the safe reading.
	distinct := map[int]bool{}
	for _, l := range leaves {
		distinct[l.col] = true
	}
	if st.spaced || len(distinct) != len(leaves) {
		if !slices.Equal(order, std) {
			tr.rc.add(reports.Note, st.header[0].pos, "%s的表头无法按位置对应，按模板的标准列顺序读取", tb.Name(tr.t))
		}
		return st.order, nil
	}
	if len(order) != len(tb.Columns) {
		if len(leaves) > 0 {
			tr.rc.add(reports.Warning, st.header[0].pos, "%s的表头与模板不一致，按模板的标准列顺序读取数值，请核对", tb.Name(tr.t))
		}
		return st.order, nil
	}
	if !slices.Equal(order, std) {
		tr.rc.add(reports.Note, st.header[0].pos, "%s的列顺序与模板不同，已按表头标签对应", tb.Name(tr.t))
	}
	// Grid columns are usable only if they are distinct.
	sorted := slices.Clone(gcols)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(gcols) {
		gcols = nil
	}
	st.order, st.gridCols = order, gcols
	return order, gcols
}

// headerCell is a label found in a table's header rows, with its grid
// column and header row.
type headerCell struct {
	text     string
	col, row int
}

// headerLabels finds the header's group labels (法人或其他组织, …) and its
// leaf labels (the template's column labels), the leaves in grid order;
// groupNames are the canonical names of the template's column groups.
func (tr *tableReader) headerLabels(st *tableState, tb *reports.Table) (groups, leaves []headerCell, groupNames map[string]bool) {
	groupNames = map[string]bool{}
	for _, c := range tb.Columns {
		if c.Group != "" {
			parts := strings.Split(c.Group, "·")
			groupNames[canon(parts[len(parts)-1])] = true
		}
	}
	for ri, r := range st.header {
		for _, c := range r.cells {
			t := canon(c.text)
			if t == "" {
				continue
			}
			if groupNames[t] {
				groups = append(groups, headerCell{t, c.col, ri})
			}
			for _, col := range tb.Columns {
				if m := matchLabel(tr.v, c.text, col.Label); m != matchNone && m != matchPrefix {
					leaves = append(leaves, headerCell{t, c.col, ri})
					break
				}
			}
		}
	}
	slices.SortStableFunc(leaves, func(a, b headerCell) int {
		if a.col != b.col {
			return a.col - b.col
		}
		return a.row - b.row
	})
	return groups, leaves, groupNames
}

// matchLeaves gives each leaf label its template column, within the group
// above it (the nearest group label to its left in an upper header row):
// the columns in the header's order, and their grid columns.
func (tr *tableReader) matchLeaves(tb *reports.Table, groups, leaves []headerCell, groupNames map[string]bool) (order, gcols []int) {
	used := make([]bool, len(tb.Columns))
	for _, l := range leaves {
		group := ""
		bestCol := -1
		for _, g := range groups {
			if g.row < l.row && g.col <= l.col && g.col >= bestCol {
				group, bestCol = g.text, g.col
			}
		}
		pick := -1
		for ci, col := range tb.Columns {
			if used[ci] || matchLabel(tr.v, l.text, col.Label) == matchNone {
				continue
			}
			parts := strings.Split(col.Group, "·")
			cg := canon(parts[len(parts)-1])
			if group == cg || group == "" && !groupNames[cg] {
				pick = ci
				break
			}
			if pick < 0 && group == "" {
				pick = ci
			}
		}
		if pick >= 0 {
			used[pick] = true
			order = append(order, pick)
			gcols = append(gcols, l.col)
		}
	}
	return order, gcols
}

// fit picks the value cells of a row when their count differs from the
// number of columns: page breaks and merged cells leave extra empty cells
// at either end, sometimes an extra filled one.
func (tr *tableReader) fit(tb *reports.Table, ri int, order []int, vals []string, pos reports.Position) []string {
	n := len(order)
	if len(vals) > n {
		// Candidates: windows of n cells with only empty cells outside
		// them; failing that (an extra filled cell), every window.
		first := slices.IndexFunc(vals, func(s string) bool { return s != "" })
		last := len(vals) - 1
		for last >= 0 && vals[last] == "" {
			last--
		}
		var wins [][]string
		for i := 0; i+n <= len(vals); i++ {
			if first < 0 || i <= first && i+n > last {
				wins = append(wins, vals[i:i+n])
			}
		}
		extraFilled := len(wins) == 0
		if extraFilled {
			// Empty cells at the ends are debris then, too.
			for len(vals) > n && vals[len(vals)-1] == "" {
				vals = vals[:len(vals)-1]
			}
			for len(vals) > n && vals[0] == "" {
				vals = vals[1:]
			}
			for i := 0; i+n <= len(vals); i++ {
				wins = append(wins, vals[i:i+n])
			}
		}
		var uniq [][]string
		for _, w := range wins {
			if !slices.ContainsFunc(uniq, func(u []string) bool { return slices.Equal(u, w) }) {
				uniq = append(uniq, w)
			}
		}
		if len(uniq) == 1 {
			if extraFilled {
				tr.rc.add(reports.Note, pos, "%s「%s」行多出%d个单元格（分页或合并单元格造成），各种对齐方式数值相同，已按模板读取", tb.Name(tr.t), rowName(tb, ri), len(vals)-n)
			}
			return uniq[0]
		}
		var consistent [][]string
		for _, w := range uniq {
			if tr.rowConsistent(tb, ri, order, w) {
				consistent = append(consistent, w)
			}
		}
		if len(consistent) == 1 {
			tr.rc.add(reports.Note, pos, "%s「%s」行的单元格多于模板的%d列，已按与合计相符的对齐方式读取", tb.Name(tr.t), rowName(tb, ri), n)
			return consistent[0]
		}
		pick := uniq[(len(uniq)-1)/2]
		tr.rc.add(reports.Warning, pos, "%s「%s」行有%d个单元格（“%s”），多于模板的%d列，无法确定对齐方式，已读作“%s”，请核对", tb.Name(tr.t), rowName(tb, ri), len(vals), clip(strings.Join(vals, "|")), n, clip(strings.Join(pick, "|")))
		return pick
	}
	if len(vals) < n {
		tr.rc.add(reports.Warning, pos, "%s「%s」行只有%d个单元格，少于模板的%d列，缺少的按空白处理", tb.Name(tr.t), rowName(tb, ri), len(vals), n)
		for len(vals) < n {
			vals = append(vals, "")
		}
	}
	return vals
}

// rowConsistent reports whether the values put into a row in this order
// make its printed totals agree with their parts.
func (tr *tableReader) rowConsistent(tb *reports.Table, ri int, order []int, vals []string) bool {
	tmp := &reports.Report{Template: tr.v, Cells: map[reports.CellKey]reports.Cell{}}
	declared := map[int]reports.Decimal{}
	any := false
	for j, ci := range order {
		c := reports.ParseCell(vals[j])
		if tb.IsComputed(ri, ci) {
			if !c.IsNumber() {
				return false
			}
			if len(tb.Columns[ci].Sum) > 0 {
				declared[ci] = c.Value
				any = true
			}
			continue
		}
		tmp.Cells[tb.CellKey(ri, ci)] = c
	}
	if !any {
		return false
	}
	for ci, d := range declared {
		if tmp.Number(tb, ri, ci).Cmp(d) != 0 {
			return false
		}
	}
	return true
}

// store puts the values of a row into the report: typed cells into Cells,
// printed totals into Declared. Blank and non-numeric cells are kept as
// they are and reported.
func (tr *tableReader) store(tb *reports.Table, ri int, order []int, vals []string, pos reports.Position) {
	r := tr.rc.r
	var blanks, texts []string
	for j, ci := range order {
		if j >= len(vals) {
			break
		}
		c := reports.ParseCell(vals[j])
		if c.Text != "" && ci < len(tb.Columns) && tb.Columns[ci].Money {
			if v, unit, ok := reports.ParseAmountWithUnit(c.Text); ok {
				c = reports.Cell{Value: v}
				tr.rc.add(reports.Note, pos, "%s「%s」行「%s」列%s，请核对", tb.Name(tr.t), rowName(tb, ri), tb.ColumnName(ci), reports.AmountNote(vals[j], v, unit))
			}
		}
		if c.Text != "" {
			c.Text = strings.TrimSpace(c.Text)
			texts = append(texts, fmt.Sprintf("「%s」列为“%s”", tb.ColumnName(ci), c.Text))
		}
		k := tb.CellKey(ri, ci)
		if c.Blank && tb.IsComputed(ri, ci) {
			tr.blankTotals++
			tr.found++
			continue
		}
		if c.Blank {
			blanks = append(blanks, "「"+tb.ColumnName(ci)+"」")
		}
		if tb.IsComputed(ri, ci) {
			if r.Declared == nil {
				r.Declared = map[reports.CellKey]reports.Cell{}
			}
			r.Declared[k] = c
		} else {
			r.Cells[k] = c
		}
		tr.found++
	}
	name := tb.Name(tr.t)
	if tb.Key != reports.TableT4 {
		name += "「" + rowName(tb, ri) + "」行"
	}
	if len(blanks) > 0 {
		tr.rc.add(reports.Warning, pos, "%s%s为空，已保留为空白（未当作0），请核对", name, strings.Join(blanks, ""))
	}
	if len(texts) > 0 {
		tr.rc.add(reports.Warning, pos, "%s%s，不是数字，已原样保留，请改为数字", name, strings.Join(texts, "，"))
	}
}

// missing reports the rows of the template that were not found and leaves
// their cells blank.
func (tr *tableReader) missing() {
	r := tr.rc.r
	for _, tb := range tr.t.Tables {
		var rows []string
		for ri, row := range tb.Rows {
			if tr.seen[tb.Key+"."+row.Key] {
				continue
			}
			anyInput := false
			for ci := range tb.Columns {
				if !tb.IsComputed(ri, ci) {
					r.Cells[tb.CellKey(ri, ci)] = reports.BlankCell()
					anyInput = true
				}
			}
			if anyInput {
				rows = append(rows, "「"+rowName(tb, ri)+"」")
			}
		}
		switch {
		case len(rows) == 0:
		case tb.Key == reports.TableT4:
			tr.rc.add(reports.Warning, reports.Position{}, "未找到表四的数据行，表四的数值为空白，请填写")
		case len(rows) == len(tb.Rows) || len(rows) > 6:
			tr.rc.add(reports.Warning, reports.Position{}, "未找到%s的%d行数据，这些数值为空白，请填写", tb.Name(tr.t), len(rows))
		default:
			tr.rc.add(reports.Warning, reports.Position{}, "%s未找到%s行，这些数值为空白，请填写", tb.Name(tr.t), strings.Join(rows, ""))
		}
	}
}

// mergeNumberLines puts numbers that stand on lines of their own (a PDF
// copy gives each table cell a line) into the row they belong to: the
// label line before them, or the numbers before them (table 四).
func (tr *tableReader) mergeNumberLines(rows []trow) []trow {
	var out []trow
	for _, row := range rows {
		ne := row.nonEmpty()
		numbersOnly := len(ne) > 0 && !slices.ContainsFunc(ne, func(s string) bool { return !isNumeric(s) })
		if n := len(out); numbersOnly && n > 0 {
			prev := out[n-1].nonEmpty()
			if len(prev) > 0 && !tr.isHeader(prev) && !reCaption.MatchString(canon(strings.Join(prev, ""))) {
				cells := slices.Clone(out[n-1].cells)
				for _, t := range ne {
					cells = append(cells, tcell{text: t, col: len(cells)})
				}
				out[n-1].cells = cells
				continue
			}
		}
		out = append(out, row)
	}
	return out
}

// rowName names a row in messages: its labels without spaces, so that a
// window wrapping at spaces does not break it apart.
func rowName(tb *reports.Table, ri int) string {
	return strings.ReplaceAll(tb.RowName(ri), " ", "")
}
