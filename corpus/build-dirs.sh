#!/bin/sh
# Build kernel directories with the faultline plugin and collect findings.
#
#   corpus/build-dirs.sh KDIR OUTDIR DIR...
#
# Objects of each DIR are removed first, so every unit is really compiled
# with the current plugin.  Progress goes to stderr, one line a directory.
# OUTDIR/build-*.log keep the compiler output; OUTDIR/findings.txt gets one
# line a finding:  FILE<TAB>FUNCTION<TAB>LINE<TAB>CHECK<TAB>MESSAGE
# KBUILD_MODULES=1: Linux 5.10 skips modular directories in "make dir/"
# without it.
# Exit status: 0, or 1 if a directory failed to build or the compiler
# crashed (the other directories are still built).
set -u

kdir=${1:?usage: build-dirs.sh KDIR OUTDIR DIR...}
outdir=${2:?usage: build-dirs.sh KDIR OUTDIR DIR...}
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
plugin="$top/plugin/faultline.so"
jobs=${JOBS:-$(nproc)}
status=0

mkdir -p "$outdir"
: >"$outdir/findings.txt"
for dir in "$@"; do
	# A directory (fs/gfs2/) or a single object (fs/direct-io.o).
	case "$dir" in
	*.o) ;;
	*) dir=${dir%/}/ ;;
	esac
	log="$outdir/build-$(echo "$dir" | tr '/' '_').log"
	echo "  BUILD   $dir (with faultline)" >&2
	find "$kdir/$dir" -name '*.o' -delete 2>/dev/null
	if ! LC_ALL=C make -C "$kdir" -k -j"$jobs" \
		KBUILD_MODULES=1 KCFLAGS="-fplugin=$plugin" "$dir" >"$log" 2>&1; then
		echo "  FAILED  $dir: see $log" >&2
		status=1
	fi
	if grep -q 'internal compiler error' "$log"; then
		echo "  CRASH   $dir: see $log" >&2
		status=1
	fi
	awk '
		/: In function / {
			fn = $0
			# The quotes are ASCII or UTF-8 depending on the locale.
			sub(/^.*In function /, "", fn)
			sub(/^[^A-Za-z_]+/, "", fn)
			sub(/[^A-Za-z0-9_]+:$/, "", fn)
			split($0, f, ":")
			fnfile = f[1]
			next
		}
		/ warning: .*\[faultline:[a-z-]+\]$/ {
			split($0, f, ":")
			check = $0
			sub(/^.*\[faultline:/, "", check)
			sub(/\]$/, "", check)
			msg = $0
			sub(/^[^:]*:[0-9]+:[0-9]+: warning: /, "", msg)
			func_name = (f[1] == fnfile) ? fn : "?"
			print f[1] "\t" func_name "\t" f[2] "\t" check "\t" msg
		}' "$log" >>"$outdir/findings.txt"
done
sort -u -o "$outdir/findings.txt" "$outdir/findings.txt"
exit $status
