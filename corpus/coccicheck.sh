#!/bin/sh
# `make coccicheck`: every faultline semantic patch over a kernel tree,
# through the kernel's own `make coccicheck` (scripts/coccicheck).
#
#   corpus/coccicheck.sh [KDIR [M [MODE [J]]]]
#	KDIR  a kernel tree (default: the cached Linux 6.1, fetched if needed)
#	M     a directory to check (default: the whole tree)
#	MODE  report, context, org or patch (default: report)
#	J     parallel spatch jobs (default: online CPUs)
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
kdir=${1:-}
m=${2:-}
mode=${3:-report}
jobs=${4:-$(nproc)}
[ -n "$kdir" ] || kdir=$(sh "$here/prepare-kernel.sh" 6.1 "$FAULTLINE_CACHE") || exit 2
[ -f "$kdir/scripts/coccicheck" ] || {
	echo "coccicheck.sh: $kdir has no scripts/coccicheck" >&2
	exit 2
}
command -v spatch >/dev/null || {
	echo "coccicheck.sh: spatch is not installed (make deps)" >&2
	exit 2
}
status=0
for cocci in "$top"/build/semantic-patches/*.cocci; do
	echo "coccicheck.sh: $(basename "$cocci") (MODE=$mode${m:+ M=$m})" >&2
	make -s -C "$kdir" coccicheck MODE="$mode" COCCI="$cocci" J="$jobs" \
		${m:+M="$m"} 2>/dev/null | grep -v '^coccicheck failed' || :
done
exit $status
