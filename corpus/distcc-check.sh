#!/bin/sh
# Facts travel inside the object: build a kernel directory locally and
# through distcc (to a distccd on localhost, which compiles the
# preprocessed source with the plugin and sends only the object back),
# link both, and compare the findings.
#
#   corpus/distcc-check.sh [VERSION [DIR...]]
#	default: 5.10 fs/gfs2/ fs/iomap/, where gfs2_fiemap's finding crosses
#	units (and directories: iomap_fiemap faults)
#
# Prints PASS/FAIL lines; exit status 1 on failure.
set -u
# Kernel trees, builds and chroots live outside the clone (README: caches).
: "${FAULTLINE_CACHE:=$HOME/.cache/faultline}"
export FAULTLINE_CACHE

here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
version=${1:-5.10}
[ $# -gt 0 ] && shift
dirs=${*:-fs/gfs2/ fs/iomap/}
name="distcc/$version/$(echo $dirs | tr ' ' '+')"
work=$(mktemp -d)
port=$((20000 + $$ % 20000))

fail() {
	echo "FAIL $name: $*"
	exit 1
}

cleanup() {
	[ -f "$work/distccd.pid" ] && kill "$(cat "$work/distccd.pid")" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

command -v distccd >/dev/null || fail "distcc is not installed (make deps)"
kdir=$(sh "$here/prepare-kernel.sh" "$version" "$FAULTLINE_CACHE") ||
	fail "the kernel tree could not be prepared"

# The local build, linked.
# shellcheck disable=SC2086
JOBS=2 sh "$here/build-dirs.sh" "$kdir" "$work/local" $dirs 2>/dev/null ||
	fail "the local build failed (see $work/local)"
cut -f1-4 "$work/local/findings.txt" | sort >"$work/local.found"

# distccd refuses -fplugin= on the wire, so the compiler distcc names is
# tools/faultline-gcc (gcc with the plugin), which distccd runs only with
# --enable-tcp-insecure (no /usr/lib/distcc masquerade for it); localhost
# only.  distccd runs as its own user: the plugin and rules are readable.
chmod 755 "$work"
: >"$work/distccd.log"
chmod 666 "$work/distccd.log"
distccd --daemon --enable-tcp-insecure --allow 127.0.0.1 --listen 127.0.0.1 --port "$port" \
	--jobs 2 --log-level info --log-file "$work/distccd.log" \
	--pid-file "$work/distccd.pid" || fail "distccd did not start"
sleep 1
mkdir -p "$work/.distcc"
echo "  BUILD   $dirs through distcc (localhost:$port)" >&2
for dir in $dirs; do
	find "$kdir/$dir" -name '*.o' -delete
done
DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_FALLBACK=0 DISTCC_DIR="$work/.distcc" \
	make -C "$kdir" -k -j2 KBUILD_MODULES=1 CC="distcc $top/tools/faultline-gcc" \
	$dirs >"$work/distcc-build.log" 2>&1 || {
	tail -n 20 "$work/distcc-build.log"
	fail "the distcc build failed"
}
remote=$(grep -c 'COMPILE_OK' "$work/distccd.log" 2>/dev/null || :)
remote=${remote:-0}
units=$(for dir in $dirs; do find "$kdir/$dir" -name '*.o'; done | wc -l)
[ "$remote" -gt 0 ] || fail "distccd compiled nothing (see its log)"

mkdir -p "$work/distcc"
# shellcheck disable=SC2046
"$top/tools/faultline-link" --all -q $(for dir in $dirs; do echo "$kdir/${dir%/}"; done) \
	>"$work/distcc/report.txt"
[ $? -ge 2 ] && fail "faultline-link could not read the distcc objects"
awk -f "$here/findings.awk" "$work/distcc/report.txt" | cut -f1-4 | sort -u \
	>"$work/distcc.found"

nfound=$(wc -l <"$work/local.found")
[ "$nfound" -gt 0 ] || fail "the local build has no finding to compare"
if diff "$work/local.found" "$work/distcc.found" >"$work/diff"; then
	echo "PASS $name: $remote units compiled by distccd ($units objects), the same $nfound findings as the local build"
	sed 's/^/    /' "$work/distcc.found"
else
	sed 's/^/    /' "$work/diff"
	fail "the findings differ from the local build"
fi
