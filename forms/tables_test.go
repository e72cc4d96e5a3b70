package forms

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"nianbao/reports"
)

// filled is a report whose typed cells of table 三 hold 9, of 二 and 四 4.
func filled() *reports.Report {
	r := reports.New(2024)
	t := r.Tmpl()
	for _, tb := range t.Tables {
		for ri := range tb.Rows {
			for ci := range tb.Columns {
				if tb.IsComputed(ri, ci) {
					continue
				}
				v := int64(4)
				if tb.Key == reports.TableT3 {
					v = 9
				}
				r.SetCell(tb.CellKey(ri, ci), reports.Num(v))
			}
		}
	}
	return r
}

// typeFocused types s into the focused widget, as the window does.
func typeFocused(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

// focusName names the focused widget: a cell's key, or its type.
func focusName(w fyne.Window) string {
	if en, ok := w.Canvas().Focused().(*cellEntry); ok {
		return string(en.key)
	}
	return fmt.Sprintf("%T", w.Canvas().Focused())
}

func t3(row, col string) reports.CellKey { return reports.Key(reports.TableT3, row, col) }

// shiftEnter presses Shift+Enter in a cell as the window delivers it.
func shiftEnter(en *cellEntry) {
	en.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	en.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestACellReachedAnyWaySelectsItsNumberSoTypingReplacesIt(t *testing.T) {
	cases := []struct {
		name string
		from reports.CellKey
		move func(c fyne.Canvas, en *cellEntry)
		want reports.CellKey // the cell that must end up holding 5
	}{
		{"Tab", t3(reports.RowNew, "natural"), func(c fyne.Canvas, _ *cellEntry) { c.FocusNext() }, t3(reports.RowNew, "business")},
		{"Shift+Tab", t3(reports.RowNew, "business"), func(c fyne.Canvas, _ *cellEntry) { c.FocusPrevious() }, t3(reports.RowNew, "natural")},
		{"Enter", t3(reports.RowNew, "business"), func(_ fyne.Canvas, en *cellEntry) { en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }, t3(reports.RowCarry, "business")},
		{"Shift+Enter", t3(reports.RowCarry, "business"), func(_ fyne.Canvas, en *cellEntry) { shiftEnter(en) }, t3(reports.RowNew, "business")},
		{"Down", t3(reports.RowNew, "research"), func(_ fyne.Canvas, en *cellEntry) { en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }, t3(reports.RowCarry, "research")},
		{"Up", t3("open", "research"), func(_ fyne.Canvas, en *cellEntry) { en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }, t3(reports.RowCarry, "research")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ed, w := newTestEditor(t, filled())
			from := cellEntryOf(t, ed, c.from)
			w.Canvas().Focus(from)
			c.move(w.Canvas(), from)
			want := cellEntryOf(t, ed, c.want)
			if w.Canvas().Focused() != want {
				t.Fatalf("focus on %T, want the cell %s", w.Canvas().Focused(), c.want)
			}
			if got := want.SelectedText(); got != "9" {
				t.Errorf("selected %q on arriving, want the whole 9", got)
			}
			typeFocused(w, "5")
			if got := ed.report.Cell(c.want).String(); got != "5" {
				t.Errorf("typing 5 into 9 gives %q, want 5", got)
			}
		})
	}
	t.Run("a click", func(t *testing.T) {
		ed, w := newTestEditor(t, filled())
		en := cellEntryOf(t, ed, t3("open", "charity"))
		en.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, PointEvent: fyne.PointEvent{Position: fyne.NewPos(30, 10)}})
		en.MouseUp(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, PointEvent: fyne.PointEvent{Position: fyne.NewPos(30, 10)}})
		if w.Canvas().Focused() != en {
			t.Fatalf("the click did not focus the cell")
		}
		typeFocused(w, "5")
		if got := ed.report.Cell(t3("open", "charity")).String(); got != "5" {
			t.Errorf("clicking into 9 and typing 5 gives %q, want 5", got)
		}
		// A second click into the cell being edited places the cursor.
		en.MouseDown(&desktop.MouseEvent{Button: desktop.MouseButtonPrimary, PointEvent: fyne.PointEvent{Position: fyne.NewPos(60, 10)}})
		typeFocused(w, "0")
		if got := ed.report.Cell(t3("open", "charity")).String(); got != "50" {
			t.Errorf("typing at the cursor of a cell being edited gives %q, want 50", got)
		}
	})
}

func TestTabAndEnterMoveThroughEveryTable(t *testing.T) {
	cases := []struct {
		name string
		from reports.CellKey
		keys string // t: Tab, T: Shift+Tab, e: Enter, E: Shift+Enter, d: Down, u: Up
		want reports.CellKey
	}{
		{"Tab passes the computed 总计 and wraps to the next row", t3(reports.RowNew, "other"), "t", t3(reports.RowCarry, "natural")},
		{"Shift+Tab wraps back to the row above", t3(reports.RowCarry, "natural"), "T", t3(reports.RowNew, "other")},
		{"Enter skips the computed （七）总计", t3("other3", "lawfirm"), "e", t3(reports.RowNext, "lawfirm")},
		{"Shift+Enter skips it upwards", t3(reports.RowNext, "lawfirm"), "E", t3("other3", "lawfirm")},
		{"Enter at the last row stays", t3(reports.RowNext, "natural"), "e", t3(reports.RowNext, "natural")},
		{"Up at the first row stays", t3(reports.RowNew, "natural"), "u", t3(reports.RowNew, "natural")},
		{"二: Enter goes down to 行政规范性文件", reports.Key("t2_1", "rules", "made"), "e", reports.Key("t2_1", "norms", "made")},
		{"二: Tab goes right", reports.Key("t2_1", "rules", "made"), "t", reports.Key("t2_1", "rules", "repealed")},
		{"二: Shift+Enter goes up", reports.Key("t2_6", "coercion", "decisions"), "E", reports.Key("t2_6", "penalty", "decisions")},
		{"四: Tab passes the group's 总计", reports.Key(reports.TableT4, reports.RowT4Cases, "review_pending"), "t", reports.Key(reports.TableT4, reports.RowT4Cases, "direct_upheld")},
		{"四: Shift+Tab goes left", reports.Key(reports.TableT4, reports.RowT4Cases, "review_corrected"), "T", reports.Key(reports.TableT4, reports.RowT4Cases, "review_upheld")},
		{"three Enters and a Tab", t3(reports.RowNew, "natural"), "eeet", t3("partial", "business")},
	}
	ed, w := newTestEditor(t, filled()) // nothing is typed: one editor serves all
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w.Canvas().Focus(cellEntryOf(t, ed, c.from))
			for _, k := range c.keys {
				en := w.Canvas().Focused().(*cellEntry)
				switch k {
				case 't':
					w.Canvas().FocusNext()
				case 'T':
					w.Canvas().FocusPrevious()
				case 'e':
					en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				case 'E':
					shiftEnter(en)
				case 'd':
					en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
				case 'u':
					en.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
				}
			}
			if got, _ := w.Canvas().Focused().(*cellEntry); got == nil || got.key != c.want {
				t.Errorf("focus on %s, want %s", focusName(w), c.want)
			}
		})
	}
}

// viewRect is obj's top and bottom, left and right in the view of sc.
func viewRect(sc fyne.CanvasObject, obj fyne.CanvasObject) (top, bottom, left, right float32) {
	d := fyne.CurrentApp().Driver()
	p := d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(sc))
	return p.Y, p.Y + obj.Size().Height, p.X, p.X + obj.Size().Width
}

func TestTheFocusedCellIsScrolledWhollyIntoViewBelowTheFrozenHeader(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 700}, {Width: 900, Height: 560}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			ed, w := newTestEditor(t, filled())
			w.Resize(size)
			ed.ShowPart(3)
			s := ed.screen(reports.SectionRequests).(*tablesScreen)
			v := s.views[0]
			view := s.layer.Size()
			check := func(step string) {
				en := w.Canvas().Focused().(*cellEntry)
				top, bottom, left, right := viewRect(s.scroll, en)
				if top < v.panes.headerH && s.scroll.Offset.Y > 0 || bottom > view.Height || left < 0 || right > view.Width {
					t.Errorf("%s: cell %s at y %v–%v x %v–%v, outside the view %v below the header (%v)", step, en.key, top, bottom, left, right, view, v.panes.headerH)
				}
			}
			// Down the 自然人 column to 四、结转下年度继续办理, twenty-eight Enters.
			for i := 0; i < 28; i++ {
				w.Canvas().Focused().(*cellEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				check("Enter")
			}
			if got := w.Canvas().Focused().(*cellEntry).key; got != t3(reports.RowNext, "natural") {
				t.Fatalf("28 Enters end on %s", got)
			}
			// Along the last row to the right and back up with Shift+Enter.
			for i := 0; i < 5; i++ {
				w.Canvas().FocusNext()
				check("Tab")
			}
			for i := 0; i < 27; i++ {
				shiftEnter(w.Canvas().Focused().(*cellEntry))
				check("Shift+Enter")
			}
			en := w.Canvas().Focused().(*cellEntry)
			if en.key != t3(reports.RowNew, "other") {
				t.Fatalf("back up the column ends on %s, want 一、本年新收 · 其他", en.key)
			}
			if top, _, _, _ := viewRect(s.scroll, en); top < v.panes.headerH {
				t.Errorf("the first row's cell is at y %v, under the header (%v high)", top, v.panes.headerH)
			}
		})
	}
}

func TestFrozenHeaderAndLabelsStayWhileTheNumbersScroll(t *testing.T) {
	ed, w := newTestEditor(t, filled())
	w.Resize(fyne.NewSize(900, 560)) // narrower than table 三: it scrolls sideways too
	ed.ShowPart(3)
	s := ed.screen(reports.SectionRequests).(*tablesScreen)
	p := s.views[0].panes
	if p.header.Visible() || p.labels.Visible() {
		t.Fatalf("frozen panes shown before scrolling")
	}
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -700)})
	if s.scroll.Offset.Y == 0 {
		t.Fatalf("the page did not scroll")
	}
	top, _, left, _ := viewRect(s.scroll, p.header)
	if !p.header.Visible() || top != 0 {
		t.Errorf("header copy visible %v at y %v, want at the top of the view", p.header.Visible(), top)
	}
	// The header copy lies over the table's columns.
	_, _, gridLeft, _ := viewRect(s.scroll, p.obj)
	if left != gridLeft {
		t.Errorf("header copy at x %v, table at %v", left, gridLeft)
	}
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-300, 0)})
	if s.scroll.Offset.X == 0 {
		t.Fatalf("the page did not scroll sideways")
	}
	_, _, left, _ = viewRect(s.scroll, p.labels)
	if !p.labels.Visible() || left != 0 {
		t.Errorf("label copy visible %v at x %v, want at the left of the view", p.labels.Visible(), left)
	}
	ctop, _, cleft, _ := viewRect(s.scroll, p.corner)
	if !p.corner.Visible() || ctop != 0 || cleft != 0 {
		t.Errorf("corner visible %v at %v,%v, want at the top left", p.corner.Visible(), cleft, ctop)
	}
	// Scrolling further keeps them where they are.
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-40, -200)})
	top, _, _, _ = viewRect(s.scroll, p.header)
	_, _, left, _ = viewRect(s.scroll, p.labels)
	if top != 0 || left != 0 {
		t.Errorf("after more scrolling the header is at y %v and the labels at x %v", top, left)
	}
	// Back at the top, the table's own header shows and the copy goes.
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(1000, 2000)})
	if p.header.Visible() || p.labels.Visible() || p.corner.Visible() {
		t.Errorf("frozen panes still shown at the top left of the page")
	}
}

func TestTablesOfEveryPartHaveFrozenHeaders(t *testing.T) {
	ed, w := newTestEditor(t, filled())
	w.Resize(fyne.NewSize(900, 400))
	tm := ed.report.Tmpl()
	for _, table := range []string{"t2_1", reports.TableT3, reports.TableT4} {
		sec := tm.Table(table).Section
		ed.Select(sec)
		s := ed.screen(sec).(*tablesScreen)
		for _, v := range s.views {
			if v.panes.header == nil {
				t.Errorf("table %s has no frozen header", v.tb.Key)
			}
			if v.tb.LabelColumns > 0 && v.panes.labels == nil {
				t.Errorf("table %s has no frozen labels", v.tb.Key)
			}
		}
		// Scrolled down, the header of the table under the top shows.
		s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -250)})
		shown := 0
		for _, v := range s.views {
			if v.panes.header.Visible() {
				shown++
				if top, _, _, _ := viewRect(s.scroll, v.panes.header); top != 0 {
					t.Errorf("table %s: header copy at y %v", v.tb.Key, top)
				}
			}
		}
		if s.scroll.Offset.Y > 0 && shown > 1 {
			t.Errorf("%d header copies shown at once in %s", shown, sec)
		}
	}
}

func TestTheWheelOverACellScrollsThePage(t *testing.T) {
	ed, w := newTestEditor(t, filled())
	w.Resize(fyne.NewSize(1366, 700))
	ed.ShowPart(3)
	s := ed.screen(reports.SectionRequests).(*tablesScreen)
	en := cellEntryOf(t, ed, t3("open", "natural"))
	if en.Scroll != container.ScrollNone || en.Wrapping != fyne.TextWrapOff {
		t.Errorf("a cell keeps its own scroller, which would take the wheel")
	}
	// The router lies over the whole part and hands the wheel to the page.
	frame := ed.frames[reports.SectionRequests].(*fyne.Container)
	router, ok := frame.Objects[len(frame.Objects)-1].(*wheelRouter)
	if !ok {
		t.Fatalf("no wheel router on top of the part")
	}
	if router.Size() != frame.Size() {
		t.Errorf("router %v does not cover the part %v", router.Size(), frame.Size())
	}
	router.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if s.scroll.Offset.Y != 120 {
		t.Errorf("page offset %v after the wheel, want 120", s.scroll.Offset.Y)
	}
	if _, ok := frame.Objects[0].(*focusKeeper); !ok {
		t.Errorf("no focus keeper under the part (a click on the scroll bar would drop the focus)")
	}
}

func TestAFailedIdentityMarksItsCellsUntilItBalances(t *testing.T) {
	ed, w := newTestEditor(t, reports.New(2024))
	w.Resize(fyne.NewSize(1366, 700))
	typeInto(cellEntryOf(t, ed, t3(reports.RowNew, "natural")), "5")
	for _, k := range []reports.CellKey{t3(reports.RowNew, "natural"), t3(reports.RowCarry, "natural"), t3(reports.RowTotal, "natural"), t3(reports.RowNext, "natural")} {
		marked, tip := ed.marked(k)
		if !marked || !strings.Contains(tip, "「自然人」列") {
			t.Errorf("%s marked %v with tip %q, want the identity's message", k, marked, tip)
		}
	}
	for _, k := range []reports.CellKey{t3(reports.RowNew, "business"), t3("open", "natural"), t3(reports.RowNew, reports.ColTotal)} {
		if marked, _ := ed.marked(k); marked {
			t.Errorf("%s marked though no finding names it", k)
		}
	}
	// The tooltip shows over the cell.
	s := ed.screen(reports.SectionRequests).(*tablesScreen)
	en := cellEntryOf(t, ed, t3(reports.RowCarry, "natural"))
	en.MouseIn(&desktop.MouseEvent{})
	if !strings.Contains(s.layer.tipShown(), "不等于") {
		t.Errorf("tooltip %q, want the finding's message", s.layer.tipShown())
	}
	en.MouseOut()
	if s.layer.tipShown() != "" {
		t.Errorf("tooltip stays after the pointer left")
	}
	// Answering the request balances the column: the marks go.
	typeInto(cellEntryOf(t, ed, t3("open", "natural")), "5")
	for _, k := range []reports.CellKey{t3(reports.RowNew, "natural"), t3(reports.RowTotal, "natural"), t3(reports.RowNext, "natural")} {
		if marked, tip := ed.marked(k); marked || tip != "" {
			t.Errorf("%s still marked (%q) after the column balances", k, tip)
		}
	}
}

func TestAPrintedTotalThatDisagreesMarksTheTotalAndItsRow(t *testing.T) {
	r := reports.New(2024)
	r.Declared = map[reports.CellKey]reports.Cell{t3(reports.RowNew, reports.ColTotal): reports.Num(3)}
	ed, _ := newTestEditor(t, r)
	for _, col := range []string{"natural", "business", "research", "charity", "lawfirm", "other", reports.ColTotal} {
		if marked, tip := ed.marked(t3(reports.RowNew, col)); !marked || !strings.Contains(tip, "原文中") {
			t.Errorf("%s of row 一 marked %v (%q)", col, marked, tip)
		}
	}
	if marked, _ := ed.marked(t3(reports.RowCarry, "natural")); marked {
		t.Errorf("a cell of another row is marked")
	}
}

func TestClickingAnIdentityFindingFocusesItsFirstCellTheSameWayEveryTime(t *testing.T) {
	r := reports.New(2024)
	r.SetCell(t3(reports.RowNext, "lawfirm"), reports.Num(1))
	ed, w := newTestEditor(t, r)
	w.Resize(fyne.NewSize(1366, 700))
	var f reports.Finding
	for _, g := range ed.Findings() {
		if g.Code == reports.CodeT3Balance {
			f = g
		}
	}
	if f.Code == "" {
		t.Fatalf("no identity finding: %v", ed.Findings())
	}
	s := ed.screen(reports.SectionRequests).(*tablesScreen)
	var offsets []fyne.Position
	for i, start := range []string{PartBasic, reports.SectionRequests, PartSigning} {
		ed.Select(start)
		if start == reports.SectionRequests {
			s.scroll.ScrollToBottom()
		}
		if !ed.Goto(f.Location) {
			t.Fatalf("Goto found nothing")
		}
		en, ok := w.Canvas().Focused().(*cellEntry)
		if !ok || en.key != t3(reports.RowNew, "lawfirm") {
			t.Fatalf("click %d focused %s, want 一、本年新收 · 法律服务机构", i, focusName(w))
		}
		top, bottom, _, _ := viewRect(s.scroll, en)
		if top < 0 || bottom > s.layer.Size().Height {
			t.Errorf("click %d: the cell is at %v–%v, outside the view", i, top, bottom)
		}
		offsets = append(offsets, s.scroll.Offset)
	}
	for _, o := range offsets[1:] {
		if o != offsets[0] {
			t.Errorf("scroll positions differ from click to click: %v", offsets)
		}
	}
}

func TestCtrlNumberShowsAPartAndFocusesItsFirstField(t *testing.T) {
	ed, w := newTestEditor(t, filled())
	ed.ShowPart(3)
	if ed.Current() != reports.SectionRequests {
		t.Fatalf("part 4 is %q, want 三", ed.Current())
	}
	if en, ok := w.Canvas().Focused().(*cellEntry); !ok || en.key != t3(reports.RowNew, "natural") {
		t.Errorf("focus on %s, want 一、本年新收 · 自然人", focusName(w))
	}
	ed.ShowPart(4)
	if en, ok := w.Canvas().Focused().(*cellEntry); !ok || en.key != reports.Key(reports.TableT4, reports.RowT4Cases, "review_upheld") {
		t.Errorf("focus on %s, want table 四's first cell", focusName(w))
	}
	ed.ShowPart(0)
	if w.Canvas().Focused() != ed.screen(PartBasic).(*basicScreen).fields["year"] {
		t.Errorf("focus on %T, want the year of 基本信息", w.Canvas().Focused())
	}
	// A click in the list does the same.
	ed.nav.Select(2)
	if en, ok := w.Canvas().Focused().(*cellEntry); !ok || en.key != reports.Key("t2_1", "rules", "made") {
		t.Errorf("a click on 二 focused %s, want its first cell", focusName(w))
	}
}

func TestTypingIntoACellScrolledAwayBringsItBack(t *testing.T) {
	ed, w := newTestEditor(t, filled())
	w.Resize(fyne.NewSize(1366, 600))
	ed.ShowPart(3)
	s := ed.screen(reports.SectionRequests).(*tablesScreen)
	en := w.Canvas().Focused().(*cellEntry)
	// A click on the scroll bar's track scrolls a page; the focus stays.
	s.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -800)})
	if _, bottom, _, _ := viewRect(s.scroll, en); bottom > 0 {
		t.Fatalf("the cell is still in view after scrolling away")
	}
	typeFocused(w, "5")
	if top, bottom, _, _ := viewRect(s.scroll, en); top < 0 || bottom > s.layer.Size().Height {
		t.Errorf("typing left the cell at %v–%v, outside the view", top, bottom)
	}
	if got := ed.report.Cell(en.key).String(); got != "5" {
		t.Errorf("cell holds %q, want 5", got)
	}
}

// marked reports whether the cell is framed as named by a finding, and the
// tooltip it shows, for the tests.
func (e *Editor) marked(k reports.CellKey) (bool, string) {
	tk, _, _ := k.Split()
	tb := e.report.Tmpl().Table(tk)
	if tb == nil {
		return false, ""
	}
	s := e.screen(tb.Section).(*tablesScreen)
	for _, v := range s.views {
		if f, ok := v.flags[k]; ok {
			return f.StrokeColor == errColor, v.tips[k]
		}
	}
	return false, ""
}

// tipShown is the tooltip's text, or "" when none shows.
func (l *stickyLayer) tipShown() string {
	if !l.tip.Visible() {
		return ""
	}
	return l.label.Text
}
