package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Cell is one table cell as the clerk or an imported document gave it: a
// number, a blank, or text that is not a number (kept as it was so that it
// can be corrected instead of being lost). Checks report blanks and text.
type Cell struct {
	// Value is the number; meaningful only when the cell is neither blank nor text.
	Value Decimal
	// Blank is true for an empty cell.
	Blank bool
	// Text holds what was typed or imported when it is not a number.
	Text string
}

// Num returns a cell holding the whole number n.
func Num(n int64) Cell { return Cell{Value: Int(n)} }

// BlankCell returns an empty cell.
func BlankCell() Cell { return Cell{Blank: true} }

// ParseCell reads what a clerk typed or a document held: empty (or only
// spaces) gives a blank cell, a number gives its value, anything else is kept
// as text.
func ParseCell(s string) Cell {
	t := strings.TrimSpace(s)
	if t == "" {
		return BlankCell()
	}
	d, err := ParseDecimal(t)
	if err != nil {
		return Cell{Text: s}
	}
	return Cell{Value: d}
}

// IsNumber reports whether the cell holds a number.
func (c Cell) IsNumber() bool { return !c.Blank && c.Text == "" }

// String shows the cell as it should be printed: the number, the text, or "".
func (c Cell) String() string {
	switch {
	case c.Blank:
		return ""
	case c.Text != "":
		return c.Text
	}
	return c.Value.String()
}

// MarshalJSON writes a number as a JSON number literal (exact, never through
// float64), a blank as null and text as a JSON string.
func (c Cell) MarshalJSON() ([]byte, error) {
	switch {
	case c.Blank:
		return []byte("null"), nil
	case c.Text != "":
		return marshalNoEscape(c.Text)
	}
	return []byte(c.Value.String()), nil
}

// UnmarshalJSON reads a JSON number exactly, null as blank, and a string as
// a number when it is one and as text otherwise.
func (c *Cell) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*c = BlankCell()
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*c = ParseCell(s)
		return nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		s := string(b)
		if strings.ContainsAny(s, "eE") {
			return fmt.Errorf("数值 %s 不能用科学计数法", s)
		}
		d, err := ParseDecimal(s)
		if err != nil {
			return fmt.Errorf("数值 %s：%w", s, err)
		}
		*c = Cell{Value: d}
		return nil
	}
	return fmt.Errorf("应为数字，实际为 %s", truncate(string(b), 20))
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
