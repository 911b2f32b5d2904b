#!/bin/sh
# The whole kernel with the plugin: vmlinux and every module of a tree
# configured as the corpus is (x86_64 defconfig plus corpus/config), built
# once without and once with faultline, then
#   - no compiler crash in the plugin build (and every internal error the
#     plugin caught and skipped, counted);
#   - every object identical to the plain build's once the facts section is
#     removed, and vmlinux and every module identical as they are (their
#     linker scripts discard .discard.faultline);
#   - faultline-link over every object of the tree, timed.
#
#   corpus/whole-kernel.sh [VERSION]	(default 7.3)
#
# The build works in a hard-linked copy of the prepared tree
# (VERSION's tree with -whole), so the corpus tree is left as it is.
# Both builds fix kbuild's timestamp, version, user and host, so that two
# builds of the same code are byte-identical.  About an hour and a half on
# 2 cores; not part of make check (issue 18, point 4).
# Exit status: 0, or 1 on a failed build, a crash, a differing object or a
# link error.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
version=${1:-7.3}
plugin=${FAULTLINE_PLUGIN:-$top/plugin/faultline.so}
jobs=${JOBS:-$(nproc)}
status=0

kdir=$(sh "$here/prepare-kernel.sh" "$version") || {
	echo "FAIL whole-kernel/$version: the kernel tree could not be prepared"
	exit 1
}
whole="$kdir-whole"
out="$FAULTLINE_CACHE/out-whole-$version"
ref="$out/plain"
rm -rf "$out" && mkdir -p "$ref"
sh "$here/tree-copy.sh" "$kdir" "$whole"
sh "$here/configure-tree.sh" "$whole" "Linux $version (whole)" 2>"$out/configure.log" || {
	echo "FAIL whole-kernel/$version: configuring failed (see $out/configure.log)"
	exit 1
}

# -gno-record-gcc-switches: debug info would record -fplugin=PATH.
reproducible="KBUILD_BUILD_TIMESTAMP=2026-01-01 KBUILD_BUILD_VERSION=1
	KBUILD_BUILD_USER=faultline KBUILD_BUILD_HOST=faultline"
record=-gno-record-gcc-switches

# build LABEL KCFLAGS: the whole tree, its wall time in $out/LABEL.time.
build() {
	echo "  BUILD   Linux $version: vmlinux and modules ($1)" >&2
	t0=$(date +%s)
	# shellcheck disable=SC2086
	LC_ALL=C make -C "$whole" -j"$jobs" $reproducible KCFLAGS="$2" all \
		>"$out/$1.log" 2>&1
	rc=$?
	echo $(($(date +%s) - t0)) >"$out/$1.time"
	echo "  BUILT   $1 in $(cat "$out/$1.time") s (exit $rc; $out/$1.log)" >&2
	return $rc
}

# Products of a build: compiled and linked objects, modules, vmlinux.
products() {
	(cd "$whole" && find . \( -name '*.o' -o -name '*.ko' \) -type f -print &&
		[ -f vmlinux ] && echo ./vmlinux) | sort
}

if ! build plain "$record"; then
	echo "FAIL whole-kernel/$version: the plain build failed (see $out/plain.log)"
	exit 1
fi
products >"$out/products.txt"
(cd "$whole" && cpio -pdm --quiet "$ref" <"$out/products.txt")

# The plugin build recompiles every C unit: its command line changed.
build plugin "$record -fplugin=$plugin" || status=1
crashes=$(grep -c 'internal compiler error' "$out/plugin.log")
skipped=$(grep -c 'faultline: internal error' "$out/plugin.log")
[ "$crashes" -eq 0 ] || status=1

echo "  COMPARE $(wc -l <"$out/products.txt") products" >&2
total=0 with_facts=0 differ=0
: >"$out/differ.txt"
while read -r f; do
	total=$((total + 1))
	case "$f" in
	*.o)
		objdump -h "$whole/$f" 2>/dev/null | grep -q ' \.discard\.faultline ' &&
			with_facts=$((with_facts + 1))
		objcopy -R .discard.faultline "$ref/$f" "$out/a.o" 2>/dev/null &&
			objcopy -R .discard.faultline "$whole/$f" "$out/b.o" 2>/dev/null &&
			cmp -s "$out/a.o" "$out/b.o"
		;;
	*) cmp -s "$ref/$f" "$whole/$f" ;;
	esac || {
		differ=$((differ + 1))
		echo "$f" >>"$out/differ.txt"
	}
done <"$out/products.txt"
rm -f "$out/a.o" "$out/b.o"
[ "$differ" -eq 0 ] && [ "$with_facts" -gt 0 ] || status=1

echo "  LINK    every object of the tree" >&2
t0=$(date +%s)
"$top/tools/faultline-link" --all --srcroot "$whole" --summary "$whole" \
	>"$out/report.txt" 2>"$out/link.log"
link_rc=$?
link_time=$(($(date +%s) - t0))
[ "$link_rc" -ge 2 ] && status=1

plain_time=$(cat "$out/plain.time")
plugin_time=$(cat "$out/plugin.time")
echo "whole-kernel/$version: plain build $plain_time s, plugin build $plugin_time s" \
	"(ratio $(awk -v a="$plugin_time" -v b="$plain_time" 'BEGIN { printf "%.2f", b ? a / b : 0 }'))"
echo "whole-kernel/$version: $total products ($with_facts objects with facts)," \
	"$differ differ but for the facts ($out/differ.txt)"
echo "whole-kernel/$version: $crashes compiler crashes, $skipped functions the plugin skipped on an internal error"
echo "whole-kernel/$version: link over the tree in $link_time s, exit $link_rc;" \
	"$(grep -c '\[faultline:' "$out/report.txt") findings ($out/report.txt)"
sed 's/^/  LINK    /' "$out/link.log"
if [ "$status" -eq 0 ]; then
	echo "PASS whole-kernel/$version"
else
	echo "FAIL whole-kernel/$version"
fi
exit $status
