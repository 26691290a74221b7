#!/usr/bin/env python3
"""Serves a built dist/ the way GitHub Pages does, for audits: files under a base path,
`/x` answered by `x.html`, a directory by its index.html, anything else by 404.html with
status 404. `--shell-for-all` instead answers every unknown path with 404.html and status
200: the site as it was before static pages (a host that rewrites to the app shell).

usage: pages_server.py DIST PORT BASE [--shell-for-all] [--gzip]
"""
import gzip
import http.server
import os
import sys

DIST, PORT, BASE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
SHELL_FOR_ALL = "--shell-for-all" in sys.argv[4:]
GZIP = "--gzip" in sys.argv[4:]


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **kw):
        super().__init__(*a, directory=DIST, **kw)

    def log_message(self, *a):
        pass

    def send_file(self, path, status):
        ctype = self.guess_type(path)
        if path.endswith(".wasm"):
            ctype = "application/wasm"
        with open(path, "rb") as f:
            body = f.read()
        # Compressed like GitHub Pages serves it, so audits see the bytes readers get.
        gzipped = GZIP and "gzip" in self.headers.get("Accept-Encoding", "") and not path.endswith(".png")
        if gzipped:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0].split("#")[0]
        rel = path[len(BASE):] if path.startswith(BASE) else None
        if rel is not None and ".." not in rel.split("/"):
            full = os.path.join(DIST, rel)
            for cand in ([os.path.join(full, "index.html")] if os.path.isdir(full) else [full, full + ".html"]):
                if os.path.isfile(cand):
                    if SHELL_FOR_ALL and cand.endswith(".html"):
                        break
                    return self.send_file(cand, 200)
        self.send_file(os.path.join(DIST, "404.html"), 200 if SHELL_FOR_ALL else 404)


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
