#!/usr/bin/env bash
# Screenshots of every wizard step (1280x800 and 360x800, light and dark, plus a few states) of
# the release build, into screenshots/ (gitignored). Builds dist/ first unless it exists and
# --reuse is given.
#
#   scripts/screenshots.sh                     build dist/, then take the screenshots
#   scripts/screenshots.sh --reuse             use dist/ as it is when it exists
#   scripts/screenshots.sh --viewport-only     only what fits in the window, not whole pages
#   scripts/screenshots.sh --dist DIR          screenshots of another build (nothing is built)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

reuse=0
node_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse) reuse=1; shift ;;
    --viewport-only) node_args+=(--viewport-only); shift ;;
    --dist) [ $# -ge 2 ] || die "--dist needs a directory"; node_args+=(--dist "$2"); reuse=1; shift 2 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

if [ "$reuse" -eq 0 ] || { [ ! -f dist/index.html ] && [[ " ${node_args[*]-} " != *" --dist "* ]]; }; then
  scripts/build-release.sh --skip-setup
fi
[ -d node_modules/playwright-core ] || die "node_modules/ lacks playwright-core: run scripts/setup.sh"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
header "screenshots"
node scripts/screenshots.mjs "${node_args[@]+"${node_args[@]}"}"
