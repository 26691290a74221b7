//! `make bench`, the search part (docs/bench.md): our search box against five JavaScript
//! peers (FlexSearch, MiniSearch, uFuzzy, Orama, Fuse.js), in the same page of headless
//! Chromium, over the same records, typed the same keystrokes, each drawing the rows of
//! its first 50 results. For every corpus and size of `scripts/corpora.py`: the median
//! and p95 per keystroke, the matches each returns, and each peer's index build time and
//! heap. Timings are reported, never asserted; the assertions only check that each
//! measurement measured what it claims.
//!
//! Needs `BENCH_DIST` (a release build at `/`), `BENCH_CORPORA` (the corpora's folder,
//! with its `corpora.json`), `BENCH_PEERS` (the peers bundled in one script,
//! tools/bench/peers.js) and Chromium; `scripts/bench.sh` makes all four.
//! `BENCH_ONLY=npm-10000,debian` narrows the runs to those catalogs (a corpus, or a corpus at one size).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use ship_or_skip::domain::catalog::validate;
use ship_or_skip::domain::explore::browse::{browse_from, BrowseQuery, Found};
use ship_or_skip::domain::explore::search::SearchIndex;
use support::{Browser, Engine};

/// Counts the bytes live on the heap: our index's memory, natively.
struct Counting;

static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), std::sync::atomic::Ordering::Relaxed);
        std::alloc::System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        LIVE.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        std::alloc::System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The peers, in the table's order.
const PEERS: [&str; 5] = [
    "FlexSearch 0.8.212",
    "MiniSearch 7.2.0",
    "uFuzzy 1.0.19",
    "Orama 3.1.18",
    "Fuse.js 7.5.0",
];

/// Types every prefix of every query (each `passes` times) into our search box, then
/// has each peer search the same keystrokes over the same records. A keystroke is timed
/// from the input to the rows drawn and laid out: one macrotask after the input (Leptos
/// runs its effects in microtasks), then layout. Each search types `WARM` keystrokes
/// untimed first, so that no search is timed on code the browser has not yet optimized.
const SEARCH: &str = r#"
const [queries, passes, done] = arguments;
const WARM = 40;
(async () => {
  const hop = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const gc = () => { if (window.gc) { window.gc(); window.gc(); } };
  const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : NaN);
  const input = document.getElementById('search');
  const countText = () => (document.querySelector('#app [elementtiming=results]') || {}).textContent || '';
  const matches = (t) => { const m = /^([\d,]+) of [\d,]+ tools? match/.exec(t) || /^([\d,]+) tools?$/.exec(t); return m ? Number(m[1].replace(/,/g, '')) : null; };
  const keys = [];
  for (let p = 0; p < passes; p++)
    for (let qi = 0; qi < queries.length; qi++) {
      const q = queries[qi].query;
      for (let i = 1; i <= q.length; i++) keys.push([qi, q.slice(0, i), p]);
    }
  const type = async (v) => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); await hop(); void document.body.offsetHeight; };
  // Every search first types the same few keystrokes untimed (every fourth, so every kind
  // of query): the browser compiles wasm and JavaScript in tiers, optimizing the code
  // that runs hot, and a peer's index build has already run much of its code. A timed
  // keystroke is then a warm one for all.
  const warm = keys.filter((_, i) => i % 4 === 0).slice(0, WARM);
  for (const [, k] of warm) await type(k);
  await type('');
  const ours = { times: [], counts: [] };
  for (const [, k] of keys) {
    const t0 = performance.now();
    await type(k);
    ours.times.push(performance.now() - t0);
    ours.counts.push(matches(countText()));
  }
  const last = countText();
  await new Promise((r) => setTimeout(r, 300));
  const settled = countText() === last;
  await type('');

  const head = await (await fetch('catalog.json')).json();
  const rows = head.split ? await (await fetch(head.split.index)).json()
    : head.tools.map((t) => [t.slug, t.name, t.vendor, t.category, t.tagline, t.pricing.entry]);
  const docs = rows.map((r, i) => ({ id: i, name: r[1], vendor: r[2], category: r[3], tagline: r[4] }));
  const host = document.createElement('ul'); host.className = 'rows'; document.querySelector('main').append(host);
  // Each peer's rows are built as ours are (`rows::Row`): the same elements,
  // classes and attributes, with the record's own text where ours has it.
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
  const render = (ids) => {
    const frag = document.createDocumentFragment();
    for (const i of ids.slice(0, 50)) {
      const r = rows[i], li = el('li', 'row'); li.dataset.slug = r[0];
      const av = el('span', 'avatar avatar--small', r[1][0]); av.setAttribute('aria-hidden', 'true');
      const main = el('div', 'row__main');
      const a = el('a', 'row__name', r[1]); a.href = 'tool/' + r[0];
      const meta = el('span', 'row__meta', r[2] + ' · ' + r[3] + ' · reviewed ');
      const time = el('time', null, '2026-01-01'); time.setAttribute('datetime', '2026-01-01'); meta.append(time);
      main.append(a, el('span', 'row__tagline', r[4]), meta);
      const fig = el('div', 'row__figures');
      fig.append(el('span', 'verdict verdict--ship', 'Ship'), el('span', 'row__percent', '60% ship'), el('span', 'entry entry--' + r[5], r[5]));
      const b = el('button', 'toggle bookmark-button', 'Bookmark'); b.type = 'button'; b.dataset.slug = r[0]; b.setAttribute('aria-pressed', 'false');
      b.append(el('span', 'visually-hidden', ' ' + r[1]));
      li.append(av, main, fig, b); frag.append(li);
    }
    host.replaceChildren(frag);
  };
  const P = window.Peers;
  // Each peer set up as its documentation recommends for prefix and typo-tolerant search
  // over name, vendor, category and tagline, the name weighted most; `search(q)` gives
  // every matching record's id, best first.
  const setups = [
    ['FlexSearch 0.8.212', () => {
      const ix = new P.FlexSearch.Document({ tokenize: 'forward', encoder: 'LatinBalance',
        document: { id: 'id', index: ['name', 'vendor', 'category', 'tagline'] } });
      for (const d of docs) ix.add(d);
      return (q) => {
        const seen = new Set(), out = [];
        for (const field of ix.search(q, { limit: rows.length, suggest: true }))
          for (const id of field.result) if (!seen.has(id)) { seen.add(id); out.push(id); }
        return out;
      };
    }],
    ['MiniSearch 7.2.0', () => {
      const ms = new P.MiniSearch({ fields: ['name', 'vendor', 'category', 'tagline'],
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 3 }, combineWith: 'AND' } });
      ms.addAll(docs);
      return (q) => ms.search(q).map((h) => h.id);
    }],
    ['uFuzzy 1.0.19', () => {
      const hay = rows.map((r) => r[1] + ' ' + r[2] + ' ' + r[3] + ' ' + r[4]);
      const uf = new P.uFuzzy({ intraMode: 1 });
      return (q) => {
        const [idxs, info, order] = uf.search(hay, q, 0, 1000);
        if (!idxs) return [];
        return info && order ? order.map((o) => info.idx[o]) : idxs;
      };
    }],
    ['Orama 3.1.18', () => {
      const db = P.orama.create({ schema: { name: 'string', vendor: 'string', category: 'string', tagline: 'string' } });
      P.orama.insertMultiple(db, docs.map((d) => ({ id: String(d.id), name: d.name, vendor: d.vendor, category: d.category, tagline: d.tagline })), 1000);
      return (q) => P.orama.search(db, { term: q, tolerance: 1, boost: { name: 3 }, limit: rows.length }).hits.map((h) => Number(h.id));
    }],
    ['Fuse.js 7.5.0', () => {
      const fuse = new P.Fuse(docs, { keys: [{ name: 'name', weight: 3 }, 'vendor', 'category', 'tagline'], threshold: 0.3, ignoreLocation: true });
      return (q) => fuse.search(q).map((h) => h.item.id);
    }],
  ];
  const peers = [];
  // Outside the loop, and emptied before the heap is read: the previous peer's index
  // would otherwise still be held (an async function keeps its locals alive).
  let search = null;
  for (const [name, setup] of setups) {
    search = null; host.replaceChildren();
    gc(); const h0 = heap(); let t0 = performance.now();
    search = await setup();
    const build = performance.now() - t0;
    gc(); const mem = heap() - h0;
    for (const [, k] of warm) { render(search(k)); await hop(); }
    const times = [], counts = [];
    for (const [, k] of keys) {
      t0 = performance.now();
      const found = search(k);
      render(found);
      await hop(); void document.body.offsetHeight;
      times.push(performance.now() - t0);
      counts.push(found.length);
    }
    peers.push({ name, build, mem, times, counts });
  }
  host.remove();
  done({ keys: keys.map(([qi, k]) => [qi, k]), ours, settled, peers, records: rows.length, gc: typeof window.gc === 'function' });
})().catch((e) => done({ error: String(e && e.stack || e) }));
"#;

/// Median and p95 of `xs`.
fn stats(mut xs: Vec<f64>) -> (f64, f64) {
    assert!(!xs.is_empty(), "no timings");
    xs.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| xs[((xs.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

fn floats(v: &serde_json::Value) -> Vec<f64> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// One searcher's figures on one catalog, for one set of keystrokes.
struct Line {
    name: String,
    /// Median and p95 (ms): all keystrokes, the held-out queries', those at which our
    /// search finds nothing.
    all: (f64, f64),
    held_out: (f64, f64),
    no_match: (f64, f64),
    /// Matches summed over the keystrokes of one pass.
    matches: u64,
    build: Option<f64>,
    heap: Option<f64>,
}

async fn run(base: &Path, corpora: &Path, entry: &serde_json::Value, peers_js: &str) -> String {
    let catalog = entry["catalog"].as_str().expect("catalog");
    let tools = entry["tools"].as_u64().unwrap_or(0);
    let queries: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(corpora.join(entry["queries"].as_str().expect("queries")))
            .expect("queries"),
    )
    .expect("queries JSON");
    let text = std::fs::read_to_string(corpora.join(catalog)).expect("catalog");
    let work = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/search");
    let loaded = validate::load(&text).expect("a corpus is a valid catalog");
    drop(text);
    let dist = support::dist_serving(base, &loaded.catalog, &work);
    drop(loaded);
    let b = Browser::start_at(dist, "/", Engine::Chromium).await;
    b.goto("").await;
    assert!(
        b.wait_js(
            "return !!(document.querySelector('#app[data-live]') && document.getElementById('search') && document.querySelector('#app [elementtiming=results]'))",
            120
        )
        .await,
        "{catalog}: home was not live in 2 minutes"
    );
    b.js(peers_js).await;
    let long = std::time::Duration::from_secs(3600);
    b.client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(long),
            Some(long),
            None,
        ))
        .await
        .expect("script timeout");
    // Fewer passes at 100,000 tools: Fuse.js alone takes ~1 s a keystroke there.
    let passes = if tools > 20_000 { 1 } else { 3 };
    let r = b
        .client
        .execute_async(SEARCH, vec![queries.clone(), serde_json::json!(passes)])
        .await
        .expect("search bench");
    b.close().await;
    assert!(r.get("error").is_none(), "{catalog}: {r}");
    assert_eq!(
        r["records"].as_u64(),
        Some(tools),
        "{catalog}: every record"
    );
    assert_eq!(
        r["settled"].as_bool(),
        Some(true),
        "{catalog}: our results changed after the measured keystroke"
    );
    // The heap figures mean something only after a full collection.
    let gc = r["gc"].as_bool() == Some(true);
    let keys: Vec<(usize, String)> = serde_json::from_value(r["keys"].clone()).expect("keys");
    let q = queries.as_array().expect("queries");
    let held = |i: usize| q[i]["held_out"].as_bool().unwrap_or(false);
    let per_pass = keys.len() / passes;
    // The keystrokes at which our search finds nothing (the same ones for every search):
    // what a query that matches nothing costs.
    let nothing: Vec<bool> = r["ours"]["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .map(|c| c.as_u64() == Some(0))
        .collect();
    let line = |name: &str, times: Vec<f64>, counts: &serde_json::Value, build, heap| {
        // `f` picks keystrokes by their position.
        let pick = |f: &dyn Fn(usize) -> bool| {
            let xs: Vec<f64> = (0..keys.len())
                .filter(|&k| f(k))
                .map(|k| times[k])
                .collect();
            if xs.is_empty() {
                (f64::NAN, f64::NAN)
            } else {
                stats(xs)
            }
        };
        let counts: Vec<Option<u64>> = counts
            .as_array()
            .expect("counts")
            .iter()
            .map(|c| c.as_u64())
            .collect();
        Line {
            name: name.to_string(),
            all: pick(&|_| true),
            held_out: pick(&|k| held(keys[k].0)),
            no_match: pick(&|k| nothing[k]),
            matches: counts.iter().take(per_pass).map(|c| c.unwrap_or(0)).sum(),
            build,
            heap,
        }
    };
    let ours_counts = &r["ours"]["counts"];
    assert!(
        ours_counts
            .as_array()
            .is_some_and(|c| c.iter().any(|x| x.as_u64().is_some_and(|n| n < tools))),
        "{catalog}: our search box did not filter"
    );
    let mut lines = vec![line(
        "ours",
        floats(&r["ours"]["times"]),
        ours_counts,
        None,
        None,
    )];
    for p in r["peers"].as_array().expect("peers") {
        let name = p["name"].as_str().unwrap_or("?");
        assert!(PEERS.contains(&name), "{name}");
        lines.push(line(
            name,
            floats(&p["times"]),
            &p["counts"],
            p["build"].as_f64(),
            p["mem"].as_f64().filter(|_| gc),
        ));
    }
    let ours = &lines[0];
    let mut out = format!(
        "\n### {} · {} tools ({} queries, {} keystrokes a pass)\n\n\
         | search | median (ms) | p95 (ms) | ours ÷ it (median, p95) | held-out median / p95 | matching nothing: median | matches (one pass) | index build (ms) | heap (MB) |\n\
         |---|---:|---:|---|---|---:|---:|---:|---:|\n",
        entry["corpus"].as_str().unwrap_or("?"),
        tools,
        q.len(),
        per_pass
    );
    for l in &lines {
        let ratio = if l.name == "ours" {
            String::new()
        } else {
            format!("{:.2}, {:.2}", ours.all.0 / l.all.0, ours.all.1 / l.all.1)
        };
        out.push_str(&format!(
            "| {} | {:.2} | {:.2} | {} | {:.2} / {:.2} | {:.2} | {} | {} | {} |\n",
            l.name,
            l.all.0,
            l.all.1,
            ratio,
            l.held_out.0,
            l.held_out.1,
            l.no_match.0,
            l.matches,
            l.build.map_or("—".into(), |b| format!("{b:.0}")),
            l.heap
                .filter(|h| h.is_finite())
                .map_or("—".into(), |h| format!("{:.1}", h / 1e6)),
        ));
    }
    eprintln!("{out}");
    out
}

/// The corpora of `corpora.json`, narrowed by `BENCH_ONLY` (names such as `npm-10000`
/// starting with one of its words).
fn entries(corpora: &Path) -> Vec<serde_json::Value> {
    let manifest: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(corpora.join("corpora.json")).expect("corpora.json"),
    )
    .expect("manifest");
    let only: Vec<String> = std::env::var("BENCH_ONLY")
        .map(|s| s.split(',').map(|x| x.trim().to_string()).collect())
        .unwrap_or_default();
    manifest
        .into_iter()
        .filter(|e| {
            let name = format!("{}-{}", e["corpus"].as_str().unwrap_or(""), e["tools"]);
            only.is_empty()
                || only
                    .iter()
                    .any(|o| name == *o || name.starts_with(&format!("{o}-")))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: `make bench`"]
async fn search() {
    let env = |k: &str| {
        PathBuf::from(std::env::var(k).unwrap_or_else(|_| panic!("{k} (make bench sets it)")))
    };
    let (base, corpora, peers) = (env("BENCH_DIST"), env("BENCH_CORPORA"), env("BENCH_PEERS"));
    let peers_js = std::fs::read_to_string(&peers).expect("the peers' bundle");
    let mut out = String::from("## Search: ours against five peers\n");
    for entry in &entries(&corpora) {
        out.push_str(&run(&base, &corpora, entry, &peers_js).await);
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/search.md");
    std::fs::write(&path, &out).expect("write the table");
    println!("{out}");
}

/// The search alone, natively (`browse_from`, each keystroke from the previous answer as
/// the app does): no page, no drawing. With the index's build time and heap, and how
/// many keystrokes each step of the search took. `BENCH_ONLY` narrows it as above.
#[test]
#[ignore = "a benchmark: `make bench`"]
fn native() {
    let corpora = PathBuf::from(std::env::var("BENCH_CORPORA").expect("BENCH_CORPORA"));
    let mut out = String::from(
        "## Search natively (no page): our domain\n\n\
         | corpus | tools | keystrokes | median (ms) | p95 (ms) | matching nothing: median (ms) | index build (ms) | index heap (MB) |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for entry in &entries(&corpora) {
        let text = std::fs::read_to_string(corpora.join(entry["catalog"].as_str().unwrap()))
            .expect("catalog");
        let catalog = validate::load(&text).expect("valid").catalog;
        drop(text);
        let queries: Vec<serde_json::Value> = serde_json::from_str(
            &std::fs::read_to_string(corpora.join(entry["queries"].as_str().unwrap()))
                .expect("queries"),
        )
        .expect("queries JSON");
        let before = LIVE.load(std::sync::atomic::Ordering::Relaxed);
        let t0 = std::time::Instant::now();
        let index = SearchIndex::new(&catalog);
        index.prepare(&catalog);
        let build = t0.elapsed().as_secs_f64() * 1e3;
        let heap = LIVE.load(std::sync::atomic::Ordering::Relaxed) - before;
        let (mut times, mut empty) = (Vec::new(), Vec::new());
        for _pass in 0..3 {
            for q in &queries {
                let q = q["query"].as_str().unwrap_or("");
                let mut prev: Option<Found> = None;
                for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                    let b = BrowseQuery {
                        q: q[..end].to_string(),
                        ..BrowseQuery::default()
                    };
                    let t = std::time::Instant::now();
                    let found = browse_from(&catalog, &index, &b, 50, prev.as_ref());
                    let ms = t.elapsed().as_secs_f64() * 1e3;
                    times.push(ms);
                    if found.total() == 0 {
                        empty.push(ms);
                    }
                    prev = Some(found);
                }
            }
        }
        let (m, p) = stats(times.clone());
        let nothing = if empty.is_empty() {
            f64::NAN
        } else {
            stats(empty).0
        };
        out.push_str(&format!(
            "| {} | {} | {} | {m:.3} | {p:.3} | {nothing:.3} | {build:.0} | {:.1} |\n",
            entry["corpus"].as_str().unwrap_or("?"),
            catalog.tools.len(),
            times.len() / 3,
            heap as f64 / 1e6
        ));
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench/search-native.md");
    std::fs::write(&path, &out).expect("write the table");
    println!("{out}");
}
