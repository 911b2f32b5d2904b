#!/bin/sh
# The main job: build kernel directories with the faultline plugin, link
# them with tools/faultline-link and print every finding.
#
#   corpus/scan.sh		scan the default tree (Linux 7.3, the newest; fetched and
#				prepared in the cache) over its corpus directories
#				(corpus/expected/7.3.txt)
#   KDIR=/path DIRS="fs/foo/ fs/bar/" corpus/scan.sh
#				scan a configured tree of your own
#   FRONTEND=sparse|clang corpus/scan.sh
#				no plugin: kbuild runs tools/faultline-sparse or
#				tools/faultline-clang as its checker (make C=2 CHECK=)
#
# Findings go to standard output in GCC's format (the warning, its notes),
# then a summary table and the SARIF report's path; progress goes to
# standard error.  Exit status 0, or 1 if a directory failed to build or a
# unit's facts could not be read (the rest is still scanned).
set -eu
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
# The newest kernel the corpus knows.
default_version=7.3
if [ -n "${KDIR:-}" ]; then
	kdir=$(cd "$KDIR" && pwd)
	[ -f "$kdir/.config" ] || {
		echo "scan.sh: $kdir has no .config: configure it first" >&2
		exit 2
	}
	out="$FAULTLINE_CACHE/out-scan-$(echo "$kdir" | cksum | cut -d' ' -f1)${FRONTEND:+-$FRONTEND}"
	dirs=${DIRS:?scan.sh: name the directories to scan in DIRS}
else
	kdir=$(sh "$here/prepare-kernel.sh" "$default_version" "$FAULTLINE_CACHE")
	out="$FAULTLINE_CACHE/out-scan-$default_version${FRONTEND:+-$FRONTEND}"
	dirs=${DIRS:-$(sh "$here/corpus-dirs.sh" "$default_version")}
fi

echo "scan.sh: scanning $kdir${FRONTEND:+ with faultline-$FRONTEND}" >&2
status=0
# shellcheck disable=SC2086
sh "$here/build-dirs.sh" "$kdir" "$out" $dirs || status=$?

cat "$out/report.txt"
echo
echo "faultline summary ($(wc -l <"$out/findings.txt") findings, the plugin's and the link step's):"
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
echo "  SARIF 2.1.0: $out/report.sarif"
echo "  build logs: $out"
exit $status
