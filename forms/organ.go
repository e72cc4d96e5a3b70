package forms

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/reports"
	"nianbao/reports/gazetteer"
)

// maxSuggestions is how many official names are offered at once; more
// would push the form off a 768-pixel screen.
const maxSuggestions = 5

// organHelper sits under 机关全称: while the clerk types it offers the
// official names of divisions that fit (新源县别 → 新源县别斯托别乡人民政府),
// and when the name resolves to one division it sets 层级 from it and says
// so (伊宁市 is a county-level city, not a prefecture).
type organHelper struct {
	ed          *Editor
	full, short *widget.Entry
	level       *widget.Select
	suggestions *fyne.Container
	hint        *widget.Label
	box         *fyne.Container
	// offered are the suggestions shown, for tests.
	offered []gazetteer.Suggestion
}

func newOrganHelper(ed *Editor, full, short *widget.Entry, level *widget.Select) *organHelper {
	h := &organHelper{ed: ed, full: full, short: short, level: level,
		suggestions: container.NewVBox(), hint: widget.NewLabel("")}
	h.hint.Wrapping = fyne.TextWrapWord
	h.hint.Importance = widget.LowImportance
	h.box = container.NewVBox(full, h.suggestions, h.hint)
	onChanged := full.OnChanged
	full.OnChanged = func(v string) {
		if onChanged != nil {
			onChanged(v)
		}
		h.update(v, true)
	}
	h.update(full.Text, false)
	return h
}

func (h *organHelper) object() fyne.CanvasObject { return h.box }

// update refreshes the suggestions and the hint for the name v; typed is
// true when the clerk changed the name, and only then is the level set.
func (h *organHelper) update(v string, typed bool) {
	r := h.ed.report
	h.suggestions.RemoveAll()
	h.offered = nil
	if typed {
		for _, s := range gazetteer.Complete(v, maxSuggestions) {
			if s.Organ == v {
				continue
			}
			b := widget.NewButton(s.Organ+"　"+s.Where, func() { h.pick(s) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			h.suggestions.Add(b)
			h.offered = append(h.offered, s)
		}
	}
	h.suggestions.Refresh()
	l, d, ok := reports.LevelOf(v, r.Organ.ShortName, r.Contact.Address)
	switch {
	case ok:
		h.hint.SetText(fmt.Sprintf("行政区划：%s（代码 %s），层级为“%s”", d.FullName(), d.Code(), l.Name()))
		if typed && r.Organ.Level != l {
			h.level.SetSelected(l.Name()) // sets the report's level through the select
		}
	default:
		if res := gazetteer.Resolve(v, r.Organ.ShortName, r.Contact.Address); len(res.Candidates) > 1 {
			h.hint.SetText(fmt.Sprintf("“%s”有%d个同名的行政区划，请在前面写上所属的县（市、区），层级才能确定；也可直接选择层级", res.Candidates[0].Name(), len(res.Candidates)))
		} else {
			h.hint.SetText("")
		}
	}
	if h.hint.Text == "" {
		h.hint.Hide() // no empty line under the name
	} else {
		h.hint.Show()
	}
}

// pick fills in a suggested name, and the short name when it is empty.
func (h *organHelper) pick(s gazetteer.Suggestion) {
	if h.short.Text == "" {
		h.short.SetText(s.Division.Name())
	}
	h.full.SetText(s.Organ)
	h.full.CursorColumn = len([]rune(s.Organ)) // typing goes on at the end
	h.full.Refresh()
	h.suggestions.RemoveAll()
	h.offered = nil
	h.suggestions.Refresh()
}
