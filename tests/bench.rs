//! `make bench`: size, first results, time to a live home, tool pages opened directly,
//! our search latency and DOM size, for the shipped catalog and the real builds of larger
//! catalogs (`BENCH_BUILT`, made by scripts/scale.sh with `make build`'s own command).
//! Our search against five JavaScript peers, on real-world corpora: tests/search_bench.rs.
//! Prints one table. Timings are reported here, never asserted (they would flake); the
//! assertions only check that each measurement measured what it claims.
//!
//! Needs `BENCH_DIST` (a release build at `/`, `scripts/bench.sh` makes it) and Chromium.
//! `BENCH_LIGHTHOUSE` may name the JSON report of the shipped home page.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use support::{gzip_size, Browser, Engine};

/// How many times the queries are typed (for each of us and the peers).
const PASSES: usize = 3;
/// Keystrokes: every prefix of each query is typed, as a reader types it. Two carry a typo.
const QUERIES: &[&str] = &[
    "mistral",
    "nova code",
    "atlas agent",
    "forge",
    "mistarl",
    "qunata",
    "developer tools",
    "echo voice",
    "summit writer",
    "lumen",
];

/// The files home downloads until it is live, as its page names them. Over the static
/// home page of a whole catalog (the shipped one): the page, home's islands module (glue,
/// wasm and its chunk's loader) and the CSS. Otherwise (the app shell, a split catalog):
/// the page, the app's glue, wasm and chunks' loader (not the pages chunk:
/// src/app/lazy.rs), the CSS and the catalog; with a split one, its index and the chunk of
/// code that reads it (with the shared chunks it loads first).
fn home_files(dist: &Path) -> Vec<(String, u64)> {
    with_sizes(dist, files_of(dist))
}

/// Whether home is live through its islands: a static home page over a whole catalog.
/// The app draws it otherwise.
fn islands_home(dist: &Path) -> bool {
    let html = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    html.contains("data-islands=\"home\"")
}

/// What home's islands fetch on the reader's first search: their chunk and the catalog.
fn search_later(dist: &Path) -> Option<u64> {
    islands_home(dist).then(|| {
        let mut files = vec!["catalog.json".to_string()];
        files.extend(names(dist).filter(|n| n.starts_with("islands-home-split_later-")));
        with_sizes(dist, files).into_iter().map(|(_, s)| s).sum()
    })
}

fn with_sizes(dist: &Path, files: Vec<String>) -> Vec<(String, u64)> {
    files
        .into_iter()
        .map(|f| {
            let gz = gzip_size(&dist.join(&f));
            (f, gz)
        })
        .collect()
}

/// The names of the files in `dist`, sorted.
fn names(dist: &Path) -> impl Iterator<Item = String> {
    let mut n: Vec<String> = std::fs::read_dir(dist)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    n.sort();
    n.into_iter()
}

/// The files home downloads, through its islands or the app ([`home_files`]).
fn files_of(dist: &Path) -> Vec<String> {
    let html = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    let islands = islands_home(dist);
    // Home's module, or the app's: the page's loader names every module.
    let module = if islands {
        "islands-home-"
    } else {
        "ship-or-skip-"
    };
    let linked = |text: &str, ext: &str| -> Vec<String> {
        names(dist)
            .filter(|n| n.ends_with(ext) && text.contains(n.as_str()))
            .filter(|n| ext != ".js" || !n.ends_with("_bg.wasm"))
            .collect()
    };
    let own = |n: &String| n.starts_with(module);
    let js: Vec<String> = linked(&html, ".js").into_iter().filter(own).collect();
    let glue: String = js
        .iter()
        .map(|f| std::fs::read_to_string(dist.join(f)).expect("glue"))
        .collect();
    let mut files = vec!["index.html".to_string()];
    files.extend(js);
    files.extend(linked(&html, "_bg.wasm").into_iter().filter(own));
    files.extend(linked(&html, ".css"));
    files.extend(linked(&glue, ".js"));
    if !islands {
        files.push("catalog.json".into());
    }
    if dist.join("catalog-index.json").exists() {
        files.push("catalog-index.json".into());
        files.push(support::chunk(dist, "index"));
        files.extend(support::chunk_deps(dist, "index"));
    }
    files
}

/// From a navigation to a tool page until its name is the page's heading and its
/// scorecard is drawn (ms since the navigation started), or null after 20 s.
const TOOL_DRAWN: &str = r#"
const [name, done] = arguments;
const t0 = performance.now();
const check = () => {
  const h1 = document.querySelector('#app h1');
  if (h1 && h1.textContent.trim() === name && document.querySelector('#app .scorecard')) done(performance.now());
  else if (performance.now() - t0 > 20000) done(null);
  else requestAnimationFrame(check);
};
check();
"#;

/// A tool page opened directly, online and then offline after that visit: one with a
/// static page and one the app draws from the shell (a catalog past the prerender limit).
#[derive(Default)]
struct ToolPages {
    prerendered: Option<(f64, f64)>,
    drawn: Option<(f64, f64)>,
}

/// The slug and name of every tool of a split catalog, read as the app reads it (its
/// head, then its index).
fn indexed_tools(dist: &Path) -> Vec<(String, String)> {
    use ship_or_skip::domain::catalog::{split, validate};
    let Ok(index) = std::fs::read_to_string(dist.join("catalog-index.json")) else {
        return Vec::new();
    };
    let head = std::fs::read_to_string(dist.join("catalog.json")).expect("the head");
    let head = validate::load(&head).expect("a valid head");
    let loaded = split::attach_index(head, &index).expect("a valid index");
    (loaded.catalog.tools.into_iter())
        .map(|t| (t.slug, t.name))
        .collect()
}

async fn tool_pages(dist: &Path) -> ToolPages {
    let tools = indexed_tools(dist);
    let has_page = |slug: &str| dist.join("tool").join(format!("{slug}.html")).exists();
    // A tool with a static page, and one without.
    let targets = [
        tools.iter().find(|(s, _)| has_page(s)),
        tools.iter().find(|(s, _)| !has_page(s)),
    ];
    if targets.iter().all(Option::is_none) {
        return ToolPages::default();
    }
    let b = Browser::start_at(dist.to_path_buf(), "/", Engine::Chromium).await;
    // Each target's time, for the targets there are.
    let times = || async {
        let mut out = [None, None];
        for (slot, target) in out.iter_mut().zip(targets) {
            let Some((slug, name)) = target else { continue };
            b.goto(&format!("tool/{slug}")).await;
            *slot = b
                .client
                .execute_async(TOOL_DRAWN, vec![serde_json::json!(name)])
                .await
                .expect("tool page")
                .as_f64();
        }
        out
    };
    // The first visit installs the worker; the timed ones run under it.
    b.goto("").await;
    assert!(
        b.wait_js("return !!navigator.serviceWorker.controller", 30)
            .await,
        "the service worker never took control"
    );
    let online = times().await;
    b.set_offline(true).await;
    let offline = times().await;
    b.close().await;
    ToolPages {
        prerendered: online[0].zip(offline[0]),
        drawn: online[1].zip(offline[1]),
    }
}

/// Milliseconds from navigation to the first painted results (Element Timing).
const FIRST_RESULTS: &str = r#"
const done = arguments[arguments.length - 1];
const seen = (list) => {
  const e = list.getEntries().find((x) => x.identifier === 'results');
  if (e) { done(e.renderTime || e.loadTime); return true; }
  return false;
};
const po = new PerformanceObserver((l) => { if (seen(l)) po.disconnect(); });
po.observe({ type: 'element', buffered: true });
setTimeout(() => done(null), 20000);
"#;

/// Types every prefix of every query into the search box (`PASSES` times) and times each
/// keystroke to rendered results: the input event, then one macrotask (Leptos runs its
/// effects in microtasks), then layout.
const SEARCH: &str = r#"
const [queries, PASSES, done] = arguments;
(async () => {
  const hop = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  // Home's islands draw its search on first use (its chunk and the catalog): focused,
  // then typed into once drawn, and the time between reported.
  let searchable = null;
  if (document.querySelector('#app[data-islands]')) {
    const before = document.getElementById('search');
    const t0 = performance.now();
    before.focus();
    while (document.getElementById('search') === before) {
      if (performance.now() - t0 > 10000) throw new Error('the search was never drawn');
      await new Promise((r) => setTimeout(r, 5));
    }
    searchable = performance.now() - t0;
  }
  const input = document.getElementById('search');
  const count = () => (document.querySelector('#app [elementtiming=results]') || {}).textContent || '';
  // The keystrokes, typed PASSES times over: one pass is too few samples for a steady p95.
  const keys = [];
  for (let p = 0; p < PASSES; p++)
    for (const q of queries) for (let i = 1; i <= q.length; i++) keys.push(q.slice(0, i));
  const ours = [], oursCounts = [];
  const type = async (v) => { input.value = v; input.dispatchEvent(new Event('input', { bubbles: true })); await hop(); void document.body.offsetHeight; };
  for (const k of keys) {
    const t0 = performance.now();
    await type(k);
    ours.push(performance.now() - t0);
    oursCounts.push(count());
  }
  // Nothing may still be pending after the measured hop: the count must not change later.
  const last = count();
  await new Promise((r) => setTimeout(r, 300));
  const settled = count() === last;
  await type('');
  const domNodes = document.getElementsByTagName('*').length;
  const rowsShown = document.querySelectorAll('#app .rows > li').length;

  done({ keys: keys.length, ours, oursCounts, settled, domNodes, rowsShown, searchable });
})().catch((e) => done({ error: String(e && e.stack || e) }));
"#;

fn stats(v: &serde_json::Value) -> (f64, f64) {
    let mut xs: Vec<f64> = v
        .as_array()
        .expect("timings")
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    assert!(!xs.is_empty(), "no timings");
    xs.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| xs[((xs.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.95))
}

struct Column {
    name: String,
    sizes: Vec<(String, u64)>,
    /// The pages chunk, fetched when the reader first opens a page other than home.
    chunk: u64,
    /// Home's search chunk and the catalog, fetched on the reader's first search
    /// through home's islands.
    search: Option<u64>,
    first_results: Option<f64>,
    /// From a focus in home's search to its island drawn, when home is live through its
    /// islands: their chunk and the catalog fetched and read.
    searchable: Option<f64>,
    /// When home was live: searchable, with the reader's bookmarks and weights.
    live: Option<f64>,
    ours: (f64, f64),
    dom_nodes: u64,
    rows_shown: u64,
}

async fn measure(name: &str, dist: PathBuf) -> Column {
    let sizes = home_files(&dist);
    let search = search_later(&dist);
    let chunk = gzip_size(&dist.join(support::chunk(&dist, "pages")));
    let b = Browser::start_at(dist, "/", Engine::Chromium).await;
    b.goto("").await;
    let first = b
        .client
        .execute_async(FIRST_RESULTS, vec![])
        .await
        .expect("first results")
        .as_f64();
    let live = b
        .js("const m = performance.getEntriesByName('ship-or-skip:live')[0]; return m ? m.startTime : null")
        .await
        .as_f64();
    if search.is_some() {
        // The sizes above count home's islands: the app must not have drawn the page.
        let fetched = b
            .js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/ship-or-skip-')).length")
            .await;
        assert_eq!(fetched, 0, "{name}: home's islands handed over to the app");
    }
    let r = b
        .client
        .execute_async(
            SEARCH,
            vec![serde_json::json!(QUERIES), serde_json::json!(PASSES)],
        )
        .await
        .expect("search bench");
    b.close().await;
    assert!(r.get("error").is_none(), "{name}: {r}");
    assert!(
        r["settled"].as_bool() == Some(true),
        "{name}: results changed after the measured keystroke: the timing missed work"
    );
    let counts: Vec<&str> = r["oursCounts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert!(
        counts.iter().any(|c| c.contains(" match")),
        "{name}: the search box did not filter: {counts:?}"
    );
    Column {
        name: name.into(),
        sizes,
        chunk,
        search,
        first_results: first,
        live,
        ours: stats(&r["ours"]),
        searchable: r["searchable"].as_f64(),
        dom_nodes: r["domNodes"].as_u64().unwrap_or(0),
        rows_shown: r["rowsShown"].as_u64().unwrap_or(0),
    }
}

/// The shipped home page's Lighthouse figures: (performance, FCP, LCP).
fn lighthouse() -> Option<(String, String, String)> {
    let path = std::env::var("BENCH_LIGHTHOUSE").ok()?;
    let r: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let score = r["categories"]["performance"]["score"].as_f64()?;
    let shown = |k: &str| {
        r["audits"][k]["displayValue"]
            .as_str()
            .unwrap_or("?")
            .to_string()
    };
    Some((
        format!("{:.0}", score * 100.0),
        shown("first-contentful-paint"),
        shown("largest-contentful-paint"),
    ))
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: `make bench`"]
async fn bench() {
    let dist = PathBuf::from(
        std::env::var("BENCH_DIST").expect("BENCH_DIST: a release build at / (make bench)"),
    );
    let work = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    let mut cols = vec![measure("shipped (6)", dist.clone()).await];
    let mut tools = vec![ToolPages::default()];
    // `BENCH_BUILT=npm-10000=target/bench/build-npm-10000,…`: the real builds of larger
    // catalogs (scripts/scale.sh), each as `make build` made it.
    let built = std::env::var("BENCH_BUILT").unwrap_or_default();
    for (name, d) in built.split(',').filter_map(|p| p.split_once('=')) {
        cols.push(measure(name, PathBuf::from(d)).await);
        tools.push(tool_pages(Path::new(d)).await);
    }

    let mut out = String::new();
    let row = |out: &mut String, label: &str, cells: Vec<String>| {
        out.push_str(&format!("| {label} | {} |\n", cells.join(" | ")));
    };
    row(
        &mut out,
        "metric",
        cols.iter().map(|c| c.name.clone()).collect(),
    );
    row(
        &mut out,
        "---",
        cols.iter().map(|_| "---:".to_string()).collect(),
    );
    let files: Vec<String> = {
        let mut f: Vec<String> = cols
            .iter()
            .flat_map(|c| c.sizes.iter().map(|(n, _)| n.clone()))
            .collect();
        f.dedup();
        let mut seen = std::collections::HashSet::new();
        f.retain(|x| seen.insert(x.clone()));
        f
    };
    for file in &files {
        let label = format!("home: {file} (gzip B)");
        row(
            &mut out,
            &label,
            cols.iter()
                .map(|c| {
                    c.sizes
                        .iter()
                        .find(|(n, _)| n == file)
                        .map_or("—".into(), |(_, s)| s.to_string())
                })
                .collect(),
        );
    }
    row(
        &mut out,
        "**home total (gzip B)**",
        cols.iter()
            .map(|c| format!("**{}**", c.sizes.iter().map(|(_, s)| s).sum::<u64>()))
            .collect(),
    );
    row(
        &mut out,
        "later, on the first search: home's search chunk and the catalog (gzip B)",
        cols.iter()
            .map(|c| c.search.map_or("—".into(), |a| a.to_string()))
            .collect(),
    );
    row(
        &mut out,
        "later: the other pages' wasm chunk (gzip B)",
        cols.iter().map(|c| c.chunk.to_string()).collect(),
    );
    let lh = lighthouse();
    for (i, label) in ["Lighthouse mobile performance", "FCP", "LCP"]
        .iter()
        .enumerate()
    {
        row(
            &mut out,
            label,
            cols.iter()
                .enumerate()
                .map(|(ci, _)| match (&lh, ci) {
                    (Some(l), 0) => [&l.0, &l.1, &l.2][i].clone(),
                    _ => "—".into(),
                })
                .collect(),
        );
    }
    let ms = |x: f64| format!("{x:.2}");
    row(
        &mut out,
        "time to first results (ms)",
        cols.iter()
            .map(|c| c.first_results.map_or("—".into(), |x| format!("{x:.0}")))
            .collect(),
    );
    row(
        &mut out,
        "time to a live home (ms)",
        cols.iter()
            .map(|c| c.live.map_or("—".into(), |x| format!("{x:.0}")))
            .collect(),
    );
    row(
        &mut out,
        "from a focus in the search to its island drawn (ms)",
        cols.iter()
            .map(|c| c.searchable.map_or("—".into(), |x| format!("{x:.0}")))
            .collect(),
    );
    let pair = |p: Option<(f64, f64)>| p.map_or("—".into(), |(a, b)| format!("{a:.0} / {b:.0}"));
    row(
        &mut out,
        "a prerendered tool page opened directly, online / offline after a visit (ms)",
        tools.iter().map(|t| pair(t.prerendered)).collect(),
    );
    row(
        &mut out,
        "a tool page without a static page (drawn from the shell), online / offline (ms)",
        tools.iter().map(|t| pair(t.drawn)).collect(),
    );
    row(
        &mut out,
        "search, ours: median / p95 (ms)",
        cols.iter()
            .map(|c| format!("{} / {}", ms(c.ours.0), ms(c.ours.1)))
            .collect(),
    );
    row(
        &mut out,
        "DOM elements with the full list drawn (rows)",
        cols.iter()
            .map(|c| format!("{} ({})", c.dom_nodes, c.rows_shown))
            .collect(),
    );
    println!(
        "\n{} keystrokes ({} queries typed letter by letter, {PASSES} times over), Chromium \
         headless, localhost.\n\n{out}",
        QUERIES.iter().map(|q| q.len()).sum::<usize>() * PASSES,
        QUERIES.len()
    );
    std::fs::write(work.join("bench.md"), &out).expect("target/bench/bench.md");
}
