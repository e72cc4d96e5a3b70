package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"nianbao/reports"
	"nianbao/reports/audit"
	"nianbao/reports/plaintext"
)

// topEntries lists the entries of the top dialog.
func topEntries(w fyne.Window) []*widget.Entry {
	var out []*widget.Entry
	if top := w.Canvas().Overlays().Top(); top != nil {
		walkObjects(top, func(o fyne.CanvasObject) {
			if e, ok := o.(*widget.Entry); ok {
				out = append(out, e)
			}
		})
	}
	return out
}

func TestAuditWindowListsTheUnitsAndExports(t *testing.T) {
	dir := t.TempDir()
	text := "本镇坚持把政务公开作为转变政府职能的重要抓手，年初召开专题会议研究部署全年工作，明确分管领导和专职信息员，全年通过县政府门户网站发布各类信息，重点公开财政预决算和惠农补贴发放情况。"
	for i, name := range []string{"甲乡", "乙镇"} {
		r := reports.New(2023)
		r.Organ = reports.Organ{FullName: "测试县" + name + "人民政府", ShortName: name, Level: reports.LevelTownship}
		r.Overview.Parts = []reports.Part{{Title: "主动公开", Text: text}}
		r.Signing.Date = reports.Date{Year: 2024, Month: 1 + i, Day: 9} // 乙镇 on 2月9日: late
		if i == 0 {
			if err := reports.Save(filepath.Join(dir, "a.nianbao"), r); err != nil {
				t.Fatal(err)
			}
		} else {
			os.WriteFile(filepath.Join(dir, "b.txt"), []byte(plaintext.String(r)), 0o644)
		}
	}
	os.WriteFile(filepath.Join(dir, "c.nianbao"), []byte("{ broken"), 0o644)
	files, _ := audit.Files([]string{dir})
	a, err := audit.Run(files, audit.Options{Roster: []string{"甲乡", "乙镇", "丙乡"}})
	if err != nil {
		t.Fatal(err)
	}

	s, w := newTestShell(t)
	v := s.showAudit(a)
	if n := v.list.Length(); n != 3 {
		t.Fatalf("the list shows %d files, want 3", n)
	}
	rows := []struct{ want []string }{
		{[]string{"1. 已审核", "测试县甲乡人民政府", "a.nianbao", "按时", "最相似：测试县乙镇人民政府"}},
		{[]string{"2. 已审核", "测试县乙镇人民政府", "b.txt", "逾期"}},
		{[]string{"3. 无法读取", "c.nianbao", "文件格式有误"}},
	}
	for i, r := range rows {
		got := v.Row(i)
		for _, want := range r.want {
			if !strings.Contains(got, want) {
				t.Errorf("row %d = %q, lacks %q", i+1, got, want)
			}
		}
	}
	// the list as drawn in the window: every row's label
	drawn := map[string]bool{}
	walkObjects(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			drawn[l.Text] = true
		}
	})
	for i := range 3 {
		if !drawn[v.Row(i)] {
			t.Errorf("row %d is not drawn in the window: %q", i+1, v.Row(i))
		}
	}
	if !strings.Contains(s.status.Text, "已审核 3 个文件") || !strings.Contains(s.status.Text, "逾期 1 个") || !strings.Contains(s.status.Text, "雷同 1 对") {
		t.Errorf("status %q", s.status.Text)
	}
	v.list.Select(1)
	if !strings.Contains(v.detail.Text, "逾期，期限2024年1月31日") {
		t.Errorf("detail of 乙镇 = %q", v.detail.Text)
	}

	// 导出审核表 asks where, then writes the workbook and the page
	out := t.TempDir()
	s.app.Preferences().SetString(prefLastFolder, out)
	test.Tap(v.export)
	es := topEntries(w)
	bs := buttons(w)
	if len(es) == 0 || bs["保存"] == nil {
		t.Fatalf("no save dialog after 导出审核表 (buttons %v)", bs)
	}
	if es[0].Text != "2023年度各单位报告审核.xlsx" {
		t.Errorf("the file name offered is %q", es[0].Text)
	}
	test.Tap(bs["保存"])
	path := filepath.Join(out, "2023年度各单位报告审核.xlsx")
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("no workbook exported: %v", err)
	}
	defer f.Close()
	if got, _ := f.GetCellValue(audit.SheetOverview, "B3"); got != "测试县甲乡人民政府" {
		t.Errorf("审核总览!B3 = %q", got)
	}
	if got, _ := f.GetCellValue(audit.SheetMissing, "B3"); got != "丙乡" {
		t.Errorf("未报送单位!B3 = %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "2023年度各单位报告审核.html")); err != nil {
		t.Errorf("no leader's page beside the workbook: %v", err)
	}
	if !strings.Contains(s.status.Text, "已导出审核表") {
		t.Errorf("status after export %q", s.status.Text)
	}
}

func TestAuditLeavesOutTheRosterInTheUnitsFolder(t *testing.T) {
	dir := t.TempDir()
	r := reports.New(2023)
	r.Organ = reports.Organ{FullName: "测试县甲乡人民政府", ShortName: "甲乡", Level: reports.LevelTownship}
	unit := filepath.Join(dir, "甲乡.nianbao")
	if err := reports.Save(unit, r); err != nil {
		t.Fatal(err)
	}
	roster := filepath.Join(dir, "报送名单.txt")
	if err := os.WriteFile(roster, []byte("甲乡\n乙镇\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	s, _ := newTestShell(t)
	files, opts, ok := s.auditInput(dir, "", roster, nil)
	if !ok {
		t.Fatalf("audit input refused; status %q", s.status.Text)
	}
	if len(files) != 1 || files[0] != unit {
		t.Errorf("audited files %v, want only %s (the roster is no unit's report)", files, unit)
	}
	if strings.Join(opts.Roster, "、") != "甲乡、乙镇" {
		t.Errorf("roster %v, want 甲乡、乙镇", opts.Roster)
	}
	a, err := audit.Run(files, opts)
	if err != nil {
		t.Fatal(err)
	}
	if c := a.Counts(); c.Files != 1 || len(a.Missing) != 1 || a.Missing[0].Name != "乙镇" {
		t.Errorf("audit of %d files, missing %v; want 1 file and 乙镇 missing", c.Files, a.Missing)
	}
}
