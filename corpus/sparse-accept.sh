#!/bin/sh
# The corpus through the Sparse front end: for each version, every unit of
# the directories corpus/expected/VERSION.txt names is checked with
# tools/faultline-sparse as `make C=2` runs it (corpus/sparse-check.sh, on
# the flags the plugin build of `make accept` left in the tree, which is
# only read), linked, and judged by the same "must" and "silent" lines.
# Then a bench on a sample of those units: the CPU time of the checks
# against that of compiling the same units with the same flags (GCC, no
# plugin, to /dev/null), and each side's peak RSS.
#
#   corpus/sparse-accept.sh [VERSION...]	(default: 6.1 7.3)
#
# SAMPLE: units in the bench (default 40, spread over the list).
# Output in cache/out-sparse-VERSION/.  Units Sparse cannot parse are
# named.  Exit status 1 if any expectation failed or the checker failed.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"

here=$(cd "$(dirname "$0")" && pwd)
failed=0

# The compile command of a unit's .o.cmd file, made harmless to run in
# the tree: no plugin, no objtool, no dependency file, no object.
compile_of() {
	sed -n '1{s/^[a-z]*cmd_[^ ]* := //; s/  *; .*//; p}' "$1" |
		sed -e 's/ -fplugin[^ ]*//g' -e 's/ -Wp,-MM*D,[^ ]*//' \
			-e 's/ -o [^ ]*\.o / -o \/dev\/null /'
}

bench() {
	kdir=$1 out=$2
	n=$(wc -l <"$out/units")
	step=$((n / ${SAMPLE:-40}))
	[ "$step" -ge 1 ] || step=1
	awk -v s="$step" 'NR % s == 0' "$out/units" >"$out/bench-units"
	: >"$out/bench-gcc.cmds"
	while read -r cmd; do
		compile_of "$cmd" >>"$out/bench-gcc.cmds"
	done <"$out/bench-units"
	(cd "$kdir" && /usr/bin/time -f "%U %S %M" -o "$out/bench-gcc.time" \
		sh -c 'while IFS= read -r c; do eval "$c" >/dev/null 2>&1; done' \
		<"$out/bench-gcc.cmds")
	rm -rf "$out/bench-sparse"
	mkdir -p "$out/bench-sparse"
	/usr/bin/time -f "%U %S %M" -o "$out/bench-sparse.time" \
		xargs -P 1 -n 1 sh "$here/sparse-check.sh" --unit "$kdir" \
		"$out/bench-sparse" <"$out/bench-units"
	awk -v n="$(wc -l <"$out/bench-units")" '
		NR == 1 { g = $1 + $2; grss = int($3 / 1024) }
		NR == 2 { s = $1 + $2; srss = int($3 / 1024) }
		END {
			ratio = g > 0 ? s / g : 0
			printf "%d units: gcc -O2 %.1f s CPU (peak RSS %d MB), ", n, g, grss
			printf "faultline-sparse %.1f s CPU (peak RSS %d MB), ratio %.2f\n", s, srss, ratio
		}' "$out/bench-gcc.time" "$out/bench-sparse.time"
}

for version in ${*:-6.1 7.3}; do
	expected="$here/expected/$version.txt"
	out="$FAULTLINE_CACHE/out-sparse-$version"
	kdir=""
	for d in "$FAULTLINE_CACHE/linux-$version"-[0-9]*; do
		case "$d" in
		*-arm64* | *-wide) ;;
		*) [ -d "$d" ] && kdir=$d ;;
		esac
	done
	if [ -z "$kdir" ] || [ ! -f "$kdir/.faultline-prepared" ]; then
		echo "FAIL sparse/$version: no prepared tree (run make accept first)"
		failed=1
		continue
	fi
	dirs=$(sh "$here/corpus-dirs.sh" "$version")
	start=$(date +%s)
	# shellcheck disable=SC2086
	sh "$here/sparse-check.sh" "$kdir" "$out" $dirs || failed=1
	echo "sparse/$version: the whole check took $(($(date +%s) - start)) s wall, $(cat "$out/time")"
	sh "$here/judge.sh" "$expected" "$out" "sparse/$version" || failed=1
	grep 'not checked' "$out/check.log" | sed "s|^|sparse/$version: |"
	echo "sparse/$version: bench: $(bench "$kdir" "$out")"
	echo "sparse/$version: report in $out/report.txt"
done
exit $failed
