#!/usr/bin/env bash
# Regenerates the PDFs of the built-in sample that the PDF import tests read
# (the tests use the committed files; run this after changing the sample,
# the PDF renderer or the web page writer). Needs LibreOffice
# (libreoffice-writer-nogui) and a Chinese font (fonts-wqy-zenhei), as
# scripts/setup.sh --test installs them, and Chromium and qpdf
# (apt-get install chromium qpdf).
#
#   bash reports/importer/testdata/pdf/make.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/nianbao" .
"$tmp/nianbao" sample -o "$tmp/sample.nianbao" >/dev/null
# nianbao's own PDF, with a fixed creation date so the file is reproducible.
"$tmp/nianbao" pdf "$tmp/sample.nianbao" -o "$here/sample-nianbao.pdf" --date 2024-01-19 >/dev/null || [ $? = 2 ]
# The sample's web page, and the same page printed to PDF by LibreOffice.
"$tmp/nianbao" html "$tmp/sample.nianbao" -o "$here/sample.html" >/dev/null || [ $? = 2 ]
# The sample as a Word document with ruled tables (the tests' writer).
WRITE_DOCX="$here/sample.docx" go test ./reports/importer/ -run '^TestWriteSampleDocx$' -count=1 >/dev/null
# lo OPTIONS... FILE converts FILE with LibreOffice into $tmp.
lo() { soffice -env:UserInstallation="file://$tmp/profile" --headless "${@:1:$#-1}" --outdir "$tmp" "${@: -1}" >/dev/null 2>&1; }
lo --convert-to pdf "$here/sample.docx"
mv "$tmp/sample.pdf" "$here/sample-docx-libreoffice.pdf"
# As a Writer document (Writer/Web, the default for .html, loses the title).
lo --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export "$here/sample.html"
mv "$tmp/sample.pdf" "$here/sample-html-libreoffice.pdf"
# The web page printed by a browser (Chromium's 打印 → 另存为 PDF), with
# the browser's own header and footer (date, title, address, page numbers).
cp "$here/sample.html" "$tmp/年报.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$tmp/chromium" \
  --print-to-pdf="$here/sample-html-chromium.pdf" "file://$tmp/年报.html" >/dev/null 2>&1
# Real published reports (a folder each with the page as found in page.html),
# printed the same way.
for page in "$here"/*/page.html; do
  d=$(dirname "$page")
  cp "$page" "$tmp/年报.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/chromium" \
    --print-to-pdf="$d/report.pdf" "file://$tmp/年报.html" >/dev/null 2>&1
done
# Real reports' text as a web archive stores it (excerpts/*/report.txt),
# laid out and exported by LibreOffice as a text document.
for txt in "$here"/excerpts/*/report.txt; do
  lo --infilter="Text (encoded):UTF8,LF,,," --convert-to pdf "$txt"
  mv "$tmp/report.pdf" "$(dirname "$txt")/report.pdf"
done
# The LibreOffice PDF encrypted by qpdf: permissions only (no open
# password), AES-128 and AES-256, and with an open password.
if command -v qpdf >/dev/null; then
  src="$here/sample-docx-libreoffice.pdf"
  qpdf --encrypt "" owner 128 --use-aes=y --print=none --extract=n -- "$src" "$here/encrypted/enc-owner-aes128.pdf"
  qpdf --encrypt "" owner 256 --extract=n -- "$src" "$here/encrypted/enc-owner-aes256.pdf"
  qpdf --encrypt user owner 128 --use-aes=y -- "$src" "$here/encrypted/enc-user-aes128.pdf"
fi
rm -f "$here"/*.bak
find "$here" -type f -exec chmod 644 {} +
ls -l "$here"
