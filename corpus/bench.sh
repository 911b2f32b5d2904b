#!/bin/sh
# `make bench`: the cost of faultline on the corpus directories of a tree.
#
#   corpus/bench.sh [VERSION [DIR...]]	(default: 6.1, its corpus directories)
#   BENCH_ROUNDS=N (default 1) pairs of builds, alternated without and with
#   the plugin so that machine noise hits both alike.
#
# Prints the CPU-time ratio and the peak-RSS ratio of the builds (targets:
# at most 1.05 and 1.10), the time of the link step over every object
# (target: under 5 s) and whether the objects are identical but for the
# facts section.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
plugin="$top/plugin/faultline.so"
version=${1:-6.1}
[ $# -gt 0 ] && shift
dirs=${*:-$(sh "$here/corpus-dirs.sh" "$version")}
rounds=${BENCH_ROUNDS:-1}
jobs=${JOBS:-$(nproc)}
kdir=$(sh "$here/prepare-kernel.sh" "$version" "$top/cache")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

clean() {
	for dir in $dirs; do
		find "$kdir/$dir" -name '*.o' -delete 2>/dev/null || :
	done
}

# One build of every directory: "CPU-seconds peak-RSS-KiB" (user + system
# of the whole process tree; the largest single process for RSS).
measure() {
	clean
	# shellcheck disable=SC2086
	/usr/bin/time -f '%U %S %M' -o "$tmp/time" \
		make -s -k -C "$kdir" -j"$jobs" KBUILD_MODULES=1 \
		${1:+KCFLAGS="$1"} $dirs >/dev/null 2>&1 || :
	awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$tmp/time"
}

objects() {
	for dir in $dirs; do
		(cd "$kdir" && find "${dir%/}" -name '*.o')
	done | sort
}

plain_cpu=0
plugin_cpu=0
plain_rss=0
plugin_rss=0
i=0
echo "bench $version: $dirs" >&2
while [ "$i" -lt "$rounds" ]; do
	set -- $(measure "")
	echo "  round $((i + 1)): without faultline ${1}s CPU, ${2} KiB peak" >&2
	plain_cpu=$(echo "$plain_cpu + $1" | bc)
	[ "$2" -gt "$plain_rss" ] && plain_rss=$2
	objects >"$tmp/objects"
	(cd "$kdir" && cpio -pdm --quiet "$tmp/plain") <"$tmp/objects"
	set -- $(measure "-fplugin=$plugin")
	echo "  round $((i + 1)): with faultline    ${1}s CPU, ${2} KiB peak" >&2
	plugin_cpu=$(echo "$plugin_cpu + $1" | bc)
	[ "$2" -gt "$plugin_rss" ] && plugin_rss=$2
	i=$((i + 1))
done

# The link step over every object of the last build.
start=$(date +%s.%N)
# shellcheck disable=SC2086
(cd "$kdir" && "$top/tools/faultline-link" -q $(for d in $dirs; do echo "${d%/}"; done)) \
	>/dev/null 2>"$tmp/link.err" || :
end=$(date +%s.%N)

# Identity: every object of the plain build against the plugin build.
total=0
differ=0
while IFS= read -r obj; do
	total=$((total + 1))
	objcopy -R .discard.faultline "$tmp/plain/$obj" "$tmp/a.o" 2>/dev/null &&
		objcopy -R .discard.faultline "$kdir/$obj" "$tmp/b.o" 2>/dev/null &&
		cmp -s "$tmp/a.o" "$tmp/b.o" || differ=$((differ + 1))
done <"$tmp/objects"

echo "bench $version: CPU ${plain_cpu}s without, ${plugin_cpu}s with faultline ($rounds builds each)"
echo "bench $version: CPU-time ratio $(echo "scale=3; $plugin_cpu / $plain_cpu" | bc) (target <= 1.05)"
echo "bench $version: peak-RSS ratio $(echo "scale=3; $plugin_rss / $plain_rss" | bc) ($plain_rss KiB -> $plugin_rss KiB, target <= 1.10)"
echo "bench $version: link step $(echo "scale=2; ($end - $start) / 1" | bc) s over $total objects (target < 5 s)"
echo "bench $version: identity $((total - differ))/$total objects identical but for the facts section"
