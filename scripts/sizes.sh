#!/usr/bin/env bash
# Prints the raw and gzip -9 size of every file in a dist directory, and the totals.
# GitHub Pages serves gzip (never brotli): gzip is the figure that counts.
set -euo pipefail
dir="${1:-dist}"
total_raw=0; total_gz=0
printf '%-52s %10s %10s\n' file raw gzip
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-52s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f | sort)
printf '%-52s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
