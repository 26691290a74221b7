#!/usr/bin/env python3
"""The search benchmark's corpora and queries (docs/bench.md), built from public material
on this machine; the data stays out of the repository.

Corpora, each a valid catalog of N tools (the panel, prices and dates of `catalog
generate`, the searched text of the corpus: name, vendor, category, tagline):

- synthetic: `catalog generate` itself (seed 42), the catalog our own generator writes;
- npm: packages of the npm registry with their one-line summary, most downloaded first;
  npm names no vendor or category, so the vendor is the package's scope (or "npm") and
  the category "npm package";
- debian: Debian's binary packages (`apt-cache dumpavail`): the package, its maintainer as
  vendor, its section as category and its short description as tagline. Debian has
  ~64,000, so its large size is all of them (said in the table);
- pypi: packages of PyPI with a summary, in an order fixed by a hash of the name;
  vendor "PyPI", category "Python package".

The registries' lists are read from PACKAGE_LISTS (default /usr/share/package-lists:
npm.tsv and pypi.tsv, the machine's snapshot of the registries). The small size of each
corpus is a prefix of its large one, so one query set serves both.

Queries: a rule fixed before any timing, from each corpus's small size, with a seeded
random generator (random.Random(corpus name)):
- 6 names: the first word of a tool's name;
- 4 one-letter and 4 two-letter starts: a name's first letters;
- 4 multi-word: a tagline's first word and the first 3 letters of its second;
- 4 typos: a name word of 5+ letters with its middle letter replaced by the next
  letter of the alphabet;
- 3 common words: the corpus's three most frequent tagline words of 4+ letters;
- 3 no-match: 7 random consonants that no record of the large size contains.
Every prefix of a query is typed, as a reader types. Of each kind, the queries at odd
positions are held out: they are reported apart and never used to tune.

Usage: scripts/corpora.py OUT_DIR [SMALL LARGE] (defaults 10000 100000).
"""

import collections
import json
import os
import random
import re
import subprocess
import sys

CATALOG = ["cargo", "run", "--locked", "--offline", "--quiet", "--release", "--bin", "catalog", "--"]
LISTS = os.environ.get("PACKAGE_LISTS", "/usr/share/package-lists")
WORD = re.compile(r"[^\W_]+")


def clip(s, n):
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def tsv(name):
    path = os.path.join(LISTS, name)
    with open(path, encoding="utf-8", errors="replace") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t")))


def npm(n):
    rows = []
    for r in tsv("npm.tsv"):
        summary = r.get(next(k for k in r if k.startswith("summary")), "")
        if not summary.strip():
            continue
        try:
            downloads = int(r.get("downloads_a_month") or 0)
        except ValueError:
            downloads = 0
        name = r["name"]
        vendor = name[1:].split("/")[0] if name.startswith("@") and "/" in name else "npm"
        rows.append((-downloads, name, vendor, "npm package", summary))
    rows.sort()
    return [r[1:] for r in rows[:n]]


def pypi(n):
    import hashlib

    rows = []
    for r in tsv("pypi.tsv"):
        summary = r.get(next(k for k in r if k.startswith("summary")), "")
        if len(summary.strip()) < 3:
            continue
        h = hashlib.sha256(r["name"].encode()).hexdigest()
        rows.append((h, r["name"], "PyPI", "Python package", summary))
    rows.sort()
    return [r[1:] for r in rows[:n]]


def debian(n):
    out = subprocess.run(["apt-cache", "dumpavail"], capture_output=True, text=True, check=True).stdout
    seen, rows = set(), []
    for stanza in out.split("\n\n"):
        f = {}
        for line in stanza.splitlines():
            if ":" in line and not line.startswith(" "):
                k, _, v = line.partition(":")
                f.setdefault(k, v.strip())
        name = f.get("Package")
        if not name or name in seen or not f.get("Description"):
            continue
        seen.add(name)
        vendor = re.sub(r"\s*<[^>]*>", "", f.get("Maintainer", "")).strip() or "Debian"
        section = f.get("Section", "misc").split("/")[-1]
        rows.append((name, vendor, section, f["Description"]))
    rows.sort()
    random.Random("debian").shuffle(rows)
    return rows[:n]


def synthetic(n):
    text = subprocess.run(CATALOG + ["generate", "--tools", str(n), "--seed", "42"],
                          capture_output=True, text=True, check=True).stdout
    return json.loads(text)


def catalog_of(records):
    """A valid catalog of the records: `catalog generate`'s tools with the records' text."""
    cat = synthetic(len(records))
    for tool, (name, vendor, category, tagline) in zip(cat["tools"], records):
        tool["name"] = clip(name, 200)
        tool["vendor"] = clip(vendor, 200)
        tool["category"] = clip(category, 200)
        tool["tagline"] = clip(tagline, 1000)
    return cat


def words(s):
    return [w.lower() for w in WORD.findall(s)]


def queries(corpus, small, large):
    """The rule of the module's docstring; `small` and `large` are lists of records."""
    rng = random.Random(corpus)
    names = [r[0] for r in small]
    out = collections.OrderedDict()

    def pick(kind, count, make):
        got, tries = [], 0
        while len(got) < count and tries < 10000:
            tries += 1
            q = make()
            if q and q not in got:
                got.append(q)
        out[kind] = got

    def name_word():
        w = words(rng.choice(names))
        return w[0] if w else None

    pick("name", 6, name_word)
    pick("one letter", 4, lambda: (name_word() or "")[:1] or None)
    pick("two letters", 4, lambda: (lambda w: w[:2] if len(w) >= 2 else None)(name_word() or ""))

    def multi():
        w = words(rng.choice(small)[3])
        return f"{w[0]} {w[1][:3]}" if len(w) >= 2 and len(w[1]) >= 3 else None

    pick("multi-word", 4, multi)

    def typo():
        ws = [w for w in words(rng.choice(names)) if len(w) >= 5 and w.isascii() and w.isalpha()]
        if not ws:
            return None
        w = ws[0]
        i = len(w) // 2
        c = "a" if w[i] == "z" else chr(ord(w[i]) + 1)
        return w[:i] + c + w[i + 1 :]

    pick("typo", 4, typo)
    counts = collections.Counter(w for r in small for w in set(words(r[3])) if len(w) >= 4 and w.isalpha())
    out["common word"] = [w for w, _ in counts.most_common(3)]
    hay = "\n".join(" ".join(r).lower() for r in large)

    def nothing():
        q = "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7))
        return None if q[:3] in hay else q

    pick("no match", 3, nothing)
    return [{"kind": k, "query": q, "held_out": i % 2 == 1} for k, qs in out.items() for i, q in enumerate(qs)]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    small, large = (int(x) for x in sys.argv[2:4]) if len(sys.argv) >= 4 else (10000, 100000)
    os.makedirs(out, exist_ok=True)
    sources = {"npm": npm, "debian": debian, "pypi": pypi}
    manifest = []
    for corpus in ["synthetic", "npm", "debian", "pypi"]:
        if corpus == "synthetic":
            cats = {n: synthetic(n) for n in (small, large)}
            recs = {n: [(t["name"], t["vendor"], t["category"], t["tagline"]) for t in c["tools"]]
                    for n, c in cats.items()}
        else:
            try:
                all_rows = sources[corpus](large)
            except (OSError, subprocess.CalledProcessError) as e:
                print(f"corpora: {corpus} skipped ({e})", file=sys.stderr)
                continue
            recs = {small: all_rows[:small], large: all_rows}
            cats = {n: catalog_of(r) for n, r in recs.items()}
        for n, cat in cats.items():
            path = os.path.join(out, f"{corpus}-{len(cat['tools'])}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(cat, f, ensure_ascii=False)
            manifest.append({"corpus": corpus, "tools": len(cat["tools"]), "catalog": os.path.basename(path)})
        qs = queries(corpus, recs[small], recs[large])
        with open(os.path.join(out, f"{corpus}-queries.json"), "w", encoding="utf-8") as f:
            json.dump(qs, f, ensure_ascii=False, indent=1)
        for m in manifest:
            if m["corpus"] == corpus:
                m["queries"] = f"{corpus}-queries.json"
        print(f"corpora: {corpus}: {', '.join(str(m['tools']) for m in manifest if m['corpus'] == corpus)} tools, "
              f"{len(qs)} queries", file=sys.stderr)
    with open(os.path.join(out, "corpora.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
