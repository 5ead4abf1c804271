# Splits a heap profile's in-use bytes by what holds them, for
# bench/profile.sh. Input: `go tool pprof -traces -sample_index=inuse_space`.
# Each sample's stack is classed by the first rule below that one of its
# frames matches (the order matters: the SSA builder calls go/types, the
# importer creates go/types objects, and so on):
#
#   ssa-imports  SSA members (functions, globals, types) created for packages
#                known only from export data: ssa.(*Program).CreatePackage
#                without syntax, reached through memberFromObject
#   ssa-bodies   SSA of the packages analysed from source (function bodies)
#   export-data  types of dependencies decoded from export data (gcimporter)
#   types-info   go/types' Checker for source packages: types.Info maps and
#                the objects and types it creates
#   syntax       go/parser, go/scanner, go/ast: the files' syntax trees
#   facts        fact encoding and decoding (x/tools facts, encoding/gob)
#   engine       the engine's own data (internal/engine), analyzers
#   packages     go/packages: go list's JSON, package graph
#   other        everything else (runtime, the profiler itself)
function bytes(v, u) {
	u = v
	sub(/^[0-9.]+/, "", u)
	v += 0
	if (u == "kB") return v * 1024
	if (u == "MB") return v * 1024 * 1024
	if (u == "GB") return v * 1024 * 1024 * 1024
	if (u == "TB") return v * 1024 * 1024 * 1024 * 1024
	return v
}
function classify(stack) {
	if (stack ~ /go\/ssa\.memberFromObject/ && stack !~ /go\/ssa\.\(\*builder\)/) return "ssa-imports"
	if (stack ~ /golang\.org\/x\/tools\/go\/ssa\./) return "ssa-bodies"
	if (stack ~ /gcimporter|gcexportdata|internal\/pkgbits/) return "export-data"
	if (stack ~ /go\/types\.\(\*Checker\)|go\/types\.NewChecker/) return "types-info"
	if (stack ~ /go\/parser\.|go\/scanner\.|go\/ast\./) return "syntax"
	if (stack ~ /tools\/internal\/facts|encoding\/gob/) return "facts"
	if (stack ~ /github\.com\/tokenlint\/tokenlint/) return "engine"
	if (stack ~ /golang\.org\/x\/tools\/go\/packages/) return "packages"
	return "other"
}
function flush() {
	if (have) {
		c = classify(stack)
		sum[c] += val
		total += val
	}
	have = 0
	stack = ""
}
/^-+\+-+$/ { flush(); next }
/^ +[0-9.]+[kMGT]?B? +[^ ]/ && !have {
	have = 1
	val = bytes($1)
	stack = $2
	next
}
have { stack = stack " " $1 }
END {
	flush()
	n = split("ssa-imports ssa-bodies export-data types-info syntax facts engine packages other", order, " ")
	printf "%-12s %10s %6s\n", "class", "MiB", "share"
	for (i = 1; i <= n; i++) {
		k = order[i]
		share = total > 0 ? 100 * sum[k] / total : 0
		printf "%-12s %10.1f %5.1f%%\n", k, sum[k] / 1048576, share
	}
	printf "%-12s %10.1f\n", "total", total / 1048576
}
