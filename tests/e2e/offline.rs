//! The service worker: the build precached in every engine, and offline after the first
//! visit, then a clean update, in Chromium from its own builds.

use crate::support::{self, dist_dir, Browser, Engine, BASE};
use crate::Steps;

pub fn offline_copy(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("").await;
        let has_sw = b.js("return 'serviceWorker' in navigator").await;
        assert_eq!(has_sw, true, "{:?} has no service worker API", b.engine);
        assert!(
            b.wait_js("return !!navigator.serviceWorker.controller", 20)
                .await,
            "the service worker never took control"
        );
        let build = b.text("code.build").await;
        let ok = b
            .wait_js(
                &format!(
                    "return caches.open('ship-or-skip-{build}').then(c => c.keys()).then(k => k.some(r => r.url.endsWith('.wasm')) && k.some(r => r.url.endsWith('/index.html')))"
                ),
                20,
            )
            .await;
        assert!(ok, "build {build} is not precached");
    })
}

/// Offline after the first visit, then a clean update, in Chromium, under the
/// GitHub Pages sub-path (from its own copy of the e2e build).
pub fn offline_update_sub_path() -> Steps<'static> {
    Box::pin(offline_then_update(BASE, dist_dir()))
}

/// The same at the site root, from the root build (`E2E_DIST_ROOT`).
pub fn offline_update_root() -> Steps<'static> {
    Box::pin(async {
        let root_dist = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(std::env::var("E2E_DIST_ROOT").unwrap_or_else(|_| "target/e2e-dist-root".into()));
        assert!(
            root_dist.join("index.html").exists(),
            "no root build at {}: run `make e2e-dist`",
            root_dist.display()
        );
        offline_then_update("/", root_dist).await
    })
}

async fn offline_then_update(base: &'static str, dist: std::path::PathBuf) {
    // A deployable copy: the test deploys a new build into it later.
    let site = support::TempDir(std::env::temp_dir().join(format!(
        "sos-site-{}-{}",
        std::process::id(),
        base.len()
    )));
    let _ = std::fs::remove_dir_all(&site.0);
    support::copy_dir(&dist, &site.0);
    let b = Browser::start_at(site.0.clone(), base, Engine::Chromium).await;
    let result = crate::harness::futures_catch(async {
        // First visit, online: the worker installs the build and takes control.
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs OpenRouter Model Fusion");
        assert!(
            b.wait_js("return !!navigator.serviceWorker.controller", 20)
                .await,
            "the service worker never took control"
        );
        let scope = b
            .js("return navigator.serviceWorker.ready.then(r => r.scope)")
            .await;
        assert_eq!(scope, format!("{}{base}", b.origin));
        let build1 = b.text("code.build").await;
        assert_eq!(build1.len(), 12, "build id {build1:?}");
        // A page the app draws (a comparison is live through its islands, without the
        // catalog): its catalog comes through the worker, which keeps it as data.
        b.goto("bookmarks").await;
        assert_eq!(b.text("h1").await, "Bookmarks");
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;

        // The network goes away: reload, a deep link to another comparison, a tool page,
        // a bookmark. The server must answer none of it.
        b.set_offline(true).await;
        assert!(b
            .wait_text(".site-header", "Offline")
            .await
            .contains("Offline"));
        let before = b.answered();
        b.reload().await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs OpenRouter Model Fusion");
        b.goto("compare/mistral-medium-3-vs-openrouter-model-fusion")
            .await;
        assert_eq!(
            b.text("h1").await,
            "Mistral Medium 3 vs OpenRouter Model Fusion"
        );
        assert_eq!(b.texts("table.scorecard tbody tr").await.len(), 5);
        assert!(b
            .wait_text(".site-footer", "Data as of")
            .await
            .contains("Data as of 2026-"));
        assert!(b.text(".site-header").await.contains("Offline"));
        b.goto("tool/mistral-3-1").await;
        assert_eq!(b.text("h1").await, "Mistral 3.1");
        b.click(".bookmark-button").await;
        assert_eq!(b.wait_text(".site-header .count", "1").await, "1");
        // Home searches offline: its islands' chunk and the catalog from the worker.
        b.goto("").await;
        b.find("#search")
            .await
            .send_keys("fusion")
            .await
            .expect("type");
        assert_eq!(b.wait_text("p.count", " of ").await, "1 of 6 tools matches");
        assert_eq!(b.answered(), before, "a request reached the server offline");

        // Online again, and a new build is deployed.
        b.set_offline(false).await;
        // The shell every page is made from (Trunk's index.html, kept as 404.html).
        let shell = site.0.join("404.html");
        let html = std::fs::read_to_string(&shell).unwrap();
        std::fs::write(
            &shell,
            html.replace("<head>", "<head>\n  <!-- redeployed -->"),
        )
        .unwrap();
        let index = site.0.join("index.html");
        let hook = std::process::Command::new(env!("CARGO_BIN_EXE_catalog"))
            .arg("site")
            .arg(&site.0)
            .output()
            .expect("catalog site");
        assert!(hook.status.success(), "{hook:?}");
        let html = std::fs::read_to_string(&index).unwrap();
        let build2 = html
            .split("name=\"ship-or-skip-build\" content=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .expect("stamped build id")
            .to_string();
        assert_ne!(build1, build2);

        // The next visit still runs the old build, whole, and says a new one is ready.
        b.goto("tool/mistral-3-1").await;
        let notice = b.wait_text(".notices", "new version").await;
        assert!(
            notice.contains("A new version of Ship or Skip is ready"),
            "{notice}"
        );
        assert_eq!(b.text("code.build").await, build1);
        b.click(".notice--update button").await;
        let moved = b
            .wait_js(
                &format!("return document.querySelector('code.build')?.textContent === '{build2}'"),
                20,
            )
            .await;
        assert!(moved, "did not reload into build {build2}");
        assert_eq!(b.text("h1").await, "Mistral 3.1");
        // The build id is in the page the build rendered: the count comes once the
        // islands have read the reader's records.
        assert_eq!(
            b.wait_text("#app[data-live] .site-header .count", "1")
                .await,
            "1"
        );
        // Only the new build's cache (and the catalog's) is left.
        let caches = b.js("return caches.keys()").await;
        let mut caches: Vec<String> = serde_json::from_value(caches).unwrap();
        caches.sort();
        let mut expected = vec![
            format!("ship-or-skip-{build2}"),
            "ship-or-skip-data".to_string(),
        ];
        expected.sort();
        assert_eq!(caches, expected);
    })
    .await;
    b.close().await;
    if let Err(msg) = result {
        panic!("{msg}");
    }
}
