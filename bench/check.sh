#!/usr/bin/env bash
# Measures the checks the GUI runs on every keystroke, in one run:
#   - Check on the built-in sample, against the 1 ms budget (goal: ≤ 25%);
#   - Check on a next-year report carrying last year's text (similarity);
#   - the totals as Check computes them against Report.Number for every
#     total (the alternative), as a ratio.
# Usage: bash bench/check.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3}
out=$(go test -run '^$' -bench 'BenchmarkCheck|BenchmarkTotals' -benchmem -count "$COUNT" ./reports/)
echo "$out" | grep -E '^Benchmark'
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ns() { echo "$out" | awk -v n="$1" '$1 ~ "^"n"(-[0-9]+)?$" { print $3 }' | median; }
sample=$(ns BenchmarkCheckSample)
last=$(ns BenchmarkCheckWithLastYear)
cached=$(ns BenchmarkTotals/check-cache)
number=$(ns BenchmarkTotals/Report.Number)
awk -v s="$sample" -v l="$last" -v c="$cached" -v n="$number" 'BEGIN {
  printf "Check(sample):            %8.1f µs = %5.1f%% of the 1 ms budget\n", s / 1000, s / 1e4
  printf "Check(with last year):    %8.1f µs = %5.1f%% of the 1 ms budget\n", l / 1000, l / 1e4
  printf "totals: Report.Number / check cache = %.1f×\n", n / c
  exit (s > 250000) }'
