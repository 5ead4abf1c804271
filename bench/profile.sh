#!/usr/bin/env bash
# Where the standalone driver's memory goes: build tokenlint with the
# profiling file bench/profile/profile.go added by go build -overlay (the
# shipped command has none of it), run it once on a module, and split the
# heap near its peak by what holds it (bench/heapsplit.awk). See
# bench/README.md, section "Where standalone memory goes".
#
# usage: bench/profile.sh [-p PACKAGES] [-e EVERY] [-o DIR] [MODULE_DIR]
#   -p PACKAGES   size of the generated operator module (default 66)
#   -e EVERY      exact heap snapshots (forced GC) this often (default 3s;
#                 0 for none: then only the lagging profile near the peak)
#   -o DIR        keep the profiles there (default: a temporary directory)
#   MODULE_DIR    profile on this module instead of generating one
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C

usage() {
	echo "usage: $0 [-p PACKAGES] [-e EVERY] [-o DIR] [MODULE_DIR]" >&2
	exit 2
}

die() {
	echo "profile.sh: $*" >&2
	exit 1
}

npkg=66 keep="" every=3s
while getopts ":p:e:o:h" opt; do
	case $opt in
	p) npkg=$OPTARG ;;
	o) keep=$OPTARG ;;
	e) every=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -le 1 ]] || usage
[[ $npkg =~ ^[1-9][0-9]*$ ]] || die "-p wants a positive integer, got '$npkg'"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tokenlint-profile.XXXXXXXX")
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

out=${keep:-$tmp/prof}
mkdir -p "$out"
[[ -z $(ls -A "$out") ]] || die "$out is not empty"

echo "== build tokenlint with bench/profile/profile.go (go build -tags tokenlintprofile -overlay)"
printf '{"Replace":{"%s":"%s"}}\n' "$root/cmd/tokenlint/zz_profile.go" "$root/bench/profile/profile.go" >"$tmp/overlay.json"
(cd "$root" && go build -tags tokenlintprofile -overlay "$tmp/overlay.json" -o "$out/tokenlint" ./cmd/tokenlint)

if [[ $# -eq 1 ]]; then
	[[ -f $1/go.mod ]] || die "$1: no go.mod"
	mod=$(cd "$1" && pwd)
else
	echo "== generate the operator module ($npkg packages)"
	(cd "$root/bench" && go build -o "$tmp/gen" ./gen)
	mod="$tmp/operator"
	"$tmp/gen" -workload operator -n "$npkg" -o "$mod"
fi
echo "== warm the build cache in $mod"
(cd "$mod" && go build ./...)

echo "== tokenlint ./... with TOKENLINT_PROFILE_DIR=$out TOKENLINT_PROFILE_EVERY=$every"
rc=0
(cd "$mod" && TOKENLINT_PROFILE_DIR=$out TOKENLINT_PROFILE_EVERY=$every "$gnutime" -f '%e %M %U %S' -o "$out/time" "$out/tokenlint" ./... >"$out/out" 2>"$out/err") || rc=$?
read -r wall kib user sys <<<"$(tail -n 1 "$out/time")"
echo "exit $rc, wall $wall s, cpu $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') s, peak RSS $(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }') MiB, $(grep -Ec '\.go:[0-9]+:[0-9]+: ' "$out/out" || true) findings"

echo
echo "== live heap and resident set over the run (heap.tsv, every 10th sample)"
awk 'NR % 10 == 1 { printf "%7.1f s  live heap %7.1f MiB  RSS %7.1f MiB\n", $1, $2 / 1048576, $3 / 1024 }' "$out/heap.tsv"
awk '$2 > m { m = $2; t = $1 } $3 > r { r = $3; rt = $1 } END { printf "max live heap %.1f MiB at %.1f s; max RSS %.1f MiB at %.1f s\n", m / 1048576, t, r / 1024, rt }' "$out/heap.tsv"

split() { go tool pprof -traces -sample_index="$1" "$out/tokenlint" "$2" 2>/dev/null | awk -f "$root/bench/heapsplit.awk"; }

# The largest exact snapshot, if any: what is live at the peak.
best="" bestmib=0
for f in "$out"/heap.[0-9]*.pprof; do
	[[ -e $f ]] || continue
	mib=$(split inuse_space "$f" | awk '$1 == "total" { print $2 }')
	if awk -v a="$mib" -v b="$bestmib" 'BEGIN { exit !(a > b) }'; then
		best=$f bestmib=$mib
	fi
done
if [[ -n $best ]]; then
	echo
	echo "== in-use heap of the largest exact snapshot ($(basename "$best"), after a forced GC), by what holds it"
	split inuse_space "$best"
fi
echo
echo "== in-use heap near the peak (heap.pprof, a GC cycle or two old), by what holds it"
split inuse_space "$out/heap.pprof"
echo
last=$(find "$out" -name 'heap.[0-9]*.pprof' | sort | tail -n 1)
echo "== allocated over the run (alloc_space of $(basename "${last:-$out/heap.pprof}")), by what allocated it"
split alloc_space "${last:-$out/heap.pprof}"
echo
echo "== top in-use allocation sites"
go tool pprof -top -nodecount=15 -sample_index=inuse_space "$out/tokenlint" "${best:-$out/heap.pprof}" 2>/dev/null | sed -n '/flat%/,$p'
echo
echo "== CPU (cpu.*.pprof merged), top 15 by cumulative time"
# shellcheck disable=SC2046 # one argument per profile
go tool pprof -top -cum -nodecount=15 "$out/tokenlint" $(find "$out" -name 'cpu.*.pprof' -size +0 | sort) 2>/dev/null | sed -n '/flat%/,$p' || true
[[ -z $keep ]] || echo "profiles kept in $out"
