// Package fullcheck is the one check of a report that every caller runs:
// the window, `nianbao check`, `sum`, `audit` and every export. It is the
// core's checks (reports.Check) plus what only laying out the printed page
// can find: characters that no embedded font can print (PDF_MISSING_CHAR).
package fullcheck

import (
	"nianbao/reports"
	"nianbao/reports/pdf"
)

// Run checks r against last year's report prev (nil: the previous-year data
// stored in r) and returns every finding, the core's first, then those of
// the printed layout. A report whose PDF cannot be laid out still gets the
// core's findings.
func Run(r, prev *reports.Report) []reports.Finding {
	findings := reports.Check(r, prev)
	if doc, err := pdf.Layout(r, pdf.Options{}); err == nil {
		findings = append(findings, pdf.MissingFindings(doc)...)
	}
	return findings
}
