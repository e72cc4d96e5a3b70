#!/bin/sh
# Rebuilds the five embedded fonts (title, fang, hei, kai, song .ttf) and their
# licence files from Debian 12 packages. Rerunnable; needs root for apt-get
# (or the packages already installed). Takes about 2-3 minutes.
#
#   sh assets/fonts/build.sh            # install packages if missing, build all
#   sh assets/fonts/build.sh fang kai   # rebuild only some faces
set -eu

here=$(cd "$(dirname "$0")" && pwd)
pkgs="fonts-noto-cjk fonts-lxgw-wenkai texlive-lang-chinese python3 python3-fonttools unicode-data"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "installing:$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "need root to apt-get install$missing" >&2
		exit 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing ||
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing; }
fi

# Debian's python, not one from PATH: python3-fonttools is installed for it.
/usr/bin/python3 "$here/build_fonts.py" "$here" "$@" >"$here/build-report.json.new"
if [ $# -eq 0 ]; then
	mv "$here/build-report.json.new" "$here/build-report.json"
else
	cat "$here/build-report.json.new"
	rm -f "$here/build-report.json.new"
fi

# Licence texts, copied from the packages the fonts come from.
{
	echo "The files title.ttf, hei.ttf and song.ttf are subsets of Noto Serif CJK SC Bold,"
	echo "Noto Sans CJK SC Regular and Noto Serif CJK SC Regular (Debian package fonts-noto-cjk),"
	echo "converted from CFF to TrueType outlines."
	echo
	echo "  Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
	echo "  Copyright 2017-2022 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
	echo "  Noto is a trademark of Google Inc."
	echo
	echo "The file kai.ttf is a renamed subset (family \"Nianbao Kai\") of LXGW WenKai Regular"
	echo "(Debian package fonts-lxgw-wenkai); as a modified version it does not use the"
	echo "Reserved Font Names \"LXGW\" and \"霞鹜\"."
	echo
	echo "  Copyright 2021-2023 LXGW (https://github.com/lxgw/LxgwWenKai),"
	echo "  with Reserved Font Names \"霞鹜\" and \"LXGW\"."
	echo "  Copyright 2020 The Klee Project Authors (https://github.com/fontworks-fonts/Klee)."
	echo
	echo "All of these fonts are licensed under the SIL Open Font License, Version 1.1:"
	echo
	# The licence text as Debian ships it in the copyright file (lines indented by one space,
	# paragraphs separated by " .").
	awk '/^License: OFL-1.1$/ { buf = ""; on = 1; next }
		on && /^ / { buf = buf $0 "\n"; next }
		{ on = 0 }
		END { printf "%s", buf }' /usr/share/doc/fonts-lxgw-wenkai/copyright |
		sed 's/^ //; s/^\.$//'
} >"$here/LICENSE-OFL.txt"

{
	echo "The file fang.ttf is a subset of FandolFang Regular (Debian package texlive-lang-chinese,"
	echo "CTAN fonts/fandol), converted from CFF to TrueType outlines."
	echo
	echo "  Copyright © 2012-2013, the Fandol team (Clerk Ma, Jie Su)."
	echo
	echo "It is licensed under the GNU General Public License version 3 with the font exception"
	echo "that closes the text below: documents that embed the font are not covered by the GPL"
	echo "for that reason alone."
	echo
	zcat /usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz
} >"$here/LICENSE-FandolFang.txt"

ls -l "$here"/*.ttf
