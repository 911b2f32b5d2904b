#!/bin/sh
# Fetch (if needed) and configure a kernel tree for faultline runs.
#
#   corpus/prepare-kernel.sh VERSION [CACHEDIR]   (CACHEDIR: see fetch-kernel.sh)
#
# x86_64 defconfig plus corpus/config/fragment.config, configured and
# prepared by corpus/configure-tree.sh.  Prints the tree's path.  A tree
# already prepared the same way is reused.
set -eu

version=${1:?usage: prepare-kernel.sh VERSION [CACHEDIR]}
cache=${2:-${FAULTLINE_CACHE:-$HOME/.cache/faultline}}
here=$(cd "$(dirname "$0")" && pwd)

tree=$(sh "$here/fetch-kernel.sh" "$version" "$cache")
sh "$here/configure-tree.sh" "$tree" "Linux $version"
echo "$tree"
