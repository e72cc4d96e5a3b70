package reports

import (
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkSaveIfUnchanged measures what comparing the file on disk before
// a save adds to the save itself (write, sync, .bak, rename), both in the
// same run on the sample: reported as check-ms, save-ms and their ratio.
func BenchmarkSaveIfUnchanged(b *testing.B) {
	path := filepath.Join(b.TempDir(), "报告.nianbao")
	r := Sample()
	st, err := SaveState(path, r)
	if err != nil {
		b.Fatal(err)
	}
	var check, save time.Duration
	for b.Loop() {
		t0 := time.Now()
		if c, err := ChangedOnDisk(path, st, r); c != nil || err != nil {
			b.Fatalf("changed: %v %v", c, err)
		}
		t1 := time.Now()
		if st, err = SaveState(path, r); err != nil {
			b.Fatal(err)
		}
		check += t1.Sub(t0)
		save += time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(check.Microseconds())/n/1000, "check-ms")
	b.ReportMetric(float64(save.Microseconds())/n/1000, "save-ms")
	b.ReportMetric(float64(check)/float64(save), "check/save")
}

// BenchmarkChangedOnDiskWithDiff is the comparison when the file did
// change: read, hash, parse and diff the other version, against parsing
// alone.
func BenchmarkChangedOnDiskWithDiff(b *testing.B) {
	path := filepath.Join(b.TempDir(), "报告.nianbao")
	r := Sample()
	st, _ := SaveState(path, r)
	other := r.Clone()
	other.SetCell(Key(TableT3, RowNew, "natural"), Num(9))
	if err := Save(path, other); err != nil {
		b.Fatal(err)
	}
	data, _ := Marshal(other)
	var diff, parse time.Duration
	for b.Loop() {
		t0 := time.Now()
		if c, _ := ChangedOnDisk(path, st, r); c == nil || len(c.Differ) != 1 {
			b.Fatal("no change seen")
		}
		t1 := time.Now()
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
		diff += t1.Sub(t0)
		parse += time.Since(t1)
	}
	b.ReportMetric(float64(diff)/float64(parse), "changed/parse")
	b.ReportMetric(float64(diff.Microseconds())/float64(b.N)/1000, "changed-ms")
}
