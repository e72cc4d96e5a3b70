package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"nianbao/reports"
)

func TestTheWindowOpensSizedToTheScreen(t *testing.T) {
	cases := []struct {
		name               string
		remembered, screen fyne.Size
		want               fyne.Size
	}{
		{"first start on a 1366×768 laptop with a taskbar", fyne.Size{}, fyne.NewSize(1366, 728), fyne.NewSize(1366, 728)},
		{"first start on 1920×1080", fyne.Size{}, fyne.NewSize(1920, 1040), fyne.NewSize(1920, 1040)},
		{"remembered size", fyne.NewSize(1200, 650), fyne.NewSize(1920, 1040), fyne.NewSize(1200, 650)},
		{"remembered on a bigger screen, now on the laptop", fyne.NewSize(1900, 1000), fyne.NewSize(1366, 728), fyne.NewSize(1366, 728)},
		{"a remembered size too small to use is ignored", fyne.NewSize(120, 80), fyne.NewSize(1366, 728), fyne.NewSize(1366, 728)},
		{"screen unknown", fyne.Size{}, fyne.Size{}, fallbackWindow},
		{"screen unknown, remembered", fyne.NewSize(1000, 600), fyne.Size{}, fyne.NewSize(1000, 600)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := windowSize(c.remembered, c.screen); got != c.want {
				t.Errorf("window %v, want %v", got, c.want)
			}
		})
	}
}

func TestTheWindowRemembersItsSizeAndTheFindingsPanel(t *testing.T) {
	s, w := newTestShell(t)
	w.Resize(fyne.NewSize(1234, 654))
	s.editor.SetSplitOffset(0.6)
	s.saveLayout()
	p := s.app.Preferences()
	if p.Float(prefWindowWidth) != 1234 || p.Float(prefWindowHeight) != 654 || p.Float(prefSplitOffset) != 0.6 {
		t.Errorf("remembered %v×%v, split %v", p.Float(prefWindowWidth), p.Float(prefWindowHeight), p.Float(prefSplitOffset))
	}
	s.editor.SetSplitOffset(0.78)
	w.Resize(fyne.NewSize(800, 500))
	s.restoreLayout()
	if got := w.Canvas().Size(); got.Width != 1234 || got.Height != 654 {
		t.Errorf("restored window %v, want 1234×654", got)
	}
	if s.editor.SplitOffset() != 0.6 {
		t.Errorf("restored split %v, want 0.6", s.editor.SplitOffset())
	}
}

func TestCtrlNumbersGoToTheParts(t *testing.T) {
	s, w := newTestShell(t, writeSample(t))
	var menu *fyne.Menu
	for _, m := range w.MainMenu().Items {
		if m.Label == "转到" {
			menu = m
		}
	}
	if menu == nil || len(menu.Items) != 8 {
		t.Fatalf("no 转到 menu with the eight parts: %v", menu)
	}
	keys, _ := s.editor.Parts()
	for i, it := range menu.Items {
		sc, ok := it.Shortcut.(*desktop.CustomShortcut)
		if !ok || sc.KeyName != partKeys[i] || sc.Modifier != fyne.KeyModifierShortcutDefault {
			t.Errorf("item %q has shortcut %v, want Ctrl+%d", it.Label, it.Shortcut, i+1)
		}
		it.Action()
		if s.editor.Current() != keys[i] {
			t.Errorf("Ctrl+%d shows %q, want %q", i+1, s.editor.Current(), keys[i])
		}
		if w.Canvas().Focused() == nil {
			t.Errorf("Ctrl+%d focuses nothing", i+1)
		}
	}
	menu.Items[3].Action()
	if en := s.editor.CellEntry(reports.Key(reports.TableT3, reports.RowNew, "natural")); en == nil || s.editor.Focused() == nil {
		t.Errorf("Ctrl+4 does not focus table 三")
	} else if got := s.editor.Focused().(interface{ SelectedText() string }).SelectedText(); got != en.Text || got == "" {
		t.Errorf("Ctrl+4 focused a field selecting %q, want the first cell's whole %q", got, en.Text)
	}
}
