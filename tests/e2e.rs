//! End-to-end: the release build served under `/ship-or-skip/` like GitHub Pages,
//! driven as a reader would in Chromium, Firefox ESR and WebKitGTK, one engine after
//! another (`E2E_ENGINES=firefox` narrows the run). Run by `make test`.
//!
//! Each engine runs every scenario in turn; each failure is named with its engine and all
//! are reported.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::future::Future;
use std::pin::Pin;

use support::{dist_dir, server, Browser, Engine, BASE};

type Scenario = for<'a> fn(&'a Browser) -> Pin<Box<dyn Future<Output = ()> + 'a>>;

const SEED_PAIRS: [(&str, &str, &str); 5] = [
    (
        "mistral-medium-3-72b-instruct",
        "Mistral Medium 3 (72B Instruct)",
        "Ship · 3 ship / 1 skip",
    ),
    (
        "mistral-medium-3",
        "Mistral Medium 3",
        "Ship · 4 ship / 0 skip",
    ),
    ("mistral-3b", "Mistral 3B", "Ship · 4 ship / 0 skip"),
    (
        "mistral-8b-instruct-v3",
        "Mistral 8B Instruct v3",
        "Ship · 4 ship / 0 skip",
    ),
    ("mistral-3-1", "Mistral 3.1", "Ship · 4 ship / 0 skip"),
];

/// Scorecard cells per persona row (Builder…Creator) for the left tool of each seed page.
const LEFT_SCORES: [[&str; 5]; 5] = [
    [
        "88/100 · ship",
        "78/100 · ship",
        "82/100 · ship",
        "55/100 · skip",
        "No panel take",
    ],
    [
        "78/100 · ship",
        "72/100 · ship",
        "74/100 · ship",
        "70/100 · ship",
        "No panel take",
    ],
    [
        "87/100 · ship",
        "80/100 · ship",
        "84/100 · ship",
        "75/100 · ship",
        "No panel take",
    ],
    ["ship", "ship", "ship", "ship", "No panel take"],
    [
        "87/100 · ship",
        "82/100 · ship",
        "80/100 · ship",
        "74/100 · ship",
        "No panel take",
    ],
];
const FUSION_SCORES: [&str; 5] = [
    "80/100 · ship",
    "45/100 · skip",
    "80/100 · ship",
    "No panel take",
    "80/100 · ship",
];

fn seed_comparisons(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        for (i, (slug, name, verdict)) in SEED_PAIRS.iter().enumerate() {
            b.goto(&format!("compare/{slug}-vs-openrouter-model-fusion"))
                .await;
            let h1 = b.text("h1").await;
            assert_eq!(h1, format!("{name} vs OpenRouter Model Fusion"));
            assert!(b.title().await.starts_with(&h1), "title of {slug}");
            // Item by item: engines differ in the whitespace innerText puts between
            // flex items, not in what the reader sees.
            let crumb = b.texts(".breadcrumb li").await;
            assert_eq!(
                crumb,
                [
                    "Compare".to_string(),
                    format!("/ {name} vs OpenRouter Model Fusion")
                ]
            );
            let cards = b.texts(".card").await;
            assert_eq!(cards.len(), 2);
            let pct = if i == 0 { "75%" } else { "100%" };
            assert!(
                cards[0].contains(pct) && cards[0].contains("Panel ship"),
                "{slug}: {}",
                cards[0]
            );
            assert!(cards[1].contains("75%"), "fusion card: {}", cards[1]);
            assert!(cards[0].contains("No community votes yet"));
            let entry = if *slug == "mistral-medium-3" {
                "Paid"
            } else {
                "Free"
            };
            assert!(cards[0].contains(entry), "{slug} entry tier");
            assert!(cards[1].contains("Paid"));
            let verdicts = b.texts("table.decision tbody tr:first-child td").await;
            assert_eq!(
                verdicts,
                vec![verdict.to_string(), "Ship · 3 ship / 1 skip".to_string()]
            );
            let community = b.texts("table.decision tbody tr:nth-child(4) td").await;
            assert_eq!(community, vec!["No community votes yet"; 2]);
            let rows = b.texts("table.scorecard tbody tr th").await;
            assert_eq!(
                rows,
                ["Builder", "Skeptic", "Futurist", "Founder", "Creator"]
            );
            for (p, (left, right)) in LEFT_SCORES[i].iter().zip(FUSION_SCORES).enumerate() {
                let cells = b
                    .texts(&format!("table.scorecard tbody tr:nth-child({}) td", p + 1))
                    .await;
                assert!(
                    cells[0].starts_with(left),
                    "{slug} persona {p}: {:?}",
                    cells[0]
                );
                assert!(
                    cells[1].starts_with(right),
                    "fusion persona {p}: {:?}",
                    cells[1]
                );
            }
        }
    })
}

fn reversed_and_non_curated_pairs(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("compare/openrouter-model-fusion-vs-mistral-3b")
            .await;
        assert_eq!(b.text("h1").await, "OpenRouter Model Fusion vs Mistral 3B");
        b.goto("compare/mistral-3b-vs-mistral-3-1").await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs Mistral 3.1");
        let v = b.texts("table.decision tbody tr:first-child td").await;
        assert_eq!(v, vec!["Ship · 4 ship / 0 skip"; 2]);
        // The picker swaps one side and the URL follows.
        b.client
            .execute(
                "const s=document.getElementById('pick-1'); s.value='mistral-medium-3'; s.dispatchEvent(new Event('change'));",
                vec![],
            )
            .await
            .expect("pick");
        assert_eq!(
            b.wait_text("h1", "Medium").await,
            "Mistral 3B vs Mistral Medium 3"
        );
        assert_eq!(
            b.path().await,
            format!("{BASE}compare/mistral-3b-vs-mistral-medium-3")
        );
        // Up to four tools: "Add a tool" appends one and the URL round-trips.
        b.js("const s=document.getElementById('pick-add'); s.value='mistral-3-1'; s.dispatchEvent(new Event('change')); return 0").await;
        assert_eq!(
            b.wait_text("h1", "3.1").await,
            "Mistral 3B vs Mistral Medium 3 vs Mistral 3.1"
        );
        assert_eq!(b.texts(".card").await.len(), 3);
        b.reload().await;
        assert_eq!(b.texts("table.decision thead th").await.len(), 3);
        assert_eq!(
            b.path().await,
            format!("{BASE}compare/mistral-3b-vs-mistral-medium-3-vs-mistral-3-1")
        );
    })
}

fn unknown_tool_suggests(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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

fn tool_page(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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
        // Curated comparison link goes to the comparison, client-side.
        b.click("#curated ~ ul a").await;
        assert_eq!(
            b.wait_text("h1", " vs ").await,
            "Mistral Medium 3 (72B Instruct) vs OpenRouter Model Fusion"
        );
    })
}

fn reviewer_page_with_category(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("reviewer/skeptic").await;
        assert_eq!(b.text("h1").await, "Skeptic");
        assert_eq!(b.text("p.count").await, "6 tools, 5 shipped");
        b.goto("reviewer/founder?category=Developer+Tools").await;
        assert_eq!(b.text("p.count").await, "5 tools, 4 shipped");
        b.goto("reviewer/creator?category=Writing").await;
        assert_eq!(b.text("p.count").await, "0 tools, 0 shipped");
        b.goto("reviewer/nobody").await;
        assert_eq!(b.text("h1").await, "Page not found");
    })
}

fn search_and_facets_from_url(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("?q=mistral&entry=paid").await;
        assert_eq!(b.text("p.count").await, "1 of 6 tools matches");
        // The catalog's preload (index.html) is the fetch the app uses, not a second one;
        // except in WebKit, which does not hand a preloaded fetch to `fetch()` (README).
        let fetched = b
            .js("return performance.getEntriesByType('resource').filter(r => new URL(r.name).pathname.endsWith('/catalog.json')).length")
            .await;
        let expected = if b.engine == Engine::WebKit { 2 } else { 1 };
        assert_eq!(fetched, expected, "catalog.json requests in {:?}", b.engine);
        assert_eq!(
            b.js("return document.querySelectorAll('link[rel=preload][href=\"catalog.json\"]').length").await,
            1
        );
        assert_eq!(b.texts(".rows .row__name").await, ["Mistral Medium 3"]);
        let entry = b
            .js("return document.getElementById('f-entry').value")
            .await;
        assert_eq!(entry, "paid");
        let q = b.js("return document.getElementById('search').value").await;
        assert_eq!(q, "mistral");
        // Typing narrows and updates the URL.
        b.goto("").await;
        assert_eq!(b.text("p.count").await, "6 tools");
        let input = b.find("#search").await;
        input.send_keys("fusion").await.expect("type");
        assert_eq!(b.wait_text("p.count", "1 of").await, "1 of 6 tools matches");
        // The address bar follows once the page is idle (Nav::set_query).
        assert!(
            b.wait_js("return location.search === '?q=fusion'", 5).await,
            "the typed query never reached the URL: {}",
            b.path().await
        );
        assert_eq!(b.path().await, format!("{BASE}?q=fusion"));
        // A keystroke still waiting for idle is written before a facet's history entry
        // (both in one task, so the page cannot go idle in between): back finds it.
        b.js(
            "const i = document.getElementById('search'); i.value = 'mistral'; \
              i.dispatchEvent(new Event('input', { bubbles: true })); \
              const pending = location.search; \
              const e = document.getElementById('f-entry'); e.value = 'paid'; \
              e.dispatchEvent(new Event('change', { bubbles: true })); \
              window.__pendingSeen = pending;",
        )
        .await;
        assert_eq!(b.js("return window.__pendingSeen").await, "?q=fusion");
        assert_eq!(b.wait_text("p.count", "1 of").await, "1 of 6 tools matches");
        assert_eq!(b.path().await, format!("{BASE}?q=mistral&entry=paid"));
        b.client.back().await.expect("back");
        assert!(
            b.wait_js("return location.search === '?q=mistral'", 5)
                .await,
            "the entry before the facet lost the typed query: {}",
            b.path().await
        );
        assert_eq!(b.wait_text("p.count", "5 of").await, "5 of 6 tools match");
        b.client.forward().await.expect("forward");
        assert_eq!(b.wait_text("p.count", "1 of").await, "1 of 6 tools matches");
        b.goto("?q=fusion").await;
        let input = b.find("#search").await;
        input.clear().await.expect("clear");
        input.send_keys("zzzz").await.expect("type");
        assert!(b
            .wait_text(".empty", "No tools match")
            .await
            .contains("No tools match"));
        // A facet change is a history entry: back restores the previous view.
        b.goto("?verdict=ship").await;
        assert_eq!(b.wait_text("p.count", "6 of").await, "6 of 6 tools match");
        // Chosen through WebDriver, as a reader would: WebKit skips history entries made
        // without a user gesture when going back.
        b.find("#f-entry")
            .await
            .send_keys("F")
            .await
            .expect("choose a facet");
        assert_eq!(b.wait_text("p.count", "4 of").await, "4 of 6 tools match");
        b.client.back().await.expect("back");
        assert_eq!(b.wait_text("p.count", "6 of").await, "6 of 6 tools match");
    })
}

fn deep_link_reload_under_sub_path(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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

/// The home list's lines are reused as the results change (`components::rows`): each line must
/// show its own tool's name, link and bookmark state, and its toggle (one listener on the
/// list) must bookmark that tool.
fn list_lines_follow_their_tools(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("").await;
        assert_eq!(b.text("p.count").await, "6 tools");
        let line = |slug: &str| {
            format!(
                "const li = document.querySelector('#app .rows > li[data-slug=\"{slug}\"]'); \
                 const bt = li && li.querySelector('.bookmark-button'); \
                 return li && [li.querySelector('.row__name').textContent, \
                 li.querySelector('.row__name').getAttribute('href'), bt.dataset.slug, \
                 bt.getAttribute('aria-pressed'), bt.textContent]"
            )
        };
        b.click("#app .rows > li[data-slug=\"mistral-3b\"] .bookmark-button")
            .await;
        assert!(
            b.wait_js("return document.querySelector('#app .rows > li[data-slug=\"mistral-3b\"] .bookmark-button').getAttribute('aria-pressed') === 'true'", 5)
                .await
        );
        assert_eq!(
            b.js(&line("mistral-3b")).await,
            serde_json::json!([
                "Mistral 3B",
                format!("{BASE}tool/mistral-3b"),
                "mistral-3b",
                "true",
                " Bookmarked Mistral 3B"
            ])
        );
        assert!(b
            .wait_text(".bookmarks-panel", "Mistral 3B")
            .await
            .contains("Mistral 3B"));
        // From the keyboard: the toggle keeps the focus while its line is redrawn, on
        // and off again.
        let toggle = "#app .rows > li[data-slug=\"mistral-3-1\"] .bookmark-button";
        for pressed in ["true", "false"] {
            b.find(toggle)
                .await
                .send_keys("\u{E007}")
                .await
                .expect("Enter");
            assert!(
                b.wait_js(&format!("const e = document.activeElement; return e.matches('{toggle}') && e.getAttribute('aria-pressed') === '{pressed}'"), 5)
                    .await,
                "the focus left the toggle, or it is not pressed={pressed}"
            );
        }
        // One match: the first line now shows another tool, not bookmarked.
        let input = b.find("#search").await;
        input.send_keys("fusion").await.expect("type");
        assert_eq!(b.wait_text("p.count", "1 of").await, "1 of 6 tools matches");
        assert_eq!(
            b.texts("#app .rows .row__name").await,
            ["OpenRouter Model Fusion"]
        );
        assert_eq!(
            b.js(&line("openrouter-model-fusion")).await,
            serde_json::json!([
                "OpenRouter Model Fusion",
                format!("{BASE}tool/openrouter-model-fusion"),
                "openrouter-model-fusion",
                "false",
                " Bookmark OpenRouter Model Fusion"
            ])
        );
        // Its toggle bookmarks Fusion, not the tool the line showed before.
        b.click("#app .rows .bookmark-button").await;
        assert!(b
            .wait_text(".bookmarks-panel", "Fusion")
            .await
            .contains("OpenRouter Model Fusion"));
        input.clear().await.expect("clear");
        input.send_keys("m").await.expect("type");
        assert_eq!(b.wait_text("p.count", "6 of").await, "6 of 6 tools match");
        for (slug, pressed) in [
            ("mistral-3b", "true"),
            ("openrouter-model-fusion", "true"),
            ("mistral-3-1", "false"),
        ] {
            assert_eq!(b.js(&line(slug)).await[3], pressed, "{slug}");
        }
        b.js("localStorage.clear(); return 0").await;
    })
}

fn bookmark_and_vote_survive_reload(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("").await;
        assert!(b
            .wait_text(".bookmarks-panel", "No bookmarks yet")
            .await
            .contains("No bookmarks yet — bookmark tools to save them for later."));
        b.goto("tool/mistral-3b").await;
        b.click(".bookmark-button").await;
        assert_eq!(
            b.js("return document.querySelector('.bookmark-button').getAttribute('aria-pressed')")
                .await,
            "true"
        );
        b.click(".vote-button--skip").await;
        b.reload().await;
        assert!(b
            .wait_text(".community", "1 skip")
            .await
            .contains("0 ship / 1 skip (incl. your skip)"));
        assert_eq!(
            b.js("return document.querySelector('.bookmark-button').getAttribute('aria-pressed')")
                .await,
            "true"
        );
        b.goto("bookmarks").await;
        assert_eq!(b.texts(".rows .row__name").await, ["Mistral 3B"]);
        b.click(".rows button").await;
        assert!(b
            .wait_text(".page__main", "No bookmarks yet")
            .await
            .contains("No bookmarks yet"));
        b.js("localStorage.clear(); return 0").await;
    })
}

fn corrupted_storage_is_kept_and_reported(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("").await;
        b.js("localStorage.setItem('ship-or-skip.bookmarks', '{broken'); return 0")
            .await;
        b.reload().await;
        let notice = b.wait_text(".notices", "could not be read").await;
        assert!(notice.contains("could not be read"), "{notice}");
        let kept = b
            .js("return Object.keys(localStorage).filter(k => k.startsWith('ship-or-skip.bookmarks.backup-')).map(k => localStorage.getItem(k))")
            .await;
        assert_eq!(kept, serde_json::json!(["{broken"]));
        // A bookmark of a tool that left the catalog stays listed as such.
        b.js("localStorage.clear(); localStorage.setItem('ship-or-skip.bookmarks', JSON.stringify({version: 1, items: [{slug: 'retired-tool', added: '2026-01-01T00:00:00Z'}]})); return 0").await;
        b.goto("bookmarks").await;
        let gone = b.text(".rows .row").await;
        assert!(
            gone.contains("retired-tool") && gone.contains("no longer in the catalog"),
            "{gone}"
        );
        // A full quota: the change still applies, and the reader is told it will not last.
        b.goto("tool/mistral-3b").await;
        b.text("h1").await;
        b.js("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; return 0").await;
        b.click(".bookmark-button").await;
        let notice = b.wait_text(".notices", "not letting").await;
        assert!(notice.contains("will not be kept"), "{notice}");
        assert_eq!(
            b.js("return document.querySelector('.bookmark-button').getAttribute('aria-pressed')")
                .await,
            "true"
        );
        // The reload restores the real setItem.
        b.reload().await;
        b.js("localStorage.clear(); return 0").await;
    })
}

fn broken_catalogs_degrade_clearly(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        // One invalid tool: the rest shows, with a notice naming it.
        let mut cat: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dist_dir().join("catalog.json")).unwrap(),
        )
        .unwrap();
        cat["tools"][2]["panel"][0]["score"] = serde_json::json!(140);
        b.override_file("catalog.json", Some(cat.to_string().as_bytes()));
        b.goto("").await;
        assert_eq!(b.text("p.count").await, "5 tools");
        let notice = b.text(".notices").await;
        // The tool, and the curated comparison that needs it.
        assert!(
            notice.contains("2 catalog entries could not be shown"),
            "{notice}"
        );
        let why = b
            .js("return document.querySelector('.notices details').textContent")
            .await;
        let why = why.as_str().unwrap();
        assert!(
            why.contains("tools[2].panel[0].score: score 140 is out of range"),
            "{why}"
        );
        assert!(
            why.contains("comparisons[2].tools[0]: unknown or skipped tool \"mistral-3b\""),
            "{why}"
        );
        // Not JSON at all: a readable error page with a retry that recovers.
        b.override_file("catalog.json", Some(b"<html>oops</html>"));
        b.goto("tool/mistral-3b").await;
        assert_eq!(b.text("h1").await, "The catalog could not be loaded");
        let what = b.text(".load-error__what").await;
        assert!(
            what.contains("not valid JSON") && what.contains("line 1, column 1"),
            "{what}"
        );
        b.override_file("catalog.json", None);
        b.click(".load-error button").await;
        assert_eq!(b.wait_text("h1", "Mistral 3B").await, "Mistral 3B");
    })
}

/// A split catalog (docs/catalog.md): lists from the index alone (read by the index
/// chunk's code, fetched once), each tool's texts from its own file on demand, and a
/// broken tool file explained without taking the site down. (A broken index chunk:
/// `pages_load_their_code_on_demand`, which runs without a worker.)
fn split_catalog_loads_tools_on_demand(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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
        b.goto("?q=mistarl").await;
        assert_eq!(b.text("#app p.count").await, "5 of 6 tools match");
        assert_eq!(
            b.client
                .execute(REQUESTED, vec![serde_json::json!("split_index-")])
                .await
                .expect("script"),
            1,
            "the index chunk"
        );
        // The take's text is only in the tool's own file.
        let take = catalog.tool("mistral-3b").unwrap().panel[0].text.clone();
        b.goto("tool/mistral-3b").await;
        assert_eq!(b.wait_text("#app h1", "Mistral 3B").await, "Mistral 3B");
        let body = b
            .wait_text("#app .scorecard", &take[..take.len().min(40)])
            .await;
        assert!(body.contains(&take[..take.len().min(40)]), "{body}");
        // A broken tool file: a readable error, then a retry that recovers.
        b.goto("tool/mistral-3-1").await;
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

fn pick_on_a_comparison(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;
        assert_eq!(b.text(".pick__state").await, "No pick yet.");
        b.click(".pick-button[data-slug='mistral-3b']").await;
        assert!(b
            .wait_text(".pick__state", "Your pick")
            .await
            .starts_with("Your pick: Mistral 3B."));
        // The same tools in the other order share the pick, after a reload too.
        b.goto("compare/openrouter-model-fusion-vs-mistral-3b")
            .await;
        assert!(b
            .wait_text(".pick__state", "Your pick")
            .await
            .starts_with("Your pick: Mistral 3B."));
        b.click(".pick-button[data-slug='mistral-3b']").await;
        assert_eq!(b.wait_text(".pick__state", "No pick").await, "No pick yet.");
        b.js("localStorage.clear(); return 0").await;
    })
}

/// "Compare with…" in a large catalog is a search, not one `<option>` per tool: typing
/// suggests the site search's best matches (a typo too), the arrow keys and Enter pick
/// one, and a name that matches nothing says so. (A small catalog keeps its select:
/// `reversed_and_non_curated_pairs`.)
fn search_picker_in_a_large_catalog(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        use ship_or_skip::domain::explore::browse::{
            pick_matches, PICK_FROM_LIST_MAX, PICK_SUGGESTED,
        };
        let catalog = ship_or_skip::domain::catalog::synth::generate(PICK_FROM_LIST_MAX + 100, 9);
        let text = serde_json::to_string(&catalog).unwrap();
        b.override_file("catalog.json", Some(text.as_bytes()));
        let first = &catalog.tools[0];
        b.goto(&format!("tool/{}", first.slug)).await;
        b.wait_text("#app[data-live] h1", &first.name).await;
        // Its code is a chunk of its own, fetched for a large catalog only.
        b.find("#pick-add[role=combobox]").await;
        assert_eq!(
            b.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('split_picker-')).length").await,
            1
        );
        assert_eq!(
            b.js("return [document.querySelectorAll('option').length, document.getElementById('pick-add').getAttribute('role')]")
                .await,
            serde_json::json!([0, "combobox"]),
            "a select of every tool"
        );
        // A typo in the name of other tools: the suggestions are the search's.
        let other = catalog.tools.iter().find(|t| t.name != first.name).unwrap();
        // The first word of its name with two letters swapped ("pliot" for "Pilot").
        let mut letters: Vec<char> = other
            .name
            .split(' ')
            .next()
            .unwrap()
            .to_lowercase()
            .chars()
            .collect();
        letters.swap(1, 2);
        let typed: String = letters.into_iter().collect();
        let index = ship_or_skip::domain::explore::search::SearchIndex::new(&catalog);
        let expected = pick_matches(
            &catalog,
            &index,
            &typed,
            std::slice::from_ref(&first.slug),
            PICK_SUGGESTED,
        );
        assert_eq!(expected.len(), PICK_SUGGESTED, "{typed}");
        let input = b.find("#pick-add").await;
        // Nothing typed yet: no list, and no status line taking room.
        assert_eq!(
            b.js("return [document.getElementById('pick-add-list').hidden, document.querySelector('#pick-add ~ .picker__status').classList.contains('visually-hidden')]")
                .await,
            serde_json::json!([true, true])
        );
        input.send_keys(&typed).await.expect("type");
        let names = || async {
            b.js("return [...document.querySelectorAll('#pick-add-list [role=option]')].map(o => o.firstChild.textContent)")
                .await
        };
        assert!(
            b.wait_js(
                &format!("return document.querySelectorAll('#pick-add-list [role=option]').length === {PICK_SUGGESTED} && !document.getElementById('pick-add-list').hidden"),
                10
            )
            .await,
            "no suggestions for {typed}"
        );
        let want: Vec<&str> = expected
            .iter()
            .map(|&at| catalog.tools[at].name.as_str())
            .collect();
        assert_eq!(names().await, serde_json::json!(want));
        assert_eq!(
            b.js("return document.getElementById('pick-add').getAttribute('aria-expanded')")
                .await,
            "true"
        );
        // Escape closes the list, and Enter then picks nothing.
        let key = |k: fantoccini::key::Key| char::from(k).to_string();
        input
            .send_keys(&key(fantoccini::key::Key::Escape))
            .await
            .expect("escape");
        input
            .send_keys(&key(fantoccini::key::Key::Enter))
            .await
            .expect("enter");
        assert_eq!(
            b.js("return [document.getElementById('pick-add').getAttribute('aria-expanded'), document.getElementById('pick-add-list').hidden, document.getElementById('pick-add').value]")
                .await,
            serde_json::json!(["false", true, typed])
        );
        assert_eq!(b.path().await, format!("{BASE}tool/{}", first.slug));
        // Down twice, up once: the list is back, the first suggestion is active, and
        // Enter picks it.
        for key in [
            fantoccini::key::Key::Down,
            fantoccini::key::Key::Down,
            fantoccini::key::Key::Up,
        ] {
            input
                .send_keys(&char::from(key).to_string())
                .await
                .expect("arrow");
        }
        assert_eq!(
            b.js(
                "return document.getElementById('pick-add').getAttribute('aria-activedescendant')"
            )
            .await,
            "pick-add-opt-0"
        );
        input
            .send_keys(&char::from(fantoccini::key::Key::Enter).to_string())
            .await
            .expect("enter");
        let picked = &catalog.tools[expected[0]];
        b.wait_text("h1", &format!("{} vs", first.name)).await;
        assert_eq!(
            b.path().await,
            format!("{BASE}compare/{}-vs-{}", first.slug, picked.slug)
        );
        // On the comparison, both tools are left out, and nonsense matches nothing.
        let input = b.find("#pick-add").await;
        input.send_keys("qqqqzzzz").await.expect("type");
        assert_eq!(
            b.wait_text("#pick-add ~ .picker__status", "No tool").await,
            "No tool matches."
        );
        assert_eq!(
            b.js("return document.getElementById('pick-add-list').hidden")
                .await,
            true
        );
        b.override_file("catalog.json", None);
    })
}

fn three_and_four_way_comparisons(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        let three = "compare/mistral-3b-vs-mistral-3-1-vs-openrouter-model-fusion";
        b.goto(three).await;
        assert_eq!(
            b.text("h1").await,
            "Mistral 3B vs Mistral 3.1 vs OpenRouter Model Fusion"
        );
        assert_eq!(b.texts(".scorecard thead th").await.len(), 4);
        // The persona × tool grid: one row per persona, one cell per tool.
        assert_eq!(b.texts(".scorecard tbody tr").await.len(), 5);
        assert_eq!(b.texts(".scorecard tbody tr:first-child td").await.len(), 3);
        // The link to copy is this page's address, and it opens the same comparison.
        let link = b
            .js("return document.querySelector('.copy__text').value")
            .await;
        assert_eq!(link, format!("{}{}{three}", b.origin, b.base));
        b.click(".copy__button").await;
        let status = b.wait_text(".copy__status", "C").await;
        assert!(
            status == "Copied." || status.starts_with("Selected: press Ctrl+C"),
            "{status}"
        );
        // Add a fourth tool: the URL and the grid follow; no fifth can be added.
        b.js("const s=document.getElementById('pick-add'); s.value='mistral-medium-3'; s.dispatchEvent(new Event('change')); return 0").await;
        let four =
            "compare/mistral-3b-vs-mistral-3-1-vs-openrouter-model-fusion-vs-mistral-medium-3";
        assert!(
            b.wait_js(&format!("return location.pathname.endsWith('{four}')"), 10)
                .await
        );
        assert_eq!(b.texts(".scorecard tbody tr:first-child td").await.len(), 4);
        assert_eq!(
            b.js("return !!document.getElementById('pick-add')").await,
            false
        );
        // The four-way URL round-trips through a reload.
        b.reload().await;
        assert_eq!(
            b.text("h1").await,
            "Mistral 3B vs Mistral 3.1 vs OpenRouter Model Fusion vs Mistral Medium 3"
        );
        // Remove one: back to three, in the same order.
        b.click(".compare-tools__links li:nth-child(4) a").await;
        assert!(b
            .wait_js(
                "return location.pathname.endsWith('compare/mistral-3b-vs-mistral-3-1-vs-mistral-medium-3')",
                10
            )
            .await, "{}", b.path().await);
        assert_eq!(b.texts(".scorecard tbody tr:first-child td").await.len(), 3);
        // Two tools cannot lose one more.
        b.goto("compare/mistral-3b-vs-mistral-3-1").await;
        assert_eq!(
            b.texts(".compare-tools__links li").await,
            ["Swap the order"]
        );
    })
}

fn persona_weights(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.js("localStorage.clear(); return 0").await;
        b.goto("?sort=ship").await;
        let pos = |v: &[String], s: &str| v.iter().position(|x| x == s).expect(s);
        let panel = b.texts(".rows .row__name").await;
        assert!(pos(&panel, "Mistral Medium 3 (72B Instruct)") > pos(&panel, "Mistral Medium 3"));
        assert_eq!(
            b.js("return !!document.querySelector('.notice--weights')")
                .await,
            false
        );
        // Pick one reviewer to trust.
        b.goto("reviewer/skeptic").await;
        b.click(".trust-button").await;
        assert!(b
            .wait_text(".notice--weights", "in effect")
            .await
            .contains("Builder ×0, Futurist ×0, Founder ×0, Creator ×0"));
        // Home ranks by the Skeptic alone, says so, and shows the weighted figure.
        b.goto("?sort=ship").await;
        assert!(b
            .wait_text(".notice--weights", "in effect")
            .await
            .contains("in effect"));
        let weighted = b.texts(".rows .row__name").await;
        assert!(
            pos(&weighted, "Mistral Medium 3 (72B Instruct)") < pos(&weighted, "Mistral Medium 3"),
            "{weighted:?}"
        );
        assert_eq!(
            weighted.last().map(String::as_str),
            Some("OpenRouter Model Fusion")
        );
        assert!(b
            .text(".rows .row__percent")
            .await
            .ends_with("ship, your weights"));
        // The comparison names the leader by the reader's weights; a reload keeps them.
        b.goto("compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion")
            .await;
        b.reload().await;
        assert_eq!(
            b.texts("tr.weighted td").await,
            [
                "100% ship, average 78/100 · leads",
                "0% ship, average 45/100"
            ]
        );
        // Back to equal weights from the notice: the row and the notice go.
        b.click(".notice--weights button").await;
        assert!(
            b.wait_js(
                "return !document.querySelector('tr.weighted, .notice--weights')",
                5
            )
            .await
        );
        // Weights set one by one in the panel.
        b.js("const s=document.getElementById('weight-founder'); s.value='3'; s.dispatchEvent(new Event('change')); return 0").await;
        assert!(b
            .wait_text(".notice--weights", "Founder ×3")
            .await
            .contains("Founder ×3"));
        assert_eq!(
            b.texts("tr.weighted td").await,
            [
                "50% ship, average 69/100",
                "75% ship, average 71/100 · leads"
            ]
        );
        b.js("localStorage.clear(); return 0").await;
    })
}

fn disagreement_made_visible(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.js("localStorage.clear(); return 0").await;
        b.goto("").await;
        // Both 3–1; OpenRouter's scores spread wider.
        assert_eq!(
            b.texts(".divisive li a").await,
            ["OpenRouter Model Fusion", "Mistral Medium 3 (72B Instruct)"]
        );
        assert_eq!(
            b.texts(".divisive li .muted").await,
            [
                "3 ship · 1 skip · scores 45–80",
                "3 ship · 1 skip · scores 55–88"
            ]
        );
        assert_eq!(
            b.js("return document.querySelectorAll('.divisive svg.split-bar rect').length")
                .await,
            4
        );
        // Every card says how the panel split.
        b.goto("compare/mistral-medium-3-72b-instruct-vs-mistral-3b")
            .await;
        assert_eq!(
            b.texts(".card__split span").await,
            [
                "Panel: 3 ship · 1 skip · scores 55–88 · divided",
                "Panel: 4 ship · 0 skip · scores 75–87"
            ]
        );
        // A skip vote against the panel's ship is flagged, and unflagged when withdrawn.
        b.goto("tool/mistral-3b").await;
        assert_eq!(
            b.js("return !!document.querySelector('.flag')").await,
            false
        );
        b.click(".vote-button--skip").await;
        assert!(b
            .wait_text(".card .community", "disagree")
            .await
            .ends_with("readers disagree with the panel"));
        b.click(".vote-button--skip").await;
        assert!(
            b.wait_js("return !document.querySelector('.flag')", 5)
                .await
        );
        b.js("localStorage.clear(); return 0").await;
    })
}

fn score_charts(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("compare/mistral-medium-3-72b-instruct-vs-mistral-3b")
            .await;
        let chart = b
            .js("const s = document.querySelector('svg.chart__svg');
                 return { role: s.getAttribute('role'), label: s.getAttribute('aria-label'),
                   bars: [...s.querySelectorAll('rect.chart__bar')].map(r => r.getAttribute('width')),
                   legend: [...document.querySelectorAll('.chart__legend li')].map(l => l.textContent.trim()) }")
            .await;
        assert_eq!(chart["role"], "img");
        assert!(
            chart["label"].as_str().unwrap().starts_with(
                "Persona scores out of 100. Builder: Mistral Medium 3 (72B Instruct) 88 ship, Mistral 3B 87 ship; Skeptic:"
            ),
            "{chart}"
        );
        // Five personas × two tools; 88 of 100 is 264 of the 300-unit scale; no Creator takes.
        assert_eq!(
            chart["bars"],
            serde_json::json!(["264", "261", "234", "240", "246", "252", "165", "225", "0", "0"])
        );
        assert_eq!(
            chart["legend"],
            serde_json::json!(["Mistral Medium 3 (72B Instruct)", "Mistral 3B"])
        );
        b.goto("tool/mistral-8b-instruct-v3").await;
        let label = b
            .js("return document.querySelector('svg.chart__svg').getAttribute('aria-label')")
            .await;
        assert!(
            label
                .as_str()
                .unwrap()
                .contains("Builder: ship (no score); "),
            "{label}"
        );
        assert_eq!(
            b.js("return document.querySelectorAll('.chart__legend').length")
                .await,
            0
        );
    })
}

fn badges_and_open_data(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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
        let site = format!("{}{}", b.origin, b.base);
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

fn keyboard_shortcuts_and_last_reviewed(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.js("localStorage.clear(); return 0").await;
        b.goto("tool/mistral-3b").await;
        // Every tool says when it was last reviewed.
        assert_eq!(b.text(".card__reviewed").await, "Last reviewed 2026-10-20");
        let pressed = "return document.querySelector('main .card .bookmark-button').getAttribute('aria-pressed')";
        assert_eq!(b.js(pressed).await, "false");
        b.press('b').await;
        assert!(
            b.wait_js(&pressed.replace("return ", "return 'true' === "), 5)
                .await,
            "b did not bookmark"
        );
        b.press('c').await;
        assert_eq!(b.js("return document.activeElement.id").await, "pick-add");
        // `?` opens the help and moves focus into it; Escape closes it.
        b.js("document.activeElement.blur(); return 0").await;
        b.press('?').await;
        assert!(
            b.wait_js("return !document.querySelector('.shortcuts').hidden", 5)
                .await
        );
        assert_eq!(b.texts(".shortcuts kbd").await, ["/", "b", "c", "?", "Esc"]);
        assert!(
            b.wait_js(
                "return document.activeElement.closest('.shortcuts') !== null",
                5
            )
            .await
        );
        b.press(fantoccini::key::Key::Escape.into()).await;
        assert!(
            b.wait_js("return document.querySelector('.shortcuts').hidden", 5)
                .await
        );
        // `/` goes to the search (from any page); typed in a field, keys are the reader's.
        b.press('/').await;
        assert!(
            b.wait_js(
                "return document.activeElement && document.activeElement.id === 'search'",
                5
            )
            .await
        );
        b.press('b').await;
        assert_eq!(
            b.js("return document.getElementById('search').value").await,
            "b"
        );
        assert!(b
            .texts(".rows .row__meta")
            .await
            .iter()
            .all(|m| m.contains(" · reviewed 2026-")));
        b.js("localStorage.clear(); return 0").await;
    })
}

fn other_tabs_are_followed(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.js("localStorage.clear(); return 0").await;
        b.goto("").await;
        assert!(b
            .wait_text(".bookmarks-panel", "No bookmarks")
            .await
            .contains("No bookmarks yet"));
        let first = b.client.window().await.expect("window");
        let second = b.client.new_window(true).await.expect("new tab").handle;
        b.switch(second.clone()).await;
        b.goto("tool/mistral-3-1").await;
        // Tab 1 writes while tab 2 is open: tab 2 must not drop it when it writes next.
        b.switch(first.clone()).await;
        b.goto("tool/mistral-3b").await;
        b.click(".bookmark-button").await;
        b.switch(second.clone()).await;
        b.click(".bookmark-button").await;
        b.click(".vote-button--ship").await;
        b.switch(first.clone()).await;
        // Tab 1 follows tab 2's bookmark and vote without a reload.
        assert_eq!(b.wait_text(".site-header .count", "2").await, "2");
        b.goto("bookmarks").await;
        let mut names = b.texts(".rows .row__name").await;
        names.sort();
        assert_eq!(names, ["Mistral 3.1", "Mistral 3B"]);
        b.switch(second).await;
        b.client.close_window().await.expect("close tab");
        b.switch(first).await;
    })
}

fn export_clear_import_round_trip(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        // Starts from the previous scenario's two bookmarks and one vote.
        b.goto("bookmarks").await;
        assert_eq!(b.texts(".rows .row__name").await.len(), 2);
        b.js("window.__blobs = []; const o = URL.createObjectURL; URL.createObjectURL = x => { window.__blobs.push(x); return o(x); }; return 0").await;
        b.click(".page--bookmarks .box button.button").await;
        let text = b
            .client
            .execute_async(
                "const done = arguments[0]; window.__blobs[0].text().then(done);",
                vec![],
            )
            .await
            .expect("exported blob");
        let text = text.as_str().expect("text").to_string();
        assert!(
            text.contains("\"app\": \"ship-or-skip\"") && text.contains("mistral-3-1"),
            "{text}"
        );
        b.js("localStorage.clear(); return 0").await;
        b.reload().await;
        assert!(b
            .wait_text(".page__main", "No bookmarks yet")
            .await
            .contains("No bookmarks yet"));
        let file = std::env::temp_dir().join(format!("sos-export-{}.json", std::process::id()));
        std::fs::write(&file, &text).unwrap();
        let input = b.find("#import-file").await;
        input
            .send_keys(file.to_str().unwrap())
            .await
            .expect("choose file");
        let preview = b.wait_text(".import-preview", "adds").await;
        assert!(
            preview.contains("adds 2 bookmark(s), 1 vote(s)"),
            "{preview}"
        );
        b.click(".import-preview button").await;
        assert!(b
            .wait_text(".page__main", "Imported")
            .await
            .contains("Imported"));
        let mut names = b.texts(".rows .row__name").await;
        names.sort();
        assert_eq!(names, ["Mistral 3.1", "Mistral 3B"]);
        b.goto("tool/mistral-3-1").await;
        assert!(b
            .wait_text(".community", "your")
            .await
            .contains("1 ship / 0 skip (incl. your ship)"));
        // A bad file gets a clear reason and changes nothing.
        b.goto("bookmarks").await;
        std::fs::write(&file, "{\"hello\": 1}").unwrap();
        let input = b.find("#import-file").await;
        input
            .send_keys(file.to_str().unwrap())
            .await
            .expect("choose file");
        let err = b.wait_text(".notice--error", "cannot").await;
        assert!(err.contains("not a Ship or Skip export"), "{err}");
        assert_eq!(b.texts(".rows .row__name").await.len(), 2);
        std::fs::remove_file(&file).ok();
        b.js("localStorage.clear(); return 0").await;
    })
}

fn offline_copy_installed(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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

fn hostile_catalog_executes_nothing(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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
        for page in [
            "",
            "tool/mistral-3b",
            "compare/mistral-3b-vs-openrouter-model-fusion",
            "reviewer/skeptic",
        ] {
            b.goto(page).await;
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

fn prerendered_page_is_taken_over(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;
        assert_eq!(b.text("h1").await, "Mistral 3B vs OpenRouter Model Fusion");
        // One page on screen: the static copy is gone, the live app is `#app`.
        let state = b
            .js("return [document.querySelectorAll('h1').length, document.querySelectorAll('[data-prerendered], #app-live').length, document.querySelectorAll('#app').length, document.querySelectorAll('main').length]")
            .await;
        assert_eq!(state, serde_json::json!([1, 0, 1, 1]));
        // The served HTML had the page before any script ran.
        let raw = b
            .js("return fetch(location.href, {cache: 'no-store'}).then(r => r.text())")
            .await;
        let raw = raw.as_str().unwrap_or_default();
        assert!(
            raw.contains("<h1>Mistral 3B vs OpenRouter Model Fusion</h1>")
                && raw.contains("data-prerendered"),
            "raw HTML: {}",
            &raw[..raw.len().min(300)]
        );
    })
}

/// The boxes of what the first screen shows, for `prerendered_layout_is_the_live_layout`.
const FIRST_SCREEN_BOXES: &str = "return [...document.querySelectorAll(
  '#app header.site-header, #app main h1, #app main .lede, #app ul.latest > li, #app ul.latest p, #app ol.divisive > li, '
  + '#app .breadcrumb, #app .card__top, #app .card__tagline, #app .card__figures, #app .card__reviewed, #app .card__split, '
  + '#app .card__description, #app .card__actions')]
  .map(e => { const r = e.getBoundingClientRect();
    return [e.tagName + '.' + e.className, Math.round(r.top), Math.round(r.left), Math.round(r.width), Math.round(r.height)]; });";

/// Issue 9: a prerendered page and the live page that replaces it lay out the first
/// screen box for box, so the takeover moves nothing and paints nothing larger (a larger
/// box is a new "largest contentful paint", seconds later on a phone). The static copy
/// is measured with its loader script removed, so it stays static; the service worker
/// goes first, or it would answer from its copy of the build.
fn prerendered_layout_is_the_live_layout(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
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

/// The markup of `#app`'s children, for comparing two drawings of a page: attributes
/// sorted, links by the URL they resolve to, fields by their value (not the attributes
/// they started with), spaces collapsed, comments (Leptos' markers) left out.
const APP_MARKUP: &str = "const walk = n => {
  if (n.nodeType === 3) return n.textContent;
  if (n.nodeType !== 1) return '';
  const attrs = [...n.attributes].filter(a => !['href', 'value', 'selected'].includes(a.name))
    .map(a => a.name + '=' + a.value);
  if (n.tagName === 'A') attrs.push('href=' + n.href);
  if (n.tagName === 'INPUT' || n.tagName === 'SELECT') attrs.push('value=' + n.value);
  return '<' + n.tagName + ' ' + attrs.sort().join(' ') + '>' + [...n.childNodes].map(walk).join('') + '</' + n.tagName + '>';
};
return [...document.getElementById('app').childNodes].map(walk).join('').replace(/\\s+/g, ' ').replace(/> </g, '><').trim();";

/// Issue 9: home's first view is a module of its own (src/first), not the app. It makes
/// the static page live: it searches, keeps bookmarks, weights and the theme, and draws
/// what the app's home draws for the same state, box for box. The first link to another
/// page fetches the app, which takes over.
fn first_view_is_home_without_the_app(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        let requested = |part: &'static str| async move {
            b.client
                .execute(REQUESTED, vec![serde_json::json!(part)])
                .await
                .expect("script")
        };
        b.js("localStorage.clear(); return 0").await;
        b.goto("").await;
        b.find("#search")
            .await
            .send_keys("mistrl")
            .await
            .expect("type");
        assert_eq!(b.wait_text("p.count", "5 of").await, "5 of 6 tools match");
        // The skip link moves focus into the page; it does not follow `<base href>` to
        // the site's root, which would drop the query.
        let in_main = "return document.activeElement === document.getElementById('main')";
        // Clicked by script: the link is off screen until focused.
        b.js("document.querySelector('.skip-link').click(); return 0")
            .await;
        assert!(
            b.wait_js(in_main, 5).await,
            "the skip link did not focus main"
        );
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
        assert_eq!(b.texts(".bookmarks-list a").await.len(), 1);
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
        b.goto("").await;
        assert_eq!(b.js(theme).await, chosen);
        b.press('?').await;
        assert!(
            b.wait_js("return !document.querySelector('.shortcuts').hidden", 5)
                .await
        );
        b.press(fantoccini::key::Key::Escape.into()).await;
        assert!(
            b.wait_js("return document.querySelector('.shortcuts').hidden", 5)
                .await
        );
        let input = b.find("#search").await;
        input.clear().await.expect("clear");
        b.js("document.getElementById('search').dispatchEvent(new Event('input', { bubbles: true })); return 0")
            .await;
        assert_eq!(b.wait_text("p.count", "6 tools").await, "6 tools");
        assert_eq!(requested("ship-or-skip-").await, 0, "home fetched the app");
        let first = b.js(APP_MARKUP).await;
        // Another page: the app.
        b.click(".reviewers a[href$='reviewer/skeptic']").await;
        assert_eq!(
            b.wait_text("#app[data-live] h1", "Skeptic").await,
            "Skeptic"
        );
        assert!(requested("ship-or-skip-").await.as_u64() >= Some(1));
        // The app's skip link stays on its page too.
        b.js("document.querySelector('#app[data-live] .skip-link').click(); return 0")
            .await;
        assert!(
            b.wait_js(in_main, 5).await,
            "the app's skip link did not focus main"
        );
        assert!(
            b.path().await.ends_with("reviewer/skeptic"),
            "{}",
            b.path().await
        );
        b.click(".site-header__nav a").await;
        b.find("#app[data-live] .page--home .rows .row").await;
        assert_eq!(
            b.js(APP_MARKUP).await,
            first,
            "the first view, then the app's home"
        );
        b.js("localStorage.clear(); return 0").await;
    })
}

/// Requests of the page so far for files whose name contains `part`.
const REQUESTED: &str =
    "return performance.getEntriesByType('resource').filter(r => r.name.includes(arguments[0])).length";

/// Home's first view downloads none of the app's code; opening a tool fetches the app
/// and the pages chunk once, and a page opened directly preloads it. A chunk that cannot
/// be used gives a message and a retry that works, whether the reader navigates to the
/// page or opens it directly; so do a split catalog's index chunk and the checks chunk
/// (home never fetches the latter for the catalog the build checked). A link followed
/// while the chunk is on its way still lets the app take over.
fn pages_load_their_code_on_demand(b: &Browser) -> Pin<Box<dyn Future<Output = ()> + '_>> {
    Box::pin(async move {
        let chunk = support::chunk(&dist_dir(), "pages");
        let requested = |part: &'static str| async move {
            b.client
                .execute(REQUESTED, vec![serde_json::json!(part)])
                .await
                .expect("script")
        };
        b.goto("").await;
        b.find(".rows .row__name").await;
        assert_eq!(
            b.js("return document.querySelectorAll('link[href^=\"split_pages-\"]').length")
                .await,
            0,
            "home preloads the pages chunk"
        );
        // Home's first view is its own module (src/first): none of the app's files.
        assert_eq!(
            requested("first-").await,
            2,
            "the first view's glue and wasm"
        );
        for app in ["ship-or-skip-", "__wasm_split-", "split_", "chunk_"] {
            assert_eq!(requested(app).await, 0, "home fetched {app}");
        }
        b.click(".rows a.row__name[href$='tool/mistral-3b']").await;
        b.find("#app[data-live] h1.card__name").await;
        assert_eq!(b.text("h1").await, "Mistral 3B");
        // The app, started for the tool's address, preloads the chunk alongside itself;
        // WebKit fetches a preloaded file twice (below).
        let preloaded = if b.engine == Engine::WebKit { 2 } else { 1 };
        assert_eq!(requested("split_pages-").await, preloaded, "{:?}", b.engine);
        assert_eq!(requested("__wasm_split-").await, 1, "the chunks' loader");
        assert_eq!(
            requested("split_index-").await,
            0,
            "a whole catalog fetched the index chunk"
        );
        assert_eq!(
            requested("split_checks-").await,
            0,
            "the catalog the build checked (its stamp in the page) was checked again"
        );
        b.click(".site-header__nav a[href$='bookmarks']").await;
        b.wait_text("h1", "Bookmarks").await;
        assert_eq!(requested("split_pages-").await, preloaded, "fetched again");
        assert_eq!(
            requested("split_checks-").await,
            0,
            "a page of a whole catalog fetched the checks chunk (only a split catalog's tool files need it)"
        );
        assert_eq!(
            requested("split_picker-").await,
            0,
            "a small catalog's page fetched the search picker"
        );
        // Opened directly, a page preloads the chunk alongside the app; the app's fetch
        // takes the preload, except in WebKit (as with the catalog's preload).
        b.goto("compare/mistral-3b-vs-mistral-8b-instruct-v3").await;
        b.wait_text("h1", "Mistral 3B vs").await;
        let expected = if b.engine == Engine::WebKit { 2 } else { 1 };
        assert_eq!(requested("split_pages-").await, expected, "{:?}", b.engine);
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
                b.goto("tool/mistral-3b").await;
            } else {
                b.goto("").await;
                b.click(".rows a.row__name[href$='tool/mistral-3b']").await;
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
        b.find("#app[data-live] h1.card__name").await;
        assert_eq!(b.text("h1").await, "Mistral 3B");
        assert!(
            b.js("return document.querySelector('.load-error') === null")
                .await
                == true
        );

        // A catalog the build did not check (edited after it, so not the stamped file)
        // is checked by the checks chunk; when that chunk cannot be used, the catalog's
        // error says so, and its retry recovers.
        let text = std::fs::read_to_string(dist_dir().join("catalog.json")).unwrap();
        let edited = text.replacen("\"score\": 8", "\"score\": 9", 1);
        assert_ne!(edited, text);
        b.override_file("catalog.json", Some(edited.as_bytes()));
        b.goto("").await;
        assert_eq!(b.wait_text("#app p.count", "tools").await, "6 tools");
        assert_eq!(
            requested("split_checks-").await,
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
            .goto(&b.url("tool/mistral-3b"))
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

/// With the chunk `module` (of the code reading the catalog) broken, home says `message`;
/// with it mended, the error's retry brings the catalog in.
async fn catalog_chunk_fails_then_recovers(b: &Browser, module: &str, message: &str) {
    let chunk = support::chunk(&dist_dir(), module);
    b.override_file(&chunk, Some(b"not a wasm module"));
    b.goto("").await;
    assert_eq!(
        b.wait_text("#app[data-live] .load-error__what", "did not download")
            .await,
        message
    );
    b.override_file(&chunk, None);
    b.click(".load-error button").await;
    assert_eq!(b.wait_text("#app p.count", "tools").await, "6 tools");
}

/// Unregisters every service worker, true once none is left. The live app queued its own
/// `register` at start-up, and a register job that runs after `unregister` revives the
/// registration: registering again first waits for the app's job (jobs for one scope run
/// in order).
const UNREGISTER_WORKERS: &str = "return navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.getRegistrations()).then(rs => Promise.all(rs.map(r => r.unregister()))).then(() => navigator.serviceWorker.getRegistrations()).then(rs => rs.length === 0)";

/// The page without its module loader script (the app never starts).
fn without_loader(html: &str) -> String {
    let Some(i) = html.find("<script type=\"module\">") else {
        return html.to_string();
    };
    match html[i..].find("</script>") {
        Some(j) => format!("{}{}", &html[..i], &html[i + j + "</script>".len()..]),
        None => html.to_string(),
    }
}

/// Issue 11: every known route is a file GitHub Pages serves with 200, carrying its own
/// title, description, preview tags and figures; everything else stays 404.html.
#[test]
fn every_known_route_is_a_static_page_answering_200() {
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
            "<div id=\"app\" data-prerendered>".to_string(),
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
        html.contains("verdict-cell--ship\">Ship · 3 ship / 1 skip</td>")
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

#[test]
fn github_pages_like_server_answers_404_for_unknown_paths() {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reader_journeys_in_every_engine() {
    let scenarios: &[(&str, Scenario)] = &[
        ("seed comparisons", seed_comparisons),
        (
            "reversed and non-curated pairs",
            reversed_and_non_curated_pairs,
        ),
        ("unknown tool suggests", unknown_tool_suggests),
        ("tool page", tool_page),
        ("reviewer page with category", reviewer_page_with_category),
        ("search and facets from url", search_and_facets_from_url),
        (
            "deep link reload under sub-path",
            deep_link_reload_under_sub_path,
        ),
        (
            "list lines follow their tools",
            list_lines_follow_their_tools,
        ),
        (
            "bookmark and vote survive reload",
            bookmark_and_vote_survive_reload,
        ),
        (
            "corrupted storage is kept and reported",
            corrupted_storage_is_kept_and_reported,
        ),
        (
            "broken catalogs degrade clearly",
            broken_catalogs_degrade_clearly,
        ),
        (
            "split catalog loads tools on demand",
            split_catalog_loads_tools_on_demand,
        ),
        ("pick on a comparison", pick_on_a_comparison),
        (
            "search picker in a large catalog",
            search_picker_in_a_large_catalog,
        ),
        (
            "three- and four-way comparisons",
            three_and_four_way_comparisons,
        ),
        ("persona weights", persona_weights),
        ("disagreement made visible", disagreement_made_visible),
        ("score charts", score_charts),
        ("badges and open data", badges_and_open_data),
        (
            "keyboard shortcuts and last reviewed",
            keyboard_shortcuts_and_last_reviewed,
        ),
        ("offline copy installed", offline_copy_installed),
        (
            "prerendered page is taken over",
            prerendered_page_is_taken_over,
        ),
        (
            "prerendered layout is the live layout",
            prerendered_layout_is_the_live_layout,
        ),
        (
            "first view is home without the app",
            first_view_is_home_without_the_app,
        ),
        (
            "pages load their code on demand",
            pages_load_their_code_on_demand,
        ),
        (
            "hostile catalog executes nothing",
            hostile_catalog_executes_nothing,
        ),
        ("other tabs are followed", other_tabs_are_followed),
        (
            "export, clear, import round trip",
            export_clear_import_round_trip,
        ),
    ];
    let mut failures = Vec::new();
    for engine in Engine::selected() {
        let e = engine.as_str();
        let engine_started = std::time::Instant::now();
        eprintln!("── {e} ──");
        let browser = match futures_catch(Browser::start(dist_dir(), engine)).await {
            Ok(b) => b,
            Err(msg) => {
                eprintln!("FAIL  [{e}] the browser did not start: {msg}");
                failures.push(format!("[{e}] the browser did not start: {msg}"));
                continue;
            }
        };
        for (name, run) in scenarios {
            let started = std::time::Instant::now();
            match futures_catch(run(&browser)).await {
                Ok(()) => eprintln!("ok    [{e}] {name} ({} ms)", started.elapsed().as_millis()),
                Err(msg) => {
                    let msg = msg.replace('\n', " ");
                    eprintln!("FAIL  [{e}] {name}: {msg}");
                    failures.push(format!("[{e}] {name}: {msg}"));
                }
            }
        }
        let groups = browser.process_groups();
        browser.close().await;
        // Driver, browser and display must all be gone, whatever the outcome.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while groups.iter().any(|g| support::group_alive(*g)) {
            if std::time::Instant::now() > deadline {
                failures.push(format!("[{e}] processes left behind in groups {groups:?}"));
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        eprintln!(
            "{e}: {} scenarios in {:.1} s (browser start and close included)",
            scenarios.len(),
            engine_started.elapsed().as_secs_f64()
        );
    }
    assert!(
        failures.is_empty(),
        "failed scenarios:\n{}",
        failures.join("\n")
    );
}

/// Runs a future, turning its panic into an error message so the other scenarios (and
/// engines) still run.
async fn futures_catch<T, F: Future<Output = T>>(f: F) -> Result<T, String> {
    use std::task::Poll;
    let mut f = Box::pin(f);
    std::future::poll_fn(move |cx| {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(e) => Poll::Ready(Err(e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into()))),
        }
    })
    .await
}

/// Screenshots for the README, from every selected engine: `make screenshots` (writes
/// docs/screenshots/compare-<engine>.png, and Chromium's dark and phone views).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "writes files into docs/; run with `make screenshots`"]
async fn screenshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let page = "compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion";
    for engine in Engine::selected() {
        let b = Browser::start(dist_dir(), engine).await;
        let e = engine.as_str();
        let mut shots = vec![(format!("compare-{e}.png"), "light", 1280, 1800)];
        if engine == Engine::Chromium {
            shots.push(("compare-dark.png".into(), "dark", 1280, 1800));
            shots.push(("compare-phone.png".into(), "light", 360, 1600));
        }
        for (file, theme, w, h) in shots {
            b.client.set_window_size(w, h).await.expect("window size");
            b.goto(page).await;
            b.js(&format!(
                "localStorage.setItem('ship-or-skip.settings', JSON.stringify({{version: 1, theme: '{theme}'}})); return 0"
            ))
            .await;
            b.reload().await;
            // Taken over WebDriver once the app has drawn the scorecard.
            b.text("table.scorecard").await;
            let applied = b.js("return document.documentElement.dataset.theme").await;
            assert_eq!(applied, theme, "{e}");
            let path = dir.join(&file);
            b.screenshot(path.to_str().unwrap()).await;
            assert!(
                std::fs::metadata(&path).unwrap().len() > 10_000,
                "{file} is not empty"
            );
        }
        b.js("localStorage.clear(); return 0").await;
        b.close().await;
    }
}

/// The print stylesheet turns a comparison into one clean page: Chromium prints it to PDF
/// (its default Letter paper) with one page, and the controls are not on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_prints_on_one_clean_page() {
    use base64::Engine as _;
    use support::ChromeCommand;
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    for path in [
        "compare/mistral-medium-3-72b-instruct-vs-mistral-medium-3",
        "compare/mistral-3b-vs-mistral-3-1-vs-openrouter-model-fusion-vs-mistral-medium-3",
    ] {
        b.goto(path).await;
        b.find(".scorecard").await;
        let pdf = b
            .client
            .issue_cmd(ChromeCommand::cdp(
                "Page.printToPDF",
                serde_json::json!({ "printBackground": false }),
            ))
            .await
            .expect("printToPDF");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(pdf["data"].as_str().expect("pdf data"))
            .expect("base64");
        let text = String::from_utf8_lossy(&bytes);
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert_eq!(pages, 1, "{path}: {pages} pages");
        // What prints: the verdicts and scores, not the controls (nor the cards and chart,
        // whose figures the two tables give).
        b.client
            .issue_cmd(ChromeCommand::cdp(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "media": "print" }),
            ))
            .await
            .expect("print media");
        let shown = b
            .js("const v = s => [...document.querySelectorAll(s)].some(e => e.getClientRects().length > 0);
                 return { controls: ['.card__actions', '.compare-tools', '.pick', '.weights', '.site-header', '.page__aside', '.copy', '.shortcuts-hint', '.cards', '.chart'].filter(v),
                          figures: ['h1', '.decision', '.scorecard', '.print-only'].filter(v) }")
            .await;
        assert_eq!(shown["controls"], serde_json::json!([]), "{path}");
        assert_eq!(
            shown["figures"],
            serde_json::json!(["h1", ".decision", ".scorecard", ".print-only"]),
            "{path}"
        );
        b.client
            .issue_cmd(ChromeCommand::cdp(
                "Emulation.setEmulatedMedia",
                serde_json::json!({ "media": "" }),
            ))
            .await
            .expect("screen media");
    }
    b.close().await;
}

/// Issue 8: offline after the first visit, then a clean update, in Chromium, at the site
/// root and under the GitHub Pages sub-path (each from its own release build).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_after_first_visit_then_clean_update() {
    let root_dist = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(std::env::var("E2E_DIST_ROOT").unwrap_or_else(|_| "target/e2e-dist-root".into()));
    assert!(
        root_dist.join("index.html").exists(),
        "no root build at {}: run `make e2e-dist`",
        root_dist.display()
    );
    let mut failures = Vec::new();
    for (base, dist) in [(BASE, dist_dir()), ("/", root_dist)] {
        let started = std::time::Instant::now();
        match futures_catch(offline_then_update(base, dist)).await {
            Ok(()) => eprintln!(
                "ok    [chromium] offline and update at {base} ({} ms)",
                started.elapsed().as_millis()
            ),
            Err(msg) => {
                let msg = msg.replace('\n', " ");
                eprintln!("FAIL  [chromium] offline and update at {base}: {msg}");
                failures.push(format!("at {base}: {msg}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
    let result = futures_catch(async {
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
        let hook = std::process::Command::new("sh")
            .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/post-build.sh"))
            .env("TRUNK_STAGING_DIR", &site.0)
            .env("TRUNK_PUBLIC_URL", base)
            .output()
            .expect("post-build hook");
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
        assert_eq!(b.text(".site-header .count").await, "1");
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
