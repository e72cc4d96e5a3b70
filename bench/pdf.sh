#!/usr/bin/env bash
# Compares, in one run, `nianbao pdf` on the built-in sample with
# `libreoffice --headless --convert-to pdf` on the same content (the
# sample exported by `nianbao html`, or a small HTML page built from
# `nianbao text` when that fails): a fresh process each time, median wall
# time and largest resident memory over the runs (/usr/bin/time -v).
# Goals: nianbao ≤ 1/25 of LibreOffice's time; the sample PDF ≤ 400 KB.
# Also runs the in-process Go benchmark (goal ≤ 20 ms).
# Usage: bash bench/pdf.sh [RUNS]   (installs LibreOffice if missing)
set -euo pipefail
command -v bc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bc >/dev/null; }
cd "$(dirname "$0")/.."
RUNS=${1:-10}
LO_RUNS=$(( RUNS < 5 ? RUNS : 5 ))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v soffice >/dev/null 2>&1; then
  echo "installing LibreOffice (libreoffice-writer-nogui)…"
  apt-get install -y --no-install-recommends libreoffice-writer-nogui >/dev/null
fi
if [ ! -x /usr/bin/time ]; then
  apt-get install -y --no-install-recommends time >/dev/null
fi

go build -o "$tmp/nianbao" .
"$tmp/nianbao" sample -o "$tmp/sample.nianbao" >/dev/null

# The same content for LibreOffice.
if ! "$tmp/nianbao" html "$tmp/sample.nianbao" -o "$tmp/sample.html" >/dev/null 2>&1; then
  "$tmp/nianbao" text "$tmp/sample.nianbao" -o "$tmp/sample.txt" >/dev/null
  {
    echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>sample</title></head><body>'
    sed -e 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' "$tmp/sample.txt" | awk -F'\t' '
      NF > 1 { if (!t) { print "<table border=\"1\">"; t = 1 }
               printf "<tr>"; for (i = 1; i <= NF; i++) printf "<td>%s</td>", $i; print "</tr>"; next }
      { if (t) { print "</table>"; t = 0 } if ($0 != "") print "<p>" $0 "</p>" }
      END { if (t) print "</table>" }'
    echo '</body></html>'
  } > "$tmp/sample.html"
fi

# measure CMD…: runs it under /usr/bin/time -v; prints "seconds kilobytes".
measure() {
  /usr/bin/time -v -o "$tmp/time.txt" "$@" >/dev/null 2>&1
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { kb = $2 }
    END { printf "%.4f %d\n", s, kb }' "$tmp/time.txt"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
maxof() { sort -n | tail -1; }

: > "$tmp/nb.txt"
: > "$tmp/start.txt"
for i in $(seq "$RUNS"); do
  measure "$tmp/nianbao" version >> "$tmp/start.txt"
  measure "$tmp/nianbao" pdf "$tmp/sample.nianbao" -o "$tmp/nianbao.pdf" --date 2024-01-19 >> "$tmp/nb.txt"
done

lo=(soffice --headless --norestore "-env:UserInstallation=file://$tmp/lo-profile" --convert-to pdf:writer_web_pdf_Export --outdir "$tmp/lo" "$tmp/sample.html")
"${lo[@]}" >/dev/null 2>&1 || true # first start creates the profile: not timed
: > "$tmp/lo.txt"
for i in $(seq "$LO_RUNS"); do
  rm -f "$tmp/lo/sample.pdf"
  measure "${lo[@]}" >> "$tmp/lo.txt"
done
if [ ! -s "$tmp/lo/sample.pdf" ]; then
  echo "LibreOffice produced no PDF; its timing is not comparable" >&2
  exit 2
fi

nb_t=$(cut -d' ' -f1 "$tmp/nb.txt" | median)
nb_m=$(cut -d' ' -f2 "$tmp/nb.txt" | maxof)
st_t=$(cut -d' ' -f1 "$tmp/start.txt" | median)
st_m=$(cut -d' ' -f2 "$tmp/start.txt" | maxof)
lo_t=$(cut -d' ' -f1 "$tmp/lo.txt" | median)
lo_m=$(cut -d' ' -f2 "$tmp/lo.txt" | maxof)
size=$(stat -c %s "$tmp/nianbao.pdf")
pages=$(pdfinfo "$tmp/nianbao.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
lo_pages=$(pdfinfo "$tmp/lo/sample.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')

printf 'PDF of the sample report, fresh process each run, on %s cores:\n' "$(nproc)"
printf '  nianbao pdf            median %7.3f s over %2d runs, max RSS %6d KB, %s pages, %d KB\n' "$nb_t" "$RUNS" "$nb_m" "${pages:-?}" $(( size / 1024 ))
printf '  nianbao version        median %7.3f s over %2d runs, max RSS %6d KB (process start only)\n' "$st_t" "$RUNS" "$st_m"
printf '  libreoffice (HTML→PDF) median %7.3f s over %2d runs, max RSS %6d KB, %s pages\n' "$lo_t" "$LO_RUNS" "$lo_m" "${lo_pages:-?}"
ratio=$(echo "$lo_t / $nb_t" | bc -l)
printf '  nianbao takes 1/%.1f of LibreOffice'"'"'s time and %.1f%% of its memory\n' "$ratio" "$(echo "100 * $nb_m / $lo_m" | bc -l)"

echo "in-process, against gopdf given the whole font files (go test -bench BenchmarkRenderSample):"
go test -run '^$' -bench BenchmarkRenderSample -benchtime 20x ./reports/pdf/ | grep Benchmark | tr '\t' ' ' | tr -s ' '
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"


status=0
if (( $(echo "$ratio < 25" | bc -l) )); then echo "MISSED: goal is ≤ 1/25 of LibreOffice's time"; status=1; fi
if (( size > 400 * 1024 )); then echo "MISSED: goal is a sample PDF ≤ 400 KB"; status=1; fi
[ "$status" = 0 ] && echo "within the goals (≤ 1/25 of LibreOffice's time, ≤ 400 KB)"
exit "$status"
