#!/usr/bin/env bash
# The Word export seen from outside nianbao: LibreOffice (headless, from
# Debian) renders the sample's .docx to PDF, python-docx opens it.
#   - python-docx finds the A4 page and margins, the line grid, the styles,
#     the three tables with their merges, repeated header rows and rows
#     that never split, the odd/even PAGE footers and the properties;
#   - every paragraph and table cell of the sample (its text export) is in
#     LibreOffice's rendering (pdftotext);
#   - LibreOffice's page count is within one of nianbao's own PDF.
# Needs libreoffice-writer(-nogui), python3-docx and poppler-utils
# (bash scripts/setup.sh --test).
set -euo pipefail
# A command that fails stops the script: say which, so a failure is never silent.
trap 'echo "FAIL: $(basename "$0") line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
for tool in soffice pdftotext pdfinfo /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "docx-check: $tool not found: run bash scripts/setup.sh --test"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" .
nb="$tmp/nianbao"
"$nb" sample -o "$tmp/sample.nianbao" >/dev/null
"$nb" docx "$tmp/sample.nianbao" -o "$tmp/sample.docx" --date 2024-01-19 >/dev/null
"$nb" pdf "$tmp/sample.nianbao" -o "$tmp/nianbao.pdf" --date 2024-01-19 >/dev/null
"$nb" text "$tmp/sample.nianbao" -o "$tmp/sample.txt" >/dev/null
# A profile of its own: another soffice running on the machine would
# otherwise take the conversion over (or refuse it).
timeout 300 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
  --convert-to pdf --outdir "$tmp/lo" "$tmp/sample.docx" >"$tmp/soffice.log" 2>&1 || true
if [ ! -s "$tmp/lo/sample.pdf" ]; then
  echo "docx-check: LibreOffice did not render the .docx:"; cat "$tmp/soffice.log"; exit 1
fi
pdftotext -enc UTF-8 "$tmp/lo/sample.pdf" "$tmp/lo.txt"
/usr/bin/python3 scripts/docx-check.py "$tmp/sample.docx" "$tmp/sample.txt" "$tmp/lo.txt"
lo=$(pdfinfo "$tmp/lo/sample.pdf" | awk '/^Pages:/ {print $2}')
own=$(pdfinfo "$tmp/nianbao.pdf" | awk '/^Pages:/ {print $2}')
echo "docx-check: LibreOffice renders $lo pages, nianbao's PDF has $own"
if [ $((lo - own)) -gt 1 ] || [ $((own - lo)) -gt 1 ]; then
  echo "docx-check: page counts differ by more than one"; exit 1
fi
