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

/// A catalog past the split, built with 20 tool pages: the worker precaches none of
/// them; a prerendered one visited is kept and opens offline as that page, and one
/// without a page, drawn by the app from the shell, opens offline from the data the
/// worker kept. (Chromium, on its own copy of the root build, `catalog site` run again
/// over a generated catalog.)
pub fn offline_large_catalog() -> Steps<'static> {
    Box::pin(async {
        use ship_or_skip::domain::{catalog::synth, prerender};
        let built = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(std::env::var("E2E_DIST_ROOT").unwrap_or_else(|_| "target/e2e-dist-root".into()));
        let site = support::TempDir(
            std::env::temp_dir().join(format!("sos-large-{}", std::process::id())),
        );
        let _ = std::fs::remove_dir_all(&site.0);
        support::copy_dir(&built, &site.0);
        let _ = std::fs::remove_dir_all(site.0.join("tool"));
        let catalog = synth::generate(600, 5);
        std::fs::write(
            site.0.join("catalog.json"),
            serde_json::to_string(&catalog).unwrap(),
        )
        .unwrap();
        let hook = std::process::Command::new(env!("CARGO_BIN_EXE_catalog"))
            .arg("site")
            .arg(&site.0)
            .env("PRERENDER_TOOLS", "20")
            .output()
            .expect("catalog site");
        assert!(hook.status.success(), "{hook:?}");
        let pages = std::fs::read_dir(site.0.join("tool")).unwrap().count();
        assert_eq!(pages, 20, "tool pages");
        let sw = std::fs::read_to_string(site.0.join("sw.js")).unwrap();
        assert!(sw.contains("const ON_VISIT = [\"tool/\"];"), "{sw:.300}");
        // (The precache list: one quoted file a line.)
        assert!(!sw.contains("\n  \"tool/"), "a tool page is precached");
        assert!(sw.contains("\n  \"index.html\",\n"), "{sw:.600}");
        let shown = prerender::prerendered_tools(&catalog, 20);
        let kept = &catalog.tools[shown[0]];
        let other = (0..catalog.tools.len())
            .find(|i| !shown.contains(i))
            .map(|i| &catalog.tools[i])
            .unwrap();

        let b = Browser::start_at(site.0.clone(), "/", Engine::Chromium).await;
        let result = crate::harness::futures_catch(async {
            b.goto("").await;
            assert!(
                b.wait_js("return !!navigator.serviceWorker.controller", 20)
                    .await,
                "the service worker never took control"
            );
            // Online: a prerendered tool page, then one the app draws from the shell.
            b.goto(&format!("tool/{}", kept.slug)).await;
            assert_eq!(b.text("h1").await, kept.name);
            b.goto(&format!("tool/{}", other.slug)).await;
            assert_eq!(b.wait_text("#app h1", &other.name).await, other.name);
            b.set_offline(true).await;
            let before = b.answered();
            b.goto(&format!("tool/{}", kept.slug)).await;
            assert_eq!(b.text("h1").await, kept.name);
            // The page came from the worker's copy of the build's page, not the shell.
            let kept_page = b
                .js(&format!(
                    "return caches.match(new URL('tool/{}', document.baseURI).href).then(r => r ? r.text() : null)",
                    kept.slug
                ))
                .await;
            let kept_page = kept_page.as_str().unwrap_or_default();
            assert!(
                kept_page.contains("data-prerendered") && kept_page.contains(&kept.name),
                "the page was not kept: {:.200}",
                kept_page
            );
            b.goto(&format!("tool/{}", other.slug)).await;
            assert_eq!(b.wait_text("#app h1", &other.name).await, other.name);
            assert_eq!(b.answered(), before, "a request reached the server offline");
        })
        .await;
        b.close().await;
        if let Err(msg) = result {
            panic!("{msg}");
        }
    })
}
