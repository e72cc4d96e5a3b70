package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"nianbao/reports"
)

// Limits against oversized and zip-bomb workbooks. A real statistics
// workbook is 10–30 KB zipped and well under 1 MB unzipped.
const (
	MaxFileSize     = 20 << 20  // the .xlsx file itself
	MaxUnzippedSize = 100 << 20 // all parts together, unzipped
	MaxPartSize     = 50 << 20  // one part (a worksheet, the shared strings)
	MaxParts        = 2000      // entries in the zip
)

// What Read and ReadInto notice in a workbook is returned as findings
// (reports.Finding, made by reports.ImportFinding, positioned by
// Location.Source's Sheet and Cell, and for a cell also by the report's
// table cell): a table, row or column not found — its numbers not read —
// is a reports.Warning (需核对); a cell that is not a number, an amount
// with a unit converted, a total that disagrees with its details or a year
// guessed is a reports.Note.

// readError is a workbook that cannot be used at all, as a
// *reports.FileError (the one error type for files nianbao cannot use):
// a Chinese message naming the file and, where it applies, the sheet and
// cell.
func readError(name, msg string, err error) error {
	return &reports.FileError{Path: filepath.Base(name), Msg: msg, Err: err}
}

// ErrNotWorkbook is wrapped by the error for data that is not an .xlsx
// workbook of a report's tables.
var ErrNotWorkbook = errors.New("不是报告的统计表工作簿")

// Read imports a workbook written by Write (and possibly filled in or edited
// in Excel, WPS or LibreOffice) as a new report: year, template and organ
// come from the workbook's properties or its title, the table cells from
// the sheets, found by their labels. name is used in messages. Narrative
// parts are not in a workbook; use ReadInto to bring the numbers into an
// existing report.
func Read(name string, data []byte) (*reports.Report, []reports.Finding, error) {
	wb, err := open(name, data)
	if err != nil {
		return nil, nil, err
	}
	defer wb.f.Close()
	year, version := wb.year, wb.version
	if version == "" {
		version = wb.detect()
		if version == "" {
			return nil, nil, wb.foreign()
		}
	}
	if year == 0 {
		year = 2021
		if version == reports.V2019 {
			year = 2020
		}
		wb.findings = append(wb.findings, reports.ImportFinding(reports.Note, reports.Location{},
			fmt.Sprintf("工作簿中找不到年度，暂按%d年处理，请在报告中改正", year)))
	}
	r := reports.New(year)
	r.Template = version
	r.Cells = map[reports.CellKey]reports.Cell{}
	for _, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(0)
	}
	r.Organ.FullName, r.Organ.ShortName = wb.organ, wb.short
	if wb.level != "" {
		r.Organ.Level = reports.Level(wb.level)
	}
	if err := wb.fill(r); err != nil {
		return nil, nil, err
	}
	return r, wb.findings, nil
}

// ReadInto brings the table cells of a workbook into r, replacing only the
// cells found in it and keeping everything else (organ, narrative, 落款,
// last year). The workbook must use r's template and, when it says, r's
// year; otherwise nothing is changed and an error says why. Cells whose
// label is not found keep their value and are listed as problems.
func ReadInto(r *reports.Report, name string, data []byte) ([]reports.Finding, error) {
	wb, err := open(name, data)
	if err != nil {
		return nil, err
	}
	defer wb.f.Close()
	version := wb.version
	if version == "" {
		version = wb.detect()
		if version == "" {
			return nil, wb.foreign()
		}
	}
	if version != r.Template {
		return nil, readError(name, fmt.Sprintf(
			"工作簿是%s年版模板的统计表，而报告使用%s年版模板，未导入任何数据", version, r.Template), ErrNotWorkbook)
	}
	if wb.year != 0 && wb.year != r.Year {
		return nil, readError(name, fmt.Sprintf(
			"工作簿是%d年度的统计表，而报告是%d年度，未导入任何数据", wb.year, r.Year), ErrNotWorkbook)
	}
	next := r.Clone()
	if err := wb.fill(next); err != nil {
		return nil, err
	}
	r.Cells = next.Cells
	return wb.findings, nil
}

// workbook is an opened workbook with its sheets read into label grids.
type workbook struct {
	name     string
	f        *excelize.File
	sheets   []*sheet
	year     int
	version  reports.Version
	organ    string
	short    string
	level    string
	findings []reports.Finding
}

// sheet is one worksheet's values, with merged ranges resolved so that every
// covered position shows the merged cell's text.
type sheet struct {
	name      string
	raw       map[[2]int]string // [row, col] 1-based → raw value
	merged    map[[2]int][2]int // covered position → top-left
	positions [][2]int          // non-empty cells in reading order
	maxRow    int
	maxCol    int
}

func (s *sheet) value(row, col int) string {
	if tl, ok := s.merged[[2]int{row, col}]; ok {
		return s.raw[tl]
	}
	return s.raw[[2]int{row, col}]
}

// cellValue is the value of a cell itself (not of a merged range it is in).
func (s *sheet) cellValue(row, col int) string { return s.raw[[2]int{row, col}] }

// checkZip refuses data that is not an xlsx, or whose parts unzip to more
// than the limits, before excelize reads anything.
func checkZip(name string, data []byte) error {
	fail := func(msg string) error { return readError(name, msg, ErrNotWorkbook) }
	switch {
	case len(data) == 0:
		return fail("文件是空的")
	case len(data) > MaxFileSize:
		return fail(fmt.Sprintf("文件过大（%.1f MB，上限 %d MB），不是年报统计表", float64(len(data))/(1<<20), MaxFileSize>>20))
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return fail("这是旧版 Excel 97-2003（.xls）格式或加密的工作簿。请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx，不设密码）后再导入")
	case !bytes.HasPrefix(data, []byte("PK")):
		return fail("不是 Excel 工作簿（.xlsx）文件")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return readError(name, "文件已损坏或不是 Excel 工作簿（.xlsx）：无法解压", err)
	}
	if len(zr.File) > MaxParts {
		return fail(fmt.Sprintf("工作簿包含 %d 个部件，超过上限 %d，拒绝打开", len(zr.File), MaxParts))
	}
	var total uint64
	hasWorkbook := false
	for _, zf := range zr.File {
		if zf.UncompressedSize64 > MaxPartSize {
			return fail(fmt.Sprintf("工作簿中的部件“%s”解压后有 %d MB，超过上限 %d MB（可能是压缩炸弹），拒绝打开", zf.Name, zf.UncompressedSize64>>20, MaxPartSize>>20))
		}
		total += zf.UncompressedSize64
		if strings.EqualFold(zf.Name, "xl/workbook.xml") {
			hasWorkbook = true
		}
	}
	if total > MaxUnzippedSize {
		return fail(fmt.Sprintf("工作簿解压后共 %d MB，超过上限 %d MB（可能是压缩炸弹），拒绝打开", total>>20, MaxUnzippedSize>>20))
	}
	if !hasWorkbook {
		return fail("压缩包中没有 Excel 工作簿内容（xl/workbook.xml），不是 .xlsx 文件")
	}
	return nil
}

// FirstSheetRows reads the rows of the first sheet of any .xlsx workbook
// (a roster, say), as text, within the size limits that protect Read. It
// returns the sheet's name too, for messages.
func FirstSheetRows(name string, data []byte) (sheet string, rows [][]string, err error) {
	f, err := openBounded(name, data)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return "", nil, readError(name, "工作簿中没有工作表", nil)
	}
	rows, err = f.GetRows(sheets[0])
	if err != nil {
		return sheets[0], nil, readError(name, fmt.Sprintf("工作表「%s」无法读取：%v", sheets[0], err), err)
	}
	return sheets[0], rows, nil
}

// openBounded opens an .xlsx workbook within the size limits that protect
// Read: data that is not an xlsx, or that unzips to too much, is refused
// with a *reports.FileError before excelize reads it. The caller closes it.
func openBounded(name string, data []byte) (*excelize.File, error) {
	if err := checkZip(name, data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzippedSize, UnzipXMLSizeLimit: MaxPartSize,
	})
	if err != nil {
		return nil, readError(name, "无法读取工作簿（文件损坏或加密）："+err.Error(), err)
	}
	return f, nil
}

func open(name string, data []byte) (*workbook, error) {
	f, err := openBounded(name, data)
	if err != nil {
		return nil, err
	}
	wb := &workbook{name: name, f: f}
	if err := wb.load(); err != nil {
		f.Close()
		return nil, err
	}
	return wb, nil
}

// load reads every sheet and the properties.
func (wb *workbook) load() error {
	for _, name := range wb.f.GetSheetList() {
		rows, err := wb.f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			// chart sheets and the like have no cells
			continue
		}
		s := &sheet{name: name, raw: map[[2]int]string{}, merged: map[[2]int][2]int{}}
		for ri, row := range rows {
			for ci, v := range row {
				if v != "" {
					s.raw[[2]int{ri + 1, ci + 1}] = v
					s.positions = append(s.positions, [2]int{ri + 1, ci + 1})
					s.maxRow, s.maxCol = max(s.maxRow, ri+1), max(s.maxCol, ci+1)
				}
			}
		}
		merges, err := wb.f.GetMergeCells(name, true)
		if err != nil {
			return readError(wb.name, fmt.Sprintf("工作表「%s」无法读取（文件已损坏？）：%v", name, err), err)
		}
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || (r2-r1+1)*(c2-c1+1) > 10000 {
				continue
			}
			for r := r1; r <= r2; r++ {
				for c := c1; c <= c2; c++ {
					s.merged[[2]int{r, c}] = [2]int{r1, c1}
				}
			}
		}
		wb.sheets = append(wb.sheets, s)
	}
	if props, err := wb.f.GetCustomProps(); err == nil {
		for _, p := range props {
			v := fmt.Sprint(p.Value)
			switch p.Name {
			case propYear:
				wb.year, _ = strconv.Atoi(v)
			case propTemplate:
				if reports.Lookup(reports.Version(v)) != nil {
					wb.version = reports.Version(v)
				}
			case propOrgan:
				wb.organ = v
			case propShort:
				wb.short = v
			case propLevel:
				wb.level = v
			}
		}
	}
	if wb.year == 0 {
		// a workbook made by hand: take the year from a title like 2023年度
		re := regexp.MustCompile(`(20\d\d)\s*年度`)
		for _, s := range wb.sheets {
			for _, v := range []string{s.value(1, 1), s.value(2, 1)} {
				if m := re.FindStringSubmatch(v); m != nil {
					wb.year, _ = strconv.Atoi(m[1])
					break
				}
			}
			if wb.year != 0 {
				break
			}
		}
	}
	return nil
}

func (wb *workbook) foreign() error {
	return readError(wb.name, "不是年报统计表：在各工作表中都没有找到“第二十条第（一）项”“申请人情况”“行政复议”等表头。"+
		"请用本程序“导出Excel”生成的工作簿填写数字后再导入（表头文字不要改动）", ErrNotWorkbook)
}

// norm makes labels comparable: no whitespace or line breaks, half-width
// brackets and quotes as full-width.
func norm(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		switch r {
		case '(':
			return '（'
		case ')':
			return '）'
		}
		return r
	}, s)
	return strings.NewReplacer(`"`, "", "“", "", "”", "", ":", "：").Replace(s)
}

// placed is where a table was found: its anchor and the sheet positions of
// its rows and columns (0 when not found).
type placed struct {
	sheet *sheet
	rows  []int
	cols  []int
}

// locate finds tb in the workbook: a sheet cell holding one of the labels of
// the first header row marks the table's top-left corner, then columns are
// matched by their header path and rows by their label path.
func (wb *workbook) locate(tb *reports.Table) *placed {
	header, hrows := tb.HeaderGrid()
	var best *placed
	bestScore := 0
	for _, s := range wb.sheets {
		for _, h := range header {
			if h.Row != 0 {
				continue
			}
			want := norm(h.Label)
			for _, pos := range s.positions {
				if norm(s.raw[pos]) != want {
					continue
				}
				top, left := pos[0], pos[1]-h.Col
				if left < 1 {
					continue
				}
				p := match(s, tb, top, left, hrows)
				if score := p.score(); score > bestScore {
					best, bestScore = p, score
				}
			}
		}
	}
	return best
}

// score counts the rows and columns found; a table with no row or no
// column found is not there at all.
func (p *placed) score() int {
	rows, cols := 0, 0
	for _, r := range p.rows {
		if r > 0 {
			rows++
		}
	}
	for _, c := range p.cols {
		if c > 0 {
			cols++
		}
	}
	if rows == 0 || cols == 0 {
		return 0
	}
	return rows + cols
}

func match(s *sheet, tb *reports.Table, top, left, hrows int) *placed {
	p := &placed{sheet: s, rows: make([]int, len(tb.Rows)), cols: make([]int, len(tb.Columns))}
	// columns: the header path above each sheet column. A column is found
	// by its label and its groups; where the merged group cells were split
	// (some spreadsheet programs do that), by its label alone, in order.
	maxCol := min(s.maxCol, left+tb.Width()+8)
	type candidate struct {
		at   int
		path []string
	}
	var cols []candidate
	for x := left + tb.LabelColumns; x <= maxCol; x++ {
		var path []string
		for y := top; y < top+hrows; y++ {
			v := norm(s.value(y, x))
			if v != "" && (len(path) == 0 || path[len(path)-1] != v) {
				path = append(path, v)
			}
		}
		if len(path) > 0 {
			cols = append(cols, candidate{x, path})
		}
	}
	used := map[int]bool{}
	for _, strict := range []bool{true, false} {
		for ci, c := range tb.Columns {
			if p.cols[ci] != 0 {
				continue
			}
			for _, cand := range cols {
				if !used[cand.at] && cand.path[len(cand.path)-1] == norm(c.Label) && (!strict || hasGroup(cand.path, c.Group)) {
					p.cols[ci] = cand.at
					used[cand.at] = true
					break
				}
			}
		}
	}
	// rows: the label path left of each sheet row, near the header
	body := top + hrows
	if tb.LabelColumns == 0 {
		if len(p.rows) > 0 {
			p.rows[0] = body
		}
		return p
	}
	var rows []candidate
	for y := body; y <= min(s.maxRow, body+len(tb.Rows)+8); y++ {
		var path []string
		for x := left; x < left+tb.LabelColumns; x++ {
			v := norm(s.value(y, x))
			if v != "" && (len(path) == 0 || path[len(path)-1] != v) {
				path = append(path, v)
			}
		}
		if len(path) > 0 {
			rows = append(rows, candidate{y, path})
		}
	}
	used = map[int]bool{}
	for _, strict := range []bool{true, false} {
		for ri, r := range tb.Rows {
			if p.rows[ri] != 0 {
				continue
			}
			for _, cand := range rows {
				if !used[cand.at] && cand.path[len(cand.path)-1] == norm(r.Label()) && (!strict || hasPrefix(cand.path, r.Labels)) {
					p.rows[ri] = cand.at
					used[cand.at] = true
					break
				}
			}
		}
	}
	return p
}

func hasGroup(path []string, group string) bool {
	if group == "" {
		return true
	}
	for _, g := range strings.Split(group, "·") {
		found := false
		for _, p := range path {
			if p == norm(g) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func hasPrefix(path []string, labels []string) bool {
	for _, l := range labels[:len(labels)-1] {
		found := false
		for _, p := range path {
			if p == norm(l) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// detect picks the template whose labels the workbook matches best, or "".
func (wb *workbook) detect() reports.Version {
	var best reports.Version
	bestScore := 0
	for _, t := range reports.Templates() {
		score := 0
		for _, tb := range t.Tables {
			if p := wb.locate(tb); p != nil {
				score += p.score()
				full := p.score() == len(tb.Rows)+len(tb.Columns)
				if full {
					score += 5
				}
			}
		}
		if score > bestScore {
			best, bestScore = t.Version, score
		}
	}
	if bestScore < 3 {
		return ""
	}
	return best
}

// fill reads every table of r's template from the workbook into r.Cells.
func (wb *workbook) fill(r *reports.Report) error {
	t := r.Tmpl()
	found := 0
	for _, tb := range t.Tables {
		p := wb.locate(tb)
		if p == nil || p.score() == 0 {
			wb.findings = append(wb.findings, reports.ImportFinding(reports.Warning, reports.Location{Section: tb.Section, Table: tb.Key},
				fmt.Sprintf("没有找到%s（表头“%s”），该表的数字未导入", tb.Name(t), tb.Header[0][0].Label)))
			continue
		}
		found++
		wb.readTable(r, t, tb, p)
	}
	if found == 0 {
		return wb.foreign()
	}
	return nil
}

func (wb *workbook) readTable(r *reports.Report, t *reports.Template, tb *reports.Table, p *placed) {
	s := p.sheet
	for ri, y := range p.rows {
		if y == 0 {
			wb.findings = append(wb.findings, reports.ImportFinding(reports.Warning, reports.Location{Section: tb.Section, Table: tb.Key, Row: tb.Rows[ri].Key, Source: reports.Position{Sheet: s.name}},
				fmt.Sprintf("%s中没有找到「%s」行，该行未导入", tb.Name(t), tb.RowName(ri))))
		}
	}
	for ci, x := range p.cols {
		if x == 0 {
			wb.findings = append(wb.findings, reports.ImportFinding(reports.Warning, reports.Location{Section: tb.Section, Table: tb.Key, Source: reports.Position{Sheet: s.name}},
				fmt.Sprintf("%s中没有找到「%s」列，该列未导入", tb.Name(t), tb.ColumnName(ci))))
		}
	}
	// typed cells first, so the totals can be compared with them
	for ri, y := range p.rows {
		for ci, x := range p.cols {
			if y == 0 || x == 0 || tb.IsComputed(ri, ci) {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(x, y)
			c, prob := parseValue(s.cellValue(y, x))
			if v, unit, ok := reports.ParseAmountWithUnit(c.Text); c.Text != "" && tb.Columns[ci].Money && ok {
				c, prob = reports.Cell{Value: v}, reports.AmountNote(c.Text, v, unit)+"，请核对"
			}
			if prob != "" {
				wb.findings = append(wb.findings, reports.ImportFinding(reports.Note, findingAt(t, tb, ri, ci, s.name, ref),
					tb.CellName(t, ri, ci)+"："+prob))
			}
			r.Cells[tb.CellKey(ri, ci)] = c
		}
	}
	for ri, y := range p.rows {
		for ci, x := range p.cols {
			if y == 0 || x == 0 || !tb.IsComputed(ri, ci) {
				continue
			}
			v := s.cellValue(y, x)
			if strings.TrimSpace(v) == "" {
				continue
			}
			c, _ := parseValue(v)
			sum := r.Number(tb, ri, ci)
			if !c.IsNumber() || c.Value.Cmp(sum) != 0 {
				ref, _ := excelize.CoordinatesToCellName(x, y)
				wb.findings = append(wb.findings, reports.ImportFinding(reports.Note, findingAt(t, tb, ri, ci, s.name, ref),
					fmt.Sprintf("%s是合计，工作簿中为“%s”，按明细计算为 %s；以明细计算的合计为准", tb.CellName(t, ri, ci), v, sum)))
			}
		}
	}
}

// findingAt locates a finding about the table cell ri, ci, read from the
// workbook's cell ref on sheet.
func findingAt(t *reports.Template, tb *reports.Table, ri, ci int, sheet, ref string) reports.Location {
	loc := reports.CellLocation(t, tb.CellKey(ri, ci))
	loc.Source = reports.Position{Sheet: sheet, Cell: ref}
	return loc
}

// parseValue reads a raw cell value. Numbers written by a spreadsheet may
// carry binary noise (0.30000000000000004): they are rounded to the six
// decimals a report keeps. Anything else is kept as text.
func parseValue(v string) (reports.Cell, string) {
	c := reports.ParseCell(v)
	if c.IsNumber() || c.Blank {
		return c, ""
	}
	if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
		if math.Abs(f) >= 1e12 {
			return reports.Cell{Text: v}, "数值过大，已按文字保留"
		}
		rounded := strconv.FormatFloat(f, 'f', reports.DecimalPlaces, 64)
		if d, err := reports.ParseDecimal(rounded); err == nil {
			note := ""
			if math.Abs(f-mustFloat(rounded)) > 1e-9*math.Max(1, math.Abs(f)) {
				note = fmt.Sprintf("“%s”超过6位小数，已四舍五入为 %s", v, d)
			}
			return reports.Cell{Value: d}, note
		}
	}
	return c, fmt.Sprintf("“%s”不是数字，已按文字保留，请改为数字", v)
}

func mustFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
