#!/bin/sh
# faultline-gate on a real tree (Linux 6.1 fs/ocfs2), with patches made here
# from the tree's own source:
#   introduce  drops the unlock around ocfs2_fiemap_inline's user copy (the
#              5.10-era deadlock): exit 1, exactly one new finding;
#   fix        the reverse, on a tree carrying the bug: exit 0, one fixed;
#   shift      on that tree, adds lines at the top and moves ocfs2_fiemap
#              to the end of the file: exit 0, nothing new, nothing fixed;
#   stale      a patch that does not apply: exit 2, a clear message;
#   reason     introduce with a suppression marker and a reason: exit 0;
#   no-reason  the same marker without a reason: exit 1;
#   released   on Linux 5.10, the stable backport reverted (5.10 as
#              released): ocfs2_fiemap's deadlock, noted with
#              ocfs2_page_mkwrite in mmap.c.
#   never built  introduce on a tree whose fs/ocfs2 was never built: the
#              gate builds it in its scratch tree and reports the finding;
#   not configured  a patch to a unit outside the configuration: exit 2,
#              or 0 with --allow-unbuilt (named as not analysed).
#   checker    introduce on a tree whose facts are side files (make C=2
#              CHECK=faultline-sparse), through --checker faultline-sparse
#              and faultline-clang, with no plugin: exit 1, one new finding.
# The SARIF of introduce has one "new" result, that of fix one "absent".
# The user's tree must be untouched by every run.  PASS/FAIL lines.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
gate="$top/tools/faultline-gate"
work=$(mktemp -d)
failed=0
trap 'rm -rf "$work"' EXIT

result() {
	echo "$1 gate/$2"
	[ "$1" = FAIL ] && failed=1
}

kdir=$(sh "$here/prepare-kernel.sh" 6.1 "$FAULTLINE_CACHE") || {
	result FAIL "prepare: the 6.1 tree could not be prepared"
	exit 1
}
src=fs/ocfs2/extent_map.c

# A patch from an edited copy: make_patch NAME AWK-PROGRAM [BASE-TREE]
make_patch() {
	base=${3:-$kdir}
	mkdir -p "$work/$1/a/fs/ocfs2" "$work/$1/b/fs/ocfs2"
	cp "$base/$src" "$work/$1/a/$src"
	awk "$2" "$base/$src" >"$work/$1/b/$src"
	(cd "$work/$1" && diff -u "a/$src" "b/$src") >"$work/$1.patch"
	[ -s "$work/$1.patch" ] || echo "make_patch $1: no change" >&2
}

# The unlock/relock pair around the copy in ocfs2_fiemap_inline goes.
introduce='
	/^static int ocfs2_fiemap_inline/ { infn = 1 }
	infn && /Release the ip_alloc_sem to prevent deadlock/ { next }
	infn && /up_read\(&OCFS2_I\(inode\)->ip_alloc_sem\)/ { next }
	infn && /down_read\(&OCFS2_I\(inode\)->ip_alloc_sem\)/ { infn = 0; next }
	{ print }'

# gate NAME TREE PATCH [OPTION...]: runs the gate, keeps output and status.
gate_run() {
	name=$1 gtree=$2 gpatch=$3
	shift 3
	touch "$work/stamp"
	sleep 1
	quiet=-q
	[ -n "${GATE_PROGRESS:-}" ] && quiet=
	# shellcheck disable=SC2086
	"$gate" $quiet -C "$gtree" --sarif "$work/$name.sarif" "$@" "$gpatch" >"$work/$name.out" 2>"$work/$name.err"
	echo $? >"$work/$name.status"
	changed=$(find "$gtree" -newer "$work/stamp" -print -quit 2>/dev/null)
	[ -z "$changed" ] || {
		result FAIL "$name: the tree was modified ($changed)"
		return 1
	}
	return 0
}

status_of() { cat "$work/$1.status"; }
new_count() { sed -n 's/^faultline-gate: \([0-9]*\) new.*/\1/p' "$work/$1.out"; }
fixed_count() { sed -n 's/^faultline-gate: [0-9]* new findings*, \([0-9]*\) fixed.*/\1/p' "$work/$1.out"; }

make_patch introduce "$introduce"
if gate_run introduce "$kdir" "$work/introduce.patch"; then
	if [ "$(status_of introduce)" = 1 ] && [ "$(new_count introduce)" = 1 ] &&
		grep -q "In function 'ocfs2_fiemap'" "$work/introduce.out" &&
		grep -q 'mmap.c:.*ocfs2_page_mkwrite' "$work/introduce.out" &&
		jq -e '[.runs[0].results[] | select(.baselineState == "new")] | length == 1' \
			"$work/introduce.sarif" >/dev/null; then
		result PASS "introduce: exit 1, one new fault-under-lock in ocfs2_fiemap ($(sed -n 's/.*(\(.*\))$/\1/p' "$work/introduce.out"))"
	else
		result FAIL "introduce: exit $(status_of introduce)"
		sed 's/^/    /' "$work/introduce.out" "$work/introduce.err"
	fi
fi

# A tree checked with make C=2 CHECK=faultline-sparse: its objects carry no
# facts (stripped here, each replaced, never written through its link),
# the side files beside them do.  With --checker the touched unit is
# checked by the standalone front end instead of compiled with the plugin,
# the context read from the side files, and the deadlock is still the one
# new finding, through Sparse and through libclang alike.
sidetree="$work/sidefacts"
cp -al "$kdir" "$sidetree"
for obj in $(cd "$sidetree" && find fs/ocfs2 -name '*.o'); do
	objcopy -R .discard.faultline "$sidetree/$obj" "$sidetree/$obj.new" &&
		mv "$sidetree/$obj.new" "$sidetree/$obj"
done
for cmd in $(find "$sidetree/fs/ocfs2" -name '.*.o.cmd'); do
	line=$(head -n 1 "$cmd")
	case "$line" in *" -c "*".c"*) ;; *) continue ;; esac
	flags=$(echo "$line" | sed -e 's/^[a-z]*cmd_[^ ]* := [^ ]* //' -e 's/  *; .*//' \
		-e 's/ -fplugin[^ ]*//g' -e 's/\$\$/$/g' -e 's/\\#/#/g')
	(cd "$sidetree" && eval "\"$top/tools/faultline-sparse\" $flags") >>"$work/sidefacts.log" 2>&1
done
nside=$(find "$sidetree/fs/ocfs2" -name '.*.o.faultline' | wc -l)
for fe in sparse clang; do
	# No plugin to fall back on, and the progress kept: the context must
	# come from the side files, not from checking the directory again.
	if FAULTLINE_PLUGIN=$work/no-such-plugin.so GATE_PROGRESS=1 \
		gate_run "checker-$fe" "$sidetree" "$work/introduce.patch" \
		--checker "$top/tools/faultline-$fe"; then
		if [ "$nside" -gt 0 ] && [ "$(status_of "checker-$fe")" = 1 ] &&
			! grep -q 'for context' "$work/checker-$fe.err" &&
			[ "$(new_count "checker-$fe")" = 1 ] &&
			grep -q "In function 'ocfs2_fiemap'" "$work/checker-$fe.out" &&
			grep -q 'mmap.c:.*ocfs2_page_mkwrite' "$work/checker-$fe.out"; then
			result PASS "checker $fe: side-file facts ($nside units), exit 1, the one new finding"
		else
			result FAIL "checker $fe: exit $(status_of "checker-$fe"), $nside side files"
			sed 's/^/    /' "$work/checker-$fe.out" "$work/checker-$fe.err"
		fi
	fi
done


# A tree whose fs/ocfs2 was never built (its objects and kbuild's files
# unlinked from a hard-linked copy): the gate builds the directory with
# kbuild in its scratch tree and still finds the deadlock.
unbuilt="$work/unbuilt"
cp -al "$kdir" "$unbuilt"
find "$unbuilt/fs/ocfs2" -type f \( -name '*.o' -o -name '.*.cmd' -o -name '*.ko' \
	-o -name '*.mod' -o -name '*.mod.c' -o -name '*.a' -o -name 'modules.order' \
	-o -name '.*.d' \) -delete
if gate_run unbuilt "$unbuilt" "$work/introduce.patch"; then
	if [ "$(status_of unbuilt)" = 1 ] && [ "$(new_count unbuilt)" = 1 ] &&
		grep -q "In function 'ocfs2_fiemap'" "$work/unbuilt.out" &&
		grep -q '(1 unit analysed, 0 not analysed' "$work/unbuilt.out"; then
		result PASS "never built: the directory built in the scratch tree, the finding reported"
	else
		result FAIL "never built: exit $(status_of unbuilt)"
		sed 's/^/    /' "$work/unbuilt.out" "$work/unbuilt.err"
	fi
fi

# A unit outside the configuration (JFS is not configured): not analysed
# is an error, unless accepted with --allow-unbuilt.
jfs=fs/jfs/file.c
mkdir -p "$work/jfs/a/fs/jfs" "$work/jfs/b/fs/jfs"
cp "$kdir/$jfs" "$work/jfs/a/$jfs"
{ cat "$kdir/$jfs"; echo "/* a comment */"; } >"$work/jfs/b/$jfs"
(cd "$work/jfs" && diff -u "a/$jfs" "b/$jfs") >"$work/jfs.patch"
if gate_run jfs "$kdir" "$work/jfs.patch" && gate_run jfs-allowed "$kdir" "$work/jfs.patch" --allow-unbuilt; then
	if [ "$(status_of jfs)" = 2 ] && grep -q "$jfs was not analysed" "$work/jfs.err" &&
		[ "$(status_of jfs-allowed)" = 0 ] &&
		grep -q '(0 units analysed, 1 not analysed' "$work/jfs-allowed.out"; then
		result PASS "not configured: exit 2 naming the unit; --allow-unbuilt: exit 0, '1 not analysed'"
	else
		result FAIL "not configured: exit $(status_of jfs), with --allow-unbuilt $(status_of jfs-allowed)"
		sed 's/^/    /' "$work/jfs.out" "$work/jfs.err" "$work/jfs-allowed.out" "$work/jfs-allowed.err"
	fi
fi

# A tree that carries the bug: hard links, the patched file replaced.
buggy="$work/buggy"
cp -al "$kdir" "$buggy"
(cd "$buggy" && patch -p1 -s <"$work/introduce.patch")

mkdir -p "$work/fix/a/fs/ocfs2" "$work/fix/b/fs/ocfs2"
cp "$buggy/$src" "$work/fix/a/$src"
cp "$kdir/$src" "$work/fix/b/$src"
(cd "$work/fix" && diff -u "a/$src" "b/$src") >"$work/fix.patch"
if gate_run fix "$buggy" "$work/fix.patch"; then
	if [ "$(status_of fix)" = 0 ] && [ "$(new_count fix)" = 0 ] &&
		[ "$(fixed_count fix)" = 1 ] &&
		grep -q 'fixed: fault-under-lock in .ocfs2_fiemap' "$work/fix.out" &&
		jq -e '[.runs[0].results[] | select(.baselineState == "absent")] | length == 1' \
			"$work/fix.sarif" >/dev/null; then
		result PASS "fix: exit 0, the finding reported as fixed"
	else
		result FAIL "fix: exit $(status_of fix)"
		sed 's/^/    /' "$work/fix.out" "$work/fix.err"
	fi
fi

shift_lines='
	NR == 1 { print; print "/*"; print " * Lines added above everything."; print " */"; next }
	/^int ocfs2_fiemap\(/ { moving = 1 }
	moving { held = held $0 "\n"; if ($0 ~ /^}/) moving = 0; next }
	{ print }
	END { printf "\n%s", held }'
make_patch shift "$shift_lines" "$buggy"
if gate_run shift "$buggy" "$work/shift.patch"; then
	if [ "$(status_of shift)" = 0 ] && [ "$(new_count shift)" = 0 ] &&
		[ "$(fixed_count shift)" = 0 ]; then
		result PASS "shift: exit 0, moved code and shifted lines are not new"
	else
		result FAIL "shift: exit $(status_of shift)"
		sed 's/^/    /' "$work/shift.out" "$work/shift.err"
	fi
fi

# The introduce patch again, on the tree that already has it.
if gate_run stale "$buggy" "$work/introduce.patch"; then
	if [ "$(status_of stale)" = 2 ] &&
		grep -q 'does not apply' "$work/stale.err"; then
		result PASS "stale: exit 2, 'the patch does not apply', tree untouched"
	else
		result FAIL "stale: exit $(status_of stale)"
		sed 's/^/    /' "$work/stale.out" "$work/stale.err"
	fi
fi

marker() {
	printf '%s' '
	/^static int ocfs2_fiemap_inline/ { infn = 1 }
	infn && /Release the ip_alloc_sem to prevent deadlock/ { next }
	infn && /up_read\(&OCFS2_I\(inode\)->ip_alloc_sem\)/ { next }
	infn && /down_read\(&OCFS2_I\(inode\)->ip_alloc_sem\)/ { infn = 0; next }
	/ret = ocfs2_fiemap_inline\(inode/ { print "\t\t/* faultline: ignore fault-under-lock'"$1"' */" }
	{ print }'
}
make_patch reason "$(marker ' -- inline data is copied from the inode block, never an mmap')"
make_patch noreason "$(marker '')"
if gate_run reason "$kdir" "$work/reason.patch"; then
	if [ "$(status_of reason)" = 0 ] && [ "$(new_count reason)" = 0 ]; then
		result PASS "suppressed with a reason: exit 0"
	else
		result FAIL "suppressed with a reason: exit $(status_of reason)"
		sed 's/^/    /' "$work/reason.out" "$work/reason.err"
	fi
fi
if gate_run noreason "$kdir" "$work/noreason.patch"; then
	if [ "$(status_of noreason)" = 1 ] &&
		grep -q 'gives no reason' "$work/noreason.out"; then
		result PASS "marker without a reason: exit 1, the note says why"
	else
		result FAIL "marker without a reason: exit $(status_of noreason)"
		sed 's/^/    /' "$work/noreason.out" "$work/noreason.err"
	fi
fi

# Linux 5.10 as released: Debian's 5.10 carries the stable backport that
# drops ip_alloc_sem around both fiemap copies; reverting it on that tree
# gives back v5.10's ocfs2_fiemap, whose copy to user (fiemap_fill_next_extent
# in fs/ioctl.c) runs under the rwsem ocfs2_page_mkwrite (mmap.c) takes.
as_released='
	/Release the ip_alloc_sem to prevent deadlock on page fault/ { up = 1; next }
	up && /up_read\(&OCFS2_I\(inode\)->ip_alloc_sem\)/ { up = 0; down = 1; next }
	down && /down_read\(&OCFS2_I\(inode\)->ip_alloc_sem\)/ { down = 0; next }
	{ print }'
# A tree that is v5.10 as released already (no backport): the backport,
# added as a patch, fixes the deadlock.
with_backport='
	/^static int ocfs2_fiemap_inline/ || /^int ocfs2_fiemap\(/ { infn = 1 }
	infn && /ret = fiemap_fill_next_extent\(/ {
		indent = $0; sub(/[^\t].*/, "", indent)
		print indent "up_read(&OCFS2_I(inode)->ip_alloc_sem);"
		pending = 1
	}
	{ print }
	pending && /\);/ { print indent "down_read(&OCFS2_I(inode)->ip_alloc_sem);"; pending = 0 }
	/^}/ { infn = 0 }'
if kdir510=$(sh "$here/prepare-kernel.sh" 5.10 "$FAULTLINE_CACHE"); then
	if grep -q 'Release the ip_alloc_sem to prevent deadlock on page fault' "$kdir510/$src"; then
		make_patch released "$as_released" "$kdir510"
		if gate_run released "$kdir510" "$work/released.patch"; then
			if [ "$(status_of released)" = 1 ] &&
				grep -q "In function 'ocfs2_fiemap'" "$work/released.out" &&
				grep -q 'mmap.c:.*ocfs2_page_mkwrite' "$work/released.out"; then
				result PASS "5.10 as released: fault-under-lock in ocfs2_fiemap, note names ocfs2_page_mkwrite in mmap.c"
			else
				result FAIL "5.10 as released: exit $(status_of released), no ocfs2_fiemap finding with the mmap.c note"
			fi
			sed 's/^/    /' "$work/released.out" "$work/released.err"
		fi
	else
		make_patch backport "$with_backport" "$kdir510"
		if gate_run backport "$kdir510" "$work/backport.patch"; then
			if [ "$(status_of backport)" = 0 ] &&
				grep -q 'fixed: fault-under-lock in .ocfs2_fiemap' "$work/backport.out"; then
				result PASS "5.10 as released: the stable backport, as a patch, fixes ocfs2_fiemap's fault-under-lock"
			else
				result FAIL "5.10 as released: the backport patch exits $(status_of backport), ocfs2_fiemap not reported fixed"
			fi
			sed 's/^/    /' "$work/backport.out" "$work/backport.err"
		fi
	fi
else
	result FAIL "5.10 as released: the 5.10 tree could not be prepared"
fi
exit $failed
