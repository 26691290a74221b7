#!/usr/bin/env bash
# Renders the PNG app icons from their SVG sources with headless Chromium (run once when
# the SVGs change; the PNGs are committed): scripts/icons.sh
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
# icon-maskable.svg lives beside this script: only its PNG ships.
render() { # svg size out
  local tmp; tmp=$(mktemp -d)
  printf '<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:%spx;height:%spx}</style><img src="file://%s">' \
    "$2" "$2" "$PWD/$1" > "$tmp/page.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --disable-background-networking --no-first-run --user-data-dir="$tmp/profile" \
    --window-size="$2,$2" --screenshot="$PWD/$3" "file://$tmp/page.html" 2>/dev/null
  rm -rf "$tmp"
  echo "$3: $(stat -c %s "$3") bytes"
}
render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
render ../../scripts/icon-maskable.svg 512 icon-maskable-512.png
