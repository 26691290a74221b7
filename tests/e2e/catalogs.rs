//! Catalogs other than the shipped one: a bad tool, not JSON, a split catalog, and one
//! full of script payloads.

use crate::support::{dist_dir, Browser};
use crate::Steps;

pub fn broken_catalogs(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // One invalid tool: the rest shows, with a notice naming it.
        let mut cat: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dist_dir().join("catalog.json")).unwrap(),
        )
        .unwrap();
        cat["tools"][2]["panel"][0]["score"] = serde_json::json!(140);
        b.override_file("catalog.json", Some(cat.to_string().as_bytes()));
        app_home(b).await;
        assert_eq!(b.wait_text("#app p.count", "tools").await, "5 tools");
        // The tool, and the curated comparison that needs it.
        says_skipped(b, 2, "tools[2].panel[0].score: score 140 is out of range").await;
        says_skipped(
            b,
            2,
            "comparisons[2].tools[0]: unknown or skipped tool \"mistral-3b\"",
        )
        .await;
        // Not JSON at all: a readable error page with a retry that recovers.
        // (A page the app draws: a tool page or a comparison the build rendered is live
        // through its islands alone, over the catalog the build rendered it from.)
        b.override_file("catalog.json", Some(b"<html>oops</html>"));
        b.goto("compare/mistral-3b-vs-mistral-3-1").await;
        assert_eq!(b.text("h1").await, "The catalog could not be loaded");
        let what = b.text(".load-error__what").await;
        assert!(
            what.contains("not valid JSON") && what.contains("line 1, column 1"),
            "{what}"
        );
        b.override_file("catalog.json", None);
        b.click(".load-error button").await;
        assert_eq!(
            b.wait_text("h1", "Mistral 3B vs").await,
            "Mistral 3B vs Mistral 3.1"
        );
    })
}

/// A split catalog (docs/catalog.md): lists from the index alone (read by the index
/// chunk's code, fetched once), each tool's texts from its own file on demand, and a
/// broken tool file explained without taking the site down. (A broken index chunk:
/// `home::chunks_on_demand`, which runs without a worker.)
pub fn split_catalog(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let text = std::fs::read_to_string(dist_dir().join("catalog.json")).unwrap();
        let catalog = ship_or_skip::domain::catalog::validate::load(&text)
            .unwrap()
            .catalog;
        let files = ship_or_skip::domain::catalog::split::split(&catalog).unwrap();
        let detail = |slug: &str| {
            files
                .details
                .iter()
                .find(|(s, _)| s == slug)
                .unwrap()
                .1
                .clone()
        };
        b.override_file("catalog.json", Some(files.head.as_bytes()));
        b.override_file("catalog-index.json", Some(files.index.as_bytes()));
        b.override_file(
            "tools/mistral-3b.json",
            Some(detail("mistral-3b").as_bytes()),
        );
        b.override_file("tools/mistral-3-1.json", Some(b"{"));
        // A search in the address: home's islands read the catalog, which is not the one
        // the build rendered home from, and leave home to the app.
        b.goto("?q=mistarl").await;
        assert_eq!(
            b.wait_text("#app p.count", "5 of").await,
            "5 of 6 tools match"
        );
        assert!(
            b.wait_js("return !document.querySelector('leptos-island')", 10)
                .await,
            "the app did not take over home"
        );
        // Nothing matches: the app's empty state quotes the words as they are typed on.
        let input = b.find("#search").await;
        input.clear().await.expect("clear");
        input.send_keys("zzzz").await.expect("type");
        b.wait_text("#app .empty", "“zzzz”").await;
        input.send_keys("q").await.expect("type");
        let empty = b.wait_text("#app .empty", "“zzzzq”").await;
        assert!(
            empty.contains("Nothing is called or described as “zzzzq”"),
            "{empty}"
        );
        assert_eq!(b.requested("split_index-").await, 1, "the index chunk");
        // The take's text is only in the tool's own file, which the app reads for a tool
        // page it draws (followed from the app's home; one opened directly is the
        // build's).
        let take = catalog.tool("mistral-3b").unwrap().panel[0].text.clone();
        app_home(b).await;
        b.click(".rows a.row__name[href$='tool/mistral-3b']").await;
        assert_eq!(b.wait_text("#app h1", "Mistral 3B").await, "Mistral 3B");
        let body = b
            .wait_text("#app .scorecard", &take[..take.len().min(40)])
            .await;
        assert!(body.contains(&take[..take.len().min(40)]), "{body}");
        // A broken tool file: a readable error, then a retry that recovers.
        app_home(b).await;
        b.click(".rows a.row__name[href$='tool/mistral-3-1']").await;
        let h1 = b.wait_text("#app h1", "reviews could not be loaded").await;
        assert_eq!(h1, "This page's reviews could not be loaded");
        assert!(b.text(".load-error__what").await.contains("not valid JSON"));
        b.override_file(
            "tools/mistral-3-1.json",
            Some(detail("mistral-3-1").as_bytes()),
        );
        b.click(".load-error button").await;
        assert_eq!(b.wait_text("#app h1", "Mistral 3.1").await, "Mistral 3.1");
        for f in [
            "catalog.json",
            "catalog-index.json",
            "tools/mistral-3b.json",
            "tools/mistral-3-1.json",
        ] {
            b.override_file(f, None);
        }
    })
}

pub fn hostile_catalog(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // Script payloads in every text field a page shows, and a javascript: homepage.
        let payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1\">";
        let mut cat: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dist_dir().join("catalog.json")).unwrap(),
        )
        .unwrap();
        cat["site"]["tagline"] = payload.into();
        for tool in cat["tools"].as_array_mut().unwrap() {
            for field in [
                "name",
                "vendor",
                "category",
                "tagline",
                "description",
                "license",
            ] {
                tool[field] = format!("{}{payload}", tool[field].as_str().unwrap()).into();
            }
            tool["pricing"]["summary"] = payload.into();
            for take in tool["panel"].as_array_mut().unwrap() {
                take["text"] = payload.into();
            }
        }
        cat["tools"][0]["homepage"] = "javascript:window.__pwned=1".into();
        for persona in cat["personas"].as_array_mut().unwrap() {
            persona["motto"] = payload.into();
        }
        b.override_file("catalog.json", Some(cat.to_string().as_bytes()));
        // `@`: a page as the app draws it from the served catalog, home or followed from
        // its home (opened directly, home, a tool page or a reviewer page is the build's,
        // from its own catalog); a comparison the build did not render is the app's.
        for page in [
            "@",
            "@tool/mistral-3b",
            "compare/mistral-3b-vs-mistral-3-1",
            "@reviewer/skeptic",
        ] {
            match page.strip_prefix('@') {
                Some("") => app_home(b).await,
                Some(path) => {
                    app_home(b).await;
                    b.click(&format!("main a[href$='{path}']")).await;
                    assert!(
                        b.wait_js(&format!("return location.pathname.endsWith('{path}')"), 10)
                            .await,
                        "{path}: the link was not followed"
                    );
                }
                None => b.goto(page).await,
            }
            b.text("h1").await;
            assert!(
                b.wait_js(
                    "return document.body.innerText.includes('<script>window.__pwned')",
                    10
                )
                .await,
                "{page}: the payload is not shown as text"
            );
            let state = b
                .js("return [window.__pwned === undefined, document.querySelectorAll('a[href^=\"javascript:\"], #app script, #app img[onerror]').length]")
                .await;
            assert_eq!(state, serde_json::json!([true, 0]), "{page}");
        }
        b.override_file("catalog.json", None);
        // The policy itself: an inline handler injected into the page does not run.
        b.goto("").await;
        let csp = b
            .js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content || ''")
            .await;
        let csp = csp.as_str().unwrap_or_default().to_string();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-")
                && !csp.contains("unsafe-inline"),
            "{csp}"
        );
        b.js("document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,x\" onerror=\"window.__pwned=1\"><img src=\"nope.png\" onerror=\"window.__pwned=1\">'); return 0").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(b.js("return window.__pwned === undefined").await, true);
    })
}

/// A catalog with an invalid entry is still built from the rest, and every page the build
/// renders says so, as the app does: a tool page, live through its islands (which never
/// read the catalog), keeps the notice its island carries. The page is the build's own
/// render (`app::render::page_html`) of the shipped catalog with one take made invalid.
pub fn skipped_in_the_build(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        use ship_or_skip::app::render::{page_html, Site};
        use ship_or_skip::domain::{catalog::validate, prerender};
        // No worker: it would answer with the page it precached.
        b.without_worker().await;
        let dist = dist_dir();
        let mut cat: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dist.join("catalog.json")).unwrap())
                .unwrap();
        cat["tools"][3]["panel"][0]["score"] = 140.into();
        let loaded = validate::load(&cat.to_string()).expect("the rest of the catalog");
        // The tool, and the curated comparison that names it.
        assert_eq!(loaded.skipped.len(), 2, "{:?}", loaded.skipped);
        let catalog = std::sync::Arc::new(loaded.catalog);
        let page = prerender::pages(&catalog)
            .into_iter()
            .find(|p| p.route == "/tool/mistral-3b")
            .expect("a tool page");
        let shell = std::fs::read_to_string(dist.join("404.html")).unwrap();
        let site = Site {
            url: b.origin.clone(),
            base: b.base.to_string(),
        };
        let html = page_html(&shell, &catalog, &loaded.skipped, &page, &site).expect("page");
        b.override_file("tool/mistral-3b", Some(html.as_bytes()));
        b.goto("tool/mistral-3b").await;
        assert_eq!(
            b.js("return !!document.querySelector('#app[data-islands=\"tool\"][data-live]')")
                .await,
            true,
            "not live through its islands"
        );
        says_skipped(b, 2, "tools[3].panel[0].score: score 140 is out of range").await;
        b.override_file("sw.js", None);
    })
}

/// The notices say that `count` catalog entries could not be shown, and name `problem`.
async fn says_skipped(b: &Browser, count: usize, problem: &str) {
    let notice = b.text(".notices").await;
    assert!(
        notice.contains(&format!("{count} catalog entries could not be shown")),
        "{notice}"
    );
    let why = b
        .js("return document.querySelector('.notices details').textContent")
        .await;
    assert!(why.as_str().unwrap_or_default().contains(problem), "{why}");
}

/// Home as the app draws it from the served catalog (here, one the build did not render
/// the static pages from): reached from a page the app draws (the bookmarks) by the
/// header's link. Opened directly, home is the build's, live through its islands.
pub async fn app_home(b: &Browser) {
    b.goto("bookmarks").await;
    b.click("#app[data-live] a.site-header__name").await;
    b.find("#app[data-live] .page--home .rows").await;
}
