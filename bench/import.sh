#!/usr/bin/env bash
# Import speed: the seed as pasted text, the sample as a .docx and as
# nianbao's PDF, against loading the same report from its .nianbao file
# (and the PDF against the .docx), measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(go test -run '^$' -bench 'ImportSeedText|ImportSampleDocx|ImportSamplePDF|ImportPDFAgainstDocx|LoadSampleFile' -benchtime "${BENCHTIME:-200x}" ./reports/importer/)
echo "$out" | grep -E '^Benchmark'
echo "$out" | awk '
  /^BenchmarkLoadSampleFile/  { base = $3 }
  /^BenchmarkImportSeedText/  { text = $3 }
  /^BenchmarkImportSampleDocx/ { docx = $3 }
  /^BenchmarkImportSamplePDF/ { pdf = $3 }
  /^BenchmarkImportPDFAgainstDocx/ { for (i = 1; i < NF; i++) if ($(i+1) == "pdf/docx") ratio = $i }
  END {
    if (base == 0) { print "no baseline measured"; exit 1 }
    printf "import of pasted text: %.1f ms, %.1f× the time to load the .nianbao file\n", text/1e6, text/base
    printf "import of the .docx:   %.1f ms, %.1f× the time to load the .nianbao file\n", docx/1e6, docx/base
    printf "import of the PDF:     %.1f ms, %.1f× the time to load the .nianbao file, %.1f× the .docx\n", pdf/1e6, pdf/base, pdf/docx
    printf "PDF against .docx, imported in turn in one benchmark: %s×\n", ratio
  }'
