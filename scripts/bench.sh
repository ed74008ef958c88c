#!/usr/bin/env bash
# Measures the release build and prints the numbers against the targets; never fails on them.
#   (a) first-load size (gzip -9 and brotli) against the 170 KiB budget,
#   (b) edit-to-screen latency in headless Chromium (median and p95 over 30 edits),
#   (c) Lighthouse mobile scores (report in target/bench/lighthouse.json).
#
#   scripts/bench.sh                    release build, then measure
#   scripts/bench.sh --reuse            measure dist/ as it is when it exists
#   scripts/bench.sh --no-lighthouse    skip (c), which takes 15-30 seconds
#   scripts/bench.sh --dist DIR         measure another build (nothing is built)
#   other arguments go to scripts/bench.mjs (--edits N, --cpu RATE)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

reuse=0
node_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse) reuse=1; shift ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    --dist) [ $# -ge 2 ] || die "--dist needs a directory"; node_args+=(--dist "$2"); reuse=1; shift 2 ;;
    *) node_args+=("$1"); shift ;;
  esac
done

if [ "$reuse" -eq 0 ] || { [ ! -f dist/index.html ] && [[ " ${node_args[*]-} " != *" --dist "* ]]; }; then
  scripts/build-release.sh --skip-setup
fi
[ -d node_modules/playwright-core ] || die "node_modules/ lacks playwright-core: run scripts/setup.sh"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
node scripts/bench.mjs "${node_args[@]+"${node_args[@]}"}"
