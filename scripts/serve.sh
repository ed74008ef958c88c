#!/usr/bin/env bash
# THE run command: installs what serving needs (first run ~12 min: trunk and wasm-bindgen are built
# from source), then serves the web app with live reload at http://127.0.0.1:8080/.
#   PORT=9000 scripts/serve.sh        another port
#   scripts/serve.sh --release        extra arguments go to `trunk serve`
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

port="${PORT:-8080}"

scripts/setup.sh serve
# `trunk serve --release` runs wasm-opt, which comes from npm's binaryen.
for arg in "$@"; do
  if [ "$arg" = "--release" ]; then
    scripts/setup.sh npm
  fi
done

header "serving http://127.0.0.1:$port/ (the first build takes a minute or two; Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port "$port" "$@"
