package importer

import (
	"regexp"
	"strings"
	"testing"

	"nianbao/reports"
	"nianbao/reports/plaintext"
)

// TestImportMoneyWithUnit imports the seed with its fee printed with a unit:
// the cell becomes 万元 and a note says so; an amount that cannot be
// converted stays text and is reported as uncertain.
func TestImportMoneyWithUnit(t *testing.T) {
	seed := readSeed(t)
	re := regexp.MustCompile(`(?m)^行政事业性收费\t0`)
	if !re.MatchString(seed) {
		t.Fatal("the seed has no fee row")
	}
	cases := []struct {
		name, cell string
		want       string // the cell's value, or its text
		note       string
		sev        reports.Severity
	}{
		{"yuan", "147230元", "14.723", "原文为“147230元”，已由元换算为 14.723 万元", reports.Note},
		{"wan yuan", "14.7万元", "14.7", "原文为“14.7万元”，已去掉单位，读作 14.7 万元", reports.Note},
		{"too many places", "12.345元", "12.345元", "不是数字", reports.Warning},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text := re.ReplaceAllString(seed, "行政事业性收费\t"+c.cell)
			res := mustImport(t, "seed.txt", []byte(text))
			cell := res.Report.Cells["t2_8.fee.amount"]
			if cell.String() != c.want {
				t.Errorf("fee cell = %q, want %q", cell.String(), c.want)
			}
			found := false
			for _, p := range res.Findings {
				if strings.Contains(p.Message, c.note) && p.Severity == c.sev {
					found = true
				}
			}
			if !found {
				t.Errorf("no %v problem with %q in %v", c.sev, c.note, res.Findings)
			}
		})
	}
}

// TestImportMoneyWithUnit2019: 采购总金额 of the 2019 format printed in 元.
func TestImportMoneyWithUnit2019(t *testing.T) {
	r := handMade2019()
	text := plaintext.String(r)
	re := regexp.MustCompile(`(?m)^(政府集中采购\t[0-9]+\t)12\.35`)
	if !re.MatchString(text) {
		t.Fatalf("no procurement row in:\n%s", text)
	}
	text = re.ReplaceAllString(text, "${1}123500元")
	res := mustImport(t, "2019.txt", []byte(text))
	if got := res.Report.Cells["t2_9.procurement.amount"]; !got.IsNumber() || got.Value.Cmp(mustDec("12.35")) != 0 {
		t.Errorf("采购总金额 = %v, want 12.35", got)
	}
	if res.Report.Template != reports.V2019 {
		t.Errorf("template %s", res.Report.Template)
	}
}
