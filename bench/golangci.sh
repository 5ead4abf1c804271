#!/usr/bin/env bash
# tokenlint's share of a golangci-lint run: golangci-lint v2 with the
# tokenlint module plugin compiled in, built offline as docs/golangci-lint.md
# says, run on the same workload with and without tokenlint enabled. Wall
# time, CPU time and peak memory, medians of interleaved rounds, each run
# with a new, empty golangci-lint cache. See bench/README.md, section
# "golangci-lint".
#
# usage: bench/golangci.sh [-n ROUNDS] [-p PACKAGES] [MODULE_DIR]
#   -n ROUNDS     measured rounds (default 3); each round runs D, E, F once
#   -p PACKAGES   size of the generated operator module (default 66)
#   MODULE_DIR    measure this module instead of generating one
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C

usage() {
	echo "usage: $0 [-n ROUNDS] [-p PACKAGES] [MODULE_DIR]" >&2
	exit 2
}

die() {
	echo "golangci.sh: $*" >&2
	exit 1
}

rounds=3 npkg=66
while getopts ":n:p:h" opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	p) npkg=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -le 1 ]] || usage
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive integer, got '$rounds'"
[[ $npkg =~ ^[1-9][0-9]*$ ]] || die "-p wants a positive integer, got '$npkg'"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tokenlint-golangci.XXXXXXXX")
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

# The custom golangci-lint, from the main package on docs/golangci-lint.md
# (between its "main.go" markers, as the integration test reads it) and a
# go.mod that points tokenlint at this checkout.
gclver=v2.15.0
echo "== build golangci-lint $gclver with the tokenlint plugin (offline, from the Go module proxy)"
mkdir "$tmp/gcl"
awk '/<!-- main.go begin -->/ { on = 1; next } /<!-- main.go end -->/ { on = 0 } on && !/^```/' \
	"$root/docs/golangci-lint.md" >"$tmp/gcl/main.go"
grep -q 'plugin/golangci' "$tmp/gcl/main.go" || die "docs/golangci-lint.md: no main.go between its markers"
cat >"$tmp/gcl/go.mod" <<EOF
module custom-gcl

go 1.26

require (
	github.com/golangci/golangci-lint/v2 $gclver
	github.com/tokenlint/tokenlint v0.0.0
)

replace github.com/tokenlint/tokenlint => $root
EOF
(cd "$tmp/gcl" && GOWORK=off go mod tidy && GOWORK=off go build -o "$tmp/custom-gcl" .)
gcl=$tmp/custom-gcl

if [[ $# -eq 1 ]]; then
	[[ -f $1/go.mod ]] || die "$1: no go.mod"
	mod=$(cd "$1" && pwd)
	gen_line="$mod (given)"
else
	echo "== generate the operator module ($npkg packages)"
	(cd "$root/bench" && go build -o "$tmp/gen" ./gen)
	mod="$tmp/operator"
	gen_line=$("$tmp/gen" -workload operator -n "$npkg" -o "$mod")
	echo "$gen_line"
fi

# The configurations: D golangci-lint's standard linters (tokenlint
# disabled); E the same and
# tokenlint; F tokenlint alone (the page's configuration). The issues
# settings are the page's, so that every finding is shown.
config() {
	local default=$1 enable=$2
	cat <<EOF
version: "2"
run:
  timeout: 60m
  # Paths relative to the module, as EXPECTED has them (the default is
  # relative to the configuration file, which is in the temp directory).
  relative-path-mode: gomod
linters:
  default: $default
$enable
  settings:
    custom:
      tokenlint:
        type: module
        description: AWS credentials that cannot refresh
        original-url: https://github.com/tokenlint/tokenlint
        settings: {}
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
EOF
}
# A module plugin listed under settings.custom runs with the standard
# linters unless disabled, so D disables it by name.
tl_enable=$'  enable:\n    - tokenlint'
config standard $'  disable:\n    - tokenlint' >"$tmp/D.yml"
config standard "$tl_enable" >"$tmp/E.yml"
config none "$tl_enable" >"$tmp/F.yml"
"$gcl" config verify --config "$tmp/E.yml" || die "golangci-lint rejects the configuration"

# run LABEL ROUND: one golangci-lint run with an empty cache of its own.
run() {
	local cache
	cache=$(mktemp -d "$tmp/cache.XXXXXXXX")
	measure "$tmp" "$1" "$2" "$mod" env GOLANGCI_LINT_CACHE="$cache" GOFLAGS=-mod=mod GOWORK=off \
		"$gcl" run --config "$tmp/$1.yml" ./...
	rm -rf "$cache"
}

echo "== warm the build cache in $mod (go build ./..., one golangci-lint run)"
(cd "$mod" && go build ./...)
run D 0 >/dev/null
rm -f "$tmp/D.times"

echo "== $rounds rounds, order D E F"
bad_e=0 bad_f=0
tl_findings() { grep -E '\(tokenlint\)$' "$1" || true; }
for ((r = 1; r <= rounds; r++)); do
	run D "$r"
	run E "$r"
	run F "$r"
	if [[ -f $mod/EXPECTED ]]; then
		for l in E F; do
			tl_findings "$tmp/$l.$r.out" >"$tmp/$l.$r.tl"
			findings "$mod" "$tmp/$l.$r.tl" >"$tmp/$l.$r.found"
			sort "$mod/EXPECTED" | cmp -s - "$tmp/$l.$r.found" || {
				[[ $l == E ]] && bad_e=$((bad_e + 1)) || bad_f=$((bad_f + 1))
			}
		done
	fi
	ntl_d=$(tl_findings "$tmp/D.$r.out" | wc -l)
	((ntl_d == 0)) || die "D (without tokenlint) reported $ntl_d tokenlint findings"
done

declare -A wall cpu mib
for l in D E F; do
	wall[$l]=$(awk -v s="$(median "$tmp/$l.times" 1)" 'BEGIN { printf "%.2f", s }')
	cpu[$l]=$(awk -v s="$(median "$tmp/$l.times" 4)" 'BEGIN { printf "%.2f", s }')
	mib[$l]=$(awk -v k="$(median "$tmp/$l.times" 2)" 'BEGIN { printf "%.1f", k / 1024 }')
done
# share NEW OLD: (NEW - OLD) / NEW, tokenlint's part of the run with it.
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f%%", 100 * (a - b) / a; else print "n/a" }'; }
within() { if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > 0 && (a - b) / a <= 0.15) }'; then echo yes; else echo NO; fi; }

memtotal=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
cpuname=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)

echo
echo "== golangci-lint $gclver with and without tokenlint ($rounds rounds, medians)"
echo "machine: $(nproc) CPUs${cpuname:+ ($cpuname)}, $memtotal RAM, $(go version)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "module:  $gen_line"
echo
printf '%-40s %9s %9s %10s  %s\n' "command" "wall s" "cpu s" "peak MiB" "exit codes"
printf '%-40s %9s %9s %10s  %s\n' "D  golangci-lint run (standard linters)" "${wall[D]}" "${cpu[D]}" "${mib[D]}" "$(codes "$tmp/D.times")"
printf '%-40s %9s %9s %10s  %s\n' "E  D + tokenlint" "${wall[E]}" "${cpu[E]}" "${mib[E]}" "$(codes "$tmp/E.times")"
printf '%-40s %9s %9s %10s  %s\n' "F  tokenlint alone" "${wall[F]}" "${cpu[F]}" "${mib[F]}" "$(codes "$tmp/F.times")"
echo
echo "tokenlint's share of E, (E - D) / E: wall $(share "${wall[E]}" "${wall[D]}"), cpu $(share "${cpu[E]}" "${cpu[D]}"), peak memory $(share "${mib[E]}" "${mib[D]}")"
echo "issue 14 target (<= 15% of time and memory): wall $(within "${wall[E]}" "${wall[D]}"), cpu $(within "${cpu[E]}" "${cpu[D]}"), memory $(within "${mib[E]}" "${mib[D]}")"
if [[ -f $mod/EXPECTED ]]; then
	nexp=$(wc -l <"$mod/EXPECTED")
	for spec in "E:$bad_e" "F:$bad_f"; do
		l=${spec%%:*} bad=${spec#*:}
		if ((bad == 0)); then
			echo "findings $l (tokenlint): all $nexp seeded found, nothing else ($rounds of $rounds rounds)"
		else
			echo "findings $l (tokenlint): DIFFER from EXPECTED in $bad of $rounds rounds; round $rounds:"
			sort "$mod/EXPECTED" | comm -23 - "$tmp/$l.$rounds.found" | sed 's/^/    missing: /'
			sort "$mod/EXPECTED" | comm -13 - "$tmp/$l.$rounds.found" | sed 's/^/    extra:   /'
		fi
	done
fi
for l in D E F; do
	if awk '$3 != 0 && $3 != 1 { bad = 1 } END { exit !bad }' "$tmp/$l.times"; then
		echo "note: $l had an exit code other than 0 or 1; stderr of its last round:" >&2
		tail -n 20 "$tmp/$l.$rounds.err" >&2
	fi
done
