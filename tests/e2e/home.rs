//! Home live through its islands without the app, and the app's code fetched on demand
//! in chunks.

use crate::support::{self, dist_dir, without_loader, Browser, Engine, UNREGISTER_WORKERS};
use crate::Steps;

/// The markup of `#app`'s children, for comparing two drawings of a page: attributes
/// sorted, links by the URL they resolve to, fields by their value (not the attributes
/// they started with), spaces collapsed, comments (Leptos' markers) and islands'
/// wrappers left out.
const APP_MARKUP: &str = "const walk = n => {
  if (n.nodeType === 3) return n.textContent;
  if (n.nodeType !== 1) return '';
  if (n.tagName === 'LEPTOS-ISLAND') return [...n.childNodes].map(walk).join('');
  const attrs = [...n.attributes].filter(a => !['href', 'value', 'selected'].includes(a.name))
    .map(a => a.name + '=' + a.value);
  if (n.tagName === 'A') attrs.push('href=' + n.href);
  if (n.tagName === 'INPUT' || n.tagName === 'SELECT') attrs.push('value=' + n.value);
  return '<' + n.tagName + ' ' + attrs.sort().join(' ') + '>' + [...n.childNodes].map(walk).join('') + '</' + n.tagName + '>';
};
return [...document.getElementById('app').childNodes].map(walk).join('').replace(/\\s+/g, ' ').replace(/> </g, '><').trim();";

/// Home is live through its islands (src/app/islands): its module draws the header and
/// the shortcuts at once, and its search and list only once the reader searches or has
/// saved something the list shows, from the module's chunk with the catalog. It searches,
/// keeps bookmarks, weights and the theme, and draws what the app's home draws for the
/// same state, box for box.
pub fn home_islands(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let chunk = "islands-home-split_later-";
        // (A browser that has opened nothing yet is on about:blank, which has no storage.)
        b.js("try { localStorage.clear(); } catch (e) {} return 0")
            .await;
        b.goto("").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(b.requested(chunk).await, 0, "nothing saved, nothing needed");
        assert_eq!(b.requested("catalog.json").await, 0);
        assert_eq!(search(b, "mistrl").await, "5 of 6 tools match");
        assert_eq!(b.requested(chunk).await, 1, "the search's chunk");
        assert_eq!(b.requested("catalog.json").await, 1, "the catalog");
        // Every letter typed while they came is in the field and the search.
        assert_eq!(
            b.js("return document.getElementById('search').value").await,
            "mistrl"
        );
        // The skip link moves focus into the page; it does not follow `<base href>` to
        // the site's root, which would drop the query.
        skip_to_main(b).await;
        assert!(b.wait_js("return location.search === '?q=mistrl'", 5).await);
        assert_eq!(b.text("p.count").await, "5 of 6 tools match");
        let slug = b
            .js("return document.querySelector('.rows .row').dataset.slug")
            .await;
        let slug = slug.as_str().expect("a line").to_string();
        b.click(".rows .bookmark-button").await;
        assert_eq!(b.wait_text(".site-header .count", "1").await, "1");
        assert!(b
            .js("return localStorage.getItem('ship-or-skip.bookmarks')")
            .await
            .as_str()
            .is_some_and(|v| v.contains(&slug)));
        assert!(
            b.wait_js(
                "return document.querySelectorAll('.bookmarks-list a').length === 1",
                10
            )
            .await,
            "the bookmarks panel lists the bookmark"
        );
        b.js(
            "const s = document.getElementById('weight-skeptic'); s.value = '0'; \
              s.dispatchEvent(new Event('change', { bubbles: true })); return 0",
        )
        .await;
        assert!(b
            .wait_text(".notice--weights", "Skeptic ×0")
            .await
            .starts_with("Your weights are in effect"));
        assert!(b
            .texts(".rows .row__percent")
            .await
            .iter()
            .all(|p| p.ends_with("ship, your weights")));
        let theme = "return document.documentElement.dataset.theme";
        let before = b.js(theme).await;
        b.click(".theme-toggle").await;
        let chosen = b.js(theme).await;
        assert_ne!(chosen, before);
        // A reader with bookmarks and weights: the list is drawn with them before the
        // page says it is live.
        b.goto("").await;
        assert_eq!(b.js(theme).await, chosen);
        assert!(b
            .texts(".rows .row__percent")
            .await
            .iter()
            .all(|p| p.ends_with("ship, your weights")));
        assert_eq!(
            b.js("return document.querySelectorAll('.rows [aria-pressed=true]').length")
                .await,
            1
        );
        assert_eq!(b.texts(".bookmarks-list a").await.len(), 1);
        assert_eq!(search(b, "mistrl").await, "5 of 6 tools match");
        let input = b.find("#search").await;
        input.clear().await.expect("clear");
        b.js("document.getElementById('search').dispatchEvent(new Event('input', { bubbles: true })); return 0")
            .await;
        assert_eq!(b.wait_text("p.count", "6 tools").await, "6 tools");
        assert_eq!(
            b.requested("ship-or-skip-").await,
            0,
            "home fetched the app"
        );
        let islands = b.js(APP_MARKUP).await;
        // The app draws the same home for the same state.
        b.js("window.shipOrSkipApp(); return 0").await;
        assert!(
            b.wait_js(
                "return !document.querySelector('leptos-island') && !!document.querySelector('#app[data-live] .page--home .rows .row')",
                10
            )
            .await,
            "the app did not draw home"
        );
        assert_eq!(
            b.js(APP_MARKUP).await,
            islands,
            "home's islands, then the app's home"
        );
        // The static page itself paints in the reader's theme (index.html's first
        // script), before any module: loaded here without its loader.
        let html = std::fs::read_to_string(dist_dir().join("index.html")).expect("index.html");
        let frozen = without_loader(&html);
        assert!(frozen.len() < html.len(), "no loader script found");
        assert_eq!(
            b.js(UNREGISTER_WORKERS).await,
            true,
            "a worker is still registered"
        );
        b.override_file("", Some(frozen.as_bytes()));
        b.client.goto(&b.url("")).await.expect("navigation");
        b.find("#app[data-prerendered] main h1").await;
        let painted = b.js(theme).await;
        b.override_file("", None);
        assert_eq!(painted, chosen, "the static page's theme");
        // Back to the page with its loader, whose worker registers again.
        b.goto("").await;
        b.js("localStorage.clear(); return 0").await;
    })
}

/// Home and a tool page download none of the app's code; opening a page the app draws
/// (the bookmarks) fetches the app and the pages chunk once, and a page opened directly
/// preloads it. A chunk that cannot be used gives a message and a retry that works,
/// whether the reader navigates to the page or opens it directly; so do a split
/// catalog's index chunk and the checks chunk (never fetched for the catalog the build
/// checked). A link followed while the chunk is on its way still lets the app take over.
pub fn chunks_on_demand(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let chunk = support::chunk(&dist_dir(), "pages");
        b.goto("").await;
        b.find(".rows .row__name").await;
        assert_eq!(
            b.js("return document.querySelectorAll('link[href^=\"split_pages-\"]').length")
                .await,
            0,
            "home preloads the pages chunk"
        );
        // Home is live through its own module: its glue, wasm and chunks' loader.
        assert_eq!(
            b.requested("islands-home-").await,
            3,
            "home's islands: glue, wasm and loader"
        );
        for app in ["ship-or-skip-", "__wasm_split-", "split_", "chunk_"] {
            assert_eq!(b.requested(app).await, 0, "home fetched {app}");
        }
        b.click(".rows a.row__name[href$='tool/mistral-3b']").await;
        b.find("#app[data-live] h1.card__name").await;
        assert_eq!(b.text("h1").await, "Mistral 3B");
        assert_eq!(
            b.requested("ship-or-skip-").await,
            0,
            "a tool page fetched the app"
        );
        // The bookmarks page is the app's: started for its address, it preloads the
        // chunk alongside itself, and its fetch takes the preload, except in WebKit,
        // which fetches a preloaded file twice.
        b.click(".site-header__nav a[href$='bookmarks']").await;
        b.wait_text("#app[data-live] h1", "Bookmarks").await;
        let preloaded = if b.engine == Engine::WebKit { 2 } else { 1 };
        assert_eq!(
            b.requested("split_pages-").await,
            preloaded,
            "{:?}",
            b.engine
        );
        assert_eq!(b.requested("__wasm_split-").await, 1, "the chunks' loader");
        assert_eq!(
            b.requested("split_index-").await,
            0,
            "a whole catalog fetched the index chunk"
        );
        assert_eq!(
            b.requested("split_checks-").await,
            0,
            "a page of a whole catalog fetched the checks chunk (only a split catalog's tool files need it)"
        );
        assert_eq!(
            b.requested("split_picker-").await,
            0,
            "a small catalog's page fetched the search picker"
        );
        // The app's skip link moves focus into its page and stays on it.
        skip_to_main(b).await;
        assert!(b.path().await.ends_with("bookmarks"), "{}", b.path().await);
        // So does a comparison with no page of its own, as the app's preload: the app's
        // fetch takes it.
        b.goto("compare/mistral-3b-vs-mistral-8b-instruct-v3").await;
        b.wait_text("h1", "Mistral 3B vs").await;
        assert_eq!(b.requested("split_pages-").await, preloaded);
        assert_eq!(
            b.client
                .execute(
                    "return document.querySelectorAll(`link[rel=preload][href='${arguments[0]}']`).length",
                    vec![serde_json::json!(chunk)],
                )
                .await
                .expect("script"),
            1
        );

        // No worker, which would serve the chunk from its cache (and precache the broken
        // one): the one in place goes, and the app's own registration then fails on a
        // worker script that throws.
        let gone = b.js(UNREGISTER_WORKERS).await;
        assert_eq!(gone, true, "a service worker is still registered");
        b.override_file(
            "sw.js",
            Some(b"throw new Error('no worker in this scenario');"),
        );
        b.override_file(&chunk, Some(b"not a wasm module"));
        for direct in [false, true] {
            if direct {
                // A page the app draws (home, a tool page, a comparison or a reviewer
                // page opened directly is live through its islands, without the chunk).
                b.goto("bookmarks").await;
            } else {
                // From a page the app draws without the chunk.
                b.goto("no/such/page").await;
                b.click(".site-header__nav a[href$='bookmarks']").await;
            }
            let said = b
                .wait_text("#app[data-live] .load-error h1", "could not be loaded")
                .await;
            assert_eq!(said, "This page could not be loaded", "direct: {direct}");
            assert_eq!(
                b.js("return navigator.serviceWorker.controller === null")
                    .await,
                true
            );
        }
        b.override_file(&chunk, None);
        b.click(".load-error button").await;
        assert_eq!(
            b.wait_text("#app[data-live] h1", "Bookmarks").await,
            "Bookmarks"
        );
        assert!(
            b.js("return document.querySelector('.load-error') === null")
                .await
                == true
        );

        // A catalog the build did not check (edited after it, so not the stamped file):
        // home's islands leave it to the app, which checks it with the checks chunk; when
        // that chunk cannot be used, the catalog's error says so, and its retry recovers.
        let text = std::fs::read_to_string(dist_dir().join("catalog.json")).unwrap();
        let edited = text.replacen("\"score\": 8", "\"score\": 9", 1);
        assert_ne!(edited, text);
        b.override_file("catalog.json", Some(edited.as_bytes()));
        b.goto("").await;
        b.find("#search").await.send_keys("m").await.expect("type");
        assert!(
            b.wait_js("return !document.querySelector('leptos-island') && !!document.querySelector('#app[data-live] p.count')", 10)
                .await,
            "the app did not take over home"
        );
        assert_eq!(b.wait_text("#app p.count", "tools").await, "6 tools");
        // The app's router follows the links now: a tool page drawn in the same document.
        b.click(".rows a.row__name[href$='tool/mistral-3b']").await;
        assert_eq!(
            b.wait_text("#app[data-live] h1", "Mistral 3B").await,
            "Mistral 3B"
        );
        assert!(
            b.requested("ship-or-skip-").await.as_u64() >= Some(1),
            "the link loaded a page of its own"
        );
        assert_eq!(
            b.requested("split_checks-").await,
            1,
            "no checks for an edited catalog"
        );
        catalog_chunk_fails_then_recovers(
            b,
            "checks",
            "The code that checks this catalog did not download.",
        )
        .await;
        b.override_file("catalog.json", None);

        // A split catalog whose index chunk cannot be used: the catalog's error says so,
        // and its retry recovers.
        let catalog = ship_or_skip::domain::catalog::validate::load(&text)
            .unwrap()
            .catalog;
        let files = ship_or_skip::domain::catalog::split::split(&catalog).unwrap();
        b.override_file("catalog.json", Some(files.head.as_bytes()));
        b.override_file("catalog-index.json", Some(files.index.as_bytes()));
        catalog_chunk_fails_then_recovers(
            b,
            "index",
            "The code that reads this catalog's index did not download.",
        )
        .await;
        for f in ["catalog.json", "catalog-index.json"] {
            b.override_file(f, None);
        }

        // A link followed from the static page while its chunk is still on its way: the
        // app takes over with home all the same.
        b.stall_file(&chunk, true);
        b.client
            .goto(&b.url("bookmarks"))
            .await
            .expect("navigation");
        assert!(
            b.wait_js("return !!document.getElementById('app-live')", 10)
                .await,
            "the app did not start"
        );
        assert!(
            b.wait_js(
                "return document.querySelector('#app-live .skeleton .visually-hidden')?.textContent === 'Loading this page…'",
                10
            )
            .await,
            "no page skeleton while the chunk is held"
        );
        b.click("#app[data-prerendered] a.site-header__name").await;
        let home = b.wait_text("#app[data-live] main h1", "Ship or Skip").await;
        b.stall_file(&chunk, false);
        assert_eq!(home, "Ship or Skip", "the app never took over");
        b.override_file("sw.js", None);
    })
}

/// Types `words` into home's search; the count once it says how many match.
async fn search(b: &Browser, words: &str) -> String {
    let input = b.find("#search").await;
    input.send_keys(words).await.expect("type");
    b.wait_text("p.count", " of ").await
}

/// The page's skip link moves the focus into its `<main>`, in the page.
async fn skip_to_main(b: &Browser) {
    // Clicked by script: the link is off screen until focused.
    b.js("document.querySelector('#app[data-live] .skip-link').click(); return 0")
        .await;
    assert!(
        b.wait_js(
            "return document.activeElement === document.getElementById('main')",
            5
        )
        .await,
        "the skip link did not focus main"
    );
}

/// With the chunk `module` (of the code reading the catalog) broken, home with a search
/// in its address (which its islands leave to the app, the catalog not being the one the
/// build rendered home from) says `message`; with it mended, the error's retry brings
/// the catalog in.
async fn catalog_chunk_fails_then_recovers(b: &Browser, module: &str, message: &str) {
    let chunk = support::chunk(&dist_dir(), module);
    b.override_file(&chunk, Some(b"not a wasm module"));
    b.goto("?q=mistral").await;
    assert_eq!(
        b.wait_text("#app[data-live] .load-error__what", "did not download")
            .await,
        message
    );
    b.override_file(&chunk, None);
    b.click(".load-error button").await;
    let count = b.wait_text("#app p.count", "tools").await;
    assert!(count.ends_with(" of 6 tools match"), "{count}");
}
