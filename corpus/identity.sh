#!/bin/sh
# The plugin must not change code generation: build each directory without
# and with it and compare every object byte for byte, once the facts
# section (.discard.faultline, which the kernel's linker scripts discard)
# is removed from both with objcopy.  The facts must be there to remove.
#
#   corpus/identity.sh VERSION DIR...	(default: 6.1 fs/gfs2/ fs/ext4/)
#
# IDENTITY_KDIR: a configured tree to use instead of VERSION's (its
# IDENTITY_LABEL names it); KMAKE, OBJCOPY, FAULTLINE_PLUGIN: the make
# command, objcopy and plugin of another compiler or target.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
plugin=${FAULTLINE_PLUGIN:-$top/plugin/faultline.so}
version=${1:-6.1}
[ $# -gt 0 ] && shift
dirs=${*:-fs/gfs2/ fs/ext4/}
jobs=${JOBS:-$(nproc)}
failed=0

if [ -n "${IDENTITY_KDIR:-}" ]; then
	kdir=$IDENTITY_KDIR
elif ! kdir=$(sh "$here/prepare-kernel.sh" "$version" "$FAULTLINE_CACHE"); then
	echo "FAIL identity/$version: the kernel tree could not be prepared"
	exit 1
fi
kmake=${KMAKE:-make}
objcopy=${OBJCOPY:-objcopy}
objdump=$(echo "$objcopy" | sed 's/objcopy$/objdump/')
label=${IDENTITY_LABEL:-$version}
# With debug info (arm64 defconfig), DW_AT_producer records the command
# line, -fplugin=PATH included: both builds leave it out, so the objects
# compare what the compiler generated.
record=-gno-record-gcc-switches
ref="$kdir/../identity-$(basename "$kdir")"
for dir in $dirs; do
	dir=${dir%/}/
	rm -rf "$ref" && mkdir -p "$ref"
	echo "  BUILD   $dir (without faultline)" >&2
	find "$kdir/$dir" -name '*.o' -delete
	$kmake -s -C "$kdir" -j"$jobs" KBUILD_MODULES=1 KCFLAGS="$record" "$dir" >"$ref/plain.log" 2>&1
	(cd "$kdir" && find "$dir" -name '*.o' | cpio -pdm --quiet "$ref/objs")
	echo "  BUILD   $dir (with faultline)" >&2
	find "$kdir/$dir" -name '*.o' -delete
	$kmake -s -C "$kdir" -j"$jobs" KBUILD_MODULES=1 KCFLAGS="$record -fplugin=$plugin" "$dir" \
		>"$ref/plugin.log" 2>&1
	total=0
	with_facts=0
	differ=""
	for obj in $(cd "$ref/objs" && find "$dir" -name '*.o'); do
		total=$((total + 1))
		$objdump -h "$kdir/$obj" 2>/dev/null | grep -q ' \.discard\.faultline ' &&
			with_facts=$((with_facts + 1))
		$objcopy -R .discard.faultline "$ref/objs/$obj" "$ref/plain.o" &&
			$objcopy -R .discard.faultline "$kdir/$obj" "$ref/plugin.o" &&
			cmp -s "$ref/plain.o" "$ref/plugin.o" || differ="$differ $obj"
	done
	if [ "$total" -gt 0 ] && [ -z "$differ" ] && [ "$with_facts" -gt 0 ]; then
		echo "PASS identity/$label: $total objects of $dir identical but for the facts ($with_facts carry them)"
	else
		echo "FAIL identity/$label: $dir ($total objects, $with_facts with facts; differ:$differ)"
		failed=1
	fi
done
exit $failed
