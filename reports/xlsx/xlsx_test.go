package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"math"
	"nianbao/internal/golden"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/reports"
)

// handMade is a report with a different non-zero number in every typed
// cell, a fee with six decimals, one blank and one text cell.
func handMade(year int) *reports.Report {
	r := reports.New(year)
	r.Organ = reports.Organ{FullName: "某县某某镇人民政府", ShortName: "某某镇", Level: reports.LevelTownship}
	for i, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(int64(i%17 + 1))
	}
	money, _ := reports.ParseDecimal("5949.088667")
	if r.Template == reports.V2019 {
		r.Cells[reports.Key("t2_9", "procurement", "amount")] = reports.Cell{Value: money}
		r.Cells[reports.Key("t2_5", "license", "items_change")] = reports.Num(-3)
	} else {
		r.Cells[reports.Key("t2_8", "fee", "amount")] = reports.Cell{Value: money}
		r.Cells[reports.Key("t3", "deny3", "lawfirm")] = reports.BlankCell()
		r.Cells[reports.Key("t3", "noproc2", "charity")] = reports.Cell{Text: "无"}
	}
	return r
}

func writeBytes(t *testing.T, r *reports.Report, findings []reports.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, findings); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func openBytes(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open written workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellAt finds the cell holding exactly text on a sheet.
func cellAt(t *testing.T, f *excelize.File, sheet, text string) (col, row int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for ri, r := range rows {
		for ci, v := range r {
			if v == text {
				return ci + 1, ri + 1
			}
		}
	}
	t.Fatalf("sheet %s has no cell %q", sheet, text)
	return 0, 0
}

func TestWorkbookLayout(t *testing.T) {
	r := handMade(2023)
	findings := []reports.Finding{
		{Severity: reports.Error, Code: "T3_BALANCE", Location: reports.CellLocation(r.Tmpl(), "t3.new.natural"), Message: "一加二不等于七加四"},
		{Severity: reports.Warning, Code: "LATE", Location: reports.Location{Field: "signing.date"}, Message: "落款日期晚于1月31日"},
	}
	f := openBytes(t, writeBytes(t, r, findings))
	tmpl := r.Tmpl()

	wantSheets := []string{"表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "检查结果"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets = %v, want %v", got, wantSheets)
	}

	t.Run("every label of every table is on its sheet", func(t *testing.T) {
		for _, tb := range tmpl.Tables {
			sheet := SheetName(tmpl, tb.Section)
			rows, _ := f.GetRows(sheet)
			have := map[string]bool{}
			for _, r := range rows {
				for _, v := range r {
					have[v] = true
				}
			}
			header, _ := tb.HeaderGrid()
			for _, h := range header {
				if !have[h.Label] {
					t.Errorf("%s: header %q missing", sheet, h.Label)
				}
			}
			for _, l := range tb.LabelGrid() {
				if !have[l.Label] {
					t.Errorf("%s: row label %q missing", sheet, l.Label)
				}
			}
		}
	})

	t.Run("merged header cells and the cross-check note", func(t *testing.T) {
		sheet := "表三 依申请公开"
		nc, nr := cellAt(t, f, sheet, reports.CrossCheckNote)
		ac, ar := cellAt(t, f, sheet, "申请人情况")
		lc, lr := cellAt(t, f, sheet, "法人或其他组织")
		rc, rr := cellAt(t, f, sheet, "三、本年度办理结果")
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, m := range merges {
			have[m.GetStartAxis()+":"+m.GetEndAxis()] = true
		}
		t3 := tmpl.Table("t3")
		for _, want := range []string{
			name(nc, nr) + ":" + name(nc+2, nr+2),                // note: 3 columns × 3 rows
			name(ac, ar) + ":" + name(ac+6, ar),                  // 申请人情况 over 7 columns
			name(lc, lr) + ":" + name(lc+4, lr),                  // 法人或其他组织 over 5 columns
			name(rc, rr) + ":" + name(rc, rr+len(t3.Rows)-2-1-1), // 三、本年度办理结果 down to （七）总计
		} {
			if !have[want] {
				t.Errorf("merged range %s missing; have %v", want, merges)
			}
		}
		s4 := "表四 复议诉讼"
		c, r4 := cellAt(t, f, s4, "行政诉讼")
		m4, _ := f.GetMergeCells(s4)
		found := false
		for _, m := range m4 {
			if m.GetStartAxis() == name(c, r4) && m.GetEndAxis() == name(c+9, r4) {
				found = true
			}
		}
		if !found {
			t.Errorf("行政诉讼 should span 10 columns from %s; merges %v", name(c, r4), m4)
		}
	})

	t.Run("typed cells are values and totals are live formulas", func(t *testing.T) {
		sheet := "表三 依申请公开"
		t3 := tmpl.Table("t3")
		_, newRow := cellAt(t, f, sheet, "一、本年新收政府信息公开申请数量")
		natCol, _ := cellAt(t, f, sheet, "自然人")
		totCol := natCol + 6
		_, totalRow := cellAt(t, f, sheet, "（七）总计")
		_, openRow := cellAt(t, f, sheet, "（一）予以公开")

		v, _ := f.GetCellValue(sheet, name(natCol, newRow))
		if want := r.Cell("t3.new.natural").String(); v != want {
			t.Errorf("自然人 新收 = %q, want %q", v, want)
		}
		if got, _ := f.GetCellType(sheet, name(natCol, newRow)); got != excelize.CellTypeUnset && got != excelize.CellTypeNumber {
			t.Errorf("自然人 新收 type = %v, want a number", got)
		}
		cases := []struct {
			cell    string
			formula string
			key     reports.CellKey
		}{
			{name(totCol, newRow), fmt.Sprintf("SUM(%s:%s)", name(natCol, newRow), name(natCol+5, newRow)), "t3.new.total"},
			{name(natCol, totalRow), fmt.Sprintf("SUM(%s:%s)", name(natCol, openRow), name(natCol, totalRow-1)), "t3.total.natural"},
			{name(totCol, totalRow), fmt.Sprintf("SUM(%s:%s)", name(natCol, totalRow), name(natCol+5, totalRow)), "t3.total.total"},
		}
		for _, c := range cases {
			got, _ := f.GetCellFormula(sheet, c.cell)
			if got != c.formula {
				t.Errorf("%s formula = %q, want %q", c.cell, got, c.formula)
			}
			v, _ := f.GetCellValue(sheet, c.cell, excelize.Options{RawCellValue: true})
			if want := r.Value(c.key).String(); v != want {
				t.Errorf("%s cached value = %q, want %q", c.cell, v, want)
			}
		}
		// every computed cell of every table carries a SUM formula
		n := 0
		for _, sheet := range f.GetSheetList()[:3] {
			rows, _ := f.GetRows(sheet)
			for ri, row := range rows {
				for ci := range row {
					if fm, _ := f.GetCellFormula(sheet, name(ci+1, ri+1)); strings.HasPrefix(fm, "SUM(") {
						n++
					}
				}
			}
		}
		if want := len(tmpl.ComputedKeys()); n != want {
			t.Errorf("%d SUM formulas, want one per total: %d", n, want)
		}
		_ = t3
	})

	t.Run("money keeps six decimals exactly", func(t *testing.T) {
		sheet := "表二 主动公开"
		c, r2 := cellAt(t, f, sheet, "行政事业性收费")
		v, _ := f.GetCellValue(sheet, name(c+1, r2), excelize.Options{RawCellValue: true})
		if v != "5949.088667" {
			t.Errorf("fee = %q, want 5949.088667", v)
		}
	})

	t.Run("A4 one page wide with a Chinese font", func(t *testing.T) {
		for _, sheet := range f.GetSheetList() {
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("%s page layout = %+v, want A4 (9), 1 page wide", sheet, pl)
			}
			sp, _ := f.GetSheetProps(sheet)
			if sp.FitToPage == nil || !*sp.FitToPage {
				t.Errorf("%s: fit to page is off", sheet)
			}
		}
		if pl, _ := f.GetPageLayout("表四 复议诉讼"); pl.Orientation == nil || *pl.Orientation != "landscape" {
			t.Errorf("表四 should print landscape")
		}
		c, r1 := cellAt(t, f, "表三 依申请公开", "自然人")
		id, _ := f.GetCellStyle("表三 依申请公开", name(c, r1))
		st, _ := f.GetStyle(id)
		if st.Font == nil || st.Font.Family != "宋体" || len(st.Border) != 4 || !st.Alignment.WrapText {
			t.Errorf("header style = %+v", st)
		}
	})

	t.Run("typed cells accept numbers only", func(t *testing.T) {
		dvs, err := f.GetDataValidations("表三 依申请公开")
		if err != nil {
			t.Fatal(err)
		}
		natCol, _ := cellAt(t, f, "表三 依申请公开", "自然人")
		_, newRow := cellAt(t, f, "表三 依申请公开", "一、本年新收政府信息公开申请数量")
		_, totalRow := cellAt(t, f, "表三 依申请公开", "（七）总计")
		want := name(natCol, newRow) + ":" + name(natCol, totalRow-1) + " " + name(natCol, totalRow+1)
		if len(dvs) != 1 || dvs[0].Type != "whole" || !strings.HasPrefix(dvs[0].Sqref, want+" ") || dvs[0].Error == nil || !strings.Contains(*dvs[0].Error, "整数") {
			t.Errorf("表三 validations = %+v, want whole numbers over %s …", dvs, want)
		}
		dv2, _ := f.GetDataValidations("表二 主动公开")
		kinds := map[string]string{}
		for _, d := range dv2 {
			kinds[d.Type] = d.Sqref
		}
		c, r2 := cellAt(t, f, "表二 主动公开", "行政事业性收费")
		if kinds["decimal"] != name(c+1, r2) {
			t.Errorf("fee validation = %q, want decimal on %s", kinds["decimal"], name(c+1, r2))
		}
	})

	t.Run("findings sheet", func(t *testing.T) {
		rows, _ := f.GetRows(SheetFindings)
		if len(rows) != 4 {
			t.Fatalf("findings sheet has %d rows, want title, header and 2: %v", len(rows), rows)
		}
		if !strings.Contains(rows[0][0], "1处错误，1处警告") {
			t.Errorf("title = %q", rows[0][0])
		}
		want := [][]string{
			{"序号", "类别", "位置", "说明"},
			{"1", "错误", "表三「一、本年新收政府信息公开申请数量」行「自然人」列", "一加二不等于七加四"},
			{"2", "警告", r.Where(reports.Location{Field: "signing.date"}), "落款日期晚于1月31日"},
		}
		for i, w := range want {
			if !slices.Equal(rows[i+1], w) {
				t.Errorf("row %d = %q, want %q", i+2, rows[i+1], w)
			}
		}
	})
}

func TestRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		r    *reports.Report
	}{
		{"the sample report", reports.Sample()},
		{"hand-made numbers with a six-decimal fee, a blank and a text cell", handMade(2023)},
		{"a report in the 2019 format", handMade(2020)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := writeBytes(t, c.r, nil)

			// into an existing report: only the cells change
			base := c.r.Clone()
			for k := range base.Cells {
				base.Cells[k] = reports.Num(0)
			}
			probs, err := ReadInto(base, "x.xlsx", data)
			if err != nil {
				t.Fatalf("ReadInto: %v", err)
			}
			for _, p := range probs {
				if p.Severity == reports.Warning {
					t.Errorf("problem: %s", p.SourceLine())
				}
			}
			want, _ := reports.Marshal(c.r)
			got, _ := reports.Marshal(base)
			if !bytes.Equal(want, got) {
				t.Errorf("report → xlsx → report changed the report:\n%s", diffCells(c.r, base))
				golden.WriteFailed(t, "roundtrip-want.nianbao", want)
				golden.WriteFailed(t, "roundtrip-got.nianbao", got)
			}

			// as a new report
			nr, _, err := Read("x.xlsx", data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if nr.Year != c.r.Year || nr.Template != c.r.Template || nr.Organ != c.r.Organ {
				t.Errorf("Read: year %d template %s organ %+v, want %d %s %+v", nr.Year, nr.Template, nr.Organ, c.r.Year, c.r.Template, c.r.Organ)
			}
			if d := diffCells(c.r, nr); d != "" {
				t.Errorf("Read cells differ:\n%s", d)
			}
		})
	}
}

func diffCells(a, b *reports.Report) string {
	var out []string
	for _, k := range a.Tmpl().InputKeys() {
		if a.Cell(k) != b.Cell(k) {
			out = append(out, fmt.Sprintf("%s: %+v → %+v", k, a.Cell(k), b.Cell(k)))
		}
	}
	return strings.Join(out, "\n")
}

// TestEditedInSpreadsheet edits a written workbook the way a clerk would:
// a number typed over, rows inserted above a table, a label wrapped with a
// line break, a total overwritten by hand.
func TestEditedInSpreadsheet(t *testing.T) {
	r := handMade(2023)
	f := openBytes(t, writeBytes(t, r, nil))
	sheet := "表三 依申请公开"
	natCol, _ := cellAt(t, f, sheet, "自然人")
	_, newRow := cellAt(t, f, sheet, "一、本年新收政府信息公开申请数量")
	if err := f.SetCellValue(sheet, name(natCol, newRow), 42); err != nil {
		t.Fatal(err)
	}
	if err := f.InsertRows(sheet, 1, 3); err != nil { // moves the whole table down
		t.Fatal(err)
	}
	c, r2 := cellAt(t, f, "表二 主动公开", "行政许可")
	if err := f.SetCellValue("表二 主动公开", name(c, r2), "行政\n许可"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue("表二 主动公开", name(c+1, r2), 0.1+0.2); err != nil { // 0.30000000000000004
		t.Fatal(err)
	}
	s4 := "表四 复议诉讼"
	tc, tr := cellAt(t, f, s4, "总计")
	if err := f.SetCellValue(s4, name(tc, tr+2), 999); err != nil { // 行政复议 总计 typed over
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	base := r.Clone()
	probs, err := ReadInto(base, "edited.xlsx", buf.Bytes())
	if err != nil {
		t.Fatalf("ReadInto: %v", err)
	}
	if got := base.Cell("t3.new.natural").String(); got != "42" {
		t.Errorf("edited cell = %s, want 42", got)
	}
	if got := base.Cell("t2_5.license.decisions").String(); got != "0.3" {
		t.Errorf("0.1+0.2 read as %s, want 0.3", got)
	}
	var warned bool
	for _, p := range probs {
		if p.Location.Source.Sheet == s4 && p.Location.Source.Cell == name(tc, tr+2) && strings.Contains(p.Message, "999") {
			warned = true
			// the one diagnostic: the workbook's cell and the report's cell
			if p.Severity != reports.Note || p.Code != reports.CodeImportNote || p.Location.Table != "t4" || p.Location.Column != "review_total" {
				t.Errorf("finding of the total typed over: %+v", p)
			}
		}
	}
	if !warned {
		t.Errorf("a total typed over by hand should be reported; problems: %v", probs)
	}
	if want := base.Value("t4.cases.review_total").String(); want == "999" {
		t.Errorf("the total must stay computed, got %s", want)
	}
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	return buf.Bytes()
}

// lyingBomb is a workbook whose sheet claims to unzip to 1 KB but unzips to
// 64 MB: the zip reader stops at the claimed size.
func lyingBomb(t *testing.T) []byte {
	t.Helper()
	good := writeBytes(t, handMade(2023), nil)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet2.xml" {
			if err := zw.Copy(zf); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var deflated bytes.Buffer
		fw, _ := flate.NewWriter(&deflated, flate.BestSpeed)
		fw.Write(bytes.Repeat([]byte("<c/>"), 16<<20))
		fw.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate,
			CompressedSize64: uint64(deflated.Len()), UncompressedSize64: 1024})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(deflated.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}

func TestRefused(t *testing.T) {
	foreign := excelize.NewFile()
	foreign.SetCellValue("Sheet1", "A1", "姓名")
	foreign.SetCellValue("Sheet1", "B1", "年龄")
	fb, _ := foreign.WriteToBuffer()
	bomb := zipOf(t, map[string][]byte{
		"xl/workbook.xml":          []byte("<workbook/>"),
		"xl/worksheets/sheet1.xml": make([]byte, MaxPartSize+1),
	})
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a zip bomb that lies about its size", lyingBomb(t), "无法读取"},
		{"an empty file", nil, "文件是空的"},
		{"a text file", []byte("规章 0 0 0"), "不是 Excel 工作簿"},
		{"an old .xls workbook", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "97-2003"},
		{"a zip that is not a workbook", zipOf(t, map[string][]byte{"a.txt": []byte("hi")}), "xl/workbook.xml"},
		{"a workbook of something else", fb.Bytes(), "不是年报统计表"},
		{"a zip bomb", bomb, "压缩炸弹"},
		{"a file too large", append([]byte("PK"), make([]byte, MaxFileSize)...), "文件过大"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := reports.Sample()
			before, _ := reports.Marshal(r)
			_, _, err := Read("in.xlsx", c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "in.xlsx：") {
				t.Errorf("Read error = %v, want one naming the file and saying %q", err, c.want)
			}
			if !errors.Is(err, ErrNotWorkbook) && c.name != "a zip that is not a workbook" {
				var re *reports.FileError
				if !errors.As(err, &re) {
					t.Errorf("error %T is not a *reports.FileError", err)
				}
			}
			if _, err := ReadInto(r, "in.xlsx", c.data); err == nil {
				t.Errorf("ReadInto accepted %s", c.name)
			}
			after, _ := reports.Marshal(r)
			if !bytes.Equal(before, after) {
				t.Errorf("a refused workbook changed the report")
			}
		})
	}
}

func TestReadIntoRefusesOtherTemplateOrYear(t *testing.T) {
	data := writeBytes(t, handMade(2020), nil)
	r := reports.Sample()
	if _, err := ReadInto(r, "old.xlsx", data); err == nil || !strings.Contains(err.Error(), "2019年版") {
		t.Errorf("2019 workbook into a 2021 report: err = %v", err)
	}
	r22 := handMade(2022)
	if _, err := ReadInto(r22, "y.xlsx", writeBytes(t, handMade(2023), nil)); err == nil || !strings.Contains(err.Error(), "2023年度") {
		t.Errorf("2023 workbook into a 2022 report: err = %v", err)
	}
}

func TestMissingRowIsReported(t *testing.T) {
	r := handMade(2023)
	f := openBytes(t, writeBytes(t, r, nil))
	c, rr := cellAt(t, f, "表三 依申请公开", "2.重复申请")
	f.SetCellValue("表三 依申请公开", name(c, rr), "重复的申请")
	buf, _ := f.WriteToBuffer()
	base := r.Clone()
	base.Cells["t3.noproc2.natural"] = reports.Num(77)
	probs, err := ReadInto(base, "x.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range probs {
		if p.Severity == reports.Warning && strings.Contains(p.Message, "2.重复申请") {
			found = true
		}
	}
	if !found {
		t.Errorf("a renamed row label should be an error problem: %v", probs)
	}
	if got := base.Cell("t3.noproc2.natural").String(); got != "77" {
		t.Errorf("a row not found must keep its value, got %s", got)
	}
}

func TestWriteFileKeepsBackup(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.xlsx")
	if err := WriteFile(p, reports.Sample(), nil); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, handMade(2023), nil); err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile(p + ".bak")
	if err != nil {
		t.Fatalf("no backup: %v", err)
	}
	r, _, err := Read("bak", old)
	if err != nil || r.Organ.ShortName != "别斯托别乡" {
		t.Errorf("backup is not the first workbook: %v %+v", err, r)
	}
}

// FuzzRead feeds damaged workbooks to Read: it may refuse them, but must
// never panic, and whatever it accepts holds only cells of its template.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, handMade(2023), nil); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, _, err := Read("fuzz.xlsx", data)
		if err != nil {
			return
		}
		for k := range r.Cells {
			if !r.Tmpl().IsInput(k) {
				t.Errorf("Read produced cell %s, not a typed cell of its template", k)
			}
		}
	})
}

// TestSavedByLibreOffice re-saves a workbook with LibreOffice, as a clerk
// on UOS/Kylin does after filling it in, and reads it back. It needs
// soffice (apt-get install libreoffice-calc-nogui) and is skipped without.
func TestSavedByLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	dir := t.TempDir()
	r := handMade(2023)
	in := filepath.Join(dir, "in.xlsx")
	if err := WriteFile(in, r, nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx", "--outdir", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(filepath.Join(out, "in.xlsx"))
	if err != nil {
		t.Fatalf("LibreOffice wrote nothing: %v", err)
	}
	base := r.Clone()
	for k := range base.Cells {
		base.Cells[k] = reports.Num(0)
	}
	probs, err := ReadInto(base, "lo.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if p.Severity == reports.Warning || !strings.Contains(p.Message, "“无”不是数字") {
			t.Errorf("problem: %s", p.SourceLine()) // the text cell 无 is the only expected one
		}
	}
	if d := diffCells(r, base); d != "" {
		t.Errorf("cells changed after LibreOffice saved the workbook:\n%s", d)
	}
}

// TestReadWithoutProperties reads workbooks whose nianbao properties are
// gone (copied into a new file by hand): the template is recognised by its
// labels and the year by the title.
func TestReadWithoutProperties(t *testing.T) {
	for _, r := range []*reports.Report{handMade(2023), handMade(2020)} {
		t.Run(string(r.Template), func(t *testing.T) {
			data := writeBytes(t, r, nil)
			zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, zf := range zr.File {
				if zf.Name == "docProps/custom.xml" {
					continue
				}
				if err := zw.Copy(zf); err != nil {
					t.Fatal(err)
				}
			}
			zw.Close()
			got, _, err := Read("plain.xlsx", buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if got.Template != r.Template || got.Year != r.Year {
				t.Errorf("template %s year %d, want %s %d", got.Template, got.Year, r.Template, r.Year)
			}
			if d := diffCells(r, got); d != "" {
				t.Errorf("cells differ:\n%s", d)
			}
		})
	}
}

// TestReadUnmerged reads a workbook whose merged cells were all split, the
// group labels left only in their first cell, as some programs save it.
func TestReadUnmerged(t *testing.T) {
	r := handMade(2023)
	f := openBytes(t, writeBytes(t, r, nil))
	for _, sheet := range f.GetSheetList() {
		merges, _ := f.GetMergeCells(sheet)
		for _, m := range merges {
			if err := f.UnmergeCell(sheet, m.GetStartAxis(), m.GetEndAxis()); err != nil {
				t.Fatal(err)
			}
		}
		if after, _ := f.GetMergeCells(sheet); len(after) != 0 {
			t.Fatalf("%s still has merges", sheet)
		}
	}
	buf, _ := f.WriteToBuffer()
	base := r.Clone()
	for k := range base.Cells {
		base.Cells[k] = reports.Num(0)
	}
	probs, err := ReadInto(base, "unmerged.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if p.Severity == reports.Warning {
			t.Errorf("problem: %s", p.SourceLine())
		}
	}
	if d := diffCells(r, base); d != "" {
		t.Errorf("cells differ:\n%s", d)
	}
}

// TestAmountWithUnitInSpreadsheet: a fee typed with its unit in the
// workbook ("147230元") is read as 14.723 万元 with a warning; a count typed
// with one stays text.
func TestAmountWithUnitInSpreadsheet(t *testing.T) {
	r := handMade(2023)
	f := openBytes(t, writeBytes(t, r, nil))
	sheet := "表二 主动公开"
	c, row := cellAt(t, f, sheet, "行政事业性收费")
	if err := f.SetCellValue(sheet, name(c+1, row), "147230元"); err != nil {
		t.Fatal(err)
	}
	lc, lrow := cellAt(t, f, sheet, "行政许可")
	if err := f.SetCellValue(sheet, name(lc+1, lrow), "3件"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	base := r.Clone()
	probs, err := ReadInto(base, "fee.xlsx", buf.Bytes())
	if err != nil {
		t.Fatalf("ReadInto: %v", err)
	}
	if got := base.Cell("t2_8.fee.amount"); !got.IsNumber() || got.Value.String() != "14.723" {
		t.Errorf("fee = %+v, want 14.723", got)
	}
	if got := base.Cell("t2_5.license.decisions"); got.Text != "3件" {
		t.Errorf("count = %+v, want the text 3件", got)
	}
	found := false
	for _, p := range probs {
		if strings.Contains(p.Message, "原文为“147230元”，已由元换算为 14.723 万元") {
			found = true
		}
	}
	if !found {
		t.Errorf("no note of the conversion in %v", probs)
	}
}

func TestColumnWidthsComeFromTheTemplateWeights(t *testing.T) {
	pw := reports.PrintWidth
	label1, label2 := 22*sheetWidth/pw, 50*sheetWidth/pw
	t3 := []float64{label1, label2, sheetWidth - label1 - label2 - 7*countLeast}
	for range 7 {
		t3 = append(t3, countLeast) // 34 pt scale to 9.42, less than 8 digits need
	}
	var t4 []float64
	for range 15 {
		t4 = append(t4, countLeast) // an equal share, 8.17, is too narrow
	}
	// 表二's sheet: sheetFill times the least widths of a label, an amount
	// and two counts (62.4), the label 30 %, the amount its least, the
	// counts what is left.
	block := func(money int) []float64 {
		total := sheetFill * (labelLeast + moneyLeast + 2*countLeast)
		label := 0.3 * total
		rest := (total - label - moneyLeast) / 2
		w := []float64{label, rest, rest, rest}
		w[money] = moneyLeast
		return w
	}
	for _, c := range []struct {
		name  string
		year  int
		sheet string
		want  []float64
		money string // the column holding an amount, or ""
	}{
		{"2021 表二: label 30 %, the 规章 block's three numbers share the rest", 2023, "表二 主动公开", block(1), "B"},
		{"2021 表三: labels 22 : 50 as printed, the third takes what the numbers leave", 2023, "表三 依申请公开", t3, ""},
		{"2021 表四: fifteen numbers, each 8 digits wide", 2023, "表四 复议诉讼", t4, ""},
		{"2019 表二: the 采购 amount in the 规章 block's second number column", 2020, "表二 主动公开", block(2), "C"},
		{"2019 表三", 2020, "表三 依申请公开", t3, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := openBytes(t, writeBytes(t, handMade(c.year), nil))
			for i, want := range c.want {
				col, _ := excelize.ColumnNumberToName(i + 1)
				got, err := f.GetColWidth(c.sheet, col)
				if err != nil {
					t.Fatal(err)
				}
				if math.Abs(got-want) > 0.01 {
					t.Errorf("column %s is %.2f wide, want %.2f", col, got, want)
				}
			}
			if c.money != "" {
				// 12345.678901 and a margin.
				if got, _ := f.GetColWidth(c.sheet, c.money); got < moneyLeast {
					t.Errorf("money column %s is %.2f wide, want at least %v", c.money, got, moneyLeast)
				}
			}
		})
	}
}
