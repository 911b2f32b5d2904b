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
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"

# The machine's Debian archive (one-line and deb822 sources), not security.
{
	cat /etc/apt/sources.list 2>/dev/null || true
	cat /etc/apt/sources.list.d/*.list 2>/dev/null || true
} | awk '$1 == "deb" { print $2, $3 }' >"$apt_dir/uris"
cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
	awk '/^URIs:/ { uri = $2 } /^Suites:/ { s = ""; for (i = 2; i <= NF; i++) s = s " " $i; print uri s }' \
		>>"$apt_dir/uris"
awk -v suite="$suite" '
	$1 ~ /security/ { next }
	{
		for (i = 2; i <= NF; i++)
			if ($i ~ /^(bullseye|bookworm|trixie|forky|sid|unstable|stable)(-updates|-backports)?$/ &&
			    !seen[$1]++)
				print "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] " $1 " " suite " main"
	}' "$apt_dir/uris" | sort -u >"$apt_dir/sources.list.new"
if [ ! -s "$apt_dir/sources.list.new" ]; then
	echo "fetch-sparse.sh: no Debian archive found in the apt sources" >&2
	exit 1
fi

apt_opts="-o Dir::State::Lists=$apt_dir/lists -o Dir::Etc::SourceList=$apt_dir/sources.list
	-o Dir::Etc::SourceParts=/nonexistent -o Dir::Cache::Archives=$apt_dir/archives
	-o Dir::State::Status=/var/lib/dpkg/status -o APT::Sandbox::User=root
	-o Acquire::Check-Valid-Until=false"
max_age=${FAULTLINE_LISTS_MAX_AGE:-360}
if ! cmp -s "$apt_dir/sources.list.new" "$apt_dir/sources.list" ||
	[ -z "$(find "$apt_dir/lists.stamp" -mmin -"$max_age" 2>/dev/null)" ]; then
	mv "$apt_dir/sources.list.new" "$apt_dir/sources.list"
	echo "fetch-sparse.sh: reading source lists ($suite)" >&2
	# shellcheck disable=SC2086
	if apt-get -qq $apt_opts update >&2; then
		touch "$apt_dir/lists.stamp"
	else
		echo "fetch-sparse.sh: apt-get update failed; using the lists there are" >&2
	fi
fi
rm -f "$apt_dir/sources.list.new"

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
