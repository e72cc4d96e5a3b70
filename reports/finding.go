package reports

import (
	"encoding/json"
	"fmt"
)

// Severity says whether a finding must be fixed before the report is
// published (Error) or deserves a look (Warning).
type Severity int

// Severities.
const (
	Warning Severity = iota
	Error
)

// String is "error" or "warning", as in `check --json`.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Chinese is 错误 or 警告.
func (s Severity) Chinese() string {
	if s == Error {
		return "错误"
	}
	return "警告"
}

// MarshalJSON writes "error" or "warning".
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads "error" or "warning".
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
	default:
		return fmt.Errorf("unknown severity %q", v)
	}
	return nil
}

// Location is where a finding is: a section, and within it a table cell or
// a text field. Field is a path into the report as in the file, e.g.
// "preamble", "overview.parts.2.text", "improvement.measures.0.title",
// "other.fee", "signing.date", "organ.full_name" (see FieldPath).
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

// Finding is one problem the checks found.
type Finding struct {
	Severity Severity `json:"severity"`
	// Code is stable across versions (e.g. "T3_BALANCE"), for scripts and tests.
	Code     string   `json:"code"`
	Location Location `json:"location"`
	// Message is Chinese and names the numbers involved.
	Message string `json:"message"`
}
