#!/bin/sh
# The main job: build kernel directories with the faultline plugin and print
# its findings.
#
#   corpus/scan.sh		scan the default tree (Linux 6.1, fetched and
#				prepared in cache/) over the default DIRS
#   KDIR=/path DIRS="fs/foo/ fs/bar/" corpus/scan.sh
#				scan a configured tree of your own
#
# Findings go to standard output in GCC's format (warning and notes), then
# a summary table; progress goes to standard error.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
dirs=${DIRS:-fs/gfs2/ fs/btrfs/ fs/ext4/ fs/xfs/ fs/iomap/ fs/ocfs2/ fs/ext2/ fs/fuse/ fs/f2fs/ fs/direct-io.o block/ io_uring/}
if [ -n "${KDIR:-}" ]; then
	kdir=$(cd "$KDIR" && pwd)
	[ -f "$kdir/.config" ] || {
		echo "scan.sh: $kdir has no .config: configure it first" >&2
		exit 2
	}
	out="$top/cache/out-scan-$(echo "$kdir" | cksum | cut -d' ' -f1)"
else
	kdir=$(sh "$here/prepare-kernel.sh" 6.1 "$top/cache")
	out="$top/cache/out-scan-6.1"
fi

echo "scan.sh: scanning $kdir" >&2
status=0
# shellcheck disable=SC2086
sh "$here/build-dirs.sh" "$kdir" "$out" $dirs || status=$?

# The findings, as the compiler printed them (without the source excerpts).
for log in "$out"/build-*.log; do
	awk '
		/ warning: .*\[faultline:[a-z-]+\]$/ { print; shown = 1; next }
		/^[^ ]+:[0-9]+:[0-9]+: note: / { if (shown) print; next }
		/^[^ ]+:[0-9]+:[0-9]+: (warning|error): / { shown = 0 }
	' "$log"
done

echo
echo "faultline summary ($(wc -l <"$out/findings.txt") findings):"
printf '  %-24s %-20s %s\n' DIRECTORY CHECK FINDINGS
for dir in $dirs; do
	case "$dir" in
	*.o) dir=${dir%.o}.c ;;
	*) dir=${dir%/}/ ;;
	esac
	awk -F'\t' -v d="$dir" 'index($1, d) == 1 { n[$4]++ }
		END { for (c in n) printf "  %-24s %-20s %d\n", d, c, n[c] }' \
		"$out/findings.txt"
done
[ -s "$out/findings.txt" ] || printf '  %-24s %-20s %s\n' "(all)" "(any)" 0
echo "  (full logs in $out)"
exit $status
