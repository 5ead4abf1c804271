#!/usr/bin/env bash
# The tokenlint action's run step (action.yml), in the working directory.
# Usage: run.sh sarif|annotations. Inputs arrive as environment variables:
#   TOKENLINT_ARGS, TOKENLINT_PACKAGES  words, no shell quoting
#   TOKENLINT_SARIF_FILE                sarif mode: where to write it
#   TOKENLINT_FAIL_ON_FINDINGS          annotations mode: exit 3 on findings
#   TOKENLINT_ONLY_NEW                  'true': report only the findings the
#                                       head adds to TOKENLINT_BASE
#   TOKENLINT_BASE                      the base commit (the pull request's)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY  the step's output and summary files
set -euo pipefail

mode=$1
read -r -d '' -a args <<< "${TOKENLINT_ARGS:-}" || true
read -r -d '' -a packages <<< "${TOKENLINT_PACKAGES:-./...}" || true
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# only-new: the findings of the base become a baseline (written in a git
# worktree of the base commit, in the same working directory), and the
# head reports only the findings that are not in it.
baseline_args=()
compared=""
if [ "${TOKENLINT_ONLY_NEW:-false}" = true ]; then
  if [ -z "${TOKENLINT_BASE:-}" ]; then
    echo "::warning title=tokenlint::only-new: no base commit (not a pull request, and no base input): reporting all findings"
  else
    top=$(git rev-parse --show-toplevel)
    prefix=$(git rev-parse --show-prefix)
    if ! git cat-file -e "${TOKENLINT_BASE}^{commit}" 2>/dev/null; then
      # actions/checkout fetches only the head commit by default.
      git fetch --no-tags --quiet --depth=1 origin "$TOKENLINT_BASE"
    fi
    baseline="$work/baseline.json"
    git -C "$top" worktree add --quiet --detach "$work/base" "$TOKENLINT_BASE"
    code=0
    (cd "$work/base/$prefix" && tokenlint -write-baseline="$baseline" "${args[@]}" "${packages[@]}") || code=$?
    git -C "$top" worktree remove --force "$work/base"
    if [ "$code" = 0 ]; then
      baseline_args=(-baseline="$baseline")
      compared=" new since ${TOKENLINT_BASE:0:12}"
    else
      echo "::warning title=tokenlint::only-new: tokenlint failed on the base commit ${TOKENLINT_BASE:0:12} (exit status $code): reporting all findings"
    fi
  fi
fi

code=0
case "$mode" in
  sarif)
    case "${TOKENLINT_SARIF_FILE:-}" in
      "") echo "::error title=tokenlint::input sarif-file is empty"; exit 1 ;;
      /*) sarif_file=$TOKENLINT_SARIF_FILE ;;
      *) sarif_file="$PWD/$TOKENLINT_SARIF_FILE" ;;
    esac
    mkdir -p "$(dirname "$sarif_file")"
    tokenlint -format=sarif "${baseline_args[@]}" "${args[@]}" "${packages[@]}" > "$sarif_file" || code=$?
    ;;
  annotations)
    out="$work/annotations"
    tokenlint -format=github "${baseline_args[@]}" "${args[@]}" "${packages[@]}" > "$out" || code=$?
    cat "$out"
    ;;
  *)
    echo "::error title=tokenlint::run.sh: unknown mode $mode"; exit 1 ;;
esac
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
case "$code" in
  0|3) ;;
  *)
    echo "::error title=tokenlint::tokenlint failed with exit status $code (bad flags, or packages that do not load or type-check): see the log above.${sarif_file:+ The SARIF file is not uploaded.}"
    echo "**tokenlint** failed with exit status $code: see the log." >> "$summary"
    exit "$code"
    ;;
esac

if [ "$mode" = sarif ]; then
  if command -v jq >/dev/null 2>&1; then
    findings=$(jq '[.runs[].results[]] | length' "$sarif_file")
    # The findings in the log too, as file:line:col: message.
    jq -r '.runs[].results[] | .locations[0].physicalLocation as $l | "\($l.artifactLocation.uri):\($l.region.startLine):\($l.region.startColumn): \(.message.text)"' "$sarif_file"
  else
    findings=$(grep -c '"ruleId"' "$sarif_file" || true)
  fi
  {
    echo "findings=$findings"
    echo "sarif-file=$sarif_file"
  } >> "$GITHUB_OUTPUT"
  echo "tokenlint: $findings finding(s)$compared, exit status $code; SARIF in $sarif_file"
else
  findings=$(grep -c '^::error ' "$out" || true)
  echo "findings=$findings" >> "$GITHUB_OUTPUT"
  echo "tokenlint: $findings finding(s)$compared, exit status $code"
fi
echo "**tokenlint**: $findings finding(s)$compared." >> "$summary"
if [ "$mode" = annotations ] && [ "$code" = 3 ] && [ "${TOKENLINT_FAIL_ON_FINDINGS:-true}" = true ]; then
  exit 3
fi
