#!/usr/bin/env bash
# Compare tokenlint against plain `go vet`: wall time and peak memory, as
# ratios, in one run. See bench/README.md.
#
# usage: bench/run.sh [-n ROUNDS] [MODULE_DIR]
#   -n ROUNDS    measured rounds (default 5); each round runs A, B, C once
#   MODULE_DIR   module to analyze (default: bench/module)
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C

usage() {
	echo "usage: $0 [-n ROUNDS] [MODULE_DIR]" >&2
	exit 2
}

die() {
	echo "run.sh: $*" >&2
	exit 1
}

rounds=5
while getopts ":n:h" opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	h) usage ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -le 1 ]] || usage
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive integer, got '$rounds'"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mod=${1:-$root/bench/module}
[[ -f $mod/go.mod ]] || die "$mod: no go.mod"
mod=$(cd "$mod" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tokenlint-bench.XXXXXXXX")
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

echo "== build tokenlint ($root/cmd/tokenlint)"
(cd "$root" && go build -o "$tmp/tokenlint" ./cmd/tokenlint)

echo "== warm the build cache in $mod"
(cd "$mod" && go build ./... && go vet ./...)

check_fresh_copies "$tmp/tokenlint"

echo "== $rounds rounds, order A B C"
for ((r = 1; r <= rounds; r++)); do
	fresh_vet=$(fresh_copy "$vet" vet)
	measure "$tmp" A "$r" "$mod" go vet -vettool="$fresh_vet" ./...
	rm -f "$fresh_vet"

	fresh_tl=$(fresh_copy "$tmp/tokenlint" tokenlint)
	measure "$tmp" B "$r" "$mod" go vet -vettool="$fresh_tl" ./...
	rm -f "$fresh_tl"

	measure "$tmp" C "$r" "$mod" "$tmp/tokenlint" ./...
done


declare -A wall mib
for l in A B C; do
	wall[$l]=$(awk -v s="$(median "$tmp/$l.times" 1)" 'BEGIN { printf "%.2f", s }')
	mib[$l]=$(awk -v k="$(median "$tmp/$l.times" 2)" 'BEGIN { printf "%.1f", k / 1024 }')
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }

memtotal=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)

# Findings of the standalone run (last round): diagnostics lines on stdout.
# (x/tools' multichecker prints them on stderr; fall back to that if stdout
# has none, and say so.)
# A related line (a finding's trail) has a tab after the position: not a finding.
finding_re='\.go:[0-9]+:[0-9]+: [^[:space:]]'
cout="$tmp/C.$rounds.out" cerr="$tmp/C.$rounds.err" from=stdout
if ! grep -Eq "$finding_re" "$cout" && grep -Eq "$finding_re" "$cerr"; then
	cout=$cerr from=stderr
fi
nfind=$(grep -Ec "$finding_re" "$cout" || true)

echo
echo "== tokenlint vs go vet ($rounds rounds, medians)"
echo "machine: $(nproc) CPUs${cpu:+ ($cpu)}, $memtotal RAM, $(go version)"
echo "module:  $mod"
echo
printf '%-34s %10s %10s  %s\n' "command" "wall s" "peak MiB" "exit codes"
printf '%-34s %10s %10s  %s\n' "A  go vet (toolchain vet)" "${wall[A]}" "${mib[A]}" "$(codes "$tmp/A.times")"
printf '%-34s %10s %10s  %s\n' "B  go vet -vettool=tokenlint" "${wall[B]}" "${mib[B]}" "$(codes "$tmp/B.times")"
printf '%-34s %10s %10s  %s\n' "C  tokenlint standalone" "${wall[C]}" "${mib[C]}" "$(codes "$tmp/C.times")"
echo
printf '%-34s %10s %10s\n' "ratio" "time" "memory"
printf '%-34s %10s %10s\n' "B/A" "$(ratio "${wall[B]}" "${wall[A]}")" "$(ratio "${mib[B]}" "${mib[A]}")"
printf '%-34s %10s %10s\n' "C/A" "$(ratio "${wall[C]}" "${wall[A]}")" "$(ratio "${mib[C]}" "${mib[A]}")"
echo
echo "findings (standalone, $from): $nfind"

# Compare with the seeded findings, when the module lists them.
if [[ -f $mod/EXPECTED ]]; then
	grep -E "$finding_re" "$cout" | grep -Eo '^[^ ]+\.go:[0-9]+' |
		awk -v p="$mod/" 'index($0, p) == 1 { $0 = substr($0, length(p) + 1) } { sub(/^\.\//, ""); print }' |
		sort -u >"$tmp/found" || true
	{ grep -Ev '^[[:space:]]*(#|$)' "$mod/EXPECTED" || true; } | sort -u >"$tmp/expected"
	if cmp -s "$tmp/found" "$tmp/expected"; then
		echo "matches EXPECTED ($(wc -l <"$tmp/expected") lines)"
	else
		echo "differs from EXPECTED:"
		comm -23 "$tmp/expected" "$tmp/found" | sed 's/^/  missing: /'
		comm -13 "$tmp/expected" "$tmp/found" | sed 's/^/  extra:   /'
	fi
fi

# Expected exit codes: A 0; B 0 or 1 (go vet, findings); C 0 or 3 (findings).
for spec in "A:0" "B:0 1" "C:0 3"; do
	l=${spec%%:*} ok=${spec#*:}
	if awk -v ok=" $ok " 'index(ok, " " $3 " ") == 0 { bad = 1 } END { exit !bad }' "$tmp/$l.times"; then
		echo "note: $l had an unexpected exit code (allowed: $ok); stderr of its last such round:" >&2
		r=$(awk -v ok=" $ok " 'index(ok, " " $3 " ") == 0 { r = NR } END { print r }' "$tmp/$l.times")
		tail -n 20 "$tmp/$l.$r.err" >&2
	fi
done
