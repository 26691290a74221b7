#!/bin/sh
# Trunk post_build hook: GitHub Pages answers unknown paths with 404.html, so a copy of
# the app shell there makes deep links such as /compare/a-vs-b load the app.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
cp "$dir/index.html" "$dir/404.html"
