#!/usr/bin/env python3
"""Stamps a Content-Security-Policy <meta> into built HTML pages (run by post-build.sh in
release builds). The inline scripts (the reader's theme before the first paint, and
Trunk's module loader) are allowed by their sha256 hashes, computed here from the built
page, so the policy needs no 'unsafe-inline'.
Running it twice gives the same files.

usage: csp.py PAGE.html...
"""
import base64
import hashlib
import re
import sys

META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        html = META.sub("", f.read())
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode() + "'"
        for m in INLINE.finditer(html)
    })
    policy = "; ".join([
        "default-src 'self'",
        # wasm-unsafe-eval: WebAssembly.instantiate; nothing else is evaluated.
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])
    charset = '<meta charset="utf-8">'
    if charset not in html:
        sys.exit(f"csp.py: {path} has no {charset}")
    # Right after the charset: a policy only covers what comes after it.
    html = html.replace(charset, charset + f'\n  <meta http-equiv="Content-Security-Policy" content="{policy}">', 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
