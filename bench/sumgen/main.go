// Command sumgen supports bench/sum.sh: it writes N unit reports with varied
// non-zero numbers into a folder (-gen), or loads every report of a folder
// one by one without summing or checking (-load), the baseline the sum is
// compared with.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"nianbao/reports"
	"nianbao/reports/summary"
)

func main() {
	gen := flag.String("gen", "", "folder to write the unit reports into")
	n := flag.Int("n", 1000, "number of unit reports")
	load := flag.String("load", "", "folder whose reports to load one by one")
	flag.Parse()
	switch {
	case *gen != "":
		if err := generate(*gen, *n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	case *load != "":
		files, err := summary.Files([]string{*load})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		start := time.Now()
		for _, f := range files {
			if _, err := reports.Load(f); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		fmt.Printf("%.3f\n", time.Since(start).Seconds())
	default:
		flag.Usage()
		os.Exit(2)
	}
}

// generate writes n township reports of 2023 with different non-zero
// numbers in every typed cell and a fee with six decimals, the tables
// balanced (一+二 = 七+四) like a real report.
func generate(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := range n {
		r := reports.New(2023)
		r.Organ = reports.Organ{
			FullName:  fmt.Sprintf("测试县第%d乡人民政府", i+1),
			ShortName: fmt.Sprintf("第%d乡", i+1),
			Level:     reports.LevelTownship,
		}
		r.Preamble = reports.DefaultPreamble(r)
		for j, k := range r.Tmpl().InputKeys() {
			r.Cells[k] = reports.Num(int64((i*31+j*7)%50 + 1))
		}
		fee, _ := reports.ParseDecimal(fmt.Sprintf("%d.%06d", i%100, (i*123457)%1000000))
		r.Cells["t2_8.fee.amount"] = reports.Cell{Value: fee}
		// balance table 三: 上年结转 = （七）总计 + 结转下年 − 新收, kept non-negative
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
		r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 10 + i%20}
		if err := reports.Save(filepath.Join(dir, fmt.Sprintf("unit%04d.nianbao", i+1)), r); err != nil {
			return err
		}
	}
	return nil
}
