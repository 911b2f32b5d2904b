#!/bin/sh
# Run a witness (faultline-witness's program) in a virtual machine.
#
#   witness/run-vm.sh KDIR PLAN PROGRAM.c OUTDIR
#
# KDIR: the kernel tree of the finding (a Debian linux-source tree, as
# corpus/fetch-kernel.sh makes them); PLAN: faultline-witness --plan.
# A bootable kernel is built once per tree, with every filesystem of
# witness/filesystems it has, DETECT_HUNG_TASK and a serial console, in
# the cache outside the clone (FAULTLINE_CACHE) from a clean hard-linked
# copy of the tree's sources (the tree and its objects are not touched).
# The filesystem image is made with Debian's own mkfs; the VM boots under
# qemu-system-x86_64 with KVM (TCG with a longer timeout without it) and
# always stops: init restarts it, and timeout(1) kills it otherwise.
#
# Prints the outcome and writes it to OUTDIR/result, with the console in
# OUTDIR/console.log and the blocked task's report in OUTDIR/excerpt.txt:
#   witnessed       the witness hung (hung-task report or timeout), exit 0
#   not witnessed   the call returned, exit 1
#   could not run   and why, exit 3
#   skipped         WITNESS_CACHED_ONLY is set and the kernel is not built, exit 4
# Exit status 2: a usage error.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
here=$(cd "$(dirname "$0")" && pwd)
usage="usage: witness/run-vm.sh KDIR PLAN PROGRAM.c OUTDIR"
kdir=${1:?$usage}
plan=${2:?$usage}
program=${3:?$usage}
outdir=${4:?$usage}
# How long the witness may run before it counts as hung (seconds).
timeout=${WITNESS_TIMEOUT:-20}
jobs=${JOBS:-$(nproc)}

mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
result() {
	echo "$1" >"$outdir/result"
	echo "witness: $1"
	case "$1" in
	witnessed*) exit 0 ;;
	"not witnessed"*) exit 1 ;;
	skipped*) exit 4 ;;
	*) exit 3 ;;
	esac
}
progress() { echo "  WITNESS $*" >&2; }

[ -f "$kdir/Makefile" ] || result "could not run: $kdir is not a kernel tree"
[ -f "$plan" ] || result "could not run: no plan $plan"
kdir=$(cd "$kdir" && pwd)
fs=$(sed -n 's/^fs=//p' "$plan")
entry=$(grep "^$fs	" "$here/filesystems" | head -n 1)
[ -n "$entry" ] || result "could not run: witness/filesystems does not know '$fs'"
field() { echo "$entry" | awk -F'\t' -v n="$1" '{ print $n }'; }
kconfig=$(field 2)
megabytes=$(field 3)
mkfs=$(field 4)
populate=$(field 5)
[ "$mkfs" != - ] || result "could not run: $fs: $populate"

# The kernel: one per tree and configuration, cached.
tree=$(basename "$kdir")
fragment="$outdir/config-fragment"
{
	for opt in 64BIT BLK_DEV_INITRD BINFMT_ELF TTY SERIAL_8250 \
		SERIAL_8250_CONSOLE PRINTK PRINTK_TIME PROC_FS PROC_SYSCTL \
		SYSFS DEVTMPFS BLOCK BLK_DEV PCI VIRTIO_MENU VIRTIO VIRTIO_PCI \
		VIRTIO_BLK DEBUG_KERNEL DETECT_HUNG_TASK KALLSYMS MAGIC_SYSRQ \
		FILE_LOCKING MULTIUSER SHMEM FUTEX POSIX_TIMERS EPOLL \
		QUOTA; do
		echo "CONFIG_$opt=y"
	done
	echo "CONFIG_DEFAULT_HUNG_TASK_TIMEOUT=5"
	# Stacks without the guesses of the default unwinder.
	echo "CONFIG_UNWINDER_FRAME_POINTER=y"
	awk -F'\t' '!/^#/ && NF >= 4 && $4 != "-" { print "CONFIG_" $2 "=y" }' "$here/filesystems"
} >"$fragment"
key=$(cat "$fragment" | cksum | cut -d' ' -f1)
src="$FAULTLINE_CACHE/witness-src-$tree"
build="$FAULTLINE_CACHE/witness-kernel-$tree-$key"
image="$build/arch/x86/boot/bzImage"
if [ ! -f "$build/built" ]; then
	# The tier of make check builds no kernel (make witness does).
	[ -z "${WITNESS_CACHED_ONLY:-}" ] ||
		result "skipped: no $tree kernel is cached for witnesses (make witness builds it)"
	# A clean hard-linked copy: the tree and its objects are not touched.
	tree_copy=$here/tree-copy.sh
	[ -f "$tree_copy" ] || tree_copy=$here/../corpus/tree-copy.sh
	sh "$tree_copy" "$kdir" "$src" >"$outdir/tree-copy.log" 2>&1 ||
		result "could not run: no clean copy of $kdir (see $outdir/tree-copy.log)"
	progress "building a bootable $tree kernel (once; $build)"
	rm -rf "$build"
	mkdir -p "$build"
	log="$outdir/kernel-build.log"
	{
		make -C "$src" O="$build" ARCH=x86_64 tinyconfig &&
			cat "$fragment" >>"$build/.config" &&
			make -C "$src" O="$build" ARCH=x86_64 olddefconfig &&
			make -C "$src" O="$build" ARCH=x86_64 -j"$jobs" bzImage
	} >"$log" 2>&1 || result "could not run: the kernel did not build (see $log)"
	cp "$fragment" "$build/fragment"
	touch "$build/built"
fi
grep -q "^CONFIG_$kconfig=y" "$build/.config" ||
	result "could not run: $tree has no CONFIG_$kconfig"
grep -q '^CONFIG_DETECT_HUNG_TASK=y' "$build/.config" ||
	result "could not run: $tree's kernel has no CONFIG_DETECT_HUNG_TASK"

# The initramfs: init and the witness, static.
stage="$outdir/initramfs"
rm -rf "$stage"
mkdir -p "$stage"
${CC:-gcc} -static -O2 -o "$stage/init" "$here/init.c" >"$outdir/cc.log" 2>&1 &&
	${CC:-gcc} -static -O2 -o "$stage/witness" "$program" >>"$outdir/cc.log" 2>&1 ||
	result "could not run: the witness did not compile (see $outdir/cc.log)"
(cd "$stage" && find . | cpio -o -H newc --quiet) >"$outdir/initramfs.cpio" ||
	result "could not run: cpio failed"

# The filesystem image, made by Debian's tools.
img="$outdir/fs.img"
rm -f "$img"
truncate -s "${megabytes}M" "$img"
cmd=$(echo "$mkfs" | sed "s|IMG|$img|g")
tool=${cmd%% *}
command -v "$tool" >/dev/null ||
	result "could not run: $tool is not installed (make deps)"
$cmd >"$outdir/mkfs.log" 2>&1 </dev/null ||
	result "could not run: $cmd failed (see $outdir/mkfs.log)"
# The witness's file, written by the filesystem's own tools.
if [ -n "$populate" ]; then
	data="$outdir/data"
	bytes=$(sed -n 's/^file_bytes=//p' "$plan")
	head -c "${bytes:-128}" /dev/zero | tr '\0' f >"$data"
	cmd=$(echo "$populate" | sed "s|IMG|$img|g; s|DATA|$data|g")
	$cmd >>"$outdir/mkfs.log" 2>&1 </dev/null ||
		result "could not run: $cmd failed (see $outdir/mkfs.log)"
fi

# KVM when it works: /dev/kvm may be there and still not run a kernel
# (nested virtualisation that stalls or fails to emulate); one boot with
# KVM tells, and the answer is kept per qemu and host kernel.
qemu_boot() { # SECONDS CONSOLE APPEND ACCEL...
	limit_s=$1 log=$2 append=$3
	shift 3
	rm -f "$log"
	timeout -k 5 "$limit_s" qemu-system-x86_64 "$@" -m 1024 \
		-display none -no-reboot -monitor none -serial "file:$log" \
		-kernel "$image" -initrd "$outdir/initramfs.cpio" \
		-append "console=ttyS0 loglevel=7 panic=-1 $append" \
		-drive "file=$img,format=raw,if=virtio" >>"$outdir/qemu.log" 2>&1
}
accel=${WITNESS_ACCEL:-}
if [ -z "$accel" ]; then
	if ! [ -r /dev/kvm ] || ! [ -w /dev/kvm ]; then
		accel=tcg
	else
		probe="$FAULTLINE_CACHE/witness-accel-$(
			{ qemu-system-x86_64 --version | head -n 1; uname -r; } | cksum | cut -d' ' -f1)"
		if [ ! -f "$probe" ]; then
			progress "does KVM boot a kernel here? (once)"
			qemu_boot 40 "$outdir/probe.log" faultline.fs=probe -enable-kvm -cpu host
			if grep -q 'faultline-witness: probe: booted' "$outdir/probe.log"; then
				echo kvm >"$probe"
			else
				echo tcg >"$probe"
			fi
		fi
		accel=$(cat "$probe")
	fi
fi
: >"$outdir/qemu.log"
limit=$((timeout + 60))
case "$accel" in
kvm) set -- -enable-kvm -cpu host ;;
*)
	set -- -cpu max
	limit=$((timeout * 3 + 240))
	timeout=$((timeout * 3))
	progress "software emulation (no working KVM), timeout ${timeout} s"
	;;
esac
progress "booting ($fs, the witness may run ${timeout} s)"
console="$outdir/console.log"
start=$(date +%s)
qemu_boot "$limit" "$console" "faultline.fs=$fs faultline.timeout=$timeout" "$@"
qemu_status=$?
echo "$(($(date +%s) - start))" >"$outdir/seconds"
[ -f "$console" ] || result "could not run: qemu wrote no console (see $outdir/qemu.log)"

# The blocked task's report: the hung-task message (or sysrq w) and its stack.
# The report the kernel gave about the witness: a hung-task message, the
# blocked task of sysrq w, or an oops in its page fault (gfs2 catches a
# glock its holder asks for again: its "original:"/"new:" lines and BUG).
awk '/blocked for more than|task:witness|Show Blocked State|: original: |invalid opcode|BUG:|kernel BUG/ {
		if (!on) n = 0
		on = 1
	}
	on && !/\]  \? / { print; if (++n > 45) on = 0 }' "$console" >"$outdir/excerpt.txt"
# An oops of the witness inside a page fault: the cycle, caught by a check.
fault_oops=$(awk '/Comm: witness / { in_oops = 1 }
	in_oops && /RIP: [0-9a-f]*:/ && !rip { rip = $NF; sub(/^[0-9a-f]*:/, "", rip) }
	in_oops && /handle_mm_fault|__do_fault/ { fault = 1 }
	in_oops && /end trace/ { if (fault) { print rip; exit } in_oops = 0 }' "$console")
if grep -q 'faultline-witness: returned' "$console"; then
	result "not witnessed: $(grep -m1 'faultline-witness: returned' "$console" | sed 's/.*faultline-witness: //')"
elif grep -q 'INFO: task witness:[0-9]* blocked for more than' "$console"; then
	result "witnessed: $(grep -m1 'INFO: task witness' "$console" | sed 's/^\[[ 0-9.]*\] //')"
elif [ -n "$fault_oops" ]; then
	result "witnessed: the kernel stopped the witness in its page fault under the call (oops at $fault_oops: the lock asked for again)"
elif grep -q 'faultline-witness: timeout' "$console" &&
	grep -q 'task:witness .*state:D' "$console"; then
	result "witnessed: the witness did not return in $timeout s and is blocked (sysrq w)"
elif grep -q 'faultline-witness: timeout' "$console"; then
	result "could not run: the witness did not return in $timeout s but is not blocked (slow or looping, not a deadlock)"
elif grep -q 'faultline-witness: could not run' "$console"; then
	result "$(grep -m1 'faultline-witness: could not run' "$console" | sed 's/.*faultline-witness: //')"
elif [ "$qemu_status" = 124 ] || [ "$qemu_status" = 137 ]; then
	result "could not run: the VM did not stop by itself in $limit s (see $console)"
else
	result "could not run: the VM stopped without an outcome (see $console)"
fi
