package reports

import (
	"encoding/json"
	"testing"
)

func TestPositionString(t *testing.T) {
	cases := []struct {
		name string
		pos  Position
		want string
	}{
		{"unknown", Position{}, ""},
		{"a line of text", Position{Line: 12}, "第12行"},
		{"a paragraph of a Word file", Position{Para: 3}, "第3段"},
		{"a table row", Position{Table: 2, Row: 5}, "第2个表格第5行"},
		{"a table cell", Position{Table: 2, Row: 5, Col: 3}, "第2个表格第5行第3列"},
		{"a paragraph on a PDF page", Position{Page: 2, Para: 3}, "第2页第3段"},
		{"a PDF page", Position{Page: 4}, "第4页"},
		{"a workbook cell", Position{Sheet: "表三", Cell: "D7"}, "工作表「表三」D7单元格"},
		{"a sheet", Position{Sheet: "表二"}, "工作表「表二」"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.pos.String(); got != c.want {
				t.Errorf("%+v = %q, want %q", c.pos, got, c.want)
			}
		})
	}
}

func TestImportFindings(t *testing.T) {
	cases := []struct {
		name     string
		sev      Severity
		loc      Location
		wantCode string
		wantLine string
	}{
		{"a repair", Note, Location{Source: Position{Line: 3}}, CodeImportNote, "【说明】第3行：甲"},
		{"to confirm", Warning, Location{Source: Position{Page: 2, Para: 1}}, CodeImportUncertain, "【需核对】第2页第1段：甲"},
		{"nothing usable, no position", Error, Location{}, CodeImportUnusable, "【无法使用】甲"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := ImportFinding(c.sev, c.loc, "甲")
			if f.Code != c.wantCode || f.SourceLine() != c.wantLine {
				t.Errorf("code %s line %q, want %s %q", f.Code, f.SourceLine(), c.wantCode, c.wantLine)
			}
		})
	}
}

func TestNotesAreNotCounted(t *testing.T) {
	fs := []Finding{{Severity: Error}, {Severity: Warning}, {Severity: Note}, {Severity: Warning}}
	if e, w := CountSeverity(fs); e != 1 || w != 2 {
		t.Errorf("CountSeverity = %d errors, %d warnings; want 1, 2", e, w)
	}
}

func TestSeverityJSON(t *testing.T) {
	for _, s := range []Severity{Note, Warning, Error} {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back Severity
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("%s → %s → %v (%v)", s, b, back, err)
		}
	}
	b, _ := json.Marshal(Finding{Severity: Warning, Code: "X"})
	if got := string(b); got != `{"severity":"warning","code":"X","location":{},"message":""}` {
		t.Errorf("a check's finding has no source in JSON: %s", got)
	}
	b, _ = json.Marshal(Finding{Severity: Note, Location: Location{Source: Position{Sheet: "表三", Cell: "D7"}}})
	if got := string(b); got != `{"severity":"note","code":"","location":{"source":{"sheet":"表三","cell":"D7"}},"message":""}` {
		t.Errorf("an import finding's source in JSON: %s", got)
	}
}

func TestWhereNamesTheSource(t *testing.T) {
	r := New(2023)
	cell := CellLocation(r.Tmpl(), Key(TableT3, "new", "natural"))
	withSource := cell
	withSource.Source = Position{Sheet: "表三", Cell: "D7"}
	cases := []struct {
		name string
		loc  Location
		want string
	}{
		{"nothing known", Location{}, "全文"},
		{"only the source", Location{Source: Position{Line: 12}}, "第12行"},
		{"a cell", cell, "表三「一、本年新收政府信息公开申请数量」行「自然人」列"},
		{"a cell and its source", withSource, "表三「一、本年新收政府信息公开申请数量」行「自然人」列（原文件工作表「表三」D7单元格）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := r.Where(c.loc); got != c.want {
				t.Errorf("Where = %q, want %q", got, c.want)
			}
		})
	}
}
