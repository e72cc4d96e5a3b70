// Package unitgen varies a real report into many units for the benchmarks
// (bench/sumgen, bench/auditgen): the numbers only, each unit its own.
package unitgen

import (
	"fmt"

	"nianbao/reports"
)

// Numbers gives every typed cell of unit i a different non-zero number, the
// fee six decimals (2021 template), and balances table 三 (上年结转 + 新收 =
// 办理 + 结转下年), so the units' checks find no arithmetic errors.
func Numbers(r *reports.Report, i int) {
	r.Declared = nil
	for j, k := range r.Tmpl().InputKeys() {
		r.Cells[k] = reports.Num(int64((i*31+j*7)%50 + 1))
	}
	if r.Template == reports.V2021 {
		fee, _ := reports.ParseDecimal(fmt.Sprintf("%d.%06d", i%100, (i*123457)%1000000))
		r.Cells["t2_8.fee.amount"] = reports.Cell{Value: fee}
	}
	t3 := r.Tmpl().Table(reports.TableT3)
	for ci, c := range t3.Columns {
		if len(c.Sum) > 0 {
			continue
		}
		total := r.Number(t3, t3.RowIndex(reports.RowTotal), ci)
		next := r.Cell(reports.Key(reports.TableT3, reports.RowNext, c.Key)).Value
		r.Cells[reports.Key(reports.TableT3, reports.RowNew, c.Key)] = reports.Cell{Value: total}
		r.Cells[reports.Key(reports.TableT3, reports.RowCarry, c.Key)] = reports.Cell{Value: next}
	}
}
