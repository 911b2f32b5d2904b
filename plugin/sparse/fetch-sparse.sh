#!/bin/sh
# Fetch Debian's sparse source package and unpack it into the cache.
#
#   plugin/sparse/fetch-sparse.sh [SUITE] [CACHEDIR]
#	SUITE: default this machine's release (bookworm: 0.6.4); sid for
#	       0.6.5~rc1.  FAULTLINE_SPARSE_SUITE does the same.
#	CACHEDIR: default ${FAULTLINE_CACHE:-$HOME/.cache/faultline}
#
# Debian ships Sparse as binaries only, so faultline-sparse builds its
# libsparse.a from the source package.  As corpus/fetch-kernel.sh does, the
# mirror is read from this machine's apt sources and a private apt state
# under CACHEDIR (with a deb-src entry) keeps the system's lists untouched.
# The source is unpacked into CACHEDIR/sparse-PKGVERSION, keyed by the
# Debian package version.  Prints the path of the unpacked source.
set -eu

suite=${1:-${FAULTLINE_SPARSE_SUITE:-}}
cache=${2:-${FAULTLINE_CACHE:-$HOME/.cache/faultline}}
if [ -z "$suite" ]; then
	suite=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
	[ -n "$suite" ] || suite=sid
fi

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
apt_dir="$cache/apt-sparse-$suite"
. "$(dirname "$0")/../../corpus/apt-private.sh"
apt_private "$apt_dir" deb-src "$suite" fetch-sparse.sh || exit 1

# shellcheck disable=SC2086
pkgver=$(apt-cache $apt_opts showsrc sparse 2>/dev/null |
	awk '$1 == "Version:" { print $2 }' | sort -V | tail -n 1)
if [ -z "$pkgver" ]; then
	echo "fetch-sparse.sh: no sparse source package in $suite on this machine's mirror" >&2
	exit 1
fi
src="$cache/sparse-$pkgver"
if [ -f "$src/linearize.h" ]; then
	echo "$src"
	exit 0
fi

echo "fetch-sparse.sh: downloading the sparse source package $pkgver" >&2
unpack="$cache/unpack-sparse"
rm -rf "$unpack"
mkdir -p "$unpack"
# shellcheck disable=SC2086
(cd "$unpack" && apt-get -qq $apt_opts source "sparse=$pkgver") >&2
dir=$(find "$unpack" -mindepth 1 -maxdepth 1 -type d | head -n 1)
if [ ! -f "$dir/linearize.h" ]; then
	echo "fetch-sparse.sh: the sparse source package did not unpack" >&2
	exit 1
fi
rm -rf "$src"
mv "$dir" "$src"
rm -rf "$unpack"
echo "$src"
