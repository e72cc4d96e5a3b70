#!/usr/bin/env bash
# Measures the OTHER_PLACE scan (gazetteer names at 市/县/区/乡/镇/街道) on the
# sample's texts against, in the same run, the scan before the gazetteer
# and the naive regular expression \p{Han}{2,4}(乡|镇|街道|县|市|区), as
# ratios (fastest pass of each); and decoding the embedded gazetteer once.
# Usage: bash bench/places.sh
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench 'BenchmarkPlaceScan' -benchtime 3x -v ./reports/ | grep -E 'sample texts'
go test -run '^$' -bench 'BenchmarkDecode' -benchmem -count 3 ./reports/gazetteer/ | grep -E '^Benchmark'
