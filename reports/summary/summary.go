// Package summary is the county office's 汇总: it loads the reports of many
// units (departments and townships), checks each one, sums their tables
// exactly, lists every unit with its status, and, given a roster, the units
// that have not sent a report.
//
// A unit that cannot be loaded, or that is of another year or template, or
// that repeats a unit already counted, is listed with the reason and left
// out of the sums; it never aborts the sum. The summed cells can be written
// into a county-level report (ApplyTo, UpdateReport) that is edited and
// printed like any other, and the whole summary into a workbook (WriteXLSX).
package summary

import (
	"errors"
	"fmt"
	"io/fs"
	"nianbao/reports/fullcheck"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"nianbao/reports"
)

// Status says what the sum did with a unit's file.
type Status int

// Statuses.
const (
	Included   Status = iota // summed
	Excluded                 // loaded but left out (other year or template, duplicate)
	Unreadable               // could not be loaded
)

// Chinese is how the status is shown: 已计入, 未计入, 无法读取.
func (s Status) Chinese() string {
	switch s {
	case Included:
		return "已计入"
	case Excluded:
		return "未计入"
	}
	return "无法读取"
}

// Timeliness compares a unit's 落款 date with its deadline.
type Timeliness int

// Timeliness values.
const (
	NoDate Timeliness = iota // 落款 date not filled in
	OnTime
	Late
)

// Chinese is 按时, 逾期 or 未填日期.
func (t Timeliness) Chinese() string {
	switch t {
	case OnTime:
		return "按时"
	case Late:
		return "逾期"
	}
	return "未填日期"
}

// WithDeadline is Chinese with the deadline named when late, as the 汇总
// and 审核 workbooks list it: 逾期（期限2024年1月31日）.
func (t Timeliness) WithDeadline(deadline reports.Date) string {
	if t == Late {
		return fmt.Sprintf("逾期（期限%s）", deadline.Chinese())
	}
	return t.Chinese()
}

// Unit is one file of the sum and what became of it.
type Unit struct {
	File      string // path as given
	Name      string // the organ's full name (short name when that is empty); "" when unreadable
	ShortName string
	Level     reports.Level
	Year      int
	Template  reports.Version
	Status    Status
	// Reason explains an Excluded or Unreadable status, and notes anything
	// else the clerk should know (blank cells counted as 0, not on the roster).
	Reason   string
	Errors   int
	Warnings int
	Findings []reports.Finding
	Date     reports.Date // 落款 date
	Deadline reports.Date
	Timely   Timeliness
	InRoster bool // on the roster (false when there is no roster)
}

// Missing is a roster unit without an included report.
type Missing struct {
	Name   string
	Reason string
}

// Options steer a sum.
type Options struct {
	// Year to sum; 0 means Base's year, or else the year most units report.
	Year int
	// Base is the county's own report, when it exists: its year and
	// template fix the sum's, and a unit file of the same organ is not
	// counted in its own sum.
	Base *reports.Report
	// BasePath is Base's file; a unit with this path is skipped.
	BasePath string
	// Roster lists the units expected to report, by full or short name.
	Roster []string
	// County, when set, is the county the roster belongs to: a roster
	// name and a unit's name that start with the same division of it
	// (大坡乡人民政府 and 融安县大坡乡人民政府) are the same unit.
	County string
	// RosterTownshipsOnly marks a roster of the county's townships alone
	// (CountyRoster without a list of departments): units not on it are
	// not noted as missing from it.
	RosterTownshipsOnly bool
	// Workers loading files at once; 0 means one per CPU.
	Workers int
}

// Summary is the result of a sum.
type Summary struct {
	Year     int
	Template reports.Version
	Units    []Unit
	// Total holds the summed typed cells (totals stay computed) in a report
	// of Year and Template; its organ is Base's when given.
	Total    *reports.Report
	Included int
	// HasRoster is true when a roster was given; Missing lists its units
	// that have no included report, in roster order.
	HasRoster bool
	Missing   []Missing
}

// Counts returns how many units were excluded or unreadable, had errors,
// and were late.
func (s *Summary) Counts() (notCounted, withErrors, late int) {
	for _, u := range s.Units {
		if u.Status != Included {
			notCounted++
		}
		if u.Errors > 0 {
			withErrors++
		}
		if u.Timely == Late {
			late++
		}
	}
	return
}

// Files expands the arguments of `nianbao sum`: a file is taken as it is, a
// folder gives every *.nianbao file directly in it (not in subfolders), in
// name order. Duplicate paths are dropped.
func Files(args []string) ([]string, error) {
	return FilesMatching(args, func(name string) bool {
		return strings.EqualFold(filepath.Ext(name), reports.FileExtension)
	})
}

// FilesMatching expands command-line arguments naming report files: a file
// is taken as it is; a folder gives the files directly in it (not in
// subfolders, not hidden ones) whose names accept takes, in name order.
// Paths in exclude (a command's own output, say) and duplicates are dropped.
func FilesMatching(args []string, accept func(name string) bool, exclude ...string) ([]string, error) {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	seen := map[string]bool{}
	for _, e := range exclude {
		if e != "" {
			seen[abs(e)] = true
		}
	}
	var out []string
	add := func(p string) {
		if a := abs(p); !seen[a] {
			seen[a] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s：文件或文件夹不存在", a)
			}
			return nil, fmt.Errorf("%s：无法读取：%w", a, err)
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, fmt.Errorf("%s：无法读取文件夹：%w", a, err)
		}
		var names []string
		for _, e := range entries {
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") && accept(e.Name()) {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, n := range names {
			add(filepath.Join(a, n))
		}
	}
	return out, nil
}

// Sum loads every file concurrently, checks each report, decides the year
// and template of the sum, and sums the units that fit. It fails only when
// there are no files at all.
func Sum(files []string, opts Options) (*Summary, error) {
	if len(files) == 0 {
		return nil, errors.New("没有要汇总的报告文件（.nianbao）")
	}
	units := make([]Unit, len(files))
	reps := loadAll(files, opts.Workers, units)
	return SumLoaded(units, reps, opts), nil
}

// SumLoaded is Sum over units already loaded and checked (by `audit`, which
// imports Word files, web pages and text as well): reps[i] is the report of
// units[i], nil when it could not be read (units[i].Status Unreadable). It
// decides the year and template, excludes what does not fit and sums the
// rest exactly as Sum does; the units are taken over by the summary.
func SumLoaded(units []Unit, reps []*reports.Report, opts Options) *Summary {
	s := &Summary{Year: opts.Year}
	if s.Year == 0 && opts.Base != nil {
		s.Year = opts.Base.Year
	}
	if s.Year == 0 {
		s.Year = CommonYear(reps)
	}
	s.Template = reports.VersionForYear(s.Year)
	if opts.Base != nil && opts.Base.Year == s.Year {
		s.Template = opts.Base.Template
	}
	s.Total = newTotal(s, opts.Base)

	baseAbs := ""
	if opts.BasePath != "" {
		baseAbs, _ = filepath.Abs(opts.BasePath)
	}
	baseName := ""
	if opts.Base != nil {
		baseName = normName(opts.Base.Organ.FullName)
	}
	sums := map[reports.CellKey]reports.Decimal{}
	keys := s.Total.Tmpl().InputKeys()
	seen := map[string]string{} // organ → file of the unit counted
	for i := range units {
		u, r := &units[i], reps[i]
		if r == nil {
			continue
		}
		abs, _ := filepath.Abs(u.File)
		name := normName(u.Name)
		switch {
		case baseAbs != "" && abs == baseAbs:
			u.Status, u.Reason = Excluded, "这是汇总报告本身，不计入汇总"
		case baseName != "" && name == baseName:
			u.Status, u.Reason = Excluded, "与汇总报告是同一单位，不计入汇总"
		case r.Year != s.Year:
			u.Status, u.Reason = Excluded, fmt.Sprintf("报告年度为%d年，与汇总年度%d年不一致，未计入", r.Year, s.Year)
		case r.Template != s.Template:
			u.Status, u.Reason = Excluded, fmt.Sprintf("使用%s年版模板，与汇总所用的%s年版模板不一致，未计入", r.Template, s.Template)
		case name != "" && seen[name] != "":
			u.Status, u.Reason = Excluded, fmt.Sprintf("与 %s 是同一单位（%s），未重复计入", filepath.Base(seen[name]), u.Name)
		}
		if u.Status != Included {
			continue
		}
		if name != "" {
			seen[name] = u.File
		}
		s.Included++
		blank := 0
		for _, k := range keys {
			c := r.Cell(k)
			if !c.IsNumber() {
				blank++
				continue
			}
			sums[k] = sums[k].Add(c.Value)
		}
		if blank > 0 {
			u.Reason = JoinNote(u.Reason, fmt.Sprintf("有%d个单元格为空或不是数字，按0计入", blank))
		}
	}
	for _, k := range keys {
		s.Total.Cells[k] = reports.Cell{Value: sums[k]}
	}
	s.Units = units
	if len(opts.Roster) > 0 {
		s.roster(opts.Roster, opts.County, opts.RosterTownshipsOnly)
	}
	return s
}

// loadAll loads and checks the files with a pool of workers and fills in
// what is known about each unit.
func loadAll(files []string, workers int, units []Unit) []*reports.Report {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	reps := make([]*reports.Report, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				reps[i] = loadUnit(files[i], &units[i])
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return reps
}

func loadUnit(path string, u *Unit) *reports.Report {
	u.File = path
	r, err := reports.Load(path)
	if err != nil {
		u.Status = Unreadable
		u.Reason = reports.Reason(err, path)
		return nil
	}
	Describe(u, r, fullcheck.Run(r, nil))
	return r
}

// Describe fills in what is known of the unit whose report r was loaded,
// with its findings: names, level, year and template, the counts of errors
// and warnings, the 落款 date, the deadline of its level and whether it
// was late.
func Describe(u *Unit, r *reports.Report, findings []reports.Finding) {
	u.Name = OrganName(r)
	u.ShortName = strings.TrimSpace(r.Organ.ShortName)
	u.Level, u.Year, u.Template = r.Organ.Level, r.Year, r.Template
	u.Findings = findings
	u.Errors, u.Warnings = reports.CountSeverity(u.Findings)
	u.Date = r.Signing.Date
	u.Deadline = r.Organ.Level.Deadline(r.Year)
	switch {
	case u.Date.IsZero():
		u.Timely = NoDate
	case u.Date.After(u.Deadline):
		u.Timely = Late
	default:
		u.Timely = OnTime
	}
}

// OrganName is the name a unit is listed by: its organ's full name, or
// the short name when the full one is empty.
func OrganName(r *reports.Report) string {
	if n := strings.TrimSpace(r.Organ.FullName); n != "" {
		return n
	}
	return strings.TrimSpace(r.Organ.ShortName)
}

// CommonYear is the year most of reps (nil entries skipped) are for, the
// later year on a tie; last year when none is loaded. Sum and audit take
// it when no year is given.
func CommonYear(reps []*reports.Report) int {
	count := map[int]int{}
	best := 0
	for _, r := range reps {
		if r == nil {
			continue
		}
		count[r.Year]++
		if n := count[r.Year]; n > count[best] || n == count[best] && r.Year > best {
			best = r.Year
		}
	}
	if best == 0 {
		best = reports.Today().Year - 1
	}
	return best
}

// newTotal starts the report that holds the sums: a copy of base when it
// has the sum's year, else a new county-level report.
func newTotal(s *Summary, base *reports.Report) *reports.Report {
	var t *reports.Report
	if base != nil && base.Year == s.Year && base.Template == s.Template {
		t = base.Clone()
	} else {
		t = reports.New(s.Year)
		t.Template = s.Template
		t.Organ.Level = reports.LevelCountyGov
		if base != nil {
			t.Organ = base.Organ
		}
	}
	t.Cells = map[reports.CellKey]reports.Cell{}
	return t
}

// JoinNote adds note b to a unit's reason a, after a "；" when a has one
// already (the 汇总 and 审核 lists alike).
func JoinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "；" + b
}

// normName compares unit names: without any whitespace (including the
// full-width space).
func normName(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// roster marks the units on the roster and lists the roster units that
// have no included report.
func (s *Summary) roster(names []string, county string, townshipsOnly bool) {
	s.HasRoster = true
	var want []string
	seen := map[string]bool{}
	for _, n := range names {
		if n = normName(n); n != "" && !seen[n] {
			seen[n] = true
			want = append(want, n)
		}
	}
	// With the county known, names are also compared by the division
	// they start with.
	keys := map[string]string{}
	if county != "" {
		ctx := []string{county}
		for _, n := range want {
			keys[n] = rosterKey(n, ctx)
		}
		for i := range s.Units {
			u := &s.Units[i]
			for _, n := range []string{u.Name, u.ShortName} {
				if _, ok := keys[n]; !ok && n != "" {
					keys[n] = rosterKey(n, ctx)
				}
			}
		}
	}
	sameKey := func(a, b string) bool {
		ka, kb := keys[a], keys[b]
		return ka != "" && ka == kb
	}
	matches := func(u *Unit, n string) bool {
		return u.Name != "" && (normName(u.Name) == n || normName(u.ShortName) == n || sameKey(u.Name, n) || sameKey(u.ShortName, n))
	}
	for i := range s.Units {
		u := &s.Units[i]
		if u.Status == Unreadable {
			continue
		}
		u.InRoster = slices.ContainsFunc(want, func(n string) bool { return matches(u, n) })
		if !u.InRoster && !townshipsOnly {
			u.Reason = JoinNote(u.Reason, "不在报送名单中")
		}
	}
	for _, n := range want {
		reason := "没有找到该单位的报告文件"
		found := false
		for i := range s.Units {
			u := &s.Units[i]
			if !matches(u, n) {
				continue
			}
			if u.Status == Included {
				found = true
				break
			}
			reason = fmt.Sprintf("报送的文件 %s 未计入：%s", filepath.Base(u.File), u.Reason)
		}
		if !found {
			s.Missing = append(s.Missing, Missing{Name: n, Reason: reason})
		}
	}
}

// ApplyTo writes the summed cells into r, a report of the sum's year and
// template (the county's own report): every typed cell is replaced, the
// narrative and everything else is kept. Declared totals are dropped, since
// they belonged to the numbers replaced.
func (s *Summary) ApplyTo(r *reports.Report) error {
	if r.Year != s.Year || r.Template != s.Template {
		return fmt.Errorf("汇总报告是%d年度（%s年版模板），而汇总的是%d年度（%s年版模板）的数据", r.Year, r.Template, s.Year, s.Template)
	}
	r.Cells = map[reports.CellKey]reports.Cell{}
	for k, c := range s.Total.Cells {
		r.Cells[k] = c
	}
	r.Declared = nil
	return nil
}

// UpdateReport writes the summed cells into the county report at path and
// saves it atomically (keeping path+".bak"). A missing file is created as a
// new county-level report of the sum's year; an existing one keeps its
// narrative. A file that exists but cannot be read is left untouched.
func UpdateReport(path string, s *Summary) (*reports.Report, error) {
	r, err := reports.Load(path)
	var fe *reports.FileError
	switch {
	case err == nil:
	case errors.As(err, &fe) && errors.Is(fe.Err, fs.ErrNotExist):
		r = reports.New(s.Year)
		r.Template = s.Template
		r.Organ = s.Total.Organ
		r.Organ.Level = reports.LevelCountyGov
		r.Preamble = reports.DefaultPreamble(r)
	default:
		return nil, err
	}
	if err := s.ApplyTo(r); err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	if err := reports.Save(path, r); err != nil {
		return nil, err
	}
	return r, nil
}
