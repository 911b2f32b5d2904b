#!/bin/sh
# The corpus through faultline-sparse as kernel developers run a checker,
# `make C=2 CHECK=faultline-sparse`, over the directories of a tree that
# corpus/accept.sh has just built with the plugin, and judged by the same
# "must" and "silent" lines.
#
#   corpus/sparse-c2.sh VERSION...
#
# make gets the build's own variables (KCFLAGS with the plugin), so no
# object is rebuilt: kbuild only runs the checker on every unit.  The
# checker writes its facts under cache/out-sparse-c2-VERSION/facts
# (--faultline-facts-dir), not beside the plugin's objects, and
# faultline-link links those alone.  Prints PASS/FAIL a line per
# expectation, prefixed sparse-c2/VERSION.  Exit status 1 if one failed
# or the check could not run.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
plugin=${FAULTLINE_PLUGIN:-$top/plugin/faultline.so}
sparse=${FAULTLINE_SPARSE:-$top/tools/faultline-sparse}
failed=0

fail() {
	echo "FAIL sparse-c2/$1"
	failed=1
}

for version in "$@"; do
	out="$FAULTLINE_CACHE/out-sparse-c2-$version"
	if ! kdir=$(sh "$here/prepare-kernel.sh" "$version" "$FAULTLINE_CACHE"); then
		fail "$version: the kernel tree could not be prepared"
		continue
	fi
	dirs=$(sh "$here/corpus-dirs.sh" "$version")
	rm -rf "$out"
	mkdir -p "$out/facts"
	start=$(date +%s)
	echo "  CHECK   C=2 CHECK=faultline-sparse $dirs" >&2
	# shellcheck disable=SC2086
	LC_ALL=C ${KMAKE:-make} -C "$kdir" -k -j"${JOBS:-$(nproc)}" \
		KBUILD_MODULES=1 "KCFLAGS=-fplugin=$plugin" C=2 \
		"CHECK=$sparse --faultline-facts-dir=$out/facts" $dirs \
		>"$out/check.log" 2>&1 ||
		fail "$version: make C=2 failed (see $out/check.log)"
	# The build was done: a compile here means the flags did not match.
	if grep -q '^  CC ' "$out/check.log"; then
		fail "$version: make C=2 recompiled units (see $out/check.log)"
	fi
	if [ "$(grep -c '^  CHECK ' "$out/check.log")" = 0 ]; then
		fail "$version: kbuild ran no checker (see $out/check.log)"
		continue
	fi
	"$top/tools/faultline-link" --all --srcroot "$kdir" "$out/facts" \
		>"$out/report.txt" 2>"$out/link.log"
	[ $? -ge 2 ] && fail "$version: the link failed (see $out/link.log)"
	awk -f "$here/findings.awk" "$out/report.txt" | sort -u >"$out/findings.txt"
	echo "sparse-c2/$version: $(grep -c '^  CHECK ' "$out/check.log") units checked in $(($(date +%s) - start)) s"
	grep 'not checked' "$out/check.log" | sed "s|^|sparse-c2/$version: |"
	sh "$here/judge.sh" "$here/expected/$version.txt" "$out" "sparse-c2/$version" ||
		failed=1
done
exit $failed
