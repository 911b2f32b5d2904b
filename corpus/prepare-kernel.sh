#!/bin/sh
# Fetch (if needed) and configure a kernel tree for faultline runs.
#
#   corpus/prepare-kernel.sh VERSION [CACHEDIR]   (CACHEDIR: see fetch-kernel.sh)
#
# x86_64 defconfig plus corpus/config/fragment.config, `make olddefconfig`,
# a check that every fragment option really stuck (options whose symbol the
# tree does not have, such as NTFS3_FS before 5.15, are left out), then
# `make prepare modules_prepare`.  Prints the tree's path.  A tree already
# prepared with the same fragment is reused.
set -eu

version=${1:?usage: prepare-kernel.sh VERSION [CACHEDIR]}
cache=${2:-${FAULTLINE_CACHE:-$HOME/.cache/faultline}}
here=$(cd "$(dirname "$0")" && pwd)
fragment="$here/config/fragment.config"
jobs=${JOBS:-$(nproc)}

tree=$(sh "$here/fetch-kernel.sh" "$version" "$cache")
stamp="$tree/.faultline-prepared"
want=$(cat "$fragment" "$0" | cksum)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
	echo "$tree"
	exit 0
fi

echo "prepare-kernel.sh: configuring Linux $version" >&2
cd "$tree"
make -s defconfig >&2
find . -name 'Kconfig*' -not -path './scripts/*' -exec sed -n 's/^\(menu\)\{0,1\}config \([A-Z0-9_]*\).*/CONFIG_\2/p' {} + |
	sort -u >.faultline-symbols
grep '^CONFIG_' "$fragment" | while IFS= read -r opt; do
	if grep -qx "${opt%%=*}" .faultline-symbols; then
		echo "$opt"
	else
		echo "prepare-kernel.sh: ${opt%%=*} is not in Linux $version" >&2
	fi
done >.faultline-fragment
scripts/kconfig/merge_config.sh -m .config .faultline-fragment >/dev/null
make -s olddefconfig >&2
missing=0
while IFS= read -r opt; do
	if ! grep -qx "$opt" .config; then
		echo "prepare-kernel.sh: $opt did not stick in Linux $version" >&2
		missing=1
	fi
done <.faultline-fragment
if [ "$missing" = 1 ]; then
	echo "prepare-kernel.sh: fix corpus/config/fragment.config" >&2
	exit 1
fi
echo "prepare-kernel.sh: make prepare modules_prepare (Linux $version)" >&2
make -s -j"$jobs" prepare modules_prepare >&2
echo "$want" >"$stamp"
echo "$tree"
