//! Home's search: facets and queries in the address bar, the list's reused lines, and the
//! keyboard shortcuts.

use crate::support::{Browser, BASE};
use crate::Steps;

pub fn search_from_url(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.goto("?q=mistral&entry=paid").await;
        assert_eq!(b.text("p.count").await, "1 of 6 tools matches");
        // Home's islands fetch the catalog once, for the search in the address; the page
        // does not preload it, since a reader with nothing saved never needs it.
        let fetched = b
            .js("return performance.getEntriesByType('resource').filter(r => new URL(r.name).pathname.endsWith('/catalog.json')).length")
            .await;
        assert_eq!(fetched, 1, "catalog.json requests in {:?}", b.engine);
        assert_eq!(
            b.js("return document.querySelectorAll('link[rel=preload][href=\"catalog.json\"]').length").await,
            0
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
        // Home's list shows the empty state the page holds, with the words typed.
        assert!(b
            .wait_text(".empty", "“zzzz”")
            .await
            .contains("No tools match. Nothing is called or described as “zzzz”."));
        // The empty state stays in the page, hidden once something matches again.
        input.clear().await.expect("clear");
        input.send_keys("mis").await.expect("type");
        assert!(
            b.wait_js("return document.querySelector('#app .empty').hidden", 5)
                .await,
            "the empty state is still shown"
        );
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

/// More than 50 tools: home shows 50 and "Show more (N left)", which shows the rest and
/// hides; a search that matches fewer hides it, and clearing it shows it again. (A
/// catalog the build did not render home from: the app's home.)
pub fn show_more(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let text = std::fs::read_to_string(crate::support::dist_dir().join("catalog.json"))
            .expect("catalog.json");
        let mut catalog: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let tools = catalog["tools"].as_array_mut().expect("tools");
        let first = tools[0].clone();
        for i in 0..54 {
            let mut t = first.clone();
            t["slug"] = serde_json::json!(format!("extra-{i:02}"));
            t["name"] = serde_json::json!(format!("Extra {i:02}"));
            tools.push(t);
        }
        b.override_file("catalog.json", Some(catalog.to_string().as_bytes()));
        crate::catalogs::app_home(b).await;
        assert_eq!(
            b.wait_text("#app[data-live] p.count", "60").await,
            "60 tools"
        );
        assert_eq!(b.texts("#app .rows .row").await.len(), 50);
        let more = "#app button.more";
        let hidden = format!("return document.querySelector('{more}').hidden");
        assert_eq!(b.text(more).await, "Show more (10 left)");
        // From the keyboard (Enter), as `list_lines` presses its toggles: under the whole
        // suite's load, WebKit once lost a pointer's click on this button.
        b.find(more)
            .await
            .send_keys("\u{E007}")
            .await
            .expect("press Enter on Show more");
        assert!(
            b.wait_js(
                "return document.querySelectorAll('#app .rows .row').length === 60",
                5
            )
            .await
        );
        assert_eq!(b.js(&hidden).await, true, "“Show more” is shown");
        let input = b.find("#search").await;
        input.send_keys("extra 07").await.expect("type");
        assert_eq!(
            b.wait_text("p.count", "1 of").await,
            "1 of 60 tools matches"
        );
        assert_eq!(b.js(&hidden).await, true, "“Show more” is shown");
        input.clear().await.expect("clear");
        b.js("document.getElementById('search').dispatchEvent(new Event('input', { bubbles: true })); return 0")
            .await;
        assert_eq!(b.wait_text("p.count", "60 tools").await, "60 tools");
        assert_eq!(b.wait_text(more, "left").await, "Show more (10 left)");
        b.override_file("catalog.json", None);
    })
}

/// The home list's lines are reused as the results change (`components::rows`): each line must
/// show its own tool's name, link and bookmark state, and its toggle (one listener on the
/// list) must bookmark that tool.
pub fn list_lines(b: &Browser) -> Steps<'_> {
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

pub fn keyboard_shortcuts(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // The harness cleared the reader's records (run alone, the engine starts on a
        // blank page, whose storage a script may not touch).
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
            b.wait_js(
                "return document.querySelector('.shortcuts').matches(':popover-open')",
                5
            )
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
            b.wait_js(
                "return !document.querySelector('.shortcuts').matches(':popover-open')",
                5
            )
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
