#!/bin/bash
# Crashes the real nianbao window under Xvfb and checks that what was typed
# comes back: types into table 三, waits, kill -9 mid-session, starts again
# without a file (the list of copies), then with the file (the prompt),
# restores and saves. Saves screenshots of the start page, the list and the
# prompt to docs/screens/ and prints how long after the last keystroke the
# recovery copy was written. Exit 1 when a step fails.
#
#   bash app/xvfb/recovery.sh            # builds nianbao, runs under xvfb-run
#
# Needs: xvfb (xvfb-run), xdotool, imagemagick (import), and what builds Fyne.
set -euo pipefail
# A command that fails stops the script: say which, so a failure is never silent.
trap 'echo "FAIL: $(basename "$0") line $LINENO: $BASH_COMMAND" >&2' ERR

root=$(cd "$(dirname "$0")/../.." && pwd)

if [ "${1:-}" != "--inner" ]; then
	bin=$(mktemp -d)/nianbao
	(cd "$root" && go build -o "$bin" .)
	exec xvfb-run -a -s '-screen 0 1366x768x24' bash "$0" --inner "$bin"
fi

bin=$2
out=$root/docs/screens
work=$(mktemp -d)
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$HOME" "$out"
mkdir -p "$HOME/文档/政务公开"
file=$HOME/文档/政务公开/别斯托别乡2023.nianbao
cp "$root/assets/sample.nianbao" "$file"
copies=$XDG_CONFIG_HOME/nianbao/recovery
fail() { echo "FAIL: $*" >&2; exit 1; }

# start runs the binary with its arguments and waits for its window, placed
# at 0,0 and sized 1366x740 (a 1366x768 screen less a taskbar).
start() {
	"$bin" "$@" 2>>"$work/log" &
	pid=$!
	wid=""
	for _ in $(seq 1 300); do
		wid=$(xdotool search --pid "$pid" --onlyvisible 2>/dev/null | head -1 || true)
		[ -n "$wid" ] && break
		sleep 0.1
	done
	[ -z "$wid" ] && fail "no window"
	sleep 0.5
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1366 740
	sleep 1.5
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }

# 1. Type 345 into 三 本年新收 自然人, wait 5 s, type 6, kill -9 at once.
start "$file"
# By keyboard, so that the layout of the table does not matter: Tab into
# the navigation list, ↓ ↓ ↓ to 三, Enter to its first cell.
xdotool key Tab
sleep 0.3
for _ in 1 2 3; do xdotool key Down; sleep 0.3; done
xdotool key Return
sleep 0.5
xdotool key ctrl+a
xdotool type --delay 150 345
typed=$(date +%s%N)
sleep 5
xdotool type --delay 150 6
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
copy=$(ls "$copies"/*.nianbao 2>/dev/null | head -1 || true)
[ -z "$copy" ] && fail "no recovery copy 5 s after typing stopped"
written=$(($(stat -c %.9Y "$copy" | tr -d .)))
grep -q '"t3.new.natural": 345,' "$copy" || fail "the copy does not hold the 345 typed"
echo "recovery copy written $(( (written - typed) / 1000000 )) ms after the last keystroke (the delay is 3000 ms; the file time is coarse); the 6 typed just before kill -9 is lost, as designed"

# 2. Start without a file: the start page with the list of copies.
start
import -window root "$out/recovery-list.png"
stop

# 3. Start with the file: the prompt; 恢复, Ctrl+S.
start "$file"
import -window root "$out/recovery-prompt.png"
# By keyboard, so that the dialog's height does not matter: Tab to 不恢复,
# Tab to 恢复, Space.
xdotool key Tab
sleep 0.3
xdotool key Tab
sleep 0.3
xdotool key space
sleep 0.8
xdotool key ctrl+s
sleep 1
stop
grep -q '"t3.new.natural": 345,' "$file" || fail "after 恢复 and Ctrl+S the file does not hold 345"
echo "crash, restart, 恢复, Ctrl+S: the file holds the 345 typed before kill -9"

# 4. The start page, with the file among 最近打开 and no copy left to offer.
start
import -window root "$out/start-page.png"
stop
[ -z "$(ls "$copies"/*.nianbao 2>/dev/null || true)" ] || fail "a recovery copy is left after restoring and saving"
rm -rf "$work"
