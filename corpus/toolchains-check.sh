#!/bin/sh
# The plugin built for every compiler faultline supports, each running the
# rules, model and link tiers with that compiler.
#
#   corpus/toolchains-check.sh [COMPILER...]
#	(default: gcc-10 gcc-11 gcc-12 gcc-13 gcc-14 gcc-15 gcc-16
#	 aarch64-linux-gnu-gcc-12)
#
# Compilers this machine's release ships are used here (make deps installs
# them); the others run in a cached mmdebstrap chroot of the release that
# ships them (bullseye: GCC 10; sid: GCC 13 to 16), on a copy of this
# checkout.  A build that prints a warning fails.  GCC 15 (in the chroot)
# and aarch64-linux-gnu-gcc-12 (ARCH=arm64) also build fs/gfs2, fs/ext2,
# fs/ntfs3, fs/fuse and block/ of Linux 7.3 with the plugin: every object
# identical without it once the facts are stripped, and the same linked
# findings as GCC 12 on x86_64.  One PASS/FAIL line per
# compiler; logs in testsuite/out/toolchains/.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out="$top/testsuite/out/toolchains"
mkdir -p "$out"
tiers="rules model link"
. "$here/chroots.sh"

# Build the plugin for $1 and run the tiers; the outcome in one line.
check_compiler() {
	cc=$1
	log="$out/$cc.log"
	suite=$(suite_of "$cc")
	if [ -z "$suite" ]; then
		# Host compilers; the plugin's C++ and lib/ are built by the host's.
		{
			make -s -C "$top" CC="$cc" all 2>&1 | tee "$out/$cc.build"
			make -s -C "$top" CC="$cc" test-$(echo $tiers | sed 's/ / test-/g') 2>&1
		} >"$log" 2>&1
	else
		root=$(chroot_root "$cc" 2>"$log") || {
			echo "FAIL toolchains/$cc: no $suite chroot (see $log)"
			tail -n 5 "$log" | sed "s/^/    /"
			return
		}
		chroot_checkout "$root"
		# The gate's git-range case needs a work tree.
		cp -a "$top/.git" "$root/src/.git" 2>/dev/null
		{
			chroot_make "$root" "$cc" all 2>&1 | tee "$out/$cc.build"
			chroot_make "$root" "$cc" $(echo test-$tiers | sed 's/ / test-/g') 2>&1
		} >>"$log" 2>&1
	fi
	summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" |
		awk '{ p += $1; f += $3 } END { if (NR) print p, f }')
	# The stand-in header note of bullseye's GCC 10 is not a warning.
	warnings=$(grep -E 'warning:' "$out/$cc.build" 2>/dev/null | grep -vc 'faultline: ')
	set -- $summary
	if [ -n "$summary" ] && [ "$1" -gt 0 ] && [ "$2" = 0 ] && [ "$warnings" = 0 ]; then
		echo "PASS toolchains/$cc: $tiers tiers, $1 cases"
	else
		echo "FAIL toolchains/$cc: ${1:-0} passed, ${2:-?} failed, $warnings build warnings (see $log)"
		grep -E '^FAIL |warning:|error:' "$log" | head -n 20 | sed 's/^/    /'
	fi
}

# The corpus directories a kernel build with another compiler or target
# must agree on with GCC 12 on x86_64.
kernel_version=7.3
kernel_dirs="fs/gfs2/ fs/ext2/ fs/ntfs3/ fs/fuse/ block/"

# "FILE FUNCTION CHECK MESSAGE" of a build's findings (line numbers are
# the same source's, so they are kept).
findings_of() {
	cut -f1,2,3,4,5 "$1" | sort -u
}

# Build kernel_dirs of Linux 7.3 with compiler $1 and its plugin: objects
# byte-identical with and without it (facts stripped), linked findings
# equal to GCC 12's on x86_64.
check_kernel_build() {
	cc=$1
	log="$out/kernel-$cc.log"
	name="toolchains/$cc/linux-$kernel_version"
	kdir=$(sh "$here/prepare-kernel.sh" "$kernel_version" 2>"$log") || {
		echo "FAIL $name: the $kernel_version tree could not be prepared (see $log)"
		return
	}
	ref="$FAULTLINE_CACHE/out-$kernel_version-gcc-12-toolchains"
	# GCC 12's findings: the corpus tier's objects when they are there,
	# else a build.
	# shellcheck disable=SC2086
	BUILD_DIRS_LINK_ONLY=1 sh "$here/build-dirs.sh" "$kdir" "$ref" $kernel_dirs >>"$log" 2>&1 ||
		sh "$here/build-dirs.sh" "$kdir" "$ref" $kernel_dirs >>"$log" 2>&1
	case "$cc" in
	aarch64-linux-gnu-*)
		prefix=${cc%gcc*}
		tree="$kdir-arm64"
		run=""
		src=$top
		kmake="make ARCH=arm64 CROSS_COMPILE=$prefix CC=$cc"
		objcopy_cmd=${prefix}objcopy
		;;
	*)
		suite=$(suite_of "$cc")
		root=$(chroot_root "$cc" 2>>"$log") || {
			echo "FAIL $name: no $suite chroot (see $log)"
			tail -n 5 "$log" | sed "s/^/    /"
			return
		}
		tree="$root/build/linux"
		run="chroot $root"
		src=/src
		kmake="make CC=$cc HOSTCC=$cc"
		objcopy_cmd=objcopy
		;;
	esac
	sh "$here/tree-copy.sh" "$kdir" "$tree"
	inner=${tree#"${root:-}"}
	[ -z "$run" ] && inner=$tree
	plugin="$src/plugin/$cc/faultline.so"
	$run env KMAKE="$kmake" FRAGMENT_STRICT=0 \
		sh "$src/corpus/configure-tree.sh" "$inner" "Linux $kernel_version ($cc)" >>"$log" 2>&1 || {
		echo "FAIL $name: configuring the tree failed (see $log)"
		return
	}
	# shellcheck disable=SC2086
	$run env KMAKE="$kmake" OBJCOPY="$objcopy_cmd" FAULTLINE_PLUGIN="$plugin" \
		IDENTITY_KDIR="$inner" IDENTITY_LABEL="$kernel_version/$cc" \
		sh "$src/corpus/identity.sh" "$kernel_version" $kernel_dirs >"$out/identity-$cc.log" 2>>"$log"
	sed 's/^/    /' "$out/identity-$cc.log" >>"$log"
	# shellcheck disable=SC2086
	$run env BUILD_DIRS_LINK_ONLY=1 sh "$src/corpus/build-dirs.sh" "$inner" "$inner.out" \
		$kernel_dirs >>"$log" 2>&1
	findings_of "$ref/findings.txt" >"$out/findings-gcc-12.txt"
	findings_of "$tree.out/findings.txt" >"$out/findings-$cc.txt"
	nref=$(wc -l <"$out/findings-gcc-12.txt")
	if ! grep -q '^FAIL' "$out/identity-$cc.log" && grep -q '^PASS' "$out/identity-$cc.log" &&
		[ "$nref" -gt 0 ] && cmp -s "$out/findings-gcc-12.txt" "$out/findings-$cc.txt"; then
		echo "PASS $name: $kernel_dirs identical with and without the plugin, the same $nref findings as GCC 12 on x86_64"
	else
		echo "FAIL $name: identity or findings differ from GCC 12 on x86_64 (see $log)"
		grep '^FAIL' "$out/identity-$cc.log" | sed 's/^/    /'
		diff "$out/findings-gcc-12.txt" "$out/findings-$cc.txt" | sed 's/^/    /'
	fi
}

for cc in ${*:-gcc-10 gcc-11 gcc-12 gcc-13 gcc-14 gcc-15 gcc-16 aarch64-linux-gnu-gcc-12}; do
	check_compiler "$cc"
	case "$cc" in
	gcc-15 | aarch64-linux-gnu-gcc-12) check_kernel_build "$cc" ;;
	esac
done
