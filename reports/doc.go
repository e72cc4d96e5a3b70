// Package reports is the domain of nianbao: the annual report on government
// information disclosure (政府信息公开工作年度报告) as data.
//
// It holds the report model, the national templates (2021 and the 2019 trial
// format) as one data definition each, the computed totals, the checks, and
// reading and writing report files. Everything that shows or prints a report
// (the Fyne forms, the PDF, Excel, HTML, the importers and the command line)
// walks the same definitions found here; the PDF, Word, web page and text
// print the same printed outline (Report.Outline). This package never
// imports Fyne.
package reports
