#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run). Installs what is missing, then, failing fast:
#   format, clippy (native + wasm32), native tests (engine, CLI, web app logic), browser tests
#   (wasm-bindgen-test in headless Chromium), the release build, and the end-to-end test against
#   dist/ when tests/e2e/run.mjs exists.
# The last line is the summary: "test.sh: PASS|FAIL: N passed, M failed ...", where the counts add up
# every cargo-style "test result: ... N passed; M failed" line printed by the stages (a stage that
# fails without a failing test counts as one failure). Logs: target/test-logs/.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# cfn-lint from the project venv, for the tests that lint generated CloudFormation.
export PATH="$VENV/bin:$PATH"
# For browser-driving tests (end-to-end, audits).
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

LOG_DIR="$ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log

STAGE_LINES=()
CURRENT_STAGE=""
STAGE_START=0
STAGE_NO=0

count_results() {
  # Sum "N passed" / "M failed" over all cargo-style result lines in the stage logs.
  cat "$LOG_DIR"/*.log 2>/dev/null | awk '
    /test result: / {
      for (i = 1; i <= NF; i++) {
        if ($(i) ~ /^passed;?$/) p += $(i - 1)
        if ($(i) ~ /^failed;?$/) f += $(i - 1)
      }
    }
    END { printf "%d %d\n", p, f }'
}

summary() {
  local rc=$?
  local passed failed
  read -r passed failed < <(count_results)
  if [ -n "$CURRENT_STAGE" ]; then
    STAGE_LINES+=("FAILED  $CURRENT_STAGE ($((SECONDS - STAGE_START))s, exit $rc)")
    if [ "$failed" -eq 0 ]; then
      failed=1
    fi
  fi
  header "summary"
  local line
  for line in "${STAGE_LINES[@]}"; do
    info "$line"
  done
  info "logs: ${LOG_DIR#"$ROOT"/}/"
  if [ "$rc" -eq 0 ]; then
    printf '\ntest.sh: PASS: %d passed, %d failed (%d stages)\n' "$passed" "$failed" "${#STAGE_LINES[@]}"
  else
    printf '\ntest.sh: FAIL: %d passed, %d failed (stage "%s" failed)\n' "$passed" "$failed" "$CURRENT_STAGE"
  fi
}
trap summary EXIT

# stage NAME COMMAND...: run one stage, output to the terminal and to target/test-logs/NN-*.log.
stage() {
  local name="$1"
  shift
  STAGE_NO=$((STAGE_NO + 1))
  CURRENT_STAGE="$name"
  STAGE_START=$SECONDS
  local log
  log="$LOG_DIR/$(printf '%02d' "$STAGE_NO")-$(printf '%s' "$name" | tr -c 'a-zA-Z0-9' '-' | tr -s '-').log"
  header "[$STAGE_NO] $name"
  info "\$ $*"
  "$@" 2>&1 | tee "$log"
  STAGE_LINES+=("ok      $name ($((SECONDS - STAGE_START))s)")
  CURRENT_STAGE=""
}

skip() {
  STAGE_LINES+=("skipped $1")
}

stage "setup" scripts/setup.sh all
stage "format" cargo fmt --all --check
stage "clippy (native, all targets)" cargo clippy --workspace --all-targets -- -D warnings
stage "clippy (wasm32, web app)" \
  cargo clippy -p symfony-lambda-web --target wasm32-unknown-unknown --all-targets -- -D warnings
stage "tests (native)" cargo test --workspace
stage "tests (browser, headless Chromium)" cargo test -p symfony-lambda-web --target wasm32-unknown-unknown
stage "release build" scripts/build-release.sh --skip-setup
if [ -f tests/e2e/run.mjs ]; then
  stage "end-to-end (dist/)" node tests/e2e/run.mjs
else
  skip "end-to-end (tests/e2e/run.mjs does not exist yet)"
fi
