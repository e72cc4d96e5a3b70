#!/usr/bin/env bash
# Measures building the main window's editor (navigation, 基本信息, table 三,
# findings) with Fyne's test driver, in one run:
#   - with the built-in sample, against the 1 s time-to-window budget;
#   - with the sample against a blank report (what the content costs), as a ratio.
# The real window's time-to-window and memory are measured by forms/xvfb/run.sh.
# Usage: bash bench/gui.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-3}
out=$(go test -tags ci -run '^$' -bench 'BenchmarkMainWindow' -benchmem -count "$COUNT" ./forms/ 2>/dev/null)
echo "$out" | grep -E '^Benchmark'
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ns() { echo "$out" | awk -v n="$1" '$1 ~ "^"n"(-[0-9]+)?$" { print $3 }' | median; }
sample=$(ns BenchmarkMainWindowSample)
blank=$(ns BenchmarkMainWindowBlank)
awk -v s="$sample" -v b="$blank" 'BEGIN {
  printf "main window with the sample: %6.1f ms = %5.1f%% of the 1 s budget\n", s / 1e6, s / 1e7
  printf "sample / blank report:       %6.2f×\n", s / b
  exit (s > 1e9) }'
