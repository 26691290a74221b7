#!/bin/sh
# Builds home's first view (src/first/main.rs, README "The first view"): a wasm module of
# its own, without Leptos, that the page loader (Trunk.toml) starts on home instead of
# the app. Run by post-build.sh in Trunk's staging dir, as the app's module is built:
#   cargo            the `first` bin, for wasm, in Trunk's profile;
#   wasm-split-cli   only to drop the relocations `--emit-relocs` links in (no split points);
#   wasm-bindgen     its glue;
#   wasm-opt -Oz     in a release build.
# Both files are named after a hash of their content, and their names are written into
# the loader of every page (`const first = […]`). Running it twice changes nothing.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${TRUNK_STAGING_DIR:?run by trunk, or set TRUNK_STAGING_DIR}"
profile="${TRUNK_PROFILE:-release}"
target="${CARGO_TARGET_DIR:-$here/target}"
release=""
[ "$profile" = release ] && release="--release"
# shellcheck disable=SC2086
(cd "$here" && cargo build --locked --offline --quiet $release --target wasm32-unknown-unknown --bin first)
wasm="$target/wasm32-unknown-unknown/$profile/first.wasm"
[ -f "$wasm" ] || { echo "first-wasm: no $wasm" >&2; exit 1; }

cd "$dir"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wasm-split-cli "$wasm" "$tmp" --out-name first >/dev/null 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$tmp/bg" --out-name first "$tmp/first.wasm"
if [ "$profile" = release ]; then
  wasm-opt -Oz "$tmp/bg/first_bg.wasm" -o "$tmp/first_bg.wasm" 2>"$tmp/opt.log" || { cat "$tmp/opt.log" >&2; exit 1; }
else
  cp "$tmp/bg/first_bg.wasm" "$tmp/first_bg.wasm"
fi
rm -f first-*.js first-*_bg.wasm
stem="first-$(cat "$tmp/first_bg.wasm" "$tmp/bg/first.js" | sha256sum | cut -c1-16)"
cp "$tmp/first_bg.wasm" "${stem}_bg.wasm"
cp "$tmp/bg/first.js" "$stem.js"
find . -name '*.html' -exec sed -i "s|const first = \[.*\];|const first = ['$stem.js', '${stem}_bg.wasm'];|" {} +
grep -qF "const first = ['$stem.js', '${stem}_bg.wasm'];" index.html || { echo "first-wasm: index.html does not name the first view's files" >&2; exit 1; }
echo "first-wasm: $stem.js, ${stem}_bg.wasm"
