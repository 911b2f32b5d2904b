#!/bin/sh
# A Debian chroot with the packages a toolchain test needs, made once with
# mmdebstrap from this machine's own mirror and kept in the cache.
#
#   corpus/chroot.sh SUITE PACKAGE...
#
# The chroot is CACHE/chroot-SUITE-KEY, KEY the checksum of what makes it
# (the suite, the package list and mmdebstrap's options), so another set of
# packages is another chroot and a stale one is never reused.  Prints its
# path.
set -eu
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"

suite=${1:?usage: chroot.sh SUITE PACKAGE...}
shift
packages=$(echo "$@" | tr ' ' '\n' | sort -u | tr '\n' ',' | sed 's/,$//')
# sid and experimental Release files may be past their Valid-Until on a
# snapshot mirror.
set -- --variant=apt '--aptopt=Acquire::Check-Valid-Until "false"' \
	'--aptopt=APT::Install-Recommends "false"'
key=$(echo "$suite $packages $*" | cksum | cut -d' ' -f1)
root="$FAULTLINE_CACHE/chroot-$suite-$key"
if [ -f "$root/.faultline-chroot" ]; then
	echo "$root"
	exit 0
fi
command -v mmdebstrap >/dev/null || {
	echo "chroot.sh: mmdebstrap is missing (make deps installs it)" >&2
	exit 2
}

# remove_chroot DIR: a killed mmdebstrap leaves /proc, /sys and /dev
# mounted in its directory; unmount them, deepest first, and never let rm
# cross into a mount.
remove_chroot() {
	awk -v dir="$1" 'index($2, dir "/") == 1 { print $2 }' /proc/mounts |
		sort -r | while read -r mnt; do umount "$mnt" || umount -l "$mnt"; done
	rm -rf --one-file-system "$1"
}

# The machine's Debian mirror (the URI whose suites carry a release name).
mirror=$({
	cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		awk '$1 == "deb" && $3 ~ /^(bullseye|bookworm|trixie|forky|sid)$/ { print $2 }'
	cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^URIs:/ { uri = $2 } /^Suites:/ && $2 ~ /^(bullseye|bookworm|trixie|forky|sid)$/ { print uri }'
} | head -n 1)
[ -n "$mirror" ] || {
	echo "chroot.sh: no Debian archive found in the apt sources" >&2
	exit 1
}

echo "chroot.sh: making a $suite chroot with $packages (once; cached)" >&2
mkdir -p "$FAULTLINE_CACHE"
remove_chroot "$root.tmp"
mmdebstrap --quiet "$@" --include="$packages" \
	"$suite" "$root.tmp" "deb $mirror $suite main" >&2
remove_chroot "$root"
mv "$root.tmp" "$root"
touch "$root/.faultline-chroot"
# Chroots of this suite with other package lists are stale.
for old in "$FAULTLINE_CACHE/chroot-$suite"-*; do
	[ "$old" = "$root" ] || [ ! -d "$old" ] || remove_chroot "$old"
done
echo "$root"
