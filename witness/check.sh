#!/bin/sh
# The witness tier: findings of the corpus turned into programs and run in
# virtual machines (witness/run-vm.sh), each with the outcome it must have.
#
#   witness/check.sh OUTDIR
#
#   5.10 gfs2 direct read    gfs2_file_direct_read holds the inode glock
#                            across iomap_dio_rw: witnessed.
#   6.1 gfs2 direct read     the same program on 6.1 (nofault, fault in and
#                            retry): not witnessed.
#   6.1 ntfs3 fiemap         ntfs_fiemap holds ni_lock across the extent
#                            copy of a resident file: witnessed.
#   5.10 btrfs fiemap        extent_fiemap holds the file's extent range
#                            across fiemap_fill_next_extent: witnessed.
#
# The trees come from corpus/prepare-kernel.sh; their directories are built
# with the plugin if the corpus tier has not done it.  A kernel for each
# tree is built once, in FAULTLINE_CACHE.  PASS/FAIL lines; OUTDIR/CASE
# keeps each run (program, console, excerpt, result).
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
witness_tool=$top/tools/faultline-witness
outdir=${1:?usage: witness/check.sh OUTDIR}
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

result() { echo "$1 witness/$2"; }

# tree VERSION: the prepared tree, its DIR built with the plugin.
tree() {
	kdir=$(sh "$top/corpus/prepare-kernel.sh" "$1" "$FAULTLINE_CACHE") || return 1
	shift
	for d in "$@"; do
		ls "$kdir/$d"/*.o >/dev/null 2>&1 ||
			sh "$top/corpus/build-dirs.sh" "$kdir" "$outdir/build-$(echo "$d" | tr / _)" "$d/" >/dev/null ||
			return 1
	done
	echo "$kdir"
}

# run NAME KDIR DIR FUNCTION WANT: write the witness of FUNCTION's finding
# and run it on KDIR's kernel; WANT is the outcome it must have.
run() {
	name=$1 kdir=$2 dir=$3 function=$4 want=$5
	case_dir="$outdir/$(echo "$name" | tr ' /.' '---')"
	rm -rf "$case_dir"
	mkdir -p "$case_dir"
	sh "$here/objects.sh" "$kdir" "$dir" >"$case_dir/objects"
	if ! "$witness_tool" --function "$function" --objects "$case_dir/objects" \
		-o "$case_dir/witness.c" --plan "$case_dir/plan" \
		>"$case_dir/witness.log" 2>&1; then
		result FAIL "$name: no witness for $function ($(head -n 1 "$case_dir/witness.log"))"
		return
	fi
	check "$name" "$kdir" "$case_dir" "$want"
}

# check NAME KDIR CASE_DIR WANT: run CASE_DIR's program on KDIR's kernel.
check() {
	name=$1 kdir=$2 case_dir=$3 want=$4
	start=$(date +%s)
	sh "$here/run-vm.sh" "$kdir" "$case_dir/plan" "$case_dir/witness.c" \
		"$case_dir" >"$case_dir/run.log" 2>&1
	took=$(($(date +%s) - start))
	got=$(cat "$case_dir/result" 2>/dev/null || echo "no result")
	case "$got" in
	skipped*)
		echo "SKIP witness/$name (${got#skipped: })"
		return
		;;
	"$want"*)
		result PASS "$name: $got (${took} s, boot and run $(cat "$case_dir/seconds" 2>/dev/null || echo '?') s)"
		;;
	*)
		result FAIL "$name: $got, not $want"
		sed 's/^/    /' "$case_dir/run.log"
		tail -n 30 "$case_dir/console.log" 2>/dev/null | sed 's/^/    /'
		;;
	esac
	[ ! -s "$case_dir/excerpt.txt" ] || sed -n '1,12s/^/    | /p' "$case_dir/excerpt.txt"
}

if k510=$(tree 5.10 fs/gfs2 fs/btrfs); then
	run "5.10 gfs2 direct read" "$k510" fs/gfs2 gfs2_file_direct_read witnessed
	run "5.10 btrfs fiemap" "$k510" fs/btrfs extent_fiemap witnessed
else
	result FAIL "5.10: the tree could not be prepared"
fi
if k61=$(tree 6.1 fs/ntfs3); then
	# The 5.10 program, unchanged, on the fixed tree.
	fixed="$outdir/6-1-gfs2-direct-read"
	rm -rf "$fixed"
	mkdir -p "$fixed"
	from="$outdir/5-10-gfs2-direct-read"
	if [ -f "$from/witness.c" ]; then
		cp "$from/witness.c" "$from/plan" "$fixed/"
		check "6.1 gfs2 direct read (the 5.10 program)" "$k61" "$fixed" "not witnessed"
	else
		result FAIL "6.1 gfs2 direct read: no 5.10 program to run"
	fi
	run "6.1 ntfs3 fiemap" "$k61" fs/ntfs3 ntfs_fiemap witnessed
else
	result FAIL "6.1: the tree could not be prepared"
fi
