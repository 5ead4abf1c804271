# shellcheck shell=bash
# shellcheck disable=SC2154 # $tmp is set by the script that sources this file
# Shared by bench/run.sh and bench/scale.sh (sourced, not run): GNU time,
# fresh tool copies that go vet has never cached, one measured run, medians.
# The sourcing script defines die() and sets $tmp before sourcing.

gnutime=/usr/bin/time
[[ -x $gnutime ]] || die "$gnutime not found (GNU time is required: apt-get install time)"
"$gnutime" -f '%e %M' -o /dev/null true 2>/dev/null || die "$gnutime is not GNU time"

# Standalone runs measure the analysis, not tokenlint's result cache:
# every script runs with it off, and operator.sh turns it on for the runs
# that measure it (C fills an empty one, D reads it).
export TOKENLINT_CACHE=off

vet="$(go env GOTOOLDIR)/vet"
[[ -x $vet ]] || die "$vet: not found"

# fresh_copy SRC LABEL: print the path of a new copy of SRC, under a new random
# file name and with random bytes appended. go vet keys its result cache on the
# vet tool's `-V=full` output: the toolchain's vet prints "<basename> version
# goX.Y.Z" (so the unique name is what makes it new); an x/tools analysis tool
# prints its path and the SHA-256 of its file (both new here).
fresh_copy() {
	local dst
	dst=$(mktemp "$tmp/$2.XXXXXXXXXX")
	cat "$1" >"$dst"
	head -c 16 /dev/urandom >>"$dst"
	chmod +x "$dst"
	printf '%s\n' "$dst"
}

# check_fresh_copies TOKENLINT: check once that two fresh copies really look
# like different tools to go vet; otherwise every run after the first would be
# a cache hit.
check_fresh_copies() {
	local spec name bin c1 c2 v1 v2
	for spec in "vet:$vet" "tokenlint:$1"; do
		name=${spec%%:*} bin=${spec#*:}
		c1=$(fresh_copy "$bin" "check-$name")
		c2=$(fresh_copy "$bin" "check-$name")
		v1=$("$c1" -V=full) || die "$name -V=full failed"
		v2=$("$c2" -V=full) || die "$name -V=full failed"
		[[ $v1 != "$v2" ]] || die "$name: fresh copies report the same -V=full ('$v1'); go vet would reuse cached results"
		rm -f "$c1" "$c2"
	done
}

crash_re='panic:|internal error|fatal error:|SIGSEGV|goroutine [0-9]+ \['

# measure DIR LABEL ROUND MODULE CMD...: run CMD in MODULE under GNU time;
# append "wall_seconds max_rss_kib exit_code cpu_seconds" to DIR/LABEL.times
# (cpu: user + system, of the command and all its children); stop the
# benchmark if the run looks like a crash.
measure() {
	local dir=$1 label=$2 round=$3 mod=$4
	shift 4
	local base="$dir/$label.$round" rc=0
	(cd "$mod" && "$gnutime" -f '%e %M %U %S' -o "$base.time" "$@" >"$base.out" 2>"$base.err") || rc=$?
	if grep -Eq "$crash_re" "$base.out" "$base.err"; then
		echo "$label (round $round) looks like it crashed (exit $rc): $*" >&2
		grep -E -m 20 -B 2 -A 10 "$crash_re" "$base.out" "$base.err" >&2 || true
		exit 1
	fi
	# GNU time puts "Command exited with non-zero status N" (or "terminated
	# by signal") before the formatted line; the numbers are on the last line.
	local last wall kib cpu
	last=$(tail -n 1 "$base.time")
	[[ $last =~ ^[0-9.]+\ [0-9]+\ [0-9.]+\ [0-9.]+$ ]] || die "$label round $round: cannot parse GNU time output: $(cat "$base.time")"
	read -r wall kib cpu <<<"$(awk '{ printf "%s %s %.2f", $1, $2, $3 + $4 }' <<<"$last")"
	echo "$wall $kib $rc $cpu" >>"$dir/$label.times"
	printf '  %-2s round %d: %8.2f s %8.1f MiB  exit %d  cpu %8.2f s\n' "$label" "$round" \
		"$wall" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" "$rc" "$cpu"
}

# findings FILE...: the file:line of every diagnostic in FILEs (module-
# relative paths, sorted, duplicates kept).
# A related line (a finding's trail) has a tab after the position: not a finding.
finding_re='\.go:[0-9]+:[0-9]+: [^[:space:]]'
findings() {
	local mod=$1
	shift
	cat "$@" | { grep -E "$finding_re" || true; } | grep -Eo '^[^ ]+\.go:[0-9]+' |
		awk -v p="$mod/" 'index($0, p) == 1 { $0 = substr($0, length(p) + 1) } { sub(/^\.\//, ""); print }' |
		sort || true
}

# check DIR LABEL ROUND MODULE: compare the findings of a run (file:line of
# the diagnostics on its stdout and stderr) with MODULE/EXPECTED, as
# multisets (a finding reported twice is an extra). Prints nothing and
# succeeds when they match; prints the differences and fails otherwise.
check() {
	local dir=$1 label=$2 round=$3 mod=$4
	local base="$dir/$label.$round"
	findings "$mod" "$base.out" "$base.err" >"$base.found"
	sort "$mod/EXPECTED" >"$dir/expected.sorted"
	if cmp -s "$base.found" "$dir/expected.sorted"; then
		return 0
	fi
	comm -23 "$dir/expected.sorted" "$base.found" | sed 's/^/    missing: /'
	comm -13 "$dir/expected.sorted" "$base.found" | sed 's/^/    extra:   /'
	return 1
}

# median FILE COLUMN
median() {
	awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '
		{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# codes FILE: exit codes seen, e.g. "0 x5" or "0 x1, 1 x4"
codes() {
	awk '{ print $3 }' "$1" | sort -n | uniq -c | awk '
		{ s = s (s == "" ? "" : ", ") $2 " x" $1 }
		END { print s }'
}
