#!/bin/sh
# The wide scan: all of fs/, block/, io_uring/ and mm/ of a kernel, and
# every other unit of the tree that calls a pages-get or pages-pin function
# of the rules (found by corpus/wide-fragment.sh, enabled by its fragment on
# top of the corpus configuration), built with the plugin and linked.
# Every finding must have a judgement in corpus/judged/VERSION.txt, one
# line each:
#	CHECK FILE FUNCTION true|false REASON...
#
#   corpus/accept-wide.sh VERSION	(7.3 or 6.12)
#
# Prints every finding with its judgement, the units that could not be
# configured, and the share judged true.  Exit status 1 on a finding with
# no judgement or judged false, or on a build failure.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
version=${1:?usage: accept-wide.sh VERSION}
judged="$here/judged/$version.txt"
status=0

kdir=$(sh "$here/prepare-kernel.sh" "$version") || {
	echo "FAIL accept-wide/$version: the kernel tree could not be prepared"
	exit 1
}
wide="$kdir-wide"
out="$FAULTLINE_CACHE/out-wide-$version"
mkdir -p "$out"
sh "$here/wide-fragment.sh" "$kdir" "$top/rules" "$out" || exit 1
sh "$here/tree-copy.sh" "$kdir" "$wide"
EXTRA_FRAGMENT="$out/wide.config" FRAGMENT_STRICT=0 \
	sh "$here/configure-tree.sh" "$wide" "Linux $version (wide)" 2>"$out/configure.log" || {
	echo "FAIL accept-wide/$version: configuring failed (see $out/configure.log)"
	exit 1
}

# Units outside the core directories whose every guard is configured.
targets="fs/ block/ io_uring/ mm/"
: >"$out/not-configured.txt"
while read -r obj syms; do
	case "$obj" in fs/* | block/* | io_uring/* | mm/*) continue ;; esac
	missing=""
	# "?": no Makefile of its directory names it (built from elsewhere).
	for s in $syms; do
		if [ "$s" = "?" ]; then
			missing="$missing (not named by its directory's Makefile)"
			continue
		fi
		# A|B: the directory is built for either.
		echo "$s" | tr '|' '\n' | sed 's/$/=[ym]/; s/^/^/' >"$out/alt"
		grep -qf "$out/alt" "$wide/.config" || missing="$missing $s"
	done
	if [ -z "$missing" ]; then
		targets="$targets $obj"
	else
		echo "$obj:$missing" >>"$out/not-configured.txt"
	fi
done <"$out/wide-units.txt"
echo "accept-wide/$version: building $(echo "$targets" | wc -w) targets;" \
	"$(wc -l <"$out/not-configured.txt") units not configurable here ($out/not-configured.txt)" >&2
start=$(date +%s)
# shellcheck disable=SC2086
sh "$here/build-dirs.sh" "$wide" "$out" $targets || status=1
echo "accept-wide/$version: built and linked in $(($(date +%s) - start)) s" >&2

# Each finding with its judgement.
awk -F'\t' 'NR == FNR {
		if ($0 ~ /^#/ || NF == 0) next
		split($0, w, " ")
		reason = $0
		sub(/^[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ */, "", reason)
		verdict[w[1] " " w[2] " " w[3]] = w[4]
		why[w[1] " " w[2] " " w[3]] = reason
		next
	}
	{
		key = $4 " " $1 " " $2
		v = (key in verdict) ? verdict[key] : "unjudged"
		n++
		if (v == "true") t++
		printf "%-9s %-18s %s:%s %s -- %s\n", v, $4, $1, $3, $2, (key in why) ? why[key] : $5
		if (v != "true") bad++
	}
	END {
		printf "accept-wide: %d findings, %d judged true (%d%%), %d unjudged or false\n",
			n, t, n ? 100 * t / n : 100, bad
		exit bad > 0
	}' "$judged" FS='\t' "$out/findings.txt" || status=1
echo "accept-wide/$version: report in $out/report.txt and $out/report.sarif"
exit $status
