#!/usr/bin/env bash
# Import speed: the seed as pasted text and the sample as a .docx, against
# loading the same report from its .nianbao file, measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(go test -run '^$' -bench 'ImportSeedText|ImportSampleDocx|LoadSampleFile' -benchtime "${BENCHTIME:-200x}" ./reports/importer/)
echo "$out" | grep -E '^Benchmark'
echo "$out" | awk '
  /^BenchmarkLoadSampleFile/  { base = $3 }
  /^BenchmarkImportSeedText/  { text = $3 }
  /^BenchmarkImportSampleDocx/ { docx = $3 }
  END {
    if (base == 0) { print "no baseline measured"; exit 1 }
    printf "import of pasted text: %.1f ms, %.1f× the time to load the .nianbao file\n", text/1e6, text/base
    printf "import of the .docx:   %.1f ms, %.1f× the time to load the .nianbao file\n", docx/1e6, docx/base
  }'
