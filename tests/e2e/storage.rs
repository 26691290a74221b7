//! What the reader keeps in the browser: bookmarks and votes across a reload, corrupted
//! or full storage, persona weights, two tabs following each other, and export → clear →
//! import.

use crate::support::Browser;
use crate::Steps;

pub fn bookmark_and_vote(b: &Browser) -> Steps<'_> {
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

pub fn corrupted_storage(b: &Browser) -> Steps<'_> {
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

pub fn persona_weights(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        b.js("localStorage.clear(); return 0").await;
        b.goto("?sort=ship").await;
        let pos = |v: &[String], s: &str| v.iter().position(|x| x == s).expect(s);
        let panel = b.texts(".rows .row__name").await;
        assert!(pos(&panel, "Mistral Medium 3 (72B Instruct)") > pos(&panel, "Mistral Medium 3"));
        assert_eq!(
            b.js("return !!document.querySelector('.notice--weights:not([hidden])')")
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
                "return !document.querySelector('tr.weighted, .notice--weights:not([hidden])')",
                5
            )
            .await
        );
        // Weights set one by one in the panel.
        founder_weighs_three(b).await;
        b.js("localStorage.clear(); return 0").await;
    })
}

/// On the comparison of the first seed pair, the Founder weighed ×3 in the weights
/// panel: the notice says so and the decision table's row follows.
pub async fn founder_weighs_three(b: &Browser) {
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
}

pub fn other_tabs(b: &Browser) -> Steps<'_> {
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

pub fn export_import(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        // Two bookmarks and one vote, as `other_tabs` leaves them.
        let pressed = "return document.querySelector('.bookmark-button').getAttribute('aria-pressed') === 'true'";
        b.js("localStorage.clear(); return 0").await;
        b.goto("tool/mistral-3b").await;
        b.click(".bookmark-button").await;
        assert!(b.wait_js(pressed, 5).await, "mistral-3b not bookmarked");
        b.goto("tool/mistral-3-1").await;
        b.click(".bookmark-button").await;
        assert!(b.wait_js(pressed, 5).await, "mistral-3-1 not bookmarked");
        b.click(".vote-button--ship").await;
        assert!(b
            .wait_text(".community", "your ship")
            .await
            .contains("(incl. your ship)"));
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
