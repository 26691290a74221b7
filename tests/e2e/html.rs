//! The live pages are valid HTML too: the DOM of the main page states, as the islands and
//! the app draw them for a reader who has searched, bookmarked, voted, picked and
//! weighted, checked by the Nu Html Checker (tests/support/nu.rs). The built pages are
//! checked in tests/html.rs.

use crate::support::{nu, Browser, TempDir};
use crate::Steps;

/// The document as it stands, serialized with its doctype.
const SNAPSHOT: &str = "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML";

pub fn live_states(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let e = b.engine.as_str();
        let dir = TempDir(std::env::temp_dir().join(format!("nu-live-{e}-{}", std::process::id())));
        std::fs::create_dir_all(&dir.0).unwrap();
        let mut files = Vec::new();
        let mut snap = async |name: &str| {
            let html = b.js(SNAPSHOT).await;
            let html = html.as_str().expect("outerHTML");
            assert!(html.contains("data-live"), "{name}: not live");
            let file = dir.0.join(format!("{name}.html"));
            std::fs::write(&file, html).unwrap();
            files.push(file);
        };
        // Storage is the page's: cleared once a page of the site is open.
        b.goto("").await;
        b.js("localStorage.clear(); return 0").await;
        b.reload().await;
        snap("home").await;
        let search = b.find("#search").await;
        search.send_keys("mistral").await.expect("type");
        b.wait_text(".count", "match").await;
        snap("home-search").await;
        // The search is drawn anew once its island's chunk is in: found again.
        let search = b.find("#search").await;
        search.send_keys("zzzq").await.expect("type");
        b.wait_text(".count", "0 of").await;
        snap("home-nothing-found").await;

        // A tool bookmarked and voted on, and the shortcuts' help open over it.
        b.goto("tool/mistral-3b").await;
        b.click(".bookmark-button").await;
        b.click(".vote-button--skip").await;
        b.wait_text(".community", "your skip").await;
        snap("tool-saved").await;
        b.press('?').await;
        assert!(
            b.wait_js(
                "return document.querySelector('.shortcuts').matches(':popover-open')",
                5
            )
            .await
        );
        snap("shortcuts-help").await;

        // Weights: one reviewer trusted, then home, a comparison and the bookmarks.
        b.goto("reviewer/skeptic").await;
        b.click(".trust-button").await;
        b.wait_text(".notice--weights", "in effect").await;
        snap("reviewer-trusted").await;
        b.goto("?sort=ship").await;
        b.wait_text(".notice--weights", "in effect").await;
        b.click(".weights summary").await;
        snap("home-weighted-with-bookmarks").await;
        b.goto("compare/mistral-3b-vs-openrouter-model-fusion")
            .await;
        b.find("tr.weighted").await;
        b.click(".pick-button[data-slug='mistral-3b']").await;
        b.wait_text(".pick__state", "Your pick").await;
        snap("comparison-weighted-picked").await;
        b.goto("compare/mistral-3b-vs-mistral-3-1-vs-openrouter-model-fusion")
            .await;
        b.find("table.scorecard").await;
        snap("comparison-three-way").await;
        b.goto("bookmarks").await;
        b.wait_text(".rows .row__name", "Mistral 3B").await;
        snap("bookmarks").await;

        // A tool that is not in the catalog, and storage that could not be read.
        b.goto("compare/mistral-3c-vs-openrouter-model-fusion")
            .await;
        b.wait_text(".not-found", "Did you mean").await;
        snap("unknown-comparison").await;
        b.js("localStorage.setItem('ship-or-skip.bookmarks', '{broken'); return 0")
            .await;
        b.goto("").await;
        b.wait_text(".notices", "could not be read").await;
        snap("storage-unreadable").await;
        b.js("localStorage.clear(); return 0").await;

        let errors = tokio::task::block_in_place(|| nu::errors(&files));
        assert!(
            errors.is_empty(),
            "{e}, live pages: {}",
            nu::report(&errors)
        );
    })
}
