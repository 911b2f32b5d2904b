#!/bin/sh
# The corpus directories of a kernel version: every "dirs" line of
# corpus/expected/VERSION.txt, on one line.
#
#   corpus/corpus-dirs.sh VERSION
here=$(cd "$(dirname "$0")" && pwd)
expected="$here/expected/${1:?usage: corpus-dirs.sh VERSION}.txt"
[ -f "$expected" ] || {
	echo "corpus-dirs.sh: no $expected" >&2
	exit 2
}
awk '$1 == "dirs" { for (i = 2; i <= NF; i++) printf "%s ", $i } END { print "" }' "$expected"
