#!/usr/bin/env bash
# Install every tool the build and the tests need, offline-safe (only package registries are used).
# Idempotent: each step checks first and is skipped when its tool is already there.
#
#   scripts/setup.sh            everything (what scripts/test.sh needs)
#   scripts/setup.sh serve      only what `trunk serve` needs
#   scripts/setup.sh build      what the release build needs (serve + wasm-opt + brotli)
#   scripts/setup.sh STEP...    single steps: toolchain trunk wasm-bindgen apt npm venv fetch
#
# Cold run on 2 cores: ~12 min (trunk ~8.5 min, wasm-bindgen-cli ~2.5 min); warm run: seconds.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

# Pinned tool versions (wasm-bindgen's is read from Cargo.lock).
TRUNK_VERSION="0.21.14"   # 0.22 needs rustc >= 1.96.1
CFN_LINT_VERSION="1.58.0"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

# Rust: the wasm target plus rustfmt and clippy.
step_toolchain() {
  header "setup: Rust toolchain (wasm32-unknown-unknown, rustfmt, clippy)"
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    info "wasm32-unknown-unknown: present"
  else
    rustup target add wasm32-unknown-unknown
  fi
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ ${#missing[@]} -eq 0 ]; then
    info "rustfmt, clippy: present"
  else
    rustup component add "${missing[@]}"
  fi
}

# trunk: pinned, 0.22 needs a newer rustc than the one installed.
step_trunk() {
  header "setup: trunk $TRUNK_VERSION"
  local have=""
  if command -v trunk >/dev/null 2>&1; then
    have="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$TRUNK_VERSION" ]; then
    info "trunk $have: present ($(command -v trunk))"
  else
    info "trunk: ${have:-missing}, installing $TRUNK_VERSION (~8.5 min cold)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

# wasm-bindgen CLI (wasm-bindgen + wasm-bindgen-test-runner): must equal the crate version in
# Cargo.lock exactly. No --locked: one locked dependency version is missing from the registry mirror.
step_wasm_bindgen() {
  local want
  want="$(locked_wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen package in Cargo.lock"
  header "setup: wasm-bindgen-cli $want (from Cargo.lock)"
  local pinned
  pinned="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
  if [ "$pinned" != "$want" ]; then
    die "Trunk.toml [tools] wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $want: make them equal"
  fi
  local have=""
  if command -v wasm-bindgen >/dev/null 2>&1; then
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$want" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    info "wasm-bindgen $have and wasm-bindgen-test-runner: present"
  else
    info "wasm-bindgen: ${have:-missing}, installing $want (~2.5 min cold)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# Debian packages: headless Chromium + chromedriver (browser tests, end-to-end tests), brotli.
apt_missing() {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      printf '%s\n' "$pkg"
    fi
  done
}

install_apt() {
  local missing
  mapfile -t missing < <(apt_missing "$@")
  if [ ${#missing[@]} -eq 0 ]; then
    info "apt: $* present"
    return
  fi
  info "apt: installing ${missing[*]}"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
}

step_apt() {
  header "setup: Debian packages (chromium, chromium-driver, brotli)"
  install_apt chromium chromium-driver brotli php-cli
}

step_apt_build() {
  header "setup: Debian packages (brotli)"
  install_apt brotli
}

# npm: wasm-opt (binaryen 132), playwright-core, axe-core, from the committed package-lock.json.
step_npm() {
  header "setup: npm packages (package-lock.json)"
  local want have=""
  want="$(sha256sum package-lock.json | awk '{print $1}')"
  local stamp="node_modules/.setup-lock.sha256"
  if [ -f "$stamp" ]; then
    have="$(cat "$stamp")"
  fi
  if [ "$have" = "$want" ] && [ -x node_modules/.bin/wasm-opt ]; then
    info "node_modules: up to date"
  else
    info "node_modules: ${have:+stale}${have:-missing}, running npm ci"
    npm ci --no-audit --no-fund
    printf '%s\n' "$want" >"$stamp"
  fi
  local wasm_opt_version
  wasm_opt_version="$(wasm-opt --version)"
  case "$wasm_opt_version" in
    *"version 132"*) info "$(command -v wasm-opt): $wasm_opt_version" ;;
    *) die "wasm-opt on PATH is '$wasm_opt_version', expected version 132 (npm binaryen)" ;;
  esac
}

# Python venv with cfn-lint (the tests validate generated CloudFormation with it).
step_venv() {
  header "setup: Python venv .tools/venv (cfn-lint $CFN_LINT_VERSION)"
  local have=""
  if [ -x "$VENV/bin/cfn-lint" ]; then
    have="$("$VENV/bin/cfn-lint" --version 2>/dev/null | awk '{print $2}')" || have=""
  fi
  if [ "$have" = "$CFN_LINT_VERSION" ]; then
    info "cfn-lint $have: present"
  else
    info "cfn-lint: ${have:-missing}, installing $CFN_LINT_VERSION"
    if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
      rm -rf "$VENV"
      python3 -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION"
    "$VENV/bin/cfn-lint" --version
  fi
}

# Crates: Trunk.toml has offline = true, which makes trunk pass --offline to cargo.
step_fetch() {
  header "setup: cargo fetch"
  cargo fetch
}

run_step() {
  case "$1" in
    toolchain) step_toolchain ;;
    trunk) step_trunk ;;
    wasm-bindgen) step_wasm_bindgen ;;
    apt) step_apt ;;
    npm) step_npm ;;
    venv) step_venv ;;
    fetch) step_fetch ;;
    all) for s in toolchain trunk wasm-bindgen apt npm venv fetch; do run_step "$s"; done ;;
    serve) for s in toolchain trunk wasm-bindgen fetch; do run_step "$s"; done ;;
    build) run_step serve; step_npm; step_apt_build ;;
    *) die "unknown setup step '$1' (all serve build toolchain trunk wasm-bindgen apt npm venv fetch)" ;;
  esac
}

if [ $# -eq 0 ]; then
  set -- all
fi
for arg in "$@"; do
  run_step "$arg"
done
header "setup: done ($*)"
