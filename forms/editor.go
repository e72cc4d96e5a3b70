// Package forms holds the screens of nianbao's desktop app: one form for
// each part of the report (基本信息, 一 … 六, 落款), the navigation list with
// a mark on every part that has findings, and the findings panel. Every
// screen edits a *reports.Report in place; totals, checks and templates come
// from package reports. The package uses Fyne widgets only (no driver), so
// its tests run with Fyne's test driver and no display.
package forms

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
)

// Part keys of the navigation list besides the section keys of the
// template: the report's own (reports.PartBasic, reports.PartSigning).
const (
	PartBasic   = reports.PartBasic   // 基本信息
	PartSigning = reports.PartSigning // 落款与打印
)

// CheckFunc runs the report's checks (reports.Check with no previous report).
type CheckFunc func(r *reports.Report) []reports.Finding

// checkDelay is how long the editor waits after the last keystroke before
// it runs the checks again.
const checkDelay = 150 * time.Millisecond

// screen is one part's form.
type screen interface {
	// object is the form, inside its own scroll container.
	object() fyne.CanvasObject
	// focus moves the keyboard focus to what loc names and reports whether
	// it found it.
	focus(loc reports.Location) bool
}

// Widths of the navigation list: a fifth of the window, at least enough
// for the longest title with its marks (see navFit), at most navMaxWidth.
const (
	navMinWidth = 250
	navMaxWidth = 390
)

// sideLayout places the navigation list, a separator and the detail side
// by side, the list taking a fifth of the width within its bounds.
type sideLayout struct {
	// fit is the width the longest title needs (0: navMinWidth).
	fit float32
}

func (l *sideLayout) navWidth(w float32) float32 {
	return min(max(w/5, navMinWidth, l.fit), navMaxWidth)
}

// Layout places the list, the separator and the detail.
func (l *sideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	nw := l.navWidth(size.Width)
	sep := objs[1].MinSize().Width
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(nw, size.Height))
	objs[1].Move(fyne.NewPos(nw, 0))
	objs[1].Resize(fyne.NewSize(sep, size.Height))
	objs[2].Move(fyne.NewPos(nw+sep, 0))
	objs[2].Resize(fyne.NewSize(size.Width-nw-sep, size.Height))
}

// MinSize is the narrowest list beside the detail.
func (l *sideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	d := objs[2].MinSize()
	return fyne.NewSize(l.navWidth(0)+objs[1].MinSize().Width+d.Width, max(objs[0].MinSize().Height, d.Height))
}

// navFit is the width the navigation list needs to show every title whole
// beside one-digit marks ("●1 ▲2"; more errors than that may cut a title).
func navFit(parts []navPart) float32 {
	size := theme.TextSize()
	var widest float32
	for _, p := range parts {
		widest = max(widest, fyne.MeasureText(p.title, size, fyne.TextStyle{}).Width)
	}
	marks := fyne.MeasureText("●1▲2", size, fyne.TextStyle{}).Width
	return widest + marks + 2*theme.InnerPadding() + 5*theme.Padding()
}

// navPart is one entry of the navigation list.
type navPart struct {
	key, title string
}

// Editor edits one report: the navigation list of its parts on the left,
// the selected part's form on the right, the findings below.
type Editor struct {
	win    fyne.Window
	report *reports.Report
	check  CheckFunc
	// OnChanged is called after every edit the user makes.
	OnChanged func()
	// FontStatus, when set, says which official fonts this computer has
	// (shown on the 落款与打印 form).
	FontStatus func() string
	// OnSelected is called when another part is shown.
	OnSelected func(key string)

	parts    []navPart
	screens  map[string]screen
	current  int
	nav      *navList
	detail   *fyne.Container
	panel    *findingsPanel
	findings []reports.Finding
	counts   map[string][2]int // part key → errors, warnings
	timer    *time.Timer
	// delay is how long checks wait after an edit; 0 runs them at once.
	delay time.Duration
	side  *sideLayout
	root  fyne.CanvasObject
	split *container.Split
	// frames hold each part's form over its focus keeper and under its
	// wheel router (see frozen.go).
	frames    map[string]fyne.CanvasObject
	lastFocus fyne.Focusable
	// lastCursor is the cursor of the focused multi-line entry last kept
	// in view (runes into its text).
	lastCursor int
	watch      *fyne.Animation
	// selecting is set while the program selects a part in the list (a
	// finding's part, Ctrl+1 …): the list then focuses no field itself.
	selecting bool
}

// NewEditor builds the editor for r in win; check is run after each edit.
func NewEditor(win fyne.Window, r *reports.Report, check CheckFunc) *Editor {
	e := &Editor{win: win, check: check, counts: map[string][2]int{}, delay: checkDelay}
	e.detail = container.NewStack()
	e.panel = newFindingsPanel(e)
	e.nav = newNavList(e)
	e.nav.OnSelected = func(id widget.ListItemID) {
		if id != e.current && !e.selecting {
			e.onPartSelected(id)
			e.focusFirst()
		}
		e.nav.Refresh() // the focus frame follows the part shown
	}
	e.split = container.NewVSplit(e.detail, e.panel.object())
	e.split.Offset = DefaultSplitOffset
	e.side = &sideLayout{}
	e.root = container.New(e.side, e.nav, widget.NewSeparator(), e.split)
	e.SetReport(r)
	return e
}

// Object is the editor's whole area, to be put in the window.
func (e *Editor) Object() fyne.CanvasObject { return e.root }

// Report is the report being edited.
func (e *Editor) Report() *reports.Report { return e.report }

// SetReport shows another report (after 新建 or 打开), on its first part.
func (e *Editor) SetReport(r *reports.Report) {
	e.report = r
	e.parts = []navPart{{PartBasic, "基本信息"}}
	for _, s := range r.Tmpl().Sections {
		e.parts = append(e.parts, navPart{s.Key, s.Title()})
	}
	e.parts = append(e.parts, navPart{PartSigning, "落款与打印"})
	e.side.fit = navFit(e.parts)
	e.screens = map[string]screen{}
	e.frames = map[string]fyne.CanvasObject{}
	e.current = -1
	e.root.Refresh()
	e.nav.Refresh()
	e.selectItem(0)
	e.onPartSelected(0)
	e.CheckNow()
}

// rebuild throws the forms away and shows the current part again (after a
// change of template).
func (e *Editor) rebuild() {
	cur := e.current
	e.screens = map[string]screen{}
	e.frames = map[string]fyne.CanvasObject{}
	e.current = -1
	e.onPartSelected(max(cur, 0))
}

// Parts lists the navigation entries as shown: key and title.
func (e *Editor) Parts() (keys, titles []string) {
	for _, p := range e.parts {
		keys = append(keys, p.key)
		titles = append(titles, p.title)
	}
	return keys, titles
}

// Current is the key of the part shown.
func (e *Editor) Current() string {
	if e.current < 0 {
		return ""
	}
	return e.parts[e.current].key
}

// Select shows the part with key.
func (e *Editor) Select(key string) {
	for i, p := range e.parts {
		if p.key == key {
			e.selectItem(i)
			e.onPartSelected(i)
			return
		}
	}
}

// selectItem marks item i of the navigation list as selected.
func (e *Editor) selectItem(i int) {
	e.selecting = true
	defer func() { e.selecting = false }()
	e.nav.Select(i)
}

func (e *Editor) onPartSelected(id int) {
	if id == e.current || id < 0 || id >= len(e.parts) {
		return
	}
	e.current = id
	e.detail.Objects = []fyne.CanvasObject{e.frame(e.parts[id].key)}
	e.detail.Refresh()
	if e.OnSelected != nil {
		e.OnSelected(e.parts[id].key)
	}
}

// frame is a part's form over a focus keeper and under a wheel router, so
// that a click on its scroll bar keeps the focus and the wheel scrolls it
// wherever the pointer is.
func (e *Editor) frame(key string) fyne.CanvasObject {
	if f, ok := e.frames[key]; ok {
		return f
	}
	s := e.screen(key)
	objs := []fyne.CanvasObject{newFocusKeeper(), s.object()}
	if sc := pageOf(s); sc != nil {
		objs = append(objs, newWheelRouter(sc))
	}
	f := container.NewStack(objs...)
	e.frames[key] = f
	return f
}

// ShowPart shows the n-th part of the navigation list (0 for 基本信息) and
// focuses its first field, as Ctrl+1 … Ctrl+8 do.
func (e *Editor) ShowPart(n int) {
	if n < 0 || n >= len(e.parts) {
		return
	}
	e.selectItem(n)
	e.onPartSelected(n)
	e.focusFirst()
}

// focusFirst focuses the first field of the part shown and scrolls the
// part to its top.
func (e *Editor) focusFirst() {
	if e.current < 0 {
		return
	}
	s := e.screen(e.parts[e.current].key)
	if sc := pageOf(s); sc != nil {
		sc.ScrollToTop()
	}
	f := firstFocusable(s.object(), true)
	if f == nil {
		f = firstFocusable(s.object(), false)
	}
	if f != nil {
		e.win.Canvas().Focus(f)
		e.lastFocus = f
	}
}

// firstFocusable is the first enabled, visible field in obj, in the order
// Tab visits them; with typed, the first that text is typed into (the
// year, a title, a cell), not a choice or a button.
func firstFocusable(obj fyne.CanvasObject, typed bool) fyne.Focusable {
	if obj == nil || !obj.Visible() {
		return nil
	}
	if f, ok := obj.(fyne.Focusable); ok {
		_, text := obj.(cursorEntry)
		if d, ok := obj.(fyne.Disableable); (!ok || !d.Disabled()) && (text || !typed) {
			return f
		}
	}
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			if f := firstFocusable(c, typed); f != nil {
				return f
			}
		}
	case *container.Scroll:
		return firstFocusable(o.Content, typed)
	case *widget.Form:
		for _, it := range o.Items {
			if f := firstFocusable(it.Widget, typed); f != nil {
				return f
			}
		}
	case *widget.Card:
		return firstFocusable(o.Content, typed)
	}
	return nil
}

// DefaultSplitOffset is the share of the height the form takes above the
// findings.
const DefaultSplitOffset = 0.78

// SplitOffset is the share of the height the form takes above the findings
// panel, to be remembered.
func (e *Editor) SplitOffset() float64 { return e.split.Offset }

// SetSplitOffset sets the share of the height the form takes above the
// findings panel (a remembered one; values outside 0.3–0.95 are ignored).
func (e *Editor) SetSplitOffset(o float64) {
	if o >= 0.3 && o <= 0.95 {
		e.split.SetOffset(o)
	}
}

// WatchFocus keeps the focused field in view wherever the focus moves
// (Tab and Shift+Tab move it without telling the form): it checks on
// every frame drawn, on the UI thread.
func (e *Editor) WatchFocus() {
	if e.watch != nil {
		return
	}
	e.watch = fyne.NewAnimation(time.Second, func(float32) { e.followFocus() })
	e.watch.RepeatCount = fyne.AnimationRepeatForever
	e.watch.Curve = fyne.AnimationLinear
	e.watch.Start()
}

// screen returns the form of a part, building it the first time.
func (e *Editor) screen(key string) screen {
	if s, ok := e.screens[key]; ok {
		return s
	}
	var s screen
	switch key {
	case PartBasic:
		s = newBasicScreen(e)
	case PartSigning:
		s = newSigningScreen(e)
	case reports.SectionOverview:
		s = newOverviewScreen(e)
	case reports.SectionImprovement:
		s = newImprovementScreen(e)
	case reports.SectionOther:
		s = newOtherScreen(e)
	default:
		s = newTablesScreen(e, key)
	}
	e.screens[key] = s
	return s
}

// changed is called by every form after it changed the report.
func (e *Editor) changed() {
	if e.OnChanged != nil {
		e.OnChanged()
	}
	if e.delay <= 0 {
		e.CheckNow()
		return
	}
	if e.timer != nil {
		e.timer.Stop()
	}
	e.timer = time.AfterFunc(e.delay, func() { fyne.Do(e.CheckNow) })
}

// SetCheckDelay sets how long the checks wait after the last edit (150 ms
// by default, so that typing stays smooth); 0 runs them on every edit.
func (e *Editor) SetCheckDelay(d time.Duration) { e.delay = d }

// CheckNow runs the checks at once and shows their findings: in the panel
// and as marks in the navigation list.
func (e *Editor) CheckNow() {
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
	var fs []reports.Finding
	if e.check != nil {
		fs = e.check(e.report)
	}
	e.findings = fs
	e.counts = map[string][2]int{}
	for _, f := range fs {
		k := e.partOf(f.Location)
		c := e.counts[k]
		switch f.Severity {
		case reports.Error:
			c[0]++
		case reports.Warning:
			c[1]++
		}
		e.counts[k] = c
	}
	e.nav.Refresh()
	e.panel.set(fs)
	for _, s := range e.screens {
		if ts, ok := s.(*tablesScreen); ok {
			ts.mark(fs)
		}
	}
}

// Findings are the findings of the last check.
func (e *Editor) Findings() []reports.Finding { return e.findings }

// Marks returns the number of errors and warnings shown on a part.
func (e *Editor) Marks(key string) (errors, warnings int) {
	c := e.counts[key]
	return c[0], c[1]
}

// partOf is the navigation part a finding belongs to.
func (e *Editor) partOf(loc reports.Location) string {
	return loc.Part(e.report.Tmpl())
}

// partTitle is the navigation title of a part key.
func (e *Editor) partTitle(key string) string {
	for _, p := range e.parts {
		if p.key == key {
			return p.title
		}
	}
	return key
}

// Goto shows the part a finding is in and focuses its field or cell.
func (e *Editor) Goto(loc reports.Location) bool {
	key := e.partOf(loc)
	e.Select(key)
	return e.screen(key).focus(loc)
}

// Focused is the widget that has the keyboard focus, for tests.
func (e *Editor) Focused() fyne.Focusable {
	return e.win.Canvas().Focused()
}

// focusIn focuses w and scrolls sc so that w is wholly visible.
func (e *Editor) focusIn(sc *container.Scroll, w fyne.Focusable) {
	e.win.Canvas().Focus(w)
	if obj, ok := w.(fyne.CanvasObject); ok {
		if _, cell := w.(*cellEntry); !cell {
			scrollIntoView(sc, obj, 0, 0)
		}
	}
	e.lastFocus = w
}
