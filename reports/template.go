package reports

import (
	"fmt"
	"strings"
)

// Version names a national template: the 2021 revision (国办公开办函〔2021〕30号)
// or the 2019 trial format (国办公开办函〔2019〕60号).
type Version string

// The templates nianbao knows.
const (
	V2021 Version = "2021"
	V2019 Version = "2019"
)

// Section keys, stable across template versions.
const (
	SectionOverview    = "overview"    // 一、总体情况
	SectionActive      = "active"      // 二、主动公开政府信息情况
	SectionRequests    = "requests"    // 三、收到和处理政府信息公开申请情况
	SectionReview      = "review"      // 四、政府信息公开行政复议、行政诉讼情况
	SectionImprovement = "improvement" // 五、存在的主要问题及改进情况
	SectionOther       = "other"       // 六、其他需要报告的事项
)

// Template is one national report format: its sections and its statistical
// tables, with every label exactly as printed in the official template.
type Template struct {
	Version  Version
	Document string // the notice that issued it, e.g. 国办公开办函〔2021〕30号
	Sections []Section
	Tables   []*Table
}

// Section is one numbered part of the report (一 … 六).
type Section struct {
	Key     string
	Number  string   // 一, 二, …
	Heading string   // 总体情况, …
	Hint    string   // the note the template prints for it
	Tables  []string // keys of the tables printed in this section, in order
}

// Title returns the heading as printed: "一、总体情况".
func (s Section) Title() string { return s.Number + "、" + s.Heading }

// Table is one statistical table (or one block of table 二). Its cells are
// addressed by row and column keys; a cell is computed (a total) when its row
// or its column has a Sum list, otherwise it is typed by the clerk.
type Table struct {
	Key          string
	Section      string // key of the section it belongs to
	Caption      string // block caption for table 二 (第二十条第（一）项), else ""
	LabelColumns int    // how many grid columns the row labels take (0 for table 四)
	// Header is the merged header above the numbers, as rows of cells laid
	// out left to right in the free grid positions, HTML-style. The grid is
	// LabelColumns+len(Columns) wide and includes the corner cells.
	Header  [][]HeaderCell
	Columns []Column
	Rows    []Row
	// LabelWeights is how wide each label column is, as Column.Weight is
	// for the number columns (missing entries are 0).
	LabelWeights []float64
}

// HeaderCell is one possibly merged cell of a table header.
type HeaderCell struct {
	Label   string
	ColSpan int // 0 means 1
	RowSpan int // 0 means 1
	// Note marks the small-print 勾稽关系 note in the corner of table 三.
	Note bool
}

// Column is one column of numbers.
type Column struct {
	Key   string
	Label string // the leaf header label, e.g. 商业企业
	Group string // the group label above it, e.g. 法人或其他组织, or ""
	// Money marks an amount in 万元 with up to six decimals; other cells
	// are counts (whole numbers).
	Money bool
	// Signed allows negative numbers (本年增/减 in the 2019 format).
	Signed bool
	// Sum lists the keys of the columns this one totals; non-empty means
	// every cell of the column is computed.
	Sum []string
	// Weight is how wide the column is: its width in points when the table
	// is printed PrintWidth wide. 0 means it takes an equal share, with the
	// table's other columns of weight 0, of what the weighted columns leave.
	// Every renderer scales these (Table.Weights, ColumnWidths, FitWidths).
	Weight float64
}

// Row is one row of numbers.
type Row struct {
	Key string
	// Labels is the label path from the outermost merged group to the row's
	// own label, e.g. [三、本年度办理结果 （三）不予公开 1.属于国家秘密]. The
	// last label spans the remaining label columns.
	Labels []string
	// Sum lists the keys of the rows this one totals; non-empty means every
	// cell of the row is computed.
	Sum []string
}

// Label returns the row's own (innermost) label.
func (r Row) Label() string {
	if len(r.Labels) == 0 {
		return ""
	}
	return r.Labels[len(r.Labels)-1]
}

// CellKey addresses one cell: "table.row.column", e.g. "t3.new.natural".
type CellKey string

// Key builds the CellKey of a table cell.
func Key(table, row, col string) CellKey {
	return CellKey(table + "." + row + "." + col)
}

// Split returns the table, row and column keys of k.
func (k CellKey) Split() (table, row, col string) {
	parts := strings.SplitN(string(k), ".", 3)
	for len(parts) < 3 {
		parts = append(parts, "")
	}
	return parts[0], parts[1], parts[2]
}

// Lookup returns the template for a version, or nil.
func Lookup(v Version) *Template {
	switch v {
	case V2021:
		return template2021
	case V2019:
		return template2019
	}
	return nil
}

// Templates returns every known template, newest first.
func Templates() []*Template { return []*Template{template2021, template2019} }

// VersionForYear is the template a report for year must use: 2019 for the
// years 2019 and 2020, 2021 from then on.
func VersionForYear(year int) Version {
	if year > 0 && year <= 2020 {
		return V2019
	}
	return V2021
}

// Section returns the section with key, or nil.
func (t *Template) Section(key string) *Section {
	for i := range t.Sections {
		if t.Sections[i].Key == key {
			return &t.Sections[i]
		}
	}
	return nil
}

// Table returns the table with key, or nil.
func (t *Template) Table(key string) *Table {
	for _, tb := range t.Tables {
		if tb.Key == key {
			return tb
		}
	}
	return nil
}

// TablesOf returns the tables of a section in print order.
func (t *Template) TablesOf(section string) []*Table {
	var out []*Table
	for _, tb := range t.Tables {
		if tb.Section == section {
			out = append(out, tb)
		}
	}
	return out
}

// Cell finds the table, row and column a key names.
func (t *Template) Cell(k CellKey) (*Table, int, int, bool) {
	tk, rk, ck := k.Split()
	tb := t.Table(tk)
	if tb == nil {
		return nil, -1, -1, false
	}
	ri, ci := tb.RowIndex(rk), tb.ColumnIndex(ck)
	if ri < 0 || ci < 0 {
		return tb, ri, ci, false
	}
	return tb, ri, ci, true
}

// IsInput reports whether k names a cell the clerk types.
func (t *Template) IsInput(k CellKey) bool {
	tb, ri, ci, ok := t.Cell(k)
	return ok && !tb.IsComputed(ri, ci)
}

// InputKeys lists every typed cell of the template, table by table, row by
// row, in print order.
func (t *Template) InputKeys() []CellKey {
	var out []CellKey
	for _, tb := range t.Tables {
		for ri, r := range tb.Rows {
			for ci, c := range tb.Columns {
				if !tb.IsComputed(ri, ci) {
					out = append(out, Key(tb.Key, r.Key, c.Key))
				}
			}
		}
	}
	return out
}

// RowIndex returns the index of the row with key, or -1.
func (tb *Table) RowIndex(key string) int {
	for i, r := range tb.Rows {
		if r.Key == key {
			return i
		}
	}
	return -1
}

// ColumnIndex returns the index of the column with key, or -1.
func (tb *Table) ColumnIndex(key string) int {
	for i, c := range tb.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// IsComputed reports whether the cell at row ri, column ci is a total.
func (tb *Table) IsComputed(ri, ci int) bool {
	return len(tb.Rows[ri].Sum) > 0 || len(tb.Columns[ci].Sum) > 0
}

// CellKey returns the key of the cell at row ri, column ci.
func (tb *Table) CellKey(ri, ci int) CellKey {
	return Key(tb.Key, tb.Rows[ri].Key, tb.Columns[ci].Key)
}

// Width is the number of grid columns: label columns plus number columns.
func (tb *Table) Width() int { return tb.LabelColumns + len(tb.Columns) }

// SectionTables is the tables printed in section s, in order, and the
// width of the widest in grid columns: the blocks of table 二 share one
// grid that wide in the printed template.
func (t *Template) SectionTables(s Section) (tables []*Table, width int) {
	for _, k := range s.Tables {
		if tb := t.Table(k); tb != nil {
			tables = append(tables, tb)
			width = max(width, tb.Width())
		}
	}
	return tables, width
}

// Widest is the first of the widest of tables, nil for none: the table
// whose columns a section's shared grid takes (the blocks of table 二 are
// laid on the widest block's columns in the Word file, the web page and
// the workbook).
func Widest(tables []*Table) *Table {
	var widest *Table
	for _, tb := range tables {
		if widest == nil || tb.Width() > widest.Width() {
			widest = tb
		}
	}
	return widest
}

// Name names the table for people: "表三", or "表二第二十条第（一）项".
func (tb *Table) Name(t *Template) string {
	s := t.Section(tb.Section)
	name := "表"
	if s != nil {
		name += s.Number
	}
	if tb.Caption != "" {
		name += "（" + tb.Caption + "）"
	}
	return name
}

// CellName names a cell for people in messages, e.g.
// "表三「（三）不予公开 1.属于国家秘密」行「法人或其他组织·商业企业」列".
func (tb *Table) CellName(t *Template, ri, ci int) string {
	return fmt.Sprintf("%s「%s」行「%s」列", tb.Name(t), tb.RowName(ri), tb.ColumnName(ci))
}

// RowName names a row for people: its labels below the outermost group.
func (tb *Table) RowName(ri int) string {
	labels := tb.Rows[ri].Labels
	if len(labels) == 0 {
		return "数据"
	}
	if len(labels) > 2 {
		labels = labels[1:]
	}
	return strings.Join(labels, " ")
}

// ColumnName names a column for people, with its group: "法人或其他组织·商业企业".
func (tb *Table) ColumnName(ci int) string {
	c := tb.Columns[ci]
	if c.Group != "" {
		return c.Group + "·" + c.Label
	}
	return c.Label
}

// GridCell is a header or label cell placed on the table grid.
type GridCell struct {
	Label            string
	Row, Col         int // top-left grid position
	RowSpan, ColSpan int
	Note             bool
}

// HeaderGrid places the header cells on the grid: Row counts header rows
// from 0, Col counts grid columns from 0 (label columns first). Every
// renderer (PDF, Excel, HTML, forms) draws the header from this.
func (tb *Table) HeaderGrid() (cells []GridCell, rows int) {
	width := tb.Width()
	occupied := map[[2]int]bool{}
	for r, hr := range tb.Header {
		c := 0
		for _, h := range hr {
			for occupied[[2]int{r, c}] {
				c++
			}
			cs, rs := max(h.ColSpan, 1), max(h.RowSpan, 1)
			cells = append(cells, GridCell{Label: h.Label, Row: r, Col: c, RowSpan: rs, ColSpan: cs, Note: h.Note})
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					occupied[[2]int{r + dr, c + dc}] = true
				}
			}
			rows = max(rows, r+rs)
			c += cs
		}
		_ = width
	}
	return cells, rows
}

// LabelGrid places the row labels of the body: Row counts body rows from 0,
// Col counts label columns. Equal label prefixes of neighbouring rows are
// merged vertically; a row's last label spans the remaining label columns.
func (tb *Table) LabelGrid() []GridCell {
	var cells []GridCell
	if tb.LabelColumns == 0 {
		return nil
	}
	for ri, r := range tb.Rows {
		for depth, label := range r.Labels {
			if ri > 0 && samePrefix(tb.Rows[ri-1].Labels, r.Labels, depth) {
				continue // merged into the cell above
			}
			span := 1
			for rj := ri + 1; rj < len(tb.Rows) && samePrefix(tb.Rows[rj].Labels, r.Labels, depth); rj++ {
				span++
			}
			cs := 1
			if depth == len(r.Labels)-1 {
				cs = tb.LabelColumns - depth
			}
			cells = append(cells, GridCell{Label: label, Row: ri, Col: depth, RowSpan: span, ColSpan: cs})
		}
	}
	return cells
}

// samePrefix reports whether a and b agree on labels 0..depth and b goes
// deeper than depth (so the label at depth is a group heading, not a leaf).
func samePrefix(a, b []string, depth int) bool {
	if len(a) <= depth+1 || len(b) <= depth+1 {
		return false
	}
	for i := 0; i <= depth; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
