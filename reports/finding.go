package reports

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Severity says how much a finding matters: a note of something done or
// seen that needs nothing (Note), something that deserves a look
// (Warning), or something that must be fixed before the report is
// published (Error). The importer's findings use the same scale: a repair
// it is sure of is a Note, a guess or a blank to confirm (需核对) a
// Warning, a file of which nothing could be used an Error.
type Severity int

// Severities, from least to most serious.
const (
	Note Severity = iota
	Warning
	Error
)

// String is "note", "warning" or "error", as in `check --json`.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Note:
		return "note"
	}
	return "warning"
}

// Chinese is 说明, 警告 or 错误.
func (s Severity) Chinese() string {
	switch s {
	case Error:
		return "错误"
	case Note:
		return "说明"
	}
	return "警告"
}

// MarshalJSON writes "note", "warning" or "error".
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads "note", "warning" or "error".
func (s *Severity) UnmarshalJSON(b []byte) error {
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v {
	case "error":
		*s = Error
	case "warning":
		*s = Warning
	case "note":
		*s = Note
	default:
		return fmt.Errorf("unknown severity %q", v)
	}
	return nil
}

// Location is where a finding is: a section, and within it a table cell or
// a text field; for what an import or a workbook read noticed, also (or
// only) the position in the source file. Field is a path into the report
// as in the file, e.g. "preamble", "overview.parts.2.text",
// "improvement.measures.0.title", "other.fee", "signing.date",
// "organ.full_name" (see FieldPath).
type Location struct {
	Section string `json:"section,omitempty"` // section key, e.g. SectionRequests
	Table   string `json:"table,omitempty"`
	Row     string `json:"row,omitempty"`
	Column  string `json:"column,omitempty"`
	Field   string `json:"field,omitempty"`
	// Offset is the character (rune) offset of the problem inside Field's
	// text, or -1 when the whole field is meant.
	Offset int `json:"offset,omitempty"`
	// Cells, for a finding about several cells (an identity, a total and
	// what it sums), names every one of them, the typed cell to correct
	// first at the front; Table, Row and Column stay the finding's main
	// cell. Empty for a finding about one cell or none.
	Cells []CellKey `json:"cells,omitempty"`
	// Source is the position in the file the report was read from (a
	// document imported, a workbook); zero for the checks' findings.
	Source Position `json:"source,omitzero"`
}

// CellLocation returns the location of a table cell.
func CellLocation(t *Template, k CellKey) Location {
	tk, rk, ck := k.Split()
	loc := Location{Table: tk, Row: rk, Column: ck}
	if tb := t.Table(tk); tb != nil {
		loc.Section = tb.Section
	}
	return loc
}

// FieldPath builds a field path: FieldPath("overview.parts", 2, "text")
// gives "overview.parts.2.text".
func FieldPath(list string, index int, field string) string {
	return fmt.Sprintf("%s.%d.%s", list, index, field)
}

// Position is a place in a source file. For text, Line is the line
// number; for a Word file, Para is the paragraph number, or Table and Row
// (and Col) the table and its row; for a PDF, Page is the page (and Para
// the paragraph on it); for a workbook, Sheet and Cell (such as D7). Zero
// fields are unknown.
type Position struct {
	Page  int    `json:"page,omitempty"`
	Line  int    `json:"line,omitempty"`
	Para  int    `json:"para,omitempty"`
	Table int    `json:"table,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   int    `json:"col,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Cell  string `json:"cell,omitempty"`
}

// String names the position in Chinese: "第12行", "第3段", "第2个表格第5行",
// "第2页第3段", "工作表「表三」D7单元格"; "" when it is unknown.
func (p Position) String() string {
	var s string
	switch {
	case p.Sheet != "":
		s = "工作表「" + p.Sheet + "」"
		if p.Cell != "" {
			s += p.Cell + "单元格"
		}
		return s
	case p.Line > 0:
		s = fmt.Sprintf("第%d行", p.Line)
	case p.Table > 0:
		s = fmt.Sprintf("第%d个表格", p.Table)
		if p.Row > 0 {
			s += fmt.Sprintf("第%d行", p.Row)
		}
	case p.Para > 0:
		s = fmt.Sprintf("第%d段", p.Para)
	}
	if p.Col > 0 && s != "" {
		s += fmt.Sprintf("第%d列", p.Col)
	}
	if p.Page > 0 {
		s = fmt.Sprintf("第%d页", p.Page) + s
	}
	return s
}

// Compare orders positions as they come in a file (page, line,
// paragraph, table, row), as cmp.Compare does: -1, 0 or +1. Sheets and
// cells compare equal, so a stable sort keeps a workbook's findings in the
// order they were noticed.
func (p Position) Compare(q Position) int {
	a := [5]int{p.Page, p.Line, p.Para, p.Table, p.Row}
	b := [5]int{q.Page, q.Line, q.Para, q.Table, q.Row}
	return slices.Compare(a[:], b[:])
}

// Finding is one thing the checks, an import or a workbook read found: the
// one diagnostic type of nianbao.
type Finding struct {
	Severity Severity `json:"severity"`
	// Code is stable across versions (e.g. "T3_BALANCE"), for scripts and tests.
	Code     string   `json:"code"`
	Location Location `json:"location"`
	// Message is Chinese and names the numbers involved.
	Message string `json:"message"`
}

// Codes of what reading a source file noticed (the importer and the
// workbook reader). The message says what; the code says how sure.
const (
	CodeImportNote      = "IMPORT_NOTE"      // Note: a repair made and sure of (a row split by a page break joined)
	CodeImportUncertain = "IMPORT_UNCERTAIN" // Warning: to confirm (需核对): a blank cell, a paragraph not placed, a guess
	CodeImportUnusable  = "IMPORT_UNUSABLE"  // Error: nothing of the report could be used
)

// ImportFinding is a finding of reading a source file, its code from its
// severity and its location the position in the file (and, when known,
// the report's cell or field: pass the location with Source set, or a
// zero Location and the position).
func ImportFinding(sev Severity, loc Location, msg string) Finding {
	code := CodeImportUncertain
	switch sev {
	case Note:
		code = CodeImportNote
	case Error:
		code = CodeImportUnusable
	}
	return Finding{Severity: sev, Code: code, Location: loc, Message: msg}
}

// SourceLabel is the word a finding about a source file is shown with:
// 说明 (done, nothing to do), 需核对 (to confirm) or 无法使用.
func (s Severity) SourceLabel() string {
	switch s {
	case Note:
		return "说明"
	case Warning:
		return "需核对"
	}
	return "无法使用"
}

// SourceLine is a finding about a source file as shown to people:
// "【需核对】第12行：…", "【说明】工作表「表三」D7单元格：…".
func (f Finding) SourceLine() string {
	pos := f.Location.Source.String()
	if pos != "" {
		pos += "："
	}
	return "【" + f.Severity.SourceLabel() + "】" + pos + f.Message
}
