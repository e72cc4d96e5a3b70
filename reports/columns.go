package reports

// PrintWidth is the width, in points, of the GB/T 9704 type area (156 mm)
// that every printed table spans: the unit of Column.Weight and
// Table.LabelWeights.
const PrintWidth = 156 * 72 / 25.4

// The GB/T 9704 grid of the type area that the PDF and the Word file both
// keep: LinesPerPage lines of CharsPerLine characters of the body text.
const (
	LinesPerPage = 22
	CharsPerLine = 28
)

// Weights returns the weight of every grid column, label columns first:
// its width in points when the table is printed PrintWidth wide, the
// columns of weight 0 given their share of the rest. They add up to
// PrintWidth unless the weighted columns alone are wider.
func (tb *Table) Weights() []float64 { return tb.ColumnWidths(PrintWidth) }

// ColumnWidths shares a width total (in any unit) among the table's grid
// columns: each weighted column gets its weight scaled by total/PrintWidth,
// the columns of weight 0 share what is left equally. The PDF, the Word
// file and the web page lay their tables out with it (at PrintWidth and
// its equivalents), so they print the template's proportions.
func (tb *Table) ColumnWidths(total float64) []float64 { return tb.FitWidths(total, nil) }

// FitWidths is ColumnWidths with a least width for every grid column
// (least may be shorter or nil: 0 for the rest). A weighted column
// narrower than its least gets its least, and the columns of weight 0 give
// up what that takes; a column of weight 0 whose share would be narrower
// than its least gets its least and the others share what remains. When
// the least widths do not fit, the table is wider than total. The forms
// and the Excel file lay their tables out with it (in pixels and in
// character widths), with least widths for what a cell must show.
func (tb *Table) FitWidths(total float64, least []float64) []float64 {
	n := tb.Width()
	w := make([]float64, n)
	atLeast := func(i int) float64 {
		if i < len(least) {
			return least[i]
		}
		return 0
	}
	scale := total / PrintWidth
	left := total
	var free []int
	for i := range w {
		if wt := tb.weight(i); wt > 0 {
			w[i] = max(wt*scale, atLeast(i))
			left -= w[i]
		} else {
			free = append(free, i)
		}
	}
	// The columns of weight 0 share what is left; one that would get less
	// than its least takes its least, and the others share again.
	for len(free) > 0 {
		share := max(left/float64(len(free)), 0)
		var rest []int
		for _, i := range free {
			if atLeast(i) > share {
				w[i] = atLeast(i)
				left -= w[i]
			} else {
				rest = append(rest, i)
			}
		}
		if len(rest) == len(free) {
			for _, i := range free {
				w[i] = share
			}
			break
		}
		free = rest
	}
	return w
}

// weight is the weight of grid column i (label columns first).
func (tb *Table) weight(i int) float64 {
	if i < tb.LabelColumns {
		if i < len(tb.LabelWeights) {
			return tb.LabelWeights[i]
		}
		return 0
	}
	return tb.Columns[i-tb.LabelColumns].Weight
}
