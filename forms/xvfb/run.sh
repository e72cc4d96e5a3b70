#!/bin/bash
# Opens the real nianbao window under Xvfb with the built-in sample, shows
# every part of the report in turn and saves a screenshot of each to
# docs/screens/<size>/, at 1366x768 and at 1920x1080; types into table 三
# as a clerk does at 1366x768 (--clerk); checks the window fits the work
# area beside icewm's taskbar (--wm). Prints the time from
# launch to the first drawn frame (reported by the app itself, to the
# nanosecond) and the resident memory after start (VmRSS). Fails when the
# window does not appear.
#
# Needs: xvfb (xvfb-run), xdotool, x11-utils (xprop), imagemagick (import),
# icewm, and the packages
# that build Fyne (gcc libgl-dev xorg-dev or the smaller set).
set -euo pipefail
# A command that fails stops the script: say which, so a failure is never silent.
trap 'echo "FAIL: $(basename "$0") line $LINENO: $BASH_COMMAND" >&2' ERR

root=$(cd "$(dirname "$0")/../.." && pwd)

if [ "${1:-}" = "--repeat" ]; then
	# Runs inside xvfb-run: $2 binary, $3 sample, $4 launches. Launches the
	# real window and a bare Fyne window (the baseline) in turn and prints
	# the median time to the first frame and VmRSS one second after it, for
	# both, and their ratio: the machine's load moves both alike.
	bin=$2 sample=$3 count=$4
	times=() rsses=() btimes=() brsses=()
	for i in $(seq 1 $((2 * count))); do
		log=$(mktemp)
		base=""
		[ $((i % 2)) -eq 0 ] && base=1
		start=$(date +%s%N)
		NIANBAO_TIMING=1 NIANBAO_TIMING_BASELINE=$base "$bin" "$sample" 2>"$log" &
		pid=$!
		frame=""
		for _ in $(seq 1 1000); do
			frame=$(sed -n 's/^nianbao-timing first-frame=\([0-9]*\)$/\1/p' "$log")
			[ -n "$frame" ] && break
			sleep 0.01
		done
		[ -z "$frame" ] && { echo "FAIL: no window" >&2; kill "$pid"; exit 1; }
		sleep 1
		ms=$(( (frame - start) / 1000000 ))
		rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
		if [ -n "$base" ]; then btimes+=("$ms"); brsses+=("$rss"); else times+=("$ms"); rsses+=("$rss"); fi
		kill "$pid"; wait "$pid" 2>/dev/null || true
		rm -f "$log"
	done
	med() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
	t=$(med "${times[@]}") bt=$(med "${btimes[@]}") r=$(med "${rsses[@]}") br=$(med "${brsses[@]}")
	echo "time-to-window, $count launches: nianbao ${times[*]} ms, bare Fyne window ${btimes[*]} ms"
	awk -v t="$t" -v bt="$bt" -v r="$r" -v br="$br" 'BEGIN {
		printf "time-to-window median: nianbao %d ms, bare Fyne window %d ms, ratio %.2f× (goal: nianbao ≤ 1000 ms)\n", t, bt, t / bt
		printf "VmRSS after start median: nianbao %d MiB, bare Fyne window %d MiB, ratio %.2f× (goal: nianbao ≤ 200 MiB)\n", r / 1024, br / 1024, r / br }'
	exit 0
fi

if [ "${1:-}" = "--clerk" ]; then
	# Runs inside xvfb-run at 1366x768: $2 binary, $3 a copy of the sample.
	# Types as a clerk does: Ctrl+4 (table 三, its first cell focused),
	# 5 Tab 6 Enter 7, Ctrl+S; the file must hold 5 and 6 in 一、本年新收
	# (自然人, 商业企业) and 7 in 二、上年结转 (商业企业), each replacing the
	# 0 that was there. Then ten Enters down the column: the focused cell
	# (as the app reports its place, NIANBAO_FOCUS_LOG) must be inside the
	# view below the frozen header. The window must fit the screen.
	bin=$2 file=$3
	flog=$(mktemp)
	NIANBAO_FOCUS_LOG=$flog "$bin" "$file" 2>/dev/null &
	pid=$!
	wid=""
	for _ in $(seq 1 100); do
		wid=$(xdotool search --pid "$pid" --onlyvisible 2>/dev/null | head -1 || true)
		[ -n "$wid" ] && break
		sleep 0.1
	done
	[ -z "$wid" ] && { echo "FAIL: no window to type into" >&2; kill "$pid"; exit 1; }
	sleep 1.5
	eval "$(xdotool getwindowgeometry --shell "$wid")"
	read -r sw sh < <(xdotool getdisplaygeometry)
	if [ "$X" -lt 0 ] || [ "$Y" -lt 0 ] || [ $((X + WIDTH)) -gt "$sw" ] || [ $((Y + HEIGHT)) -gt "$sh" ] || [ "$WIDTH" -lt $((sw * 9 / 10)) ]; then
		echo "FAIL: window ${WIDTH}x${HEIGHT} at $X,$Y on a ${sw}x${sh} screen: it must fill and fit the screen" >&2
		kill "$pid"; exit 1
	fi
	echo "window: ${WIDTH}x${HEIGHT} at $X,$Y on a ${sw}x${sh} screen (fits)"
	xdotool key ctrl+4
	sleep 0.8
	xdotool type --delay 80 5
	xdotool key Tab
	xdotool type --delay 80 6
	xdotool key Return
	xdotool type --delay 80 7
	sleep 0.4
	xdotool key ctrl+s
	sleep 1
	for _ in $(seq 1 10); do
		xdotool key Return
		sleep 0.15
	done
	# Until the app has handled every key (a loaded machine lags): the
	# focus's place unchanged for a second.
	last="" same=0
	for _ in $(seq 1 60); do
		sleep 0.2
		now=$(tail -1 "$flog")
		if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0 last=$now; fi
		[ "$same" -ge 5 ] && break
	done
	# A click on the scroll bar's track scrolls a page and keeps the place:
	# the 3 typed next replaces that cell's 0 (and brings it back in view).
	xdotool mousemove $((X + WIDTH - 8)) $((Y + HEIGHT / 2)) click 1
	sleep 0.5
	xdotool type --delay 80 3
	sleep 0.4
	xdotool key ctrl+s
	for _ in $(seq 1 50); do
		grep -q '"t3.deny8.business": 3,' "$file" && break
		sleep 0.2
	done
	kill "$pid"; wait "$pid" 2>/dev/null || true
	rm -f "$flog"
	for want in '"t3.new.natural": 5,' '"t3.new.business": 6,' '"t3.carry.business": 7,'; do
		if ! grep -q "$want" "$file"; then
			echo "FAIL: after Ctrl+4, 5 Tab 6 Enter 7 and Ctrl+S the file lacks $want" >&2
			grep -n '"t3.new.natural"\|"t3.new.business"\|"t3.carry.business"' "$file" >&2 || true
			exit 1
		fi
	done
	[ -f "$file.bak" ] || { echo "FAIL: no backup kept" >&2; exit 1; }
	echo "typing in the real window: Ctrl+4, 5 Tab 6 Enter 7, Ctrl+S saved 5, 6 (一 自然人, 商业企业) and 7 (二 商业企业)"
	# shellcheck disable=SC2086
	set -- $last
	name=$1 x=$2 y=$3 w=$4 h=$5 vx=$7 vy=$8 vw=$9 vh=${10}
	if [ "$name" != "t3.deny8.business" ]; then
		echo "FAIL: ten Enters from 二、上年结转 ended on $name, want t3.deny8.business" >&2
		exit 1
	fi
	if [ "$y" -lt "$vy" ] || [ $((y + h)) -gt $((vy + vh)) ] || [ "$x" -lt "$vx" ] || [ $((x + w)) -gt $((vx + vw)) ]; then
		echo "FAIL: after ten Enters the focused cell ($x,$y ${w}x$h) is outside the view ($vx,$vy ${vw}x$vh)" >&2
		exit 1
	fi
	echo "ten Enters down the column: the focused cell $name at y $y–$((y + h)) is inside the view y $vy–$((vy + vh)) below the frozen header"
	if ! grep -q '"t3.deny8.business": 3,' "$file"; then
		echo "FAIL: after a click on the scroll bar, the 3 typed did not go into the focused cell" >&2
		exit 1
	fi
	echo "a click on the scroll bar kept the focus: the 3 typed next went into the cell"
	exit 0
fi

if [ "${1:-}" = "--wm" ]; then
	# Runs inside xvfb-run at 1366x768: $2 binary, $3 sample. With icewm
	# and its taskbar, the window, frame and title bar included, must lie
	# inside the work area the window manager announces and fill most of it.
	bin=$2 sample=$3
	icewm >/dev/null 2>&1 &
	wm=$!
	for _ in $(seq 1 50); do
		xprop -root _NET_WORKAREA 2>/dev/null | grep -q = && break
		sleep 0.1
	done
	"$bin" "$sample" 2>/dev/null &
	pid=$!
	wid=""
	for _ in $(seq 1 100); do
		wid=$(xdotool search --pid "$pid" --onlyvisible 2>/dev/null | head -1 || true)
		[ -n "$wid" ] && break
		sleep 0.1
	done
	[ -z "$wid" ] && { echo "FAIL: no window under icewm" >&2; kill "$pid" "$wm"; exit 1; }
	sleep 2
	IFS=', ' read -r ax ay aw ah _ < <(xprop -root _NET_WORKAREA | sed 's/.*= //')
	IFS=', ' read -r fl fr ft fb < <(xprop -id "$wid" _NET_FRAME_EXTENTS | sed 's/.*= //')
	eval "$(xdotool getwindowgeometry --shell "$wid")"
	kill "$pid" "$wm"; wait "$pid" 2>/dev/null || true
	left=$((X - fl)) top=$((Y - ft)) right=$((X + WIDTH + fr)) bottom=$((Y + HEIGHT + fb))
	if [ "$left" -lt "$ax" ] || [ "$top" -lt "$ay" ] || [ "$right" -gt $((ax + aw)) ] || [ "$bottom" -gt $((ay + ah)) ] ||
		[ $((right - left)) -lt $((aw * 9 / 10)) ] || [ $((bottom - top)) -lt $((ah * 9 / 10)) ]; then
		echo "FAIL: under icewm the window's frame spans $left,$top–$right,$bottom; the work area is $ax,$ay ${aw}x$ah" >&2
		exit 1
	fi
	echo "under a window manager with a taskbar: window ${WIDTH}x${HEIGHT}, frame $left,$top–$right,$bottom inside the work area ${aw}x$ah"
	exit 0
fi

if [ "${1:-}" = "--inner" ]; then
	# Runs inside xvfb-run: $2 binary, $3 sample, $4 output folder, $5 WxH.
	bin=$2 sample=$3 out=$4 size=$5
	w=${size%x*} h=${size#*x}
	tour=$(mktemp -d)
	log=$tour/stderr.log
	start=$(date +%s%N)
	NIANBAO_TIMING=1 NIANBAO_SCREENSHOT_TOUR=$tour "$bin" "$sample" 2>"$log" &
	pid=$!
	frame=""
	for _ in $(seq 1 1000); do
		frame=$(sed -n 's/^nianbao-timing first-frame=\([0-9]*\)$/\1/p' "$log")
		[ -n "$frame" ] && break
		if ! kill -0 "$pid" 2>/dev/null; then break; fi
		sleep 0.01
	done
	if [ -z "$frame" ]; then
		echo "FAIL: the window did not appear within 10 s ($size)" >&2
		cat "$log" >&2
		kill "$pid" 2>/dev/null || true
		exit 1
	fi
	echo "time-to-window $size: $(( (frame - start) / 1000000 )) ms (launch to first frame drawn)"
	# The app sizes its window to the screen itself: check it fits.
	sleep 0.3
	wid=$(xdotool search --pid "$pid" --onlyvisible 2>/dev/null | head -1 || true)
	if [ -n "$wid" ]; then
		eval "$(xdotool getwindowgeometry --shell "$wid")"
		if [ $((X + WIDTH)) -gt "$w" ] || [ $((Y + HEIGHT)) -gt "$h" ]; then
			echo "FAIL: window ${WIDTH}x${HEIGHT} at $X,$Y does not fit the ${size} screen" >&2
			kill "$pid"; exit 1
		fi
		echo "window $size: ${WIDTH}x${HEIGHT} at $X,$Y"
	fi
	rss=""
	mkdir -p "$out"
	n=0
	while kill -0 "$pid" 2>/dev/null; do
		if [ -f "$tour/step" ]; then
			read -r num key <"$tour/step"
			sleep 0.6
			[ -z "$rss" ] && rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
			import -window root "$out/$num-$key.png"
			n=$((n + 1))
			rm -f "$tour/step"
		fi
		sleep 0.05
	done
	wait "$pid" || true
	echo "rss-after-start $size: $((rss / 1024)) MiB (VmRSS $rss kB)"
	echo "screenshots $size: $n in $out"
	if [ "$n" -lt 10 ]; then
		echo "FAIL: expected a screenshot of every part, got $n" >&2
		cat "$log" >&2
		exit 1
	fi
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building nianbao…"
(cd "$root" && go build -tags harness -o "$work/nianbao" .)
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config LANG=C.UTF-8
mkdir -p "$HOME"
"$work/nianbao" sample -o "$work/sample.nianbao" >/dev/null 2>&1
# Without a display, and with an OpenGL older than 2.1, the window cannot
# open: a Chinese message pointing to the headless commands and exit 2, not
# a Go stack trace or a hang.
nodisplay() { # nodisplay LABEL COMMAND...
	local label=$1 code=0; shift
	out=$(timeout 30 "$@" 2>&1) || code=$?
	if [ "$code" -ne 2 ] || ! grep -q "nianbao help" <<<"$out" || grep -q "goroutine " <<<"$out"; then
		echo "FAIL: $label: exit $code, output:" >&2
		echo "$out" >&2
		exit 1
	fi
	echo "no window ($label): exit 2 with the message"
}
nodisplay "no DISPLAY" env -u DISPLAY -u WAYLAND_DISPLAY "$work/nianbao" "$work/sample.nianbao"
nodisplay "OpenGL 1.4 only" xvfb-run -a -s "-screen 0 1366x768x24" env MESA_GL_VERSION_OVERRIDE=1.4 "$work/nianbao" "$work/sample.nianbao"

for size in 1366x768 1920x1080; do
	rm -rf "$root/docs/screens/$size"
	# A first start on this screen: no window size remembered from the last.
	rm -rf "$XDG_CONFIG_HOME/fyne"
	xvfb-run -a -s "-screen 0 ${size}x24" bash "$0" --inner "$work/nianbao" "$work/sample.nianbao" "$root/docs/screens/$size" "$size"
done
cp "$work/sample.nianbao" "$work/typed.nianbao"
xvfb-run -a -s "-screen 0 1366x768x24" bash "$0" --clerk "$work/nianbao" "$work/typed.nianbao"
rm -rf "$XDG_CONFIG_HOME/fyne"
if command -v icewm >/dev/null; then
	xvfb-run -a -s "-screen 0 1366x768x24" bash "$0" --wm "$work/nianbao" "$work/sample.nianbao"
else
	echo "FAIL: icewm is not installed (bash scripts/setup.sh --test installs it)" >&2
	exit 1
fi
xvfb-run -a -s "-screen 0 1366x768x24" bash "$0" --repeat "$work/nianbao" "$work/sample.nianbao" 5
