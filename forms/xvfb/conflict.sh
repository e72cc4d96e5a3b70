#!/bin/bash
# Files in use and changed on disk, in the real window under Xvfb (1366x768):
#  1. opens a report; a second nianbao on the same report is told who has
#     it open (its title says 正由他人编辑; screenshot second-open.png);
#  2. `nianbao xlsx --into` on the open report is refused, then run with
#     --force: it writes a number from a workbook into the file;
#  3. in the window a number is typed and Ctrl+S pressed: the window asks
#     覆盖 / 另存为 / 重新载入, naming table 三 (screenshot conflict.png), and
#     the command line's number is still on disk; 重新载入 then shows it;
#  4. a read-only file opens with the banner (screenshot readonly.png).
# Screenshots go to docs/screens/files/. Prints "ok …" lines, exits non-zero
# on the first failure.
#
#   bash forms/xvfb/conflict.sh [BINARY]
#
# Needs xvfb (xvfb-run), xdotool, imagemagick (import), like run.sh.
set -euo pipefail
# A command that fails stops the script: say which, so a failure is never silent.
trap 'echo "FAIL: $(basename "$0") line $LINENO: $BASH_COMMAND" >&2' ERR

root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "${1:-}" = "--inner" ]; then
	bin=$2 work=$3 shots=$4
	file=$work/别斯托别乡2023.nianbao
	lock=$work/.~lock.别斯托别乡2023.nianbao#
	pids=()
	trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait' EXIT
	window() { # window PID: waits for the process's window, prints its id
		local w=""
		for _ in $(seq 1 150); do
			w=$(xdotool search --pid "$1" --onlyvisible 2>/dev/null | head -1 || true)
			[ -n "$w" ] && break
			sleep 0.1
		done
		echo "$w"
	}
	title() { xdotool getwindowname "$1" 2>/dev/null || true; }
	# launch NAME FILE: starts nianbao on FILE (stderr to NAME.log), waits for
	# its window and sizes it to the screen; sets pid and win.
	launch() {
		"$bin" "$2" 2>"$work/$1.log" &
		pid=$!
		pids+=("$pid")
		win=$(window "$pid")
		[ -n "$win" ] || fail "the window on $(basename "$2") ($1) did not open"
		xdotool windowmove "$win" 0 0 windowsize "$win" 1366 768
		sleep 1.5
	}

	# 1. the first window takes the lock
	launch a "$file"
	a=$pid wa=$win
	[ -s "$lock" ] || fail "no lock file $lock beside the open report"
	grep -q "\"pid\": $a" "$lock" || fail "the lock does not name the window's process $a: $(cat "$lock")"
	echo "ok   the open report has its lock file, naming process $a"

	# ... and a second nianbao on the same report is warned
	launch b "$file"
	b=$pid wb=$win
	case $(title "$wb") in
	*正由他人编辑*) echo "ok   the second window is warned: $(title "$wb")" ;;
	*) fail "the second window's title does not say the file is in use: $(title "$wb")" ;;
	esac
	import -window root "$shots/second-open.png"
	kill "$b"
	wait "$b" 2>/dev/null || true
	grep -q "\"pid\": $a" "$lock" || fail "the second window changed the first one's lock"

	# 2. the command line: refused while the window has the report, then forced
	code=0
	out=$("$bin" xlsx --into "$file" "$work/book.xlsx" 2>&1) || code=$?
	[ "$code" = 2 ] && grep -q "正在年报程序窗口中" <<<"$out" || fail "xlsx --into on the open report: exit $code: $out"
	echo "ok   xlsx --into is refused while the window has the report: ${out#nianbao: }"
	"$bin" xlsx --into "$file" "$work/book.xlsx" --force >/dev/null 2>&1 || fail "xlsx --into --force failed"
	grep -q '"t3.new.business": 123,' "$file" || fail "xlsx --into --force did not write the workbook's number"
	echo "ok   xlsx --into --force wrote 123 into 表三 商业企业"

	# 3. type in the window and press Ctrl+S
	xdotool windowactivate --sync "$wa" 2>/dev/null || xdotool windowfocus "$wa"
	xdotool mousemove 120 217 click 1 # 三、收到和处理政府信息公开申请情况
	sleep 0.8
	typecell() { # types 12 into 一、本年新收 · 自然人 (at 1366x768)
		xdotool mousemove 793 297 click 1
		sleep 0.3
		xdotool key ctrl+a
		xdotool type --delay 60 12
		sleep 0.3
	}
	typecell
	xdotool key ctrl+s
	sleep 1.5
	import -window root "$shots/conflict.png"
	grep -q '"t3.new.business": 123,' "$file" || fail "Ctrl+S in the window overwrote the command line's change"
	grep -q '"t3.new.natural": 12,' "$file" && fail "Ctrl+S saved over the changed file without asking"
	case $(title "$wa") in
	*" *"*) ;;
	*) fail "the window lost its unsaved mark: $(title "$wa")" ;;
	esac
	echo "ok   Ctrl+S after the change on disk asks first; the command line's 123 is still on disk, the 12 typed still in the window"

	# 重新载入 shows the version on disk; typing again and Ctrl+S saves both
	xdotool mousemove 721 537 # 重新载入
	sleep 0.5
	xdotool click 1
	sleep 3
	case $(title "$wa") in
	*" *"*) fail "重新载入 left the window unsaved: $(title "$wa")" ;;
	esac
	xdotool mousemove 120 217 click 1 # 三 again: the reloaded report starts at 基本信息
	sleep 1
	typecell
	xdotool key ctrl+s
	sleep 2
	grep -q '"t3.new.business": 123,' "$file" && grep -q '"t3.new.natural": 12,' "$file" ||
		fail "after 重新载入 and Ctrl+S the file lacks the command line's 123 or the typed 12"
	echo "ok   重新载入, typing 12 again and Ctrl+S: the file holds the command line's 123 and the window's 12"
	kill "$a"
	wait "$a" 2>/dev/null || true

	# 4. a read-only file opens with the banner
	cp "$file" "$work/只读.nianbao"
	chmod 0444 "$work/只读.nianbao"
	launch c "$work/只读.nianbao"
	wc=$win
	case $(title "$wc") in
	*（只读）*) echo "ok   a read-only file opens read-only: $(title "$wc")" ;;
	*) fail "the read-only file's title does not say so: $(title "$wc")" ;;
	esac
	[ -e "$work/.~lock.只读.nianbao#" ] && fail "a read-only file got a lock"
	xdotool key ctrl+s
	sleep 1
	import -window root "$shots/readonly.png"
	exit 0
fi

bin=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	echo "building nianbao…"
	(cd "$root" && go build -o "$work/nianbao" .)
	bin=$work/nianbao
fi
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config LANG=C.UTF-8
mkdir -p "$HOME"
"$bin" sample -o "$work/别斯托别乡2023.nianbao" >/dev/null
# The workbook another program (a colleague, Excel) filled: 表三 商业企业 123.
sed 's/"t3.new.business": 0,/"t3.new.business": 123,/' "$work/别斯托别乡2023.nianbao" >"$work/changed.nianbao"
"$bin" xlsx "$work/changed.nianbao" -o "$work/book.xlsx" >/dev/null || true
[ -s "$work/book.xlsx" ] || fail "could not make the workbook"
shots=$root/docs/screens/files
mkdir -p "$shots"
xvfb-run -a -s "-screen 0 1366x768x24" bash "$0" --inner "$bin" "$work" "$shots"
