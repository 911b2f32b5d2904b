#!/bin/sh
# The Debian package, built and installed the way a user would: no
# checkout, no make, only the .deb and the distribution.
#
#   corpus/deb-check.sh
#
# 1. dpkg-buildpackage -us -uc -b on a copy of this checkout (in
#    testsuite/out/deb/, so the checkout is neither cleaned nor written
#    beside); DEB_BUILD_OPTIONS passes through (nocheck skips the package's
#    own test step).  debian/rules must refuse a VERSION that
#    debian/changelog does not carry.
# 2. A clean bookworm chroot (corpus/chroot.sh: made once, cached) with
#    man-db and what a kernel build needs, but neither GCC, binutils,
#    coccinelle nor OCaml: the package's Depends must bring them.
# 3. In a private mount namespace, an overlay of that chroot (the cached one
#    is never written) and of the prepared Linux 6.1 tree (never written
#    either), mounted at /linux: apt-get install ./faultline_VERSION_ARCH.deb
#    from the chroot's mirror, then, inside: faultline --version, the
#    manual pages (man -w, faultline help), the installed plugin on a
#    model case (gcc -fplugin= and faultline-gcc), faultline link on a link
#    case, faultline scan on fs/ext2/inode.o of Linux 6.1, which must
#    report ext2_setsize's dax-no-layout-break, and faultline cocci on its
#    fs/ext2/ (the installed semantic patches, the same finding).
# One PASS/FAIL line per check; logs in testsuite/out/deb/.
# FAULTLINE_DEB_KDIR: the prepared tree (default: the cached 6.1 tree,
# prepared by corpus/prepare-kernel.sh when there is none).
# FAULTLINE_DEB_KEEP=1: keep the overlays' upper halves (the chroot's
# installed packages, the kernel build) after the run.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out="$top/testsuite/out/deb"
version=$(cat "$top/VERSION")
arch=$(dpkg --print-architecture)
deb=faultline_${version}_$arch.deb
# The kernel unit and the finding it must give.
kunit=fs/ext2/inode.o
kfile=fs/ext2/inode.c
kfunc=ext2_setsize
kcheck=dax-no-layout-break
model=fault-under-lock/page-mkwrite-takes-i_rwsem.c
linkcase=fiemap-across-units
# The chroot: what the tests inside need besides the package.
chroot_packages="man-db make flex bison bc libelf-dev libssl-dev perl kmod cpio xz-utils"

# ---- inside the private mount namespace (deb-check.sh --ns ROOT KDIR) ----
if [ "${1:-}" = --ns ]; then
	set -e
	base=$2
	kdir=$3
	mkdir -p "$out/root" "$out/root.upper" "$out/root.work" \
		"$out/linux.upper" "$out/linux.work"
	mount -t overlay overlay -o "lowerdir=$base,upperdir=$out/root.upper,workdir=$out/root.work" "$out/root"
	mkdir -p "$out/root/linux"
	mount -t overlay overlay -o "lowerdir=$kdir,upperdir=$out/linux.upper,workdir=$out/linux.work" "$out/root/linux"
	mount -t proc proc "$out/root/proc"
	cp -r "$out/check" "$out/root/check"
	set +e
	exec chroot "$out/root" /bin/sh /check/inside.sh
fi

passed=0
failed=0
pass() {
	passed=$((passed + 1))
	echo "PASS deb/$1"
}
fail() {
	failed=$((failed + 1))
	echo "FAIL deb/$1"
	[ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/    /' "$2" | head -n 40
}
finish() {
	echo "deb: $(($(date +%s) - start)) s"
	echo "$passed passed, $failed failed"
	[ "$failed" = 0 ]
	exit
}
start=$(date +%s)

# Nothing of a run may still be mounted (the namespace takes its mounts
# along): never remove through a mount.
if grep -qF " $out/" /proc/self/mounts; then
	echo "deb-check.sh: something is mounted under $out; not removing it" >&2
	exit 2
fi
# A run's overlays are gone with its namespace; their upper halves too.
rm -rf "$out"
mkdir -p "$out/src/faultline-$version"

# ---- 1. the package ----
tar -C "$top" --exclude=./build --exclude=./testsuite/out --exclude=./.git \
	--exclude='*.so' --exclude='*.o' -cf - . | tar -C "$out/src/faultline-$version" -xf -
t0=$(date +%s)
(cd "$out/src/faultline-$version" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1
status=$?
if [ "$status" = 0 ] && [ -f "$out/src/$deb" ]; then
	pass "dpkg-buildpackage: $deb, $(wc -c <"$out/src/$deb") bytes, $(($(date +%s) - t0)) s"
else
	fail "dpkg-buildpackage (exit $status, no $deb)" "$out/build.log"
	finish
fi
# Its own test step ran the fast tiers (unless nocheck).
case " ${DEB_BUILD_OPTIONS:-} " in
*" nocheck "*) echo "SKIP deb/package-check-step (nocheck)" ;;
*)
	summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out/build.log" | tail -n 1)
	case "$summary" in
	*" passed, 0 failed") pass "package-check-step: $summary" ;;
	*) fail "package-check-step: ${summary:-no summary}" "$out/build.log" ;;
	esac
	;;
esac
dpkg-deb -f "$out/src/$deb" Version Depends >"$out/control.txt"
report="$out/control.report"
: >"$report"
grep -qx "Version: $version" "$out/control.txt" || echo "the package's version is not $version" >>"$report"
gcc_major=$(gcc -dumpversion | cut -d. -f1)
for dep in "gcc-$gcc_major (>= $(gcc -dumpfullversion))" "gcc-$gcc_major (<< " coccinelle ocaml binutils; do
	grep -qF "$dep" "$out/control.txt" || echo "Depends lacks $dep" >>"$report"
done
if [ -s "$report" ]; then
	cat "$out/control.txt" >>"$report"
	fail "control" "$report"
else
	pass "control: $(grep '^Depends:' "$out/control.txt")"
fi

# debian/changelog out of step with VERSION: debian/rules refuses.
mkdir -p "$out/skew"
cp -r "$top/debian" "$out/skew/"
echo "$version.99" >"$out/skew/VERSION"
if (cd "$out/skew" && make -s -f debian/rules -n build) >"$out/skew.log" 2>&1; then
	fail "version-skew: debian/rules accepted VERSION $version.99 with changelog $version" "$out/skew.log"
elif grep -q "debian/changelog is at $version but VERSION is $version.99" "$out/skew.log"; then
	pass "version-skew"
else
	fail "version-skew: no clear message" "$out/skew.log"
fi

# ---- 2. the chroot and the tree ----
# shellcheck disable=SC2086
base=$(sh "$here/chroot.sh" bookworm $chroot_packages 2>"$out/chroot.log") || {
	fail "chroot (see $out/chroot.log)" "$out/chroot.log"
	finish
}
for p in gcc-$gcc_major binutils coccinelle ocaml; do
	if chroot "$base" dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed'; then
		echo "deb-check.sh: $p is in the base chroot: the Depends are not tested" >&2
	fi
done
kdir=${FAULTLINE_DEB_KDIR:-}
if [ -z "$kdir" ]; then
	for t in "$FAULTLINE_CACHE"/linux-6.1-*; do
		case "$t" in *-arm64 | *-wide | *.out) continue ;; esac
		[ -f "$t/.faultline-prepared" ] && [ -f "$t/$kfile" ] && kdir=$t
	done
fi
if [ -z "$kdir" ]; then
	kdir=$(sh "$here/prepare-kernel.sh" 6.1 2>"$out/kernel.log") || {
		fail "kernel: Linux 6.1 could not be prepared" "$out/kernel.log"
		finish
	}
fi

# ---- 3. inside the chroot ----
mkdir -p "$out/check/model" "$out/check/link"
cp "$out/src/$deb" "$out/check/"
cp -r "$top/testsuite/model/include" "$out/check/include"
cp "$top/testsuite/model/$model" "$out/check/model/"
cp "$top/testsuite/link/$linkcase"/* "$out/check/link/"
cat >"$out/check/inside.sh" <<EOT
# Run inside the chroot.  Every result goes to /check/results/.
export LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
r=/check/results
mkdir -p \$r
cd /check
apt-get update -q >\$r/apt.log 2>&1 &&
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ./$deb >>\$r/apt.log 2>&1
echo \$? >\$r/apt.status
dpkg-query -W -f='\${Package} \${Version} \${Status}\n' faultline gcc-$gcc_major binutils coccinelle ocaml >\$r/installed.txt 2>&1
faultline --version >\$r/version.txt 2>&1
for p in faultline faultline-gate faultline-scan faultline-link; do man -w \$p; done >\$r/man-w.txt 2>&1
echo \$? >\$r/man-w.status
faultline help gate >\$r/help-gate.txt 2>&1
echo \$? >\$r/help-gate.status
cd /check/model
gcc -O2 -Wall -I../include -fplugin=/usr/lib/faultline/faultline.so -c $(basename "$model") -o /dev/null >\$r/model.log 2>&1
echo \$? >\$r/model.status
faultline-gcc -O2 -Wall -I../include -c $(basename "$model") -o /dev/null >\$r/model-wrapper.log 2>&1
echo \$? >\$r/model-wrapper.status
cd /check/link
for c in *.c; do faultline-gcc -O2 -Wall -I../include -c \$c -o \${c%.c}.o || echo "\$c failed"; done >\$r/link-compile.log 2>&1
faultline link -q . >\$r/link.log 2>&1
echo \$? >\$r/link.status
cd /
faultline scan -j2 -o /check/scan /linux $kunit >\$r/scan.log 2>\$r/scan.err
echo \$? >\$r/scan.status
cp /check/scan/findings.txt \$r/findings.txt 2>/dev/null
faultline cocci --mode report -j2 /linux fs/ext2/ >\$r/cocci.log 2>\$r/cocci.err
echo \$? >\$r/cocci.status
grep -rlF "$top" /usr/bin/faultline* /usr/lib/faultline /usr/share/faultline >\$r/checkout-path.txt 2>&1
true
EOT
t0=$(date +%s)
unshare -m --propagation private sh "$0" --ns "$base" "$kdir" >"$out/inside.log" 2>&1
# The overlays are gone with the namespace; the results stay in the upper
# half, the rest of it (the installed packages, the kernel build) is
# dropped unless FAULTLINE_DEB_KEEP=1.
res="$out/results"
mv "$out/root.upper/check/results" "$res" 2>/dev/null
[ "${FAULTLINE_DEB_KEEP:-0}" = 1 ] || grep -qF " $out/" /proc/self/mounts ||
	rm -rf "$out/root" "$out/root.upper" "$out/root.work" "$out/linux.upper" "$out/linux.work"
if [ ! -d "$res" ]; then
	fail "chroot run: no results" "$out/inside.log"
	finish
fi
echo "deb-check.sh: inside the chroot: $(($(date +%s) - t0)) s" >&2

if [ "$(cat "$res/apt.status")" = 0 ] &&
	grep -q "^faultline $version install ok installed" "$res/installed.txt" &&
	grep -q "^gcc-$gcc_major .* install ok installed" "$res/installed.txt" &&
	grep -q "^coccinelle .* install ok installed" "$res/installed.txt" &&
	grep -q "^ocaml .* install ok installed" "$res/installed.txt" &&
	grep -q "^binutils .* install ok installed" "$res/installed.txt"; then
	pass "apt-install: faultline with gcc-$gcc_major, binutils, coccinelle, ocaml from its Depends"
else
	cat "$res/installed.txt" >>"$res/apt.log"
	fail "apt-install" "$res/apt.log"
	finish
fi

if [ "$(cat "$res/version.txt")" = "faultline $version" ]; then
	pass "version: faultline $version"
else
	fail "version: not 'faultline $version'" "$res/version.txt"
fi

if [ "$(cat "$res/man-w.status")" = 0 ] &&
	grep -qx '/usr/share/man/man1/faultline.1.gz' "$res/man-w.txt" &&
	grep -qx '/usr/share/man/man1/faultline-gate.1.gz' "$res/man-w.txt"; then
	pass "man-pages: man -w faultline, faultline-gate, faultline-scan, faultline-link"
else
	fail "man-pages" "$res/man-w.txt"
fi
if [ "$(cat "$res/help-gate.status")" = 0 ] && grep -q '^NAME' "$res/help-gate.txt" &&
	grep -q 'faultline-gate' "$res/help-gate.txt"; then
	pass "help: faultline help gate shows faultline-gate(1)"
else
	fail "help" "$res/help-gate.txt"
fi

# A model case: the expected warnings, line by line.
expected_of() {
	awk '{ line = $0; while (match(line, /expect: [a-z-]+/)) {
		print NR, substr(line, RSTART + 8, RLENGTH - 8); line = substr(line, RSTART + RLENGTH) } }' "$1" | sort -u
}
actual_of() {
	awk -v file="$2" 'index($0, file ":") == 1 && / warning: / && match($0, /\[faultline:[a-z-]+\]$/) {
		split($0, f, ":"); print f[2], substr($0, RSTART + 11, RLENGTH - 12) }' "$1" | sort -u
}
src="$top/testsuite/model/$model"
expected_of "$src" >"$out/model.exp"
for how in model model-wrapper; do
	actual_of "$res/$how.log" "$(basename "$src")" >"$out/$how.act"
	if [ "$(cat "$res/$how.status")" = 0 ] && [ -s "$out/model.exp" ] &&
		cmp -s "$out/model.exp" "$out/$how.act"; then
		pass "$how: $(basename "$model"): $(tr '\n' ' ' <"$out/model.exp" | sed 's/ $//')"
	else
		diff "$out/model.exp" "$out/$how.act" >>"$res/$how.log"
		fail "$how: $(basename "$model")" "$res/$how.log"
	fi
done

# The link case: every expect-link, and nothing else ("FILE LINE CHECK").
for src in "$top/testsuite/link/$linkcase"/*.c; do
	awk -v file="$(basename "$src")" '{ line = $0
		while ((i = index(line, "expect-link: ")) > 0) {
			rest = substr(line, i + 13); match(rest, /^[a-z-]+/)
			print file, NR, substr(rest, 1, RLENGTH); line = rest } }' "$src"
done | sort -u >"$out/link.exp"
awk '/ warning: / && match($0, /\[faultline:[a-z-]+\]$/) { split($0, f, ":"); n = split(f[1], p, "/")
	print p[n], f[2], substr($0, RSTART + 11, RLENGTH - 12) }' "$res/link.log" | sort -u >"$out/link.act"
if [ "$(cat "$res/link.status")" = 1 ] && [ -s "$out/link.exp" ] && cmp -s "$out/link.exp" "$out/link.act"; then
	pass "link: $linkcase: $(wc -l <"$out/link.exp") findings"
else
	{ cat "$res/link-compile.log"; diff "$out/link.exp" "$out/link.act"; } >>"$res/link.log"
	fail "link: $linkcase (exit $(cat "$res/link.status"))" "$res/link.log"
fi

# faultline scan on Linux 6.1.
if [ "$(cat "$res/scan.status")" = 1 ] &&
	awk -F'\t' -v f="$kfile" -v fn="$kfunc" -v c="$kcheck" \
		'$1 == f && $2 == fn && $4 == c { found = 1 } END { exit !found }' "$res/findings.txt" 2>/dev/null; then
	pass "scan: Linux 6.1 $kunit: $kcheck in $kfunc ($(wc -l <"$res/findings.txt") findings)"
else
	cat "$res/scan.err" "$res/findings.txt" >>"$res/scan.log" 2>/dev/null
	fail "scan: Linux 6.1 $kunit (exit $(cat "$res/scan.status"))" "$res/scan.log"
fi

# faultline cocci: the installed semantic patches through the 6.1 tree's
# make coccicheck, reading the installed rules.
if [ "$(cat "$res/cocci.status")" = 1 ] &&
	grep -q "in '$kfunc'.*\[faultline:$kcheck\]" "$res/cocci.log" &&
	[ "$(grep -c "faultline cocci: .*\.cocci (MODE=report M=fs/ext2/)" "$res/cocci.err")" = \
		"$(ls "$top"/semantic-patches/*.cocci | wc -l)" ]; then
	pass "cocci: Linux 6.1 fs/ext2/: $kcheck in $kfunc, every installed script"
else
	cat "$res/cocci.err" >>"$res/cocci.log"
	fail "cocci: Linux 6.1 fs/ext2/ (exit $(cat "$res/cocci.status"))" "$res/cocci.log"
fi

if [ -s "$res/checkout-path.txt" ]; then
	fail "no-checkout-path: installed files name the build directory" "$res/checkout-path.txt"
else
	pass "no-checkout-path"
fi
finish
