#!/usr/bin/env bash
# Builds the real binary and runs every headless subcommand on the sample,
# checking exit codes and what they wrote (extracted PDF text, JSON, files).
set -uo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/nianbao" . || exit 1
n="$tmp/nianbao"
cd "$tmp"
passed=0 failed=0
check() { # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
code() { # code WANT CMD...: the command exits with WANT
  local want=$1; shift
  "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
  [ "$got" = "$want" ] || { echo "  $* exited $got, want $want"; sed 's/^/  | /' "$tmp/err" | head -5; return 1; }
}
has() { grep -q -- "$2" "$1" || { echo "  $1 lacks: $2"; return 1; }; }

check "version" code 0 "$n" version
check "version prints the number" has out "nianbao "
check "LANG=C.UTF-8 (containers, servers)" code 0 env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 "$n" version
check "… prints nothing on the error stream (no Fyne locale error)" test ! -s "$tmp/err"
check "sample" code 0 "$n" sample -o 示例.nianbao
check "sample equals the embedded file" cmp -s 示例.nianbao "$OLDPWD/assets/sample.nianbao"
check "check on the sample passes" code 0 "$n" check 示例.nianbao
check "check warns about 新源镇" has out 新源镇
check "check --json" code 0 "$n" check --json 示例.nianbao
check "check --json is JSON with codes" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert isinstance(d,list) and d and all("code" in f for f in d)' out
printf 'garbage{' > bad.nianbao; cp bad.nianbao bad.orig
check "check on a broken file exits 2" code 2 "$n" check bad.nianbao
check "the message is Chinese and says what the file is" has err "这不是年报文件"
check "a broken file is left untouched" cmp -s bad.nianbao bad.orig
check "sample refuses to overwrite an unreadable file" code 2 "$n" sample -o bad.nianbao
check "… and leaves it untouched" cmp -s bad.nianbao bad.orig
check "text" code 0 "$n" text 示例.nianbao -o 示例.txt
check "text has table 三's first row" has 示例.txt "一、本年新收政府信息公开申请数量"
check "pdf" code 0 "$n" pdf 示例.nianbao -o 示例.pdf
check "pdf text has the 落款" bash -c 'pdftotext 示例.pdf - | tr -d " \n" | grep -q "新源县别斯托别乡人民政府2024年1月19日"'
check "pdf has page numbers" bash -c 'pdftotext 示例.pdf - | tr -d " " | grep -qx "—1—"'
check "pdf fonts are all embedded" bash -c 'pdffonts 示例.pdf | tail -n +3 | awk "{ if (\$(NF-4) != \"yes\") bad=1 } END { exit bad }"'
check "html" code 0 "$n" html 示例.nianbao -o 示例.html
check "html has merged table cells" has 示例.html "rowspan="
check "xlsx" code 0 "$n" xlsx 示例.nianbao -o 示例.xlsx
check "xlsx is a workbook" python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert "xl/workbook.xml" in z.namelist()' 示例.xlsx
check "import of the text export" code 0 "$n" import 示例.txt -o 导入.nianbao
check "text of the import equals the text export" bash -c "\"$n\" text 导入.nianbao | cmp -s - 示例.txt"
check "import of the workbook" code 0 "$n" import 示例.xlsx -o 表格.nianbao
check "docx" code 0 "$n" docx 示例.nianbao -o 示例.docx
check "docx is a Word document" python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); assert "word/document.xml" in z.namelist()' 示例.docx
check "import of the Word export" code 0 "$n" import 示例.docx -o 文档.nianbao
check "text of the Word import equals the text export" bash -c "\"$n\" text 文档.nianbao | cmp -s - 示例.txt"
check "new year from the sample" code 0 "$n" new --year 2024 --from 示例.nianbao -o 2024.nianbao
check "new year carries last year" has 2024.nianbao '"last_year"'
mkdir units && cp 示例.nianbao units/a.nianbao
sed -e 's/别斯托别乡/那拉提镇/g' -e 's/新源镇/那拉提镇/g' -e 's/镇政务公开办/那拉提镇政务公开办/g' 导入.nianbao > units/b.nianbao
check "sum of a folder" code 0 "$n" sum -o 汇总.xlsx units
check "sum wrote a workbook" test -s 汇总.xlsx
cp 示例.html units/c.html; printf '{"schema": 1,' > units/d.nianbao
check "audit of a folder with a copied unit and a broken file exits 1" code 1 "$n" audit -o 审核.xlsx units
check "audit names the copied pair" has out "雷同    新源县别斯托别乡人民政府 与 新源县那拉提镇人民政府"
check "audit lists the broken file with its reason" has out "无法读取  d.nianbao"
check "audit lists the web page as the same unit again" has out "重复报送"
check "audit wrote the workbook and the leader's page" test -s 审核.xlsx -a -s 审核.html
check "audit --json is one object with units and pairs" bash -c "\"$n\" audit --json units | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d[\"units\"])==4 and len(d[\"pairs\"])==1 and 0.5<d[\"pairs\"][0][\"similarity\"]<=1 and d[\"pairs\"][0][\"passages\"]'"
mkdir empty
check "audit of a folder without reports exits 2" code 2 "$n" audit -o 审核.xlsx empty
check "roster of a county from the gazetteer" code 0 "$n" roster 融安县
check "… lists its townships" has out "融安县大坡乡人民政府"
check "roster refuses a name two districts share" code 2 "$n" roster 朝阳区
check "sum with the county's townships as the roster" code 1 "$n" sum -o 汇总2.xlsx --roster-county 新源县 units
check "… names a township that sent nothing" has out "未报送  新源县坎苏镇人民政府"
check "an unknown command exits 2" code 2 "$n" frobnicate

echo "cli-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
