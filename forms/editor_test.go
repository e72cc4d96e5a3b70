package forms

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

func checkAll(r *reports.Report) []reports.Finding { return reports.Check(r, nil) }

// newTestEditor shows r in a test window; checks run on every edit.
func newTestEditor(t testing.TB, r *reports.Report) (*Editor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	w := test.NewTempWindow(t, nil)
	ed := NewEditor(w, r, checkAll)
	ed.SetCheckDelay(0)
	w.SetContent(ed.Object())
	w.Resize(fyne.NewSize(1280, 800))
	return ed, w
}

// typeInto replaces an entry's text by typing s.
func typeInto(e fyne.Focusable, s string) {
	type texter interface{ SetText(string) }
	e.(texter).SetText("")
	test.Type(e, s)
}

func cellEntryOf(t *testing.T, ed *Editor, k reports.CellKey) *cellEntry {
	t.Helper()
	tk, _, _ := k.Split()
	tb := ed.report.Tmpl().Table(tk)
	ed.Select(tb.Section)
	for _, v := range ed.screen(tb.Section).(*tablesScreen).views {
		if en, ok := v.entries[k]; ok {
			return en
		}
	}
	t.Fatalf("no entry for %s", k)
	return nil
}

func tableViewOf(ed *Editor, table string) *tableView {
	tb := ed.report.Tmpl().Table(table)
	for _, v := range ed.screen(tb.Section).(*tablesScreen).views {
		if v.tb.Key == table {
			return v
		}
	}
	return nil
}

func hasFinding(fs []reports.Finding, code string, loc reports.Location) bool {
	for _, f := range fs {
		if f.Code == code && (loc.Table == "" || f.Location.Table == loc.Table && f.Location.Row == loc.Row && f.Location.Column == loc.Column) {
			return true
		}
	}
	return false
}

func TestTypingIntoACellUpdatesTotalsBalanceAndFindings(t *testing.T) {
	cases := []struct {
		name  string
		typed string
		want  string
	}{
		{"half-width digits", "12", "12"},
		{"full-width digits from a Chinese input method", "１２", "12"},
		{"thousands separator", "1,200", "1200"},
		{"surrounding spaces", " 7 ", "7"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ed, _ := newTestEditor(t, reports.New(2024))
			newNatural := reports.Key(reports.TableT3, reports.RowNew, "natural")
			typeInto(cellEntryOf(t, ed, newNatural), c.typed)

			if got := ed.report.Cell(newNatural).String(); got != c.want {
				t.Errorf("stored cell = %q, want %q", got, c.want)
			}
			if got := ed.TotalText(reports.Key(reports.TableT3, reports.RowNew, reports.ColTotal)); got != c.want {
				t.Errorf("row total shows %q, want %q", got, c.want)
			}
			if got, want := tableViewOf(ed, reports.TableT3).Balance(0), "× "+c.want+"≠0"; got != want {
				t.Errorf("balance of 自然人 shows %q, want %q", got, want)
			}
			loc := reports.Location{Table: reports.TableT3, Column: "natural"}
			if !hasFinding(ed.Findings(), reports.CodeT3Balance, reports.Location{}) {
				t.Errorf("no %s finding after typing, findings: %v", reports.CodeT3Balance, ed.Findings())
			}
			if errs, _ := ed.Marks(reports.SectionRequests); errs == 0 {
				t.Errorf("三 has no error mark in the navigation list")
			}
			_ = loc

			// Answering the request balances the column again.
			typeInto(cellEntryOf(t, ed, reports.Key(reports.TableT3, "open", "natural")), c.typed)
			if got := ed.TotalText(reports.Key(reports.TableT3, reports.RowTotal, "natural")); got != c.want {
				t.Errorf("（七）总计 shows %q, want %q", got, c.want)
			}
			if got, want := tableViewOf(ed, reports.TableT3).Balance(0), "√ "+c.want; got != want {
				t.Errorf("balance shows %q, want %q", got, want)
			}
			if hasFinding(ed.Findings(), reports.CodeT3Balance, reports.Location{}) {
				t.Errorf("balance finding stays after the column balances: %v", ed.Findings())
			}
		})
	}
}

func TestATotalDifferentFromTheImportedDocumentShowsRed(t *testing.T) {
	r := reports.New(2024)
	total := reports.Key(reports.TableT3, reports.RowNew, reports.ColTotal)
	r.Declared = map[reports.CellKey]reports.Cell{total: reports.Num(3)}
	ed, _ := newTestEditor(t, r)
	label := tableViewOf(ed, reports.TableT3).totals[total]
	if label.Importance != widget.DangerImportance {
		t.Errorf("total 0 against a printed 3 is not red")
	}
	typeInto(cellEntryOf(t, ed, reports.Key(reports.TableT3, reports.RowNew, "natural")), "3")
	if label.Text != "3" || label.Importance == widget.DangerImportance {
		t.Errorf("total %q importance %v after it matches the document", label.Text, label.Importance)
	}
}

func TestFullWidthDigitsAreShownNormalisedWhenTheCellIsLeft(t *testing.T) {
	ed, w := newTestEditor(t, reports.New(2024))
	en := cellEntryOf(t, ed, reports.Key(reports.TableT3, reports.RowNew, "business"))
	w.Canvas().Focus(en)
	typeInto(en, "３")
	w.Canvas().Unfocus()
	if en.Text != "3" {
		t.Errorf("entry shows %q after leaving it, want 3", en.Text)
	}
	// Enter moves down the column, skipping nothing typed.
	w.Canvas().Focus(en)
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if below := cellEntryOf(t, ed, reports.Key(reports.TableT3, reports.RowCarry, "business")); w.Canvas().Focused() != below {
		t.Errorf("Enter did not move to 二、上年结转 in the same column")
	}
}

func TestBadInputIsMarkedAndKeptAsTyped(t *testing.T) {
	cases := []struct {
		name    string
		key     reports.CellKey
		typed   string
		problem string // part of the inline message; "" for valid input
		code    string // finding expected from the checks, or ""
	}{
		{"Chinese numeral in a count", reports.Key(reports.TableT3, reports.RowNew, "natural"), "十二", "不是数字", reports.CodeCellText},
		{"letters in a count", reports.Key("t2_1", "rules", "made"), "abc", "不是数字", reports.CodeCellText},
		{"fraction in a count", reports.Key(reports.TableT4, reports.RowT4Cases, "review_upheld"), "1.5", "整数", ""},
		{"negative count", reports.Key(reports.TableT3, "open", "natural"), "-2", "负数", reports.CodeCellNegative},
		{"decimal fee in 万元", reports.Key("t2_8", "fee", "amount"), "0.25", "", ""},
		{"full-width decimal fee", reports.Key("t2_8", "fee", "amount"), "１．５", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ed, _ := newTestEditor(t, reports.New(2024))
			en := cellEntryOf(t, ed, c.key)
			typeInto(en, c.typed)
			view := tableViewOf(ed, strings.SplitN(string(c.key), ".", 2)[0])
			if c.problem == "" {
				if en.Problem() != nil {
					t.Errorf("valid input %q marked: %v", c.typed, en.Problem())
				}
				if !ed.report.Cell(c.key).IsNumber() {
					t.Errorf("valid input %q not stored as a number", c.typed)
				}
				return
			}
			if en.Problem() == nil || !strings.Contains(en.Problem().Error(), c.problem) {
				t.Errorf("entry problem = %v, want one containing %q", en.Problem(), c.problem)
			}
			if en.mark.StrokeColor != errColor {
				t.Errorf("entry not framed in red")
			}
			if !view.message.Visible() || !strings.Contains(view.message.Text, c.problem) {
				t.Errorf("message under the table = %q (visible %v), want it to name %q", view.message.Text, view.message.Visible(), c.problem)
			}
			if got := ed.report.Cell(c.key).String(); got != c.typed {
				t.Errorf("model keeps %q, want what was typed %q", got, c.typed)
			}
			if c.code != "" && !hasFinding(ed.Findings(), c.code, reports.CellLocation(ed.report.Tmpl(), c.key)) {
				t.Errorf("no %s finding at %s: %v", c.code, c.key, ed.Findings())
			}
			// Correcting it removes the mark.
			typeInto(en, "4")
			if en.Problem() != nil || view.message.Visible() {
				t.Errorf("mark stays after correcting: %v", en.Problem())
			}
		})
	}
}

func TestOverviewLengthIsCountedAndWarnedOverAThousand(t *testing.T) {
	r := reports.New(2024)
	ed, _ := newTestEditor(t, r)
	ed.Select(reports.SectionOverview)
	s := ed.screen(reports.SectionOverview).(*overviewScreen)
	text := s.parts.fields["overview.parts.0.text"]
	text.(*textEntry).SetText(strings.Repeat("公开", 300))
	if !strings.Contains(s.total.Text, "共 629 字") || s.total.Importance == widget.WarningImportance {
		t.Errorf("after 600 characters (and the titles) the count reads %q", s.total.Text)
	}
	s.parts.fields["overview.parts.1.text"].(*textEntry).SetText(strings.Repeat("依申请", 150))
	if !strings.Contains(s.total.Text, "超过 1000 字") || s.total.Importance != widget.WarningImportance {
		t.Errorf("over 1000 characters the count reads %q (importance %v)", s.total.Text, s.total.Importance)
	}
	if !hasFinding(ed.Findings(), reports.CodeOverviewLong, reports.Location{}) {
		t.Errorf("no %s finding: %v", reports.CodeOverviewLong, ed.Findings())
	}
	if _, warns := ed.Marks(reports.SectionOverview); warns == 0 {
		t.Errorf("一 has no warning mark")
	}
}

func TestPartsAreAddedMovedAndRemovedWithGeneratedNumbers(t *testing.T) {
	r := reports.New(2024)
	ed, _ := newTestEditor(t, r)
	ed.Select(reports.SectionImprovement)
	s := ed.screen(reports.SectionImprovement).(*improvementScreen)
	p := s.problems
	p.onAdd()
	p.onAdd()
	typeInto(p.fields["improvement.problems.0.title"], "公开内容不够全面")
	typeInto(p.fields["improvement.problems.1.title"], "平台更新不及时")
	p.onMove(1, -1)
	if got := []string{r.Improvement.Problems[0].Title, r.Improvement.Problems[1].Title}; got[0] != "平台更新不及时" || got[1] != "公开内容不够全面" {
		t.Errorf("after moving up: %v", got)
	}
	if got := numberLabels(p.box); strings.Join(got, " ") != "1. 2." {
		t.Errorf("numbers shown %v, want 1. 2.", got)
	}
	// An empty item is removed without asking.
	p.onAdd()
	p.onRemove(2)
	if len(r.Improvement.Problems) != 2 {
		t.Errorf("%d problems after removing the empty one, want 2", len(r.Improvement.Problems))
	}
}

// numberLabels are the generated item numbers shown by a parts editor.
func numberLabels(box *fyne.Container) []string {
	var out []string
	for _, item := range box.Objects {
		c, ok := item.(*fyne.Container)
		if !ok || len(c.Objects) == 0 {
			continue
		}
		head, ok := c.Objects[0].(*fyne.Container)
		if !ok {
			continue
		}
		for _, o := range head.Objects {
			if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

func TestClickingAFindingFocusesItsCellOrField(t *testing.T) {
	r := reports.Sample()
	r.Signing.Date = reports.Date{}
	ed, _ := newTestEditor(t, r)
	cases := []struct {
		name string
		loc  reports.Location
		want func() fyne.Focusable
	}{
		{"a cell of table 三", reports.Location{Table: reports.TableT3, Row: "open", Column: "business"}, func() fyne.Focusable {
			return cellEntryOf(t, ed, reports.Key(reports.TableT3, "open", "business"))
		}},
		{"a total focuses a typed cell of its column", reports.Location{Table: reports.TableT3, Row: reports.RowTotal, Column: "natural"}, func() fyne.Focusable {
			return cellEntryOf(t, ed, reports.Key(reports.TableT3, reports.RowNew, "natural"))
		}},
		{"a paragraph of 总体情况", reports.Location{Field: "overview.parts.2.text"}, func() fyne.Focusable {
			return ed.screen(reports.SectionOverview).(*overviewScreen).parts.fields["overview.parts.2.text"]
		}},
		{"the 落款 date", reports.Location{Field: "signing.date"}, func() fyne.Focusable {
			return ed.screen(PartSigning).(*signingScreen).date
		}},
		{"the list of problems leads to its first problem", reports.Location{Field: "improvement.problems"}, func() fyne.Focusable {
			return ed.screen(reports.SectionImprovement).(*improvementScreen).problems.fields["improvement.problems.0.text"]
		}},
		{"the whole 总体情况 leads to its first paragraph", reports.Location{Field: "overview.parts"}, func() fyne.Focusable {
			return ed.screen(reports.SectionOverview).(*overviewScreen).parts.fields["overview.parts.0.text"]
		}},
		{"the organ's name", reports.Location{Field: "organ.full_name"}, func() fyne.Focusable {
			return ed.screen(PartBasic).(*basicScreen).fields["organ.full_name"]
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !ed.Goto(c.loc) {
				t.Fatalf("Goto(%+v) found nothing", c.loc)
			}
			want := c.want()
			if ed.Focused() != want {
				t.Errorf("focused %T, want the field named by %+v", ed.Focused(), c.loc)
			}
			if got := ed.Current(); got != ed.partOf(c.loc) {
				t.Errorf("part shown %q, want %q", got, ed.partOf(c.loc))
			}
		})
	}
	// An empty list leads to the button that adds an item.
	empty, _ := newTestEditor(t, reports.New(2024))
	if !empty.Goto(reports.Location{Field: "improvement.problems"}) {
		t.Errorf("an empty list of problems leads nowhere")
	} else if b, ok := empty.Focused().(*widget.Button); !ok || b.Text != "添加问题" {
		t.Errorf("focused %T, want the 添加问题 button", empty.Focused())
	}
	// The real findings of the sample point somewhere that exists.
	for _, f := range ed.Findings() {
		if !ed.Goto(f.Location) {
			t.Errorf("finding %s at %+v leads nowhere", f.Code, f.Location)
		}
	}
}

func TestNavigationListsEveryPartOfTheTemplate(t *testing.T) {
	for _, year := range []int{2020, 2024} {
		ed, _ := newTestEditor(t, reports.New(year))
		keys, titles := ed.Parts()
		t.Logf("%d: %v", year, titles)
		want := 2 + len(ed.report.Tmpl().Sections)
		if len(keys) != want || keys[0] != PartBasic || keys[len(keys)-1] != PartSigning {
			t.Errorf("%d: parts %v", year, keys)
		}
		for i, s := range ed.report.Tmpl().Sections {
			if titles[i+1] != s.Title() {
				t.Errorf("%d: part %d titled %q, want %q", year, i+1, titles[i+1], s.Title())
			}
		}
		for _, k := range keys {
			ed.Select(k)
			if ed.Current() != k {
				t.Errorf("%d: selecting %s shows %s", year, k, ed.Current())
			}
		}
	}
}

func TestNavigationTitlesAndFindingsAreShownWholeAt1280(t *testing.T) {
	for _, year := range []int{2020, 2024} {
		r := reports.Sample()
		if year == 2020 {
			r = reports.New(year) // the 2019 format's titles
		}
		ed, w := newTestEditor(t, r)
		ed.Select(reports.SectionRequests)
		// A long finding that needs two lines in the panel.
		long := reports.Finding{Severity: reports.Warning, Code: "TEST", Message: strings.Repeat("这是一条很长的检查结果，", 12)}
		ed.panel.set(append([]reports.Finding{long}, ed.Findings()...))
		var navs, wrapped int
		for _, o := range test.LaidOutObjects(w.Content()) {
			switch o := o.(type) {
			case *navItem:
				navs++
				text := o.title.Text
				need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
				if got := o.title.Size().Width; got < need {
					t.Errorf("%d: navigation title %q is %.0f wide, needs %.0f: cut off", year, text, got, need)
				}
			case *widget.Label:
				if o.Wrapping != fyne.TextWrapBreak || !strings.Contains(o.Text, "很长的检查结果") {
					continue
				}
				wrapped++
				if o.Size().Height < o.MinSize().Height {
					t.Errorf("%d: the long finding is %.0f high, needs %.0f: cut off", year, o.Size().Height, o.MinSize().Height)
				}
			}
		}
		if navs < 8 || wrapped != 1 {
			t.Errorf("%d: saw %d navigation items and %d long findings, want ≥ 8 and 1", year, navs, wrapped)
		}
		// No part, tables included, needs scrolling sideways at 1280.
		keys, _ := ed.Parts()
		for _, k := range keys {
			ed.Select(k)
			for _, o := range test.LaidOutObjects(w.Content()) {
				sc, ok := o.(*container.Scroll)
				if !ok || !sc.Visible() || sc.Content == nil {
					continue
				}
				if need, got := sc.Content.MinSize().Width, sc.Size().Width; need > got {
					t.Errorf("%d: part %s is %.0f wide in a %.0f wide view: scrolls sideways", year, k, need, got)
				}
			}
		}
	}
}

func TestShowingEveryPartChangesNothing(t *testing.T) {
	for _, r := range []*reports.Report{reports.Sample(), reports.New(2020), reports.NextYear(reports.Sample(), 2024)} {
		before, _ := reports.Marshal(r)
		ed, _ := newTestEditor(t, r)
		edits := 0
		ed.OnChanged = func() { edits++ }
		keys, _ := ed.Parts()
		for _, k := range keys {
			ed.Select(k)
		}
		after, _ := reports.Marshal(ed.Report())
		if edits != 0 || string(before) != string(after) {
			t.Errorf("%s: showing the parts made %d edits; report changed: %v", r.Title(), edits, string(before) != string(after))
		}
	}
}

func TestStartingFromLastYearShowsLastYearsTextBeside(t *testing.T) {
	prev := reports.Sample()
	r := reports.NextYear(prev, 2024)
	ed, _ := newTestEditor(t, r)
	ed.Select(reports.SectionOverview)
	s := ed.screen(reports.SectionOverview).(*overviewScreen)
	found := false
	walk(t, s.scroll.Content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == prev.Overview.Parts[0].Text {
			found = true
		}
	})
	if !found {
		t.Errorf("last year's first paragraph is not shown beside the editor")
	}
	if got := r.Cell(reports.Key(reports.TableT3, reports.RowCarry, "natural")); got.String() != prev.Display(prev.Tmpl().Table(reports.TableT3), prev.Tmpl().Table(reports.TableT3).RowIndex(reports.RowNext), 0) {
		t.Errorf("上年结转 = %v", got)
	}
}

func walk(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(t, c, f)
		}
	case fyne.Widget:
		if r := test.TempWidgetRenderer(t, v); r != nil {
			for _, c := range r.Objects() {
				walk(t, c, f)
			}
		}
	}
}

func TestChangingTheYearToAnotherTemplateOffersToConvert(t *testing.T) {
	r := reports.New(2021)
	ed, _ := newTestEditor(t, r)
	s := ed.screen(PartBasic).(*basicScreen)
	typeInto(s.fields["year"], "２０２０")
	if r.Year != 2020 {
		t.Fatalf("year = %d after typing full-width ２０２０", r.Year)
	}
	if !s.convert.Visible() || !strings.Contains(s.convert.Text, "2019") {
		t.Fatalf("convert button %q visible=%v", s.convert.Text, s.convert.Visible())
	}
	s.onConvert() // all cells are 0: nothing to lose, no question
	if r.Template != reports.V2019 {
		t.Errorf("template %s after converting", r.Template)
	}
	if !r.Tmpl().IsInput(reports.Key("t2_9", "procurement", "amount")) || r.Cell(reports.Key("t2_9", "procurement", "amount")).String() != "0" {
		t.Errorf("2019 cells not set up")
	}
}

// BenchmarkMainWindowSample builds the main window's editor with the sample
// and shows table 三, the largest form; bench/gui.sh compares it with the
// same for a blank report and with the 1 s time-to-window budget.
func BenchmarkMainWindowSample(b *testing.B) { benchmarkMainWindow(b, reports.Sample()) }

// BenchmarkMainWindowBlank is the same with a blank report.
func BenchmarkMainWindowBlank(b *testing.B) { benchmarkMainWindow(b, reports.New(2024)) }

func benchmarkMainWindow(b *testing.B, r *reports.Report) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme())
	for b.Loop() {
		w := a.NewWindow("bench")
		ed := NewEditor(w, r.Clone(), checkAll)
		w.SetContent(ed.Object())
		w.Resize(fyne.NewSize(1280, 800))
		for _, k := range []string{reports.SectionRequests} {
			ed.Select(k)
		}
		w.Close()
	}
}
