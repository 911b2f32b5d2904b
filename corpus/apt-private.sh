# A private apt state under the cache, from this machine's own mirror, so
# the system's package lists stay untouched (sourced by fetch-kernel.sh
# and plugin/sparse/fetch-sparse.sh).
#
#   apt_private APT_DIR TYPE "SUITE..." PROG
#	TYPE: deb or deb-src.  Writes APT_DIR/sources.list with a TYPE line
#	for each Debian archive of the machine's sources (one-line and deb822
#	forms) and each SUITE (a -security suite only from a security
#	archive, the others only from the rest), reads the lists again when
#	they changed or are older than FAULTLINE_LISTS_MAX_AGE minutes
#	(default 360), and sets apt_opts for apt-get and apt-cache.  PROG
#	names the caller in messages.  Returns non-zero when the machine has
#	no Debian archive.
apt_private() {
	ap_dir=$1
	ap_type=$2
	ap_suites=$3
	ap_prog=$4
	mkdir -p "$ap_dir/lists/partial" "$ap_dir/archives/partial"
	{
		cat /etc/apt/sources.list 2>/dev/null || true
		cat /etc/apt/sources.list.d/*.list 2>/dev/null || true
	} | awk '$1 == "deb" { print $2, $3 }' >"$ap_dir/uris"
	cat /etc/apt/sources.list.d/*.sources 2>/dev/null |
		awk '/^URIs:/ { uri = $2 } /^Suites:/ { s = ""; for (i = 2; i <= NF; i++) s = s " " $i; print uri s }' \
			>>"$ap_dir/uris"
	awk -v suites="$ap_suites" -v type="$ap_type" '
		BEGIN { n = split(suites, want, " ") }
		{
			debian = 0
			for (i = 2; i <= NF; i++)
				if ($i ~ /^(bullseye|bookworm|trixie|forky|sid|unstable|stable)(-updates|-backports)?$/)
					debian = 1
			if (!debian || seen[$1]++)
				next
			for (j = 1; j <= n; j++) {
				# Security updates live in the archive named for them.
				if ((want[j] ~ /-security$/) != ($1 ~ /security/))
					continue
				print type " [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] " $1 " " want[j] " main"
			}
		}' "$ap_dir/uris" | sort -u >"$ap_dir/sources.list.new"
	if [ ! -s "$ap_dir/sources.list.new" ]; then
		echo "$ap_prog: no Debian archive found in the apt sources" >&2
		return 1
	fi
	apt_opts="-o Dir::State::Lists=$ap_dir/lists -o Dir::Etc::SourceList=$ap_dir/sources.list
	-o Dir::Etc::SourceParts=/nonexistent -o Dir::Cache::Archives=$ap_dir/archives
	-o Dir::State::Status=/var/lib/dpkg/status -o APT::Sandbox::User=root
	-o Acquire::Check-Valid-Until=false"
	if ! cmp -s "$ap_dir/sources.list.new" "$ap_dir/sources.list" ||
		[ -z "$(find "$ap_dir/lists.stamp" -mmin -"${FAULTLINE_LISTS_MAX_AGE:-360}" 2>/dev/null)" ]; then
		mv "$ap_dir/sources.list.new" "$ap_dir/sources.list"
		echo "$ap_prog: reading package lists ($ap_suites)" >&2
		# shellcheck disable=SC2086
		if apt-get -qq $apt_opts update >&2; then
			touch "$ap_dir/lists.stamp"
		else
			echo "$ap_prog: apt-get update failed; using the lists there are" >&2
		fi
	fi
	rm -f "$ap_dir/sources.list.new"
}
