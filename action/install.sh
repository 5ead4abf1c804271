#!/usr/bin/env bash
# The tokenlint action's install step (action.yml). Inputs arrive as
# environment variables, never expanded into this script:
#   TOKENLINT_VERSION     the version input: '' (the action's own ref),
#                         source (the same), or a go install version
#   TOKENLINT_ACTION_REF  github.action_ref: the ref in "uses:", for the log
#   TOKENLINT_SARIF, TOKENLINT_FAIL_ON_FINDINGS, TOKENLINT_ONLY_NEW
#                         'true' or 'false'
#   GITHUB_ACTION_PATH    the action's checkout, at that ref
#   GITHUB_PATH           the file that adds directories to PATH
set -euo pipefail

for v in "sarif=${TOKENLINT_SARIF:-}" "fail-on-findings=${TOKENLINT_FAIL_ON_FINDINGS:-}" "only-new=${TOKENLINT_ONLY_NEW:-false}"; do
  case "${v#*=}" in
    true|false) ;;
    *) echo "::error title=tokenlint::input ${v%%=*} must be 'true' or 'false'"; exit 1 ;;
  esac
done
if [ "${TOKENLINT_ONLY_NEW:-false}" = true ] && [ "$TOKENLINT_SARIF" = true ]; then
  # A SARIF without the old findings would close their alerts; code
  # scanning compares a pull request with its base by itself.
  echo "::error title=tokenlint::input only-new needs sarif: 'false' (annotations): code scanning already shows only the alerts a pull request adds, and a SARIF without the old findings would close their alerts"
  exit 1
fi
if ! command -v go >/dev/null 2>&1; then
  echo "::error title=tokenlint::go is not on PATH: run actions/setup-go before the tokenlint action"
  exit 1
fi

case "${TOKENLINT_VERSION:-}" in
  ""|source)
    # The tokenlint of the action's own checkout: the commit that "uses:"
    # names (a release tag, the moving major tag, a branch or a SHA), so
    # the scripts and the tool are the same release.
    echo "tokenlint: building the action's own ref (${TOKENLINT_ACTION_REF:-local checkout}) from $GITHUB_ACTION_PATH"
    (cd "$GITHUB_ACTION_PATH" && GOWORK=off GOFLAGS=-mod=readonly go install ./cmd/tokenlint)
    ;;
  *)
    go install "github.com/tokenlint/tokenlint/cmd/tokenlint@${TOKENLINT_VERSION}"
    ;;
esac
bin=$(go env GOBIN)
if [ -z "$bin" ]; then
  gopath=$(go env GOPATH)
  bin="${gopath%%:*}/bin"
fi
echo "$bin" >> "$GITHUB_PATH"
"$bin/tokenlint" -version
