#!/usr/bin/env bash
# Where the app's wasm bytes go: the main module of the last release build, cut
# and optimised as `catalog site` does, but keeping function names (`wasm-opt -g`),
# then twiggy's largest items and the code summed by crate. Raw bytes, not gzip: the
# shares are what to compare. Usage: make twiggy (after `make build`); TOP=50 for more.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/ship-or-skip.wasm"
[ -f "$wasm" ] || { echo "twiggy: no $wasm; run make build first" >&2; exit 1; }
if ! command -v twiggy >/dev/null; then
  echo "[twiggy] installing twiggy (~3 min, once)"
  cargo install --locked twiggy
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
wasm-split-cli "$wasm" "$tmp" --out-name main >/dev/null 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
wasm-bindgen --target web --no-typescript --keep-lld-exports --keep-debug --out-dir "$tmp/bg" \
  --out-name main "$tmp/main.wasm"
wasm-opt -Oz -g "$tmp/bg/main_bg.wasm" -o "$tmp/named.wasm" 2>/dev/null
twiggy top -n "${TOP:-25}" "$tmp/named.wasm"
twiggy top -n 1000000 -f csv "$tmp/named.wasm" >"$tmp/top.csv"
python3 - "$tmp/top.csv" <<'PY'
import csv, re, sys
from collections import Counter

by_crate, total = Counter(), 0
for row in csv.DictReader(open(sys.argv[1])):
    name, size = row["Name"], int(row["ShallowSize"])
    if "subsection" in name:  # the names themselves, which the served wasm drops
        continue
    total += size
    if name.startswith("data segment"):
        crate = "(data: strings, tables, panic locations)"
    elif name.startswith("<") and " as " in name:
        # `<Type as Trait>::f`: the type's crate when it names one, else the trait's.
        ty, _, tr = name[1:].partition(" as ")
        m = re.match(r"&?(?:mut )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", ty)
        m = m or re.match(r"([a-z_][a-z0-9_]*)", tr)
        crate = m.group(1) if m else "(other)"
    else:
        m = re.match(r"<?([a-z_][a-z0-9_]*)", name)
        crate = m.group(1) if m else "(other)"
    by_crate[crate] += size
print(f"\nThe main module's {total:,} bytes by crate (raw; our crate is ship_or_skip):")
for crate, size in by_crate.most_common(15):
    print(f"{size:>10,}  {100 * size / total:5.1f} %  {crate}")
PY
