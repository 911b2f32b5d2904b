#!/bin/sh
# Configure a kernel tree for faultline runs: defconfig plus
# corpus/config/fragment.config, `make olddefconfig`, a check that every
# fragment option stuck (symbols the tree does not have, such as NTFS3_FS
# before 5.15, are left out), then `make prepare modules_prepare`.
#
#   corpus/configure-tree.sh TREE [LABEL]
#
# KMAKE: the make command with kbuild's variables (default: make), e.g.
#   KMAKE="make ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- CC=aarch64-linux-gnu-gcc-12"
# FRAGMENT_STRICT=0: an option that does not stick (one the architecture
#   has no use for) is dropped with a message instead of failing.
# EXTRA_FRAGMENT: a second fragment merged after the corpus one (the wide
#   scan's, corpus/wide-fragment.sh).
# A tree configured the same way (fragment, this script, KMAKE, the
# compiler's version) is left as it is.
set -eu

tree=${1:?usage: configure-tree.sh TREE [LABEL]}
label=${2:-$tree}
here=$(cd "$(dirname "$0")" && pwd)
self="$here/$(basename "$0")" # read after the cd below
fragment="$here/config/fragment.config"
extra=${EXTRA_FRAGMENT:-/dev/null}
jobs=${JOBS:-$(nproc)}
kmake=${KMAKE:-make}
strict=${FRAGMENT_STRICT:-1}

cd "$tree"
stamp=.faultline-prepared
want=$( (cat "$fragment" "$extra" "$self"; echo "$kmake";
	$kmake -s --no-print-directory kernelversion 2>/dev/null;
	eval "$(echo "$kmake" | tr ' ' '\n' | grep '^CC=' || echo CC=gcc)"; "$CC" --version 2>/dev/null | head -n 1) |
	cksum)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
	exit 0
fi

echo "configure-tree.sh: configuring $label" >&2
# Written with >: never through a link to another tree (tree-copy.sh).
rm -f .faultline-symbols .faultline-fragment "$stamp"
$kmake -s defconfig >&2
find . -name 'Kconfig*' -not -path './scripts/*' -exec sed -n 's/^\(menu\)\{0,1\}config \([A-Z0-9_]*\).*/CONFIG_\2/p' {} + |
	sort -u >.faultline-symbols
cat "$fragment" "$extra" | grep '^CONFIG_' | while IFS= read -r opt; do
	if grep -qx "${opt%%=*}" .faultline-symbols; then
		echo "$opt"
	else
		echo "configure-tree.sh: ${opt%%=*} is not in $label" >&2
	fi
done >.faultline-fragment
scripts/kconfig/merge_config.sh -m .config .faultline-fragment >/dev/null
$kmake -s olddefconfig >&2
missing=0
while IFS= read -r opt; do
	if ! grep -qx "$opt" .config; then
		echo "configure-tree.sh: $opt did not stick in $label" >&2
		missing=1
	fi
done <.faultline-fragment
if [ "$missing" = 1 ] && [ "$strict" = 1 ]; then
	echo "configure-tree.sh: fix corpus/config/fragment.config" >&2
	exit 1
fi
echo "configure-tree.sh: make prepare modules_prepare ($label)" >&2
$kmake -s -j"$jobs" prepare modules_prepare >&2
echo "$want" >"$stamp"
