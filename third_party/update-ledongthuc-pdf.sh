#!/usr/bin/env bash
# Recreates third_party/ledongthuc-pdf: github.com/ledongthuc/pdf at the
# version below (its package sources, LICENSE, go.mod; no tests, examples or
# test data) from the Go module proxy, with third_party/ledongthuc-pdf.patch
# applied, then gofmt'd (upstream's name.go predates gofmt's current
# alignment). go.mod replaces the module with this copy. See third_party/README.md.
#
#   bash third_party/update-ledongthuc-pdf.sh          rewrite the copy
#   bash third_party/update-ledongthuc-pdf.sh --check  only compare; exit 1 if
#                                                      the copy is not exactly that
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
module=github.com/ledongthuc/pdf
version=v0.0.0-20260907135840-6c8c28e0e8a0
# The module's hash (what go.sum held before the replace): checked here, so
# no checksum database is needed.
sum=h1:7Q+xNAZFmnfYOMweHN3c/PDFUKKfY1pVJ26K++QvVfU=
info=$(cd /tmp && GOFLAGS= GO111MODULE=on GONOSUMDB=$module go mod download -json "$module@$version")
src=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$info")
got=$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p' <<<"$info")
[ -d "$src" ] || { echo "update-ledongthuc-pdf: could not download $module $version" >&2; exit 2; }
[ "$got" = "$sum" ] || { echo "update-ledongthuc-pdf: $module $version has hash $got, want $sum" >&2; exit 2; }
new=$(mktemp -d)
trap 'rm -rf "$new"' EXIT
mkdir -p "$new/pdf"
for f in "$src"/*.go; do
	case $f in *_test.go) ;; *) cp "$f" "$new/pdf/" ;; esac
done
cp "$src/LICENSE" "$src/go.mod" "$new/pdf/"
chmod -R u+w "$new/pdf"
(cd "$new/pdf" && git apply -p1 "$here/ledongthuc-pdf.patch")
gofmt -w "$new/pdf"
if [ "${1:-}" = "--check" ]; then
	if diff -r "$new/pdf" "$here/ledongthuc-pdf" >/dev/null; then
		echo "third_party/ledongthuc-pdf is $module $version with ledongthuc-pdf.patch"
		exit 0
	fi
	echo "third_party/ledongthuc-pdf differs from $module $version with ledongthuc-pdf.patch:" >&2
	diff -r "$new/pdf" "$here/ledongthuc-pdf" | head -20 >&2
	exit 1
fi
rm -rf "$here/ledongthuc-pdf"
cp -r "$new/pdf" "$here/ledongthuc-pdf"
echo "wrote third_party/ledongthuc-pdf ($module $version with ledongthuc-pdf.patch)"
