#!/bin/sh
# The semantic patches on real trees, through the kernel's own
# `make coccicheck`: report mode on Linux 5.10 fs/gfs2 names
# gfs2_file_direct_read and gfs2_file_direct_write, on 6.1 neither; patch
# mode on 5.10 fs/gfs2 produces a patch that applies; report mode on 6.1
# fs/ext2 names ext2_setsize (dax_no_layout_break.cocci); report mode on
# 5.10 drivers/vhost names vhost_scsi_map_to_sgl (gup_unpinned.cocci); patch
# mode changes nothing in the fixed or safe code of 6.1 fs/gfs2
# (fault_under_lock), fs/ext4 and fs/xfs (dax_no_layout_break).  PASS/FAIL
# lines.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cocci="$top/build/semantic-patches/fault_under_lock.cocci"
work=$(mktemp -d)
failed=0
trap 'rm -rf "$work"' EXIT

result() {
	echo "$1 cocci/$2"
	[ "$1" = FAIL ] && failed=1
}

for version in 5.10 6.1; do
	kdir=$(sh "$here/prepare-kernel.sh" "$version" "$FAULTLINE_CACHE") || {
		result FAIL "$version: the kernel tree could not be prepared"
		continue
	}
	make -s -C "$kdir" coccicheck MODE=report COCCI="$cocci" M=fs/gfs2 \
		J="$(nproc)" >"$work/report-$version" 2>&1
	for fn in gfs2_file_direct_read gfs2_file_direct_write; do
		hit=$(grep -c "in '$fn' .*\[faultline:fault-under-lock\]" "$work/report-$version")
		if [ "$version" = 5.10 ] && [ "$hit" -gt 0 ]; then
			result PASS "$version: report names $fn"
		elif [ "$version" = 6.1 ] && [ "$hit" = 0 ]; then
			result PASS "$version: report is silent on $fn"
		else
			result FAIL "$version: $fn ($hit report lines)"
			sed 's/^/    /' "$work/report-$version"
		fi
	done
	echo "cocci/$version: every report line:"
	grep '\[faultline:' "$work/report-$version" | sed 's/^/    /'
done

kdir=$(sh "$here/prepare-kernel.sh" 5.10 "$FAULTLINE_CACHE")
make -s -C "$kdir" coccicheck MODE=patch COCCI="$cocci" M=fs/gfs2 \
	J="$(nproc)" 2>/dev/null | sed -n '/^diff -u -p/,$p' >"$work/gfs2.patch"
if [ -s "$work/gfs2.patch" ] &&
	(cd "$kdir" && patch -p1 --dry-run -s <"$work/gfs2.patch") >"$work/dry" 2>&1; then
	result PASS "5.10: patch mode on fs/gfs2 applies ($(grep -c '^@@' "$work/gfs2.patch") hunks)"
	sed 's/^/    /' "$work/gfs2.patch"
else
	result FAIL "5.10: patch mode on fs/gfs2 gives no patch that applies"
	sed 's/^/    /' "$work/gfs2.patch" "$work/dry"
fi
# report_names VERSION SCRIPT DIR FUNCTION CHECK: report mode on DIR names
# FUNCTION with CHECK.
report_names() {
	kdir=$(sh "$here/prepare-kernel.sh" "$1" "$FAULTLINE_CACHE")
	make -s -C "$kdir" coccicheck MODE=report \
		COCCI="$top/build/semantic-patches/$2.cocci" M="$3" \
		J="$(nproc)" >"$work/names" 2>&1
	if grep -q "in '$4'.*\[faultline:$5\]" "$work/names"; then
		result PASS "$1: report names $4"
	else
		result FAIL "$1: no $5 report for $4"
	fi
	grep '\[faultline:' "$work/names" | sed 's/^/    /'
}
report_names 6.1 dax_no_layout_break fs/ext2 ext2_setsize dax-no-layout-break
report_names 5.10 gup_unpinned drivers/vhost vhost_scsi_map_to_sgl gup-unpinned

# Negative cases on real code: patch mode proposes nothing.
kdir=$(sh "$here/prepare-kernel.sh" 6.1 "$FAULTLINE_CACHE")
for case in fault_under_lock:fs/gfs2 dax_no_layout_break:fs/ext4 \
	dax_no_layout_break:fs/xfs; do
	script=${case%%:*}
	dir=${case#*:}
	make -s -C "$kdir" coccicheck MODE=patch \
		COCCI="$top/build/semantic-patches/$script.cocci" M="$dir" \
		J="$(nproc)" 2>/dev/null | sed -n '/^diff -u -p/,$p' >"$work/neg.patch"
	if [ -s "$work/neg.patch" ]; then
		result FAIL "6.1: $script patch mode changes $dir"
		sed 's/^/    /' "$work/neg.patch"
	else
		result PASS "6.1: $script patch mode leaves $dir alone"
	fi
done
exit $failed
