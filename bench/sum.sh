#!/usr/bin/env bash
# Times `nianbao sum` over 1,000 unit reports against two baselines measured
# in the same run: reading the files (cat) and loading them one by one
# without summing or checking. Target: the sum in ≤ 2 s on 2 cores.
# Usage: bash bench/sum.sh [N]
set -euo pipefail
command -v bc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bc >/dev/null; }
cd "$(dirname "$0")/.."
N=${1:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" .
go build -o "$tmp/sumgen" ./bench/sumgen
"$tmp/sumgen" -gen "$tmp/units" -n "$N"
printf '%s\n' "$tmp"/units/unit000[1-9].nianbao | xargs -n1 basename | sed 's/unit0*\([0-9]*\).nianbao/测试县第\1乡人民政府/' > "$tmp/roster.txt"
echo "缺报乡" >> "$tmp/roster.txt"
size=$(du -sh "$tmp/units" | cut -f1)

now() { date +%s.%N; }
best() { sort -n | head -1; }

cat_times=() ; load_times=() ; sum_times=()
for run in 1 2 3; do
  s=$(now); cat "$tmp"/units/*.nianbao > /dev/null; e=$(now)
  cat_times+=("$(echo "$e - $s" | bc -l)")
  load_times+=("$("$tmp/sumgen" -load "$tmp/units")")
  s=$(now)
  code=0
  "$tmp/nianbao" sum -o "$tmp/sum.xlsx" --report "$tmp/county.nianbao" --roster "$tmp/roster.txt" "$tmp/units" > "$tmp/sum.out" 2>&1 || code=$?
  e=$(now)
  sum_times+=("$(echo "$e - $s" | bc -l)")
  if [ "$code" -gt 1 ]; then cat "$tmp/sum.out"; exit "$code"; fi
done
cat_t=$(printf '%s\n' "${cat_times[@]}" | best)
load_t=$(printf '%s\n' "${load_times[@]}" | best)
sum_t=$(printf '%s\n' "${sum_times[@]}" | best)
tail -2 "$tmp/sum.out"
printf '%d unit files (%s), best of 3 runs on %s cores:\n' "$N" "$size" "$(nproc)"
printf '  cat the files            %6.3f s\n' "$cat_t"
printf '  load one by one          %6.3f s\n' "$load_t"
printf '  nianbao sum (whole run)  %6.3f s   = %.1f× cat, %.2f× sequential load\n' "$sum_t" "$(echo "$sum_t / $cat_t" | bc -l)" "$(echo "$sum_t / $load_t" | bc -l)"
if (( $(echo "$sum_t > 2.0" | bc -l) )); then
  echo "SLOWER than the 2 s target"
  exit 1
fi
echo "within the 2 s target"
