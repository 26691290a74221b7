#!/usr/bin/env bash
# Lighthouse (npm, pinned in tools/lighthouse/package.json) on a comparison, a tool and the home page of a
# built dist/, served like GitHub Pages; prints the four category scores, FCP, LCP, TBT and CLS.
#   scripts/lighthouse.sh [DIST] [--shell-for-all]   (make lighthouse)
# `--shell-for-all` audits the site as it was before static pages: every route answered
# with the app shell (and status 200, which GitHub Pages does not give).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${1:-dist}
MODE=${2:-}
BASE=$(sed -n 's|.*<base href="\([^"]*\)".*|\1|p' "$DIST/404.html" | head -1)
PORT=${LH_PORT:-8765}
LH=tools/lighthouse/node_modules/.bin/lighthouse
# `npm install`, not `npm ci`: a dependency of lighthouse asks for third-party-web@latest,
# which `npm ci` always finds out of sync with the lock file.
[ -x "$LH" ] || npm install --prefix tools/lighthouse --no-audit --no-fund --no-save >/dev/null
python3 scripts/pages_server.py "$DIST" "$PORT" "$BASE" --gzip $MODE &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
OUT=$(mktemp -d)
printf '%-58s %5s %5s %5s %5s %8s %8s %8s %6s\n' page perf a11y best seo FCP LCP TBT CLS
for page in "compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion" "tool/mistral-3b" ""; do
  url="http://127.0.0.1:$PORT$BASE$page"
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} "$LH" "$url" --quiet \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run" \
    --output=json --output-path="$OUT/report.json" >/dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]); const c = r.categories, a = r.audits;
    const s = (k) => c[k] && c[k].score !== null ? Math.round(c[k].score * 100) : "err";
    const page = (process.argv[2] || "(home)").padEnd(58);
    if (r.runtimeError) console.log(page, "error:", r.runtimeError.code);
    else console.log(page, [s("performance"), s("accessibility"), s("best-practices"), s("seo")].map(x => String(x).padStart(5)).join(" "),
      a["first-contentful-paint"].displayValue.padStart(8), a["largest-contentful-paint"].displayValue.padStart(8), a["total-blocking-time"].displayValue.padStart(8), a["cumulative-layout-shift"].displayValue.padStart(6));
  ' "$OUT/report.json" "$page"
done
rm -rf "$OUT"
