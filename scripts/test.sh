#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs every test of nianbao:
# formatting and static checks, the Go tests (unit, widget, golden, fuzz
# seeds), the real binary end to end on the sample, the real window under
# Xvfb, and the Windows installer under wine. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/setup.sh --test
export PATH=/usr/local/go/bin:$PATH
export PATH=$(go env GOPATH)/bin:$PATH
export LANG=C.UTF-8

passed=0 failed=0 failures=()
stage() { # stage NAME COMMAND...: run one stage, keep going, count it
  local name=$1; shift
  echo "=== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "--- ok: $name ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "--- FAILED: $name ($((SECONDS - t0)) s)"
  fi
}

gofmt_clean() { local out; out=$(gofmt -l $(git ls-files '*.go')); [ -z "$out" ] || { echo "gofmt would change: $out"; return 1; }; }
reports_fyne_free() {
  local fy; fy=$(go list -deps ./reports/... | grep '^fyne.io/' || true)
  [ -z "$fy" ] || { echo "reports/ depends on Fyne: $fy"; return 1; }
}

stage "gofmt" gofmt_clean
stage "reports/ never imports Fyne" reports_fyne_free
stage "third_party/gopdf is gopdf v0.33.0 plus its patch" bash third_party/update-gopdf.sh --check
stage "third_party/ledongthuc-pdf is ledongthuc/pdf plus its patch" bash third_party/update-ledongthuc-pdf.sh --check
stage "go vet" go vet ./...
stage "staticcheck" staticcheck ./...
stage "bench/webextract (its own module) builds and vets" bash -c 'cd bench/webextract && go vet .'
stage "go test" go test -count=1 ./...
stage "fuzz the report loader (10 s)" go test -run '^$' -fuzz '^FuzzParse$' -fuzztime 10s ./reports/
stage "command line end to end" bash scripts/cli-e2e.sh
stage "Word file in LibreOffice and python-docx" bash scripts/docx-check.sh
stage "the window under Xvfb" bash forms/xvfb/run.sh
stage "a crash in the real window and its recovery" bash app/xvfb/recovery.sh
stage "files in use and changed on disk, in the window under Xvfb" bash forms/xvfb/conflict.sh
stage "Windows installer under wine" bash packaging/windows/smoke.sh

echo
[ "$failed" -eq 0 ] || printf 'failed stage: %s\n' "${failures[@]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
