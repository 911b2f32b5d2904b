#!/bin/sh
# Fetch a Debian linux-source-X.Y package and unpack it into the cache.
#
#   corpus/fetch-kernel.sh VERSION CACHEDIR     (VERSION: 5.10, 6.1 or 6.12)
#
# The mirror is read from this machine's apt sources; only the release name
# is swapped (bullseye for 5.10, bookworm for 6.1, trixie for 6.12), with all
# the suites the machine names (base, -updates, -security).  A private apt
# state under CACHEDIR keeps the system's own package lists untouched.
# Prints the path of the unpacked tree on success.
set -eu

version=${1:?usage: fetch-kernel.sh VERSION CACHEDIR}
cache=${2:?usage: fetch-kernel.sh VERSION CACHEDIR}

case "$version" in
5.10) release=bullseye ;;
6.1) release=bookworm ;;
6.12) release=trixie ;;
*)
	echo "fetch-kernel.sh: unknown kernel version '$version' (5.10, 6.1, 6.12)" >&2
	exit 2
	;;
esac

mkdir -p "$cache"
cache=$(cd "$cache" && pwd)
tree="$cache/linux-$version"
if [ -f "$tree/Makefile" ]; then
	echo "$tree"
	exit 0
fi

apt_dir="$cache/apt-$release"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"

# One-line and deb822 sources both reduce to "URI SUITE..." lines here.
{
	cat /etc/apt/sources.list 2>/dev/null || true
	cat /etc/apt/sources.list.d/*.list 2>/dev/null || true
} | awk '$1 == "deb" { print $2, $3 }' >"$apt_dir/uris"
cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
	awk '/^URIs:/ { uri = $2 } /^Suites:/ { s = ""; for (i = 2; i <= NF; i++) s = s " " $i; print uri s }' \
		>>"$apt_dir/uris"

# Keep only Debian archives (those whose suites carry a Debian release name)
# and rename the release.
awk -v rel="$release" '
	{
		for (i = 2; i <= NF; i++) {
			if ($i !~ /^(bullseye|bookworm|trixie)(-updates|-security)?$/)
				continue
			suite = $i
			sub(/^(bullseye|bookworm|trixie)/, rel, suite)
			print "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] " $1 " " suite " main"
		}
	}' "$apt_dir/uris" | sort -u >"$apt_dir/sources.list"
if [ ! -s "$apt_dir/sources.list" ]; then
	echo "fetch-kernel.sh: no Debian archive found in the apt sources" >&2
	exit 1
fi

apt_opts="-o Dir::State::Lists=$apt_dir/lists -o Dir::Etc::SourceList=$apt_dir/sources.list
	-o Dir::Etc::SourceParts=/nonexistent -o Dir::Cache::Archives=$apt_dir/archives
	-o Dir::State::Status=/var/lib/dpkg/status -o APT::Sandbox::User=root"
echo "fetch-kernel.sh: reading package lists for $release" >&2
# shellcheck disable=SC2086
apt-get -qq $apt_opts update >&2
echo "fetch-kernel.sh: downloading linux-source-$version" >&2
# shellcheck disable=SC2086
(cd "$apt_dir/archives" && apt-get -qq $apt_opts download "linux-source-$version") >&2

deb=$(ls -t "$apt_dir/archives"/linux-source-"$version"_*.deb | head -n 1)
rm -rf "$cache/unpack-$version"
mkdir -p "$cache/unpack-$version"
dpkg-deb -x "$deb" "$cache/unpack-$version"
tarball=$(ls "$cache/unpack-$version"/usr/src/linux-source-"$version".tar.*)
echo "fetch-kernel.sh: unpacking $(basename "$tarball")" >&2
tar -C "$cache/unpack-$version" -xf "$tarball"
rm -rf "$tree"
mv "$cache/unpack-$version/linux-source-$version" "$tree"
rm -rf "$cache/unpack-$version"
echo "$tree"
