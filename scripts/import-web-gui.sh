#!/bin/bash
# Pastes a real report copied from a portal page (a corpus document, with
# the page's column name and metadata lines) into the real nianbao window
# under Xvfb with 文件 → 粘贴导入…, imports it, and saves screenshots of the
# paste box, the 导入结果 dialog (with the note that lists the dropped page
# chrome) and the 基本信息 page after it to docs/screens/import-web-*.png.
# Look at them; the script fails when the window does not appear.
#
# Needs: xvfb (xvfb-run), xdotool, xclip, imagemagick (import).
# Usage: bash scripts/import-web-gui.sh [CORPUS-FOLDER]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = "--inner" ]; then
	bin=$2 doc=$3 out=$4
	"$bin" >/dev/null 2>&1 &
	pid=$!
	wid=""
	for _ in $(seq 1 100); do
		wid=$(xdotool search --onlyvisible --name "政府信息公开年报" 2>/dev/null | head -1 || true)
		[ -n "$wid" ] && break
		sleep 0.1
	done
	[ -z "$wid" ] && { echo "FAIL: no window" >&2; kill "$pid"; exit 1; }
	sleep 2
	xdotool windowactivate --sync "$wid" 2>/dev/null || true
	xclip -selection clipboard -i <"$doc" &
	sleep 1
	xdotool mousemove 30 15 click 1; sleep 1         # 文件
	xdotool mousemove 50 465 click 1; sleep 2        # 粘贴导入…
	xdotool mousemove 590 300 click 1; sleep 0.5     # the paste box
	xdotool key ctrl+v; sleep 2
	import -window root "$out-paste.png"
	xdotool mousemove 626 592 click 1; sleep 3       # 导入
	import -window root "$out-result.png"
	xdotool mousemove 589 551 click 1; sleep 1       # 关闭
	import -window root "$out-organ.png"
	kill "$pid"; wait "$pid" 2>/dev/null || true
	exit 0
fi

doc=$root/reports/importer/testdata/corpus/${1:-countydept-2024-daying}/report.txt
bin=$(mktemp -d)/nianbao
(cd "$root" && go build -o "$bin" .)
mkdir -p "$root/docs/screens"
HOME=$(mktemp -d) xvfb-run -a -s '-screen 0 1366x768x24' bash "$0" --inner "$bin" "$doc" "$root/docs/screens/import-web"
ls -l "$root"/docs/screens/import-web-*.png
