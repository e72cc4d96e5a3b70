package reports

import "strings"

// The printed structure of the narrative lists, shared by every renderer
// (PDF, plain text, web page) so that they number and group parts alike
// and the importer can read back what they print.

// LeadIn is a numbered title as it runs into its paragraph: the label, the
// title and "。", unless the title already ends with punctuation
// ("1.主动公开方面。本乡…").
func LeadIn(label, title string) string {
	title = strings.TrimSpace(title)
	if title == "" {
		return label
	}
	rs := []rune(title)
	if !strings.ContainsRune("。！？：；，.!?:;", rs[len(rs)-1]) {
		title += "。"
	}
	return label + title
}

// NumberedPart is a part of a list as printed.
type NumberedPart struct {
	Index int    // position in the list, for field paths
	Label string // the generated number; "" for the untitled part of a one-part list
	Title string // trimmed; "" when untitled
	Text  string
}

// NumberParts numbers a list of parts as printed: parts with neither title
// nor text are left out and take no number; an untitled part is numbered
// only when the list has more than one part.
func NumberParts(ps []Part, n Numbering) []NumberedPart {
	var out []NumberedPart
	k := 0
	for i, p := range ps {
		title := strings.TrimSpace(p.Title)
		if title == "" && !printable(p.Text) { // no paragraph (ParagraphsAt)
			continue
		}
		label := n.Label(k)
		k++
		if title == "" && len(ps) == 1 {
			label = ""
		}
		out = append(out, NumberedPart{Index: i, Label: label, Title: title, Text: p.Text})
	}
	return out
}

// ImprovementGroup is one of the two groups of 五 as printed.
type ImprovementGroup struct {
	Label      string // （一）/（二）, counting titled groups only; "" when untitled
	Title      string // "" when untitled: the items print without a heading
	TitleField string // field path of the title, e.g. "improvement.problems_title"
	List       string // field path of the items, e.g. "improvement.problems"
	Parts      []Part
}

// ImprovementGroups returns the groups of 五 that print: problems, then
// measures; a group with neither a title nor any text is left out. Their
// items are numbered 1. 2. (NumberArabic) with titles run into the text.
func (r *Report) ImprovementGroups() []ImprovementGroup {
	im := r.Improvement
	all := []ImprovementGroup{
		{Title: im.ProblemsTitle, TitleField: FieldProblemsTitle, List: FieldProblems, Parts: im.Problems},
		{Title: im.MeasuresTitle, TitleField: FieldMeasuresTitle, List: FieldMeasures, Parts: im.Measures},
	}
	var out []ImprovementGroup
	k := 0
	for _, g := range all {
		g.Title = strings.TrimSpace(g.Title)
		if g.Title == "" && len(NumberParts(g.Parts, NumberArabic)) == 0 {
			continue
		}
		if g.Title != "" {
			g.Label = NumberParen.Label(k)
			k++
		}
		out = append(out, g)
	}
	return out
}
