#!/bin/sh
# faultline test runner.
#
#   sh testsuite/run.sh [TIER...]	TIER: rules, model, kernel, corpus (default: all)
#
# Every case carries its expectations inline:
#   C cases:     /* expect: CHECK */ on each line that must warn with
#                [faultline:CHECK]; any other faultline warning is a failure.
#                /* expect-note: TEXT */ on a line that must carry a note
#                containing TEXT.
#   rules cases: # expect-error: TEXT on the malformed line; the plugin must
#                fail with an error naming that file and line.
# The last line is "N passed, N failed".
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
plugin="$top/plugin/faultline.so"
out="$top/testsuite/out"
tiers=${*:-rules model kernel corpus}
passed=0
failed=0

mkdir -p "$out"

pass() {
	passed=$((passed + 1))
	echo "PASS $1"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/    /' "$2"
}

# "LINE CHECK" for every expectation written in a C case.
expected_warnings() {
	awk '{
		line = $0
		while (match(line, /expect: [a-z-]+/)) {
			print NR, substr(line, RSTART + 8, RLENGTH - 8)
			line = substr(line, RSTART + RLENGTH)
		}
	}' "$1" | sort -u
}

# "LINE CHECK" for every faultline warning the compiler printed on FILE.
actual_warnings() {
	awk -v file="$2" '
		index($0, file ":") == 1 && / warning: / &&
		match($0, /\[faultline:[a-z-]+\]$/) {
			split($0, f, ":")
			print f[2], substr($0, RSTART + 11, RLENGTH - 12)
		}' "$1" | sort -u
}

# Compare a case's expectations with a compiler log; report the outcome.
judge() {
	src=$1
	log=$2
	name=$3
	status=$4
	diff_file="$out/$(echo "$name" | tr '/' '_').diff"

	expected_warnings "$src" >"$diff_file.exp"
	actual_warnings "$log" "$(basename "$src")" >"$diff_file.act"
	{
		if [ "$status" != 0 ]; then
			echo "compiler exited with $status:"
			grep -v '^ ' "$log" | head -n 20
		fi
		diff "$diff_file.exp" "$diff_file.act" |
			sed -n 's/^< \(.*\)/missing warning: line \1/p; s/^> \(.*\)/unexpected warning: line \1/p'
		awk '{
			line = $0
			while (match(line, /expect-note: [^*]*\*\//)) {
				text = substr(line, RSTART + 13, RLENGTH - 15)
				sub(/ +$/, "", text)
				print NR "\t" text
				line = substr(line, RSTART + RLENGTH)
			}
		}' "$src" | while IFS='	' read -r nline text; do
			grep -F "$(basename "$src"):$nline:" "$log" | grep -F " note: " |
				grep -qF -- "$text" ||
				echo "missing note on line $nline: $text"
		done
	} >"$diff_file"
	if [ -s "$diff_file" ]; then
		fail "$name" "$diff_file"
	else
		pass "$name"
	fi
}

run_rules_tier() {
	for rules in "$top"/testsuite/rules/*.rules; do
		[ -f "$rules" ] || continue
		name="rules/$(basename "$rules")"
		dir="$out/rules-$(basename "$rules" .rules)"
		rm -rf "$dir" && mkdir -p "$dir"
		cp "$rules" "$dir/"
		echo 'int faultline_rules_probe;' >"$dir/probe.c"
		gcc -fplugin="$plugin" -fplugin-arg-faultline-rules="$dir" \
			-c "$dir/probe.c" -o "$dir/probe.o" >"$dir/log" 2>&1
		status=$?
		report="$dir/report"
		: >"$report"
		[ "$status" = 0 ] && echo "compiler accepted a malformed rules file" >>"$report"
		grep -q 'internal compiler error' "$dir/log" && echo "compiler crashed" >>"$report"
		awk '{
			if (match($0, /expect-error: .*/))
				print NR "\t" substr($0, RSTART + 14)
		}' "$rules" >"$dir/expected"
		[ -s "$dir/expected" ] || echo "case has no expect-error" >>"$report"
		while IFS='	' read -r line text; do
			grep -F "error: faultline: $dir/$(basename "$rules"):$line: " "$dir/log" |
				grep -qF -- "$text" ||
				echo "missing error at line $line: $text" >>"$report"
		done <"$dir/expected"
		if [ -s "$report" ]; then
			cat "$dir/log" >>"$report"
			fail "$name" "$report"
		else
			pass "$name"
		fi
	done
}

run_model_tier() {
	for src in "$top"/testsuite/model/*/*.c; do
		[ -f "$src" ] || continue
		name="model/$(basename "$(dirname "$src")")/$(basename "$src")"
		log="$out/$(echo "$name" | tr '/' '_').log"
		(cd "$(dirname "$src")" &&
			gcc -O2 -Wall -I"$top/testsuite/model/include" \
				-fplugin="$plugin" -c "$(basename "$src")" \
				-o /dev/null) >"$log" 2>&1
		judge "$src" "$log" "$name" $?
	done
}

run_kernel_tier() {
	kdir=$(sh "$top/corpus/prepare-kernel.sh" 6.1 "$top/cache") || {
		fail "kernel/prepare-6.1"
		return
	}
	mod="$out/kernel-module"
	rm -rf "$mod" && mkdir -p "$mod"
	objs=""
	for src in "$top"/testsuite/kernel/*.c; do
		[ -f "$src" ] || continue
		cp "$src" "$mod/"
		objs="$objs $(basename "$src" .c).o"
	done
	echo "obj-m += $objs" >"$mod/Kbuild"
	make -C "$kdir" M="$mod" KCFLAGS="-fplugin=$plugin" -k -j2 modules \
		>"$mod/build.log" 2>&1
	for src in "$top"/testsuite/kernel/*.c; do
		[ -f "$src" ] || continue
		name="kernel/$(basename "$src")"
		obj="$mod/$(basename "$src" .c).o"
		status=0
		[ -f "$obj" ] || status="no object built"
		# Kbuild prints paths relative to the tree or absolute; match names.
		sed "s|^$mod/||" "$mod/build.log" >"$mod/build.rel.log"
		judge "$src" "$mod/build.rel.log" "$name" "$status"
	done
}

# The real-kernel tier: acceptance expectations on Linux 5.10 and 6.1 and
# the byte-identity of objects built with the plugin.
run_corpus_tier() {
	log="$out/corpus.log"
	{
		sh "$top/corpus/accept.sh"
		sh "$top/corpus/identity.sh" 6.1 fs/gfs2/ fs/ext4/
	} >"$log" 2>&1
	while read -r verdict name; do
		case "$verdict" in
		PASS) pass "corpus/$name" ;;
		FAIL) fail "corpus/$name" ;;
		esac
	done <<EOT
$(grep -E '^(PASS|FAIL) ' "$log")
EOT
	grep -q '^PASS ' "$log" || fail "corpus: no result (see $log)"
}

for tier in $tiers; do
	case "$tier" in
	rules) run_rules_tier ;;
	model) run_model_tier ;;
	kernel) run_kernel_tier ;;
	corpus) run_corpus_tier ;;
	*)
		echo "run.sh: unknown tier '$tier' (rules, model, kernel, corpus)" >&2
		exit 2
		;;
	esac
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
