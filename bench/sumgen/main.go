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

	"nianbao/bench/unitgen"
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
		unitgen.Numbers(r, i)
		r.Signing.Date = reports.Date{Year: 2024, Month: 1, Day: 10 + i%20}
		if err := reports.Save(filepath.Join(dir, fmt.Sprintf("unit%04d.nianbao", i+1)), r); err != nil {
			return err
		}
	}
	return nil
}
