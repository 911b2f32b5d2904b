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
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"

# The Debian archives of the machine's sources (one-line and deb822 forms),
# by their URI: those with a suite that carries a Debian release name.
{
	cat /etc/apt/sources.list 2>/dev/null || true
	cat /etc/apt/sources.list.d/*.list 2>/dev/null || true
} | awk '$1 == "deb" { print $2, $3 }' >"$apt_dir/uris"
cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
	awk '/^URIs:/ { uri = $2 } /^Suites:/ { s = ""; for (i = 2; i <= NF; i++) s = s " " $i; print uri s }' \
		>>"$apt_dir/uris"
awk -v suites="$suites" '
	BEGIN { n = split(suites, want, " ") }
	{
		debian = 0
		for (i = 2; i <= NF; i++)
			if ($i ~ /^(bullseye|bookworm|trixie|forky|sid|unstable|stable)(-updates|-backports)?$/)
				debian = 1
		if (!debian || seen[$1]++)
			next
		for (j = 1; j <= n; j++) {
			uri = $1
			# Security updates live in the archive named for them.
			if ((want[j] ~ /-security$/) != ($1 ~ /security/))
				continue
			print "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] " uri " " want[j] " main"
		}
	}' "$apt_dir/uris" | sort -u >"$apt_dir/sources.list.new"
if [ ! -s "$apt_dir/sources.list.new" ]; then
	echo "fetch-kernel.sh: no Debian archive found in the apt sources" >&2
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
	echo "fetch-kernel.sh: reading package lists for Linux $version ($suites)" >&2
	# shellcheck disable=SC2086
	if apt-get -qq $apt_opts update >&2; then
		touch "$apt_dir/lists.stamp"
	else
		echo "fetch-kernel.sh: apt-get update failed; using the lists there are" >&2
	fi
fi
rm -f "$apt_dir/sources.list.new"

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
