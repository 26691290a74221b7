#!/usr/bin/env bash
# The real build at each size (docs/scale.md), part of `make bench`: `make build` with
# each catalog in public/catalog.json (the shipped one is put back on exit), timed (the
# size table it prints included), its peak memory read, its dist weighed. Writes
# target/bench/scale.md.
# Usage: scripts/scale.sh NAME=CATALOG… (e.g. npm-100000=target/corpora/npm-100000.json)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { echo "scale: /usr/bin/time is missing (apt install time)" >&2; exit 2; }
mkdir -p target/bench
SHIPPED=target/bench/shipped-catalog.json
cp public/catalog.json "$SHIPPED"
trap 'cp "$SHIPPED" public/catalog.json' EXIT
OUT=target/bench/scale.md
{
  echo "| catalog | tools | build (s) | peak memory (MB) | dist (MB) | files | tool pages | largest file (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} > "$OUT"
for pair in "$@"; do
  name=${pair%%=*}
  catalog=${pair#*=}
  dist=target/bench/build-$name
  cp "$catalog" public/catalog.json
  rm -rf "$dist"
  echo "scale: building $name" >&2
  /usr/bin/time -f '%e %M' -o "$dist.time" \
    make --no-print-directory build DIST="$dist" > "$dist.log" 2>&1 ||
    { echo "scale: the build of $name failed (tail of $dist.log):" >&2; tail -20 "$dist.log" >&2; exit 1; }
  read -r secs kb < "$dist.time"
  tools=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["tools"]))' "$catalog")
  bytes=$(du -sb "$dist" | cut -f1)
  files=$(find "$dist" -type f | wc -l)
  pages=$(find "$dist/tool" -name '*.html' 2>/dev/null | wc -l)
  largest=$(find "$dist" -type f -printf '%s\n' | sort -n | tail -1)
  printf '| %s | %s | %.0f | %d | %d | %d | %d | %.1f |\n' "$name" "$tools" "$secs" $((kb / 1024)) \
    $((bytes / 1000000)) "$files" "$pages" "$(awk "BEGIN { print $largest / 1000000 }")" >> "$OUT"
done
cat "$OUT"
