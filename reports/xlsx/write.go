// Package xlsx writes a report's statistical tables (二, 三 and 四) to an
// Excel workbook in the official layout and reads such a workbook back.
//
// The layout is drawn from the template's grids (Table.HeaderGrid and
// Table.LabelGrid), never from retyped labels: merged headers, the 勾稽关系
// note, borders, column widths, a Chinese font and an A4 print setup fitting
// one page wide. Typed cells are written as numbers; every total is a live
// SUM formula with its cached value, so a clerk who edits in Excel keeps
// correct totals. A sheet 检查结果 lists the check findings.
//
// Read finds the cells by their labels (not by fixed positions) so a clerk
// can fill the numbers in Excel and bring them back; ReadInto replaces only
// the table cells of an existing report and keeps its narrative.
package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"nianbao/reports"
)

// Sheet names. The tables get one sheet per section.
const (
	SheetFindings = "检查结果"
)

// Custom document properties that identify a workbook written by nianbao.
const (
	propYear     = "nianbao.year"
	propTemplate = "nianbao.template"
	propOrgan    = "nianbao.organ"
	propShort    = "nianbao.short_name"
	propLevel    = "nianbao.level"
)

// Fonts named in the styles: the names Office and WPS know on Chinese
// Windows; LibreOffice on UOS/Kylin substitutes its CJK fonts.
const (
	fontBody  = "宋体"
	fontTitle = "黑体"
)

// SheetName returns the sheet that holds the tables of a section, e.g.
// "表二 主动公开" for SectionActive.
func SheetName(t *reports.Template, section string) string {
	s := t.Section(section)
	if s == nil {
		return section
	}
	short := map[string]string{
		reports.SectionActive:   "主动公开",
		reports.SectionRequests: "依申请公开",
		reports.SectionReview:   "复议诉讼",
	}[section]
	return "表" + s.Number + " " + short
}

// Write writes the workbook of r to w: one sheet per table section and the
// sheet 检查结果 listing findings.
func Write(w io.Writer, r *reports.Report, findings []reports.Finding) error {
	b, err := NewWorkbook(r, findings, "")
	if err != nil {
		return err
	}
	defer b.Close()
	return b.Write(w)
}

// WriteFile writes the workbook of r to path atomically (the previous file,
// if any, is kept as path+".bak").
func WriteFile(path string, r *reports.Report, findings []reports.Finding) error {
	b, err := NewWorkbook(r, findings, "")
	if err != nil {
		return err
	}
	defer b.Close()
	return b.Save(path)
}

// Book is a workbook being built in memory: a report's tables
// (NewWorkbook) or nothing yet (NewBook), then lists (AddList) such as the
// units of a 汇总 or an 审核, then Save or Write. It keeps the spreadsheet
// library to this package.
type Book struct {
	f     *excelize.File
	st    *styles
	blank bool // still holds excelize's empty Sheet1
}

// NewBook starts an empty workbook; its first list becomes its first sheet.
func NewBook() (*Book, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Book{f: f, st: st, blank: true}, nil
}

// AddList adds a sheet with a title row, a header row and one row per item.
// Values may be strings or numbers; widths are Excel column widths.
func (b *Book) AddList(sheet, title string, header []string, widths []float64, rows [][]any) error {
	if err := addList(b.f, b.st, sheet, title, header, widths, rows); err != nil {
		return err
	}
	if b.blank {
		b.blank = false
		if err := b.f.DeleteSheet("Sheet1"); err != nil {
			return fmt.Errorf("remove the empty sheet: %w", err)
		}
	}
	return nil
}

// Save writes the workbook to path atomically (the previous file, if any,
// is kept as path+".bak").
func (b *Book) Save(path string) error {
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("encode workbook %s: %w", path, err)
	}
	return reports.WriteFileAtomic(path, buf.Bytes(), true)
}

// Write writes the workbook to w.
func (b *Book) Write(w io.Writer) error {
	if _, err := b.f.WriteTo(w); err != nil {
		return fmt.Errorf("write workbook: %w", err)
	}
	return nil
}

// Close releases the workbook's memory.
func (b *Book) Close() error { return b.f.Close() }

// NewWorkbook builds the workbook of r in memory: the table sheets and, when
// findings is not nil, the sheet 检查结果. title heads every sheet; "" means
// the report's title. Callers may add sheets (AddList) before saving.
func NewWorkbook(r *reports.Report, findings []reports.Finding, title string) (*Book, error) {
	if title == "" {
		title = r.Title()
	}
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	t := r.Tmpl()
	first := ""
	for _, sec := range t.Sections {
		if len(sec.Tables) == 0 {
			continue
		}
		name := SheetName(t, sec.Key)
		if first == "" {
			first = name
			if err := f.SetSheetName("Sheet1", name); err != nil {
				f.Close()
				return nil, fmt.Errorf("rename sheet: %w", err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			f.Close()
			return nil, fmt.Errorf("add sheet %s: %w", name, err)
		}
		if err := writeSection(f, st, name, title, r, sec); err != nil {
			f.Close()
			return nil, err
		}
	}
	if findings != nil {
		if err := addFindings(f, st, r, title, findings); err != nil {
			f.Close()
			return nil, err
		}
	}
	if err := setProps(f, r, title); err != nil {
		f.Close()
		return nil, err
	}
	f.SetActiveSheet(0)
	return &Book{f: f, st: st}, nil
}

func setProps(f *excelize.File, r *reports.Report, title string) error {
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    title,
		Subject:  "政府信息公开工作年度报告统计表",
		Creator:  "nianbao",
		Keywords: fmt.Sprintf("政府信息公开;年度报告;%d;%s年版模板", r.Year, r.Template),
		Language: "zh-CN",
	}); err != nil {
		return fmt.Errorf("set document properties: %w", err)
	}
	for _, p := range []excelize.CustomProperty{
		{Name: propYear, Value: int32(r.Year)},
		{Name: propTemplate, Value: string(r.Template)},
		{Name: propOrgan, Value: r.Organ.FullName},
		{Name: propShort, Value: r.Organ.ShortName},
		{Name: propLevel, Value: string(r.Organ.Level)},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return fmt.Errorf("set property %s: %w", p.Name, err)
		}
	}
	return nil
}

// styles are the cell styles of a workbook.
type styles struct {
	title, section, header, note, label, number, total, text, caption int
	listHeader, listCell, listCenter                                  int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	body := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: fontBody, Size: size, Bold: bold}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	gray := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}
	var st styles
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&st.title, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 16, Bold: true}, Alignment: center}},
		{&st.section, excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 12}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.caption, excelize.Style{Font: body(11, true), Alignment: center, Border: border}},
		{&st.header, excelize.Style{Font: body(11, false), Alignment: center, Border: border}},
		{&st.note, excelize.Style{Font: body(9, false), Alignment: left, Border: border}},
		{&st.label, excelize.Style{Font: body(11, false), Alignment: left, Border: border}},
		{&st.number, excelize.Style{Font: body(11, false), Alignment: center, Border: border}},
		{&st.total, excelize.Style{Font: body(11, false), Alignment: center, Border: border, Fill: gray}},
		{&st.text, excelize.Style{Font: body(10, false), Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&st.listHeader, excelize.Style{Font: body(11, true), Alignment: center, Border: border, Fill: gray}},
		{&st.listCell, excelize.Style{Font: body(11, false), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: border}},
		{&st.listCenter, excelize.Style{Font: body(11, false), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}, Border: border}},
	}
	for _, d := range defs {
		s := d.s
		id, err := f.NewStyle(&s)
		if err != nil {
			return nil, fmt.Errorf("create cell style: %w", err)
		}
		*d.dst = id
	}
	return &st, nil
}

// grid collects the cells of one sheet before they are streamed out row by
// row (the stream writer is the one excelize API that stores a formula
// together with a numeric cached value).
type grid struct {
	cells   map[[2]int]excelize.Cell // [row, col], 1-based
	merges  [][4]int                 // top, left, bottom, right
	heights map[int]float64
	widths  []float64 // per column, index 0 = column A
	rows    int
	// checks are the data validations of the typed cells, by kind.
	checks map[validation][]string
}

// validation is what a typed cell accepts.
type validation int

const (
	validCount  validation = iota // a whole number ≥ 0
	validSigned                   // a whole number (本年增/减 of the 2019 format)
	validMoney                    // a number ≥ 0 with up to 6 decimals
)

func newGrid(widths []float64) *grid {
	return &grid{cells: map[[2]int]excelize.Cell{}, heights: map[int]float64{}, widths: widths, checks: map[validation][]string{}}
}

func (g *grid) set(row, col int, c excelize.Cell) {
	g.cells[[2]int{row, col}] = c
	g.rows = max(g.rows, row)
}

// span sets a possibly merged cell: the value in the top-left corner and the
// style (for the borders) on every covered cell.
func (g *grid) span(row, col, rows, cols int, c excelize.Cell) {
	for dr := range max(rows, 1) {
		for dc := range max(cols, 1) {
			g.set(row+dr, col+dc, excelize.Cell{StyleID: c.StyleID})
		}
	}
	g.set(row, col, c)
	if rows > 1 || cols > 1 {
		g.merges = append(g.merges, [4]int{row, col, row + max(rows, 1) - 1, col + max(cols, 1) - 1})
	}
}

// fit raises the height of a row so that text wraps into the given width
// (in Excel column units) at the given font size.
func (g *grid) fit(row int, text string, width, size float64) {
	lines := textLines(text, width*11/size)
	h := float64(lines)*size*1.45 + 4
	g.heights[row] = max(g.heights[row], h, 18)
}

// textLines estimates how many lines text takes in a cell width units wide:
// a CJK character is about 1.8 units, other characters one.
func textLines(text string, width float64) int {
	total := 0
	for _, para := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range para {
			if r < 0x2E80 {
				w++
			} else {
				w += 1.8
			}
		}
		n := int(w/(max(width, 2)-1)) + 1
		total += n
	}
	return total
}

// flush streams the grid to the sheet and sets up printing. The stream
// writer copies the sheet properties when it starts and the page setup when
// it finishes, so those are set around it.
func (g *grid) flush(f *excelize.File, sheet string, landscape bool) error {
	yes := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return fmt.Errorf("sheet %s print: %w", sheet, err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	for i, w := range g.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("sheet %s width: %w", sheet, err)
		}
	}
	width := len(g.widths)
	for _, k := range mapKeys(g.cells) {
		width = max(width, k[1])
	}
	for row := 1; row <= g.rows; row++ {
		values := make([]any, width)
		for col := 1; col <= width; col++ {
			if c, ok := g.cells[[2]int{row, col}]; ok {
				values[col-1] = c
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		opts := []excelize.RowOpts{}
		if h, ok := g.heights[row]; ok {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow(cell, values, opts...); err != nil {
			return fmt.Errorf("sheet %s row %d: %w", sheet, row, err)
		}
	}
	for _, m := range g.merges {
		a, _ := excelize.CoordinatesToCellName(m[1], m[0])
		b, _ := excelize.CoordinatesToCellName(m[3], m[2])
		if err := sw.MergeCell(a, b); err != nil {
			return fmt.Errorf("sheet %s merge %s:%s: %w", sheet, a, b, err)
		}
	}
	if err := g.addValidations(f, sheet); err != nil {
		return err
	}
	if err := printSetup(f, sheet, landscape); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// addValidations makes Excel refuse what a typed cell cannot hold, with a
// Chinese message, so a clerk filling in the workbook types numbers only.
func (g *grid) addValidations(f *excelize.File, sheet string) error {
	const most = 999999999
	for _, kind := range []validation{validCount, validSigned, validMoney} {
		refs := g.checks[kind]
		if len(refs) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(strings.Join(refs, " "))
		var err error
		switch kind {
		case validCount:
			err = dv.SetRange(0, most, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "请填写整数", "这里应填写不小于0的整数（件数），没有请填0。")
		case validSigned:
			err = dv.SetRange(-most, most, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "请填写整数", "这里应填写整数（减少时填负数），没有变化请填0。")
		case validMoney:
			err = dv.SetRange(0, most, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
			dv.SetError(excelize.DataValidationErrorStyleStop, "请填写金额", "这里应填写不小于0的金额（单位：万元，最多6位小数），没有请填0。")
		}
		if err != nil {
			return fmt.Errorf("sheet %s validation: %w", sheet, err)
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return fmt.Errorf("sheet %s validation: %w", sheet, err)
		}
	}
	return nil
}

func mapKeys(m map[[2]int]excelize.Cell) [][2]int {
	out := make([][2]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// printSetup sets A4, fit to one page wide, centred, with the title rows
// repeated when the sheet runs over a page.
func printSetup(f *excelize.File, sheet string, landscape bool) error {
	size, one, zero := 9, 1, 0
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	yes := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return fmt.Errorf("sheet %s page layout: %w", sheet, err)
	}
	lr, tb, hf := 0.6, 0.8, 0.4
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &lr, Right: &lr, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf, Horizontally: &yes,
	}); err != nil {
		return fmt.Errorf("sheet %s margins: %w", sheet, err)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return fmt.Errorf("sheet %s footer: %w", sheet, err)
	}
	return nil
}

// Column widths, in Excel character widths.
const (
	// sheetWidth is what every table is laid out across from the
	// template's column weights (reports.Table.FitWidths): table 三's
	// width before the weights, its numbers just 8 digits wide.
	sheetWidth = 122.5
	// sheetFill is how much wider than the least widths of its columns a
	// sheet is laid out, up to sheetWidth: 表二's blocks (a label and three
	// numbers) get the 62 character widths they had before the weights
	// instead of 表三's 122.5, which would print them at two-thirds size.
	sheetFill = 1.6
	// countLeast holds a count of 8 digits, moneyLeast an amount with six
	// decimals (12345.678901), labelLeast two characters.
	countLeast = 9.5
	moneyLeast = 16
	labelLeast = 4
)

// sectionWidths returns the widths of the grid columns of a section's
// tables: the widest table's weights scaled to sheetFill times the least
// widths, at most sheetWidth (the blocks of
// table 二 share its columns), every column at least as wide as any of
// the tables needs it.
func sectionWidths(tbs []*reports.Table) []float64 {
	if len(tbs) == 0 {
		return nil
	}
	widest := reports.Widest(tbs)
	least := make([]float64, widest.Width())
	for _, tb := range tbs {
		for i := range tb.Width() {
			need := float64(labelLeast)
			if ci := i - tb.LabelColumns; ci >= 0 {
				need = countLeast
				if tb.Columns[ci].Money {
					need = moneyLeast
				}
			}
			least[i] = max(least[i], need)
		}
	}
	total := 0.0
	for _, w := range least {
		total += w
	}
	return widest.FitWidths(min(sheetWidth, sheetFill*total), least)
}

// writeSection lays out the tables of one section on its sheet.
func writeSection(f *excelize.File, st *styles, sheet, title string, r *reports.Report, sec reports.Section) error {
	tbs, gridWidth := r.Tmpl().SectionTables(sec)
	landscape := gridWidth > 10
	widths := sectionWidths(tbs)
	total := 0.0
	for _, w := range widths {
		total += w
	}
	g := newGrid(widths)
	g.span(1, 1, 1, len(widths), excelize.Cell{StyleID: st.title, Value: title})
	g.fit(1, title, total, 16)
	g.set(2, 1, excelize.Cell{StyleID: st.section, Value: sec.Title()})
	g.heights[2] = 24
	row := 3
	if sec.Hint != "" {
		g.span(row, 1, 1, len(widths), excelize.Cell{StyleID: st.text, Value: "注：" + sec.Hint})
		g.fit(row, "注："+sec.Hint, total, 10)
		row++
	}
	for i, tb := range tbs {
		if i > 0 {
			row++ // a blank row between the blocks of table 二
		}
		row = placeTable(g, st, r, tb, row, 1)
	}
	return g.flush(f, sheet, landscape)
}

// placeTable draws tb with its top-left corner at (top, left) and returns the
// first row below it.
func placeTable(g *grid, st *styles, r *reports.Report, tb *reports.Table, top, left int) int {
	body := placeHeader(g, st, tb, top, left)
	for _, l := range tb.LabelGrid() {
		g.span(body+l.Row, left+l.Col, l.RowSpan, l.ColSpan, excelize.Cell{StyleID: st.label, Value: l.Label})
		if l.RowSpan == 1 {
			g.fit(body+l.Row, l.Label, spanWidth(g, left+l.Col, l.ColSpan), 11)
		}
	}
	first := left + tb.LabelColumns
	for ri := range tb.Rows {
		y := body + ri
		g.heights[y] = max(g.heights[y], 20)
		for ci := range tb.Columns {
			g.set(y, first+ci, tableCell(st, r, tb, ri, ci, body, first))
		}
	}
	validateTyped(g, tb, body, first)
	return body + len(tb.Rows)
}

// placeHeader draws tb's header rows from top, each row as tall as its
// labels need, and returns the first body row.
func placeHeader(g *grid, st *styles, tb *reports.Table, top, left int) int {
	header, hrows := tb.HeaderGrid()
	for _, h := range header {
		style := st.header
		switch {
		case h.Note:
			style = st.note
		case h.Row == 0 && tb.Caption != "":
			style = st.caption
		}
		g.span(top+h.Row, left+h.Col, h.RowSpan, h.ColSpan, excelize.Cell{StyleID: style, Value: h.Label})
	}
	for hr := range hrows {
		for _, h := range header {
			if h.Row == hr && h.RowSpan == 1 && !h.Note {
				g.fit(top+hr, h.Label, spanWidth(g, left+h.Col, h.ColSpan), 11)
			}
		}
	}
	return top + hrows
}

// tableCell is the cell of row ri, column ci of tb, its body starting at
// sheet row body and its numbers at sheet column first: a total is a SUM
// formula over what it sums (with the computed value cached), a typed cell
// its number, its text or blank.
func tableCell(st *styles, r *reports.Report, tb *reports.Table, ri, ci, body, first int) excelize.Cell {
	y, x := body+ri, first+ci
	if tb.IsComputed(ri, ci) {
		var refs []int
		var formula string
		if col := tb.Columns[ci]; len(col.Sum) > 0 {
			for _, k := range col.Sum {
				refs = append(refs, first+tb.ColumnIndex(k))
			}
			formula = sumFormula(refs, func(c int) (int, int) { return c, y })
		} else {
			for _, k := range tb.Rows[ri].Sum {
				refs = append(refs, body+tb.RowIndex(k))
			}
			formula = sumFormula(refs, func(rr int) (int, int) { return x, rr })
		}
		return excelize.Cell{StyleID: st.total, Formula: formula, Value: cellNumber(r.Number(tb, ri, ci))}
	}
	c := r.Cell(tb.CellKey(ri, ci))
	var v any
	switch {
	case c.Blank:
	case c.Text != "":
		v = c.Text
	default:
		v = cellNumber(c.Value)
	}
	return excelize.Cell{StyleID: st.number, Value: v}
}

// validateTyped adds data validation to the typed cells of tb, column by
// column, in ranges of consecutive typed rows.
func validateTyped(g *grid, tb *reports.Table, body, first int) {
	for ci, col := range tb.Columns {
		kind := validCount
		switch {
		case col.Money:
			kind = validMoney
		case col.Signed:
			kind = validSigned
		}
		for ri := 0; ri < len(tb.Rows); {
			if tb.IsComputed(ri, ci) {
				ri++
				continue
			}
			rj := ri
			for rj+1 < len(tb.Rows) && !tb.IsComputed(rj+1, ci) {
				rj++
			}
			ref := name(first+ci, body+ri)
			if rj > ri {
				ref += ":" + name(first+ci, body+rj)
			}
			g.checks[kind] = append(g.checks[kind], ref)
			ri = rj + 1
		}
	}
}

func name(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func spanWidth(g *grid, col, span int) float64 {
	w := 0.0
	for c := col; c < col+max(span, 1); c++ {
		if c-1 < len(g.widths) {
			w += g.widths[c-1]
		}
	}
	return w
}

// cellNumber is the value written for a number: an int64 when whole (exact),
// else a float64, whose shortest form is the decimal itself for the up to
// 15 significant digits Excel keeps.
func cellNumber(d reports.Decimal) any {
	if d.IsInteger() {
		return d.IntPart()
	}
	v, _ := strconv.ParseFloat(d.String(), 64)
	return v
}

// sumFormula builds SUM(...) over the cells at the given indexes, joining
// neighbouring indexes into ranges: SUM(D7:D26), SUM(A5:D5,F5).
func sumFormula(idx []int, at func(int) (col, row int)) string {
	var parts []string
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && idx[j+1] == idx[j]+1 {
			j++
		}
		c1, r1 := at(idx[i])
		a, _ := excelize.CoordinatesToCellName(c1, r1)
		if j > i {
			c2, r2 := at(idx[j])
			b, _ := excelize.CoordinatesToCellName(c2, r2)
			a += ":" + b
		}
		parts = append(parts, a)
		i = j + 1
	}
	return "SUM(" + strings.Join(parts, ",") + ")"
}

func addList(f *excelize.File, st *styles, sheet, title string, header []string, widths []float64, rows [][]any) error {
	if _, err := f.NewSheet(sheet); err != nil {
		return fmt.Errorf("add sheet %s: %w", sheet, err)
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	g := newGrid(widths)
	g.span(1, 1, 1, len(header), excelize.Cell{StyleID: st.title, Value: title})
	g.fit(1, title, total, 16)
	for i, h := range header {
		g.set(2, i+1, excelize.Cell{StyleID: st.listHeader, Value: h})
	}
	g.heights[2] = 22
	for ri, row := range rows {
		y := 3 + ri
		for ci, v := range row {
			style := st.listCell
			switch v := v.(type) {
			case int, int64:
				style = st.listCenter
			case string:
				if utf8.RuneCountInString(v) <= 4 {
					style = st.listCenter
				}
				if ci < len(widths) {
					g.fit(y, v, widths[ci], 11)
				}
			}
			g.set(y, ci+1, excelize.Cell{StyleID: style, Value: v})
		}
	}
	return g.flush(f, sheet, total > 120)
}

func addFindings(f *excelize.File, st *styles, r *reports.Report, title string, findings []reports.Finding) error {
	errs, warns := reports.CountSeverity(findings)
	var rows [][]any
	for i, fd := range findings {
		rows = append(rows, []any{int64(i + 1), fd.Severity.Chinese(), r.Where(fd.Location), fd.Message})
	}
	head := fmt.Sprintf("%s 检查结果：%d处错误，%d处警告", title, errs, warns)
	if len(findings) == 0 {
		head = title + " 检查结果"
		rows = [][]any{{"", "", "", "未发现问题。"}}
	}
	return addList(f, st, SheetFindings, head, []string{"序号", "类别", "位置", "说明"}, []float64{6, 7, 40, 70}, rows)
}
