#!/usr/bin/env bash
# The composite action's two runs of migrate-openai, from the action's own checkout:
#   report  writes the Markdown report (and SARIF) without gating, for the comment and upload;
#   gate    prints annotations, appends the job summary and exits 1 while manual actions remain.
# Inputs arrive as MIGRATE_OPENAI_* variables, never spliced into the script.
set -euo pipefail

cli=(node "$GITHUB_ACTION_PATH/bin/migrate-openai.js")
paths=()
read -r -d '' -a paths <<< "${MIGRATE_OPENAI_PATHS:-.}" || true
options=(--root . --no-color)
[[ -n "${MIGRATE_OPENAI_TO:-}" ]] && options+=(--to "$MIGRATE_OPENAI_TO")
[[ -n "${MIGRATE_OPENAI_REGION:-}" ]] && options+=(--region "$MIGRATE_OPENAI_REGION")
[[ -n "${MIGRATE_OPENAI_BASE:-}" ]] && options+=(--base "$MIGRATE_OPENAI_BASE")
[[ -n "${MIGRATE_OPENAI_CHANGED_SINCE:-}" ]] && options+=(--changed-since "$MIGRATE_OPENAI_CHANGED_SINCE")
out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/migrate-openai"
mkdir -p "$out"

case "${1:-}" in
  report)
    echo "cli=$GITHUB_ACTION_PATH/bin/migrate-openai.js" >> "$GITHUB_OUTPUT"
    # --fail-on none: a configuration file's failOn must not stop the report steps.
    "${cli[@]}" report "${paths[@]}" "${options[@]}" --fail-on none --format markdown --out "$out/report.md"
    echo "markdown=$out/report.md" >> "$GITHUB_OUTPUT"
    if [[ "${MIGRATE_OPENAI_SARIF:-true}" == true ]]; then
      "${cli[@]}" report "${paths[@]}" "${options[@]}" --fail-on none --format sarif --out "$out/report.sarif"
      echo "sarif=$out/report.sarif" >> "$GITHUB_OUTPUT"
    fi
    ;;
  gate)
    "${cli[@]}" report "${paths[@]}" "${options[@]}" --format github --fail-on "${MIGRATE_OPENAI_FAIL_ON:-error}"
    ;;
  *)
    echo "usage: run.sh report|gate" >&2
    exit 2
    ;;
esac
