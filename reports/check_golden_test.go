package reports

import (
	"bytes"
	"nianbao/internal/golden"
	"path/filepath"
	"testing"
)

// messyReport is a 2024 report of 那拉提镇 started from another unit's file
// and filled in carelessly: it trips many checks at once.
func messyReport() *Report {
	prev := filledReport()
	r := NextYear(prev, 2024)
	r.Organ = Organ{FullName: "新源县那拉提镇人民政府", ShortName: "那拉提镇", Level: LevelTownship}
	r.Overview.Parts[0].Text = "2022年，本乡严格落实《条例》要求，现行有效的行政规范性文件393件，自20241月1日起全面公开。"
	r.Overview.Parts[1].Text = "全年共收到政府信息公开申请5件，发生行政复议2件。"
	r.Overview.Parts[2].Text = "对别斯托别乡下辖各村开展督导。"
	r.Improvement = prev.Improvement
	r.Improvement.Problems = []Part{{Text: "一是公开内容不够全面；二是解读形式单一。"}}
	r.Improvement.Measures = []Part{{Title: "加强培训", Text: "由乡政务公开办组织培训，提升信息发布质量。"}}
	for k, v := range map[string]int64{
		"t2_1.rules.made": 1, "t2_1.norms.made": 1, "t2_1.norms.valid": 470,
		"t3.new.natural": 3, "t3.open.natural": 2, "t3.other3.business": 1,
		"t4.cases.review_upheld": 1, "t4.cases.after_pending": 2,
	} {
		r.Cells[CellKey(k)] = Num(v)
	}
	r.Cells["t3.new.business"] = ParseCell("一件")
	r.Cells["t3.deny1.natural"] = BlankCell()
	r.Cells["t2_6.penalty.decisions"] = ParseCell("2.5")
	r.Declared = map[CellKey]Cell{"t3.new.total": Num(4)}
	r.Signing.Date = Date{2025, 2, 10}
	return r
}

// TestCheckGolden compares the findings, as the command line prints them,
// with testdata/check/*.golden. On a mismatch the actual output is written
// to testdata/failed/; UPDATE_GOLDEN=1 rewrites the golden files.
func TestCheckGolden(t *testing.T) {
	cases := []struct {
		name string
		r    *Report
	}{
		{"sample", Sample()},
		{"messy", messyReport()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			for _, f := range Check(c.r, nil) {
				b.WriteString(f.Severity.Chinese() + " " + f.Code + " " + c.r.Where(f.Location) + "\n  " + f.Message + "\n")
			}
			golden.Assert(t, filepath.Join("check", c.name+".golden"), b.Bytes())
		})
	}
}
