#!/usr/bin/env bash
# Installs what the build and tests need, each tool only when missing or at the wrong
# version, and never from GitHub (TOOLCHAIN.md). Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the crate locked in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Builds run `--offline` (Trunk passes it to cargo): fetch the locked crates first, a
# no-op when they are already in the registry cache.
cargo fetch --locked --quiet

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (~10 min, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (~3 min, once)"
  # Not --locked: the registry mirror lacks one of its pinned dependency versions.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# The wasm splitter (`catalog site`, src/bin/catalog/site.rs): the pages other than home in a chunk of their own.
WSPLIT_VERSION=0.2.4
# (It has no --version: cargo's list of installed crates tells.)
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WSPLIT_VERSION:"; then
  say "installing wasm_split_cli_support $WSPLIT_VERSION (~2 min, once)"
  cargo install --locked wasm_split_cli_support --version "$WSPLIT_VERSION" --features build-binary
fi

# npm packages pinned in package.json: wasm-opt and esbuild (which minifies the glue and
# the stylesheet) for the build, axe-core for tests/a11y.rs, the Nu Html Checker (vnu-jar)
# for tests/html.rs.
AXE_VERSION=$(node -p "require('./package.json').devDependencies['axe-core']")
VNU_VERSION=$(node -p "require('./package.json').devDependencies['vnu-jar']")
ESBUILD_VERSION=$(node -p "require('./package.json').devDependencies.esbuild")
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132' \
  || [ "$(esbuild --version 2>/dev/null)" != "$ESBUILD_VERSION" ] \
  || [ "$(node -p "require('./node_modules/axe-core/package.json').version" 2>/dev/null)" != "$AXE_VERSION" ] \
  || [ "$(node -p "require('./node_modules/vnu-jar/package.json').version" 2>/dev/null)" != "$VNU_VERSION" ]; then
  say "installing wasm-opt (npm binaryen@132), esbuild $ESBUILD_VERSION, axe-core $AXE_VERSION and vnu-jar $VNU_VERSION"
  npm ci --no-audit --no-fund
fi

# The browsers of the end-to-end suite: all three engines, or those in E2E_ENGINES.
GECKODRIVER_VERSION=0.37.1
wants() { [ -z "${E2E_ENGINES:-}" ] || [[ ",${E2E_ENGINES// /}," == *",$1,"* ]]; }
# rclone uploads a dist to an object store (`make deploy-s3`); its test runs the upload
# against moto's S3 server. moto, feedparser and jsonschema come from PyPI into
# target/tools/py, pinned in scripts/requirements.txt.
PY=target/tools/py
apt_install() {
  say "installing $* from apt (~2 min, once)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
if [ "${1:-}" = "--deploy" ]; then
  command -v rclone >/dev/null || apt_install rclone
  exit 0
fi

if [ "${1:-}" = "--browser" ]; then
  PKGS=()
  command -v rclone >/dev/null || PKGS+=(rclone)
  python3 -c 'import ensurepip' 2>/dev/null || PKGS+=(python3-venv)
  # The Nu Html Checker (npm vnu-jar, with the other npm tools) runs on Java.
  command -v java >/dev/null || PKGS+=(default-jre-headless)
  if wants chromium; then
    command -v chromium >/dev/null || PKGS+=(chromium)
    command -v chromedriver >/dev/null || PKGS+=(chromium-driver)
  fi
  if wants firefox; then
    command -v firefox-esr >/dev/null || PKGS+=(firefox-esr)
  fi
  if wants webkit; then
    command -v WebKitWebDriver >/dev/null || PKGS+=(webkit2gtk-driver)
    command -v Xvfb >/dev/null || PKGS+=(xvfb)
  fi
  if [ ${#PKGS[@]} -gt 0 ]; then
    apt_install "${PKGS[@]}"
  fi
  if ! cmp -s scripts/requirements.txt "$PY/requirements.txt"; then
    say "installing scripts/requirements.txt from PyPI into $PY (~1 min, once)"
    rm -rf "$PY"
    python3 -m venv "$PY"
    "$PY/bin/pip" install --quiet --disable-pip-version-check -r scripts/requirements.txt
    cp scripts/requirements.txt "$PY/requirements.txt"
  fi
  if wants firefox && [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION from crates.io (~4 min, once)"
    cargo install --locked "geckodriver@$GECKODRIVER_VERSION"
  fi
fi

say "tools ready: $(trunk --version), wasm-bindgen $WBG_VERSION, wasm-split $WSPLIT_VERSION, $(wasm-opt --version | cut -d' ' -f1-3)"
