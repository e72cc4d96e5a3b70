#!/usr/bin/env bash
# Recreates third_party/gopdf: github.com/signintech/gopdf v0.33.0 (its
# package sources, fontmaker/core, LICENSE, go.mod, go.sum; no tests or
# examples) from the Go module proxy, with third_party/gopdf.patch applied.
# go.mod replaces the module with this copy. See third_party/README.md.
#
#   bash third_party/update-gopdf.sh          rewrite third_party/gopdf
#   bash third_party/update-gopdf.sh --check  only compare; exit 1 if the
#                                             copy is not exactly that
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=v0.33.0
# The module's hash (what go.sum held before the replace): checked here, so
# no checksum database is needed.
sum=h1:VanhSnrO03H9roKp4y4ckVmTmezxk8OzSJL/Sx1WlNg=
info=$(cd /tmp && GOFLAGS= GO111MODULE=on GONOSUMDB=github.com/signintech/gopdf go mod download -json "github.com/signintech/gopdf@$version")
src=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$info")
got=$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p' <<<"$info")
[ -d "$src" ] || { echo "update-gopdf: could not download gopdf $version" >&2; exit 2; }
[ "$got" = "$sum" ] || { echo "update-gopdf: gopdf $version has hash $got, want $sum" >&2; exit 2; }
new=$(mktemp -d)
trap 'rm -rf "$new"' EXIT
mkdir -p "$new/gopdf/fontmaker/core"
for f in "$src"/*.go; do
	case $f in *_test.go) ;; *) cp "$f" "$new/gopdf/" ;; esac
done
for f in "$src"/fontmaker/core/*.go; do
	case $f in *_test.go) ;; *) cp "$f" "$new/gopdf/fontmaker/core/" ;; esac
done
cp "$src/LICENSE" "$src/go.mod" "$src/go.sum" "$new/gopdf/"
chmod -R u+w "$new/gopdf"
(cd "$new/gopdf" && git apply -p1 "$here/gopdf.patch")
if [ "${1:-}" = "--check" ]; then
	if diff -r "$new/gopdf" "$here/gopdf" >/dev/null; then
		echo "third_party/gopdf is gopdf $version with gopdf.patch"
		exit 0
	fi
	echo "third_party/gopdf differs from gopdf $version with gopdf.patch:" >&2
	diff -r "$new/gopdf" "$here/gopdf" | head -20 >&2
	exit 1
fi
rm -rf "$here/gopdf"
cp -r "$new/gopdf" "$here/gopdf"
echo "wrote third_party/gopdf (gopdf $version with gopdf.patch)"
