#!/usr/bin/env bash
# Prints the raw and gzip -9 size of every file in a dist directory, and the totals.
# GitHub Pages serves gzip (never brotli): gzip is the figure that counts. A folder of
# more than 100 files (one per tool or page: tool/, tools/, badges/ past a few hundred
# tools) is one line, its files counted: 100,000 lines would say nothing, and one gzip
# per file would take longer than the build. A PNG counts its raw size: Pages serves
# images as they are (a PNG is compressed already), and gzip -9 of 10,000 share cards
# would add seconds to every build.
set -euo pipefail
dir="${1:-dist}"
total_raw=0; total_gz=0
line() {
  total_raw=$((total_raw + $2)); total_gz=$((total_gz + $3))
  printf '%-52s %10d %10d\n' "$1" "$2" "$3"
}
printf '%-52s %10s %10s\n' file raw gzip
bulky=()
for d in "$dir"/*/; do
  d=${d%/}
  [ "$(find "$d" -type f | head -101 | wc -l)" -gt 100 ] && bulky+=("$d")
done
while IFS= read -r f; do
  for d in "${bulky[@]}"; do [[ $f == "$d"/* ]] && continue 2; done
  if [[ $f == *.png ]]; then gz=$(stat -c %s "$f"); else gz=$(gzip -9 -c "$f" | wc -c); fi
  line "${f#"$dir"/}" "$(stat -c %s "$f")" "$gz"
done < <(find "$dir" -type f | sort)
for d in "${bulky[@]}"; do
  files=$(find "$d" -type f | wc -l)
  raw=$(find "$d" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  # gzip writes one member per file: the sum of each file's gzip size; a PNG's raw size.
  gz=$(find "$d" -type f ! -name '*.png' -exec gzip -9 -c {} + | wc -c)
  gz=$((gz + $(find "$d" -type f -name '*.png' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')))
  line "${d#"$dir"/}/ ($files files)" "$raw" "$gz"
done
printf '%-52s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
