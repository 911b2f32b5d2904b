#!/bin/sh
# The corpus directories of a tree through a standalone front end the way
# kernel developers run a checker, timed against the build it rides on:
#
#   corpus/checker-accept.sh FRONTEND [VERSION...]	(FRONTEND sparse or
#	clang; default VERSION 7.3)
#
# clang builds the tree with LLVM=-19 (clang-19, ld.lld-19, llvm-19: a
# clang-built kernel, which no GCC plugin can check); sparse with GCC.  In
# a hard-linked copy of the prepared tree (VERSION's tree with -FRONTEND)
# configured for that compiler, for each version:
#   1. plain    the corpus directories built, objects removed first;
#   2. C=2      make C=2 CHECK=tools/faultline-FRONTEND on the built tree:
#               every unit checked, none compiled;
#   3. C=1      objects and side files removed, make C=1 CHECK=...: every
#               unit compiled and checked, as a developer's build does
#               (CHECKER_C1=0 leaves it out);
# then the side files of the last check are linked and judged by the
# "must" and "silent" lines of corpus/expected/VERSION.txt, and the bench
# is printed: the CPU time (user + system, make and every child) of C=2
# against the plain build (the check alone; targets: 0.30 for Sparse, 0.5
# for libclang) and what C=1 adds to the build, with the peak RSS of the
# largest process of each.  BENCH_ROUNDS=N (default 1) repeats 1-3,
# alternating, and adds the times up; DIRS=... checks other directories
# (the expectations are still judged).  Exit status 1 on a failed build or
# expectation.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
fe=${1:?usage: checker-accept.sh sparse|clang [VERSION...]}
shift
jobs=${JOBS:-$(nproc)}
rounds=${BENCH_ROUNDS:-1}
checker=$top/tools/faultline-$fe
failed=0
case "$fe" in
sparse) kmake=make ;;
clang) kmake="make LLVM=-19" ;;
*)
	echo "checker-accept.sh: FRONTEND is sparse or clang, not '$fe'" >&2
	exit 2
	;;
esac
[ -x "$checker" ] || {
	echo "checker-accept.sh: no $checker (make builds it)" >&2
	exit 2
}

# timed LOG MAKE-ARGS...: a make run in the tree; adds "CPU RSS WALL" to
# LOG.times.  Its status is make's.
timed() {
	log=$1
	shift
	# shellcheck disable=SC2086
	LC_ALL=C /usr/bin/time -f '%U %S %M %e' -o "$log.time" \
		$kmake -C "$tree" -j"$jobs" KBUILD_MODULES=1 "$@" >>"$log" 2>&1
	rc=$?
	tail -n 1 "$log.time" | awk '{ printf "%.2f %d %.1f\n", $1 + $2, $3, $4 }' \
		>>"$log.times"
	return $rc
}

# Every object and side file of the directories goes.
clean_dirs() {
	for d in $dirs; do
		case "$d" in
		*.o) rm -f "$tree/$d" "$tree/$(dirname "$d")/.$(basename "$d").faultline" ;;
		*) find "$tree/${d%/}" \( -name '*.o' -o -name '.*.o.faultline' \) -delete ;;
		esac
	done
}

for version in ${*:-7.3}; do
	label="$fe/$version"
	kdir=$(sh "$here/prepare-kernel.sh" "$version") || {
		echo "FAIL checker-accept/$label: the kernel tree could not be prepared"
		failed=1
		continue
	}
	tree="$kdir-$fe"
	out="$FAULTLINE_CACHE/out-checker-$fe-$version"
	rm -rf "$out" && mkdir -p "$out"
	dirs=${DIRS:-$(sh "$here/corpus-dirs.sh" "$version")}
	sh "$here/tree-copy.sh" "$kdir" "$tree"
	KMAKE="$kmake" FRAGMENT_STRICT=0 sh "$here/configure-tree.sh" "$tree" \
		"Linux $version ($kmake)" 2>"$out/configure.log" || {
		echo "FAIL checker-accept/$label: configuring failed (see $out/configure.log)"
		failed=1
		continue
	}
	sed -n 's/^configure-tree.sh: \(.*did not stick.*\)/checker-accept\/'"$fe\/$version"': \1/p' \
		"$out/configure.log"
	echo "  CHECK   Linux $version with $kmake, $rounds round(s): $dirs" >&2
	r=0
	while [ "$r" -lt "$rounds" ]; do
		r=$((r + 1))
		clean_dirs
		echo "  BUILD   plain (round $r)" >&2
		# shellcheck disable=SC2086
		timed "$out/plain" $dirs || {
			echo "FAIL checker-accept/$label: the plain build failed (see $out/plain)"
			failed=1
		}
		echo "  CHECK   C=2 (round $r)" >&2
		# shellcheck disable=SC2086
		timed "$out/c2" C=2 CHECK="$checker" $dirs || failed=1
		[ "${CHECKER_C1:-1}" = 1 ] || continue
		clean_dirs
		echo "  BUILD   C=1 (round $r)" >&2
		# shellcheck disable=SC2086
		timed "$out/c1" C=1 CHECK="$checker" $dirs || failed=1
	done
	grep 'not checked' "$out/c2" | sort -u | sed "s|^|checker-accept/$label: |"

	# The link over the side files the last check left, judged.
	# shellcheck disable=SC2086
	BUILD_DIRS_LINK_ONLY=1 sh "$here/build-dirs.sh" "$tree" "$out" $dirs 2>"$out/link-dirs.log" ||
		failed=1
	sh "$here/judge.sh" "$here/expected/$version.txt" "$out" "checker-accept/$label" ||
		failed=1

	awk -v label="$label" -v c1="${CHECKER_C1:-1}" '
		FILENAME ~ /plain.times$/ { pc += $1; if ($2 > pr) pr = $2; pw += $3 }
		FILENAME ~ /c2.times$/ { c2c += $1; if ($2 > c2r) c2r = $2; c2w += $3 }
		FILENAME ~ /c1.times$/ { c1c += $1; if ($2 > c1r) c1r = $2; c1w += $3 }
		END {
			if (!pc) { print "bench " label ": no plain build timed"; exit 1 }
			printf "bench %s: plain build %.1f s CPU (%.1f s wall), peak RSS %d KiB\n", label, pc, pw, pr
			printf "bench %s: C=2 alone %.1f s CPU (%.1f s wall), peak RSS %d KiB: CPU ratio %.3f to the build\n",
				label, c2c, c2w, c2r, c2c / pc
			if (c1 == 1)
				printf "bench %s: C=1 build %.1f s CPU (%.1f s wall), peak RSS %d KiB: adds %.3f of the build\n",
					label, c1c, c1w, c1r, (c1c - pc) / pc
		}' "$out/plain.times" "$out/c2.times" $([ "${CHECKER_C1:-1}" = 1 ] && echo "$out/c1.times")
done
exit $failed
