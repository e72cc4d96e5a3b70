package importer

import (
	"testing"

	"nianbao/reports"
)

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
