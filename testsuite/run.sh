#!/bin/sh
# faultline test runner.
#
#   sh testsuite/run.sh [TIER...]
#	TIER: rules, model, link, model-sparse, link-sparse, model-clang,
#	link-clang, kernel-clang (the kernel tier built with LLVM=-19 and
#	checked by faultline-clang with C=1), sanitize (the rules, model
#	and link cases under ASan+UBSan), fuzz-regress (the fuzz targets over the crash inputs of
#	testsuite/fuzz/regress/), install, cocci, kernel, corpus, gate,
#	distcc, toolchains, witness (default: all of these).  model-FE and link-FE run
#	the model and link cases through the standalone front end
#	tools/faultline-FE.  Only when named: deb (the Debian package,
#	corpus/deb-check.sh), hostile (odd and huge inputs), fuzz (every fuzz
#	target 30 s, then fuzz-regress).
#
# Every case carries its expectations inline:
#   C cases:     /* expect: CHECK */ on each line that must warn with
#                [faultline:CHECK]; any other faultline warning is a failure.
#                /* expect-note: TEXT */ on a line that must carry a note
#                containing TEXT.
#   rules cases: # expect-error: TEXT on the malformed line; the plugin must
#                fail with an error naming that file and line.
#   cocci cases: testsuite/cocci/SCRIPT/*.c; /* expect-cocci: CHECK */ on
#                each line report mode must name; X.res is the expected
#                patch-mode result of X.c, which must then compile with the
#                plugin reporting nothing; no .res: patch mode changes nothing.
#   link cases:  a directory of units; /* expect-link: CHECK */ and
#                /* expect-link-note: TEXT */ for what faultline-link
#                reports once they are put together.
#   Every front end runs the same cases; a case that cannot hold for
#   front end FE says so with /* faultline-skip-FE: REASON */ (SKIP).
# The last line is "N passed, N failed".
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

top=$(cd "$(dirname "$0")/.." && pwd)
plugin=${FAULTLINE_PLUGIN:-$top/plugin/faultline.so}
# The tools (make check SANITIZE=1: their sanitized builds in build/san).
tools=${FAULTLINE_TOOLS:-$top/tools}
# The compiler the plugin was built for, and its binutils (make passes both).
cc=${CC:-gcc}
# Kernels zero every local (CONFIG_INIT_STACK_ALL_ZERO, the default where
# the compiler can): the plugin sees that store, so its cases are compiled
# the same way (GCC 12 and later).
auto_init=
if echo "int x;" | $cc -ftrivial-auto-var-init=zero -x c -c -o /dev/null - 2>/dev/null; then
	auto_init=-ftrivial-auto-var-init=zero
fi
objcopy=${OBJCOPY:-objcopy}
out="$top/testsuite/out"
tiers=${*:-rules model link model-sparse link-sparse model-clang link-clang sanitize fuzz-regress install cocci kernel kernel-clang corpus gate distcc toolchains witness}
passed=0
failed=0

mkdir -p "$out"

# Under sanitizers (make check SANITIZE=1, tier sanitize): the tools and
# the plugin are built with -fsanitize=address,undefined.  The plugin runs
# inside cc1, which is not: the runtimes must be the first libraries of
# the process, so the compiler is run through a wrapper that LD_PRELOADs
# them (driver, cc1, as, ld: only the compiler, since other programs
# trip over the runtime: mawk reads past its buffers).  The wrapper is the
# tiers' $cc, so the compile commands faultline-gate takes from .cmd files
# use it too.  GCC frees little before it exits: no leak detection.  ASan
# reports go to $out/sanitizer/ (log_path), UBSan's to the logs; each one
# is a failure at the end, and a sanitized process exits with 99.
san_env() {
	san_dir="$out/sanitizer"
	rm -rf "$san_dir" && mkdir -p "$san_dir"
	: "${FAULTLINE_SAN_PRELOAD:=$(${HOSTCXX:-g++} -print-file-name=libasan.so):$(${HOSTCXX:-g++} -print-file-name=libubsan.so)}"
	printf '#!/bin/sh\n# %s with the sanitizer runtimes of the sanitized plugin\nLD_PRELOAD=%s exec %s "$@"\n' \
		"$cc" "$FAULTLINE_SAN_PRELOAD" "$cc" >"$san_dir/cc"
	chmod +x "$san_dir/cc"
	cc="$san_dir/cc"
	ASAN_OPTIONS="detect_leaks=0:exitcode=99:log_path=$san_dir/report"
	UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=99"
	export ASAN_OPTIONS UBSAN_OPTIONS
}

# Each sanitizer report is a failure (named by the process that made it).
san_judge() {
	for r in "$san_dir"/report*; do
		[ -f "$r" ] || continue
		fail "sanitize/$(basename "$r")" "$r"
	done
	# UBSan ignores log_path: its reports are in the logs (and the
	# process exited with 99, which the case saw).
	# (Not in deb/: the Debian tier keeps a copy of these sources there.)
	grep -rl --exclude-dir=sanitizer --exclude-dir=deb 'runtime error: \|ERROR: AddressSanitizer' \
		"$out" 2>/dev/null | while read -r log; do
		grep -m 3 'runtime error: \|ERROR: AddressSanitizer' "$log" \
			>"$san_dir/in-$(basename "$log")"
		echo "$log" >>"$san_dir/in-$(basename "$log")"
	done
	for r in "$san_dir"/in-*; do
		[ -f "$r" ] || continue
		fail "sanitize/$(basename "$r")" "$r"
	done
}

[ "${FAULTLINE_SANITIZE:-}" = 1 ] && san_env

pass() {
	passed=$((passed + 1))
	echo "PASS $1"
}

fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ -n "${2:-}" ] && [ -f "$2" ] && sed 's/^/    /' "$2"
}

# report_verdicts LOG TIER [PREFIX]: count the PASS, FAIL and SKIP lines a
# corpus script wrote to LOG (names given PREFIX); a FAIL is shown with the
# lines the script indented under it, not with the whole log.
report_verdicts() {
	while read -r verdict name; do
		case "$verdict" in
		PASS) pass "${3:-}$name" ;;
		FAIL)
			fail "${3:-}$name"
			awk -v want="FAIL $name" '
				on && /^    / { print "    " $0; next }
				{ on = !seen && $0 == want; seen = seen || on }' "$1"
			;;
		SKIP) echo "SKIP ${3:-}$name" ;;
		esac
	done <<EOT
$(grep -E '^(PASS|FAIL|SKIP) ' "$1")
EOT
	grep -qE '^(PASS|FAIL|SKIP) ' "$1" || fail "$2: no result (see $1)"
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
		$cc -fplugin="$plugin" -fplugin-arg-faultline-rules="$dir" \
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

# Compile one unit with front end FE (gcc: the plugin; any other: the
# standalone checker tools/faultline-FE, run as kbuild runs $(CHECK)),
# with the compiler's arguments that follow.
fe_compile() {
	fe=$1
	shift
	case $fe in
	gcc) $cc -O2 -Wall $auto_init -I"$top/testsuite/model/include" \
		-fplugin="$plugin" "$@" ;;
	*) "$tools/faultline-$fe" -O2 -Wall \
		-I"$top/testsuite/model/include" "$@" ;;
	esac
}

# The reason a case gives for not holding under front end FE
# ("faultline-skip-FE: REASON"), or nothing.
fe_skip_reason() {
	sed -n "s/.*faultline-skip-$2: \(.*\)\*\/.*/\1/p" "$1" | head -n 1
}

# Every model case through front end FE, judged by the same inline
# expectations; tiers "model" (gcc), "model-sparse", "model-clang".
run_model_tier() {
	fe=${1:-gcc}
	prefix=model
	[ "$fe" = gcc ] || prefix=model-$fe
	if [ "$fe" != gcc ] && [ ! -x "$tools/faultline-$fe" ]; then
		fail "$prefix/built"
		return
	fi
	for src in "$top"/testsuite/model/*/*.c; do
		[ -f "$src" ] || continue
		name="$prefix/$(basename "$(dirname "$src")")/$(basename "$src")"
		log="$out/$(echo "$name" | tr '/' '_').log"
		reason=$(fe_skip_reason "$src" "$fe")
		if [ -n "$reason" ]; then
			echo "SKIP $name ($reason)"
			continue
		fi
		facts=
		[ "$fe" = gcc ] || facts=--faultline-no-facts
		(cd "$(dirname "$src")" &&
			fe_compile "$fe" $facts -c "$(basename "$src")" \
				-o /dev/null) >"$log" 2>&1
		judge "$src" "$log" "$name" $?
	done
	run_internal_error_cases "$fe"
	if [ "$fe" = sparse ]; then
		run_sparse_unparsable_cases
		run_sparse_long_string_cases
	fi
	[ "$fe" = gcc ] || run_checker_valid_case "$fe"
}

# Kbuild (6.14 and later, scripts/checker-valid.sh) allows C=1/C=2 only if
# the checker, given CHECKFLAGS and a bare mktemp file of C, prints no
# "error": the file is checked as C, and no facts are written, since
# nothing names an object.
run_checker_valid_case() {
	scratch_case "model-$1/checker-valid"
	printf 'static inline int u(const int *q)\n{\n\t__typeof_unqual__(*q) v = *q;\n\treturn v;\n}\n' \
		>"$dir/tmp.AbC123"
	(cd "$dir" && "$tools/faultline-$1" -D__linux__ -Dlinux -D__STDC__ -Dunix \
		-D__unix__ -Wbitwise -Wno-return-void -Wno-unknown-attribute \
		-D__x86_64__ --arch=x86 -mlittle-endian -m64 tmp.AbC123) >"$dir/log" 2>&1 ||
		echo "exit status $?, not 0" >>"$report"
	grep -q error "$dir/log" && echo "an error was printed" >>"$report"
	[ -z "$(find "$dir" -name '*.faultline')" ] || echo "facts were written" >>"$report"
	scratch_verdict
}

# A case of its own: $name's directory under testsuite/out ($dir) and its
# empty $report; what goes wrong is appended to $report.
scratch_case() {
	name=$1
	dir="$out/$(echo "$name" | tr '/' '_')"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
}

# PASS $name if nothing was reported, else FAIL with the report and $dir/log.
scratch_verdict() {
	if [ -s "$report" ]; then
		cat "$dir/log" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# A unit Sparse cannot handle is named once, with its first error, and
# never fails the build (exit 0): a syntax error, and an include it cannot
# find, on which Sparse itself gives up with exit(1).
run_sparse_unparsable_cases() {
	for shape in syntax include; do
		scratch_case "model-sparse/unparsable-$shape"
		case $shape in
		syntax) printf 'int ok(void)\n{\n\treturn 0 +;\n}\n' ;;
		include) printf 'int ok(void);\n#include <no-such-header.h>\n' ;;
		esac >"$dir/bad.c"
		(cd "$dir" && fe_compile sparse --faultline-no-facts -c bad.c -o /dev/null) \
			>"$dir/log" 2>&1 || echo "exit status $?, not 0" >>"$report"
		[ "$(grep -c '^faultline-sparse: bad.c: not checked, Sparse cannot parse it: bad.c:[23]:' "$dir/log")" = 1 ] ||
			echo "the unit is not named once with its first error" >>"$report"
		scratch_verdict
	done
}

# A stringified macro argument longer than Sparse's buffer (a trace event's
# TP_printk) cuts the string short with an error; the unit is still
# checked, unless another error comes with it.
run_sparse_long_string_cases() {
	for shape in alone with-syntax-error; do
		scratch_case "model-sparse/long-string-$shape"
		{
			printf '#include <kmodel.h>\n#define STR(x) #x\n'
			printf 'static const char fmt[] = STR(%s);\n' \
				"$(awk 'BEGIN { for (i = 0; i < 1200; i++) printf "field%d ", i }')"
			printf 'static struct mutex ls_mutex;\n'
			printf 'static vm_fault_t ls_fault(struct vm_fault *vmf)\n{\n'
			printf '\tmutex_lock(&ls_mutex);\n\tmutex_unlock(&ls_mutex);\n'
			printf '\treturn filemap_fault(vmf);\n}\n'
			printf 'const struct vm_operations_struct ls_vm_ops = { .fault = ls_fault };\n'
			printf 'int ls_read(int __user *out, int v)\n{\n\tmutex_lock(&ls_mutex);\n'
			printf '\tv = copy_to_user(out, &v, sizeof(v));\n'
			printf '\tmutex_unlock(&ls_mutex);\n\treturn v;\n}\n'
			[ "$shape" = alone ] || printf 'int bad(void)\n{\n\treturn 0 +;\n}\n'
		} >"$dir/long.c"
		(cd "$dir" && fe_compile sparse --faultline-no-facts -c long.c -o /dev/null) \
			>"$dir/log" 2>&1 || echo "exit status $?, not 0" >>"$report"
		case $shape in
		alone)
			grep -q 'not checked' "$dir/log" &&
				echo "the unit was not checked" >>"$report"
			grep -q '^long.c:[0-9]*:[0-9]*: warning: .*\[faultline:fault-under-lock\]' "$dir/log" ||
				echo "no fault-under-lock warning" >>"$report"
			;;
		*)
			grep -q '^faultline-sparse: long.c: not checked' "$dir/log" ||
				echo "a unit with a syntax error was checked" >>"$report"
			;;
		esac
		scratch_verdict
	done
}

# faultline's own failure is not the compile's (issue 18): with
# FAULTLINE_DEBUG_CRASH=PHASE:FUNCTION a fault is raised when lowering or
# checking FUNCTION.  The front end says so, goes on without it (lowering:
# the other functions are still checked) and exits 0; with the plugin the
# object is what GCC makes without it, facts aside, even under -Werror.
run_internal_error_cases() {
	fe=$1
	prefix=model
	[ "$fe" = gcc ] || prefix=model-$fe
	werror=
	[ "$fe" = gcc ] && werror=-Werror
	case_dir="$top/testsuite/model/gup"
	for phase in lower check; do
		scratch_case "$prefix/internal-error-$phase"
		(cd "$case_dir" && FAULTLINE_DEBUG_CRASH="$phase:dio_add_folio" \
			fe_compile "$fe" $werror -c folio-bio.c -o "$dir/crash.o") \
			>"$dir/log" 2>&1 || echo "the compile failed" >>"$report"
		grep -q "warning: faultline: internal error in .dio_add_folio., skipped" \
			"$dir/log" || echo "no internal error reported" >>"$report"
		if [ "$phase" = lower ]; then
			grep -q "folio-bio.c:24:.*\[faultline:gup-unpinned\]" "$dir/log" ||
				echo "the other functions were not checked" >>"$report"
			grep -q "folio-bio.c:12:.*\[faultline:" "$dir/log" &&
				echo "the failed function was still reported" >>"$report"
		fi
		if [ "$fe" = gcc ]; then
			(cd "$case_dir" && $cc -O2 -Wall $auto_init -I"$top/testsuite/model/include" \
				-c folio-bio.c -o "$dir/plain.o") >>"$dir/log" 2>&1
			$objcopy -R .discard.faultline "$dir/crash.o" "$dir/stripped.o" 2>>"$dir/log"
			cmp -s "$dir/plain.o" "$dir/stripped.o" ||
				echo "the object differs from a plain compile" >>"$report"
		fi
		scratch_verdict
	done
}

# The C units of a link case, in its subdirectories too.
case_units() {
	find "$1" -name '*.c' | sort
}

# "FILE LINE CHECK" for each expectation of kind (expect, expect-link).
expected_in_dir() {
	for src in $(case_units "$1"); do
		awk -v kind="$2: " -v file="$(basename "$src")" '{
			line = $0
			while ((i = index(line, kind)) > 0) {
				rest = substr(line, i + length(kind))
				match(rest, /^[a-z-]+/)
				print file, NR, substr(rest, 1, RLENGTH)
				line = rest
			}
		}' "$src"
	done | sort -u
}

# "FILE LINE CHECK" for every faultline warning in a log.
warnings_in_log() {
	awk '/ warning: / && match($0, /\[faultline:[a-z-]+\]$/) {
		split($0, f, ":")
		n = split(f[1], p, "/")
		print p[n], f[2], substr($0, RSTART + 11, RLENGTH - 12)
	}' "$1" | sort -u
}

# Compile every unit of a link case with the plugin, link, and compare.
# The lines of file A and file B, in any order: those of one only, each
# after ONLY_A: or ONLY_B:.
same_lines() {
	sort "$1" >"$1.sorted"
	sort "$2" >"$2.sorted"
	diff "$1.sorted" "$2.sorted" | sed -n "s/^< \(.*\)/$3: \1/p; s/^> \(.*\)/$4: \1/p"
}

run_link_case() {
	case_dir=$1
	fe=${2:-gcc}
	prefix=link
	[ "$fe" = gcc ] || prefix=link-$fe
	name="$prefix/$(basename "$case_dir")"
	dir="$out/$prefix-$(basename "$case_dir")"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
	# Units may sit in subdirectories (fs/, fs/baz/): compiled by that path.
	for src in $(case_units "$case_dir"); do
		rel=${src#"$case_dir"/}
		(cd "$case_dir" && fe_compile "$fe" -c "$rel" \
			-o "$dir/$(echo "${rel%.c}" | tr '/' '_').o") >>"$dir/compile.log" 2>&1 ||
			echo "compiling $rel failed" >>"$report"
	done
	"$tools/faultline-link" -q --srcroot "$case_dir" \
		--sarif "$dir/report.sarif" "$dir" \
		>"$dir/link.log" 2>"$dir/link.err"
	status=$?
	expected_in_dir "$case_dir" expect >"$dir/plugin.exp"
	warnings_in_log "$dir/compile.log" >"$dir/plugin.act"
	expected_in_dir "$case_dir" expect-link >"$dir/link.exp"
	warnings_in_log "$dir/link.log" >"$dir/link.act"
	diff "$dir/plugin.exp" "$dir/plugin.act" | sed -n \
		's/^< \(.*\)/missing plugin warning: \1/p; s/^> \(.*\)/unexpected plugin warning: \1/p' >>"$report"
	diff "$dir/link.exp" "$dir/link.act" | sed -n \
		's/^< \(.*\)/missing link warning: \1/p; s/^> \(.*\)/unexpected link warning: \1/p' >>"$report"
	want=0
	[ -s "$dir/link.exp" ] && want=1
	[ "$status" = "$want" ] ||
		echo "faultline-link exited with $status, not $want" >>"$report"
	for src in $(case_units "$case_dir"); do
		awk '{
			line = $0
			while (match(line, /expect-link-note: [^*]*\*\//)) {
				text = substr(line, RSTART + 18, RLENGTH - 20)
				sub(/ +$/, "", text)
				print NR "\t" text
				line = substr(line, RSTART + RLENGTH)
			}
		}' "$src" | while IFS='	' read -r nline text; do
			grep -F "$(basename "$src"):$nline:" "$dir/link.log" |
				grep -F " note: " | grep -qF -- "$text" ||
				echo "missing link note on $(basename "$src"):$nline: $text"
		done >>"$report"
	done
	check_witnesses "$case_dir" "$dir" >>"$report"
	# Every front end gives the same answers: the same report, line for
	# line (columns included), as the plugin's when that tier ran first.
	gcc_log="$out/link-$(basename "$case_dir")/link.log"
	if [ "$fe" != gcc ] && [ -f "$gcc_log" ]; then
		same_lines "$gcc_log" "$dir/link.log" "the plugin reports, this front end does not" \
			"this front end reports, the plugin does not" >>"$report"
	fi
	if [ -s "$report" ]; then
		cat "$dir/link.log" "$dir/link.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}


# expect-witness: TEXT on a finding's line: faultline-witness --list says
# TEXT for that finding, and the program it writes for it compiles.
check_witnesses() {
	grep -q 'expect-witness:' $(case_units "$1") || return 0
	"$tools/faultline-witness" --list "$2" >"$2/witness.log" 2>&1 ||
		echo "faultline-witness --list exited with $?"
	for src in $(case_units "$1"); do
		awk 'match($0, /expect-witness: [^*]*\*\//) {
			text = substr($0, RSTART + 16, RLENGTH - 18)
			sub(/ +$/, "", text)
			print NR "\t" text
		}' "$src" | while IFS='	' read -r nline text; do
			at="$(basename "$src"):$nline"
			grep -F "$at: " "$2/witness.log" | grep -qF -- "$text" ||
				echo "missing witness on $at: $text"
			case "$text" in
			"no witness"*) continue ;;
			esac
			"$tools/faultline-witness" --at "$at" -o "$2/witness-$nline.c" \
				"$2" >/dev/null 2>&1 ||
				echo "faultline-witness --at $at wrote no program"
			$cc -Wall -Werror -c -o /dev/null "$2/witness-$nline.c" \
				>"$2/witness-$nline.log" 2>&1 ||
				echo "the witness for $at does not compile: $(head -n 3 "$2/witness-$nline.log")"
		done
	done
}
# The facts section of object OBJ, written to FILE.
dump_facts() {
	$objcopy --dump-section .discard.faultline="$2" "$1" "$2.scratch.o" &&
		rm -f "$2.scratch.o"
}

# Broken facts: each bad object is named with the line, the exit status is
# 2, and what the good objects show is still reported.
run_corrupt_facts_case() {
	name="link/corrupt-facts"
	good="$out/link-fiemap-across-units"
	dir="$out/link-corrupt-facts"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
	cp "$good"/*.o "$dir/"
	dump_facts "$dir/util.o" "$dir/facts"
	head -n 5 "$dir/facts" >"$dir/truncated"
	$objcopy --update-section .discard.faultline="$dir/truncated" "$dir/util.o"
	sed '3s/^/bogus\t/' "$dir/facts" >"$dir/garbled"
	cp "$good/mmap.o" "$dir/garbled.o"
	$objcopy --update-section .discard.faultline="$dir/garbled" "$dir/garbled.o"
	echo "not an object" >"$dir/text.o"
	"$tools/faultline-link" -q "$dir" >"$dir/link.log" 2>"$dir/link.err"
	status=$?
	[ "$status" = 2 ] || echo "exit status $status, not 2" >>"$report"
	grep -q "$dir/util.o: corrupt faultline facts at line 5: truncated" "$dir/link.err" ||
		echo "no error naming util.o and line 5" >>"$report"
	grep -q "$dir/garbled.o: corrupt faultline facts at line 3: unknown record" "$dir/link.err" ||
		echo "no error naming garbled.o and line 3" >>"$report"
	grep -q "$dir/text.o: not an ELF" "$dir/link.err" ||
		echo "no error naming text.o" >>"$report"
	# ex_fiemap needs extent_map.o and mmap.o only: still found.
	grep -q "extent_map.c:18:.*\[faultline:fault-under-lock\]" "$dir/link.log" ||
		echo "the finding of the intact objects was lost" >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/link.log" "$dir/link.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# Broken page records (facts versions 3 to 5): each bad object is named with the
# line; version 2 facts, which have no page records, still read.
run_corrupt_page_facts_case() {
	name="link/corrupt-page-facts"
	good="$out/link-gup-nfs-across-units"
	dir="$out/link-corrupt-page-facts"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
	cp "$good"/*.o "$dir/"
	for unit in direct pagelist; do
		dump_facts "$dir/$unit.o" "$dir/$unit.facts"
	done
	# bad.o: BAD (a sed script) applied to the facts of UNIT.
	corrupt() {
		sed "$3" "$dir/$2.facts" >"$dir/$1.facts"
		cp "$dir/$2.o" "$dir/$1.o"
		$objcopy --update-section .discard.faultline="$dir/$1.facts" "$dir/$1.o"
	}
	l_pcall=$(grep -n '^pcall' "$dir/direct.facts" | head -n 1 | cut -d: -f1)
	l_psink=$(grep -n '^psink' "$dir/pagelist.facts" | head -n 1 | cut -d: -f1)
	l_psrc=$(grep -n '^psrc' "$dir/direct.facts" | head -n 1 | cut -d: -f1)
	corrupt source direct "${l_pcall}s/:s[0-9]*\$/:s99/"
	corrupt kind pagelist "${l_psink}s/^\(psink\t[0-9]*\)\t[a-z]\t/\1\tx\t/"
	corrupt param pagelist "${l_psink}s/^psink\t[0-9]*/psink\t0/"
	corrupt srckind direct "${l_psrc}s/\tg\t/\tG\t/"
	# Facts of an older version: without version 6's records and kinds.
	v5="/^itype\t/d; s/[0-9]*:\*[A-Za-z_0-9]*,\{0,1\}//g; s/\(:f[0-9]*\)\*[A-Za-z_0-9]*/\1/g"
	corrupt old pagelist "1s/\t7\$/\t2/; $v5"
	corrupt future pagelist "1s/\t7\$/\t8/"
	# A version 4 record: the parameter it names must be 1 to 64.
	corrupt look pagelist "${l_psink}s/\$/\nplook\t0/"
	corrupt old3 pagelist "1s/\t7\$/\t3/; $v5; ${l_psink}s/\$/\nplook\t2/"
	# Version 5: a fault's function-pointer condition, an argument that
	# is a function's address.
	l_fn=$(grep -n '^fn' "$dir/direct.facts" | head -n 1 | cut -d: -f1)
	l_fault=$(grep -n "$(printf '^fault\t')" "$dir/direct.facts" | head -n 1 | cut -d: -f1)
	corrupt fnptr0 direct "${l_fault}s/\$/\nfnptr\t0\tf/"
	corrupt nofault direct "${l_fn}s/\$/\nfnptr\t1\tf/"
	corrupt old4 direct "1s/\t7\$/\t4/; $v5; ${l_fault}s/\$/\nfnptr\t1\tf/"
	corrupt fnarg direct "$((l_fault + 1))s/1:p2\$/1:\&/"
	corrupt guard0 direct "$((l_fault + 1))s/\$/\nguard\t0/"
	# Version 6: the struct a conditional fault reads, an argument's.
	corrupt itypefn direct "${l_fn}s/\$/\nitype\tmsghdr/"
	corrupt old5 direct "1s/\t7\$/\t5/; ${l_fault}s/\$/\nitype\tmsghdr/"
	corrupt old5arg direct "1s/\t7\$/\t5/; $((l_fault + 1))s/1:p2\$/1:*msghdr/"
	corrupt typearg direct "$((l_fault + 1))s/1:p2\$/1:*/"
	# Version 7: several fault records, at most four.
	corrupt old6 direct "1s/\t7\$/\t6/; ${l_fault}p"
	corrupt faults5 direct "${l_fault}{p;p;p;p}"
	# Version 2: a unit of another case (its functions clash with none).
	cp "$out/link-fiemap-across-units/util.o" "$dir/util.o"
	dump_facts "$dir/util.o" "$dir/util.facts"
	corrupt v2 util "1s/\t7\$/\t2/; $v5"
	rm -f "$dir/util.o"
	"$tools/faultline-link" -q "$dir" >"$dir/link.log" 2>"$dir/link.err"
	status=$?
	[ "$status" = 2 ] || echo "exit status $status, not 2" >>"$report"
	for want in "source.o: corrupt faultline facts at line $l_pcall: unknown page source" \
		"kind.o: corrupt faultline facts at line $l_psink: unknown page sink kind" \
		"param.o: corrupt faultline facts at line $l_psink: bad parameter number" \
		"srckind.o: corrupt faultline facts at line $l_psrc: unknown page source kind" \
		"old.o: corrupt faultline facts at line $l_psink: record of a later facts version" \
		"look.o: corrupt faultline facts at line $((l_psink + 1)): bad parameter number" \
		"old3.o: corrupt faultline facts at line $((l_psink + 1)): record of a later facts version" \
		"fnptr0.o: corrupt faultline facts at line $((l_fault + 1)): bad parameter number" \
		"nofault.o: corrupt faultline facts at line $((l_fn + 1)): fnptr record without a fault record" \
		"old4.o: corrupt faultline facts at line $((l_fault + 1)): record of a later facts version" \
		"fnarg.o: corrupt faultline facts at line $((l_fault + 1)): bad call argument list" \
		"guard0.o: corrupt faultline facts at line $((l_fault + 2)): bad parameter number" \
		"itypefn.o: corrupt faultline facts at line $((l_fn + 1)): itype record without a conditional fault record" \
		"old5.o: corrupt faultline facts at line $((l_fault + 1)): record of a later facts version" \
		"old5arg.o: corrupt faultline facts at line $((l_fault + 1)): bad call argument list" \
		"typearg.o: corrupt faultline facts at line $((l_fault + 1)): bad call argument list" \
		"old6.o: corrupt faultline facts at line $((l_fault + 1)): a second fault record before version 7" \
		"faults5.o: corrupt faultline facts at line $((l_fault + 4)): more than 4 fault records" \
		"future.o: corrupt faultline facts at line 1: facts version 8, this tool reads 2 to 7"; do
		grep -qF "$dir/$want" "$dir/link.err" || echo "no error: $want" >>"$report"
	done
	grep -q "v2.o" "$dir/link.err" && echo "version 2 facts refused" >>"$report"
	# The intact objects still give the cross-unit finding.
	grep -q "direct.c:13:.*\[faultline:gup-unpinned\]" "$dir/link.log" ||
		echo "the finding of the intact objects was lost" >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/link.log" "$dir/link.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# The facts of a link case wrapped in objects of other ELF classes and byte
# orders give the findings of the native objects; a truncated ELF32
# big-endian object is named, exit status 2, the others still linked.
run_elf_formats_case() {
	name="link/elf-formats"
	case_dir="$top/testsuite/link/fiemap-across-units"
	good="$out/link-fiemap-across-units"
	dir="$out/link-elf-formats"
	report="$dir/report"
	link="$tools/faultline-link"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
	# A cross binutils writes its own target only: binutils-multiarch's
	# objcopy writes them all.
	conv=
	for c in "$objcopy" objcopy; do
		$c --help 2>/dev/null | grep -q ' elf32-powerpc ' && conv=$c && break
	done
	[ -n "$conv" ] ||
		echo "no objcopy writes elf32-powerpc (binutils-multiarch)" >>"$report"
	"$link" -q --srcroot "$case_dir" "$good" >"$dir/native.log" 2>&1
	native_status=$?
	grep -E ' (warning|note): ' "$dir/native.log" | sort >"$dir/native.act"
	[ -s "$dir/native.act" ] || echo "the native objects show nothing" >>"$report"
	for obj in "$good"/*.o; do
		dump_facts "$obj" "$dir/$(basename "$obj" .o).facts" >>"$report" 2>&1
	done
	rm -f "$dir/scratch.o"
	# TARGET, -B architecture, EI_CLASS, EI_DATA
	while [ -n "$conv" ] && read -r fmt arch class data; do
		mkdir -p "$dir/$fmt"
		for facts in "$dir"/*.facts; do
			unit=$(basename "$facts" .facts)
			(cd "$dir" && $conv -I binary -O "$fmt" -B "$arch" \
				--rename-section .data=.discard.faultline,contents \
				"$unit.facts" "$fmt/$unit.o") >>"$report" 2>&1
			# Not the intended format, the case would prove nothing.
			[ "$(od -An -tu1 -j4 -N2 "$dir/$fmt/$unit.o" | tr -s ' ')" = " $class $data" ] ||
				echo "$fmt/$unit.o: not ELFCLASS $class, ELFDATA $data" >>"$report"
		done
		"$link" -q --srcroot "$case_dir" "$dir/$fmt" >"$dir/$fmt.log" 2>"$dir/$fmt.err"
		status=$?
		[ "$status" = "$native_status" ] ||
			echo "$fmt: exit status $status, not $native_status" >>"$report"
		[ -s "$dir/$fmt.err" ] && sed "s|^|$fmt: |" "$dir/$fmt.err" >>"$report"
		grep -E ' (warning|note): ' "$dir/$fmt.log" | sort >"$dir/$fmt.act"
		diff "$dir/native.act" "$dir/$fmt.act" | sed -n \
			"s/^< \(.*\)/$fmt: missing: \1/p; s/^> \(.*\)/$fmt: unexpected: \1/p" >>"$report"
	done <<EOT
elf32-i386 i386 1 1
elf32-littlearm arm 1 1
elf64-littleaarch64 aarch64 2 1
elf64-s390 s390:64-bit 2 2
elf64-powerpc powerpc:common64 2 2
elf32-powerpc powerpc 1 2
EOT
	# Truncated ELF32 big-endian objects beside the native ones: one cut
	# in its section table, one in its ELF header.
	cut="$dir/truncated"
	mkdir -p "$cut"
	cp "$good"/*.o "$cut/"
	be32="$dir/elf32-powerpc/util.o"
	if [ -f "$be32" ]; then
		head -c $(($(wc -c <"$be32") - 20)) "$be32" >"$cut/util-be32-table.o"
		head -c 40 "$be32" >"$cut/util-be32-header.o"
	fi
	"$link" -q --srcroot "$case_dir" "$cut" >"$dir/truncated.log" 2>"$dir/truncated.err"
	status=$?
	[ "$status" = 2 ] || echo "truncated: exit status $status, not 2" >>"$report"
	grep -q "$cut/util-be32-table.o: .*outside the file (truncated object)" "$dir/truncated.err" ||
		echo "no error naming util-be32-table.o and its section table" >>"$report"
	grep -q "$cut/util-be32-header.o: truncated ELF header" "$dir/truncated.err" ||
		echo "no error naming util-be32-header.o and its header" >>"$report"
	grep -E ' (warning|note): ' "$dir/truncated.log" | sort >"$dir/truncated.act"
	diff "$dir/native.act" "$dir/truncated.act" | sed -n \
		's/^< \(.*\)/truncated: missing: \1/p; s/^> \(.*\)/truncated: unexpected: \1/p' >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/truncated.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# The SARIF log of a link case, checked against SARIF 2.1.0's required
# structure with jq.
run_sarif_case() {
	name="link/sarif"
	dir="$out/link-fiemap-across-units"
	sarif="$dir/report.sarif"
	report="$out/link-sarif.report"
	nwarn=$(cat "$dir/compile.log" "$dir/link.log" | grep -c ' warning: .*\[faultline:')
	# One finding of the case is suppressed by a marker: in SARIF, not printed.
	if ! jq -e --argjson n "$((nwarn + 1))" '
		(.runs[0].tool.driver.rules | map(.id)) as $ids |
		.version == "2.1.0" and (.runs | length) == 1 and
		.runs[0].tool.driver.name == "faultline" and
		(.runs[0].results | length) == $n and
		all(.runs[0].results[];
			(.ruleId as $r | [$ids[] | select(. == $r)] | length) > 0 and
			.ruleIndex >= 0 and
			(.message.text | length) > 0 and
			(.locations[0].physicalLocation.artifactLocation.uri | length) > 0 and
			.locations[0].physicalLocation.region.startLine >= 1 and
			all(.relatedLocations[]?; (.message.text | length) > 0 and
				.physicalLocation.region.startLine >= 1)) and
		([.runs[0].results[] | select(.suppressions)] | length) == 1 and
		all(.runs[0].results[] | select(.suppressions);
			.suppressions[0].kind == "inSource" and
			(.suppressions[0].justification | length) > 0) and
		(.runs[0].invocations[0].executionSuccessful == true)
	' "$sarif" >"$report" 2>&1; then
		echo "SARIF structure check failed ($nwarn warnings expected)" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# A directory with no objects, or none with facts, is an error (exit 2),
# never a clean link.
run_empty_dir_case() {
	name="link/empty-directories"
	dir="$out/link-empty-dirs"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir/none" "$dir/bare"
	: >"$report"
	$objcopy -R .discard.faultline "$out/link-fiemap-across-units/mmap.o" \
		"$dir/bare/mmap.o"
	"$tools/faultline-link" -q "$dir/none" "$dir/bare" \
		"$out/link-fiemap-across-units" >"$dir/link.log" 2>"$dir/link.err"
	status=$?
	[ "$status" = 2 ] || echo "exit status $status, not 2" >>"$report"
	grep -q "$dir/none: no objects here" "$dir/link.err" ||
		echo "no error naming the empty directory" >>"$report"
	grep -q "$dir/bare: no object here carries faultline facts" "$dir/link.err" ||
		echo "no error naming the directory without facts" >>"$report"
	grep -q "extent_map.c:18:.*\[faultline:fault-under-lock\]" "$dir/link.log" ||
		echo "the findings of the good directory were lost" >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/link.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# A baseline accepts today's findings: written once, they are no longer
# reported; a malformed baseline names its file and line.
run_baseline_case() {
	name="link/baseline"
	dir="$out/link-fiemap-across-units"
	report="$out/link-baseline.report"
	link="$tools/faultline-link"
	: >"$report"
	"$link" -q --srcroot "$top/testsuite/link/fiemap-across-units" \
		--write-baseline "$dir/baseline" "$dir" >/dev/null 2>&1
	[ "$(grep -vc '^#' "$dir/baseline")" = 2 ] ||
		echo "the baseline should list the 2 unsuppressed findings" >>"$report"
	"$link" -q --srcroot "$top/testsuite/link/fiemap-across-units" \
		--baseline "$dir/baseline" "$dir" >"$dir/baselined.log" 2>&1
	status=$?
	[ "$status" = 0 ] || echo "exit $status with every finding in the baseline" >>"$report"
	grep -q 'warning:' "$dir/baselined.log" && echo "a baselined finding was reported" >>"$report"
	printf '# faultline baseline 1\nfault-under-lock\tonly-two-fields\n' >"$dir/bad-baseline"
	"$link" -q --baseline "$dir/bad-baseline" "$dir" >"$dir/bad.log" 2>&1
	status=$?
	[ "$status" = 2 ] || echo "exit $status with a malformed baseline, not 2" >>"$report"
	grep -q "$dir/bad-baseline:2: expected CHECK" "$dir/bad.log" ||
		echo "no error naming the baseline's line 2" >>"$report"
	grep -q 'warning: .*ex_fiemap_inline' "$dir/bad.log" ||
		echo "findings were lost to the bad baseline" >>"$report"
	if [ -s "$report" ]; then
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# faultline-gate on a git range, in a miniature tree: one unit with the
# compile command kbuild would have recorded.  The second commit adds a
# copy under the lock of the fault path: exit 1, one new finding.
run_gate_range_case() {
	name="link/gate-git-range"
	dir="$out/gate-range"
	report="$out/gate-range.report"
	rm -rf "$dir" && mkdir -p "$dir/fs/ex"
	: >"$report"
	cp "$top/testsuite/link/fiemap-across-units/ex_fs.h" \
		"$top/testsuite/link/fiemap-across-units/mmap.c" "$dir/fs/ex/"
	touch "$dir/.config" "$dir/Makefile"
	for unit in mmap; do
		echo "cmd_fs/ex/$unit.o := $cc -O2 -I$top/testsuite/model/include -c -o fs/ex/$unit.o fs/ex/$unit.c" \
			>"$dir/fs/ex/.$unit.o.cmd"
		(cd "$dir" && $cc -O2 -I"$top/testsuite/model/include" \
			-fplugin="$plugin" -c -o "fs/ex/$unit.o" "fs/ex/$unit.c")
	done
	# The unit the commits change.
	cat >"$dir/fs/ex/get.c" <<'EOC'
#include <kmodel.h>
#include "ex_fs.h"

int ex_get(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char map[16] = {0};

	down_read(&ei->alloc_sem);
	up_read(&ei->alloc_sem);
	return copy_to_user(dst, map, sizeof(map)) ? -EFAULT : 0;
}
EOC
	echo "cmd_fs/ex/get.o := $cc -O2 -I$top/testsuite/model/include -c -o fs/ex/get.o fs/ex/get.c" \
		>"$dir/fs/ex/.get.o.cmd"
	(cd "$dir" && git init -q && git add -A &&
		git -c user.name=t -c user.email=t@t commit -qm base &&
		sed -i '/up_read/d; s/\treturn copy_to_user(dst, map, sizeof(map)) ? -EFAULT : 0;/\tint ret = copy_to_user(dst, map, sizeof(map)) ? -EFAULT : 0;\n\tup_read(\&ei->alloc_sem);\n\treturn ret;/' fs/ex/get.c &&
		git -c user.name=t -c user.email=t@t commit -qam "copy under the lock") >>"$report" 2>&1
	"$tools/faultline-gate" -q -C "$dir" HEAD~1..HEAD >"$dir/out" 2>"$dir/err"
	status=$?
	[ "$status" = 1 ] || echo "exit $status, not 1" >>"$report"
	grep -q '^faultline-gate: 1 new finding, 0 fixed' "$dir/out" ||
		echo "not exactly one new finding" >>"$report"
	grep -q "get.c:.*warning: 'copy_to_user' may fault.*alloc_sem" "$dir/out" ||
		echo "the new finding is not the copy under alloc_sem" >>"$report"
	"$tools/faultline-gate" -q -C "$dir" HEAD..HEAD~1 >"$dir/out2" 2>"$dir/err2"
	status=$?
	[ "$status" = 0 ] || echo "the reverse range exits $status, not 0" >>"$report"
	grep -q 'fixed: fault-under-lock' "$dir/out2" ||
		echo "the reverse range does not report the fix" >>"$report"
	[ -z "$(cd "$dir" && git status --porcelain --untracked-files=no)" ] ||
		echo "the work tree was modified" >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/out" "$dir/err" "$dir/out2" "$dir/err2" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# Facts in side files (DIR/.NAME.o.faultline, what the standalone front
# ends write): read with no object beside them, preferred to an older
# object's section or to a newer object whose .cmd is older (objtool after
# the checker), ignored when older than both, named when broken.
run_side_files_case() {
	name="link/side-files"
	good="$out/link-fiemap-across-units"
	dir="$out/link-side-files"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
	cp "$good"/*.o "$dir/"
	# mmap: a side file only, as make C=2 leaves it.
	dump_facts "$dir/mmap.o" "$dir/.mmap.o.faultline"
	rm "$dir/mmap.o"
	# extent_map: the side file wins, though the object is newer: kbuild
	# before 6.1 runs objtool on it after the checker, and the compile's
	# .cmd is older than the side file.
	dump_facts "$dir/extent_map.o" "$dir/.extent_map.o.faultline"
	$objcopy --remove-section .discard.faultline "$dir/extent_map.o"
	touch "$dir/.extent_map.o.cmd"
	touch -d '2 hours ago' "$dir/.extent_map.o.cmd"
	touch -d '1 hour ago' "$dir/.extent_map.o.faultline"
	# util: a stale, garbled side file older than the object and its .cmd
	# (compiled again without the checker) is not read.
	echo garbage >"$dir/.util.o.faultline"
	touch -d '2 hours ago' "$dir/.util.o.faultline"
	touch "$dir/.util.o.cmd"
	"$tools/faultline-link" -q "$dir" >"$dir/link.log" 2>"$dir/link.err"
	status=$?
	[ "$status" = 1 ] || echo "exit status $status, not 1" >>"$report"
	[ -s "$dir/link.err" ] && echo "errors on good input" >>"$report"
	grep -q "extent_map.c:18:.*\[faultline:fault-under-lock\]" "$dir/link.log" ||
		echo "the finding across side files was lost" >>"$report"
	# A broken side file newer than its object is named.
	sed '3s/^/bogus\t/' "$dir/.mmap.o.faultline" >"$dir/.bad.o.faultline"
	"$tools/faultline-link" -q "$dir" >"$dir/link2.log" 2>"$dir/link2.err"
	status=$?
	[ "$status" = 2 ] || echo "broken side file: exit status $status, not 2" >>"$report"
	grep -qF "$dir/.bad.o.faultline: corrupt faultline facts at line 3" "$dir/link2.err" ||
		echo "no error naming the broken side file and line 3" >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/link.log" "$dir/link.err" "$dir/link2.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# --faultline-facts-dir: a case whose units sit in subdirectories, checked
# from its own directory with kbuild's object paths (net/tcp.o), leaves no
# side file there; each is under the facts directory at the object's path,
# and the link over that directory reports what the case's link reported.
run_facts_dir_case() {
	fe=$1
	case_dir=$top/testsuite/link/indirect-call-across-units
	name=link-$fe/facts-dir
	dir="$out/link-$fe-facts-dir"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir"
	: >"$report"
	for src in $(case_units "$case_dir"); do
		rel=${src#"$case_dir"/}
		(cd "$case_dir" && fe_compile "$fe" \
			--faultline-facts-dir="$dir/facts" -c "$rel" -o "${rel%.c}.o") \
			>>"$dir/compile.log" 2>&1 || echo "checking $rel failed" >>"$report"
		side="$dir/facts/$(dirname "$rel")/.$(basename "${rel%.c}").o.faultline"
		[ -f "$side" ] || echo "no side file $side" >>"$report"
	done
	find "$case_dir" -name '.*.faultline' | sed 's/^/side file left in the case: /' >>"$report"
	"$tools/faultline-link" -q --srcroot "$case_dir" "$dir/facts" \
		>"$dir/link.log" 2>"$dir/link.err"
	case_log="$out/link-$fe-$(basename "$case_dir")/link.log"
	[ -s "$case_log" ] || echo "the case's own link reported nothing" >>"$report"
	same_lines "$case_log" "$dir/link.log" "the case reports, the facts directory does not" \
		"the facts directory reports, the case does not" >>"$report"
	if [ -s "$report" ]; then
		cat "$dir/compile.log" "$dir/link.err" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

run_link_tier() {
	fe=${1:-gcc}
	if [ "$fe" != gcc ]; then
		# The link cases through a standalone front end's side files.
		[ -x "$tools/faultline-$fe" ] || {
			fail "link-$fe/built"
			return
		}
		for case_dir in "$top"/testsuite/link/*/; do
			[ -d "$case_dir" ] && run_link_case "${case_dir%/}" "$fe"
		done
		run_facts_dir_case "$fe"
		return
	fi
	for case_dir in "$top"/testsuite/link/*/; do
		[ -d "$case_dir" ] && run_link_case "${case_dir%/}"
	done
	run_corrupt_facts_case
	run_corrupt_page_facts_case
	run_side_files_case
	run_elf_formats_case
	run_sarif_case
	run_baseline_case
	run_empty_dir_case
	run_gate_range_case
}


# Hostile and odd inputs (issue 18): nothing may crash, every bad input is
# a named error.  Not in the default tiers (a few minutes: two huge units
# compiled twice).  FAULTLINE_HOSTILE_QUICK=1 leaves the huge units out.
#
# The rules: a file with a 1 MiB line, one with NUL bytes, and every rule
# of rules/ with each of its keys left out in turn (and with all of them):
# the parser (faultline-link --check-rules, then the plugin) reports each
# bad line as FILE:LINE, with the lines after it numbered right.
hostile_rules_case() {
	name="hostile/rules-$1"
	dir="$out/hostile-rules-$1"
	report="$dir/report"
	file="$dir/rules/$1.rules"
	status=0
	"$tools/faultline-link" --rules "$dir/rules" --check-rules \
		>"$dir/check.log" 2>&1 || status=$?
	[ "$status" = 2 ] || echo "faultline-link --check-rules exited with $status, not 2" >>"$report"
	while read -r line; do
		grep -qF "error: $file:$line: " "$dir/check.log" ||
			echo "no error naming $file:$line" >>"$report"
	done <"$dir/expected"
	grep -o "$file:[0-9]*:" "$dir/check.log" | sort -u >"$dir/named"
	awk -v f="$file:" '{ print f $1 ":" }' "$dir/expected" | sort -u >"$dir/wanted"
	[ -z "${2:-}" ] && ! cmp -s "$dir/named" "$dir/wanted" &&
		echo "errors on lines that are right: $(comm -23 "$dir/named" "$dir/wanted" | tr '\n' ' ')" >>"$report"
	echo 'int faultline_rules_probe;' >"$dir/probe.c"
	status=0
	$cc -fplugin="$plugin" -fplugin-arg-faultline-rules="$dir/rules" \
		-c "$dir/probe.c" -o "$dir/probe.o" >"$dir/plugin.log" 2>&1 || status=$?
	[ "$status" = 1 ] || echo "the compiler exited with $status, not 1" >>"$report"
	grep -q 'internal compiler error' "$dir/plugin.log" && echo "compiler crashed" >>"$report"
	while read -r line; do
		grep -qF "error: faultline: $file:$line: " "$dir/plugin.log" ||
			echo "the plugin named no error at $file:$line" >>"$report"
	done <"$dir/expected"
	if [ -s "$report" ]; then
		head -c 4000 "$dir/check.log" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

hostile_rules() {
	good="mutex_lock"
	# A 1 MiB line between good ones: line 3 must still be line 3.
	dir="$out/hostile-rules-long-line"
	rm -rf "$dir" && mkdir -p "$dir/rules" && : >"$dir/report"
	{
		printf 'lock %s arg=1 mode=excl\n' "$good"
		awk 'BEGIN { s = "x"; while (length(s) < 1048576) s = s s; print "lock " s }'
		printf 'bogus-kind name\n'
	} >"$dir/rules/long-line.rules"
	printf '2\n3\n' >"$dir/expected"
	hostile_rules_case long-line

	# NUL bytes: inside a line, alone, at the end of the file.
	dir="$out/hostile-rules-nul"
	rm -rf "$dir" && mkdir -p "$dir/rules" && : >"$dir/report"
	printf 'lock\000x %s arg=1 mode=excl\nunlock mutex_unlock arg=1\n\000\nbogus-kind name\nlock y arg=1 mode=excl\000' \
		"$good" >"$dir/rules/nul.rules"
	printf '1\n3\n4\n5\n' >"$dir/expected"
	hostile_rules_case nul

	# Every rule of rules/ with each key missing, and with every key
	# missing: some lines are good (optional keys), none may crash, an
	# error names a line of the file.
	dir="$out/hostile-rules-missing-keys"
	rm -rf "$dir" && mkdir -p "$dir/rules" && : >"$dir/report"
	cat "$top"/rules/*.rules | sed 's/#.*//' | awk 'NF >= 2 {
		print $1, $2
		for (i = 3; i <= NF; i++) {
			line = $1 " " $2
			for (j = 3; j <= NF; j++)
				if (j != i)
					line = line " " $j
			print line
		}
		print $1
	}' | sort -u >"$dir/rules/missing-keys.rules"
	# The expected errors: the lines a kind alone is on (no name), at least.
	awk 'NF == 1 { print NR }' "$dir/rules/missing-keys.rules" >"$dir/expected"
	hostile_rules_case missing-keys partial
	n=$(wc -l <"$dir/rules/missing-keys.rules")
	e=$(grep -c "missing-keys.rules:[0-9]*: " "$dir/check.log")
	echo "     $n rules with keys left out: $e errors"
}

# A real facts section (every kind of record of a kernel-iter unit: fn,
# take, call, held, pcall, ppass, psink) cut at every byte: each object is
# named with an error, faultline-link exits 2 and never crashes.
hostile_truncated_facts() {
	name="hostile/facts-truncated"
	dir="$out/hostile-facts-truncated"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir/objs" && : >"$report"
	obj="$out/link-kernel-iter-across-units/inode.o"
	[ -f "$obj" ] || run_link_case "$top/testsuite/link/kernel-iter-across-units" >/dev/null
	dump_facts "$obj" "$dir/facts" || echo "no facts in $obj" >>"$report"
	n=$(wc -c <"$dir/facts")
	i=0
	while [ "$i" -lt "$n" ]; do
		head -c "$i" "$dir/facts" >"$dir/cut"
		$objcopy --update-section .discard.faultline="$dir/cut" "$obj" \
			"$dir/objs/cut$i.o" || echo "objcopy failed at $i" >>"$report"
		i=$((i + 1))
	done
	status=0
	"$tools/faultline-link" -q "$dir/objs" >"$dir/link.log" 2>"$dir/link.err" || status=$?
	[ "$status" = 2 ] || echo "faultline-link exited with $status, not 2" >>"$report"
	i=0
	while [ "$i" -lt "$n" ]; do
		grep -q "error: $dir/objs/cut$i.o: corrupt faultline facts" "$dir/link.err" ||
			echo "no error naming cut$i.o (the first $i bytes)" >>"$report"
		i=$((i + 1))
	done
	# Each alone too: a crash would be hidden by no other object.
	for i in 0 1 $((n / 2)) $((n - 1)); do
		status=0
		"$tools/faultline-link" -q "$dir/objs/cut$i.o" >/dev/null 2>"$dir/one.err" || status=$?
		[ "$status" = 2 ] || echo "cut$i.o alone: exit $status, not 2" >>"$report"
	done
	[ -s "$dir/link.log" ] && echo "findings from truncated facts" >>"$report"
	echo "     $n truncations of $(basename "$obj")'s $n-byte section"
	if [ -s "$report" ]; then
		head -n 20 "$report" >"$report.head"
		fail "$name" "$report.head"
	else
		pass "$name"
	fi
}

# Objects whose headers claim far more than the file holds: the facts
# section's size, the number of section headers, the section names'
# size, each set near 2^63 (or 65535 headers): a named error, exit 2.
hostile_huge_counts() {
	name="hostile/facts-huge-counts"
	dir="$out/hostile-facts-huge-counts"
	report="$dir/report"
	rm -rf "$dir" && mkdir -p "$dir" && : >"$report"
	obj="$out/link-fiemap-across-units/mmap.o"
	[ -f "$obj" ] || run_link_case "$top/testsuite/link/fiemap-across-units" >/dev/null
	shoff=$(readelf -h "$obj" | sed -n 's/.*Start of section headers: *\([0-9]*\).*/\1/p')
	idx=$(readelf -S -W "$obj" | sed -n 's/.*\[ *\([0-9]*\)\] \.discard\.faultline .*/\1/p')
	stridx=$(readelf -h "$obj" | sed -n 's/.*Section header string table index: *\([0-9]*\).*/\1/p')
	# ELF64 little-endian: e_shnum at 60; sh_size at 32 of a 64-byte header.
	for c in size:$((shoff + idx * 64 + 32)):8 shnum:60:2 \
		names:$((shoff + stridx * 64 + 32)):8 offset:$((shoff + idx * 64 + 24)):8; do
		what=${c%%:*}
		rest=${c#*:}
		off=${rest%:*}
		n=${rest#*:}
		cp "$obj" "$dir/$what.o"
		{ [ "$n" = 2 ] && printf '\377\377' || printf '\377\377\377\377\377\377\377\177'; } |
			dd of="$dir/$what.o" bs=1 seek="$off" conv=notrunc 2>/dev/null
		status=0
		"$tools/faultline-link" -q "$dir/$what.o" >"$dir/$what.log" 2>&1 || status=$?
		[ "$status" = 2 ] || echo "$what: exit $status, not 2" >>"$report"
		grep -q "error: $dir/$what.o: .*outside the file\|error: $dir/$what.o: .*out of range" "$dir/$what.log" ||
			echo "$what: no error naming the object and what lies outside it: $(cat "$dir/$what.log")" >>"$report"
	done
	if [ -s "$report" ]; then
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# A generated unit compiled with and without the plugin: no crash, the
# plugin's time and memory within a bound of the plain compile's, and the
# same object once the facts are removed from both.
#   hostile_unit NAME CFLAGS MAX_SECONDS MAX_KB   (the source: $dir/NAME.c)
# The bound: the plugin's compile takes at most twice the plain compile's
# time plus MAX_SECONDS, and its peak RSS at most the plain one's plus
# MAX_KB (GNU time's %e and %M).
hostile_unit() {
	name="hostile/$1"
	report="$dir/report"
	src="$dir/$1.c"
	: >"$report"
	(cd "$dir" && /usr/bin/time -f "%e %M" -o plain.time $cc $2 \
		-I"$top/testsuite/model/include" -c "$1.c" -o plain.o) \
		>"$dir/plain.log" 2>&1 || echo "the plain compile failed" >>"$report"
	(cd "$dir" && /usr/bin/time -f "%e %M" -o plugin.time $cc $2 \
		-I"$top/testsuite/model/include" -fplugin="$plugin" \
		-c "$1.c" -o plugin.o) >"$dir/plugin.log" 2>&1 ||
		echo "the compile with the plugin failed" >>"$report"
	grep -q 'internal compiler error' "$dir/plugin.log" && echo "compiler crashed" >>"$report"
	# The findings the source expects (/* expect: CHECK */), and no other.
	expected_warnings "$src" >"$dir/expected"
	actual_warnings "$dir/plugin.log" "$(basename "$src")" >"$dir/actual"
	cmp -s "$dir/expected" "$dir/actual" ||
		echo "findings: expected $(tr "\n" " " <"$dir/expected"), got $(tr "\n" " " <"$dir/actual")" >>"$report"
	$objcopy -R .discard.faultline "$dir/plain.o" "$dir/plain.stripped.o" 2>>"$report"
	$objcopy -R .discard.faultline "$dir/plugin.o" "$dir/plugin.stripped.o" 2>>"$report"
	cmp -s "$dir/plain.stripped.o" "$dir/plugin.stripped.o" ||
		echo "the object differs from a plain compile's" >>"$report"
	$objcopy --dump-section .discard.faultline="$dir/facts" "$dir/plugin.o" \
		"$dir/facts.scratch.o" 2>/dev/null || echo "no facts in the object" >>"$report"
	read -r pt pm <"$dir/plain.time"
	read -r ft fm <"$dir/plugin.time"
	awk -v pt="$pt" -v pm="$pm" -v ft="$ft" -v fm="$fm" -v mt="$3" -v mm="$4" 'BEGIN {
		if (ft > 2 * pt + mt)
			printf "the plugin took %s s, over 2 x %s s + %s s\n", ft, pt, mt
		if (fm > pm + mm)
			printf "the plugin peaked at %s KB, over %s KB + %s KB\n", fm, pm, mm
	}' >>"$report"
	echo "     $1: plain ${pt} s ${pm} KB, with the plugin ${ft} s ${fm} KB ($(grep -c 'faultline' "$dir/plugin.log") faultline lines)"
	if [ -s "$report" ]; then
		head -n 20 "$dir/plugin.log" >>"$report"
		fail "$name" "$report"
	else
		pass "$name"
	fi
}

# 100,000 functions, each calling the one before it (a call chain as deep
# as the unit), the last a copy_to_user, every 100th calling down with
# mmap_lock held for write: 999 findings, the fault found through up to
# 99,900 calls; the summaries must not recurse that deep, and the link
# over its facts (21 MB) must hold.  At -O0: GCC -O2 takes 7 minutes for
# it here (and the plugin 14% more).
hostile_many_functions() {
	dir="$out/hostile-many-functions"
	rm -rf "$dir" && mkdir -p "$dir"
	awk 'BEGIN {
		print "#include \"kmodel.h\""
		print "int f0(struct mm_struct *mm, char __user *u, int x) { return copy_to_user(u, &x, sizeof(x)) ? -EFAULT : x; }"
		for (i = 1; i < 100000; i++)
			if (i % 100 == 0)
				printf "int f%d(struct mm_struct *mm, char __user *u, int x) { int r; mmap_write_lock(mm); r = f%d(mm, u, x + 1); /* expect: fault-under-lock */ mmap_write_unlock(mm); return r; }\n", i, i - 1
			else
				printf "__attribute__((noinline)) int f%d(struct mm_struct *mm, char __user *u, int x) { return f%d(mm, u, x ^ %d) + 1; }\n", i, i - 1, i
	}' >"$dir/many-functions.c"
	hostile_unit many-functions "-O0" 60 1048576
	status=0
	/usr/bin/time -f '%e %M' -o "$dir/link.time" "$tools/faultline-link" \
		"$dir/plugin.o" >"$dir/link.log" 2>"$dir/link.err" || status=$?
	[ "$status" -le 1 ] || fail "hostile/many-functions-link" "$dir/link.err"
	[ "$status" -le 1 ] && pass "hostile/many-functions-link"
	echo "     the link over its facts: $(cat "$dir/link.time") (s, KB)"
}

# One function of 50,000 basic blocks (25,000 ifs, each calling g) with
# mmap_lock held for write, then a user copy under it: the one finding,
# on that line, after all the blocks.  At -O2 as the kernel builds (GCC
# alone takes about 40 s and 600 MB here).
hostile_huge_function() {
	dir="$out/hostile-huge-function"
	rm -rf "$dir" && mkdir -p "$dir"
	awk 'BEGIN {
		print "#include \"kmodel.h\""
		print "void g(int);"
		print "int big(struct mm_struct *mm, const int *v, const char __user *names, char *buf)"
		print "{"
		print "\tint ret = 0;"
		print ""
		print "\tmmap_write_lock(mm);"
		for (i = 0; i < 25000; i++)
			printf "\tif (v[%d])\n\t\tg(%d);\n", i, i
		print "\tif (copy_from_user(buf, names, 32)) /* expect: fault-under-lock */"
		print "\t\tret = -EFAULT;"
		print "\tmmap_write_unlock(mm);"
		print "\treturn ret;"
		print "}"
	}' >"$dir/huge-function.c"
	hostile_unit huge-function "-O2" 30 262144
}

run_hostile_tier() {
	hostile_rules
	hostile_truncated_facts
	hostile_huge_counts
	[ "${FAULTLINE_HOSTILE_QUICK:-}" = 1 ] && return
	hostile_huge_function
	hostile_many_functions
}

# The CI-sized sanitizer run (issue 18): the model and link tiers with the
# ASan+UBSan builds of build/san (make sanitize-build), then every fuzz
# target 30 s (FAULTLINE_FUZZ_SECONDS) and the saved crash inputs.
# Tiers sanitize, fuzz and fuzz-regress; none is in the default list.
sub_run() {
	# Another run.sh, its PASS/FAIL lines counted here.
	"$@" >"$out/sub-run.log" 2>&1
	grep -E '^(PASS|FAIL|SKIP|    )' "$out/sub-run.log"
	p=$(grep -c '^PASS' "$out/sub-run.log")
	f=$(grep -c '^FAIL' "$out/sub-run.log")
	passed=$((passed + p))
	failed=$((failed + f))
}

run_sanitize_tier() {
	if ! make -s --no-print-directory -C "$top" sanitize-build CC="$cc" \
		>"$out/sanitize-build.log" 2>&1; then
		fail "sanitize/build" "$out/sanitize-build.log"
		return
	fi
	sub_run env FAULTLINE_SANITIZE=1 \
		FAULTLINE_PLUGIN="$top/build/san/${plugin#"$top/"}" \
		FAULTLINE_TOOLS="$top/build/san/tools" \
		sh "$top/testsuite/run.sh" ${FAULTLINE_SANITIZE_TIERS:-model link}
}

run_fuzz_tier() {
	if ! make -s --no-print-directory -C "$top" fuzz-build \
		>"$out/fuzz-build.log" 2>&1; then
		fail "fuzz/build" "$out/fuzz-build.log"
		return
	fi
	if [ "${1:-}" = regress ]; then
		sub_run sh "$top/testsuite/fuzz/run.sh" -regress
		return
	fi
	rm -rf "$top/build/fuzz/crashes"
	sh "$top/testsuite/fuzz/run.sh" "${FAULTLINE_FUZZ_SECONDS:-30}" \
		>"$out/fuzz.log" 2>&1
	status=$?
	cat "$out/fuzz.log"
	if [ "$status" = 0 ]; then
		pass "fuzz/${FAULTLINE_FUZZ_SECONDS:-30}s-each"
	else
		fail "fuzz/${FAULTLINE_FUZZ_SECONDS:-30}s-each"
	fi
	sub_run sh "$top/testsuite/fuzz/run.sh" -regress
}
run_kernel_tier() {
	fe=${1:-gcc}
	prefix=kernel
	kdir=$(sh "$top/corpus/prepare-kernel.sh" 6.1 "$FAULTLINE_CACHE") || {
		fail "kernel/prepare-6.1"
		return
	}
	kmake=make
	with="KCFLAGS=-fplugin=$plugin"
	also=
	# A clang-built kernel (LLVM=-19), checked as kbuild checks it: C=1.
	if [ "$fe" = clang ]; then
		prefix=kernel-clang
		kmake="make LLVM=-19"
		sh "$top/corpus/tree-copy.sh" "$kdir" "$kdir-clang"
		kdir="$kdir-clang"
		KMAKE="$kmake" FRAGMENT_STRICT=0 sh "$top/corpus/configure-tree.sh" \
			"$kdir" "Linux 6.1 (LLVM=-19)" >"$out/kernel-clang-configure.log" 2>&1 || {
			fail "$prefix/configure" "$out/kernel-clang-configure.log"
			return
		}
		with=C=1
		also="CHECK=$tools/faultline-clang"
	fi
	mod="$out/$prefix-module"
	rm -rf "$mod" && mkdir -p "$mod"
	objs=""
	for src in "$top"/testsuite/kernel/*.c; do
		[ -f "$src" ] || continue
		cp "$src" "$mod/"
		objs="$objs $(basename "$src" .c).o"
	done
	echo "obj-m += $objs" >"$mod/Kbuild"
	# shellcheck disable=SC2086
	$kmake -C "$kdir" M="$mod" "$with" ${also:+"$also"} -k -j2 modules \
		>"$mod/build.log" 2>&1
	for src in "$top"/testsuite/kernel/*.c; do
		[ -f "$src" ] || continue
		name="$prefix/$(basename "$src")"
		obj="$mod/$(basename "$src" .c).o"
		status=0
		[ -f "$obj" ] || status="no object built"
		# Kbuild prints paths relative to the tree or absolute; match names.
		sed "s|^$mod/||" "$mod/build.log" >"$mod/build.rel.log"
		judge "$src" "$mod/build.rel.log" "$name" "$status"
	done
}

# The real-kernel tier: acceptance expectations on every corpus version,
# the same expectations of 6.1 and 7.3 through make C=2 with
# faultline-sparse on the trees just built, and the byte-identity of
# objects built with the plugin.
run_corpus_tier() {
	log="$out/corpus.log"
	{
		sh "$top/corpus/accept.sh"
		sh "$top/corpus/sparse-c2.sh" 6.1 7.3
		sh "$top/corpus/identity.sh" 6.1 fs/gfs2/ fs/ext4/
		sh "$top/corpus/cocci-accept.sh"
	} >"$log" 2>&1
	report_verdicts "$log" corpus corpus/
}

# The semantic patches: report lines, patch results, and the closed loop
# (the plugin no longer reports what patch mode fixed).
run_cocci_tier() {
	for src in "$top"/testsuite/cocci/*/*.c; do
		[ -f "$src" ] || continue
		script=$(basename "$(dirname "$src")")
		cocci="$top/build/semantic-patches/$script.cocci"
		name="cocci/$script/$(basename "$src")"
		dir="$out/cocci-$script-$(basename "$src" .c)"
		report="$dir/report"
		rm -rf "$dir" && mkdir -p "$dir"
		: >"$report"
		spatch -D report --very-quiet --no-includes --include-headers \
			--disable-worth-trying-opt --cocci-file "$cocci" "$src" \
			>"$dir/report.log" 2>&1
		awk '{
			line = $0
			while (match(line, /expect-cocci: [a-z-]+/)) {
				print NR, substr(line, RSTART + 14, RLENGTH - 14)
				line = substr(line, RSTART + RLENGTH)
			}
		}' "$src" | sort -u >"$dir/exp"
		awk 'match($0, /\[faultline:[a-z-]+\]$/) {
			split($0, f, ":")
			print f[2], substr($0, RSTART + 11, RLENGTH - 12)
		}' "$dir/report.log" | sort -u >"$dir/act"
		diff "$dir/exp" "$dir/act" | sed -n \
			's/^< \(.*\)/missing report: line \1/p; s/^> \(.*\)/unexpected report: line \1/p' >>"$report"
		(cd "$(dirname "$src")" && spatch -D patch --very-quiet --no-includes \
			--include-headers --disable-worth-trying-opt --cocci-file "$cocci" \
			"$(basename "$src")" -o "$dir/patched.c") >"$dir/patch.log" 2>&1
		[ -f "$dir/patched.c" ] || cp "$src" "$dir/patched.c"
		res="${src%.c}.res"
		if [ -f "$res" ]; then
			diff -u "$res" "$dir/patched.c" >>"$report" ||
				echo "patch mode differs from $(basename "$res")" >>"$report"
			# Closed loop: the fix compiles and the plugin is satisfied.
			(cd "$(dirname "$src")" && $cc -O2 $auto_init -I"$top/testsuite/model/include" \
				-fplugin="$plugin" -c "$src" -o /dev/null) >"$dir/before.log" 2>&1
			grep -q '\[faultline:' "$dir/before.log" ||
				echo "the plugin reports nothing before the patch" >>"$report"
			(cd "$(dirname "$src")" && $cc -O2 $auto_init -I"$top/testsuite/model/include" \
				-fplugin="$plugin" -c "$dir/patched.c" -o /dev/null) >"$dir/after.log" 2>&1 ||
				echo "the patched file does not compile" >>"$report"
			grep '\[faultline:' "$dir/after.log" | sed 's/^/after the patch: /' >>"$report"
		elif ! cmp -s "$src" "$dir/patched.c"; then
			echo "patch mode changed a case without a .res" >>"$report"
			diff -u "$src" "$dir/patched.c" >>"$report"
		fi
		if [ -s "$report" ]; then
			fail "$name" "$report"
		else
			pass "$name"
		fi
	done
}

# faultline-gate on patches to Linux 6.1, and CONFIG_GCC_PLUGIN_FAULTLINE.
run_gate_tier() {
	log="$out/gate.log"
	{
		sh "$top/corpus/gate-check.sh"
		sh "$top/corpus/in-tree-check.sh"
	} >"$log" 2>&1
	report_verdicts "$log" gate
}

# Witnesses of corpus findings in virtual machines (witness/check.sh): in
# make check only with the witness kernels cached (SKIP otherwise: a fresh
# machine would build two kernels); make witness builds them.
run_witness_tier() {
	log="$out/witness.log"
	WITNESS_CACHED_ONLY=${WITNESS_CACHED_ONLY-1} \
		sh "$top/witness/check.sh" "$out/witness" >"$log" 2>&1
	report_verdicts "$log" witness
}

# A kernel directory built through distcc finds what a local build finds.
# The plugin for GCC 10 to 16 and aarch64-linux-gnu-gcc-12, each through
# the rules, model and link tiers.
run_toolchains_tier() {
	log="$out/toolchains.log"
	sh "$top/corpus/toolchains-check.sh" >"$log" 2>&1
	report_verdicts "$log" toolchains
}

# The Debian package (corpus/deb-check.sh): dpkg-buildpackage, then the
# .deb installed into a clean cached bookworm chroot, where the installed
# faultline runs (version, manual pages, a model case, a link case, a scan
# of Linux 6.1's fs/ext2/inode.o).  Not in the default tiers: it needs
# mmdebstrap, the mirror and the prepared 6.1 tree (about 2.5 minutes).
run_deb_tier() {
	log="$out/deb.log"
	sh "$top/corpus/deb-check.sh" >"$log" 2>&1
	report_verdicts "$log" deb
}

run_distcc_tier() {
	log="$out/distcc.log"
	sh "$top/corpus/distcc-check.sh" 5.10 fs/gfs2/ fs/iomap/ >"$log" 2>&1
	if grep -q '^PASS ' "$log"; then
		pass "distcc/5.10/fs/gfs2+fs/iomap"
	else
		fail "distcc/5.10/fs/gfs2+fs/iomap" "$log"
	fi
}

# make install into a scratch DESTDIR, then run the installed tree from
# outside the checkout (a copy of it, so that neither PATH, the working
# directory nor any argument names the checkout), with nothing of the
# checkout in the environment: the plugin on a model case, faultline-link
# on a link case, the faultline command's subcommands and statuses, the
# manual pages; nothing installed names the checkout; make uninstall
# removes every file.
run_install_tier() {
	dest="$out/install"
	prefix=/usr/local
	log="$out/install.log"
	ccname=$(basename "$cc")
	rm -rf "$dest"
	if ! make -s --no-print-directory -C "$top" install CC="$cc" \
		DESTDIR="$dest" PREFIX="$prefix" >"$log" 2>&1; then
		fail "install/make-install" "$log"
		return
	fi
	root="$dest$prefix"
	if [ "$ccname" = gcc ]; then
		rel_plugin=lib/faultline/faultline.so
	else
		rel_plugin=lib/faultline/$ccname/faultline.so
	fi
	report="$out/install-files.report"
	: >"$report"
	for f in bin/faultline bin/faultline-link bin/faultline-gate bin/faultline-witness \
		bin/faultline-$ccname "$rel_plugin" share/faultline/rules/locks.rules \
		share/faultline/cocci/fault_under_lock.cocci share/faultline/VERSION \
		share/faultline/findings.awk share/faultline/witness/run-vm.sh \
		share/faultline/witness/init.c share/faultline/witness/filesystems \
		share/faultline/witness/objects.sh; do
		[ -f "$root/$f" ] || echo "not installed: $prefix/$f" >>"$report"
	done
	for f in bin/faultline bin/faultline-link bin/faultline-gate bin/faultline-witness \
		bin/faultline-$ccname share/faultline/witness/run-vm.sh; do
		[ -x "$root/$f" ] || echo "not executable: $prefix/$f" >>"$report"
	done
	grep -q -- "-fplugin=$prefix/$rel_plugin " "$root/bin/faultline-$ccname" ||
		echo "faultline-$ccname does not name $prefix/$rel_plugin" >>"$report"
	for c in "$root"/share/faultline/cocci/*.cocci; do
		grep -qF "\"$prefix/share/faultline/rules\"" "$c" ||
			echo "$(basename "$c") does not name $prefix/share/faultline/rules" >>"$report"
	done
	if [ -s "$report" ]; then
		fail "install/make-install" "$report"
	else
		pass "install/make-install"
	fi

	# Nothing installed names the checkout (nor the DESTDIR, inside it).
	grep -rlF "$top" "$dest" >"$out/install-grep.report" 2>&1
	if [ -s "$out/install-grep.report" ]; then
		sed -i "s|^|names $top: |" "$out/install-grep.report"
		fail "install/no-checkout-path" "$out/install-grep.report"
	else
		pass "install/no-checkout-path"
	fi

	# The installed tree, moved outside the checkout.
	scratch=$(mktemp -d "${TMPDIR:-/tmp}/faultline-install.XXXXXX")
	case "$scratch" in
	"$top"/*) rm -rf "$scratch" && scratch=$(mktemp -d /tmp/faultline-install.XXXXXX) ;;
	esac
	mkdir -p "$scratch/home" "$scratch/tmp" "$scratch/model" "$scratch/link" "$scratch/rules"
	cp -a "$root" "$scratch/root"
	cp -r "$top/testsuite/model/include" "$scratch/include"
	cp "$top/testsuite/model/fault-under-lock/page-mkwrite-takes-i_rwsem.c" "$scratch/model/"
	cp "$top"/testsuite/link/fiemap-across-units/* "$scratch/link/"
	cp "$top"/testsuite/rules/*.rules "$scratch/rules/"
	# in_scratch DIR CMD...: CMD in $scratch/DIR with only the installed bin
	# and the system's in PATH, nothing else from the environment.
	in_scratch() {
		in_dir=$1
		shift
		(cd "$scratch/$in_dir" && env -i HOME="$scratch/home" \
			TMPDIR="$scratch/tmp" LC_ALL=C FAULTLINE_CC="$cc" \
			PATH="$scratch/root/bin:/usr/bin:/bin" "$@")
	}
	in_scratch . env >"$out/install-env.log"
	if grep -F "$top" "$out/install-env.log" >"$out/install-env.report"; then
		fail "install/environment" "$out/install-env.report"
	else
		pass "install/environment"
	fi

	# The installed plugin, on a model case (and through faultline cc).
	src="$scratch/model/page-mkwrite-takes-i_rwsem.c"
	in_scratch model "$cc" -O2 -Wall -I../include -fplugin="$scratch/root/$rel_plugin" \
		-c page-mkwrite-takes-i_rwsem.c -o /dev/null >"$out/install-model.log" 2>&1
	judge "$src" "$out/install-model.log" "install/plugin-model-case" $?
	in_scratch model faultline cc -O2 -Wall -I../include \
		-c page-mkwrite-takes-i_rwsem.c -o /dev/null >"$out/install-cc.log" 2>&1
	judge "$src" "$out/install-cc.log" "install/faultline-cc" $?

	# The installed faultline-link (and faultline link) on a link case.
	report="$out/install-link.report"
	: >"$report"
	for unit in "$scratch"/link/*.c; do
		unit=$(basename "$unit")
		in_scratch link "$cc" -O2 -Wall -I../include -fplugin="$scratch/root/$rel_plugin" \
			-c "$unit" -o "${unit%.c}.o" >>"$out/install-link-compile.log" 2>&1 ||
			echo "compiling $unit with the installed plugin failed" >>"$report"
	done
	expected_in_dir "$scratch/link" expect-link >"$out/install-link.exp"
	for tool in faultline-link "faultline link"; do
		# shellcheck disable=SC2086
		in_scratch link $tool -q . >"$out/install-link.log" 2>&1
		status=$?
		[ "$status" = 1 ] || echo "$tool exited with $status, not 1" >>"$report"
		warnings_in_log "$out/install-link.log" >"$out/install-link.act"
		diff "$out/install-link.exp" "$out/install-link.act" | sed -n \
			"s/^< \(.*\)/$tool: missing link warning: \1/p; s/^> \(.*\)/$tool: unexpected link warning: \1/p" >>"$report"
	done
	if [ -s "$report" ]; then
		cat "$out/install-link.log" >>"$report"
		fail "install/link-case" "$report"
	else
		pass "install/link-case"
	fi

	# faultline scan on a stand-in kernel tree whose make compiles the
	# link case with KCFLAGS (no kernel is built).
	mkdir -p "$scratch/tree/fs/ex"
	cp "$scratch"/link/*.c "$scratch"/link/*.h "$scratch/tree/fs/ex/"
	mkdir -p "$scratch/tree/fs/cx" "$scratch/tree/scripts"
	cp "$top/testsuite/cocci/fault_under_lock/bounce-shared.c" "$scratch/tree/fs/cx/"
	touch "$scratch/tree/.config" "$scratch/tree/scripts/coccicheck"
	cat >"$scratch/tree/Makefile" <<'EOT'
.PHONY: fs/ex/ coccicheck
fs/ex/:
	for c in $@*.c; do $(CC) -O2 -I../include $(KCFLAGS) -c $$c -o $${c%.c}.o || exit 1; done
coccicheck:
	for c in $(M)*.c; do spatch -D $(MODE) --very-quiet --no-includes --include-headers \
		--disable-worth-trying-opt --cocci-file $(COCCI) $$c; done
EOT
	report="$out/install-scan.report"
	in_scratch . faultline scan --cc "$cc" -o "$scratch/scan" tree fs/ex/ \
		>"$out/install-scan.log" 2>"$out/install-scan.err"
	status=$?
	: >"$report"
	[ "$status" = 1 ] || echo "faultline scan exited with $status, not 1" >>"$report"
	grep -q '^  fs/ex/ .*fault-under-lock  *2$' "$out/install-scan.log" ||
		echo "no summary line: fs/ex/ fault-under-lock 2" >>"$report"
	grep -q '  BUILD   fs/ex/' "$out/install-scan.err" ||
		echo "no progress line for fs/ex/" >>"$report"
	[ -s "$scratch/scan/report.sarif" ] || echo "no report.sarif" >>"$report"
	if [ -s "$report" ]; then
		cat "$out/install-scan.log" "$out/install-scan.err" >>"$report"
		fail "install/scan" "$report"
	else
		pass "install/scan"
	fi

	# faultline cocci: the installed semantic patches, through the stand-in
	# tree's make coccicheck, read the installed rules.
	if command -v spatch >/dev/null 2>&1; then
		report="$out/install-cocci.report"
		in_scratch tree faultline cocci --mode report . fs/cx/ \
			>"$out/install-cocci.log" 2>"$out/install-cocci.err"
		status=$?
		: >"$report"
		[ "$status" = 1 ] || echo "faultline cocci exited with $status, not 1" >>"$report"
		awk '/expect-cocci: / { print NR }' "$scratch/tree/fs/cx/bounce-shared.c" |
			while read -r line; do
				grep -q "bounce-shared.c:$line:.*\[faultline:fault-under-lock\]" \
					"$out/install-cocci.log" ||
					echo "no report on bounce-shared.c:$line"
			done >>"$report"
		[ "$(grep -c 'faultline cocci: .*\.cocci (MODE=report M=fs/cx/)' "$out/install-cocci.err")" = \
			"$(ls "$scratch"/root/share/faultline/cocci/*.cocci | wc -l)" ] ||
			echo "not every installed script ran" >>"$report"
		if [ -s "$report" ]; then
			cat "$out/install-cocci.log" "$out/install-cocci.err" >>"$report"
			fail "install/cocci" "$report"
		else
			pass "install/cocci"
		fi
	else
		echo "SKIP install/cocci (no spatch)"
	fi

	# The installed gate finds the installed plugin and rules: on the
	# stand-in tree it gets past them (and fails later, exit 2: no kbuild);
	# without the plugin it names the installed path.
	report="$out/install-gate.report"
	: >"$report"
	[ -f "$scratch/root/lib/faultline/faultline.so" ] ||
		echo "no $prefix/lib/faultline/faultline.so (the gate's plugin: make CC=gcc)" >>"$report"
	printf -- '--- a/fs/ex/mmap.c\n+++ b/fs/ex/mmap.c\n@@ -1,1 +1,2 @@\n+/* x */\n' >"$scratch/gate.patch"
	in_scratch . faultline gate -q -C tree gate.patch >"$out/install-gate.log" 2>&1
	status=$?
	[ "$status" = 2 ] || echo "faultline gate exited with $status, not 2" >>"$report"
	grep -E 'plugin is not built|rules in .* have errors|cannot open rules' "$out/install-gate.log" >>"$report"
	mv "$scratch/root/lib/faultline/faultline.so" "$scratch/plugin.so"
	in_scratch . faultline-gate -q -C tree gate.patch >"$out/install-gate2.log" 2>&1
	grep -qF "the plugin is not built ($scratch/root/bin/../lib/faultline/faultline.so)" \
		"$out/install-gate2.log" ||
		{ echo "without the plugin, the gate does not name the installed path:"; cat "$out/install-gate2.log"; } >>"$report"
	mv "$scratch/plugin.so" "$scratch/root/lib/faultline/faultline.so"
	if [ -s "$report" ]; then
		cat "$out/install-gate.log" >>"$report"
		fail "install/gate-finds-plugin" "$report"
	else
		pass "install/gate-finds-plugin"
	fi

	# Every subcommand's --help (its manual page) exits 0; so do help CMD
	# and the programs' own --help.
	report="$out/install-help.report"
	: >"$report"
	for sub in scan link gate cocci cc rules; do
		in_scratch . faultline "$sub" --help >"$out/install-help.log" 2>&1 ||
			echo "faultline $sub --help exited with $?" >>"$report"
		grep -q "faultline-$sub" "$out/install-help.log" ||
			echo "faultline $sub --help does not show faultline-$sub(1)" >>"$report"
		in_scratch . faultline help "$sub" >"$out/install-help2.log" 2>&1 ||
			echo "faultline help $sub exited with $?" >>"$report"
		cmp -s "$out/install-help.log" "$out/install-help2.log" ||
			echo "faultline help $sub differs from faultline $sub --help" >>"$report"
	done
	for args in "faultline help" "faultline --help" "faultline -h" \
		"faultline-link --help" "faultline-gate --help"; do
		# shellcheck disable=SC2086
		in_scratch . $args >"$out/install-help.log" 2>&1 ||
			echo "$args exited with $?" >>"$report"
		[ -s "$out/install-help.log" ] || echo "$args printed nothing" >>"$report"
	done
	if [ -s "$report" ]; then
		fail "install/help" "$report"
	else
		pass "install/help"
	fi

	# Usage and environment errors: a one-line message, exit 2.
	report="$out/install-errors.report"
	: >"$report"
	while IFS='|' read -r args text; do
		# shellcheck disable=SC2086
		in_scratch . $args >"$out/install-error.log" 2>&1
		status=$?
		[ "$status" = 2 ] || echo "$args exited with $status, not 2" >>"$report"
		if ! { [ "$(wc -l <"$out/install-error.log")" = 1 ] &&
			grep -qF -- "$text" "$out/install-error.log"; }; then
			echo "$args: not one line naming '$text':"
			cat "$out/install-error.log"
		fi >>"$report"
	done <<EOT
faultline frobnicate|'frobnicate' is not a faultline command
faultline scan /nonexistent|no such kernel tree: /nonexistent
faultline scan|name a kernel tree
faultline cocci /nonexistent|no such kernel tree: /nonexistent
faultline help frobnicate|'frobnicate' is not a faultline command
EOT
	in_scratch . faultline >"$out/install-error.log" 2>&1
	status=$?
	[ "$status" = 2 ] || echo "faultline with no command exited with $status, not 2" >>"$report"
	if [ -s "$report" ]; then
		fail "install/errors" "$report"
	else
		pass "install/errors"
	fi

	# faultline rules --check: each bad line named FILE:LINE, exit 2; the
	# installed rules are valid.
	report="$out/install-rules.report"
	: >"$report"
	in_scratch . faultline rules --check rules >"$out/install-rules.log" 2>&1
	status=$?
	[ "$status" = 2 ] || echo "rules --check on bad rules exited with $status, not 2" >>"$report"
	awk 'match($0, /expect-error: .*/) { print NR }' "$scratch/rules/bad-keys.rules" |
		while read -r line; do
			grep -qF "rules/bad-keys.rules:$line: " "$out/install-rules.log" ||
				echo "no error named rules/bad-keys.rules:$line"
		done >>"$report"
	in_scratch . faultline rules --check >"$out/install-rules-ok.log" 2>&1 ||
		{ echo "rules --check on the installed rules exited with $?:"; cat "$out/install-rules-ok.log"; } >>"$report"
	[ "$(in_scratch . faultline rules)" = "$scratch/root/share/faultline/rules" ] ||
		echo "faultline rules does not print the installed rules directory" >>"$report"
	if [ -s "$report" ]; then
		cat "$out/install-rules.log" >>"$report"
		fail "install/rules-check" "$report"
	else
		pass "install/rules-check"
	fi

	# One version for every program.
	report="$out/install-version.report"
	: >"$report"
	version=$(cat "$top/VERSION")
	[ "$(in_scratch . faultline --version)" = "faultline $version" ] ||
		echo "faultline --version does not print 'faultline $version'" >>"$report"
	for tool in faultline-link faultline-gate; do
		in_scratch . "$tool" --version | grep -q "^$tool $version " ||
			echo "$tool --version does not print $version" >>"$report"
	done
	# The Debian package's version (debian/rules refuses to build otherwise).
	if [ -f "$top/debian/changelog" ]; then
		deb_version=$(sed -n '1s/^faultline (\([^)]*\)).*/\1/p' "$top/debian/changelog")
		[ "$deb_version" = "$version" ] ||
			echo "debian/changelog is at '$deb_version', VERSION at $version: add a changelog entry" >>"$report"
	fi
	if [ -s "$report" ]; then
		fail "install/version" "$report"
	else
		pass "install/version"
	fi

	# The manual pages.
	report="$out/install-man.report"
	: >"$report"
	for page in faultline faultline-scan faultline-link faultline-gate \
		faultline-cocci faultline-cc faultline-rules faultline-witness; do
		file="$scratch/root/share/man/man1/$page.1"
		if [ ! -f "$file" ]; then
			echo "no $prefix/share/man/man1/$page.1" >>"$report"
		elif command -v man >/dev/null 2>&1; then
			in_scratch . man -l "$file" >"$out/install-man.log" 2>&1 ||
				echo "man -l $page.1 exited with $?" >>"$report"
			grep -q '^NAME' "$out/install-man.log" ||
				echo "man -l $page.1 shows no NAME" >>"$report"
		else
			grep -q '^\.SH NAME' "$file" || echo "$page.1 has no NAME" >>"$report"
		fi
	done
	if [ -s "$report" ]; then
		fail "install/man-pages" "$report"
	else
		pass "install/man-pages"
	fi
	rm -rf "$scratch"

	# make uninstall leaves no file behind.
	make -s --no-print-directory -C "$top" uninstall CC="$cc" \
		DESTDIR="$dest" PREFIX="$prefix" >"$out/uninstall.log" 2>&1 ||
		echo "make uninstall exited with $?" >>"$out/uninstall.log"
	find "$dest" ! -type d >>"$out/uninstall.log"
	if [ -s "$out/uninstall.log" ]; then
		fail "install/uninstall" "$out/uninstall.log"
	else
		pass "install/uninstall"
	fi
}

for tier in $tiers; do
	tier_start=$(date +%s)
	case "$tier" in
	rules) run_rules_tier ;;
	model) run_model_tier ;;
	model-*) run_model_tier "${tier#model-}" ;;
	link) run_link_tier ;;
	link-*) run_link_tier "${tier#link-}" ;;
	install) run_install_tier ;;
	cocci) run_cocci_tier ;;
	kernel) run_kernel_tier ;;
	kernel-clang) run_kernel_tier clang ;;
	corpus) run_corpus_tier ;;
	gate) run_gate_tier ;;
	witness) run_witness_tier ;;
	distcc) run_distcc_tier ;;
	toolchains) run_toolchains_tier ;;
	deb) run_deb_tier ;;
	hostile) run_hostile_tier ;;
	sanitize) run_sanitize_tier ;;
	fuzz) run_fuzz_tier ;;
	fuzz-regress) run_fuzz_tier regress ;;
	*)
		echo "run.sh: unknown tier '$tier' (rules, model, link, model-FE, link-FE, install, cocci, kernel, corpus, gate, distcc, toolchains; not by default: deb, hostile, sanitize, fuzz, fuzz-regress)" >&2
		exit 2
		;;
	esac
	echo "tier $tier: $(($(date +%s) - tier_start)) s"
done

[ "${FAULTLINE_SANITIZE:-}" = 1 ] && san_judge
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
