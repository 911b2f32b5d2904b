#!/bin/sh
# Check kernel directories with tools/faultline-sparse as `make C=2` runs
# it, without building anything: each unit's flags come from the .o.cmd
# file an earlier build of KDIR left (the corpus builds), and KDIR is only
# read.
#
#   corpus/sparse-check.sh KDIR OUTDIR DIR...
#
# Each unit runs from KDIR as kbuild runs its checker,
#	faultline-sparse $(CHECKFLAGS) $(c_flags) DIR/NAME.c
# (x86_64's CHECKFLAGS; the compiler, its plugin options, -c and -o left
# out), its facts in OUTDIR/DIR/.NAME.o.faultline; then faultline-link
# --all links them all.  OUTDIR/check.log has every unit's diagnostics
# and the units Sparse could not parse, OUTDIR/report.txt and findings.txt
# are as corpus/build-dirs.sh writes them, OUTDIR/time the CPU seconds and
# peak RSS of the checks.  JOBS units at a time (default 2).
# Exit status: 0, or 1 if the checker failed on a unit (not: Sparse could
# not parse it, which is named in check.log) or the link failed.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
sparse=${FAULTLINE_SPARSE:-$top/tools/faultline-sparse}
checkflags="-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise
	-Wno-return-void -Wno-unknown-attribute -D__x86_64__ --arch=x86_64
	-mlittle-endian -m64"

# One unit: sparse-check.sh --unit KDIR OUTDIR CMDFILE
if [ "${1:-}" = --unit ]; then
	kdir=$2 outdir=$3 cmdfile=$4
	# The compile, without the objtool run 6.1 appends.
	line=$(sed -n '1{s/^[a-z]*cmd_[^ ]* := //; s/  *; .*//; p}' "$cmdfile")
	eval "set -- $line"
	shift # the compiler
	n=$#
	src="" obj="" skip=""
	for a; do
		if [ -n "$skip" ]; then
			obj=$a skip=""
			continue
		fi
		case $a in
		-o) skip=1 ;;
		-c | -fplugin=* | -fplugin-arg-*) ;;
		*.c) src=$a ;;
		*) set -- "$@" "$a" ;;
		esac
	done
	shift "$n"
	[ -n "$src" ] && [ -n "$obj" ] || exit 0
	mkdir -p "$outdir/$(dirname "$obj")"
	log="$outdir/$obj.log"
	# shellcheck disable=SC2086
	(cd "$kdir" && exec "$sparse" $checkflags "$@" \
		--faultline-object="$outdir/$obj" "$src") >"$log" 2>&1
	echo $? >>"$log.status"
	exit 0
fi

kdir=${1:?usage: sparse-check.sh KDIR OUTDIR DIR...}
outdir=${2:?usage: sparse-check.sh KDIR OUTDIR DIR...}
shift 2
kdir=$(cd "$kdir" && pwd)
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
status=0

for dir in "$@"; do
	case "$dir" in
	*.o) echo "$kdir/$(dirname "$dir")/.$(basename "$dir").cmd" ;;
	*) find "$kdir/${dir%/}" -name '.*.o.cmd' ;;
	esac
done | sort -u | while read -r cmd; do
	# Units only: a compile of a C file, not a link of objects.
	sed -n '1p' "$cmd" | grep -q ' -c -o [^ ]*\.o [^ ]*\.c' && echo "$cmd"
done >"$outdir/units"
find "$outdir" -name '*.o.log*' -delete
/usr/bin/time -f "%U %S %M" -o "$outdir/time.raw" \
	xargs -P "${JOBS:-2}" -n 1 sh "$0" --unit "$kdir" "$outdir" \
	<"$outdir/units"
awk '{ printf "%.1f s CPU, peak RSS %d MB\n", $1 + $2, $3 / 1024 }' \
	"$outdir/time.raw" >"$outdir/time"
find "$outdir" -name '*.o.log' | sort | xargs cat >"$outdir/check.log"
# A unit Sparse cannot parse is named (and skipped, as in a build); one
# the checker failed on (a crash, unwritable facts) fails the run.
if find "$outdir" -name '*.o.log.status' -exec cat {} + | grep -qv '^0$'; then
	status=1
fi
echo "sparse-check: $(wc -l <"$outdir/units") units, $(cat "$outdir/time"), $(grep -c 'not checked' "$outdir/check.log") not checked" >&2

dirs=""
for dir in "$@"; do
	case "$dir" in
	*.o) dirs="$dirs $outdir/$dir" ;;
	*) dirs="$dirs $outdir/${dir%/}" ;;
	esac
done
# shellcheck disable=SC2086
"$top/tools/faultline-link" --all --srcroot "$kdir" \
	--sarif "$outdir/report.sarif" $dirs >"$outdir/report.txt" \
	2>"$outdir/link.log"
[ $? -ge 2 ] && status=1
sed 's/^/  LINK    /' "$outdir/link.log" >&2
awk -f "$top/corpus/findings.awk" "$outdir/report.txt" |
	sort -u >"$outdir/findings.txt"
exit $status
