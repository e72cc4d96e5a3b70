#!/usr/bin/env bash
# Builds the Linux binary of nianbao inside a Debian 11 (bullseye) chroot, so
# that it needs glibc 2.28 or older and starts on UOS 20 (glibc 2.28) and
# Kylin V10 (2.31). A binary built on Debian 12 needs glibc 2.34.
#
#   sudo bash packaging/linux/build-in-chroot.sh OUT [VERSION]
#
# The chroot is made once with debootstrap from Debian's mirror and kept in
# $NIANBAO_CHROOT (default /var/tmp/nianbao-bullseye); later runs reuse it and
# its Go build cache (NIANBAO_CHROOT_GOCACHE, a path inside the chroot, picks
# another one). The host's Go toolchain, module cache and this source
# tree are bind-mounted into it for the build, and unmounted afterwards.
set -euo pipefail

out=$(realpath -m "${1:?usage: build-in-chroot.sh OUT [VERSION]}")
version=${2:-}
src=$(cd "$(dirname "$0")/../.." && pwd)
root=${NIANBAO_CHROOT:-/var/tmp/nianbao-bullseye}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" = 0 ] || { echo "build-in-chroot: needs root (debootstrap, chroot, mount)" >&2; exit 1; }

goroot=$(go env GOROOT)
gomodcache=$(go env GOMODCACHE)
# Fyne's cgo libraries (the smallest set, see shared docs) plus what Go needs.
pkgs=gcc,libc6-dev,pkgconf,libgl-dev,libx11-dev,libxrandr-dev,libxinerama-dev,libxi-dev,libxxf86vm-dev,libxcursor-dev,ca-certificates

if ! command -v debootstrap >/dev/null; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
fi
if [ ! -x "$root/usr/bin/gcc" ]; then
	echo "build-in-chroot: creating the bullseye chroot in $root (a few minutes, once)"
	rm -rf "$root"
	debootstrap --variant=minbase --include="$pkgs" bullseye "$root" "$mirror"
fi

mounts=()
cleanup() {
	local i
	for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "${mounts[$i]}" 2>/dev/null || umount -l "${mounts[$i]}" || true; done
}
trap cleanup EXIT
bind() { # bind HOSTDIR CHROOTDIR [ro]
	mkdir -p "$root$2"
	mount --bind "$1" "$root$2"
	mounts+=("$root$2")
	if [ "${3:-}" = ro ]; then mount -o remount,bind,ro "$root$2"; fi
}
bind /proc /proc
bind /dev /dev
bind "$goroot" /opt/go ro
bind "$gomodcache" /opt/gomod
bind "$src" /src ro
mkdir -p "$root/out"
bind "$(dirname "$out")" /out
cp /etc/resolv.conf "$root/etc/resolv.conf"

ldflags="-s -w"
[ -n "$version" ] && ldflags="$ldflags -X nianbao/version.Number=$version"
chroot "$root" /usr/bin/env -i PATH=/opt/go/bin:/usr/bin:/bin HOME=/root \
	GOROOT=/opt/go GOMODCACHE=/opt/gomod GOCACHE="${NIANBAO_CHROOT_GOCACHE:-/root/.cache/go-build}" GOFLAGS="-buildvcs=false -mod=readonly" \
	GOPROXY="$(go env GOPROXY)" GOTOOLCHAIN=local CGO_ENABLED=1 \
	/bin/sh -c "cd /src && go build -trimpath -ldflags '$ldflags' -o '/out/$(basename "$out")' ."
echo "build-in-chroot: built $out ($(ldd --version | head -n1 | sed 's/.* //') host; bullseye has glibc $(chroot "$root" ldd --version | head -n1 | sed 's/.* //'))"
