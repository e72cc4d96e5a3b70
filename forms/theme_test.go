package forms

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

func TestDialogsAreChineseWhateverTheSystemLocale(t *testing.T) {
	t.Setenv("LANG", "C")
	t.Setenv("LC_ALL", "C")
	if err := UseChinese(); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{"Cancel": "取消", "OK": "确定", "Save": "保存", "Open": "打开", "Yes": "是", "No": "否"}
	for en, zh := range cases {
		if got := lang.L(en); got != zh {
			t.Errorf("lang.L(%q) = %q, want %q", en, got, zh)
		}
	}
}

func TestThemeUsesTheEmbeddedChineseFont(t *testing.T) {
	th := NewTheme()
	for _, s := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Monospace: true}} {
		f := th.Font(s)
		if len(assets.FontHei) > 0 && (f == nil || len(f.Content()) != len(assets.FontHei)) {
			t.Errorf("style %+v uses %v, not the embedded 黑体", s, f)
		}
	}
	if th.Font(fyne.TextStyle{Symbol: true}) != theme.DefaultTheme().Font(fyne.TextStyle{Symbol: true}) {
		t.Errorf("symbols do not use Fyne's symbol font")
	}
	if c := th.Color(theme.ColorNameBackground, theme.VariantDark); c != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Errorf("dark variant background %v, want the light one", c)
	}
}
