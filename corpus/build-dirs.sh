#!/bin/sh
# Build kernel directories with the faultline plugin and collect findings.
#
#   corpus/build-dirs.sh KDIR OUTDIR DIR...
#
# Objects of each DIR are removed first, so every unit is really compiled
# with the current plugin; then tools/faultline-link links them all.
# Progress goes to stderr, one line a directory.  OUTDIR/build-*.log keep
# the compiler output, OUTDIR/report.txt and report.sarif every finding
# (the plugin's and the link step's; BASELINE=FILE leaves out those the
# baseline lists), OUTDIR/findings.txt one line each:
#   FILE<TAB>FUNCTION<TAB>LINE<TAB>CHECK<TAB>MESSAGE
# FAULTLINE_PLUGIN: the plugin (default plugin/faultline.so); KMAKE: the make
# command with kbuild variables (ARCH=, CC=; default make).
# FRONTEND=sparse or clang: no plugin; kbuild runs tools/faultline-FRONTEND
# as its checker on every unit (C=2 CHECK=...), which writes the facts to
# side files beside the objects (DIR/.NAME.o.faultline).
# KBUILD_MODULES=1: Linux 5.10 skips modular directories in "make dir/"
# without it.
# Exit status: 0, or 1 if a directory failed to build, the compiler crashed
# or facts were unreadable (everything else is still built and linked).
set -u

kdir=${1:?usage: build-dirs.sh KDIR OUTDIR DIR...}
outdir=${2:?usage: build-dirs.sh KDIR OUTDIR DIR...}
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
plugin=${FAULTLINE_PLUGIN:-$top/plugin/faultline.so}
jobs=${JOBS:-$(nproc)}
status=0
frontend=${FRONTEND:-gcc}
case "$frontend" in
gcc) with="KCFLAGS=-fplugin=$plugin" also= ;;
sparse | clang)
	checker=$top/tools/faultline-$frontend
	[ -x "$checker" ] || {
		echo "build-dirs.sh: no $checker (make builds it)" >&2
		exit 1
	}
	with=C=2 also="CHECK=$checker"
	;;
*)
	echo "build-dirs.sh: unknown FRONTEND '$frontend' (gcc, sparse, clang)" >&2
	exit 1
	;;
esac

mkdir -p "$outdir"
: >"$outdir/findings.txt"
for dir in "$@"; do
	# A directory (fs/gfs2/) or a single object (fs/direct-io.o).
	case "$dir" in
	*.o) ;;
	*) dir=${dir%/}/ ;;
	esac
	log="$outdir/build-$(echo "$dir" | tr '/' '_').log"
	# BUILD_DIRS_LINK_ONLY=1: link what was built (e.g. by identity.sh).
	if [ -n "${BUILD_DIRS_LINK_ONLY:-}" ]; then
		continue
	fi
	echo "  BUILD   $dir (with faultline${FRONTEND:+-$frontend})" >&2
	find "$kdir/$dir" \( -name '*.o' -o -name '.*.o.faultline' \) -delete 2>/dev/null
	# shellcheck disable=SC2086
	if ! LC_ALL=C ${KMAKE:-make} -C "$kdir" -k -j"$jobs" \
		KBUILD_MODULES=1 "$with" ${also:+"$also"} "$dir" >"$log" 2>&1; then
		echo "  FAILED  $dir: see $log" >&2
		status=1
	fi
	if grep -q 'internal compiler error' "$log"; then
		echo "  CRASH   $dir: see $log" >&2
		status=1
	fi
done

# Link every object of the directories: the plugin's findings and the
# cross-unit ones, as text (report.txt) and SARIF (report.sarif).
objs=""
for dir in "$@"; do
	objs="$objs $kdir/${dir%/}"
done
# shellcheck disable=SC2086
"$top/tools/faultline-link" --all --srcroot "$kdir" \
	${BASELINE:+--baseline "$BASELINE"} \
	--sarif "$outdir/report.sarif" $objs >"$outdir/report.txt" \
	2>"$outdir/link.log"
[ $? -ge 2 ] && {
	echo "  LINK    errors: see $outdir/link.log" >&2
	status=1
}
sed 's/^/  LINK    /' "$outdir/link.log" >&2
awk -f "$top/corpus/findings.awk" "$outdir/report.txt" |
	sort -u >"$outdir/findings.txt"
exit $status
