#!/usr/bin/env bash
# tokenlint against plain go vet on a workload of real size: a generated
# Kubernetes operator (bench/gen -workload=operator) whose packages import
# client-go, controller-runtime, a dozen AWS SDK services and two other
# clouds' SDKs, and each other. Wall time, CPU time, peak memory of the
# largest process and, for go vet, of its largest vet process, as ratios,
# in one run; findings checked against EXPECTED and between the two modes.
# Standalone runs on an empty result cache (C), then again on the cache it
# filled (D), against go vet's fully cached run (V).
# See bench/README.md, section "The operator workload".
#
# usage: bench/operator.sh [-w WORKLOAD] [-n ROUNDS] [-p PACKAGES] [MODULE_DIR]
#   -w WORKLOAD   operator (default) or service: bench/gen's -workload
#                 (bench/service.sh is this script with -w service)
#   -n ROUNDS     measured rounds (default 3); each round runs A, B, C once
#   -p PACKAGES   size of the generated module (default 66 for operator,
#                 80 for service)
#   MODULE_DIR    measure this module instead of generating one (it is
#                 checked against its EXPECTED when it has one)
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C

usage() {
	echo "usage: $0 [-w operator|service] [-n ROUNDS] [-p PACKAGES] [MODULE_DIR]" >&2
	exit 2
}

die() {
	echo "operator.sh: $*" >&2
	exit 1
}

rounds=3 npkg="" workload=operator
while getopts ":w:n:p:h" opt; do
	case $opt in
	w) workload=$OPTARG ;;
	n) rounds=$OPTARG ;;
	p) npkg=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $# -le 1 ]] || usage
case $workload in
operator) : "${npkg:=66}" ;;
service) : "${npkg:=80}" ;;
*) die "-w wants operator or service, got '$workload'" ;;
esac
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "-n wants a positive integer, got '$rounds'"
[[ $npkg =~ ^[1-9][0-9]*$ ]] || die "-p wants a positive integer, got '$npkg'"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tokenlint-operator.XXXXXXXX")
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

echo "== build tokenlint ($root/cmd/tokenlint)"
(cd "$root" && go build -o "$tmp/tokenlint" ./cmd/tokenlint)

if [[ $# -eq 1 ]]; then
	[[ -f $1/go.mod ]] || die "$1: no go.mod"
	mod=$(cd "$1" && pwd)
	gen_line="$mod (given)"
else
	echo "== generate the $workload module ($npkg packages)"
	(cd "$root/bench" && go build -o "$tmp/gen" ./gen)
	mod="$tmp/$workload"
	gen_line=$("$tmp/gen" -workload "$workload" -n "$npkg" -o "$mod")
	echo "$gen_line"
fi
ndeps=$(cd "$mod" && go list -deps ./... | wc -l)
nown=$(cd "$mod" && go list ./... | wc -l)

echo "== warm the build cache in $mod (go build ./..., go vet ./...)"
(cd "$mod" && go build ./... && go vet ./...)

check_fresh_copies "$tmp/tokenlint"

# wrap TOOL LOG: print the path of a script that runs TOOL under GNU time,
# appending that one process's peak RSS (KiB) and the package it analysed
# (the ImportPath of go vet's .cfg file) to LOG. go vet runs it as its vet
# tool, so LOG gets one line per vet process; the tool's -V=full still
# comes from TOOL (a fresh copy), so go vet's cache never answers.
wrap() {
	local w
	w=$(mktemp "$tmp/wrap.XXXXXXXXXX")
	cat >"$w" <<WRAP
#!/bin/sh
pkg=-
for a in "\$@"; do
	case \$a in
	*.cfg) pkg=\$(sed -n 's/.*"ImportPath": *"\([^"]*\)".*/\1/p' "\$a" | head -n 1) ;;
	esac
done
exec $(printf %q "$gnutime") -a -o $(printf %q "$2") -f "%M \$pkg" $(printf %q "$1") "\$@"
WRAP
	chmod +x "$w"
	printf '%s\n' "$w"
}

# procs LOG LABEL: append "largest_kib processes" of one run's LOG to
# $tmp/LABEL.procs.
procs() {
	awk '/^[0-9]+ / { n++; if ($1 > m) m = $1 } END { print m + 0, n + 0 }' "$1" >>"$tmp/$2.procs"
}

# diagnostics FILE...: the diagnostics ("file:line:col: message") of a
# run, with module-relative paths, sorted; identical in both modes.
diagnostics() {
	cat "$@" | { grep -E "$finding_re" || true; } |
		awk -v p="$mod/" 'index($0, p) == 1 { $0 = substr($0, length(p) + 1) } { sub(/^\.\//, ""); print }' |
		sort
}

echo "== $rounds rounds, order A B C D V"
bad_b=0 bad_c=0 bad_bc=0 bad_d=0
for ((r = 1; r <= rounds; r++)); do
	fresh_vet=$(fresh_copy "$vet" vet)
	: >"$tmp/A.$r.procs.log"
	w=$(wrap "$fresh_vet" "$tmp/A.$r.procs.log")
	measure "$tmp" A "$r" "$mod" go vet -vettool="$w" ./...
	procs "$tmp/A.$r.procs.log" A
	rm -f "$fresh_vet" "$w"

	fresh_tl=$(fresh_copy "$tmp/tokenlint" tokenlint)
	: >"$tmp/B.$r.procs.log"
	w=$(wrap "$fresh_tl" "$tmp/B.$r.procs.log")
	measure "$tmp" B "$r" "$mod" go vet -vettool="$w" ./...
	procs "$tmp/B.$r.procs.log" B
	rm -f "$fresh_tl" "$w"

	# C with an empty result cache, so that it analyses every package;
	# D again on the cache C filled; V plain go vet, fully cached.
	measure "$tmp" C "$r" "$mod" env TOKENLINT_CACHE="$tmp/cache.$r" "$tmp/tokenlint" ./...
	measure "$tmp" D "$r" "$mod" env TOKENLINT_CACHE="$tmp/cache.$r" "$tmp/tokenlint" ./...
	measure "$tmp" V "$r" "$mod" go vet ./...
	rm -rf "$tmp/cache.$r"

	if [[ -f $mod/EXPECTED ]]; then
		check "$tmp" B "$r" "$mod" >"$tmp/B.$r.diff" || bad_b=$((bad_b + 1))
		check "$tmp" C "$r" "$mod" >"$tmp/C.$r.diff" || bad_c=$((bad_c + 1))
	fi
	diagnostics "$tmp/B.$r.out" "$tmp/B.$r.err" >"$tmp/B.$r.diags"
	diagnostics "$tmp/C.$r.out" "$tmp/C.$r.err" >"$tmp/C.$r.diags"
	cmp -s "$tmp/C.$r.out" "$tmp/D.$r.out" || bad_d=$((bad_d + 1))
	if ! cmp -s "$tmp/B.$r.diags" "$tmp/C.$r.diags"; then
		bad_bc=$((bad_bc + 1))
		diff "$tmp/B.$r.diags" "$tmp/C.$r.diags" | sed 's/^</    only B:/; s/^>/    only C:/' | grep '^    only' >"$tmp/BC.$r.diff" || true
	fi
done

declare -A wall cpu mib big nproc
for l in A B C D V; do
	wall[$l]=$(awk -v s="$(median "$tmp/$l.times" 1)" 'BEGIN { printf "%.2f", s }')
	cpu[$l]=$(awk -v s="$(median "$tmp/$l.times" 4)" 'BEGIN { printf "%.2f", s }')
	mib[$l]=$(awk -v k="$(median "$tmp/$l.times" 2)" 'BEGIN { printf "%.1f", k / 1024 }')
done
for l in A B; do
	big[$l]=$(awk -v k="$(median "$tmp/$l.procs" 1)" 'BEGIN { printf "%.1f", k / 1024 }')
	nproc[$l]=$(median "$tmp/$l.procs" 2)
done
big[C]=${mib[C]} nproc[C]=1 big[D]=${mib[D]} nproc[D]=1 big[V]=- nproc[V]=-

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }
yesno() { if awk "BEGIN { exit !($1) }"; then echo yes; else echo NO; fi; }

memtotal=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
cpuname=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)

# verdict LABEL BAD: the findings line of the table.
verdict() {
	local label=$1 bad=$2 i nexp
	nexp=$(wc -l <"$mod/EXPECTED")
	if ((bad == 0)); then
		echo "all $nexp seeded found, nothing else ($rounds of $rounds rounds)"
		return
	fi
	echo "DIFFERS from EXPECTED in $bad of $rounds rounds ($nexp seeded); first such round:"
	for ((i = 1; i <= rounds; i++)); do
		if [[ -s $tmp/$label.$i.diff ]]; then
			cat "$tmp/$label.$i.diff"
			break
		fi
	done
}

echo
echo "== tokenlint vs go vet ($rounds rounds, medians)"
echo "machine: $(nproc) CPUs${cpuname:+ ($cpuname)}, $memtotal RAM, $(go version)"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC'), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "module:  $gen_line"
echo "         $nown packages, $ndeps with dependencies (go list -deps ./...)"
echo
printf '%-30s %9s %9s %10s %12s %7s  %s\n' "command" "wall s" "cpu s" "peak MiB" "largest MiB" "procs" "exit codes"
printf '%-30s %9s %9s %10s %12s %7s  %s\n' "A  go vet (toolchain vet)" "${wall[A]}" "${cpu[A]}" "${mib[A]}" "${big[A]}" "${nproc[A]}" "$(codes "$tmp/A.times")"
printf '%-30s %9s %9s %10s %12s %7s  %s\n' "B  go vet -vettool=tokenlint" "${wall[B]}" "${cpu[B]}" "${mib[B]}" "${big[B]}" "${nproc[B]}" "$(codes "$tmp/B.times")"
printf '%-30s %9s %9s %10s %12s %7s  %s\n' "C  tokenlint standalone" "${wall[C]}" "${cpu[C]}" "${mib[C]}" "${big[C]}" "${nproc[C]}" "$(codes "$tmp/C.times")"
printf '%-30s %9s %9s %10s %12s %7s  %s\n' "D  C again, from its cache" "${wall[D]}" "${cpu[D]}" "${mib[D]}" "${big[D]}" "${nproc[D]}" "$(codes "$tmp/D.times")"
printf '%-30s %9s %9s %10s %12s %7s  %s\n' "V  go vet, fully cached" "${wall[V]}" "${cpu[V]}" "${mib[V]}" "${big[V]}" "${nproc[V]}" "$(codes "$tmp/V.times")"
echo
echo "peak MiB: largest process of the command's tree (GNU time %M); largest MiB: largest"
echo "vet tool process (go vet runs one per package, up to one per CPU at once); procs: vet tool runs"
echo
printf '%-30s %9s %9s %10s\n' "ratio" "wall" "cpu" "peak"
printf '%-30s %9s %9s %10s\n' "B/A" "$(ratio "${wall[B]}" "${wall[A]}")" "$(ratio "${cpu[B]}" "${cpu[A]}")" "$(ratio "${mib[B]}" "${mib[A]}")"
printf '%-30s %9s %9s %10s\n' "C/A" "$(ratio "${wall[C]}" "${wall[A]}")" "$(ratio "${cpu[C]}" "${cpu[A]}")" "$(ratio "${mib[C]}" "${mib[A]}")"
printf '%-30s %9s %9s %10s\n' "D/V" "$(ratio "${wall[D]}" "${wall[V]}")" "$(ratio "${cpu[D]}" "${cpu[V]}")" "$(ratio "${mib[D]}" "${mib[V]}")"
printf '%-30s %9s\n' "C peak / A largest vet process" "$(ratio "${mib[C]}" "${big[A]}")"
echo "largest vet processes (last round):"
for l in A B; do
	sort -k1,1nr "$tmp/$l.$rounds.procs.log" | awk -v l="$l" '/^[0-9]+ / && n < 3 { n++; printf "  %s  %8.1f MiB  %s\n", l, $1 / 1024, $2 }'
done
echo
echo "issue 19 targets:"
echo "  C peak <= 1.5x A's largest vet process:            $(yesno "${mib[C]} <= 1.5 * ${big[A]}")"
echo "  C wall <= 0.3x A:                                  $(yesno "${wall[C]} <= 0.3 * ${wall[A]}")"
echo "  B wall <= 0.8x A:                                  $(yesno "${wall[B]} <= 0.8 * ${wall[A]}")"
echo "  B largest <= 1.2x A largest vet process:           $(yesno "${big[B]} <= 1.2 * ${big[A]}")"
echo "  D wall <= 2x V (second run, from the cache):       $(yesno "${wall[D]} <= 2 * ${wall[V]}")"
echo
if [[ -f $mod/EXPECTED ]]; then
	echo "findings B: $(verdict B "$bad_b")"
	echo "findings C: $(verdict C "$bad_c")"
fi
if ((bad_bc == 0)); then
	echo "findings B = C: the same $(wc -l <"$tmp/C.$rounds.diags") diagnostics (file:line:col: message) in every round"
else
	echo "findings B = C: DIFFER in $bad_bc of $rounds rounds; first such round:"
	for ((i = 1; i <= rounds; i++)); do
		if [[ -s $tmp/BC.$i.diff ]]; then
			cat "$tmp/BC.$i.diff"
			break
		fi
	done
fi

if ((bad_d == 0)); then
	echo "findings D = C: byte-identical output in every round"
else
	echo "findings D = C: DIFFER in $bad_d of $rounds rounds"
fi

# Expected exit codes: A 0; B 0 or 1 (go vet, findings); C, D 0 or 3
# (findings); V 0.
for spec in "A:0" "B:0 1" "C:0 3" "D:0 3" "V:0"; do
	l=${spec%%:*} ok=${spec#*:}
	if awk -v ok=" $ok " 'index(ok, " " $3 " ") == 0 { bad = 1 } END { exit !bad }' "$tmp/$l.times"; then
		echo "note: $l had an unexpected exit code (allowed: $ok); stderr of its last such round:" >&2
		r=$(awk -v ok=" $ok " 'index(ok, " " $3 " ") == 0 { r = NR } END { print r }' "$tmp/$l.times")
		tail -n 20 "$tmp/$l.$r.err" >&2
	fi
done
