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
# checkout.  A build that prints a warning fails.  One PASS/FAIL line per
# compiler; logs in testsuite/out/toolchains/.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out="$top/testsuite/out/toolchains"
mkdir -p "$out"
tiers="rules model link"
common="make jq binutils git patch"

# The suite that ships a compiler this machine does not have.
suite_of() {
	case "$1" in
	gcc-10) echo bullseye ;;
	gcc-13 | gcc-14 | gcc-15 | gcc-16) echo sid ;;
	esac
}

# The packages of a suite's chroot: every compiler it serves here.
chroot_packages() {
	case "$1" in
	bullseye) echo "$common gcc-10 g++-10 gcc-10-plugin-dev" ;;
	sid)
		p="$common"
		for v in 13 14 15 16; do
			p="$p gcc-$v g++-$v gcc-$v-plugin-dev"
		done
		echo "$p"
		;;
	esac
}

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
		root=$(sh "$here/chroot.sh" "$suite" $(chroot_packages "$suite") 2>"$log") || {
			echo "FAIL toolchains/$cc: no $suite chroot (see $log)"
			return
		}
		host=g++-${cc#gcc-}
		rm -rf "$root/src" && mkdir -p "$root/src"
		tar -C "$top" --exclude=./build --exclude=./testsuite/out --exclude=./.git \
			--exclude='*.so' -cf - . | tar -C "$root/src" -xf -
		# The gate's git-range case needs a work tree.
		cp -a "$top/.git" "$root/src/.git" 2>/dev/null
		{
			chroot "$root" sh -c "cd /src && make -s CC=$cc HOSTCC=$cc HOSTCXX=$host all" 2>&1 |
				tee "$out/$cc.build"
			chroot "$root" sh -c "cd /src && make -s CC=$cc HOSTCC=$cc HOSTCXX=$host \
				$(echo test-$tiers | sed 's/ / test-/g')" 2>&1
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

for cc in ${*:-gcc-10 gcc-11 gcc-12 gcc-13 gcc-14 gcc-15 gcc-16 aarch64-linux-gnu-gcc-12}; do
	check_compiler "$cc"
done
