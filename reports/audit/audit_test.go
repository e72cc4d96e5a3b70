package audit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/reports"
	"nianbao/reports/docx"
	"nianbao/reports/html"
	"nianbao/reports/pdf"
)

// Hand-made narratives of two townships; 乙镇 copied 甲乡's 总体情况.
const (
	jiaOverview = "甲乡坚持把政务公开作为转变政府职能的重要抓手，年初召开专题会议研究部署全年工作，明确分管领导和专职信息员，形成主要领导亲自抓、分管领导具体抓、工作人员抓落实的工作格局。全年通过县政府门户网站乡镇专栏发布各类信息，重点公开财政预决算、惠农补贴发放、低保特困人员名单和项目建设进展，在各村公开栏同步张贴，方便不上网的群众查看。"
	jiaProblem  = "信息发布的及时性还不够，个别村的公开栏更新慢，栏目内容与群众关心的事项结合不紧。"
	jiaMeasure  = "明年将建立每月检查通报制度，对各村公开栏逐一核查，把惠民资金发放情况作为重点持续公开。"
	yiProblem   = "乙镇干部对新条例的学习不够深入，政策解读形式单一，以文字为主，图解和视频较少。"
	yiMeasure   = "乙镇计划组织两次专题培训，邀请县政务公开办讲解条例，并尝试用短视频解读惠农政策。"
)

// township builds a hand-made township report of 2023 with balanced tables.
func township(full, short string, seed int, overview, problem, measure string) *reports.Report {
	r := reports.New(2023)
	r.Organ = reports.Organ{FullName: full, ShortName: short, Level: reports.LevelTownship}
	r.Preamble = reports.DefaultPreamble(r)
	r.Overview.Parts = []reports.Part{{Title: "主动公开", Text: overview}}
	r.Improvement.Problems = []reports.Part{{Title: "存在的问题", Text: problem}}
	r.Improvement.Measures = []reports.Part{{Title: "改进措施", Text: measure}}
	r.Cells[reports.Key(reports.TableT3, reports.RowNew, "natural")] = reports.Num(int64(seed))
	r.Cells[reports.Key(reports.TableT3, "open", "natural")] = reports.Num(int64(seed))
	r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 20}
	return r
}

type folder struct {
	dir, prev, roster, county string
}

// testFolder writes the audit's test folder: the real 别斯托别乡 report as a
// .nianbao file and, again, as the text published on its website (the same
// unit twice); hand-made 甲乡 (.nianbao) and 乙镇 (web page) with a copied
// 总体情况; the department report of the importer's test data made a late
// 2023 report (.txt); a PDF (unreadable until the PDF import lands), a
// truncated report file and a broken Word file; last year's 甲乡 with the
// same 五; a roster with 丙乡, who sent nothing; and a county report whose
// table 三 differs from its units' sum in one cell.
func testFolder(t testing.TB) folder {
	t.Helper()
	root := t.TempDir()
	fd := folder{dir: filepath.Join(root, "2023"), prev: filepath.Join(root, "2022"),
		roster: filepath.Join(root, "名单.txt"), county: filepath.Join(root, "县.nianbao")}
	os.MkdirAll(fd.dir, 0o755)
	os.MkdirAll(fd.prev, 0o755)
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(fd.dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	save := func(path string, r *reports.Report) {
		t.Helper()
		if err := reports.Save(path, r); err != nil {
			t.Fatal(err)
		}
	}
	sample := reports.Sample()
	save(filepath.Join(fd.dir, "01-别斯托别乡.nianbao"), sample)
	seed, err := os.ReadFile("../importer/testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	write("02-别斯托别乡网页版.txt", seed)

	jia := township("测试县甲乡人民政府", "甲乡", 3, jiaOverview, jiaProblem, jiaMeasure)
	save(filepath.Join(fd.dir, "03-甲乡.nianbao"), jia)
	yi := township("测试县乙镇人民政府", "乙镇", 5, jiaOverview, yiProblem, yiMeasure)
	var page bytes.Buffer
	if err := html.Write(&page, yi); err != nil {
		t.Fatal(err)
	}
	write("04-乙镇.html", page.Bytes())

	dept, err := os.ReadFile("../importer/testdata/dept.txt")
	if err != nil {
		t.Fatal(err)
	}
	late := strings.ReplaceAll(strings.ReplaceAll(string(dept), "2023年1月16日", "2024年2月5日"), "2022", "2023")
	write("05-教育局.txt", []byte(late))

	// 丁乡 sent only a scan: a PDF whose page is one picture.
	scan, err := os.ReadFile(filepath.Join("testdata", "scan.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	write("06-丁乡.pdf", scan)
	data, _ := reports.Marshal(jia)
	write("07-戊乡.nianbao", data[:len(data)/2])
	write("08-说明.docx", []byte("PK\x03\x04 not really a zip"))
	write("09-备注.md", []byte("not a report: not listed"))

	lastJia := township("测试县甲乡人民政府", "甲乡", 1, "上年甲乡的总体情况另有写法，与今年完全不同的一段话，讲的是网站改版和栏目调整。", jiaProblem, jiaMeasure)
	lastJia.Year = 2022
	save(filepath.Join(fd.prev, "甲乡2022.nianbao"), lastJia)
	os.WriteFile(filepath.Join(fd.prev, "乙镇2022.docx"), []byte("not a Word file"), 0o644)

	os.WriteFile(fd.roster, []byte("单位名称\n新源县别斯托别乡人民政府\n甲乡\n测试县乙镇人民政府\nXX县教育局\n丙乡\n"), 0o644)
	return fd
}

func runFolder(t *testing.T, fd folder, withCounty bool) *Audit {
	t.Helper()
	files, err := Files([]string{fd.dir})
	if err != nil {
		t.Fatal(err)
	}
	prev, _ := Files([]string{fd.prev})
	opts := Options{Prev: prev, Roster: []string{"新源县别斯托别乡人民政府", "甲乡", "测试县乙镇人民政府", "XX县教育局", "丙乡"}}
	if withCounty {
		county, err := reports.Load(fd.county)
		if err != nil {
			t.Fatal(err)
		}
		opts.Report, opts.ReportPath = county, fd.county
	}
	a, err := Run(files, opts)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func unitByFile(a *Audit, name string) *Unit {
	for i := range a.Units {
		if filepath.Base(a.Units[i].File) == name {
			return &a.Units[i]
		}
	}
	return nil
}

func TestAuditFolder(t *testing.T) {
	fd := testFolder(t)
	writeCounty(t, fd)
	a := runFolder(t, fd, true)

	t.Run("every file is listed with its status, bad ones with the reason", func(t *testing.T) {
		cases := []struct {
			file, kind string
			status     Status
			reason     string
		}{
			{"01-别斯托别乡.nianbao", "年报文件", Checked, ""},
			{"02-别斯托别乡网页版.txt", "文本", Duplicate, "与 01-别斯托别乡.nianbao 是同一单位（新源县别斯托别乡人民政府），只计一次"},
			{"03-甲乡.nianbao", "年报文件", Checked, ""},
			{"04-乙镇.html", "网页", Checked, ""},
			{"05-教育局.txt", "文本", Checked, ""},
			{"06-丁乡.pdf", "PDF 文件", Unreadable, "扫描件"},
			{"07-戊乡.nianbao", "年报文件", Unreadable, "被截断"},
			{"08-说明.docx", "Word 文档", Unreadable, "已损坏"},
		}
		if len(a.Units) != len(cases) {
			t.Fatalf("%d units listed, want %d (the .md file is not a report)", len(a.Units), len(cases))
		}
		for i, c := range cases {
			u := a.Units[i]
			if filepath.Base(u.File) != c.file || u.Kind != c.kind || u.Status != c.status || !strings.Contains(u.Reason, c.reason) {
				t.Errorf("unit %d = %s %s %s %q; want %s %s %s %q", i, filepath.Base(u.File), u.Kind, u.Status.Chinese(), u.Reason, c.file, c.kind, c.status.Chinese(), c.reason)
			}
		}
	})

	t.Run("each unit is checked as check does, the import's notes kept with their lines", func(t *testing.T) {
		u := unitByFile(a, "05-教育局.txt")
		if u.Organ != "XX县教育局" || u.Level != reports.LevelCountyDept {
			t.Fatalf("organ %q level %s", u.Organ, u.Level)
		}
		codes := map[string]bool{}
		for _, f := range u.Findings {
			codes[f.Code] = true
			if strings.HasPrefix(f.Code, "IMPORT_") && (f.Location.Source == (reports.Position{}) || f.Where == "") {
				t.Errorf("import finding without its position: %+v", f)
			}
		}
		if !codes[reports.CodeImportUncertain] && !codes[reports.CodeImportNote] {
			t.Errorf("the import's own notes are not kept: %v", codes)
		}
		s := unitByFile(a, "01-别斯托别乡.nianbao")
		if s.Errors+s.Warnings == 0 && len(s.Findings) == 0 {
			t.Logf("the sample has no findings")
		}
	})

	t.Run("a late unit is flagged by its level's deadline", func(t *testing.T) {
		u := unitByFile(a, "05-教育局.txt")
		if !u.Late() || u.Date.Chinese() != "2024年2月5日" || u.Deadline.Chinese() != "2024年1月31日" {
			t.Errorf("教育局: late %v, date %s, deadline %s", u.Late(), u.Date.Chinese(), u.Deadline.Chinese())
		}
		if unitByFile(a, "03-甲乡.nianbao").Late() {
			t.Errorf("甲乡 dated 2024年1月20日 flagged late")
		}
	})

	t.Run("the planted copied pair is found with its passage", func(t *testing.T) {
		if len(a.Pairs) != 1 {
			for _, p := range a.Pairs {
				t.Logf("pair %s – %s %.2f", a.Units[p.A].Organ, a.Units[p.B].Organ, p.Similarity)
			}
			t.Fatalf("%d pairs, want 1 (甲乡 and 乙镇)", len(a.Pairs))
		}
		p := a.Pairs[0]
		if a.Units[p.A].ShortName != "甲乡" || a.Units[p.B].ShortName != "乙镇" || p.Similarity <= 0.5 || p.Similarity > 1 {
			t.Errorf("pair %s – %s %.2f", a.Units[p.A].ShortName, a.Units[p.B].ShortName, p.Similarity)
		}
		if len(p.Passages) == 0 || p.Passages[0] != strings.ReplaceAll(jiaOverview, " ", "") {
			t.Errorf("passages %q, want the copied 总体情况", p.Passages)
		}
		jia := unitByFile(a, "03-甲乡.nianbao")
		if a.Units[jia.Similar].ShortName != "乙镇" || jia.SimilarShare <= 0.5 {
			t.Errorf("甲乡's most similar unit: %d %.2f", jia.Similar, jia.SimilarShare)
		}
	})

	t.Run("paired with last year's report by name, the cross-year checks run", func(t *testing.T) {
		jia := unitByFile(a, "03-甲乡.nianbao")
		if filepath.Base(jia.Prev) != "甲乡2022.nianbao" {
			t.Fatalf("甲乡 paired with %q", jia.Prev)
		}
		codes := map[string]bool{}
		for _, f := range jia.Findings {
			codes[f.Code] = true
		}
		if !codes[reports.CodeCopiedImprovement] {
			t.Errorf("甲乡's 五 is last year's word for word, but no %s: %v", reports.CodeCopiedImprovement, codes)
		}
		if jia.PrevShare < 0 || jia.PrevShare > 0.5 {
			t.Errorf("甲乡 copied %.2f of its narrative from last year, want below half (only 五 is the same)", jia.PrevShare)
		}
		if yi := unitByFile(a, "04-乙镇.html"); yi.Prev != "" || yi.PrevShare != -1 {
			t.Errorf("乙镇 has no report of last year but was paired with %q (%.2f)", yi.Prev, yi.PrevShare)
		}
	})

	t.Run("last year's unreadable file is listed", func(t *testing.T) {
		if a.PrevFiles != 2 || len(a.PrevUnreadable) != 1 || filepath.Base(a.PrevUnreadable[0].File) != "乙镇2022.docx" || a.PrevUnreadable[0].Reason == "" {
			t.Errorf("prev: %d files, unreadable %+v", a.PrevFiles, a.PrevUnreadable)
		}
	})

	t.Run("the roster's missing unit is named, the duplicate counted once", func(t *testing.T) {
		if len(a.Missing) != 1 || a.Missing[0].Name != "丙乡" {
			t.Errorf("missing = %v, want 丙乡", a.Missing)
		}
		if !unitByFile(a, "02-别斯托别乡网页版.txt").InRoster {
			t.Errorf("the duplicate is the roster's 别斯托别乡 too")
		}
	})

	t.Run("the county report's mismatch is found", func(t *testing.T) {
		c := a.County
		if c == nil || c.Problem != "" {
			t.Fatalf("county check: %+v", c)
		}
		if c.Included != 4 {
			t.Errorf("%d units summed, want 4 (别斯托别乡 once, 甲乡, 乙镇, 教育局)", c.Included)
		}
		if len(c.Mismatches) != 1 || c.Mismatches[0].Key != "t3.new.natural" || c.Mismatches[0].Report == c.Mismatches[0].Sum {
			t.Fatalf("mismatches = %+v, want the one changed cell t3.new.natural", c.Mismatches)
		}
		if !strings.Contains(c.Mismatches[0].Where, "自然人") {
			t.Errorf("where = %q", c.Mismatches[0].Where)
		}
	})

	if a.Clean() {
		t.Errorf("an audit with findings reported clean")
	}
}

// writeCounty writes the county report: the sum of its four units with
// one cell of table 三 one more than the sum.
func writeCounty(t testing.TB, fd folder) {
	t.Helper()
	files, _ := Files([]string{fd.dir})
	a, err := Run(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	county := reports.New(2023)
	county.Organ = reports.Organ{FullName: "测试县人民政府", ShortName: "测试县", Level: reports.LevelCountyGov}
	for _, k := range county.Tmpl().InputKeys() {
		var sum reports.Decimal
		for _, u := range a.Units {
			if u.Status == Checked {
				if c := u.Report.Cell(k); c.IsNumber() {
					sum = sum.Add(c.Value)
				}
			}
		}
		county.Cells[k] = reports.Cell{Value: sum}
	}
	k := reports.Key(reports.TableT3, reports.RowNew, "natural")
	county.Cells[k] = reports.Cell{Value: county.Cells[k].Value.Add(reports.Num(1).Value)}
	if err := reports.Save(fd.county, county); err != nil {
		t.Fatal(err)
	}
}

func TestJSONShape(t *testing.T) {
	fd := testFolder(t)
	writeCounty(t, fd)
	a := runFolder(t, fd, true)
	data, err := a.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Units []struct {
			File, Organ, Status, Reason string
			Year                        int
			Findings                    []map[string]any
		}
		Pairs []struct {
			A, B       string
			Similarity float64
			Passages   []string
		}
		Missing []string
		Late    []string
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if len(got.Units) != 8 || got.Units[5].Status != "unreadable" || got.Units[5].Reason == "" || got.Units[1].Status != "duplicate" {
		t.Errorf("units: %+v", got.Units)
	}
	for _, u := range got.Units {
		if u.Findings == nil {
			t.Errorf("%s: findings is null, want []", u.File)
		}
		for _, f := range u.Findings {
			for _, k := range []string{"severity", "code", "location", "message"} {
				if _, ok := f[k]; !ok {
					t.Errorf("%s: a finding without %q (check --json has it): %v", u.File, k, f)
				}
			}
		}
	}
	if len(got.Pairs) != 1 || filepath.Base(got.Pairs[0].A) != "03-甲乡.nianbao" || filepath.Base(got.Pairs[0].B) != "04-乙镇.html" ||
		got.Pairs[0].Similarity <= 0.5 || got.Pairs[0].Similarity > 1 || len(got.Pairs[0].Passages) == 0 {
		t.Errorf("pairs: %+v", got.Pairs)
	}
	if !slices.Equal(got.Missing, []string{"丙乡"}) {
		t.Errorf("missing: %v", got.Missing)
	}
	if len(got.Late) != 1 || filepath.Base(got.Late[0]) != "05-教育局.txt" {
		t.Errorf("late: %v", got.Late)
	}
	if !bytes.Contains(data, []byte(`"county": {`)) || !bytes.Contains(data, []byte(`"cell": "t3.new.natural"`)) {
		t.Errorf("no county mismatch in JSON")
	}
}

func TestWorkbookCells(t *testing.T) {
	fd := testFolder(t)
	writeCounty(t, fd)
	a := runFolder(t, fd, true)
	path := filepath.Join(t.TempDir(), "审核.xlsx")
	if err := a.WriteXLSX(path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	want := []string{SheetOverview, SheetPairs, SheetMissing, SheetCounty, "1 别斯托别乡"}
	want = append(want[:4], SheetPrev, "1 别斯托别乡")
	if len(sheets) != 5+len(a.Units) || !slices.Equal(sheets[:6], want) {
		t.Fatalf("sheets = %v", sheets)
	}
	rows, _ := f.GetRows(SheetOverview)
	if len(rows) != 2+len(a.Units) {
		t.Fatalf("overview has %d rows", len(rows))
	}
	header := rows[1]
	col := func(name string) int {
		i := slices.Index(header, name)
		if i < 0 {
			t.Fatalf("no column %s in %v", name, header)
		}
		return i
	}
	cell := func(row []string, name string) string {
		if i := col(name); i < len(row) {
			return row[i]
		}
		return ""
	}
	jia := rows[2+2]
	if cell(jia, "单位") != "测试县甲乡人民政府" || cell(jia, "文件") != "03-甲乡.nianbao" || cell(jia, "类型") != "年报文件" ||
		cell(jia, "状态") != "已审核" || cell(jia, "最相似的其他单位") != "测试县乙镇人民政府" || !strings.HasSuffix(cell(jia, "相似度"), "%") ||
		cell(jia, "与上年相同") == "" || cell(jia, "检查结果见") != "3 甲乡" {
		t.Errorf("row of 甲乡 = %q", jia)
	}
	edu := rows[2+4]
	if cell(edu, "是否按时") != "逾期（期限2024年1月31日）" || cell(edu, "落款日期") != "2024年2月5日" {
		t.Errorf("row of 教育局 = %q", edu)
	}
	bad := rows[2+6]
	if cell(bad, "状态") != "无法读取" || !strings.Contains(cell(bad, "说明"), "被截断") || cell(bad, "错误") != "" {
		t.Errorf("row of the broken file = %q", bad)
	}
	pairs, _ := f.GetRows(SheetPairs)
	if len(pairs) == 0 || len(pairs[0]) == 0 || pairs[0][0] != "单位之间雷同：1对（正文按连续8字以上相同的片段计算，超过50%）" {
		t.Errorf("pairs sheet title = %q", pairs)
	}
	if len(pairs) != 3 || pairs[2][1] != "测试县甲乡人民政府" || pairs[2][2] != "测试县乙镇人民政府" || !strings.Contains(pairs[2][6], "甲乡坚持把政务公开") {
		t.Errorf("pairs sheet = %q", pairs)
	}
	miss, _ := f.GetRows(SheetMissing)
	if len(miss) != 3 || miss[2][1] != "丙乡" {
		t.Errorf("missing sheet = %q", miss)
	}
	county, _ := f.GetRows(SheetCounty)
	if len(county) != 3 || !strings.Contains(county[0][0], "1个单元格不一致") || county[2][2] == county[2][3] {
		t.Errorf("county sheet = %q", county)
	}
	unit, _ := f.GetRows("5 XX县教育局")
	if len(unit) < 3 || !strings.Contains(unit[0][0], "XX县教育局") {
		t.Fatalf("教育局's sheet = %q", unit)
	}
	found := false
	for _, r := range unit[2:] {
		if len(r) > 4 && strings.HasPrefix(r[4], "IMPORT_") && strings.HasPrefix(r[2], "第") {
			found = true
		}
	}
	if !found {
		t.Errorf("教育局's sheet has no import finding with its line: %q", unit)
	}
}

func TestLeaderPage(t *testing.T) {
	fd := testFolder(t)
	writeCounty(t, fd)
	a := runFolder(t, fd, true)
	var b bytes.Buffer
	if err := a.WritePage(&b, "审核.xlsx"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"2023年度政府信息公开工作年度报告审核情况", "测试县甲乡人民政府", "测试县乙镇人民政府", "丙乡", "07-戊乡.nianbao", "XX县教育局", "1 个单元格与 4 个单位之和不一致", "审核.xlsx"} {
		if !strings.Contains(page, want) {
			t.Errorf("the leader's page lacks %q", want)
		}
	}
	if strings.Contains(page, "<td>01-别斯托别乡.nianbao</td>") && unitByFile(a, "01-别斯托别乡.nianbao").Errors == 0 {
		t.Errorf("a unit without anything to follow up is listed")
	}
}

func TestLeaderPageWithoutPairsSaysHowTheyAreMeasured(t *testing.T) {
	var b bytes.Buffer
	if err := (&Audit{Year: 2023}).WritePage(&b, "审核.xlsx"); err != nil {
		t.Fatal(err)
	}
	if want := "<p>未发现正文超过一半相同的单位（按连续8字以上相同的片段计算）。</p>"; !strings.Contains(b.String(), want) {
		t.Errorf("the leader's page lacks %q:\n%s", want, b.String())
	}
}

func TestNoFilesIsAnError(t *testing.T) {
	if _, err := Run(nil, Options{}); err == nil {
		t.Errorf("an audit of nothing should fail")
	}
	if _, err := Files([]string{"/no/such/folder"}); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("Files on a missing folder: %v", err)
	}
}

func TestFilesSkipsTheOutputAndLockFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.nianbao", "b.docx", "~$b.docx", ".hidden.txt", "审核.xlsx", "审核.html", "名单.txt", "c.PDF", "d.jpg"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	files, err := Files([]string{dir}, filepath.Join(dir, "审核.xlsx"), filepath.Join(dir, "审核.html"), filepath.Join(dir, "名单.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	if want := []string{"a.nianbao", "b.docx", "c.PDF"}; !slices.Equal(names, want) {
		t.Errorf("Files = %v, want %v", names, want)
	}
}

func TestNormName(t *testing.T) {
	cases := []struct{ name, a, b string }{
		{"people's government left out", "新源县甲乡人民政府", "新源县甲乡"},
		{"政府 for 人民政府", "新源县甲乡政府", "新源县甲乡人民政府"},
		{"spaces and full-width brackets", "新源县 教育局（本级）", "新源县教育局(本级)"},
		{"street office", "城关街道办事处", "城关街道"},
		{"the general office in two spellings", "新源县人民政府办公室", "新源县政府办"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if NormName(c.a) != NormName(c.b) {
				t.Errorf("NormName(%q) = %q, NormName(%q) = %q", c.a, NormName(c.a), c.b, NormName(c.b))
			}
		})
	}
	if NormName("新源县人民政府办公室") == NormName("新源县人民政府") {
		t.Errorf("the government's office is not the government")
	}
}

func TestPairingPrefersTheDivisionCode(t *testing.T) {
	codes := map[string]string{"新源县甲乡人民政府": "654025201", "甲乡": "654025201", "新源县甲乡（旧名）": "654025201", "伊宁县甲乡人民政府": "654021201"}
	div := func(n string) (string, bool) { c, ok := codes[n]; return c, ok }
	renamed := identify(div, "新源县甲乡（旧名）", "")
	if !identify(div, "新源县甲乡人民政府", "甲乡").same(renamed) {
		t.Errorf("the same division code under another name is not the same unit")
	}
	if identify(div, "伊宁县甲乡人民政府", "甲乡").same(identify(div, "新源县甲乡人民政府", "甲乡")) {
		t.Errorf("two counties' 甲乡 with different codes are the same unit")
	}
	if !identify(div, "新源县乙镇人民政府", "").same(identify(nil, "新源县乙镇政府", "")) {
		t.Errorf("without a code, normalised names should pair")
	}
}

func TestYearOptionMarksOtherYears(t *testing.T) {
	fd := testFolder(t)
	files, _ := Files([]string{fd.dir})
	a, err := Run(files, Options{Year: 2022})
	if err != nil {
		t.Fatal(err)
	}
	if a.Year != 2022 {
		t.Fatalf("year %d", a.Year)
	}
	u := unitByFile(a, "03-甲乡.nianbao")
	if u.Status != OtherYear || !strings.Contains(u.Reason, "报告年度为2023年，不是审核的2022年度") {
		t.Errorf("甲乡 of 2023 in an audit of 2022: %s %q", u.Status.Chinese(), u.Reason)
	}
	if len(a.Pairs) != 0 {
		t.Errorf("units of another year were compared for copying: %d pairs", len(a.Pairs))
	}
}

// A unit's report sent as a PDF and as a Word file is read from both (the
// importer reads every kind), checked, and counted once.
func TestAuditReadsPDFAndWordFiles(t *testing.T) {
	dir := t.TempDir()
	r := reports.Sample()
	if _, err := pdf.RenderFile(filepath.Join(dir, "别斯托别乡.pdf"), r, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := docx.WriteFile(filepath.Join(dir, "别斯托别乡.docx"), r, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	files, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Run(files, Options{Division: Divisions})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Units) != 2 {
		t.Fatalf("%d units, want 2", len(a.Units))
	}
	statuses := map[Status]int{}
	for _, u := range a.Units {
		statuses[u.Status]++
		if u.Status == Unreadable {
			t.Errorf("%s unreadable: %s", u.File, u.Reason)
		}
		if u.Organ != r.Organ.FullName || u.Year != r.Year {
			t.Errorf("%s: organ %q year %d, want the sample's", u.File, u.Organ, u.Year)
		}
	}
	if statuses[Checked] != 1 || statuses[Duplicate] != 1 {
		t.Errorf("statuses %v, want one checked and one duplicate", statuses)
	}
}

func TestUnitSheetNamesFitExcel(t *testing.T) {
	a := &Audit{Units: []Unit{
		{ShortName: strings.Repeat("长", 40), Organ: "某县长长乡人民政府"},
		{Organ: "某县[教育]局/办公室:1"},
		{File: filepath.Join("units", "丙乡.docx")},
	}}
	want := []string{"1 " + strings.Repeat("长", 29), "2 某县_教育_局_办公室_1", "3 丙乡"}
	if got := a.unitSheets(); !reflect.DeepEqual(got, want) {
		t.Errorf("unitSheets = %q, want %q", got, want)
	}
}
