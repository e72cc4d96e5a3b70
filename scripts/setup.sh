#!/usr/bin/env bash
# Installs what building and testing nianbao needs on a fresh Debian 12 /
# Ubuntu machine: the C libraries Fyne builds against, the tools the tests
# use, and Go 1.26 (taken from the Go module proxy when the machine has no
# suitable Go). Safe to run again: it only installs what is missing.
#
#   bash scripts/setup.sh          # build and run
#   bash scripts/setup.sh --test   # also the tools the tests need
set -euo pipefail

GO_VERSION=1.26.8
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Fyne's cgo build (fyne-and-windows.md: the smallest set that builds).
pkgs=(ca-certificates git gcc libc6-dev pkgconf libgl-dev libx11-dev libxrandr-dev libxinerama-dev
      libxi-dev libxxf86vm-dev libxcursor-dev libgl1-mesa-dri)
if [ "$want_test" = 1 ]; then
  # pdftotext/pdffonts/pdftoppm, a virtual display, screenshots and clicks.
  pkgs+=(poppler-utils xvfb xauth imagemagick xdotool x11-utils)
  # LibreOffice renders our .docx, .xlsx and web pages in the tests, as a
  # clerk's office suite would open them.
  pkgs+=(libreoffice-writer-nogui libreoffice-calc-nogui)
  # The Word export's check: python-docx reads the .docx.
  pkgs+=(python3-docx)
  # A window manager with a taskbar: the window must fit the work area.
  pkgs+=(icewm)
  # the clipboard for scripts/import-web-gui.sh (paste import).
  pkgs+=(xclip)
  # A Chinese font: Word and PDF files made by another program for the importer.
  pkgs+=(fonts-wqy-zenhei)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: use one that is new enough, else fetch the toolchain from the module proxy.
go_ok() {
  local v
  v=$("$1" env GOVERSION 2>/dev/null) || return 1
  v=${v#go}
  [ "$(printf '%s\n1.26\n' "${v%.*}" | sort -V | head -n1)" = "1.26" ]
}
GO=""
for g in go /usr/local/go/bin/go; do
  if command -v "$g" >/dev/null 2>&1 && go_ok "$g"; then GO=$(command -v "$g"); break; fi
done
if [ -z "$GO" ]; then
  echo "setup: installing Go $GO_VERSION from the Go module proxy"
  if ! command -v go >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends golang-go >/dev/null
  fi
  tmp=$(mktemp -d)
  mod="golang.org/toolchain@v0.0.1-go${GO_VERSION}.linux-amd64"
  (cd "$tmp" && GOFLAGS=-modcacherw GOMODCACHE="$tmp/mod" GO111MODULE=on go mod download "$mod")
  sudo_ rm -rf /usr/local/go
  sudo_ cp -r "$tmp/mod/$mod" /usr/local/go
  sudo_ chmod -R a+rX,u+w /usr/local/go
  sudo_ find /usr/local/go/bin /usr/local/go/pkg/tool -type f -exec chmod a+x {} +
  rm -rf "$tmp"
  GO=/usr/local/go/bin/go
fi
echo "setup: $("$GO" version)"

if [ "$want_test" = 1 ]; then
  gobin=$("$GO" env GOPATH)/bin
  if [ ! -x "$gobin/staticcheck" ]; then
    echo "setup: installing staticcheck"
    GOFLAGS= "$GO" install honnef.co/go/tools/cmd/staticcheck@v0.8.2
  fi
fi
