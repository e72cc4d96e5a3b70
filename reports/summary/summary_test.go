package summary

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/reports"
	"nianbao/reports/xlsx"
)

// unit is a report of unit i with a different non-zero number in every
// typed cell and a fee with six decimals.
func unit(i, year int, full, short string, level reports.Level) *reports.Report {
	r := reports.New(year)
	r.Organ = reports.Organ{FullName: full, ShortName: short, Level: level}
	for j, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(int64((i*31+j*7)%50 + 1))
	}
	if r.Template == reports.V2021 {
		fee, _ := reports.ParseDecimal(fmt.Sprintf("%d.%06d", i+1, (i*123457)%1000000))
		r.Cells["t2_8.fee.amount"] = reports.Cell{Value: fee}
	}
	r.Signing.Date = reports.Date{Year: year + 1, Month: 1, Day: 15 + i%10}
	return r
}

func save(t testing.TB, dir, name string, r *reports.Report) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := reports.Save(p, r); err != nil {
		t.Fatal(err)
	}
	return p
}

type folder struct {
	dir     string
	counted []*reports.Report // the units that must be summed
}

// testFolder holds three good units, a broken file, a unit of 2020 in the
// 2019 format, a 2023 unit in the 2019 format, a second file of unit A and
// a file that is not a report at all.
func testFolder(t *testing.T) folder {
	dir := t.TempDir()
	a := unit(0, 2023, "新源县甲乡人民政府", "甲乡", reports.LevelTownship)
	b := unit(1, 2023, "新源县乙镇人民政府", "乙镇", reports.LevelTownship)
	c := unit(2, 2023, "新源县教育局", "县教育局", reports.LevelCountyDept)
	c.Signing.Date = reports.Date{Year: 2024, Month: 2, Day: 5} // late
	b.Cells["t3.deny2.research"] = reports.BlankCell()          // counted as 0
	save(t, dir, "a.nianbao", a)
	save(t, dir, "b.nianbao", b)
	save(t, dir, "c.nianbao", c)
	os.WriteFile(filepath.Join(dir, "d-broken.nianbao"), []byte(`{"schema": 1, "year": 2023,`), 0o644)
	save(t, dir, "e-old.nianbao", unit(4, 2020, "新源县丙乡人民政府", "丙乡", reports.LevelTownship))
	wrong := unit(5, 2023, "新源县丁乡人民政府", "丁乡", reports.LevelTownship)
	data, _ := reports.Marshal(unit(5, 2020, "新源县丁乡人民政府", "丁乡", reports.LevelTownship))
	data = bytes.Replace(data, []byte(`"year": 2020`), []byte(`"year": 2023`), 1)
	os.WriteFile(filepath.Join(dir, "f-template.nianbao"), data, 0o644)
	_ = wrong
	save(t, dir, "g-again.nianbao", unit(6, 2023, "新源县甲乡人民政府", "甲乡", reports.LevelTownship))
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a report"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	save(t, filepath.Join(dir, "sub"), "z.nianbao", unit(9, 2023, "新源县戊乡人民政府", "戊乡", reports.LevelTownship))
	return folder{dir: dir, counted: []*reports.Report{a, b, c}}
}

func TestSumFolder(t *testing.T) {
	fd := testFolder(t)
	files, err := Files([]string{fd.dir})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	want := []string{"a.nianbao", "b.nianbao", "c.nianbao", "d-broken.nianbao", "e-old.nianbao", "f-template.nianbao", "g-again.nianbao"}
	if !slices.Equal(names, want) {
		t.Fatalf("Files = %v, want %v (not recursive, only .nianbao)", names, want)
	}
	s, err := Sum(files, Options{Roster: []string{"新源县甲乡人民政府", " 乙镇 ", "县教育局", "新源县己街道办事处", "丙乡"}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Year != 2023 || s.Template != reports.V2021 || s.Included != 3 {
		t.Fatalf("year %d template %s included %d, want 2023 2021 3", s.Year, s.Template, s.Included)
	}

	t.Run("every typed cell is the exact sum of the counted units", func(t *testing.T) {
		for _, k := range s.Total.Tmpl().InputKeys() {
			var want reports.Decimal
			for _, r := range fd.counted {
				if c := r.Cell(k); c.IsNumber() {
					want = want.Add(c.Value)
				}
			}
			if got := s.Total.Cell(k); !got.IsNumber() || got.Value.Cmp(want) != 0 {
				t.Errorf("%s = %v, want %s", k, got, want)
			}
		}
		if got := s.Total.Value("t2_8.fee.amount").String(); got != "6.370371" {
			// 1.000000 + 2.123457 + 3.246914
			t.Errorf("fee sum = %s, want 6.370371", got)
		}
		var want reports.Decimal
		for _, r := range fd.counted {
			want = want.Add(r.Value("t3.total.total"))
		}
		if got := s.Total.Value("t3.total.total"); got.Cmp(want) != 0 {
			t.Errorf("（七）总计 of the sum = %s, want %s", got, want)
		}
	})

	t.Run("each unit's status and reason", func(t *testing.T) {
		cases := []struct {
			file   string
			status Status
			reason string
			timely Timeliness
		}{
			{"a.nianbao", Included, "", OnTime},
			{"b.nianbao", Included, "有1个单元格为空或不是数字，按0计入", OnTime},
			{"c.nianbao", Included, "", Late},
			{"d-broken.nianbao", Unreadable, "被截断", NoDate},
			{"e-old.nianbao", Excluded, "报告年度为2020年，与汇总年度2023年不一致", OnTime},
			{"f-template.nianbao", Excluded, "使用2019年版模板", OnTime},
			{"g-again.nianbao", Excluded, "与 a.nianbao 是同一单位（新源县甲乡人民政府），未重复计入", OnTime},
		}
		for i, c := range cases {
			u := s.Units[i]
			if filepath.Base(u.File) != c.file || u.Status != c.status || !strings.Contains(u.Reason, c.reason) || u.Timely != c.timely {
				t.Errorf("unit %d = %s %s %q %s, want %s %s %q %s", i, filepath.Base(u.File), u.Status.Chinese(), u.Reason, u.Timely.Chinese(),
					c.file, c.status.Chinese(), c.reason, c.timely.Chinese())
			}
		}
		if u := s.Units[0]; u.Errors+u.Warnings != len(u.Findings) || u.Date.Chinese() != "2024年1月15日" {
			t.Errorf("unit a: %d errors %d warnings of %d findings, date %s", u.Errors, u.Warnings, len(u.Findings), u.Date.Chinese())
		}
		if u := s.Units[2]; u.Deadline.Chinese() != "2024年1月31日" {
			t.Errorf("deadline of a county department = %s", u.Deadline.Chinese())
		}
	})

	t.Run("roster", func(t *testing.T) {
		want := []Missing{
			{"新源县己街道办事处", "没有找到该单位的报告文件"},
			{"丙乡", "报送的文件 e-old.nianbao 未计入：报告年度为2020年，与汇总年度2023年不一致，未计入"},
		}
		if !slices.Equal(s.Missing, want) {
			t.Errorf("missing = %q, want %q", s.Missing, want)
		}
		for _, u := range s.Units[:3] {
			if !u.InRoster {
				t.Errorf("%s should be found on the roster", u.Name)
			}
		}
	})

	t.Run("workbook", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "sum.xlsx")
		if err := WriteXLSX(p, s); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		wantSheets := []string{"表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "检查结果", SheetUnits, SheetMissing}
		if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
			t.Errorf("sheets = %v, want %v", got, wantSheets)
		}
		rows, _ := f.GetRows(SheetUnits)
		if len(rows) != 2+len(s.Units) {
			t.Fatalf("%s has %d rows", SheetUnits, len(rows))
		}
		if !strings.Contains(rows[0][0], "已计入3个，未计入4个") {
			t.Errorf("units title = %q", rows[0][0])
		}
		if got := rows[4]; got[2] != "c.nianbao" || got[3] != "已计入" || got[7] != "逾期（期限2024年1月31日）" || got[6] != "2024年2月5日" {
			t.Errorf("row of c = %q", got)
		}
		if got := rows[5]; got[3] != "无法读取" || !strings.Contains(got[8], "被截断") {
			t.Errorf("row of the broken file = %q", got)
		}
		miss, _ := f.GetRows(SheetMissing)
		if len(miss) != 4 || miss[2][1] != "新源县己街道办事处" || miss[3][1] != "丙乡" {
			t.Errorf("missing sheet = %q", miss)
		}
		// the summed tables read back as the sum
		back, probs, err := xlsx.Read(p, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range probs {
			t.Errorf("reading the summary back: %s", pr.SourceLine())
		}
		for _, k := range s.Total.Tmpl().InputKeys() {
			if back.Cell(k) != s.Total.Cell(k) {
				t.Errorf("summary workbook %s = %v, want %v", k, back.Cell(k), s.Total.Cell(k))
			}
		}
	})
}

func TestUpdateReport(t *testing.T) {
	fd := testFolder(t)
	files, _ := Files([]string{fd.dir})
	county := filepath.Join(fd.dir, "county.nianbao")

	s, _ := Sum(files, Options{})
	r, err := UpdateReport(county, s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Organ.Level != reports.LevelCountyGov || r.Year != 2023 {
		t.Errorf("new county report: level %s year %d", r.Organ.Level, r.Year)
	}

	// the clerk writes the narrative; a second sum keeps it
	r.Organ = reports.Organ{FullName: "新源县人民政府", ShortName: "新源县", Level: reports.LevelCountyGov}
	r.Preamble = "县政府的开头。"
	r.Cells["t3.new.natural"] = reports.Num(0)
	if err := reports.Save(county, r); err != nil {
		t.Fatal(err)
	}
	base, _ := reports.Load(county)
	files, _ = Files([]string{fd.dir}) // now includes county.nianbao
	s2, err := Sum(files, Options{Base: base, BasePath: county})
	if err != nil {
		t.Fatal(err)
	}
	if s2.Included != 3 {
		t.Errorf("included %d, want 3 (the county report itself is not summed)", s2.Included)
	}
	r2, err := UpdateReport(county, s2)
	if err != nil {
		t.Fatal(err)
	}
	if r2.Preamble != "县政府的开头。" || r2.Organ.FullName != "新源县人民政府" {
		t.Errorf("narrative lost: %q %q", r2.Preamble, r2.Organ.FullName)
	}
	if got, want := r2.Value("t3.new.natural"), s.Total.Value("t3.new.natural"); got.Cmp(want) != 0 || want.IsZero() {
		t.Errorf("t3.new.natural = %s, want %s", got, want)
	}
	if _, err := os.Stat(county + ".bak"); err != nil {
		t.Errorf("no backup kept: %v", err)
	}

	// a county file that cannot be read is never overwritten
	broken := filepath.Join(t.TempDir(), "county.nianbao")
	os.WriteFile(broken, []byte("{ not json"), 0o644)
	if _, err := UpdateReport(broken, s); err == nil {
		t.Errorf("an unreadable county report was accepted")
	}
	if data, _ := os.ReadFile(broken); string(data) != "{ not json" {
		t.Errorf("an unreadable county report was overwritten")
	}

	// a county report of another year is refused
	other := filepath.Join(t.TempDir(), "c2022.nianbao")
	save(t, filepath.Dir(other), "c2022.nianbao", reports.New(2022))
	if _, err := UpdateReport(other, s); err == nil || !strings.Contains(err.Error(), "2022年度") {
		t.Errorf("year mismatch: %v", err)
	}
}

func TestSumWithoutFiles(t *testing.T) {
	if _, err := Sum(nil, Options{}); err == nil {
		t.Errorf("a sum of nothing should fail")
	}
	if _, err := Files([]string{"/no/such/folder"}); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("Files on a missing folder: %v", err)
	}
}

func TestReadRoster(t *testing.T) {
	dir := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("单位名称\r\n甲乡\r\n乙镇\r\n"))
	x := excelize.NewFile()
	for i, row := range [][]any{{"序号", "单位名称"}, {1, "甲乡"}, {2, "新源县乙镇人民政府"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		x.SetSheetRow("Sheet1", cell, &row)
	}
	xb, _ := x.WriteToBuffer()
	x1 := excelize.NewFile()
	x1.SetCellValue("Sheet1", "A1", "甲乡")
	x1.SetCellValue("Sheet1", "A2", "丙乡")
	x1b, _ := x1.WriteToBuffer()
	cases := []struct {
		name, file string
		data       []byte
		want       []string
	}{
		{"UTF-8 text with a byte order mark and blank lines", "a.txt", []byte("\xef\xbb\xbf甲乡\n\n  乙镇  \n"), []string{"甲乡", "乙镇"}},
		{"GBK text from old Notepad with a heading", "b.txt", gbk, []string{"甲乡", "乙镇"}},
		{"an xlsx with names in the first column", "c.xlsx", x1b.Bytes(), []string{"甲乡", "丙乡"}},
		{"an xlsx with serial numbers first", "d.xlsx", xb.Bytes(), []string{"甲乡", "新源县乙镇人民政府"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.file)
			os.WriteFile(p, c.data, 0o644)
			got, err := ReadRoster(p)
			if err != nil || !slices.Equal(got, c.want) {
				t.Errorf("ReadRoster = %q, %v; want %q", got, err, c.want)
			}
		})
	}
	empty := filepath.Join(dir, "e.txt")
	os.WriteFile(empty, []byte("\n \n"), 0o644)
	if _, err := ReadRoster(empty); err == nil || !strings.Contains(err.Error(), "没有单位名称") {
		t.Errorf("empty roster: %v", err)
	}
}

// BenchmarkSum1000 sums 1,000 unit files (the target: under 2 s on
// two cores) and reports the ratio to loading the same files one by one
// without checking or summing, measured in the same run (x-seq-load).
func BenchmarkSum1000(b *testing.B) {
	dir := b.TempDir()
	var files []string
	for i := range 1000 {
		files = append(files, save(b, dir, fmt.Sprintf("u%04d.nianbao", i),
			unit(i, 2023, fmt.Sprintf("测试县第%d乡人民政府", i), fmt.Sprintf("第%d乡", i), reports.LevelTownship)))
	}
	start := time.Now()
	for _, f := range files {
		if _, err := reports.Load(f); err != nil {
			b.Fatal(err)
		}
	}
	load := time.Since(start)
	b.ResetTimer()
	for b.Loop() {
		s, err := Sum(files, Options{})
		if err != nil || s.Included != 1000 {
			b.Fatalf("sum: %v", err)
		}
	}
	perSum := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(load.Seconds(), "s-seq-load")
	b.ReportMetric(float64(perSum)/float64(load), "x-seq-load")
}
