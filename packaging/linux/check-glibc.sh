#!/bin/sh
# Prints the newest glibc symbol version a Linux binary needs (objdump -T)
# and fails if it is newer than the limit (default 2.28: UOS 20; Kylin V10
# has 2.31).
#
#   sh packaging/linux/check-glibc.sh dist/.../nianbao [2.28]
set -eu
bin=${1:?usage: check-glibc.sh BINARY [MAX]}
max=${2:-2.28}
need=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -V | tail -n 1)
[ -n "$need" ] || { echo "check-glibc: no GLIBC symbol versions in $bin" >&2; exit 1; }
echo "check-glibc: $bin needs glibc $need (limit $max)"
objdump -T "$bin" | grep -o "GLIBC_$need" >/dev/null
if [ "$(printf '%s\n%s\n' "$need" "$max" | sort -V | tail -n 1)" != "$max" ]; then
	echo "check-glibc: FAIL: glibc $need is newer than $max" >&2
	objdump -T "$bin" | grep "GLIBC_$need" >&2
	exit 1
fi
