package forms

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

// Theme is nianbao's user interface theme: Fyne's light colours with the
// embedded Simplified Chinese font (assets.FontHei) for every text style, so
// Chinese looks the same on a fresh Windows PC, on UOS and under Xvfb, and
// never falls back to a Japanese face.
type Theme struct {
	font fyne.Resource
}

// NewTheme returns the theme. Without the embedded font (an empty
// placeholder in a development tree) it uses Fyne's own fonts.
func NewTheme() *Theme {
	t := &Theme{}
	if len(assets.FontHei) > 0 {
		t.font = fyne.NewStaticResource("NianbaoHei.ttf", assets.FontHei)
	}
	return t
}

// focusFrame is the width of every focus mark nianbao draws: the border of
// a focused entry or select (Fyne's input border, used for focus too) and
// the frame of the navigation list's line.
const focusFrame = 2

// focusTint is the focus colour: a dark blue at 44 % instead of Fyne's
// light blue at 16 %, so that a focused button (a blue one too), check box
// or radio button is clearly marked.
var focusTint = color.NRGBA{R: 0x00, G: 0x3c, B: 0xa0, A: 0x70}

// Color returns the light variant of Fyne's colours whatever the system
// prefers, with a stronger focus colour.
func (t *Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusTint
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

// Font returns the embedded Chinese font for all text; the symbol font stays Fyne's.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if t.font == nil || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return t.font
}

// Icon returns Fyne's icons.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size returns Fyne's sizes, with input borders (and so the focus border
// of every entry, select, check box and radio button) focusFrame wide.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameInputBorder {
		return focusFrame
	}
	return theme.DefaultTheme().Size(n)
}
