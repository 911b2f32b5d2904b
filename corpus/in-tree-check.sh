#!/bin/sh
# CONFIG_GCC_PLUGIN_FAULTLINE in a real tree: in a hard-linked copy of the
# prepared Linux 6.1 tree, add it with plugin/kernel/add-to-kernel.sh,
# enable it with scripts/config, and build fs/ext2/inode.o with plain make:
# the ext2_setsize finding must appear and the object must carry facts.
# The cached tree must be untouched.  One PASS/FAIL line.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
name="in-tree/6.1 CONFIG_GCC_PLUGIN_FAULTLINE"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
	echo "FAIL $name: $*"
	exit 1
}

kdir=$(sh "$here/prepare-kernel.sh" 6.1 "$FAULTLINE_CACHE") || fail "no 6.1 tree"
touch "$work/stamp"
sleep 1
copy="$work/linux"
# A copy kbuild may rewrite: a reconfigured build redoes host tools,
# prepare outputs and .cmd files by writing into them, so scripts/, tools/,
# include/, arch/x86/ and the top-level files are real copies; the other
# directories are hard links with their generated files removed, so that
# what the build writes there (fs/ext2/inode.o, kernel/bounds.s) is new.
mkdir -p "$copy"
for entry in "$kdir"/* "$kdir"/.[!.]*; do
	base=$(basename "$entry")
	case "$base" in
	scripts | tools | include) cp -a "$entry" "$copy/" ;;
	arch)
		cp -al "$entry" "$copy/"
		rm -rf "$copy/arch/x86" && cp -a "$kdir/arch/x86" "$copy/arch/x86"
		;;
	*)
		if [ -d "$entry" ]; then
			cp -al "$entry" "$copy/"
		else
			cp -a "$entry" "$copy/"
		fi
		;;
	esac
done
find "$copy" \( -path "$copy/scripts" -o -path "$copy/tools" -o \
	-path "$copy/include" -o -path "$copy/arch/x86" \) -prune -o -type f \
	\( -name '*.o' -o -name '*.s' -o -name '*.cmd' -o -name '*.d' -o -name '*.a' \) \
	-exec rm -f {} +
sh "$top/plugin/kernel/add-to-kernel.sh" "$copy" "$top/plugin/faultline.so" 2>/dev/null ||
	fail "add-to-kernel.sh failed"
sh "$top/plugin/kernel/add-to-kernel.sh" "$copy" 2>/dev/null ||
	fail "add-to-kernel.sh is not idempotent"
[ "$(grep -c '^config GCC_PLUGIN_FAULTLINE$' "$copy/scripts/gcc-plugins/Kconfig")" = 1 ] ||
	fail "the Kconfig entry is missing or doubled"
(cd "$copy" && scripts/config --enable GCC_PLUGIN_FAULTLINE &&
	make -s olddefconfig) >"$work/config.log" 2>&1 || fail "olddefconfig failed"
grep -q '^CONFIG_GCC_PLUGIN_FAULTLINE=y' "$copy/.config" ||
	fail "CONFIG_GCC_PLUGIN_FAULTLINE did not stick"
rm -f "$copy/fs/ext2/inode.o" "$copy/fs/ext2/.inode.o.cmd"
LC_ALL=C make -C "$copy" -j"$(nproc)" KBUILD_MODULES=1 fs/ext2/inode.o \
	>"$work/build.log" 2>&1 || {
	tail -n 20 "$work/build.log"
	fail "the build failed"
}
grep -q 'ext2_setsize' "$work/build.log" &&
	grep -q '\[faultline:dax-no-layout-break\]' "$work/build.log" ||
	fail "no faultline finding in the build (is the plugin in the flags?)"
objdump -h "$copy/fs/ext2/inode.o" | grep -q '\.discard\.faultline' ||
	fail "the object carries no facts"
changed=$(find "$kdir" -newer "$work/stamp" -print | head -n 5 | tr "\n" " ")
[ -z "$changed" ] || fail "the cached tree was modified ($changed)"
echo "PASS $name: enabled through Kconfig, fs/ext2/inode.o reports ext2_setsize"
