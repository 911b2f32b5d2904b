#!/bin/sh
# What a wide scan builds, found in the tree at run time: every filesystem
# of fs/ and every unit outside fs/, block/, io_uring/ and mm/ that calls a
# pages-get or pages-pin function of the rules.
#
#   corpus/wide-fragment.sh TREE RULES_DIR OUT_DIR
#
# Writes OUT_DIR/wide.config, a Kconfig fragment enabling the symbols that
# guard them (from the Makefiles: obj-$(CONFIG_X) += file.o, composite
# objects, the parent directory's obj-$(CONFIG_Y) += dir/) and, a few
# levels deep, the symbols those depend on (from the Kconfig files), and
# OUT_DIR/wide-units.txt, one "OBJECT SYMBOL..." line per unit found (the
# object as a make target, the symbols it needs).
set -eu

tree=${1:?usage: wide-fragment.sh TREE RULES_DIR OUT_DIR}
rules=${2:?usage: wide-fragment.sh TREE RULES_DIR OUT_DIR}
outdir=${3:?usage: wide-fragment.sh TREE RULES_DIR OUT_DIR}
arch=${ARCH:-x86}
mkdir -p "$outdir"
rules=$(cd "$rules" && pwd)
outdir=$(cd "$outdir" && pwd)
cd "$tree"

names=$(awk '$1 == "pages-get" || $1 == "pages-pin" { print $2 }' "$rules"/*.rules |
	sort -u | paste -sd'|' -)
[ -n "$names" ] || {
	echo "wide-fragment.sh: no pages-get or pages-pin rules in $rules" >&2
	exit 2
}

# The symbols that guard OBJECT (dir/file.o) in the Makefiles, up to the top.
depth=0
guards() {
	# dash and bash both have local: the recursion needs its own copies.
	local obj dir base mk lines line comp
	obj=${1%/}
	dir=${obj%/*}
	base=${obj##*/}
	# A directory is named "dir/" in its parent's Makefile.
	case "$1" in */) base="$base/" ;; esac
	[ "$dir" = "$obj" ] && return 0
	mk="$dir/Makefile"
	[ -f "$mk" ] || mk="$dir/Kbuild"
	# An object no Makefile of its own directory names (built from another
	# directory's Makefile, as KVM's): whether it is built is unknown.
	if [ ! -f "$mk" ]; then
		case "$base" in */) ;; *) echo "?" ;; esac
		return 0
	fi
	depth=$((depth + 1)) # one lines file per recursion depth
	lines="$outdir/lines.$depth"
	# Lines naming the object, joined with their continuations.
	awk -v o="$base" '
		{ line = line $0 }
		/\\$/ { sub(/\\$/, "", line); next }
		{
			n = split(line, w, /[ \t]+/)
			for (i = 1; i <= n; i++)
				if (w[i] == o) { print line; break }
			line = ""
		}' "$mk" >"$lines"
	case "$base" in
	*/) ;;
	*) [ -s "$lines" ] || echo "?" ;;
	esac
	# A directory named on several lines is built if any of them holds:
	# one token, alternatives joined by |.
	case "$base" in
	*/)
		grep -o 'CONFIG_[A-Z0-9_]*' "$lines" | sort -u | paste -sd'|' -
		: >"$lines"
		;;
	esac
	while IFS= read -r line; do
		echo "$line" | grep -o 'CONFIG_[A-Z0-9_]*' || true
		# "foo-y += file.o" or "foo-objs := file.o": foo.o is the object.
		comp=$(echo "$line" | sed -n 's/^[ \t]*\([A-Za-z0-9_]*\)-\(y\|objs\|\$(CONFIG_[A-Z0-9_]*)\)[ \t]*[:+]\{0,1\}=.*/\1/p')
		if [ -n "$comp" ] && [ "$comp" != obj ] && [ "$comp.o" != "$base" ]; then
			guards "$dir/$comp.o"
		fi
	done <"$lines"
	rm -f "$lines"
	depth=$((depth - 1))
	# The directory itself, from its parent's obj-$(CONFIG_X) += dir/.
	guards "$dir/"
}

{
	# Every filesystem directory of fs/.
	for d in fs/*/; do
		[ -f "$d/Makefile" ] || continue
		echo "${d%/}/ $(guards "${d%/}/" | sort -u | tr '\n' ' ')"
	done
	# Every user of the rules' GUP functions outside the core directories.
	grep -rlwE "$names" --include='*.c' . | sed 's|^\./||' |
		grep -vE '^(fs|block|io_uring|mm|tools|samples|Documentation|scripts|lib/tests)/' |
		grep -vE '^arch/|selftest|/tests?/|_kunit' | sort | while read -r c; do
		obj=${c%.c}.o
		echo "$obj $(guards "$obj" | sort -u | tr '\n' ' ')"
	done
	for c in $(grep -rlwE "$names" --include='*.c' "arch/$arch" | sort); do
		obj=${c%.c}.o
		echo "$obj $(guards "$obj" | sort -u | tr '\n' ' ')"
	done
} >"$outdir/wide-units.txt"

# Kconfig: each symbol's type and the symbols its "depends on" and
# enclosing "if" blocks name (negations left out).
find . -name 'Kconfig*' -not -path './scripts/*' -not -path './arch/*' \
	-o -path "./arch/$arch/*" -name 'Kconfig*' | xargs cat 2>/dev/null |
	awk '
	function deps_of(expr,    n, w, i, out) {
		gsub(/![ \t]*[A-Z0-9_]+/, "", expr)
		n = split(expr, w, /[^A-Z0-9_]+/)
		out = ""
		for (i = 1; i <= n; i++)
			if (w[i] ~ /^[A-Z][A-Z0-9_]*$/ && w[i] != "m" && w[i] != "y" && w[i] != "n")
				out = out " " w[i]
		return out
	}
	/^[ \t]*if[ \t]/ { sub(/^[ \t]*if[ \t]+/, ""); ifs[++nif] = deps_of($0); next }
	/^[ \t]*endif/ { if (nif) nif--; next }
	/^[ \t]*(menu)?config[ \t]+[A-Z0-9_]+/ { sym = $2; t = ""; for (i = 1; i <= nif; i++) t = t ifs[i]; dep[sym] = dep[sym] t; next }
	/^[ \t]*(choice|comment|menu|endmenu|source)/ { sym = ""; next }
	sym && /^[ \t]*(tristate|def_tristate)/ { type[sym] = "m" }
	sym && /^[ \t]*(bool|def_bool)/ { if (type[sym] != "m") type[sym] = "y" }
	sym && /^[ \t]*depends[ \t]+on/ { sub(/^[ \t]*depends[ \t]+on/, ""); dep[sym] = dep[sym] deps_of($0) }
	END { for (s in type) print s, type[s], dep[s] }' >"$outdir/kconfig.txt"

# The wanted symbols and, four levels deep, what they depend on.
awk '{ for (i = 2; i <= NF; i++) { if ($i == "?") continue; n = split($i, alt, /[|]/); for (j = 1; j <= n; j++) { s = alt[j]; sub(/^CONFIG_/, "", s); print s } } }' \
	"$outdir/wide-units.txt" | sort -u >"$outdir/want.txt"
for level in 1 2 3 4; do
	awk 'NR == FNR { want[$1] = 1; next }
		($1 in want) { for (i = 3; i <= NF; i++) print $i }' \
		"$outdir/want.txt" "$outdir/kconfig.txt" >>"$outdir/want.txt"
	sort -u -o "$outdir/want.txt" "$outdir/want.txt"
done
{
	echo "# Generated by corpus/wide-fragment.sh: the wide scan's units."
	awk 'NR == FNR { want[$1] = 1; next }
		($1 in want) { print "CONFIG_" $1 "=" $2 }' \
		"$outdir/want.txt" "$outdir/kconfig.txt" | sort
} >"$outdir/wide.config"
echo "wide-fragment.sh: $(wc -l <"$outdir/wide-units.txt") units, $(grep -c '^CONFIG_' "$outdir/wide.config") symbols" >&2
