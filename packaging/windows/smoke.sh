#!/usr/bin/env bash
# Wine smoke test of the Windows installer: installs it silently into a fresh
# wine prefix, runs the installed nianbao.exe headless (sample, pdf, version),
# checks the PDF, the Start-menu shortcut, the 应用和功能 entry and the
# .nianbao association, opens a report through the association (the GUI,
# under Xvfb) and keeps a screenshot in docs/screenshot-wine.png, opens,
# saves and sums through the system's own file dialogs, then uninstalls
# silently and checks that the user's reports are still there.
# Also installs and uninstalls once for all users (/AllUsers).
#
#   bash packaging/windows/smoke.sh [SETUP.exe]
#
# Without an argument it builds the installer with `make installer`. Needs
# root for apt-get when wine, NSIS or mingw-w64 are missing. Wine 8.0 (Debian
# 12) cannot start Go 1.21+ programs without bcryptprimitives.dll: a test-only
# stand-in is built here from bcryptprimitives.c into the throw-away prefix
# (never into dist/). Prints "N passed, N failed[, N skipped]" last and exits
# non-zero if anything failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); echo "ok   $*"; }
bad() { failed=$((failed + 1)); echo "FAIL $*"; }
skip() { skipped=$((skipped + 1)); echo "skip $*"; }
matches() { [[ $1 == $2 ]]; } # matches STRING GLOB
check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}
finish() {
	echo "smoke: $passed passed, $failed failed, $skipped skipped"
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# ---------------------------------------------------------------- tools
pkgs=(wine wine64 nsis gcc-mingw-w64-x86-64 xvfb xauth x11-utils xdotool imagemagick poppler-utils libgl1-mesa-dri)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "smoke: installing ${missing[*]}"
	sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
	DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
		{ sudo_ apt-get update -qq && DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
fi

setup=${1:-}
if [ -z "$setup" ]; then
	t0=$(date +%s)
	makelog=$(mktemp /tmp/nianbao-smoke-make.XXXXXX.log)
	if ! make installer >"$makelog" 2>&1; then
		tail -30 "$makelog"
		bad "make installer"
		finish
	fi
	echo "smoke: make installer took $(($(date +%s) - t0)) s"
	setup=$(ls -t dist/nianbao-*-windows-amd64-setup.exe | head -n 1)
fi
check "installer exists ($setup)" test -s "$setup"
[ -s "$setup" ] || finish
setup=$(realpath "$setup")

# ---------------------------------------------------------------- prefix
work=$(mktemp -d /tmp/nianbao-smoke.XXXXXX)
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko install dialogs, and no menu entries or desktop files made by
# winemenubuilder in the real home.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Wine links the prefix's Desktop and Documents to folders of $HOME: use a
# throw-away home so that nothing lands in the real one.
export HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$HOME/Desktop" "$HOME/Documents"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
xvfb_pid=""
cleanup() {
	wineserver -k >/dev/null 2>&1 || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	if [ -n "${SMOKE_KEEP:-}" ]; then echo "smoke: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# A virtual display for wine and the GUI. Pick a free display number.
for n in $(seq 91 120); do
	[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }
done
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$disp
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

t0=$(date +%s)
wineboot -i >/dev/null 2>&1
wineserver -w
check "wine prefix created ($(($(date +%s) - t0)) s)" test -d "$WINEPREFIX/drive_c/windows/system32"

# Test-only bcryptprimitives.dll stand-in, into this prefix only.
if x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
	"$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -lbcrypt; then
	cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
	ok "bcryptprimitives.dll stand-in built (test only)"
else
	bad "bcryptprimitives.dll stand-in built"
fi

winenv() { wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r'; }
unix() { winepath -u "$1" 2>/dev/null; }
regq() { # regq KEY [VALUE]: prints the data of a string value ("" = default)
	# reg query prints non-ASCII as "?" into a pipe; reg export writes UTF-16.
	rm -f "$work/q.reg"
	wine reg export "$1" "$work/q.reg" >/dev/null 2>&1 || return 0
	local name='@'
	[ $# -gt 1 ] && name="\"$2\""
	iconv -f UTF-16 -t UTF-8 "$work/q.reg" | tr -d '\r' | awk '/^\[/ { n++ } n == 1' | grep -F -m1 "$name=\"" |
		sed -e 's/^[^=]*="//' -e 's/"$//' -e 's/\\"/"/g' -e 's/\\\\/\\/g'
}
localapp=$(winenv LOCALAPPDATA)
appdata=$(winenv APPDATA)
profile=$(winenv USERPROFILE)
instdir="$localapp\\Programs\\nianbao"
exe="$instdir\\nianbao.exe"
uexe=$(unix "$exe")

# ---------------------------------------------------------------- install
t0=$(date +%s)
wine "$setup" /S
rc=$?
wineserver -w
check "silent install exits 0 (took $(($(date +%s) - t0)) s)" test "$rc" = 0
check "nianbao.exe installed per user in $instdir" test -s "$uexe"
check "uninstall.exe installed" test -s "$(unix "$instdir\\uninstall.exe")"
check "使用说明.html installed" test -s "$(unix "$instdir\\使用说明.html")"
notices=$(unix "$instdir\\licenses\\THIRD_PARTY_LICENSES.txt")
check "the licences of the linked modules are installed" test -s "$notices"
check "… Fyne's and the patched gopdf's among them" bash -c "grep -q '^fyne.io/fyne/v2 ' '$notices' && grep -q '^github.com/signintech/gopdf ' '$notices'"
check "Start-menu shortcut 政府信息公开年报" test -s "$(unix "$appdata\\Microsoft\\Windows\\Start Menu\\Programs\\政府信息公开年报.lnk")"
check "desktop shortcut" test -s "$(unix "$profile\\Desktop\\政府信息公开年报.lnk")"
ukey='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao'
check "应用和功能 entry named 政府信息公开年报" test "$(regq "$ukey" DisplayName)" = "政府信息公开年报"
check "应用和功能 entry has QuietUninstallString" matches "$(regq "$ukey" QuietUninstallString)" '*uninstall.exe" /S'
check ".nianbao is associated with nianbao.report" test "$(regq 'HKCU\Software\Classes\.nianbao')" = "nianbao.report"
cmdline=$(regq 'HKCU\Software\Classes\nianbao.report\shell\open\command')
check "nianbao.report opens with nianbao.exe \"%1\" ($cmdline)" test "$cmdline" = "\"$exe\" \"%1\""

# ---------------------------------------------------------------- headless
docs="$profile\\Documents\\年报 测试"
udocs=$(unix "$docs")
mkdir -p "$udocs"
cd "$udocs" || exit 1

out=$(wine "$exe" version 2>&1 | tr -d '\r')
rc=$?
check "nianbao.exe version exits 0" test "$rc" = 0
check "nianbao.exe version prints a version ($out)" matches "$out" "*[0-9].[0-9]*"

report="$udocs/别斯托别乡2023.nianbao"
wine "$exe" sample -o "$docs\\别斯托别乡2023.nianbao" >"$work/sample.out" 2>&1
check "nianbao.exe sample writes a report (Chinese path)" test -s "$report"

if [ -s "$report" ]; then
	t0=$(date +%s%N)
	wine "$exe" pdf "$docs\\别斯托别乡2023.nianbao" -o "$docs\\别斯托别乡2023.pdf" >"$work/pdf.out" 2>&1
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	check "nianbao.exe pdf exits 0 (${ms} ms)" test "$rc" = 0
	pdftotext "$udocs/别斯托别乡2023.pdf" "$work/pdf.txt" 2>/dev/null
	check "PDF text contains 别斯托别乡" grep -q 别斯托别乡 "$work/pdf.txt"
	check "PDF text contains 政府信息公开" grep -q 政府信息公开 "$work/pdf.txt"
else
	bad "nianbao.exe pdf: no report to print"
fi

# ---------------------------------------------------------------- GUI
# Open the report the way a double-click does: with the command line the
# association registered ("...\nianbao.exe" "%1"). (wine 8.0's `start` does
# not look at per-user HKCU\Software\Classes, so it cannot be used here.)
shot="$root/docs/screenshot-wine.png"
open_exe=""
if [ -s "$report" ] && [ -n "$cmdline" ]; then
	open_exe=$(printf '%s' "$cmdline" | sed -n 's/^"\([^"]*\)".*/\1/p')
	check "the association's program is the installed exe" test "$open_exe" = "$exe"
	wine "$open_exe" "$docs\\别斯托别乡2023.nianbao" >"$work/gui.out" 2>&1 &
else
	wine "$exe" >"$work/gui.out" 2>&1 &
fi
win=""
for _ in $(seq 60); do
	sleep 0.5
	win=$(xdotool search --onlyvisible --name '.' 2>/dev/null | while read -r w; do
		n=$(xdotool getwindowname "$w" 2>/dev/null)
		case $n in *政府信息公开年报*) echo "$w $n" ;; esac
	done | head -n 1)
	[ -n "$win" ] && break
done
check "the GUI opened a window (${win#* })" test -n "$win"
[ -n "$win" ] || tail -20 "$work/gui.out"
if [ -n "$open_exe" ]; then
	check "the window's title names the report opened through the association" matches "$win" "*别斯托别乡2023*"
fi
# Wait until the window has drawn (a black screen has a handful of colours,
# the drawn window hundreds), then keep the screenshot.
mkdir -p "$root/docs"
colors=0
for _ in $(seq 40); do
	sleep 1
	import -window root "$work/shot.png" 2>/dev/null || continue
	colors=$(convert "$work/shot.png" -format '%k' info: 2>/dev/null || echo 0)
	[ "${colors:-0}" -gt 150 ] && break
done
sleep 1
import -window root "$work/shot.png" 2>/dev/null && cp "$work/shot.png" "$shot"
check "the window drew Chinese text and widgets ($colors colours, $shot)" test "${colors:-0}" -gt 150
[ "${colors:-0}" -gt 150 ] || tail -20 "$work/gui.out"

# ------------------------------------------------- the system's file dialogs
# 打开, 另存为 and 汇总 use Windows' own dialogs (wine's comdlg32/shell32
# here), driven with the keyboard as a clerk would. There is no window
# manager under Xvfb, so each window is given the focus before typing.
wid=${win%% *}
title() { xdotool getwindowname "$wid" 2>/dev/null; }
dialog() { # dialog NAME: waits for a visible window so named, prints its id
	local d=""
	for _ in $(seq 30); do
		d=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1)
		[ -n "$d" ] && break
		sleep 0.3
	done
	echo "$d"
}
press() { # press WINDOW KEYS...: focus the window, then type or press
	local w=$1
	shift
	xdotool windowfocus "$w" 2>/dev/null
	sleep 0.3
	"$@"
}
if [ -n "$open_exe" ] && [ -n "$wid" ]; then
	cp "$report" "$udocs/b.nianbao"
	press "$wid" xdotool key ctrl+o
	d=$(dialog '打开报告')
	check "Ctrl+O shows the system's open dialog 打开报告" test -n "$d"
	if [ -n "$d" ]; then
		press "$d" xdotool type b.nianbao
		xdotool key Return
		for _ in $(seq 20); do matches "$(title)" "b.nianbao*" && break; sleep 0.3; done
		check "typing b.nianbao there opens it ($(title))" matches "$(title)" "b.nianbao*"
	fi
	press "$wid" xdotool key ctrl+shift+s
	d=$(dialog '另存为')
	check "Ctrl+Shift+S shows the system's save dialog 另存为" test -n "$d"
	if [ -n "$d" ]; then
		press "$d" xdotool key ctrl+a
		xdotool type c
		xdotool key Return
		for _ in $(seq 20); do [ -s "$udocs/c.nianbao" ] && break; sleep 0.3; done
		check "saving as c adds .nianbao and writes it ($(title))" test -s "$udocs/c.nianbao"
	fi
	# 文件 → 汇总各单位报告… (Fyne's own menu, at fixed places in the window),
	# then the folder browser starts in the report's folder: Return sums it,
	# and 导出汇总表（Excel） writes c.xlsx there through the save dialog.
	press "$wid" xdotool mousemove --window "$wid" 30 15 click 1
	sleep 0.8
	xdotool mousemove --window "$wid" 71 591 click 1
	d=$(dialog 'Browse for Folder')
	check "汇总 shows the system's folder browser" test -n "$d"
	if [ -n "$d" ]; then
		press "$d" xdotool key Return
		sleep 3
		press "$wid" xdotool mousemove --window "$wid" 636 598 click 1
		d=$(dialog '导出汇总表')
		check "the sum of the folder chosen there is offered for export" test -n "$d"
		if [ -n "$d" ]; then
			press "$d" xdotool key Return
			for _ in $(seq 20); do [ -s "$udocs/c.xlsx" ] && break; sleep 0.3; done
			check "the summary workbook is written in that folder" test -s "$udocs/c.xlsx"
		fi
	fi
	import -window root "$work/dialogs.png" 2>/dev/null
fi
# ------------------------------------------------- the same report twice
# The window holds its report's lock file (hidden); a second nianbao on the
# same report is told who has it open (its title says so while it asks
# 只读打开 / 另存副本 / 取消). Run after the dialogs above, which the second
# window's focus changes would disturb.
if [ -n "$open_exe" ] && [ -n "$win" ]; then
	name=$(title | sed -e 's/ — .*//' -e 's/ \*$//')
	lockfile="$udocs/.~lock.$name#"
	check "the open report ($name) has its lock file" test -s "$lockfile"
	attrs=$(wine cmd /c attrib "$docs\\.~lock.$name#" 2>/dev/null | tr -d '\r' | head -n 1 | cut -c1-12)
	check "the lock file is hidden (attrib: '$attrs')" matches "$attrs" "*H*"
	wine "$exe" "$docs\\$name" >"$work/gui2.out" 2>&1 &
	second_pid=$!
	second=""
	for _ in $(seq 60); do
		sleep 0.5
		second=$(xdotool search --onlyvisible --name '正由他人编辑' 2>/dev/null | head -n 1)
		[ -n "$second" ] && break
	done
	check "a second nianbao on the same report is warned ($(xdotool getwindowname "$second" 2>/dev/null))" test -n "$second"
	[ -n "$second" ] && import -window root "$work/second.png" 2>/dev/null
	kill "$second_pid" 2>/dev/null
	wait "$second_pid" 2>/dev/null
	check "… and leaves the first window's lock alone" grep -q '"user"' "$lockfile"
fi
wineserver -k >/dev/null 2>&1
wineserver -w

# ---------------------------------------------------------------- uninstall
echo "keep" >"$udocs/我的备注.txt"
t0=$(date +%s)
wine "$(unix "$instdir\\uninstall.exe")" /S
wineserver -w # the uninstaller re-runs itself from a temporary copy
check "silent uninstall took $(($(date +%s) - t0)) s" true
check "nianbao.exe removed" test ! -e "$uexe"
check "the licence files removed" test ! -e "$notices"
check "install folder removed" test ! -e "$(unix "$instdir")"
check "Start-menu shortcut removed" test ! -e "$(unix "$appdata\\Microsoft\\Windows\\Start Menu\\Programs\\政府信息公开年报.lnk")"
check "应用和功能 entry removed" test -z "$(regq "$ukey" DisplayName)"
check "association removed" test -z "$(regq 'HKCU\Software\Classes\nianbao.report\shell\open\command')"
check "the user's report survives uninstall" test -s "$report"
check "the user's other files survive uninstall" test -s "$udocs/我的备注.txt"
check "the user's PDF survives uninstall" test -s "$udocs/别斯托别乡2023.pdf"

# ---------------------------------------------------------------- all users
cd "$root" || exit 1
wine "$setup" /S /AllUsers /NoDesktop
rc=$?
wineserver -w
pf=$(winenv ProgramW6432)
check "all-users install exits 0" test "$rc" = 0
check "all-users install in $pf\\nianbao" test -s "$(unix "$pf\\nianbao\\nianbao.exe")"
mkey='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\nianbao'
check "all-users 应用和功能 entry in HKLM" test "$(regq "$mkey" DisplayName)" = "政府信息公开年报"
check "all-users association in HKLM" test "$(regq 'HKLM\Software\Classes\.nianbao')" = "nianbao.report"
check "/NoDesktop: no desktop shortcut" test ! -e "$(unix "$(winenv PUBLIC)\\Desktop\\政府信息公开年报.lnk")"
out=$(wine "$(unix "$pf\\nianbao\\nianbao.exe")" version 2>&1 | tr -d '\r')
check "all-users nianbao.exe runs ($out)" matches "$out" "*[0-9].[0-9]*"
wine "$(unix "$pf\\nianbao\\uninstall.exe")" /S
wineserver -w
check "all-users uninstall removes the program" test ! -e "$(unix "$pf\\nianbao\\nianbao.exe")"
check "all-users uninstall removes the HKLM entry" test -z "$(regq "$mkey" DisplayName)"

finish
