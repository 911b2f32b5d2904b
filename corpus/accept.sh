#!/bin/sh
# Acceptance on real kernels: build the directories corpus/expected/V.txt
# names with the plugin, then check its "must" and "silent" lines.
#
#   corpus/accept.sh [VERSION...]	(default: 5.10 6.1 6.12)
#
# Prints PASS/FAIL a line per expectation, then every finding with whether
# an expectation covers it.  Exit status 1 if any expectation failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cache="$top/cache"
failed=0

result() {
	echo "$1 $2"
	[ "$1" = FAIL ] && failed=1
}

for version in ${*:-5.10 6.1 6.12}; do
	expected="$here/expected/$version.txt"
	out="$cache/out-$version"
	if ! kdir=$(sh "$here/prepare-kernel.sh" "$version" "$cache"); then
		result FAIL "accept/$version: the kernel tree could not be prepared"
		continue
	fi
	dirs=$(awk '$1 == "dirs" { $1 = ""; print }' "$expected")
	# shellcheck disable=SC2086
	if ! sh "$here/build-dirs.sh" "$kdir" "$out" $dirs; then
		result FAIL "accept/$version: a directory failed to build (see $out)"
	fi
	findings="$out/findings.txt"
	while read -r kind check path func; do
		case "$kind" in
		must)
			if awk -F'\t' -v p="$path" -v f="$func" -v c="$check" \
				'$1 == p && $2 == f && $4 == c { found = 1 } END { exit !found }' \
				"$findings"; then
				result PASS "accept/$version: $check in $func ($path)"
			else
				result FAIL "accept/$version: no $check in $func ($path)"
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
	echo "accept/$version: all findings (file, function, line, check, message):"
	sed 's/^/    /' "$findings"
done
exit $failed
