//! Browser tests (wasm-bindgen-test in headless Chromium): the storage adapter against
//! real localStorage, and components rendered into a real DOM.
//! Run: `cargo test --target wasm32-unknown-unknown --test browser` (or `make wasm-test`).

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use ship_or_skip::app::store::Store;
use ship_or_skip::domain::catalog::model::Call;
use ship_or_skip::domain::reader::store::{BOOKMARKS_KEY, VOTES_KEY};

wasm_bindgen_test_configure!(run_in_browser);

fn ls() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn eval(js: &str) {
    js_sys::eval(js).expect("script runs");
}

/// Runs `f` under a fresh reactive owner with clean storage and patches undone.
fn with_store<T>(f: impl FnOnce(Store) -> T) -> T {
    eval("if (Storage.prototype.__set) { Storage.prototype.setItem = Storage.prototype.__set; delete Storage.prototype.__set; }");
    ls().clear().unwrap();
    let owner = Owner::new();
    owner.with(|| f(Store::provide()))
}

#[wasm_bindgen_test]
fn bookmarks_and_votes_persist_in_local_storage() {
    with_store(|store| {
        assert!(store.persistent.get_untracked());
        store.toggle_bookmark("mistral-3b");
        store.set_vote("mistral-3b", Some(Call::Ship));
        let raw = ls().get_item(BOOKMARKS_KEY).unwrap().unwrap();
        assert!(
            raw.contains("\"version\":1") && raw.contains("mistral-3b"),
            "{raw}"
        );
        let votes = ls().get_item(VOTES_KEY).unwrap().unwrap();
        assert!(votes.contains("\"call\":\"ship\""), "{votes}");
        store.set_vote("mistral-3b", None);
        assert_eq!(store.vote("mistral-3b"), None);
    });
    // A second store (a reload) reads the same data back.
    let again = Owner::new().with(|| Store::provide().is_bookmarked("mistral-3b"));
    assert!(again);
}

#[wasm_bindgen_test]
fn corrupted_value_is_backed_up_and_reported() {
    ls().clear().unwrap();
    ls().set_item(
        BOOKMARKS_KEY,
        r#"{"version":1,"items":[{"slug":"a","added":"2026-01-01"},{"junk":true}]}"#,
    )
    .unwrap();
    let owner = Owner::new();
    owner.with(|| {
        let store = Store::provide();
        assert!(store.is_bookmarked("a"), "readable entry recovered");
        let notices = store.notices.get_untracked();
        assert_eq!(notices.len(), 1);
        assert!(notices[0].contains("could not be read"), "{}", notices[0]);
        let storage = ls();
        let mut backups = Vec::new();
        for i in 0..storage.length().unwrap() {
            let k = storage.key(i).unwrap().unwrap();
            if k.starts_with("ship-or-skip.bookmarks.backup-") {
                backups.push(storage.get_item(&k).unwrap().unwrap());
            }
        }
        assert_eq!(backups.len(), 1);
        assert!(backups[0].contains("junk"), "raw value kept verbatim");
        // The main record was rewritten with what was recovered.
        let main = storage.get_item(BOOKMARKS_KEY).unwrap().unwrap();
        assert!(!main.contains("junk"));
    });
}

#[wasm_bindgen_test]
fn full_quota_degrades_to_memory_with_notice() {
    with_store(|store| {
        // Simulate a full quota for our records (the probe key still works).
        eval(
            "Storage.prototype.__set = Storage.prototype.setItem;
             Storage.prototype.setItem = function (k, v) {
               if (k.startsWith('ship-or-skip.') && k !== 'ship-or-skip.probe')
                 throw new DOMException('full', 'QuotaExceededError');
               return Storage.prototype.__set.call(this, k, v);
             };",
        );
        store.toggle_bookmark("mistral-3b");
        assert!(!store.persistent.get_untracked(), "switched to memory");
        assert!(store.is_bookmarked("mistral-3b"), "change kept in memory");
        store.toggle_bookmark("mistral-3-1");
        assert_eq!(store.bookmarks.get_untracked().len(), 2);
        eval(
            "Storage.prototype.setItem = Storage.prototype.__set; delete Storage.prototype.__set;",
        );
    });
}

#[wasm_bindgen_test]
fn no_storage_at_all_still_works_in_memory() {
    ls().clear().unwrap();
    eval(
        "window.__ls = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });",
    );
    let owner = Owner::new();
    let (persistent, bookmarked) = owner.with(|| {
        let store = Store::provide();
        store.toggle_bookmark("mistral-3b");
        (
            store.persistent.get_untracked(),
            store.is_bookmarked("mistral-3b"),
        )
    });
    eval("if (window.__ls) Object.defineProperty(window, 'localStorage', window.__ls); else delete window.localStorage;");
    assert!(!persistent);
    assert!(bookmarked);
}

/// The browser's JSON reader (`app::json`) gives the tree serde_json gives for the same
/// text, so the domain types records and props the same either way.
#[wasm_bindgen_test]
fn the_browsers_json_reads_as_serde_json_does() {
    use serde_json::Value;
    use ship_or_skip::app::json;
    let texts = [
        r#"{"version":1,"items":[{"slug":"a","added":"2026-01-01T00:00:00.000Z"}]}"#,
        r#"{"version":1,"votes":{"a":{"call":"ship","at":"x"}},"picks":{}}"#,
        r#"{"version":1,"theme":"dark","weights":{"builder":3,"skeptic":0}}"#,
        r#"["mistral-3b", 7, -12, 0.25, 1.5e-3, true, false, null, "\u00e9\ud83d\ude80 \"q\""]"#,
        r#"{"nested":{"a":[[],{}],"b":{"c":[1,[2,[3]]]}},"big":9007199254740993.5}"#,
        "\"just a string\"",
        "42",
    ];
    for text in texts {
        let ours = json::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let serde: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, serde, "{text}");
    }
    // A whole number in exponent form is an integer, as a record's `version` must be.
    assert_eq!(json::parse("1e0").unwrap().as_u64(), Some(1));
    assert_eq!(json::parse("1e999").unwrap(), Value::Null);
    let not_json = json::parse("{not json").unwrap_err();
    assert!(!not_json.is_empty());
    // Nesting: 128 levels read; deeper is an error, not a deep recursion.
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(json::parse(&deep(128)).is_ok());
    let too_deep = json::parse(&deep(1_000)).unwrap_err();
    assert!(too_deep.contains("128 levels"), "{too_deep}");
}

/// A record nested too deep for the reader is kept aside with a notice, like any other
/// unreadable record, and the store goes on.
#[wasm_bindgen_test]
fn a_record_nested_too_deep_is_kept_aside() {
    ls().clear().unwrap();
    let deep = format!("{}{}", "[".repeat(1_000), "]".repeat(1_000));
    ls().set_item(VOTES_KEY, &deep).unwrap();
    let (notices, votes) = Owner::new().with(|| {
        let store = Store::provide();
        store.set_vote("mistral-3b", Some(Call::Skip));
        (store.notices.get_untracked(), store.vote("mistral-3b"))
    });
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("votes"), "{notices:?}");
    assert_eq!(votes, Some(Call::Skip));
    let kept = (0..ls().length().unwrap())
        .filter_map(|i| ls().key(i).unwrap())
        .any(|k| k.starts_with("ship-or-skip.votes.backup-"));
    assert!(kept);
}
/// Mounts a view into a fresh `<div>` with the app's contexts and returns the element.
fn mount(view: impl FnOnce() -> AnyView + 'static) -> web_sys::HtmlElement {
    let div: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&div).unwrap();
    let handle = leptos::mount::mount_to(div.clone(), move || {
        ship_or_skip::app::router::Nav::provide();
        Store::provide();
        view()
    });
    handle.forget();
    div
}

fn shipped_tool(slug: &str) -> ship_or_skip::domain::catalog::model::Tool {
    let loaded =
        ship_or_skip::domain::catalog::validate::load(include_str!("../public/catalog.json"))
            .unwrap();
    loaded
        .catalog
        .tools
        .into_iter()
        .find(|t| t.slug == slug)
        .unwrap()
}

/// Lets the reactive system run its scheduled effects.
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn tool_card_renders_the_seed_figures_and_toggles_bookmarks() {
    use ship_or_skip::app::components::tool_card::ToolCard;
    ls().clear().unwrap();
    let tool = shipped_tool("mistral-medium-3-72b-instruct");
    let div = mount(move || view! { <ToolCard tool=tool/> }.into_any());
    tick().await;
    let text = div.inner_text();
    for want in [
        "Mistral Medium 3 (72B Instruct)",
        "Ship",
        "75%",
        "Panel ship",
        "No community votes yet",
        "Free",
        "Entry",
    ] {
        assert!(text.contains(want), "{want} missing in {text}");
    }
    let button: web_sys::HtmlElement = div
        .query_selector(".bookmark-button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    button.click();
    tick().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let saved = ls().get_item(BOOKMARKS_KEY).unwrap().unwrap();
    assert!(saved.contains("mistral-medium-3-72b-instruct"), "{saved}");
    div.remove();
    ls().clear().unwrap();
}

/// The list drawn in place (`rows::draw`: a line's changed parts written into its
/// elements, lines added as clones of a drawn one) is the list drawn afresh by its
/// component (`rows::Row`), whatever it showed before: lines changed part by part, fewer,
/// more, and a list someone else emptied.
#[wasm_bindgen_test]
fn the_list_drawn_in_place_is_the_list_drawn_afresh() {
    use ship_or_skip::app::components::rows::{draw, Row};
    use ship_or_skip::domain::explore::listing::Line;
    use ship_or_skip::domain::panel::verdict::Verdict;
    let catalog =
        ship_or_skip::domain::catalog::validate::load(include_str!("../public/catalog.json"))
            .unwrap()
            .catalog;
    let line = |i: usize, shift: usize, on: bool| {
        let tool = &catalog.tools[(i + shift) % catalog.tools.len()];
        let verdict = Verdict::ALL[(i + shift) % Verdict::ALL.len()];
        Line::new(
            tool,
            verdict,
            format!("/tool/{}", tool.slug),
            format!("{}% ship", 10 * (i + shift)),
            on,
        )
    };
    let lines = |n: usize, shift: usize, on: bool| (0..n).map(|i| line(i, shift, on)).collect();
    // A list's markup without comments: Leptos' markers of where a view's parts go,
    // which a line's texts set in place leave out.
    let markup = |ul: &web_sys::Element| ul.inner_html().replace("<!---->", "");
    // The lines as the component draws them in a list of their own.
    let afresh = |ls: &Vec<Line>| {
        let fresh = document()
            .create_element("ul")
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap();
        let ls = ls.clone();
        leptos::mount::mount_to(fresh.clone(), move || {
            ls.into_iter()
                .map(|line| view! { <Row line/> })
                .collect_view()
        })
        .forget();
        markup(&fresh)
    };
    let ul = document().create_element("ul").unwrap();
    document().body().unwrap().append_child(&ul).unwrap();
    let mut drawn: Vec<Line> = Vec::new();
    let steps: Vec<Vec<Line>> = vec![
        lines(4, 0, false),
        lines(4, 1, false),
        lines(4, 1, true),
        lines(2, 3, false),
        lines(6, 2, true),
        Vec::new(),
        lines(5, 4, false),
        lines(5, 4, true),
    ];
    for (i, next) in steps.into_iter().enumerate() {
        let want = afresh(&next);
        draw(&ul, &mut drawn, next);
        assert_eq!(markup(&ul), want, "step {i}");
    }
    // Someone else emptied the list: it is drawn again whole.
    ul.set_inner_html("");
    let next = lines(3, 1, true);
    let want = afresh(&next);
    draw(&ul, &mut drawn, next);
    assert_eq!(markup(&ul), want, "after the list was emptied");
    ul.remove();
}
