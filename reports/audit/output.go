package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
)

// jsonUnit is a unit in JSON.
type jsonUnit struct {
	File     string    `json:"file"`
	Kind     string    `json:"kind"`
	Organ    string    `json:"organ"`
	Year     int       `json:"year"`
	Status   string    `json:"status"`
	Reason   string    `json:"reason"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Date     string    `json:"date,omitempty"`
	Late     bool      `json:"late"`
	Prev     string    `json:"prev,omitempty"`
	Copied   *float64  `json:"copied_from_last_year,omitempty"`
	Findings []Finding `json:"findings"`
}

type jsonPair struct {
	A          string   `json:"a"`
	B          string   `json:"b"`
	OrganA     string   `json:"organ_a"`
	OrganB     string   `json:"organ_b"`
	Similarity float64  `json:"similarity"`
	Passages   []string `json:"passages"`
}

type jsonMismatch struct {
	Cell   string `json:"cell"`
	Where  string `json:"where"`
	Report string `json:"report"`
	Sum    string `json:"sum"`
}

type jsonCounty struct {
	File       string         `json:"file"`
	Included   int            `json:"included"`
	Problem    string         `json:"problem,omitempty"`
	Mismatches []jsonMismatch `json:"mismatches"`
}

type jsonFile struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

type jsonAudit struct {
	Year  int        `json:"year"`
	Units []jsonUnit `json:"units"`
	// PrevUnreadable lists last year's files that could not be read.
	PrevUnreadable []jsonFile  `json:"prev_unreadable,omitempty"`
	Pairs          []jsonPair  `json:"pairs"`
	Missing        []string    `json:"missing"`
	Late           []string    `json:"late"`
	County         *jsonCounty `json:"county,omitempty"`
}

// round3 keeps three decimals of a share.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// JSON is the audit as one object: {year, units: [{file, organ, year,
// status, reason, findings: [as check --json]}], pairs: [{a, b, similarity,
// passages}], missing: [names], late: [files], county}.
func (a *Audit) JSON() ([]byte, error) {
	out := jsonAudit{Year: a.Year, Units: []jsonUnit{}, Pairs: []jsonPair{}, Missing: []string{}, Late: []string{}}
	for _, u := range a.Units {
		ju := jsonUnit{File: u.File, Kind: u.Kind, Organ: u.Organ, Year: u.Year, Status: u.Status.Code(), Reason: u.Reason,
			Errors: u.Errors, Warnings: u.Warnings, Late: u.Late(), Prev: u.Prev, Findings: u.Findings}
		if ju.Findings == nil {
			ju.Findings = []Finding{}
		}
		if u.Report != nil && !u.Date.IsZero() {
			ju.Date = u.Date.String()
		}
		if u.PrevShare >= 0 {
			s := round3(u.PrevShare)
			ju.Copied = &s
		}
		out.Units = append(out.Units, ju)
		if u.Late() {
			out.Late = append(out.Late, u.File)
		}
	}
	for _, p := range a.Pairs {
		out.Pairs = append(out.Pairs, jsonPair{A: a.Units[p.A].File, B: a.Units[p.B].File, OrganA: a.Units[p.A].Organ, OrganB: a.Units[p.B].Organ,
			Similarity: round3(p.Similarity), Passages: p.Passages})
	}
	for _, m := range a.Missing {
		out.Missing = append(out.Missing, m.Name)
	}
	for _, p := range a.PrevUnreadable {
		out.PrevUnreadable = append(out.PrevUnreadable, jsonFile{File: p.File, Reason: p.Reason})
	}
	if c := a.County; c != nil {
		jc := &jsonCounty{File: c.File, Included: c.Included, Problem: c.Problem, Mismatches: []jsonMismatch{}}
		for _, m := range c.Mismatches {
			jc.Mismatches = append(jc.Mismatches, jsonMismatch{Cell: string(m.Key), Where: m.Where, Report: m.Report, Sum: m.Sum})
		}
		out.County = jc
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("输出 JSON 失败：%w", err)
	}
	return buf.Bytes(), nil
}

// Counts is what the audit found, counted.
type Counts struct {
	Files, Checked, Unreadable, Duplicates, OtherYear int
	WithErrors, Late, CopiedLastYear                  int
	Pairs, Missing, Mismatches                        int
}

// Counts counts what the audit found.
func (a *Audit) Counts() Counts {
	c := Counts{Files: len(a.Units), Pairs: len(a.Pairs), Missing: len(a.Missing)}
	for _, u := range a.Units {
		switch u.Status {
		case Checked:
			c.Checked++
		case Unreadable:
			c.Unreadable++
		case Duplicate:
			c.Duplicates++
		case OtherYear:
			c.OtherYear++
		}
		if u.Errors > 0 {
			c.WithErrors++
		}
		if u.Late() {
			c.Late++
		}
		if u.PrevShare > CopyThreshold {
			c.CopiedLastYear++
		}
	}
	if a.County != nil {
		c.Mismatches = len(a.County.Mismatches)
	}
	return c
}

// Clean reports whether nothing needs attention: every file read and of
// the year, no errors, none late, no copying, nobody missing, the county
// report equal to its units' sum.
func (a *Audit) Clean() bool {
	c := a.Counts()
	return c.Unreadable+c.Duplicates+c.OtherYear+c.WithErrors+c.Late+c.CopiedLastYear+c.Pairs+c.Missing+c.Mismatches == 0 &&
		(a.County == nil || a.County.Problem == "")
}

// Summary is one line in Chinese of what the audit found.
func (a *Audit) Summary() string {
	c := a.Counts()
	s := fmt.Sprintf("%d年度审核：共 %d 个文件，已审核 %d 个，无法读取 %d 个，重复报送 %d 个，非本年度 %d 个；有错误 %d 个，逾期 %d 个，与上年雷同 %d 个，单位之间雷同 %d 对",
		a.Year, c.Files, c.Checked, c.Unreadable, c.Duplicates, c.OtherYear, c.WithErrors, c.Late, c.CopiedLastYear, c.Pairs)
	if a.HasRoster {
		s += fmt.Sprintf("，名单中未报送 %d 个", c.Missing)
	}
	if a.County != nil {
		if a.County.Problem != "" {
			s += "；县级报告：" + a.County.Problem
		} else {
			s += fmt.Sprintf("；县级报告与 %d 个单位之和不一致的单元格 %d 个", a.County.Included, c.Mismatches)
		}
	}
	return s + "。"
}
