#!/bin/sh
# Run the libFuzzer targets (make fuzz builds them into build/fuzz/bin).
#
#   sh testsuite/fuzz/run.sh SECONDS [TARGET...]
#   sh testsuite/fuzz/run.sh -regress [TARGET...]
#
# Each target runs SECONDS seconds over its corpus (build/fuzz/corpus/T,
# kept between runs) and seeds made now from the test suite's own files
# (build/fuzz/seeds/T): the rules files, the facts sections and objects of
# the link tier (run first if its objects are missing), the sources with
# suppression markers, a baseline faultline-link writes, the repository's
# own patches.  Per target it prints executions, coverage (libFuzzer's
# cov: edges and ft: features) and crashes; a crash input is kept in
# build/fuzz/crashes/T/ and the exit status is 1.
#
# -regress runs each target once over testsuite/fuzz/regress/T/* (the
# crash inputs found and fixed): any crash is a failure.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
fb="$top/build/fuzz"
objcopy=${OBJCOPY:-objcopy}
link="${FAULTLINE_TOOLS:-$top/tools}/faultline-link"
: "${ASAN_OPTIONS:=}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

if [ "${1:-}" = -regress ]; then
	shift
	status=0
	for t in ${*:-rules facts elf suppress baseline patch}; do
		for f in "$top"/testsuite/fuzz/regress/"$t"/*; do
			[ -f "$f" ] || continue
			if "$fb/bin/fuzz_$t" "$f" >"$fb/regress.log" 2>&1; then
				echo "PASS fuzz-regress/$t/$(basename "$f")"
			else
				echo "FAIL fuzz-regress/$t/$(basename "$f")"
				grep -E 'ERROR|SUMMARY|runtime error' "$fb/regress.log" |
					head -n 5 | sed 's/^/    /'
				status=1
			fi
		done
	done
	exit $status
fi

seconds=${1:?usage: run.sh SECONDS [TARGET...]}
shift
targets=${*:-rules facts elf suppress baseline patch}

# The link tier's objects: real facts sections from every kind of case.
objects() {
	find "$top/testsuite/out" -path '*/link-*' -name '*.o' 2>/dev/null | sort
}
if [ -z "$(objects | head -n 1)" ]; then
	echo "fuzz: running the link tier for its objects"
	sh "$top/testsuite/run.sh" link >/dev/null 2>&1
fi

seed() {
	rm -rf "$fb/seeds/$1" && mkdir -p "$fb/seeds/$1" "$fb/corpus/$1"
	case $1 in
	rules)
		for f in "$top"/rules/*.rules; do
			cp "$f" "$fb/seeds/rules/$(basename "$f")"
		done
		for f in "$top"/testsuite/rules/*.rules; do
			cp "$f" "$fb/seeds/rules/case-$(basename "$f")"
		done ;;
	facts)
		i=0
		for o in $(objects); do
			i=$((i + 1))
			"$objcopy" --dump-section .discard.faultline="$fb/seeds/facts/$i" \
				"$o" /dev/null 2>/dev/null || rm -f "$fb/seeds/facts/$i"
		done
		# side files of the side-files case, if any
		find "$top/testsuite/out" -name '.*.o.faultline' 2>/dev/null |
			head -n 20 | while read -r f; do
				cp "$f" "$fb/seeds/facts/side-$(basename "$f")"
			done ;;
	elf)
		i=0
		for o in $(objects); do
			i=$((i + 1))
			cp "$o" "$fb/seeds/elf/$i.o"
		done ;;
	suppress)
		# 4 bytes (line, line >> 8, the function's line, the check)
		# before each source with markers, once per marker.
		i=0
		grep -rn 'faultline: ignore' "$top/testsuite" --include='*.c' |
			while IFS=: read -r file line rest; do
				i=$((i + 1))
				{
					printf "\\$(printf %o $((line % 256)))"
					printf "\\$(printf %o $((line / 256 % 128)))"
					printf "\\$(printf %o $(((line + 1) % 256)))"
					printf "\\$(printf %o $((i % 8)))"
					cat "$file"
				} >"$fb/seeds/suppress/$i"
			done ;;
	baseline)
		d=$(objects | sed 's|/[^/]*$||' | sort -u)
		for c in $d; do
			"$link" -q --write-baseline "$fb/seeds/baseline/$(basename "$c")" \
				"$c" >/dev/null 2>&1
		done
		find "$fb/seeds/baseline" -size 0 -delete ;;
	patch)
		# the repository's last commits as patches, else a tiny one
		i=0
		for rev in $(git -C "$top" rev-list -n 8 HEAD 2>/dev/null); do
			i=$((i + 1))
			git -C "$top" show --format= "$rev" 2>/dev/null |
				head -c 65536 >"$fb/seeds/patch/$i"
		done
		printf -- '--- a/fs/ex/mmap.c\n+++ b/fs/ex/mmap.c\n@@ -1,1 +1,2 @@\n+/* x */\n' \
			>"$fb/seeds/patch/tiny" ;;
	esac
}

status=0
printf '%-10s %12s %8s %8s %8s %s\n' target executions cov ft crashes seconds
for t in $targets; do
	bin="$fb/bin/fuzz_$t"
	[ -x "$bin" ] || { echo "fuzz: $bin not built (make fuzz-build)" >&2; exit 2; }
	seed "$t"
	crashes="$fb/crashes/$t"
	mkdir -p "$crashes"
	log="$fb/$t.log"
	start=$(date +%s)
	"$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
		-rss_limit_mb=2048 -max_len=262144 -artifact_prefix="$crashes/" \
		"$fb/corpus/$t" "$fb/seeds/$t" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
	cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	n=$(find "$crashes" -type f | wc -l)
	printf '%-10s %12s %8s %8s %8s %s\n' "$t" "${execs:-?}" "${cov:-?}" \
		"${ft:-?}" "$n" "$(($(date +%s) - start))"
	if [ "$rc" != 0 ] || [ "$n" != 0 ]; then
		status=1
		echo "FAIL fuzz/$t (exit $rc, log $log):"
		grep -E '^==.*ERROR|^SUMMARY|runtime error|deadly signal' "$log" |
			head -n 5 | sed 's/^/    /'
		find "$crashes" -type f | sed 's/^/    crash input: /'
	fi
done
exit $status
