#!/bin/sh
# Acceptance on real kernels: build the directories corpus/expected/V.txt
# names with the plugin, link them, then check its "must" and "silent"
# lines.
#
#   corpus/accept.sh [VERSION...]	(default: 5.10 6.1 6.12 7.3)
#   FRONTEND=clang corpus/accept.sh ...: the same expectations through
#	tools/faultline-clang over the units the tree's build compiled
#	(corpus/clang-dirs.sh; the report in cache/out-clang-VERSION/)
#
# Prints PASS/FAIL a line per expectation, the recall on the "must" list,
# then every finding, marked "unexpected" when no expectation names it.
# The report (text and SARIF) stays in cache/out-VERSION/.  Exit status 1
# if any expectation failed.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cache="$FAULTLINE_CACHE"
failed=0

# Whether report has a CHECK warning in FUNC of FILE with a note at
# NOTE_FILE whose text contains TEXT.
has_note() {
	awk -v file="$2" -v fn="$3" -v check="$4" -v nfile="$5" -v text="$6" '
		{ sub(/^\.\//, "") }	# ./include/... is include/...
		/: In function / { infn = index($0, file ": In function") == 1 &&
			index($0, fn) > 0; next }
		/ warning: / { inwarn = infn && index($0, file ":") == 1 &&
			index($0, "[faultline:" check "]") > 0; next }
		/ note: / && inwarn && index($0, nfile ":") == 1 &&
			index($0, text) > 0 { found = 1 }
		END { exit !found }' "$1"
}

result() {
	echo "$1 $2"
	[ "$1" = FAIL ] && failed=1
}

for version in ${*:-5.10 6.1 6.12 7.3}; do
	expected="$here/expected/$version.txt"
	out="$cache/out-$version"
	builder=build-dirs.sh
	if [ "${FRONTEND:-gcc}" = clang ]; then
		out="$cache/out-clang-$version"
		builder=clang-dirs.sh
	fi
	if ! kdir=$(sh "$here/prepare-kernel.sh" "$version" "$cache"); then
		result FAIL "accept/$version: the kernel tree could not be prepared"
		continue
	fi
	dirs=$(awk '$1 == "dirs" { $1 = ""; print }' "$expected" | tr '\n' ' ')
	# shellcheck disable=SC2086
	if ! sh "$here/$builder" "$kdir" "$out" $dirs; then
		result FAIL "accept/$version: a directory failed to build (see $out)"
	fi
	findings="$out/findings.txt"
	musts=0
	found=0
	while read -r kind check path func note_kw note_file note_text; do
		case "$kind" in
		must)
			musts=$((musts + 1))
			what="$check in $func ($path)"
			[ "$note_kw" = note ] && what="$what, note at $note_file naming $note_text"
			if awk -F'\t' -v p="$path" -v f="$func" -v c="$check" \
				'$1 == p && $2 == f && $4 == c { found = 1 } END { exit !found }' \
				"$findings" &&
				{ [ "$note_kw" != note ] ||
					has_note "$out/report.txt" "$path" "$func" "$check" \
						"$note_file" "$note_text"; }; then
				found=$((found + 1))
				result PASS "accept/$version: $what"
			else
				result FAIL "accept/$version: no $what"
			fi
			;;
		silent)
			hits=$(awk -F'\t' -v p="$path" -v f="$func" -v c="$check" '
				(index($1, p) == 1) && (f == "*" || $2 == f) && $4 == c' "$findings")
			if [ -z "$hits" ]; then
				result PASS "accept/$version: no $check in $func ($path)"
			else
				result FAIL "accept/$version: unexpected $check in $func ($path)"
				echo "$hits" | sed 's/^/    /'
			fi
			;;
		esac
	done <<EOT
$(grep -E '^(must|silent) ' "$expected")
EOT
	echo "accept/$version: recall $found/$musts on the must list"
	echo "accept/$version: all findings (file, function, line, check, message):"
	# A finding no must line names is "unexpected": judge it in the notes.
	awk -F'\t' 'NR == FNR { if ($1 == "must") want[$3 "\t" $4 "\t" $2] = 1; next }
		{ print ((($1 "\t" $2 "\t" $4) in want) ? "    " : "    unexpected: ") $0 }' \
		FS=' ' "$expected" FS='\t' "$findings"
	echo "accept/$version: report in $out/report.txt and $out/report.sarif"
done
exit $failed
