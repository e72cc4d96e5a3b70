#!/usr/bin/env bash
# Times `nianbao audit` over N mixed unit files (.nianbao, .txt, .html, .pdf;
# .docx once its writer is merged — see bench/auditgen), with last year's
# reports and a roster, against `nianbao sum` over the same units as
# .nianbao files, measured in the same run. Also compares the copy index
# with all pairs measured exactly on a smaller number of units.
# Target: the audit in ≤ 30 s on 2 cores for 1,000 files.
# Usage: bash bench/audit.sh [N] [SMALL_N]
set -euo pipefail
command -v bc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bc >/dev/null; }
cd "$(dirname "$0")/.."
N=${1:-1000}
SMALL=${2:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" .
go build -o "$tmp/auditgen" ./bench/auditgen
echo "generating $N units…"
"$tmp/auditgen" -gen "$tmp/g" -n "$N"
printf 'files by type:'; ls "$tmp/g/units" | sed 's/.*\.//' | sort | uniq -c | tr '\n' ' '; echo

now() { date +%s.%N; }
best() { sort -n | head -1; }
audit_times=(); sum_times=()
for run in 1 2 3; do
  s=$(now); code=0
  "$tmp/nianbao" audit --prev "$tmp/g/prev" --roster "$tmp/g/roster.txt" -o "$tmp/audit.xlsx" "$tmp/g/units" > "$tmp/audit.out" 2>&1 || code=$?
  e=$(now)
  audit_times+=("$(echo "$e - $s" | bc -l)")
  if [ "$code" -gt 1 ]; then cat "$tmp/audit.out"; exit "$code"; fi
  s=$(now); code=0
  "$tmp/nianbao" sum -o "$tmp/sum.xlsx" --roster "$tmp/g/roster.txt" "$tmp/g/nianbao" > "$tmp/sum.out" 2>&1 || code=$?
  e=$(now)
  sum_times+=("$(echo "$e - $s" | bc -l)")
  if [ "$code" -gt 1 ]; then cat "$tmp/sum.out"; exit "$code"; fi
done
audit_t=$(printf '%s\n' "${audit_times[@]}" | best)
sum_t=$(printf '%s\n' "${sum_times[@]}" | best)
grep '审核：' "$tmp/audit.out"
printf '%d unit files, best of 3 runs on %s cores:\n' "$N" "$(nproc)"
printf '  nianbao sum   (.nianbao only)  %6.3f s\n' "$sum_t"
printf '  nianbao audit (mixed, --prev, --roster, workbook)  %6.3f s   = %.2f× sum\n' "$audit_t" "$(echo "$audit_t / $sum_t" | bc -l)"
echo "copy index against all pairs measured exactly:"
"$tmp/auditgen" -compare "$tmp/g/nianbao" -n "$SMALL"
"$tmp/auditgen" -compare "$tmp/g/nianbao" -n "$N" -index-only
if (( $(echo "$audit_t > 30.0" | bc -l) )); then
  echo "SLOWER than the 30 s target"
  exit 1
fi
echo "within the 30 s target"
