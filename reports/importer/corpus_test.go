package importer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/internal/golden"
	"nianbao/reports"
	"nianbao/reports/fullcheck"
)

// The corpus under testdata/corpus/ holds real published reports, one
// folder each: the document as found (report.txt, report.html, report.pdf),
// SOURCE (where and when it was found) and expect.json, written by reading
// the document, not by running the importer. docs/import-web.md says how to
// add one.

// corpusExpect is a document's expect.json.
type corpusExpect struct {
	// Organ is the organ as the report's title (or, without a title, its
	// text) names it; the import must give it as the short or the full name.
	Organ    string `json:"organ"`
	Year     int    `json:"year"`
	Template string `json:"template"`
	// Complete is false when the document stops early (an archive's
	// excerpt): only the cells listed exist.
	Complete bool `json:"complete"`
	// Cells are the input cells as printed ("" for a blank cell).
	Cells map[string]string `json:"cells"`
	// Declared are printed totals ("" for a blank total).
	Declared map[string]string `json:"declared"`
	// KnownCellMismatches are cells whose import is known to differ, with
	// the reason and the work that fixes it.
	KnownCellMismatches map[string]string `json:"known_cell_mismatches"`
	// Chrome lists text of the page around the report that must reach no
	// field (besides the markers every document is checked for).
	Chrome []string `json:"chrome"`
	// ChromeBlocks is how many paragraphs of the document are page chrome,
	// counted by reading it: the import must drop that many, no more.
	ChromeBlocks int `json:"chrome_blocks"`
	// TrueFindings are the check findings the document deserves: a code,
	// or "CODE:text" for a finding whose message contains text.
	TrueFindings []string `json:"true_findings"`
	// KnownFalseWarnings are wrong warnings known and not yet fixed, in
	// the same form, each waiting for named work.
	KnownFalseWarnings []string `json:"known_false_warnings"`
	// KnownFalseWarningsWhy says, for each known false warning, why it is
	// wrong and what work fixes it; every known one must have a reason.
	KnownFalseWarningsWhy map[string]string `json:"known_false_warnings_why"`
	ReaderNotes           []string          `json:"reader_notes"`
}

// chromeMarkers are words of portal pages that never belong in a report's
// fields, whatever the document.
var chromeMarkers = []string{
	"网站标识码", "ICP备", "扫一扫", "为确保最佳浏览效果", "当前位置", "所在位置", "所在的位置",
	"字号:", "字体:", "字体【", "打印整页", "打印内容", "【打印】", "【关闭】", "访问量", "浏览次数", "点击率", "点击数",
	"无障碍", "关怀版", "长者模式", "返回首页", "索引号", "发布时间", "发布日期", "发布机构:", "录入:",
	"体裁分类", "主题分类", "分享到", "微信微博", "附件下载", "相关链接",
}

// corpusResult is one document's line in the corpus table.
type corpusResult struct {
	name                     string
	exact, total             int
	organOK, yearOK, tmplOK  bool
	chromeDropped            int
	chromeLeft               []string
	falseWarnings            int // all wrong warnings, known ones included
	falseErrors              int
	unexpected               []string // wrong findings not recorded as known
	knownFixed, knownPending []string
}

func TestCorpus(t *testing.T) {
	dirs, err := filepath.Glob("testdata/corpus/*")
	if err != nil {
		t.Fatal(err)
	}
	var results []corpusResult
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res, ok := corpusDocument(t, dir)
			if ok {
				results = append(results, res)
			}
		})
	}
	if len(results) == 0 {
		t.Fatal("no corpus documents were imported")
	}
	t.Log("\n" + corpusTable(results))
}

// corpusDocument imports one folder's document and compares it with its
// expectation; ok is false when the document was skipped.
func corpusDocument(t *testing.T, dir string) (corpusResult, bool) {
	res := corpusResult{name: filepath.Base(dir)}
	var exp corpusExpect
	b, err := os.ReadFile(filepath.Join(dir, "expect.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("expect.json: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "SOURCE")); err != nil {
		t.Errorf("no SOURCE file: %v", err)
	}
	for _, k := range exp.KnownFalseWarnings {
		if exp.KnownFalseWarningsWhy[k] == "" {
			t.Errorf("known false warning %q without a reason in known_false_warnings_why", k)
		}
	}
	docs, _ := filepath.Glob(filepath.Join(dir, "report.*"))
	if len(docs) != 1 {
		t.Fatalf("want one report.* file, found %v", docs)
	}
	data, err := os.ReadFile(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Import(filepath.Base(docs[0]), data)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	r := imp.Report

	// Cells, exact.
	known := func(k string) bool { _, ok := exp.KnownCellMismatches[k]; return ok }
	check := func(k, want string, got reports.Cell, declared bool) {
		res.total++
		g := got.String()
		if g == want {
			res.exact++
			if known(k) {
				res.knownFixed = append(res.knownFixed, k)
			}
			return
		}
		if known(k) {
			res.knownPending = append(res.knownPending, k)
			return
		}
		what := "cell"
		if declared {
			what = "printed total"
		}
		t.Errorf("%s %s = %q, want %q", what, k, g, want)
	}
	for _, k := range sortedKeys(exp.Cells) {
		check(k, exp.Cells[k], cellOf(r.Cells, reports.CellKey(k)), false)
	}
	for _, k := range sortedKeys(exp.Declared) {
		check(k, exp.Declared[k], cellOf(r.Declared, reports.CellKey(k)), true)
	}
	for k, c := range r.Cells {
		if _, ok := exp.Cells[string(k)]; !ok && !c.Blank {
			t.Errorf("cell %s = %q was imported but the document has no such cell", k, c)
		}
	}

	// Organ, year, template.
	want := normText(exp.Organ)
	res.organOK = want != "" && (r.Organ.ShortName == want || r.Organ.FullName == want)
	if !res.organOK {
		t.Errorf("organ: short %q, full %q; want %q", r.Organ.ShortName, r.Organ.FullName, want)
	}
	res.yearOK = r.Year == exp.Year
	if !res.yearOK {
		t.Errorf("year %d, want %d", r.Year, exp.Year)
	}
	res.tmplOK = string(r.Template) == exp.Template
	if !res.tmplOK {
		t.Errorf("template %s, want %s", r.Template, exp.Template)
	}

	// Page chrome: in no field, and listed in the notes.
	fields := reportText(r)
	for _, m := range append(slices.Clone(chromeMarkers), exp.Chrome...) {
		if strings.Contains(canon(fields), canon(m)) {
			res.chromeLeft = append(res.chromeLeft, m)
		}
	}
	if len(res.chromeLeft) > 0 {
		t.Errorf("page chrome left in the report: %q", res.chromeLeft)
	}
	res.chromeDropped = len(imp.Dropped)
	if res.chromeDropped != exp.ChromeBlocks {
		t.Errorf("dropped %d blocks as page chrome, the document has %d: %q", res.chromeDropped, exp.ChromeBlocks, imp.Dropped)
	}
	if len(imp.Dropped) > 0 && !slices.ContainsFunc(imp.Findings, func(p reports.Finding) bool {
		return strings.Contains(p.Message, "已略去不属于报告的文字")
	}) {
		t.Errorf("%d chrome blocks dropped but no note lists them: %v", len(imp.Dropped), imp.Findings)
	}

	// Findings: every one is deserved or a known wrong warning.
	for _, f := range fullcheck.Run(r, nil) {
		if matchFinding(exp.TrueFindings, f) {
			continue
		}
		if f.Severity == reports.Error {
			res.falseErrors++
		} else {
			res.falseWarnings++
		}
		if !matchFinding(exp.KnownFalseWarnings, f) || f.Severity == reports.Error {
			res.unexpected = append(res.unexpected, fmt.Sprintf("%s %s: %s", f.Severity, f.Code, f.Message))
		}
	}
	for _, u := range res.unexpected {
		t.Errorf("wrong finding: %s", u)
	}
	if t.Failed() {
		writeFailed(t, res.name, imp)
	}
	return res, true
}

func cellOf(m map[reports.CellKey]reports.Cell, k reports.CellKey) reports.Cell {
	if c, ok := m[k]; ok {
		return c
	}
	return reports.BlankCell()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// matchFinding reports whether f is one of list: "CODE" or "CODE:text".
func matchFinding(list []string, f reports.Finding) bool {
	for _, e := range list {
		code, text, _ := strings.Cut(e, ":")
		if code == f.Code && strings.Contains(f.Message, text) {
			return true
		}
	}
	return false
}

// reportText joins every text field of r.
func reportText(r *reports.Report) string {
	var b strings.Builder
	add := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
			b.WriteByte('\n')
		}
	}
	parts := func(ps []reports.Part) {
		for _, p := range ps {
			add(p.Title, p.Text)
		}
	}
	add(r.Organ.FullName, r.Organ.ShortName, r.Contact.Office, r.Contact.Phone, r.Contact.Address, r.Preamble, r.Signing.Organ)
	parts(r.Overview.Parts)
	add(r.Improvement.ProblemsTitle, r.Improvement.MeasuresTitle)
	parts(r.Improvement.Problems)
	parts(r.Improvement.Measures)
	add(r.Other.Fee, r.Other.Text)
	parts(r.Other.Items)
	for _, c := range r.Cells {
		add(c.Text)
	}
	return b.String()
}

// writeFailed writes what the import gave to testdata/failed/ for a look.
func writeFailed(t *testing.T, name string, imp *Result) {
	b, err := reports.Marshal(imp.Report)
	if err != nil {
		t.Log(err)
		return
	}
	var probs strings.Builder
	for _, p := range imp.Findings {
		probs.WriteString(p.SourceLine() + "\n")
	}
	for _, d := range imp.Dropped {
		probs.WriteString("dropped: " + d + "\n")
	}
	golden.WriteFailed(t, name+".nianbao", b)
	golden.WriteFailed(t, name+".problems.txt", []byte(probs.String()))
}

// corpusTable prints the per-document results and their totals.
func corpusTable(rs []corpusResult) string {
	var b strings.Builder
	yes := func(ok bool) string {
		if ok {
			return "yes"
		}
		return "NO"
	}
	fmt.Fprintf(&b, "| document | cells exact | organ | year | template | chrome dropped | false warnings | false errors |\n|---|---|---|---|---|---|---|---|\n")
	var exact, total, organ, year, warn, errs int
	for _, r := range rs {
		fmt.Fprintf(&b, "| %s | %d/%d | %s | %s | %s | %d | %d | %d |\n", r.name, r.exact, r.total, yes(r.organOK), yes(r.yearOK), yes(r.tmplOK), r.chromeDropped, r.falseWarnings, r.falseErrors)
		exact += r.exact
		total += r.total
		warn += r.falseWarnings
		errs += r.falseErrors
		if r.organOK {
			organ++
		}
		if r.yearOK {
			year++
		}
	}
	fmt.Fprintf(&b, "| all %d | %d/%d | %d/%d | %d/%d | | | %d (%.2f a report) | %d |\n", len(rs), exact, total, organ, len(rs), year, len(rs), warn, float64(warn)/float64(len(rs)), errs)
	for _, r := range rs {
		for _, k := range r.knownPending {
			fmt.Fprintf(&b, "%s: %s differs, known (see known_cell_mismatches)\n", r.name, k)
		}
		for _, k := range r.knownFixed {
			fmt.Fprintf(&b, "%s: %s is now exact; remove it from known_cell_mismatches\n", r.name, k)
		}
	}
	return b.String()
}
