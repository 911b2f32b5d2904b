#!/bin/sh
# A hard-linked copy of a prepared kernel tree, cleaned with mrproper for
# another configuration, compiler or target.  mrproper only unlinks, and
# the copy's own configure and build write new files, so the cached tree
# is never written through a link.
#
#   corpus/tree-copy.sh TREE COPY
#
# A copy already made from TREE is kept.
set -eu

src=${1:?usage: tree-copy.sh TREE COPY}
dst=${2:?usage: tree-copy.sh TREE COPY}
if [ -f "$dst/.faultline-copy" ] && [ "$(cat "$dst/.faultline-copy")" = "$src" ]; then
	exit 0
fi
rm -rf "$dst"
mkdir -p "$(dirname "$dst")"
cp -al "$src" "$dst"
make -s -C "$dst" mrproper >/dev/null 2>&1
# faultline's own files are written with > later: break their links.
rm -f "$dst"/.faultline-*
echo "$src" >"$dst/.faultline-copy"
