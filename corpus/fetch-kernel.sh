#!/bin/sh
# Fetch a Debian linux-source-X.Y package and unpack it into the cache.
#
#   corpus/fetch-kernel.sh VERSION [CACHEDIR]
#	VERSION: 5.10, 6.1, 6.12 or 7.3
#	CACHEDIR: default ${FAULTLINE_CACHE:-$HOME/.cache/faultline}
#
# The mirror is read from this machine's apt sources; only the suites are
# swapped for the ones that carry the version (bullseye for 5.10, bookworm
# for 6.1, trixie for 6.12, trixie-backports then experimental for 7.3).
# A private apt state under CACHEDIR keeps the system's own package lists
# untouched.  The tree is unpacked into CACHEDIR/linux-VERSION-PKGVERSION,
# keyed by the Debian package version, so a newer upload is a new tree and
# a stale one is never reused.  Package lists younger than
# FAULTLINE_LISTS_MAX_AGE minutes (default 360) are not read again.
# Prints the path of the unpacked tree on success.
set -eu

version=${1:?usage: fetch-kernel.sh VERSION [CACHEDIR]}
cache=${2:-${FAULTLINE_CACHE:-$HOME/.cache/faultline}}

case "$version" in
5.10) suites="bullseye bullseye-updates bullseye-security" ;;
6.1) suites="bookworm bookworm-updates bookworm-security" ;;
6.12) suites="trixie trixie-updates trixie-security" ;;
7.3) suites="trixie-backports experimental" ;;
*)
	echo "fetch-kernel.sh: unknown kernel version '$version' (5.10, 6.1, 6.12, 7.3)" >&2
	exit 2
	;;
esac

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
apt_dir="$cache/apt-linux-$version"
. "$(dirname "$0")/apt-private.sh"
apt_private "$apt_dir" deb "$suites" fetch-kernel.sh || exit 1

# The newest linux-source-VERSION any of the suites serves.
# shellcheck disable=SC2086
pkgver=$(apt-cache $apt_opts madison "linux-source-$version" 2>/dev/null |
	awk -F'|' '{ gsub(/ /, "", $2); print $2 }' |
	while read -r v; do echo "$v"; done | sort -V | tail -n 1)
if [ -z "$pkgver" ]; then
	echo "fetch-kernel.sh: no linux-source-$version in $suites on this machine's mirror" >&2
	exit 1
fi
tree="$cache/linux-$version-$pkgver"
if [ -f "$tree/Makefile" ]; then
	echo "$tree"
	exit 0
fi

echo "fetch-kernel.sh: downloading linux-source-$version $pkgver" >&2
# shellcheck disable=SC2086
(cd "$apt_dir/archives" && apt-get -qq $apt_opts download "linux-source-$version=$pkgver") >&2
deb=$(ls "$apt_dir/archives"/linux-source-"$version"_*.deb | while read -r f; do
	[ "$(dpkg-deb -f "$f" Version)" = "$pkgver" ] && echo "$f"
done | head -n 1)
unpack="$cache/unpack-$version"
rm -rf "$unpack"
mkdir -p "$unpack"
dpkg-deb -x "$deb" "$unpack"
tarball=$(ls "$unpack"/usr/src/linux-source-"$version".tar.*)
echo "fetch-kernel.sh: unpacking $(basename "$tarball")" >&2
tar -C "$unpack" -xf "$tarball"
rm -rf "$tree"
mv "$unpack/linux-source-$version" "$tree"
rm -rf "$unpack"
# Older trees of this version (other package versions) are stale.
for old in "$cache/linux-$version"-*; do
	[ "$old" = "$tree" ] || [ ! -d "$old" ] || rm -rf "$old"
done
rm -f "$deb"
echo "$tree"
