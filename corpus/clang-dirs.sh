#!/bin/sh
# Check kernel directories with tools/faultline-clang and collect findings,
# as build-dirs.sh does with the plugin.
#
#   corpus/clang-dirs.sh KDIR OUTDIR DIR...
#
# Each unit of a DIR that kbuild built (its DIR/.NAME.o.cmd) is checked
# with that command's flags, as C=2 would, run at the tree's top; the facts
# go to OUTDIR/objs/DIR/.NAME.o.faultline, never into the tree, so a tree
# built with GCC can be checked without being touched.  Then
# tools/faultline-link links them all.  OUTDIR/check.log keeps the output,
# OUTDIR/report.txt, report.sarif and findings.txt are as build-dirs.sh's,
# OUTDIR/time.txt the CPU seconds and peak RSS (KB) of each unit.
# Exit status: 0, or 1 if a unit did not parse or facts were unreadable.
set -u

kdir=${1:?usage: clang-dirs.sh KDIR OUTDIR DIR...}
outdir=${2:?usage: clang-dirs.sh KDIR OUTDIR DIR...}
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
checker=$top/tools/faultline-clang
status=0

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
rm -rf "$outdir/objs"
: >"$outdir/check.log"
: >"$outdir/time.txt"
for dir in "$@"; do
	echo "  CHECK   $dir (faultline-clang)" >&2
	case "$dir" in
	*.o) cmds="$kdir/$(dirname "$dir")/.$(basename "$dir").cmd" ;;
	*) cmds=$(find "$kdir/${dir%/}" -name '.*.o.cmd' | sort) ;;
	esac
	for cmd in $cmds; do
		[ -f "$cmd" ] || continue
		src=$(sed -n 's/^source_[^ ]* := //p' "$cmd")
		case $src in *.c) ;; *) continue ;; esac
		obj=$(sed -n '1s/^\(saved\)\{0,1\}cmd_\([^ ]*\) := .*/\2/p' "$cmd")
		mkdir -p "$outdir/objs/$(dirname "$obj")"
		# The .cmd's compile command alone (objtool follows it): the
		# checker runs it at the tree's top, facts to OUTDIR.
		if ! /usr/bin/time -a -o "$outdir/time.txt" -f "$src %U %S %M" \
			"$checker" --faultline-object="$outdir/objs/$obj" "$cmd" \
			>>"$outdir/check.log" 2>&1; then
			echo "  FAILED  $src: see $outdir/check.log" >&2
			status=1
		fi
	done
done

"$top/tools/faultline-link" --all --srcroot "$kdir" \
	--sarif "$outdir/report.sarif" "$outdir/objs" >"$outdir/report.txt" \
	2>"$outdir/link.log"
[ $? -ge 2 ] && {
	echo "  LINK    errors: see $outdir/link.log" >&2
	status=1
}
sed 's/^/  LINK    /' "$outdir/link.log" >&2
awk -f "$top/corpus/findings.awk" "$outdir/report.txt" |
	sort -u >"$outdir/findings.txt"
exit $status
