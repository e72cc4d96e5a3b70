#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine, builds nianbao and opens the window
# on the built-in sample report (别斯托别乡2023年度报告).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH=/usr/local/go/bin:$PATH
go build -o nianbao .
sample="${NIANBAO_SAMPLE:-$HOME/nianbao-示例.nianbao}"
[ -f "$sample" ] || ./nianbao sample -o "$sample"
./nianbao check "$sample" || true
exec ./nianbao "$sample"
