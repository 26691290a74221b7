#!/usr/bin/env bash
# Uploads a built dist (`make build`) to an S3-compatible bucket for a CDN to serve: AWS
# S3 with CloudFront, Cloudflare R2, MinIO, … (docs/scale.md, "Past one host"). Only the
# files that changed are sent (`--checksum`: MD5 against the stored ETag), and what the
# build no longer has is deleted last.
#
# Usage: S3_BUCKET=name [S3_ENDPOINT=https://…] [S3_REGION=us-east-1] \
#        AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… scripts/deploy-s3.sh [DIST]
#
# - Files named by a hash of their content (the wasm, its glue, the stylesheet) are
#   cached for a year, immutable; every other file is revalidated (`no-cache`).
# - A page such as tool/x.html is also stored as tool/x, typed text/html: the app's routes
#   carry no extension, which GitHub Pages resolves and an object store does not.
#   404.html is the bucket's error document: set it in the CDN or the bucket's website
#   settings, once.
set -euo pipefail
DIST=${1:-dist}
: "${S3_BUCKET:?set S3_BUCKET to the bucket name}"
: "${AWS_ACCESS_KEY_ID:?set AWS_ACCESS_KEY_ID}" "${AWS_SECRET_ACCESS_KEY:?set AWS_SECRET_ACCESS_KEY}"
[ -f "$DIST/index.html" ] && [ -f "$DIST/sw.js" ] || { echo "deploy-s3: $DIST is not a built dist (make build)" >&2; exit 2; }
command -v rclone >/dev/null || { echo "deploy-s3: rclone is missing (apt install rclone)" >&2; exit 2; }

# The remote, from the environment alone: nothing is written to rclone's config.
export RCLONE_CONFIG_SITE_TYPE=s3
export RCLONE_CONFIG_SITE_PROVIDER=${S3_PROVIDER:-Other}
export RCLONE_CONFIG_SITE_ENV_AUTH=true
export RCLONE_CONFIG_SITE_REGION=${S3_REGION:-us-east-1}
export RCLONE_CONFIG_SITE_FORCE_PATH_STYLE=true
[ -n "${S3_ENDPOINT:-}" ] && export RCLONE_CONFIG_SITE_ENDPOINT=$S3_ENDPOINT
DEST="site:$S3_BUCKET"
RCLONE=(rclone --checksum --fast-list --stats-one-line --stats-log-level NOTICE --retries 3)
# The AWS SDK inside rclone cannot load AWS_CA_BUNDLE over rclone's own HTTP transport:
# rclone is given the bundle instead.
if [ -n "${AWS_CA_BUNDLE:-}" ]; then
  RCLONE+=(--ca-cert "$AWS_CA_BUNDLE")
  unset AWS_CA_BUNDLE
fi

# The dist with each page also under its route: hard links beside it (one file system),
# so nothing is copied; a copy where links cannot be made.
STAGE=$(mktemp -d "${DIST%/}.deploy.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
cp -al "$DIST/." "$STAGE/" 2>/dev/null || cp -a "$DIST/." "$STAGE/"
(cd "$STAGE" && find . -name '*.html' ! -name index.html ! -name 404.html -print0 |
  xargs -0 -r -n 1000 sh -c 'for f; do ln "$f" "${f%.html}"; done' sh)

HASHED='{{(.*/)?[^/]*-[0-9a-f]{15,16}(_bg)?\.(js|wasm|css)}}'
ROUTE='{{(.*/)?[^/.]+}}'
FRESH='Cache-Control: no-cache'

# 1. The hashed files first, kept: a page of the new build never names a file not there.
"${RCLONE[@]}" copy "$STAGE" "$DEST" --include "$HASHED" \
  --header-upload 'Cache-Control: public, max-age=31536000, immutable'
# 2. Every other file, revalidated; the routes' copies typed as pages.
"${RCLONE[@]}" sync "$STAGE" "$DEST" --exclude "$HASHED" --exclude "$ROUTE" --exclude '*.webmanifest' \
  --header-upload "$FRESH"
# (rclone knows no type for a web app manifest.)
"${RCLONE[@]}" sync "$STAGE" "$DEST" --include '*.webmanifest' --header-upload "$FRESH" \
  --header-upload 'Content-Type: application/manifest+json'
"${RCLONE[@]}" sync "$STAGE" "$DEST" --include "$ROUTE" --header-upload "$FRESH" \
  --header-upload 'Content-Type: text/html; charset=utf-8'
# 3. The previous builds' hashed files, now that no page names them.
"${RCLONE[@]}" sync "$STAGE" "$DEST" --include "$HASHED"
echo "deploy-s3: $DIST is at $DEST"
