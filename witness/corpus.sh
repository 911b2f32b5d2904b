#!/bin/sh
# Every fault-under-lock finding of a corpus run, witnessed in a VM.
#
#   witness/corpus.sh OUTDIR VERSION...
#
# For each VERSION, the findings of the last corpus run (make accept:
# FAULTLINE_CACHE/out-VERSION/findings.txt) are turned into programs
# (faultline-witness --at FILE:LINE, the finding's directory and fs/,
# fs/iomap/, mm/ linked) and run on that tree's witness kernel.  One line
# each, as corpus/judged/witnesses.txt records them:
#   VERSION FILE:LINE FUNCTION OUTCOME
# OUTDIR/VERSION-FILE-LINE keeps each run.
set -u
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
outdir=${1:?usage: witness/corpus.sh OUTDIR VERSION...}
shift
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)

for version in "$@"; do
	findings="$FAULTLINE_CACHE/out-$version/findings.txt"
	if [ ! -f "$findings" ]; then
		echo "$version - - could not run: no corpus run ($findings; make accept)"
		continue
	fi
	kdir=$(sh "$top/corpus/prepare-kernel.sh" "$version" "$FAULTLINE_CACHE") || {
		echo "$version - - could not run: the tree could not be prepared"
		continue
	}
	awk -F'\t' '$4 == "fault-under-lock" { print $1 "\t" $3 "\t" $2 }' "$findings" |
		sort -u | while IFS='	' read -r file line function; do
		run="$outdir/$version-$(echo "$file" | tr '/.' '--')-$line"
		rm -rf "$run"
		mkdir -p "$run"
		sh "$here/objects.sh" "$kdir" "$(dirname "$file")" >"$run/objects"
		if ! "$top/tools/faultline-witness" --at "$file:$line" \
			--objects "$run/objects" -o "$run/witness.c" \
			--plan "$run/plan" >"$run/witness.log" 2>&1; then
			outcome="no witness: $(sed -n 's/.*no witness: //p' "$run/witness.log" | head -n 1)"
			[ "$outcome" != "no witness: " ] ||
				outcome="no witness: $(head -n 1 "$run/witness.log")"
		else
			sh "$here/run-vm.sh" "$kdir" "$run/plan" "$run/witness.c" \
				"$run" >"$run/run.log" 2>&1
			outcome=$(cat "$run/result" 2>/dev/null || echo "could not run: no result")
		fi
		echo "$version $file:$line $function $outcome"
	done
done
