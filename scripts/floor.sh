#!/usr/bin/env bash
# The floor under home's wasm (issue 9): three probes, each built and cut as home's module
# is (cargo → wasm-split-cli → wasm-bindgen → wasm-opt -Oz → gzip -9):
#   examples/floor_leptos.rs    Leptos alone: an input, a memo, a paragraph;
#   examples/floor_catalog.rs   + reading the catalog the build checked (stamp::load_stamped);
#   examples/floor_search.rs    + searching it as home does (SearchIndex, browse_from).
# Nothing of the app's views, store, router or worker is in them. With the first view's
# other files (from dist/, when a build is there) floor_search is the least a first view
# with Leptos can weigh: the reason home's first view is a module without Leptos
# (src/first, docs/architecture.md, "The first view"), whose own figure the build prints. Usage: make floor.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
probes=(floor_leptos floor_catalog floor_search)
cargo build --locked --quiet --release --target wasm32-unknown-unknown "${probes[@]/#/--example=}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
gz() { gzip -9 -c "$1" | wc -c; }
printf '%-16s %12s %12s %12s\n' probe "wasm gzip" "glue gzip" "step"
prev=0
declare -A total
for p in "${probes[@]}"; do
  wasm-split-cli "target/wasm32-unknown-unknown/release/examples/$p.wasm" "$tmp/$p" \
    --out-name "$p" >/dev/null 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
  wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$tmp/$p/bg" \
    --out-name "$p" "$tmp/$p/$p.wasm"
  wasm-opt -Oz "$tmp/$p/bg/${p}_bg.wasm" -o "$tmp/$p.wasm" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
  wasm=$(gz "$tmp/$p.wasm"); glue=$(gz "$tmp/$p/bg/$p.js")
  total[$p]=$((wasm + glue))
  printf '%-16s %12d %12d %+12d\n' "$p" "$wasm" "$glue" $((wasm - prev))
  prev=$wasm
done
if [ -f dist/index.html ] && [ -f dist/catalog.json ]; then
  css=$(find dist -maxdepth 1 -name 'main-*.css' | head -1)
  rest=$(( $(gz dist/index.html) + $(gz "$css") + $(gz dist/catalog.json) ))
  echo "index.html + css + catalog.json of dist/: $rest"
  echo "floor of a first view with Leptos (floor_search's wasm and glue + those): $((total[floor_search] + rest)) (budget 120,000)"
  first=0
  for f in dist/first-*; do
    [ -f "$f" ] && first=$((first + $(gz "$f")))
  done
  if [ "$first" -gt 0 ]; then
    echo "the first view without Leptos (src/first) in dist/, its glue and wasm + those: $((first + rest))"
  fi
fi
