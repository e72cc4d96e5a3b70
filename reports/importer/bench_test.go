package importer

import (
	"testing"

	"nianbao/assets"
	"nianbao/reports"
)

// BenchmarkLoadSampleFile is the baseline: reading the same report from
// its .nianbao file. bench/import.sh prints the import's cost against it.
func BenchmarkLoadSampleFile(b *testing.B) {
	b.SetBytes(int64(len(assets.Sample)))
	for b.Loop() {
		if _, err := reports.Parse(assets.Sample); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportSeedText measures importing the seed as pasted text.
func BenchmarkImportSeedText(b *testing.B) {
	data := []byte(readSeed(b))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import("seed.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportSampleDocx measures importing a .docx of the sample.
func BenchmarkImportSampleDocx(b *testing.B) {
	data := writeDocx(b, reports.Sample())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import("seed.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}
