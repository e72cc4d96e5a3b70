package docx

import (
	"testing"

	"nianbao/reports"
	"nianbao/reports/pdf"
)

// BenchmarkSample writes the sample's .docx; BenchmarkSamplePDFLayout lays
// out its PDF in the same run, for the ratio.
func BenchmarkSample(b *testing.B) {
	r := reports.Sample()
	for b.Loop() {
		if _, err := Bytes(r, fixed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSamplePDFLayout(b *testing.B) {
	r := reports.Sample()
	for b.Loop() {
		if _, err := pdf.Layout(r, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
