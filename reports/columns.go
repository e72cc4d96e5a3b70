package reports

// ColumnWidths shares a type area total points wide among the table's grid
// columns, as the printed template does: table 三's three label columns
// 22, 50 and the rest, its numbers 34 pt each; table 二's labels 30 %; table
// 四's 15 columns equal; other tables' labels 40 %. The PDF and the Word
// file both lay their tables out with it.
func (tb *Table) ColumnWidths(total float64) []float64 {
	n := tb.Width()
	w := make([]float64, n)
	switch {
	case tb.Key == TableT3 && tb.LabelColumns == 3:
		const num = 34.0
		w[0], w[1] = 22, 50
		w[2] = total - w[0] - w[1] - num*float64(len(tb.Columns))
		for i := 3; i < n; i++ {
			w[i] = num
		}
	case tb.LabelColumns == 1 && tb.Section == SectionActive:
		w[0] = total * 0.3
		for i := 1; i < n; i++ {
			w[i] = (total - w[0]) / float64(n-1)
		}
	case tb.LabelColumns == 0:
		for i := range w {
			w[i] = total / float64(n)
		}
	default:
		label := total * 0.4
		for i := 0; i < tb.LabelColumns; i++ {
			w[i] = label / float64(tb.LabelColumns)
		}
		for i := tb.LabelColumns; i < n; i++ {
			w[i] = (total - label) / float64(n-tb.LabelColumns)
		}
	}
	return w
}
