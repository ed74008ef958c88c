#!/usr/bin/env bash
# Release build of the web app into dist/, with precompressed copies (.gz, and .br when brotli is
# installed) next to each text/wasm file, then a size table against the budget.
#
#   scripts/build-release.sh                          site served at /
#   scripts/build-release.sh --public-url /tools/sl/  site served under a sub-path
#   scripts/build-release.sh --enforce-budget         exit 1 when the total gzip size is over budget
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

BUDGET_KIB=170
public_url=""
enforce_budget=0
skip_setup=0
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) [ $# -ge 2 ] || die "--public-url needs a value"; public_url="$2"; shift 2 ;;
    --public-url=*) public_url="${1#--public-url=}"; shift ;;
    --enforce-budget) enforce_budget=1; shift ;;
    --skip-setup) skip_setup=1; shift ;;
    -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

if [ "$skip_setup" -eq 0 ]; then
  "$ROOT/scripts/setup.sh" build
fi

header "trunk build --release${public_url:+ --public-url $public_url}"
trunk_args=(build --release)
if [ -n "$public_url" ]; then
  trunk_args+=(--public-url "$public_url")
fi
trunk "${trunk_args[@]}"

header "precompress dist/ (gzip -9$(command -v brotli >/dev/null 2>&1 && printf ', brotli -q 11'))"
have_brotli=0
if command -v brotli >/dev/null 2>&1; then
  have_brotli=1
else
  info "brotli not installed: writing .gz only (apt-get install brotli)"
fi
count=0
while IFS= read -r -d '' f; do
  gzip -9 -n -k -f "$f"
  if [ "$have_brotli" -eq 1 ]; then
    brotli -q 11 -k -f "$f"
  fi
  count=$((count + 1))
done < <(find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.wasm' \
  -o -name '*.css' -o -name '*.svg' -o -name '*.json' -o -name '*.txt' -o -name '*.xml' \
  -o -name '*.webmanifest' -o -name '*.map' \) -print0)
info "$count files compressed"

size_of() { stat -c %s "$1"; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

header "sizes (dist/)"
printf '    %-44s %10s %10s %10s\n' "file" "raw KiB" "gzip KiB" "br KiB"
total_raw=0
total_gz=0
total_br=0
while IFS= read -r f; do
  raw=$(size_of "$f")
  gz=$(size_of "$f.gz")
  br="-"
  if [ -f "$f.br" ]; then
    br=$(size_of "$f.br")
    total_br=$((total_br + br))
    br=$(kib "$br")
  fi
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '    %-44s %10s %10s %10s\n' "${f#dist/}" "$(kib "$raw")" "$(kib "$gz")" "$br"
done < <(find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name 'index.html' \) | sort)
total_br_kib="-"
if [ "$have_brotli" -eq 1 ]; then
  total_br_kib=$(kib "$total_br")
fi
printf '    %-44s %10s %10s %10s\n' "total (html + js + wasm + css)" "$(kib "$total_raw")" "$(kib "$total_gz")" "$total_br_kib"

budget=$((BUDGET_KIB * 1024))
if [ "$total_gz" -le "$budget" ]; then
  printf '    budget: %s KiB gzip of %s KiB (%s%%): within budget\n' \
    "$(kib "$total_gz")" "$BUDGET_KIB" "$((total_gz * 100 / budget))"
else
  printf '    budget: %s KiB gzip of %s KiB: OVER BUDGET by %s KiB\n' \
    "$(kib "$total_gz")" "$BUDGET_KIB" "$(kib $((total_gz - budget)))"
  if [ "$enforce_budget" -eq 1 ]; then
    exit 1
  fi
fi
