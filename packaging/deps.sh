#!/usr/bin/env bash
# Installs what `make dist` needs on a fresh Debian 12 machine (as root, or
# with sudo): Go and Fyne's C libraries (scripts/setup.sh), the mingw-w64
# cross compiler, NSIS, debootstrap and binutils (objdump). Only what is
# missing is installed; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
bash scripts/setup.sh
pkgs=(gcc-mingw-w64-x86-64 nsis debootstrap binutils ca-certificates)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "deps: installing ${missing[*]}"
	sudo_ apt-get update -qq
	DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
