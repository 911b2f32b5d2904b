# Sourced by the scripts that run a compiler this machine's release does
# not ship (corpus/toolchains-check.sh, corpus/bench.sh): which Debian suite
# serves it, the packages of that suite's chroot (made by corpus/chroot.sh,
# one chroot a suite, keyed by this list), and a copy of this checkout
# built inside it.  Needs $top (the checkout) and $here (corpus/).

chroot_common="make jq binutils binutils-multiarch git patch"
# and what a kernel build needs
chroot_common="$chroot_common flex bison bc libelf-dev libssl-dev perl kmod cpio xz-utils"

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
	bullseye) echo "$chroot_common gcc-10 g++-10 gcc-10-plugin-dev" ;;
	sid)
		p="$chroot_common"
		for v in 13 14 15 16; do
			p="$p gcc-$v g++-$v gcc-$v-plugin-dev"
		done
		echo "$p"
		;;
	esac
}

# chroot_root CC: the cached chroot that serves CC (made once), or fail.
chroot_root() {
	suite=$(suite_of "$1")
	# shellcheck disable=SC2046
	sh "$here/chroot.sh" "$suite" $(chroot_packages "$suite")
}

# chroot_checkout ROOT: this checkout (no build products) as ROOT/src.
chroot_checkout() {
	rm -rf "$1/src" && mkdir -p "$1/src"
	tar -C "$top" --exclude=./build --exclude=./testsuite/out --exclude=./.git \
		--exclude='*.so' -cf - . | tar -C "$1/src" -xf -
}

# chroot_make ROOT CC TARGET...: make in ROOT/src with CC, the plugin's
# C++ and lib/ built by that release's compilers.
chroot_make() {
	_root=$1 _cc=$2
	shift 2
	chroot "$_root" sh -c "cd /src && make -s CC=$_cc HOSTCC=$_cc HOSTCXX=g++-${_cc#gcc-} $*"
}
