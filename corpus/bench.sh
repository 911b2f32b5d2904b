#!/bin/sh
# `make bench`: the cost of faultline on the corpus directories of a tree.
#
#   corpus/bench.sh [VERSION [DIR...]]	(default: 6.1, its corpus directories)
#
# BENCH_CC: the compiler (default gcc).  One this machine's release does
# not ship (gcc-15) runs in the cached chroot of the release that does
# (corpus/chroots.sh), with the plugin built there for it, on the tree the
# toolchains tier uses (CHROOT/build/linux); the times are taken here, of
# the whole "chroot ... compile" command, the same for both sides.
#
# The directories are built once with the plugin (an ordinary kbuild run,
# which also leaves every unit's compile command in its .cmd file).  Then
# every unit's compile command is run twice in a row, without and with the
# plugin, the order swapped from one unit to the next, JOBS (default: the
# number of CPUs) units at a time.  Pairing each unit with itself a second
# apart cancels what made whole-build comparisons useless on a small
# machine: two builds minutes apart differed by up to 16% with nothing
# changed.  The figures cover the compiler and objtool, not make and fixdep,
# whose cost the plugin does not change: the ratio is, if anything, high.
#
# Prints the CPU-time ratio (target: at most 1.02) with the same ratio over
# the units compiled plugin-first and plain-first (their difference is the
# noise left), the peak-RSS ratio of the largest compiler process (at most
# 1.10), the units where the plugin costs most, the time of the link step
# over every object (under 5 s) and whether every unit's two objects are
# identical but for the facts section (and that the plugin wrote facts).
set -eu
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
plugin=${FAULTLINE_PLUGIN:-$top/plugin/faultline.so}
version=${1:-6.1}
[ $# -gt 0 ] && shift
dirs=${*:-$(sh "$here/corpus-dirs.sh" "$version")}
jobs=${JOBS:-$(nproc)}
cc=${BENCH_CC:-gcc}
kdir=$(sh "$here/prepare-kernel.sh" "$version" "$FAULTLINE_CACHE")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# run: how a command reaches the tree at $inner (here: directly).
run="" inner=$kdir depdir=$tmp kmake="make"
. "$here/chroots.sh"
if [ -n "$(suite_of "$cc")" ]; then
	root=$(chroot_root "$cc") || {
		echo "bench $version: no chroot for $cc" >&2
		exit 1
	}
	echo "  BUILD   the plugin for $cc in $root" >&2
	chroot_checkout "$root"
	chroot_make "$root" "$cc" all >"$tmp/plugin.log" 2>&1 || {
		cat "$tmp/plugin.log" >&2
		exit 1
	}
	plugin=/src/plugin/$cc/faultline.so
	sh "$here/tree-copy.sh" "$kdir" "$root/build/linux"
	kdir=$root/build/linux inner=/build/linux depdir=/tmp run="chroot $root"
	kmake="make CC=$cc HOSTCC=$cc"
	$run env KMAKE="$kmake" FRAGMENT_STRICT=0 \
		sh /src/corpus/configure-tree.sh "$inner" "Linux $version ($cc)" >&2 || exit 1
elif [ "$cc" != gcc ]; then
	# The cached trees are configured for gcc: another host compiler
	# would reconfigure them.
	echo "bench: BENCH_CC is gcc or a compiler a chroot serves (gcc-10, gcc-13 to gcc-16)" >&2
	exit 2
fi

echo "bench $version ($cc): $dirs" >&2
echo "  BUILD   with faultline (kbuild, for the compile commands)" >&2
# shellcheck disable=SC2086
$run $kmake -s -k -C "$inner" -j"$jobs" KBUILD_MODULES=1 KCFLAGS="-fplugin=$plugin" \
	$dirs >/dev/null 2>&1 || :

# Units: objects whose .cmd holds the compiler's "-c" command.
for dir in $dirs; do
	(cd "$kdir" && find "${dir%/}" -name '*.o')
done | sort | while IFS= read -r obj; do
	cmdfile="$kdir/$(dirname "$obj")/.$(basename "$obj").cmd"
	[ -f "$cmdfile" ] && head -1 "$cmdfile" | grep -q ":= $cc .* -c " &&
		echo "$obj"
done >"$tmp/units"
units=$(wc -l <"$tmp/units")

# compile_command OBJ PLUGIN-FLAGS: the unit's command from its .cmd file,
# make's escapes undone, any plugin flag replaced, the dependency file
# written aside.
compile_command() {
	cmdfile="$kdir/$(dirname "$1")/.$(basename "$1").cmd"
	head -1 "$cmdfile" | sed -e 's/^[a-z]*cmd_[^ ]* := //' \
		-e 's/\$\$/$/g' -e 's/\\#/#/g' -e 's| -fplugin=[^ ]*faultline\.so||g' \
		-e "s|-Wp,-MMD,[^ ]*|-Wp,-MMD,$depdir/dep.$2.d|" \
		-e "s|^$cc |$cc $3 |"
}

# timed WORKER CMD: runs it in the tree, prints "CPU-seconds peak-RSS-KiB".
timed() {
	# shellcheck disable=SC2086
	/usr/bin/time -f '%U %S %M' -o "$tmp/time.$1" \
		$run sh -c "cd '$inner' && $2" >/dev/null 2>&1 || :
	tail -1 "$tmp/time.$1" | awk '{ printf "%.3f %d", $1 + $2, $3 }'
}

# worker K: every JOBS-th unit from the K-th; one line a unit:
#   OBJ ORDER PLAIN-CPU PLAIN-RSS WITH-CPU WITH-RSS IDENTICAL FACTS
worker() {
	n=0
	awk -v jobs="$jobs" -v k="$1" 'NR % jobs == k' "$tmp/units" |
		while IFS= read -r obj; do
			plain=$(compile_command "$obj" "$1" "")
			with=$(compile_command "$obj" "$1" "-fplugin=$plugin")
			n=$((n + 1))
			if [ $((n % 2)) = 0 ]; then
				order=plain-first
				p=$(timed "$1" "$plain")
				cp "$kdir/$obj" "$tmp/plain.$1.o"
				w=$(timed "$1" "$with")
				cp "$kdir/$obj" "$tmp/with.$1.o"
			else
				order=plugin-first
				w=$(timed "$1" "$with")
				cp "$kdir/$obj" "$tmp/with.$1.o"
				p=$(timed "$1" "$plain")
				cp "$kdir/$obj" "$tmp/plain.$1.o"
				# The link step reads the facts: keep the plugin's object.
				cp "$tmp/with.$1.o" "$kdir/$obj"
			fi
			facts=0
			objdump -h "$tmp/with.$1.o" 2>/dev/null | grep -q "\.discard\.faultline" &&
				facts=1
			same=0
			objcopy -R .discard.faultline "$tmp/plain.$1.o" "$tmp/a.$1.o" 2>/dev/null &&
				objcopy -R .discard.faultline "$tmp/with.$1.o" "$tmp/b.$1.o" 2>/dev/null &&
				cmp -s "$tmp/a.$1.o" "$tmp/b.$1.o" && same=1
			echo "$obj $order $p $w $same $facts"
			# Progress from the first worker: about one line a minute.
			if [ "$1" = 0 ] && [ $((n % 50)) = 0 ]; then
				echo "  PAIRS   about $((n * jobs)) of $units units" >&2
			fi
		done
}

echo "  PAIRS   $units units, each without and with faultline, $jobs at a time" >&2
k=0
while [ "$k" -lt "$jobs" ]; do
	worker "$k" >"$tmp/pairs.$k" &
	k=$((k + 1))
done
wait
cat "$tmp"/pairs.* >"$tmp/pairs"

# The link step over every object.
start=$(date +%s.%N)
# shellcheck disable=SC2086
(cd "$kdir" && "$top/tools/faultline-link" -q $(for d in $dirs; do echo "${d%/}"; done)) \
	>/dev/null 2>"$tmp/link.err" || :
end=$(date +%s.%N)

awk -v v="$version" -v cc="$cc" -v link="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')" '
	{
		plain += $3; with += $5
		part_plain[$2] += $3; part_with[$2] += $5
		if ($4 > plain_rss) plain_rss = $4
		if ($6 > with_rss) with_rss = $6
		extra[$1] = $5 - $3
		same += $7
		facts += $8
		n++
	}
	END {
		if (n == 0 || plain == 0) {
			print "bench " v ": no unit was compiled"
			exit 1
		}
		printf "bench %s: CPU %.1fs without, %.1fs with faultline over %d units compiled in pairs (%s)\n", v, plain, with, n, cc
		printf "bench %s: CPU-time ratio %.3f (target <= 1.02); plugin-first units %.3f, plain-first units %.3f\n", v, with / plain,
			part_with["plugin-first"] / part_plain["plugin-first"],
			part_with["plain-first"] / part_plain["plain-first"]
		printf "bench %s: peak-RSS ratio %.3f (%d KiB -> %d KiB, target <= 1.10)\n", v, with_rss / plain_rss, plain_rss, with_rss
		printf "bench %s: link step %s s over %d objects (target < 5 s)\n", v, link, n
		printf "bench %s: identity %d/%d objects identical but for the facts section; facts in %d/%d\n", v, same, n, facts, n
		for (k = 0; k < 3; k++) {
			best = ""
			for (o in extra)
				if (best == "" || extra[o] > extra[best])
					best = o
			if (best == "")
				break
			printf "bench %s: costliest unit %d: %s +%.2fs\n", v, k + 1, best, extra[best]
			delete extra[best]
		}
	}' "$tmp/pairs"
