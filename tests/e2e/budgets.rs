//! The size budgets of the landing pages: what Chromium fetches for a page opened
//! directly, until it is live and the network is quiet, weighed gzip -9 as GitHub Pages
//! serves it. The files are those the browser asked for (Resource Timing), not a list.

use crate::support::{dist_dir, gzip_size, Browser, UNREGISTER_WORKERS};
use crate::Steps;

/// Home, opened directly: its first view (src/first) with everything it needs.
pub const HOME_BUDGET: u64 = 120 * 1024;

/// Every URL the page has fetched so far (the document first).
const FETCHED: &str =
    "return [location.href].concat(performance.getEntriesByType('resource').map(r => r.name))";

/// The landing pages and their budgets. A comparison, a tool page and a reviewer page
/// are reported, not yet gated: the app they start is over any budget of 120 KB
/// (docs/size.md, "Landing pages").
const PAGES: [(&str, Option<u64>); 4] = [
    ("", Some(HOME_BUDGET)),
    (
        "compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion",
        None,
    ),
    ("tool/mistral-3b", None),
    ("reviewer/skeptic", None),
];

pub fn landing_pages(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let dist = dist_dir();
        let mut over = Vec::new();
        for (path, budget) in PAGES {
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
            if let Some(budget) = budget {
                if total > budget {
                    over.push(format!(
                        "/{path}: {total} B > {budget} B ({})",
                        lines.join(", ")
                    ));
                }
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
