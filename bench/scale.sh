#!/usr/bin/env bash
# How tokenlint's cost grows with the size of the module: generate synthetic
# modules of N packages (bench/gen) and compare tokenlint with plain go vet
# on each, then show how time and memory grow with N. See bench/README.md,
# section "Scale".
#
# usage: bench/scale.sh [-w WORKLOAD] [-r ROUNDS] [N[:ROUNDS] ...]
#   -w WORKLOAD scale (default: small packages) or service (packages of
#               ~4,000 lines over S3 and STS; issue 19's growth curve is
#               bench/scale.sh -w service 40 80 160)
#   -r ROUNDS   measured rounds per N (default 3); each round runs A, B, C once
#   N           module sizes in packages (default: 100 1000 3000); N:ROUNDS
#               overrides the rounds for that N (e.g. 3000:1)
set -euo pipefail
shopt -s inherit_errexit
export LC_ALL=C

usage() {
	echo "usage: $0 [-w scale|service] [-r ROUNDS] [N[:ROUNDS] ...]" >&2
	exit 2
}

die() {
	echo "scale.sh: $*" >&2
	exit 1
}

rounds=3 workload=scale
while getopts ":w:r:h" opt; do
	case $opt in
	w) workload=$OPTARG ;;
	r) rounds=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[[ $workload == scale || $workload == service ]] || die "-w wants scale or service, got '$workload'"
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "-r wants a positive integer, got '$rounds'"
specs=("$@")
[[ ${#specs[@]} -gt 0 ]] || specs=(100 1000 3000)
for s in "${specs[@]}"; do
	[[ $s =~ ^[1-9][0-9]*(:[1-9][0-9]*)?$ ]] || die "N wants a positive integer, optionally with :ROUNDS, got '$s'"
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tokenlint-scale.XXXXXXXX")
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"

echo "== build tokenlint ($root/cmd/tokenlint) and the generator ($root/bench/gen)"
(cd "$root" && go build -o "$tmp/tokenlint" ./cmd/tokenlint)
# bench/ is a module of its own (github.com/tokenlint/tokenlint/bench), so
# that installing the tokenlint module installs no bench tooling.
(cd "$root/bench" && go build -o "$tmp/gen" ./gen)

check_fresh_copies "$tmp/tokenlint"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }'; }

# growth VALUE PREV_VALUE N PREV_N: (VALUE / PREV_VALUE) / (N / PREV_N)
growth() { awk -v a="$1" -v b="$2" -v n="$3" -v m="$4" 'BEGIN { if (b > 0 && m > 0) printf "%.2f", (a / b) / (n / m); else print "n/a" }'; }

# verdict DIR LABEL BAD ROUNDS NEXPECTED: the findings line of a table.
verdict() {
	local dir=$1 label=$2 bad=$3 r=$4 nexp=$5 i
	if ((bad == 0)); then
		echo "all $nexp seeded found, nothing else ($r of $r rounds)"
		return
	fi
	echo "DIFFERS from EXPECTED in $bad of $r rounds ($nexp seeded); first such round:"
	for ((i = 1; i <= r; i++)); do
		if [[ -s $dir/$label.$i.diff ]]; then
			cat "$dir/$label.$i.diff"
			break
		fi
	done
}

memtotal=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
machine="$(nproc) CPUs${cpu:+ ($cpu)}, $memtotal RAM, $(go version)"
started=$(date -u '+%Y-%m-%d %H:%M UTC')

summary=() # one line per N: "N rounds Awall Bwall Cwall Amib Bmib Cmib Bok Cok"
for spec in "${specs[@]}"; do
	n=${spec%%:*} r=$rounds
	[[ $spec != *:* ]] || r=${spec#*:}
	dir="$tmp/n$n"
	mod="$dir/scalemod"
	mkdir -p "$dir"

	echo
	echo "== N=$n: generate ($tmp/gen -workload $workload -n $n)"
	gen_line=$("$tmp/gen" -workload "$workload" -n "$n" -o "$mod" -gosum "$root/bench/module/go.sum")
	echo "$gen_line"
	nexp=$(wc -l <"$mod/EXPECTED")
	ndeps=$(cd "$mod" && go list -deps ./... | wc -l)

	echo "== N=$n: warm the build cache (go build ./..., go vet ./...)"
	(cd "$mod" && go build ./... && go vet ./...)

	echo "== N=$n: $r rounds, order A B C"
	bad_b=0 bad_c=0
	for ((i = 1; i <= r; i++)); do
		fresh_vet=$(fresh_copy "$vet" vet)
		measure "$dir" A "$i" "$mod" go vet -vettool="$fresh_vet" ./...
		rm -f "$fresh_vet"

		fresh_tl=$(fresh_copy "$tmp/tokenlint" tokenlint)
		measure "$dir" B "$i" "$mod" go vet -vettool="$fresh_tl" ./...
		rm -f "$fresh_tl"
		check "$dir" B "$i" "$mod" >"$dir/B.$i.diff" || bad_b=$((bad_b + 1))

		measure "$dir" C "$i" "$mod" "$tmp/tokenlint" ./...
		check "$dir" C "$i" "$mod" >"$dir/C.$i.diff" || bad_c=$((bad_c + 1))
	done

	declare -A wall=() mib=()
	for l in A B C; do
		wall[$l]=$(awk -v s="$(median "$dir/$l.times" 1)" 'BEGIN { printf "%.2f", s }')
		mib[$l]=$(awk -v k="$(median "$dir/$l.times" 2)" 'BEGIN { printf "%.1f", k / 1024 }')
	done

	echo
	echo "== N=$n ($r rounds, medians)"
	echo "module:  $gen_line"
	echo "         $ndeps packages with dependencies (go list -deps ./...)"
	echo
	printf '%-34s %10s %10s  %s\n' "command" "wall s" "peak MiB" "exit codes"
	printf '%-34s %10s %10s  %s\n' "A  go vet (toolchain vet)" "${wall[A]}" "${mib[A]}" "$(codes "$dir/A.times")"
	printf '%-34s %10s %10s  %s\n' "B  go vet -vettool=tokenlint" "${wall[B]}" "${mib[B]}" "$(codes "$dir/B.times")"
	printf '%-34s %10s %10s  %s\n' "C  tokenlint standalone" "${wall[C]}" "${mib[C]}" "$(codes "$dir/C.times")"
	echo
	printf '%-34s %10s %10s\n' "ratio" "time" "memory"
	printf '%-34s %10s %10s\n' "B/A" "$(ratio "${wall[B]}" "${wall[A]}")" "$(ratio "${mib[B]}" "${mib[A]}")"
	printf '%-34s %10s %10s\n' "C/A" "$(ratio "${wall[C]}" "${wall[A]}")" "$(ratio "${mib[C]}" "${mib[A]}")"
	echo
	echo "findings B: $(verdict "$dir" B "$bad_b" "$r" "$nexp")"
	echo "findings C: $(verdict "$dir" C "$bad_c" "$r" "$nexp")"

	# Expected exit codes: A 0; B 1 (go vet, findings); C 3 (findings).
	for s in "A:0" "B:1" "C:3"; do
		l=${s%%:*} ok=${s#*:}
		if awk -v ok="$ok" '$3 != ok { bad = 1 } END { exit !bad }' "$dir/$l.times"; then
			echo "note: $l had an unexpected exit code (expected $ok); stderr of its last such round:" >&2
			i=$(awk -v ok="$ok" '$3 != ok { r = NR } END { print r }' "$dir/$l.times")
			tail -n 20 "$dir/$l.$i.err" >&2
		fi
	done

	oks=()
	for bad in "$bad_b" "$bad_c"; do
		if ((bad == 0)); then oks+=(ok); else oks+=(DIFF); fi
	done
	summary+=("$n $r ${wall[A]} ${wall[B]} ${wall[C]} ${mib[A]} ${mib[B]} ${mib[C]} ${oks[0]} ${oks[1]}")
	rm -rf "$mod"
done

echo
echo "== summary across N (medians)"
echo "machine: $machine"
echo "started: $started"
echo
printf '%6s %6s | %8s %8s %8s | %8s %8s %8s | %6s %6s %6s %6s | %s\n' \
	N rounds "A s" "B s" "C s" "A MiB" "B MiB" "C MiB" "B/A t" "C/A t" "B/A m" "C/A m" "findings B,C"
for line in "${summary[@]}"; do
	read -r n r aw bw cw am bm cm okb okc <<<"$line"
	printf '%6s %6s | %8s %8s %8s | %8s %8s %8s | %6s %6s %6s %6s | %s\n' \
		"$n" "$r" "$aw" "$bw" "$cw" "$am" "$bm" "$cm" \
		"$(ratio "$bw" "$aw")" "$(ratio "$cw" "$aw")" "$(ratio "$bm" "$am")" "$(ratio "$cm" "$am")" "$okb,$okc"
done
if ((${#summary[@]} > 1)); then
	echo
	echo "growth factor = (value at N / value at previous N) / (N / previous N); <= 1.00: at most linear"
	printf '%13s | %6s %6s %6s | %6s %6s %6s\n' "N step" "A time" "B time" "C time" "A mem" "B mem" "C mem"
	prev=""
	for line in "${summary[@]}"; do
		read -r n r aw bw cw am bm cm _ _ <<<"$line"
		if [[ -n $prev ]]; then
			read -r pn _ paw pbw pcw pam pbm pcm _ _ <<<"$prev"
			printf '%13s | %6s %6s %6s | %6s %6s %6s\n' "$pn -> $n" \
				"$(growth "$aw" "$paw" "$n" "$pn")" "$(growth "$bw" "$pbw" "$n" "$pn")" "$(growth "$cw" "$pcw" "$n" "$pn")" \
				"$(growth "$am" "$pam" "$n" "$pn")" "$(growth "$bm" "$pbm" "$n" "$pn")" "$(growth "$cm" "$pcm" "$n" "$pn")"
		fi
		prev=$line
	done
	read -r fn _ _ _ _ _ _ fcm _ _ <<<"${summary[0]}"
	read -r ln _ _ _ _ _ _ lcm _ _ <<<"${summary[${#summary[@]} - 1]}"
	echo
	echo "C peak memory from N=$fn to N=$ln: $(awk -v a="$lcm" -v b="$fcm" 'BEGIN { if (b > 0) printf "%+.0f%%", (a / b - 1) * 100; else print "n/a" }') (issue 19: under +20% from 40 to 160 packages)"
fi
