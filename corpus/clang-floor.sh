#!/bin/sh
# What a libclang front end can cost at least: for each unit of the
# directories, the CPU time of its compile, of the same command with
# -fsyntax-only (clang's parse and semantic analysis, which libclang's
# parse is), of tools/faultline-clang, and of a libclang parse that skips
# every function body (CXTranslationUnit_SkipFunctionBodies, through
# FAULTLINE_CLANG_BENCH_SKIP_BODIES: the only cheaper parse libclang's C API
# offers, and one the analysis cannot use), each as a ratio to the compile.
#
#   corpus/clang-floor.sh TREE DIR...	(TREE built with make LLVM=-19, as
#					make accept-checker FRONTEND=clang
#					leaves it)
#
# The four runs of a unit follow one another, so a load change hits all
# four alike.  Nothing is written into the tree.
set -u

tree=${1:?usage: clang-floor.sh TREE DIR...}
shift
top=$(cd "$(dirname "$0")/.." && pwd)
checker=$top/tools/faultline-clang
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# cpu COMMAND...: its user + system seconds.
cpu() {
	LC_ALL=C /usr/bin/time -f '%U %S' -o "$scratch/time" "$@" \
		>/dev/null 2>&1
	tail -n 1 "$scratch/time" | awk '{ printf "%.2f", $1 + $2 }'
}

cd "$tree" || exit 1
for dir in "$@"; do
	find "${dir%/}" -name '.*.o.cmd' | sort
done | while read -r cmd; do
	src=$(sed -n 's/^source_[^ ]* := //p' "$cmd")
	case $src in *.c) ;; *) continue ;; esac
	compile=$(sed -n '1s/^\(saved\)\{0,1\}cmd_[^ ]* := //p' "$cmd" |
		sed 's/-Wp,-MMD,[^ ]*//; s/ -o [^ ]*/ -o '"$(echo "$scratch" | sed 's|/|\\/|g')"'\/unit.o/')
	syntax=$(echo "$compile" | sed 's/ -c / -fsyntax-only /; s/ -o [^ ]*//')
	c=$(cpu sh -c "$compile")
	s=$(cpu sh -c "$syntax")
	f=$(cpu "$checker" --faultline-facts-dir="$scratch/facts" "$cmd")
	k=$(FAULTLINE_CLANG_BENCH_SKIP_BODIES=1 cpu "$checker" \
		--faultline-facts-dir="$scratch/facts" "$cmd")
	echo "$src $c $s $f $k"
done | awk '
	{ c += $2; s += $3; f += $4; k += $5; n++ }
	END {
		if (!c) { print "clang-floor: no unit compiled"; exit 1 }
		printf "clang-floor: %d units, compile %.1f s CPU\n", n, c
		printf "clang-floor: clang -fsyntax-only %.1f s: %.3f of the compile\n", s, s / c
		printf "clang-floor: faultline-clang %.1f s: %.3f\n", f, f / c
		printf "clang-floor: libclang skipping every body %.1f s: %.3f\n", k, k / c
	}'
