#!/bin/sh
# Judge a corpus run by the "must" and "silent" lines of an expected file.
#
#   corpus/judge.sh EXPECTED OUTDIR LABEL
#
# OUTDIR holds findings.txt and report.txt as corpus/build-dirs.sh writes
# them.  Prints PASS/FAIL a line per expectation (prefixed LABEL), the
# recall on the "must" list, then every finding, marked "unexpected" when
# no expectation names it.  Exit status 1 if any expectation failed.
set -u

expected=${1:?usage: judge.sh EXPECTED OUTDIR LABEL}
out=${2:?usage: judge.sh EXPECTED OUTDIR LABEL}
label=${3:?usage: judge.sh EXPECTED OUTDIR LABEL}
findings="$out/findings.txt"
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
			result PASS "$label: $what"
		else
			result FAIL "$label: no $what"
		fi
		;;
	silent)
		hits=$(awk -F'\t' -v p="$path" -v f="$func" -v c="$check" '
			(index($1, p) == 1) && (f == "*" || $2 == f) && $4 == c' "$findings")
		if [ -z "$hits" ]; then
			result PASS "$label: no $check in $func ($path)"
		else
			result FAIL "$label: unexpected $check in $func ($path)"
			echo "$hits" | sed 's/^/    /'
		fi
		;;
	esac
done <<EOT
$(grep -E '^(must|silent) ' "$expected")
EOT
echo "$label: recall $found/$musts on the must list"
echo "$label: all findings (file, function, line, check, message):"
# A finding no must line names is "unexpected": judge it in the notes.
awk -F'\t' 'NR == FNR { if ($1 == "must") want[$3 "\t" $4 "\t" $2] = 1; next }
	{ print ((($1 "\t" $2 "\t" $4) in want) ? "    " : "    unexpected: ") $0 }' \
	FS=' ' "$expected" FS='\t' "$findings"
exit $failed
