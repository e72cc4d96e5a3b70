// Package audit is the county office's 审核 of every unit's published
// report, whatever file it came as (.nianbao, Word, web page, PDF, text,
// Excel): each file is imported through the importer and checked exactly as
// `nianbao check` does (fullcheck.Run), with the import's own places to
// review kept as findings; each unit is paired with its report of the
// previous year for the cross-year checks; copying between units of the same
// year is found through an index of 8-character windows and measured with
// COPIED_TEXT's measure; with a roster, the units that sent nothing, the
// late ones and those that sent twice are listed; and the county's own
// report is compared, cell by cell, with the sum of its units.
//
// A file that cannot be read is listed with the reason and never stops the
// audit. The result is written as a workbook (WriteXLSX), a printable page
// for the office's leader (WriteHTML) and JSON (JSON).
package audit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"nianbao/reports"
	"nianbao/reports/fullcheck"
	"nianbao/reports/importer"
	"nianbao/reports/summary"
)

// Status says what the audit made of a file.
type Status int

// Statuses.
const (
	Checked    Status = iota // read and checked
	Duplicate                // a second report of a unit already listed: checked, counted once
	OtherYear                // a report of another year: checked, not counted
	Unreadable               // could not be read or held no report
)

// Code is the status in JSON: checked, duplicate, other_year, unreadable.
func (s Status) Code() string {
	switch s {
	case Checked:
		return "checked"
	case Duplicate:
		return "duplicate"
	case OtherYear:
		return "other_year"
	}
	return "unreadable"
}

// Chinese is how the status is shown: 已审核, 重复报送, 非本年度, 无法读取.
func (s Status) Chinese() string {
	switch s {
	case Checked:
		return "已审核"
	case Duplicate:
		return "重复报送"
	case OtherYear:
		return "非本年度"
	}
	return "无法读取"
}

// Finding is a finding of `check --json`, or of the import
// (reports.CodeImportNote, CodeImportUncertain; its position in the source
// file in Location.Source), with where it is in words.
type Finding struct {
	reports.Finding
	// Where is the location in Chinese: 表三第二行, 第12行.
	Where string `json:"where"`
}

// Unit is one file of the audit.
type Unit struct {
	File string
	// Kind is the file's format in Chinese: 年报文件, Word 文档, 网页, PDF 文件, 文本, Excel 表格.
	Kind   string
	Status Status
	// Reason explains a status other than Checked and notes what else the
	// clerk should know (not on the roster).
	Reason string
	// Report is the report read; nil when Unreadable.
	Report    *reports.Report
	Organ     string // full name (short name when that is empty)
	ShortName string
	Level     reports.Level
	Year      int
	Date      reports.Date // 落款 date
	Deadline  reports.Date
	Timely    summary.Timeliness
	Findings  []Finding
	Errors    int
	Warnings  int
	// Prev is the file of last year's report paired with this one ("" when
	// none was found; the report's own last-year data is used then, if any).
	Prev string
	// PrevShare is the share of the narrative copied from last year's
	// (COPIED_TEXT's measure), or -1 without last year's report.
	PrevShare float64
	// Similar is the index of the most similar other unit of the year
	// (-1 when none shares candidateShare or more), SimilarShare its share.
	Similar      int
	SimilarShare float64
	InRoster     bool

	id   ident
	text *reports.SimilarText
}

// Late reports whether the 落款 date is after the unit's deadline.
func (u *Unit) Late() bool { return u.Timely == summary.Late }

// Name is the organ, or the file name when the organ is unknown.
func (u *Unit) Name() string {
	if u.Organ != "" {
		return u.Organ
	}
	return filepath.Base(u.File)
}

// Pair is two units of the year whose texts share more than half.
type Pair struct {
	A, B int // indexes into Audit.Units, A < B
	// Similarity is the larger share of one's text found in the other's.
	Similarity float64
	AinB, BinA float64
	// Passages are the shared runs as written in the text that lies more
	// within the other (the copier's), longest first.
	Passages []string
}

// Mismatch is a cell of the county's report that differs from its units' sum.
type Mismatch struct {
	Key         reports.CellKey
	Where       string
	Report, Sum string
}

// CountyCheck compares the county report with the sum of its units.
type CountyCheck struct {
	File       string
	Organ      string
	Year       int
	Included   int // units summed
	Mismatches []Mismatch
	// Problem explains why no comparison could be made ("" when it was).
	Problem string
	Sum     *summary.Summary
}

// Options steer an audit.
type Options struct {
	// Year audited; 0 means the county report's year, or else the year
	// most units report.
	Year int
	// Prev lists last year's report files (any format) to pair with.
	Prev []string
	// Roster lists the units expected to report, by full or short name.
	Roster []string
	// Report is the county's own report, compared with the sum of its units.
	Report     *reports.Report
	ReportPath string
	// Division resolves an organ's division code (the gazetteer); nil
	// pairs by normalised name only.
	Division DivisionFunc
	// Workers reading and checking files at once; 0 means one per CPU.
	Workers int
}

// Audit is the result.
type Audit struct {
	Year  int
	Units []Unit
	Pairs []Pair
	// PrevFiles is the number of last year's files given; PrevUnreadable
	// lists those that could not be read, with the reason.
	PrevFiles      int
	PrevUnreadable []Unit
	HasRoster      bool
	Missing        []summary.Missing
	County         *CountyCheck
}

// ReportExtensions are the file types a folder is searched for.
var ReportExtensions = []string{reports.FileExtension, ".docx", ".html", ".htm", ".pdf", ".txt", ".xlsx"}

// Files expands the arguments: a file is taken as it is; a folder gives
// every report file directly in it (ReportExtensions; not in subfolders,
// not hidden files or Word's ~$ lock files), in name order. Paths in
// exclude (the audit's own output, the roster) and duplicates are dropped.
func Files(args []string, exclude ...string) ([]string, error) {
	return summary.FilesMatching(args, func(name string) bool {
		return !strings.HasPrefix(name, "~$") && isReportFile(name)
	}, exclude...)
}

func isReportFile(name string) bool {
	return slices.Contains(ReportExtensions, strings.ToLower(filepath.Ext(name)))
}

// Run audits the files. It fails only when there are no files at all.
func Run(files []string, opts Options) (*Audit, error) {
	if len(files) == 0 {
		return nil, errors.New("没有要审核的报告文件")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	a := &Audit{Units: make([]Unit, len(files)), PrevFiles: len(opts.Prev)}
	parallel(len(files), workers, func(i int) { a.Units[i] = read(files[i]) })
	prevs := make([]Unit, len(opts.Prev))
	parallel(len(opts.Prev), workers, func(i int) { prevs[i] = read(opts.Prev[i]) })

	a.Year = opts.Year
	if a.Year == 0 && opts.Report != nil {
		a.Year = opts.Report.Year
	}
	if a.Year == 0 {
		reps := make([]*reports.Report, len(a.Units))
		for i := range a.Units {
			reps[i] = a.Units[i].Report
		}
		a.Year = summary.CommonYear(reps)
	}

	// last year's reports, by division code or name
	prevIndex := newIdentIndex()
	for i := range prevs {
		p := &prevs[i]
		if p.Report == nil {
			a.PrevUnreadable = append(a.PrevUnreadable, *p)
			continue
		}
		p.id = identify(opts.Division, p.Report.Organ.FullName, p.Report.Organ.ShortName)
		prevIndex.add(i, p.id)
	}

	// who is who; the second report of a unit is a duplicate
	seen := newIdentIndex()
	for i := range a.Units {
		u := &a.Units[i]
		if u.Report == nil {
			continue
		}
		u.id = identify(opts.Division, u.Report.Organ.FullName, u.Report.Organ.ShortName)
		switch {
		case u.Report.Year != a.Year:
			u.Status = OtherYear
			u.Reason = fmt.Sprintf("报告年度为%d年，不是审核的%d年度", u.Report.Year, a.Year)
		default:
			if j := seen.find(u.id); j >= 0 {
				u.Status = Duplicate
				u.Reason = fmt.Sprintf("与 %s 是同一单位（%s），只计一次", filepath.Base(a.Units[j].File), summary.OrganName(a.Units[j].Report))
			} else {
				seen.add(i, u.id)
			}
		}
	}

	// every unit checked exactly as `check` does, against last year's
	parallel(len(a.Units), workers, func(i int) {
		u := &a.Units[i]
		if u.Report == nil {
			return
		}
		var prev *reports.Report
		if j := prevIndex.find(u.id); j >= 0 {
			prev = prevs[j].Report
			u.Prev = prevs[j].File
		}
		check(u, prev)
	})

	// copying between the units of the year
	a.similar(workers)
	if len(opts.Roster) > 0 {
		a.roster(opts.Roster, opts.Division)
	}
	if opts.Report != nil {
		a.County = county(a, opts)
	}
	return a, nil
}

// read reads one file: a .nianbao as the file it is, anything else through
// the importer (which picks the format by the content and extension).
func read(path string) Unit {
	u := Unit{File: path, Kind: kindOf(path), Status: Unreadable, PrevShare: -1, Similar: -1}
	data, err := os.ReadFile(path)
	if err != nil {
		u.Reason = "无法读取文件：" + describeOSError(err)
		return u
	}
	if strings.EqualFold(filepath.Ext(path), reports.FileExtension) {
		r, err := reports.Parse(data)
		if err != nil {
			u.Reason = reports.Reason(err, path)
			return u
		}
		u.Report, u.Status = r, Checked
		return u
	}
	res, err := importer.Import(filepath.Base(path), data)
	if err != nil {
		u.Reason = reports.Reason(err, filepath.Base(path))
		return u
	}
	if res.Format != "" {
		u.Kind = res.Format
	}
	if res.Empty || res.Report == nil {
		u.Reason = "文件中没有找到年度报告的内容（栏目标题或统计表）"
		return u
	}
	u.Report, u.Status = res.Report, Checked
	for _, f := range res.Findings {
		where := f.Location.Source.String()
		if where == "" {
			where = "导入"
		}
		u.Findings = append(u.Findings, Finding{Finding: f, Where: where})
	}
	return u
}

// countSeverity counts the errors and warnings among fs, as
// reports.CountSeverity does (notes are not counted).
func countSeverity(fs []Finding) (errors, warnings int) {
	plain := make([]reports.Finding, len(fs))
	for i, f := range fs {
		plain[i] = f.Finding
	}
	return reports.CountSeverity(plain)
}

// check runs THE check on the unit's report and fills in the rest.
func check(u *Unit, prev *reports.Report) {
	r := u.Report
	found := fullcheck.Run(r, prev)
	imported := u.Findings
	var su summary.Unit
	summary.Describe(&su, r, found)
	u.Organ, u.ShortName, u.Level, u.Year = su.Name, su.ShortName, su.Level, su.Year
	u.Date, u.Deadline, u.Timely = su.Date, su.Deadline, su.Timely
	u.Findings = make([]Finding, 0, len(found)+len(imported))
	for _, f := range found {
		u.Findings = append(u.Findings, Finding{Finding: f, Where: r.Where(f.Location)})
	}
	u.Findings = append(u.Findings, imported...)
	u.Errors, u.Warnings = countSeverity(u.Findings)
	u.text = reports.NarrativeText(r)
	last := prev
	if last == nil {
		last = r.LastYear
	}
	if last != nil {
		u.PrevShare = u.text.Share(reports.NarrativeText(last))
	}
}

// similar finds the pairs of units of the year that share more than half
// and each unit's most similar other unit.
func (a *Audit) similar(workers int) {
	var idx []int
	var texts []*reports.SimilarText
	for i := range a.Units {
		if u := &a.Units[i]; u.Status == Checked && u.text != nil {
			idx = append(idx, i)
			texts = append(texts, u.text)
		}
	}
	measured := FindSimilar(texts, workers)
	for _, s := range measured {
		ua, ub := &a.Units[idx[s.A]], &a.Units[idx[s.B]]
		if s.AinB > ua.SimilarShare {
			ua.Similar, ua.SimilarShare = idx[s.B], s.AinB
		}
		if s.BinA > ub.SimilarShare {
			ub.Similar, ub.SimilarShare = idx[s.A], s.BinA
		}
	}
	for _, s := range Copied(measured) {
		p := Pair{A: idx[s.A], B: idx[s.B], Similarity: s.Max(), AinB: s.AinB, BinA: s.BinA}
		copier, original := texts[s.A], texts[s.B]
		if s.BinA > s.AinB {
			copier, original = original, copier
		}
		_, p.Passages = copier.SharedWith(original)
		sort.SliceStable(p.Passages, func(i, j int) bool { return len([]rune(p.Passages[i])) > len([]rune(p.Passages[j])) })
		a.Pairs = append(a.Pairs, p)
	}
}
