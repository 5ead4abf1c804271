#!/usr/bin/env bash
# tokenlint against plain go vet on the service workload (bench/gen
# -workload=service): N packages of ~4,000 lines each over S3 and STS,
# calling each other, one seeded finding each; issue 19's first row.
# The measurement is bench/operator.sh's (the same rounds, ratios and
# checks); see bench/README.md, section "The service workload".
#
# usage: bench/service.sh [-n ROUNDS] [-p PACKAGES] [MODULE_DIR]
#   -p PACKAGES   size of the generated module (default 80)
exec "$(dirname "${BASH_SOURCE[0]}")/operator.sh" -w service "$@"
