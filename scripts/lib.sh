# shellcheck shell=bash
# Shared by the scripts in scripts/: repository root, PATH, small helpers. Sourced, never run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Tools: wasm-opt (npm binaryen 132) comes first so that a Debian binaryen (108, breaks the bundle)
# is never picked; trunk, wasm-bindgen and wasm-bindgen-test-runner come from ~/.cargo/bin.
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

# Every cargo build (native, wasm tests, trunk) shares one cache: target/ in the repository.
unset CARGO_TARGET_DIR

# Python venv of the test tools (cfn-lint).
# shellcheck disable=SC2034 # used by the scripts that source this file
VENV="$ROOT/.tools/venv"

# Print a visible header for a stage.
header() {
  if [ -t 1 ]; then
    printf '\n\033[1m==> %s\033[0m\n' "$*"
  else
    printf '\n==> %s\n' "$*"
  fi
}

info() {
  printf '    %s\n' "$*"
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The exact version of the wasm-bindgen crate locked in Cargo.lock.
locked_wasm_bindgen_version() {
  awk '
    /^name = "wasm-bindgen"$/ { found = 1; next }
    found && /^version = / { gsub(/^version = "|"$/, ""); print; exit }
  ' "$ROOT/Cargo.lock"
}
