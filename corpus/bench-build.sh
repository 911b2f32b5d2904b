#!/bin/sh
# CPU time and peak RSS of building a kernel directory with and without the
# plugin, alternated so that machine noise hits both alike.  Prints ratios.
#
#   corpus/bench-build.sh [VERSION [DIR]]	(default: 6.1 fs/btrfs/)
#   BENCH_ROUNDS=N (default 2) pairs of builds.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
plugin="$top/plugin/faultline.so"
version=${1:-6.1}
dir=${2:-fs/btrfs/}
rounds=${BENCH_ROUNDS:-2}
jobs=${JOBS:-$(nproc)}
kdir=$(sh "$here/prepare-kernel.sh" "$version" "$top/cache")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One build: "CPU-seconds peak-RSS-KiB" (user + system, the whole tree of
# processes make waited for).
measure() {
	find "$kdir/$dir" -name '*.o' -delete
	/usr/bin/time -f '%U %S %M' -o "$tmp/time" \
		make -s -C "$kdir" -j"$jobs" KBUILD_MODULES=1 ${1:+KCFLAGS="$1"} \
		"$dir" >/dev/null 2>&1
	awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$tmp/time"
}

plain_cpu=0
plugin_cpu=0
plain_rss=0
plugin_rss=0
i=0
while [ "$i" -lt "$rounds" ]; do
	set -- $(measure "")
	echo "  round $((i + 1)): without faultline ${1}s CPU, ${2} KiB peak" >&2
	plain_cpu=$(echo "$plain_cpu + $1" | bc)
	[ "$2" -gt "$plain_rss" ] && plain_rss=$2
	set -- $(measure "-fplugin=$plugin")
	echo "  round $((i + 1)): with faultline    ${1}s CPU, ${2} KiB peak" >&2
	plugin_cpu=$(echo "$plugin_cpu + $1" | bc)
	[ "$2" -gt "$plugin_rss" ] && plugin_rss=$2
	i=$((i + 1))
done
echo "bench $version $dir: CPU ${plain_cpu}s without, ${plugin_cpu}s with faultline ($rounds builds each)"
echo "bench $version $dir: CPU-time ratio $(echo "scale=3; $plugin_cpu / $plain_cpu" | bc)"
echo "bench $version $dir: peak-RSS ratio $(echo "scale=3; $plugin_rss / $plain_rss" | bc) ($plain_rss KiB -> $plugin_rss KiB)"
