//! The size budgets of the landing pages: what Chromium fetches for a page opened
//! directly, until it is live and the network is quiet, weighed gzip -9 as GitHub Pages
//! serves it. The files are those the browser asked for (Resource Timing), not a list.

use crate::support::{dist_dir, gzip_size, Browser, UNREGISTER_WORKERS};
use crate::Steps;

/// The budget of a landing page opened directly: home, a comparison, a tool page and a
/// reviewer page, each live through its islands (src/app/islands/).
pub const BUDGET: u64 = 120 * 1024;

/// Every URL the page has fetched so far (the document first).
const FETCHED: &str =
    "return [location.href].concat(performance.getEntriesByType('resource').map(r => r.name))";

/// The landing pages, each within [`BUDGET`].
const PAGES: [&str; 4] = [
    "",
    "compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion",
    "tool/mistral-3b",
    "reviewer/skeptic",
];

pub fn landing_pages(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let dist = dist_dir();
        let mut over = Vec::new();
        for path in PAGES {
            // A first visit: no worker answers, nothing is cached.
            b.goto("").await;
            assert_eq!(
                b.js(UNREGISTER_WORKERS).await,
                true,
                "a worker is still registered"
            );
            b.js("return caches.keys().then(ks => Promise.all(ks.map(k => caches.delete(k)))).then(() => true)").await;
            b.client.goto("about:blank").await.expect("blank");
            b.goto(path).await;
            let files = quiet_fetches(b).await;
            let mut total = 0;
            let mut lines = Vec::new();
            for url in &files {
                let file = b
                    .file_of(url)
                    .unwrap_or_else(|| panic!("{path}: fetched {url}, not a file of the build"));
                let size = gzip_size(&dist.join(&file));
                total += size;
                lines.push(format!("{file} {size}"));
            }
            eprintln!("budget /{path}: {total} B gzip ({})", lines.join(", "));
            // Live through its islands, every island's props read: had one failed, the
            // app would have taken the page over (and its files counted).
            assert_eq!(
                b.js("return [!!document.querySelector('#app[data-islands][data-live]'), document.querySelectorAll('leptos-island').length > 0]").await,
                serde_json::json!([true, true]),
                "/{path} is live through its islands"
            );
            assert!(
                !lines.iter().any(|l| l.starts_with("ship-or-skip-")),
                "/{path} fetched the app: {lines:?}"
            );
            if total > BUDGET {
                over.push(format!(
                    "/{path}: {total} B > {BUDGET} B ({})",
                    lines.join(", ")
                ));
            }
        }
        assert!(over.is_empty(), "over budget: {over:?}");
    })
}

/// The URLs fetched once no new one has come for a second (and at most 10 s).
async fn quiet_fetches(b: &Browser) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut still = 0;
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        let now: Vec<String> = serde_json::from_value(b.js(FETCHED).await).expect("urls");
        if now.len() == seen.len() {
            still += 1;
            if still == 4 {
                break;
            }
        } else {
            still = 0;
            seen = now;
        }
    }
    seen.sort();
    seen.dedup();
    seen
}

/// At a click: its time, kept across a page load (`sessionStorage`), and, for a page the
/// app draws in the same document, the first frame after `#app h1` says `want`.
const CLICK: &str = r#"
const [link, want] = arguments;
const t0 = performance.timeOrigin + performance.now();
sessionStorage.setItem('navT0', String(t0));
window.__navPaint = null;
new MutationObserver((_, obs) => {
  const h = document.querySelector('#app h1');
  if (h && h.textContent === want && window.__navPaint === null) {
    obs.disconnect();
    window.__navPaint = 0;
    requestAnimationFrame(() => setTimeout(() => {
      window.__navPaint = performance.timeOrigin + performance.now() - t0;
    }));
  }
}).observe(document.body, { subtree: true, childList: true, characterData: true });
document.querySelector(link).click();
return 0;
"#;

/// The click-to-paint time: the frame recorded above in the same document, or a new
/// document's first contentful paint; `null` while neither is known.
const PAINTED: &str = r#"
if (window.__navPaint !== undefined) return window.__navPaint || null;
const fcp = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
const t0 = Number(sessionStorage.getItem('navT0'));
return fcp && t0 ? performance.timeOrigin + fcp.startTime - t0 : null;
"#;

/// Following a link from one page to another, from a warm cache (the worker in control,
/// every file fetched before): the time from the click to the first frame painted with
/// the next page, five times each (docs/size.md, "Navigation"). Reported, not asserted:
/// a timing; the scenario fails only when a navigation paints nothing.
pub fn navigation_paint(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let compare = "compare/mistral-3b-vs-openrouter-model-fusion";
        for page in ["", "tool/mistral-3b", compare, "reviewer/skeptic", ""] {
            b.goto(page).await;
        }
        assert!(
            b.wait_js("return !!navigator.serviceWorker.controller", 20)
                .await,
            "the worker never took control"
        );
        let hops = [
            // Home's islands: the tool page loads as a page of its own.
            (
                "home → tool",
                "",
                ".rows a.row__name[href$='tool/mistral-3b']",
                "Mistral 3B",
            ),
            // A tool page's islands: the comparison loads as a page of its own.
            (
                "tool → comparison",
                "tool/mistral-3b",
                "main a[href$='compare/mistral-3b-vs-openrouter-model-fusion']",
                "Mistral 3B vs OpenRouter Model Fusion",
            ),
            // A comparison's islands: the reviewer page loads as a page of its own.
            (
                "comparison → reviewer",
                compare,
                ".scorecard a[href$='reviewer/skeptic']",
                "Skeptic",
            ),
        ];
        for (name, from, link, want) in hops {
            let mut ms = Vec::new();
            for _ in 0..5 {
                b.goto(from).await;
                b.client
                    .execute(CLICK, vec![link.into(), want.into()])
                    .await
                    .expect("click");
                b.wait_text("#app[data-live] h1", want).await;
                let mut painted = serde_json::Value::Null;
                for _ in 0..50 {
                    painted = b.js(PAINTED).await;
                    if !painted.is_null() {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                let t = painted
                    .as_f64()
                    .unwrap_or_else(|| panic!("{name}: no paint after the click"));
                assert!(t > 0.0, "{name}: painted {t} ms before the click");
                ms.push(t.round() as u64);
            }
            let mut sorted = ms.clone();
            sorted.sort_unstable();
            eprintln!(
                "navigation {name}: median {} ms, click to painted frame ({ms:?})",
                sorted[sorted.len() / 2]
            );
        }
    })
}
