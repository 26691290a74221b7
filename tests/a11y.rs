//! Accessibility in a real browser (headless Chromium, the release build in `E2E_DIST`):
//!
//! - axe-core (npm `axe-core`, pinned in `package.json`, injected through WebDriver) reports
//!   no violation on every page of the site, in the light and the dark theme;
//! - the keyboard alone reaches every control of every page, in document order, each with
//!   a visible focus ring, and operates the main ones (search, bookmark, vote, compare).
//!
//! `make test` runs it; `docs/accessibility.md` explains what it covers and what it cannot.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use serde_json::Value;
use support::{dist_dir, Browser, Engine};

/// Every page of the site, by the state a reader can reach it in. A broken catalog's
/// error page is checked separately ([`error_page`]).
const PAGES: [(&str, &str); 12] = [
    ("home", ""),
    ("home, searching", "?q=mistral"),
    ("home, no result", "?q=zzzzzz"),
    ("tool", "tool/mistral-3b"),
    ("tool with no panel score", "tool/openrouter-model-fusion"),
    (
        "comparison",
        "compare/mistral-medium-3-72b-instruct-vs-mistral-medium-3",
    ),
    (
        "comparison of three",
        "compare/mistral-3b-vs-mistral-3-1-vs-mistral-8b-instruct-v3",
    ),
    ("reviewer", "reviewer/skeptic"),
    ("bookmarks", "bookmarks"),
    ("page not found", "no/such/page"),
    ("tool not found", "tool/no-such-tool"),
    ("comparison not found", "compare/mistral-3b-vs-no-such-tool"),
];

/// axe-core's source, injected into each page: the site's CSP forbids loading it any
/// other way, and a WebDriver script is not subject to it.
fn axe_source() -> String {
    let p =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&p).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; `scripts/setup.sh` (run by `make test`) installs it with npm ci",
            p.display()
        )
    })
}

/// Waits until the app has drawn the page's content (not the loading state).
async fn settled(b: &Browser, what: &str) {
    let ready = b
        .wait_js(
            "const h = document.querySelector('#app main h1');
             return !!h && h.innerText.trim() !== '' && h.innerText.trim() !== 'Loading…'
               && !document.querySelector('#app .skeleton');",
            10,
        )
        .await;
    assert!(ready, "{what}: the page never showed its content");
}

/// Runs axe-core on the page and returns its violations, one line each with the nodes.
async fn axe(b: &Browser, source: &str) -> Vec<String> {
    let loaded = b.js(&format!("{source}\n;return typeof window.axe;")).await;
    assert_eq!(loaded, "object", "axe-core did not load into the page");
    let result = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done({ version: axe.version, violations: r.violations.map(v =>
                 `${v.id} (${v.impact}): ${v.help} — ` +
                 v.nodes.slice(0, 5).map(n => n.target.join(' ') +
                   (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '')).join('; ')) }))
               .catch(e => done({ error: String(e) }));",
            vec![],
        )
        .await
        .expect("axe.run");
    assert!(result["error"].is_null(), "axe.run failed: {result}");
    assert_eq!(result["version"], "4.14.1", "the pinned axe-core");
    result["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Sets the theme through the header's toggle, as a reader would.
async fn set_theme(b: &Browser, dark: bool) {
    let want = if dark { "dark" } else { "light" };
    let now = b
        .js("return document.documentElement.dataset.theme || ''")
        .await;
    if now != want {
        b.click("#app .theme-toggle").await;
    }
    let ok = b
        .wait_js(
            &format!("return document.documentElement.dataset.theme === '{want}'"),
            5,
        )
        .await;
    assert!(ok, "the theme toggle did not switch to {want}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violation_on_any_page_in_either_theme() {
    let source = axe_source();
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    let mut failures = Vec::new();
    // One bookmark, so the bookmarks page shows its list rather than only the empty state.
    b.goto("tool/mistral-3b").await;
    settled(&b, "tool").await;
    b.click("#app main .bookmark-button").await;
    for dark in [false, true] {
        let theme = if dark { "dark" } else { "light" };
        b.goto("").await;
        set_theme(&b, dark).await;
        for (name, path) in PAGES {
            b.goto(path).await;
            settled(&b, name).await;
            let found = axe(&b, &source).await;
            eprintln!("{theme:<5} {name:<26} {} violation(s)", found.len());
            failures.extend(
                found
                    .into_iter()
                    .map(|v| format!("{theme} {name} (/{path}): {v}")),
            );
        }
        // The keyboard-shortcuts help, open.
        b.goto("").await;
        settled(&b, "home").await;
        b.press('?').await;
        assert!(
            b.wait_js(
                "return document.querySelector('.shortcuts').matches(':popover-open')",
                5
            )
            .await
        );
        let found = axe(&b, &source).await;
        failures.extend(
            found
                .into_iter()
                .map(|v| format!("{theme} shortcuts help: {v}")),
        );
        // An empty bookmarks page too.
        b.js("localStorage.clear(); return 0").await;
        set_theme(&b, dark).await;
        b.goto("bookmarks").await;
        settled(&b, "bookmarks, empty").await;
        let found = axe(&b, &source).await;
        failures.extend(
            found
                .into_iter()
                .map(|v| format!("{theme} empty bookmarks: {v}")),
        );
        b.goto("tool/mistral-3b").await;
        settled(&b, "tool").await;
        b.click("#app main .bookmark-button").await;
        set_theme(&b, dark).await;
    }
    // The check can fail: a page with a contrast and a label problem is reported.
    b.goto("").await;
    settled(&b, "home").await;
    b.js(
        "const p = document.createElement('p'); p.textContent = 'faint';
          p.style.color = '#eee'; p.style.background = '#fff';
          document.querySelector('#app main').append(p, document.createElement('input'));
          return 0",
    )
    .await;
    let planted = axe(&b, &source).await;
    assert!(
        planted.iter().any(|v| v.starts_with("color-contrast"))
            && planted.iter().any(|v| v.starts_with("label")),
        "axe-core missed planted violations: {planted:?}"
    );
    b.close().await;
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violation_on_the_error_page() {
    let source = axe_source();
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    b.override_file(
        "catalog.json",
        Some(b"{\"schema_version\": 1, \"tools\": ["),
    );
    // A page the app draws (a prerendered tool page is live through its islands alone).
    let mut failures = Vec::new();
    for dark in [false, true] {
        b.goto("").await;
        set_theme(&b, dark).await;
        b.goto("compare/mistral-3b-vs-mistral-3-1").await;
        settled(&b, "error page").await;
        assert_eq!(
            b.text("#app main h1").await,
            "The catalog could not be loaded"
        );
        failures.extend(axe(&b, &source).await);
    }
    b.override_file("catalog.json", None);
    b.close().await;
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The search picker of a large catalog (components/controls.rs), open on its
/// suggestions with one of them active, in either theme.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_finds_no_violation_in_the_search_picker() {
    use ship_or_skip::domain::explore::browse::PICK_FROM_LIST_MAX;
    let source = axe_source();
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    let catalog = ship_or_skip::domain::catalog::synth::generate(PICK_FROM_LIST_MAX + 1, 3);
    let text = serde_json::to_string(&catalog).unwrap();
    b.override_file("catalog.json", Some(text.as_bytes()));
    let slug = &catalog.tools[0].slug;
    let mut failures = Vec::new();
    for dark in [false, true] {
        b.goto("").await;
        set_theme(&b, dark).await;
        b.goto(&format!("tool/{slug}")).await;
        settled(&b, "tool page").await;
        let input = b.find("#pick-add").await;
        input.send_keys("a").await.expect("type");
        input
            .send_keys(&char::from(Key::Down).to_string())
            .await
            .expect("arrow");
        assert!(
            b.wait_js(
                "return document.getElementById('pick-add').getAttribute('aria-activedescendant') === 'pick-add-opt-0'",
                10
            )
            .await,
            "the picker did not open on its suggestions"
        );
        failures.extend(axe(&b, &source).await);
    }
    b.override_file("catalog.json", None);
    b.close().await;
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Marks every control a keyboard user should reach, in document order, and returns how
/// many: focusable, enabled, rendered, not `tabindex="-1"`, and of a radio group only the
/// checked (or first) button, as browsers do.
const MARK_TABBABLE: &str = "
const sel = 'a[href], button, input, select, textarea, summary, [tabindex]';
const seen = new Set();
let n = 0;
for (const el of document.querySelectorAll(sel)) {
  el.removeAttribute('data-kb');
  if (el.disabled || el.closest('[inert], [hidden]')) continue;
  if (el.getAttribute('tabindex') === '-1') continue;
  if (el.matches('[tabindex]') && !el.matches('a[href], button, input, select, textarea, summary') && el.tabIndex < 0) continue;
  if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
  // A summary is focusable; the content of a closed <details> is not.
  const closed = el.closest('details:not([open])');
  if (closed && el.closest('summary') !== closed.querySelector('summary')) continue;
  if (el.type === 'radio') {
    const group = el.form ? el.form.elements[el.name] : document.getElementsByName(el.name);
    const pick = [...group].find(r => r.checked) || group[0];
    if (seen.has(el.name) || pick !== el) continue;
    seen.add(el.name);
  }
  el.setAttribute('data-kb', n++);
}
return n;";

/// What has focus now: its mark, a short description, and whether a focus ring shows.
/// A control an island drew anew once the keyboard reached into it (`app::islands::later`)
/// has no mark yet: the controls are marked again, in the same order, for it.
fn focused() -> String {
    format!(
        "const mark = () => {{ {MARK_TABBABLE} }};
const el = document.activeElement;
if (el && el !== document.body && el.getAttribute('data-kb') === null) mark();{FOCUSED}"
    )
}

/// The rest of [`focused`]'s script, once `el` is the focused element.
const FOCUSED: &str = "
if (!el || el === document.body) return { mark: null, what: 'body', ring: false };
const s = getComputedStyle(el);
const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
const what = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '')
  + ' \"' + (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().slice(0, 40) + '\"';
return { mark: el.getAttribute('data-kb'), what, ring, tabindex: el.tabIndex };";

/// Presses one key on whatever has focus.
async fn press(b: &Browser, key: Key) {
    b.press(key.into()).await;
}

/// Tabs through the page from its start; returns the focus stops in order.
async fn tab_through(b: &Browser, count: u64) -> Vec<Value> {
    // Start before the first control, as after a fresh load.
    b.js("document.activeElement && document.activeElement.blur(); window.getSelection().removeAllRanges(); return 0")
        .await;
    let mut stops = Vec::new();
    for _ in 0..count + 1 {
        press(b, Key::Tab).await;
        stops.push(b.js(&focused()).await);
    }
    stops
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_reaches_every_control_in_order_with_a_visible_ring() {
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    let mut failures = Vec::new();
    for (name, path) in PAGES {
        b.goto(path).await;
        settled(&b, name).await;
        let count = b.js(MARK_TABBABLE).await.as_u64().expect("count");
        assert!(count >= 3, "{name}: only {count} controls found");
        eprintln!("{name:<26} {count} controls, tabbed through in order");
        let stops = tab_through(&b, count).await;
        let marks: Vec<Option<u64>> = stops
            .iter()
            .map(|s| s["mark"].as_str().and_then(|m| m.parse().ok()))
            .collect();
        let want: Vec<Option<u64>> = (0..count).map(Some).collect();
        // The last press leaves the page (to the browser's UI) or wraps to the start.
        if marks[..count as usize] != want[..] {
            let got: Vec<String> = stops.iter().map(|s| s["what"].to_string()).collect();
            failures.push(format!(
                "{name}: focus order {marks:?}, expected 0..{count}:\n  {}",
                got.join("\n  ")
            ));
        }
        if !matches!(marks[count as usize], None | Some(0)) {
            failures.push(format!(
                "{name}: Tab after the last control went to {}",
                stops[count as usize]["what"]
            ));
        }
        for s in &stops[..count as usize] {
            if s["ring"] != true {
                failures.push(format!("{name}: no visible focus ring on {}", s["what"]));
            }
            if s["tabindex"].as_i64().unwrap_or(0) > 0 {
                failures.push(format!("{name}: a positive tabindex on {}", s["what"]));
            }
        }
        let first = stops[0]["what"].as_str().unwrap_or_default().to_string();
        if !first.starts_with("a.skip-link") {
            failures.push(format!(
                "{name}: the first stop is {first}, not the skip link"
            ));
        }
    }
    b.close().await;
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The order check can fail: a control moved ahead with a positive tabindex, or one
/// hidden from the keyboard with `tabindex="-1"`, is caught.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_order_check_catches_a_control_out_of_order() {
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    b.goto("tool/mistral-3b").await;
    settled(&b, "tool").await;
    let count = b.js(MARK_TABBABLE).await.as_u64().unwrap();
    b.js("document.querySelector('[data-kb=\"3\"]').tabIndex = 1; return 0")
        .await;
    let stops = tab_through(&b, count).await;
    assert_eq!(
        stops[0]["mark"], "3",
        "a positive tabindex jumps ahead: {stops:?}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_uses_the_site_with_the_keyboard_alone() {
    let b = Browser::start(dist_dir(), Engine::Chromium).await;
    b.goto("").await;
    settled(&b, "home").await;
    // The skip link moves focus to the main content.
    tab_through(&b, 0).await;
    press(&b, Key::Enter).await;
    let in_main = b
        .wait_js("return !!document.activeElement.closest('main') || document.activeElement.id === 'main'", 3)
        .await;
    assert!(
        in_main,
        "Enter on the skip link did not move focus into main: {}",
        b.js(&focused()).await
    );

    // Tab to the search box and type: the list narrows.
    let search = focus_by_tabbing(&b, "input[type=search]").await;
    assert!(search, "the search box is not reachable by Tab");
    for c in "3b".chars() {
        b.press(c).await;
    }
    let narrowed = b
        .wait_js("return ((document.querySelector('#app p.count') || {}).innerText || '').startsWith('1 of ')", 5)
        .await;
    assert!(
        narrowed,
        "typing in the search box did not filter: {}",
        b.text("#app p.count").await
    );

    // Tab on to the tool's link and open it with Enter.
    assert!(
        focus_by_tabbing(&b, "a[href$='tool/mistral-3b']").await,
        "the tool link is not reachable"
    );
    press(&b, Key::Enter).await;
    settled(&b, "tool").await;
    assert!(
        b.path().await.ends_with("/tool/mistral-3b"),
        "{}",
        b.path().await
    );

    // Bookmark it with Space, vote with Enter.
    assert!(
        focus_by_tabbing(&b, "main .bookmark-button").await,
        "the bookmark button is not reachable"
    );
    press(&b, Key::Space).await;
    let pressed = b
        .wait_js(
            "return document.activeElement.getAttribute('aria-pressed') === 'true'",
            3,
        )
        .await;
    assert!(pressed, "Space did not bookmark the tool");
    assert!(
        focus_by_tabbing(&b, "main .vote button").await,
        "the vote buttons are not reachable"
    );
    let label = b.js("return document.activeElement.innerText.trim()").await;
    press(&b, Key::Enter).await;
    let voted = b
        .wait_js(
            "return document.activeElement.getAttribute('aria-pressed') === 'true'",
            3,
        )
        .await;
    assert!(voted, "Enter on {label} did not cast the vote");
    b.close().await;
}

/// Presses Tab (at most 200 times) until an element matching `css` has focus.
async fn focus_by_tabbing(b: &Browser, css: &str) -> bool {
    let test = format!(
        "return document.activeElement && document.activeElement.matches({:?})",
        css
    );
    for _ in 0..200 {
        press(b, Key::Tab).await;
        if b.js(&test).await == true {
            return true;
        }
    }
    false
}
