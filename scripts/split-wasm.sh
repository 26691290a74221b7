#!/bin/sh
# Cuts the chunks out of the app's wasm (src/app/lazy.rs: the pages, a split catalog's
# index code), as cargo-leptos does for Leptos' `#[lazy]`: Trunk 0.21 cannot. Run by
# post-build.sh in Trunk's staging dir, after Trunk's own wasm-bindgen (index.html turns
# Trunk's wasm-opt off); from Cargo's wasm:
#   wasm-split-cli   Cargo's wasm (linked with --emit-relocs, .cargo/config.toml) → the main
#                    module, split_pages.wasm, split_index.wasm, chunk_N.wasm (code both
#                    need and the main module does not) and __wasm_split.js, the loader;
#   wasm-bindgen     the main module, keeping the linker's exports the chunk imports;
#   wasm-opt -Oz     each module, in a release build.
# The main module and its glue replace Trunk's two files under the same hashed names. The
# chunks and their loader get names hashed from their content, so a browser never pairs a
# cached chunk with another build's main module. Running it twice changes nothing.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${TRUNK_STAGING_DIR:?run by trunk, or set TRUNK_STAGING_DIR}"
profile="${TRUNK_PROFILE:-release}"
wasm="${CARGO_TARGET_DIR:-$here/target}/wasm32-unknown-unknown/$profile/ship-or-skip.wasm"

cd "$dir"
set -- ship-or-skip-*.js
[ $# -eq 1 ] && [ -f "$1" ] || { echo "split-wasm: expected one ship-or-skip-*.js in $dir" >&2; exit 1; }
stem="${1%.js}"
[ -f "$wasm" ] || { echo "split-wasm: no $wasm" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wasm-split-cli "$wasm" "$tmp" --out-name "$stem" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$tmp/bg" \
  --out-name "$stem" "$tmp/$stem.wasm"

opt() {
  # (Quiet unless it fails: it warns about a name subsection the splitter writes.)
  if [ "$profile" = release ]; then
    wasm-opt -Oz "$1" -o "$2" 2>"$tmp/opt.log" || { cat "$tmp/opt.log" >&2; exit 1; }
  else
    cp "$1" "$2"
  fi
}
rm -f split_*-*.wasm chunk_*-*.wasm __wasm_split-*.js
opt "$tmp/bg/${stem}_bg.wasm" "${stem}_bg.wasm"
cp "$tmp/__wasm_split.js" "$tmp/loader.js"
for part in "$tmp"/split_*.wasm "$tmp"/chunk_*.wasm; do
  [ -f "$part" ] || continue
  name="$(basename "$part" .wasm)"
  opt "$part" "$tmp/opt.wasm"
  hashed="$name-$(sha256sum "$tmp/opt.wasm" | cut -c1-16).wasm"
  mv "$tmp/opt.wasm" "$hashed"
  sed -i "s|\"./$name.wasm\"|\"./$hashed\"|" "$tmp/loader.js"
  grep -q "\"./$hashed\"" "$tmp/loader.js" || { echo "split-wasm: the loader does not name $hashed" >&2; exit 1; }
done
set -- split_pages-*.wasm
[ -f "$1" ] || { echo "split-wasm: no pages chunk (src/app/lazy.rs)" >&2; exit 1; }
# The pages chunk, then the shared chunks it loads first (`makeLoad(…, [__chunk_N])`).
chunks="'$1'"
for dep in $(sed -n '/__wasm_split_load_pages = /,/^, \[/p' "$tmp/loader.js" | grep -o '__chunk_[0-9]*'); do
  set -- "${dep#__}"-*.wasm
  [ -f "$1" ] || { echo "split-wasm: no $dep for the pages chunk" >&2; exit 1; }
  chunks="$chunks, '$1'"
done
loader="__wasm_split-$(sha256sum "$tmp/loader.js" | cut -c1-16).js"
mv "$tmp/loader.js" "$loader"
# Only the import's path: the wasm's import object keeps the module name it was linked with.
sed "s|from \"./__wasm_split.js\"|from \"./$loader\"|" "$tmp/bg/$stem.js" >"$stem.js"
grep -q "from \"./$loader\"" "$stem.js" || { echo "split-wasm: the glue does not import the loader" >&2; exit 1; }
# The page loader (Trunk.toml) preloads them on pages other than home; every page derives
# from index.html, which is the only page when Trunk runs this (a rerun on a built dist/
# renames the chunks in every page).
find . -name '*.html' -exec sed -i "s|const chunks = \[.*\];|const chunks = [$chunks];|" {} +
grep -qF "const chunks = [$chunks];" index.html || { echo "split-wasm: index.html does not name the chunks" >&2; exit 1; }
echo "split-wasm: ${stem}_bg.wasm, $(ls split_*-*.wasm chunk_*-*.wasm 2>/dev/null | tr '\n' ' ')$loader"
