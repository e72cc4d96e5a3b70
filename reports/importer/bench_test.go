package importer

import (
	"os"
	"path/filepath"
	"testing"
	"time"

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

// BenchmarkImportSamplePDF measures importing nianbao's own PDF of the
// sample; bench/import.sh prints it against the .docx measured in the
// same run.
func BenchmarkImportSamplePDF(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "pdf", "sample-nianbao.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Import("sample.pdf", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportPDFAgainstDocx imports the sample's PDF and its .docx in
// turn in each iteration and reports the PDF's time as a multiple of the
// .docx's (pdf/docx), so that both see the same machine load.
func BenchmarkImportPDFAgainstDocx(b *testing.B) {
	pdfData, err := os.ReadFile(filepath.Join("testdata", "pdf", "sample-nianbao.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	docx := writeDocx(b, reports.Sample())
	var tPDF, tDocx time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := Import("sample.pdf", pdfData); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		if _, err := Import("sample.docx", docx); err != nil {
			b.Fatal(err)
		}
		tPDF += mid.Sub(start)
		tDocx += time.Since(mid)
	}
	b.ReportMetric(float64(tPDF.Microseconds())/float64(b.N)/1000, "pdf-ms/op")
	b.ReportMetric(float64(tDocx.Microseconds())/float64(b.N)/1000, "docx-ms/op")
	b.ReportMetric(float64(tPDF)/float64(tDocx), "pdf/docx")
}
