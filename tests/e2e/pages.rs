//! Tool and reviewer pages, unknown addresses, deep links under the sub-path, badges and
//! open data, and the prerendered pages: the files served, the islands drawn on need,
//! and the app taking them over.

use crate::support::{dist_dir, server, without_loader, Browser, BASE, UNREGISTER_WORKERS};
use crate::Steps;

pub fn unknown_pages(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("compare/mistral-3c-vs-openrouter-model-fusion")
            .await;
        assert_eq!(b.text("h1").await, "Comparison not found");
        let body = b.text(".not-found").await;
        assert!(
            body.contains("mistral-3c") && body.contains("Did you mean"),
            "{body}"
        );
        b.click(".suggestions a").await;
        assert!(b
            .wait_text("h1", " vs ")
            .await
            .contains(" vs OpenRouter Model Fusion"));
        b.goto("no/such/page").await;
        assert_eq!(b.text("h1").await, "Page not found");
        b.click(".not-found a.button").await;
        assert_eq!(b.wait_text("h1", "Ship or Skip").await, "Ship or Skip");
    })
}

pub fn tool_page(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("tool/mistral-medium-3-72b-instruct").await;
        assert_eq!(b.text("h1").await, "Mistral Medium 3 (72B Instruct)");
        let about = b.text(".facts").await;
        assert!(about.contains("Ship · 3 ship / 1 skip"), "{about}");
        let alts = b.text(".alternatives").await;
        assert!(
            alts.contains("Qwen2.5-72B-Instruct") && alts.contains("Llama 3.3 70B"),
            "{alts}"
        );
        let takes = b.texts("table.scorecard tbody td").await;
        assert_eq!(takes.len(), 5);
        assert!(takes[3].starts_with("55/100 · skip"));
        assert_eq!(takes[4], "No panel take");
        // The verdict changelog, where the feed's entry links.
        assert_eq!(
            b.texts("#changes + ol.changes li").await,
            ["2026-10-06 — Founder moved to skip: the people downloading the weights have no budget to spend, so the revenue has to come from elsewhere."]
        );
        // Curated comparison link goes to the comparison, client-side.
        b.click("#curated ~ ul a").await;
        assert_eq!(
            b.wait_text("h1", " vs ").await,
            "Mistral Medium 3 (72B Instruct) vs OpenRouter Model Fusion"
        );
    })
}

pub fn reviewer_page(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("reviewer/skeptic").await;
        assert_eq!(b.text("h1").await, "Skeptic");
        assert_eq!(b.text("p.count").await, "6 tools, 5 shipped");
        b.goto("reviewer/founder?category=Developer+Tools").await;
        assert_eq!(b.text("p.count").await, "5 tools, 4 shipped");
        // Live through its islands: a category chosen stays in the document, in its
        // address and its history.
        b.goto("reviewer/creator?category=Writing").await;
        assert_eq!(b.text("p.count").await, "0 tools, 0 shipped");
        b.js("window.__samePage = true; const s = document.getElementById('reviewer-category'); s.value = 'Developer Tools'; s.dispatchEvent(new Event('change', { bubbles: true })); return 0").await;
        assert!(
            b.wait_js(
                "return !document.querySelector('p.count').textContent.startsWith('0 tools')",
                5
            )
            .await,
            "the category did not apply"
        );
        assert_eq!(
            b.js("return [window.__samePage === true, location.search]")
                .await,
            serde_json::json!([true, "?category=Developer+Tools"])
        );
        b.js("history.back(); return 0").await;
        assert_eq!(
            b.wait_text("p.count", "0 tools").await,
            "0 tools, 0 shipped",
            "back: the category before"
        );
        assert_eq!(b.js("return window.__samePage === true").await, true);
        b.goto("reviewer/creator?category=Writing").await;
        assert_eq!(b.text("p.count").await, "0 tools, 0 shipped");
        b.goto("reviewer/nobody").await;
        assert_eq!(b.text("h1").await, "Page not found");
    })
}

pub fn deep_link_reload(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs OpenRouter Model Fusion");
        b.reload().await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs OpenRouter Model Fusion");
        // Every in-app link carries the base path.
        let hrefs = b
            .js("return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => h.startsWith('/'))")
            .await;
        for h in hrefs.as_array().expect("array") {
            assert!(
                h.as_str().unwrap().starts_with(BASE),
                "link without base: {h}"
            );
        }
    })
}

pub fn badges_and_open_data(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("tool/mistral-3b").await;
        // The badge the build wrote, shown on the page (it loaded: it has a width).
        let img = ".badge img[alt='Ship or Skip verdict for Mistral 3B: Ship · 100%']";
        b.find(img).await;
        assert!(
            b.wait_js(&format!("const i = document.querySelector(\"{img}\"); return i.complete && i.naturalWidth > 0"), 10)
                .await,
            "the badge image did not load"
        );
        let snippet = b
            .js("return document.querySelector('.badge textarea').value")
            .await;
        // Absolute, at the site's address (the page's canonical one, `SITE_URL`).
        let canonical = b
            .js("return document.querySelector('link[rel=canonical]').href")
            .await;
        let site = canonical
            .as_str()
            .unwrap()
            .strip_suffix("tool/mistral-3b")
            .unwrap()
            .to_string();
        assert_eq!(
            snippet,
            format!(
                "<a href=\"{site}tool/mistral-3b\"><img src=\"{site}badges/mistral-3b.svg\" alt=\"Ship or Skip verdict for Mistral 3B: Ship · 100%\" height=\"20\"></a>"
            )
        );
        // The footer's open-data CSV is there and lists every tool.
        let csv = b
            .client
            .execute_async(
                "const done = arguments[0];
                 fetch(document.querySelector('footer a[download]').href).then(r => r.text()).then(done, e => done('error ' + e));",
                vec![],
            )
            .await
            .unwrap();
        let csv = csv.as_str().unwrap();
        assert!(csv.starts_with("slug,name,vendor,"), "{csv}");
        assert_eq!(csv.lines().count(), 7);
        // The feed is linked from every page's head.
        assert_eq!(
            b.js("return document.querySelector('link[rel=alternate][type=\"application/atom+xml\"]').getAttribute('href')").await,
            "feed.xml"
        );
    })
}

pub fn prerendered_takeover(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // The bookmarks page: the app takes it over.
        b.goto("bookmarks").await;
        assert_eq!(b.text("h1").await, "Bookmarks");
        // One page on screen: the static copy is gone, the live app is `#app`.
        let one_page = "return [document.querySelectorAll('h1').length, document.querySelectorAll('[data-prerendered], #app-live').length, document.querySelectorAll('#app').length, document.querySelectorAll('main').length]";
        assert_eq!(b.js(one_page).await, serde_json::json!([1, 0, 1, 1]));
        // A comparison: live through its islands, in the page the build rendered.
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs OpenRouter Model Fusion");
        assert_eq!(b.js(one_page).await, serde_json::json!([1, 1, 1, 1]));
        assert_eq!(
            b.js("return [!!document.querySelector('#app[data-islands][data-live]'), document.querySelectorAll('leptos-island').length > 10, document.querySelectorAll('.bookmark-button:disabled').length]").await,
            serde_json::json!([true, true, 0]),
            "the comparison's islands are live"
        );
        // The served HTML had the page before any script ran.
        let raw = b
            .js("return fetch(location.href, {cache: 'no-store'}).then(r => r.text())")
            .await;
        let raw = raw.as_str().unwrap_or_default();
        assert!(
            raw.contains("<h1>Mistral 3B vs OpenRouter Model Fusion")
                && raw.contains("data-prerendered"),
            "raw HTML: {}",
            &raw[..raw.len().min(300)]
        );
    })
}

/// The boxes of what the first screen shows, for `prerendered_layout`.
const FIRST_SCREEN_BOXES: &str = "return [...document.querySelectorAll(
  '#app header.site-header, #app main h1, #app main .lede, #app ul.latest > li, #app ul.latest p, #app ol.divisive > li, '
  + '#app .breadcrumb, #app .card__top, #app .card__tagline, #app .card__figures, #app .card__reviewed, #app .card__split, '
  + '#app .card__description, #app .card__actions')]
  .map(e => { const r = e.getBoundingClientRect();
    return [e.tagName + '.' + e.className, Math.round(r.top), Math.round(r.left), Math.round(r.width), Math.round(r.height)]; });";

/// A prerendered page and the live page that replaces it lay out the first
/// screen box for box, so the takeover moves nothing and paints nothing larger (a larger
/// box is a new "largest contentful paint", seconds later on a phone). The static copy
/// is measured with its loader script removed, so it stays static; the service worker
/// goes first, or it would answer from its copy of the build.
pub fn prerendered_layout(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // A phone's width, where the lines wrap most and Lighthouse measures.
        let (w, h) = b.client.get_window_size().await.expect("window size");
        b.client
            .set_window_size(412, 900)
            .await
            .expect("narrow window");
        b.goto("").await;
        for (path, file) in [
            ("", "index.html"),
            ("tool/mistral-3b", "tool/mistral-3b.html"),
        ] {
            let html = std::fs::read_to_string(dist_dir().join(file)).expect("static page");
            let frozen = without_loader(&html);
            assert!(frozen.len() < html.len(), "{file}: no loader script found");
            // No worker may serve the frozen page from its cache.
            let gone = b.js(UNREGISTER_WORKERS).await;
            assert_eq!(gone, true, "a service worker is still registered");
            b.override_file(path, Some(frozen.as_bytes()));
            b.client.goto(&b.url(path)).await.expect("navigation");
            b.find("#app[data-prerendered] main h1").await;
            assert_eq!(
                b.js("return navigator.serviceWorker.controller === null && !document.querySelector('#app[data-live]')").await,
                true,
                "{file}: the frozen page was served by a worker or taken over"
            );
            let frozen_boxes = b.js(FIRST_SCREEN_BOXES).await;
            b.override_file(path, None);
            b.goto(path).await;
            let live_boxes = b.js(FIRST_SCREEN_BOXES).await;
            assert!(
                frozen_boxes.as_array().is_some_and(|a| a.len() >= 8),
                "{file}: {frozen_boxes}"
            );
            assert_eq!(frozen_boxes, live_boxes, "{file}: static, then live");
        }
        b.client
            .set_window_size(w as u32, h as u32)
            .await
            .expect("window size back");
    })
}

/// Every known route is a file GitHub Pages serves with 200, carrying its own
/// title, description, preview tags and figures; everything else stays 404.html.
pub fn static_routes() {
    use ship_or_skip::domain::{base::escape::xml_escape, catalog::validate, prerender};
    let root = dist_dir();
    let catalog = validate::load(&std::fs::read_to_string(root.join("catalog.json")).unwrap())
        .unwrap()
        .catalog;
    let pages = prerender::pages(&catalog);
    assert_eq!(
        pages.len(),
        2 + catalog.tools.len() + catalog.personas.len() + catalog.comparisons.len()
    );
    for page in &pages {
        let url = format!("{BASE}{}", page.route.trim_start_matches('/'));
        let (status, file) = server::resolve(&root, BASE, &url);
        assert_eq!(status, 200, "{url}");
        let html = std::fs::read_to_string(file.unwrap()).unwrap();
        for needle in [
            format!("<title>{}</title>", xml_escape(&page.title)),
            format!(
                "<meta name=\"description\" content=\"{}\">",
                xml_escape(&page.description)
            ),
            format!(
                "<meta property=\"og:description\" content=\"{}\">",
                xml_escape(&page.preview)
            ),
            "<link rel=\"canonical\" href=\"http".to_string(),
            "<meta name=\"twitter:card\"".to_string(),
            "<div id=\"app\" data-prerendered".to_string(),
        ] {
            assert!(html.contains(&needle), "{url}: no {needle}");
        }
        assert_eq!(html.matches("<title>").count(), 1, "{url}");
    }
    for tool in &catalog.tools {
        let (_, file) = server::resolve(&root, BASE, &format!("{BASE}tool/{}", tool.slug));
        let html = std::fs::read_to_string(file.unwrap()).unwrap();
        let verdict = ship_or_skip::domain::panel::verdict::Tally::of(tool).verdict_line();
        assert!(html.contains(&verdict), "tool/{}: {verdict}", tool.slug);
        assert!(html.contains(&xml_escape(&tool.name)));
    }
    let seed = server::resolve(
        &root,
        BASE,
        &format!("{BASE}compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion"),
    );
    let html = std::fs::read_to_string(seed.1.unwrap()).unwrap();
    assert!(
        html.contains("verdict-cell--ship\">Ship · 3 ship / 1 skip")
            && html.contains("88/100 · ship")
            && html.contains("Best for"),
        "the seed comparison's figures and rows in its static page"
    );
    // Non-curated pairs and unknown tools: 404.html, the app decides.
    let other = server::resolve(
        &root,
        BASE,
        &format!("{BASE}compare/mistral-3b-vs-mistral-3-1"),
    );
    assert_eq!(other.0, 404);
    assert!(!std::fs::read_to_string(other.1.unwrap())
        .unwrap()
        .contains("data-prerendered"));
    assert_eq!(
        server::resolve(&root, BASE, &format!("{BASE}tool/nope")).0,
        404
    );
    let sitemap = std::fs::read_to_string(root.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<loc>").count(), pages.len());
    let robots = std::fs::read_to_string(root.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: http") && robots.contains("/ship-or-skip/sitemap.xml"));
}

pub fn unknown_paths_404() {
    let root = dist_dir();
    assert_eq!(server::resolve(&root, BASE, "/ship-or-skip/").0, 200);
    assert_eq!(
        server::resolve(&root, BASE, "/ship-or-skip/catalog.json").0,
        200
    );
    let (status, file) = server::resolve(&root, BASE, "/ship-or-skip/compare/a-vs-b");
    assert_eq!(status, 404);
    assert!(file.unwrap().ends_with("404.html"));
    assert_eq!(
        server::resolve(&root, BASE, "/ship-or-skip/../Cargo.toml").0,
        404
    );
}

/// A wasm trap while a page's islands are drawn (a panic; none is known) hands the page
/// to the app, as an error before they start does: a reader never keeps a page whose
/// controls stay disabled. The tool pages' islands module is served with a trap queued
/// right after its first island is drawn, before the page is live.
pub fn islands_trap(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // No worker: it would answer with the module it precached.
        b.without_worker().await;
        let (glue, trapping) = islands_glue_wrapped(
            "tool",
            "const r = drawIslands(); setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }); return r;",
        );
        b.override_file(&glue, Some(trapping.as_bytes()));
        b.goto("tool/mistral-3b").await;
        // The app drew the page and took its place; its toggles are live.
        assert!(
            b.wait_js(
                "return !document.querySelector('[data-islands]') && !!document.querySelector('#app[data-live]')",
                10
            )
            .await,
            "the app did not take the page over"
        );
        assert_eq!(b.text("h1").await, "Mistral 3B");
        let state = b
            .js("return [document.querySelectorAll('[data-prerendered], [data-islands], #app-live').length, performance.getEntriesByType('resource').some(r => r.name.includes('/ship-or-skip-')), document.querySelectorAll('.bookmark-button:disabled').length]")
            .await;
        assert_eq!(state, serde_json::json!([0, true, 0]));
        b.override_file(&glue, None);
        b.override_file("sw.js", None);
    })
}

/// The glue of `kind`'s islands module with its `islands` export wrapped: `body` runs in
/// its place, and calls the module's own as `drawIslands()`. Returns (file name, glue).
fn islands_glue_wrapped(kind: &str, body: &str) -> (String, String) {
    let dist = dist_dir();
    let prefix = format!("islands-{kind}-");
    let glue = std::fs::read_dir(&dist)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with(&prefix) && n.ends_with(".js") && !n.contains("-split-"))
        .expect("the islands glue (not its chunk's loader)");
    let js = std::fs::read_to_string(dist.join(&glue)).unwrap();
    // The minified glue exports its `islands` as `export{…,x as islands}`.
    let at = js.rfind(" as islands").expect("the glue exports islands");
    let local = js[..at]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .next()
        .unwrap();
    let wrapped = format!(
        "{}{local} as shipOrSkipIslands{}\nconst drawIslands = {local};\nexport function islands() {{ {body} }}\n",
        &js[..at - local.len()],
        &js[at + " as islands".len()..]
    );
    (glue, wrapped)
}

/// A press before the islands are drawn is not lost: with the comparison's islands module
/// held back a second, "Which would you ship?" pressed on the build's page becomes the
/// reader's pick once the page is live (the page loader keeps the press).
pub fn islands_early_press(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // No worker: it would answer with the module it precached.
        b.without_worker().await;
        b.js("localStorage.clear(); return 0").await;
        let (glue, held) = islands_glue_wrapped("compare", "setTimeout(drawIslands, 1000);");
        b.override_file(&glue, Some(held.as_bytes()));
        b.client
            .goto(&b.url("compare/mistral-3b-vs-openrouter-model-fusion"))
            .await
            .expect("navigation");
        b.click(".pick-button[data-slug='mistral-3b']").await;
        assert_eq!(
            b.js("return !!document.querySelector('#app[data-live]')")
                .await,
            false,
            "pressed before the islands were drawn"
        );
        assert!(b
            .wait_text(".pick__state", "Your pick")
            .await
            .starts_with("Your pick: Mistral 3B."));
        assert_eq!(
            b.js("return Object.keys(JSON.parse(localStorage.getItem('ship-or-skip.votes')).picks).length")
                .await,
            1
        );
        b.js("localStorage.clear(); return 0").await;
        b.override_file(&glue, None);
        b.override_file("sw.js", None);
    })
}

/// The islands a page draws on need (`app::islands::later`) come with what the reader does
/// before their chunk is in: on a reviewer page opened with nothing saved, no chunk is
/// fetched; a category chosen fetches it, and the list draws that category; "Trust only"
/// pressed then sets the weights; on a tool page, "Copy link" pressed before the chunk
/// copies once it is in.
pub fn islands_replay(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let fetched = |module: &'static str| async move {
            b.requested(&format!("islands-{module}-split_later-")).await
        };
        // (A browser that has opened nothing yet is on about:blank, which has no storage.)
        b.goto("").await;
        b.js("localStorage.clear(); return 0").await;
        b.goto("reviewer/founder").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(
            fetched("reviewer").await,
            0,
            "nothing saved, nothing needed"
        );
        let category = b.find("#reviewer-category").await;
        category
            .select_by_value("Developer Tools")
            .await
            .expect("a category");
        assert_eq!(
            b.wait_text("p.count", "5 tools").await,
            "5 tools, 4 shipped",
            "the category chosen before the list was live"
        );
        // The address follows once the page is idle.
        assert!(
            b.wait_js(
                "return document.getElementById('reviewer-category').value === 'Developer Tools' && location.search === '?category=Developer+Tools'",
                5
            )
            .await,
            "the select and the address keep the category"
        );
        assert_eq!(fetched("reviewer").await, 1);
        b.click(".trust-button").await;
        assert!(b
            .wait_text(".notice--weights", "in effect")
            .await
            .contains("Builder ×0"));
        // Opened with a category: the list is drawn before the page says it is live.
        b.goto("reviewer/founder?category=Developer+Tools").await;
        assert_eq!(b.text("p.count").await, "5 tools, 4 shipped");
        b.js("localStorage.clear(); return 0").await;
        b.goto("tool/mistral-3b").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(fetched("tool").await, 0);
        b.click(".copy__button").await;
        let status = b.wait_text(".copy__status", "C").await;
        assert!(
            status == "Copied." || status.starts_with("Selected: press Ctrl+C"),
            "{status}"
        );
        assert_eq!(fetched("tool").await, 1);
    })
}
