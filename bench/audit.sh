#!/usr/bin/env bash
# Times `nianbao audit` over N mixed unit files (.nianbao, .txt, .html, .pdf,
# .docx — see bench/auditgen), with last year's
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

# timed runs: wall and CPU (user+sys) seconds; the machine is shared, so
# the CPU time is printed too (CPU/cores is the wall time on an idle machine)
timed() { # timed OUT CMD...: appends "wall cpu" to OUT, returns the exit code
  local out=$1; shift
  local code=0
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" > "$tmp/cmd.out" 2>&1 || code=$?
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$tmp/time" | tail -1 >> "$out"
  return $code
}
best() { sort -n | head -1; }
: > "$tmp/audit.t"; : > "$tmp/sum.t"
for run in 1 2 3; do
  code=0; timed "$tmp/audit.t" "$tmp/nianbao" audit --prev "$tmp/g/prev" --roster "$tmp/g/roster.txt" -o "$tmp/audit.xlsx" "$tmp/g/units" || code=$?
  cp "$tmp/cmd.out" "$tmp/audit.out"
  if [ "$code" -gt 1 ]; then cat "$tmp/audit.out"; exit "$code"; fi
  code=0; timed "$tmp/sum.t" "$tmp/nianbao" sum -o "$tmp/sum.xlsx" --roster "$tmp/g/roster.txt" "$tmp/g/nianbao" || code=$?
  if [ "$code" -gt 1 ]; then cat "$tmp/cmd.out"; exit "$code"; fi
done
audit_t=$(cut -d' ' -f1 "$tmp/audit.t" | best); audit_c=$(cut -d' ' -f2 "$tmp/audit.t" | best)
sum_t=$(cut -d' ' -f1 "$tmp/sum.t" | best); sum_c=$(cut -d' ' -f2 "$tmp/sum.t" | best)
grep '审核：' "$tmp/audit.out"
printf '%d unit files, best of 3 runs on %s cores (load average %s):\n' "$N" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  nianbao sum   (.nianbao only)                      wall %7.3f s   CPU %7.2f s\n' "$sum_t" "$sum_c"
printf '  nianbao audit (mixed, --prev, --roster, workbook)  wall %7.3f s   CPU %7.2f s   = %.2f× sum (wall), %.2f× sum (CPU)\n' \
  "$audit_t" "$audit_c" "$(echo "$audit_t / $sum_t" | bc -l)" "$(echo "$audit_c / $sum_c" | bc -l)"
echo "copy index against all pairs measured exactly:"
"$tmp/auditgen" -compare "$tmp/g/nianbao" -n "$SMALL"
"$tmp/auditgen" -compare "$tmp/g/nianbao" -n "$N" -index-only
if (( $(echo "$audit_t > 30.0" | bc -l) )); then
  echo "SLOWER than the 30 s target"
  exit 1
fi
echo "within the 30 s target"
