#!/usr/bin/env bash
# `make bench`: builds the release at /, installs the JavaScript peers (tools/bench) and
# Lighthouse (tools/lighthouse), runs Lighthouse (mobile) on the shipped home page, then
# tests/bench.rs in headless Chromium, which prints one table (also target/bench/bench.md);
# the corpora are built once into target/corpora (scripts/corpora.py); then the real build
# with 1,000, 10,000 and 100,000 tools (scripts/scale.sh, docs/scale.md); then the search
# against five peers on every corpus (tests/search_bench.rs, docs/bench.md), the peers
# bundled into one script. BENCH_SCALE=0 skips the builds, BENCH_SEARCH=0 the search;
# BENCH_ONLY=npm-10000 narrows the search.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=target/bench-dist
trunk build --release --offline --locked --public-url / --dist "$DIST"
[ -x tools/bench/node_modules/.bin/esbuild ] || npm ci --prefix tools/bench --no-audit --no-fund >/dev/null
LH=tools/lighthouse/node_modules/.bin/lighthouse
[ -x "$LH" ] || npm install --prefix tools/lighthouse --no-audit --no-fund --no-save >/dev/null
mkdir -p target/bench
PORT=${LH_PORT:-8766}
python3 scripts/pages_server.py "$DIST" "$PORT" / --gzip &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} "$LH" "http://127.0.0.1:$PORT/" --quiet \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run" \
  --output=json --output-path=target/bench/lighthouse-home.json >/dev/null 2>&1 || echo "bench: lighthouse failed" >&2
kill $SERVER 2>/dev/null || true
CORPORA=${BENCH_CORPORA:-target/corpora}
[ -f "$CORPORA/corpora.json" ] || python3 scripts/corpora.py "$CORPORA"
# The real build at 1,000, 10,000 and 100,000 tools of real text (docs/scale.md).
if [ "${BENCH_SCALE:-1}" != 0 ]; then
  python3 - "$CORPORA/npm-10000.json" target/bench/npm-1000.json <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["tools"] = c["tools"][:1000]
kept = {t["slug"] for t in c["tools"]}
c["comparisons"] = [x for x in c["comparisons"] if all(s in kept for s in x["tools"])]
json.dump(c, open(sys.argv[2], "w"))
PY
  scripts/scale.sh npm-1000=target/bench/npm-1000.json npm-10000="$CORPORA/npm-10000.json" \
    npm-100000="$CORPORA/npm-100000.json"
  BUILT=npm-1000=target/bench/build-npm-1000,npm-10000=target/bench/build-npm-10000,npm-100000=target/bench/build-npm-100000
fi

BENCH_DIST="$DIST" BENCH_BUILT="${BUILT:-}" BENCH_LIGHTHOUSE=target/bench/lighthouse-home.json RUST_BACKTRACE=0 \
  cargo test --locked --test bench -- --ignored --nocapture

[ "${BENCH_SEARCH:-1}" = 0 ] && exit 0
tools/bench/node_modules/.bin/esbuild tools/bench/peers.js --bundle --format=iife --minify \
  --log-level=warning --outfile=target/bench/peers.js
# The ranking against its oracle on every corpus, then the timings (one at a time).
BENCH_CORPORA="$CORPORA" cargo test --locked --release --test relevance
CHROMIUM_ARGS="--enable-precise-memory-info --js-flags=--expose-gc" BENCH_DIST="$DIST" \
  BENCH_CORPORA="$CORPORA" BENCH_PEERS=target/bench/peers.js RUST_BACKTRACE=0 \
  cargo test --locked --release --test search_bench -- --ignored --nocapture --test-threads=1
