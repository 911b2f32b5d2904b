#!/bin/sh
# Acceptance on real kernels: build the directories corpus/expected/V.txt
# names with the plugin, link them, then check its "must" and "silent"
# lines.
#
#   corpus/accept.sh [VERSION...]	(default: 5.10 6.1 6.12 7.3)
#   FRONTEND=clang corpus/accept.sh ...: the same expectations through
#	tools/faultline-clang over the units the tree's build compiled
#	(corpus/clang-dirs.sh; the report in cache/out-clang-VERSION/)
#
# Prints PASS/FAIL a line per expectation, the recall on the "must" list,
# then every finding, marked "unexpected" when no expectation names it.
# The report (text and SARIF) stays in cache/out-VERSION/.  Exit status 1
# if any expectation failed.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cache="$FAULTLINE_CACHE"
failed=0

result() {
	echo "$1 $2"
	[ "$1" = FAIL ] && failed=1
}

for version in ${*:-5.10 6.1 6.12 7.3}; do
	expected="$here/expected/$version.txt"
	out="$cache/out-$version"
	builder=build-dirs.sh
	if [ "${FRONTEND:-gcc}" = clang ]; then
		out="$cache/out-clang-$version"
		builder=clang-dirs.sh
	fi
	if ! kdir=$(sh "$here/prepare-kernel.sh" "$version" "$cache"); then
		result FAIL "accept/$version: the kernel tree could not be prepared"
		continue
	fi
	dirs=$(awk '$1 == "dirs" { $1 = ""; print }' "$expected" | tr '\n' ' ')
	# shellcheck disable=SC2086
	if ! sh "$here/$builder" "$kdir" "$out" $dirs; then
		result FAIL "accept/$version: a directory failed to build (see $out)"
	fi
	sh "$here/judge.sh" "$expected" "$out" "accept/$version" || failed=1
	echo "accept/$version: report in $out/report.txt and $out/report.sarif"
done
exit $failed
