//! Comparisons: the seed pages with every figure, any pair, three and four tools, the
//! pick, the search picker of a large catalog, the islands drawn on need, disagreement,
//! charts, and the printed page.

use crate::support::{Browser, ChromeCommand, BASE};
use crate::Steps;

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

pub fn seed_comparisons(b: &Browser) -> Steps<'_> {
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

pub fn non_curated_pairs(b: &Browser) -> Steps<'_> {
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

pub fn compare_pick(b: &Browser) -> Steps<'_> {
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
/// `non_curated_pairs`.)
pub fn search_picker(b: &Browser) -> Steps<'_> {
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

pub fn compare_three_way(b: &Browser) -> Steps<'_> {
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

pub fn disagreement(b: &Browser) -> Steps<'_> {
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

pub fn score_charts(b: &Browser) -> Steps<'_> {
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

/// The print stylesheet turns a comparison into one clean page: Chromium prints it to PDF
/// (its default Letter paper) with one page, and the controls are not on it.
pub fn print_one_page(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        use base64::Engine as _;
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
    })
}

/// A comparison opened directly draws its decision table, weights panel, weights notice,
/// bookmarks panel, pick and notices from its islands module's chunk, fetched only once
/// the reader needs one of them: a reader with nothing saved never downloads it until
/// they open the panel or vote, and the build's panel says "No bookmarks yet"; with
/// weights or a bookmark saved, they are drawn before the page says it is live.
pub fn islands_on_need(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        const PAGE: &str = "compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion";
        let fetched = || b.requested("islands-compare-split_later-");
        // (A browser that has opened nothing yet is on about:blank, which has no storage.)
        b.goto("").await;
        b.js("localStorage.clear(); return 0").await;
        b.goto(PAGE).await;
        // What the islands would need is read as the page goes live: give it time to ask.
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(fetched().await, 0, "nothing saved, nothing needed");
        // The build's panel says so once the page is live, with no code run.
        let panel = b.text(".bookmarks-panel").await;
        assert!(
            panel.ends_with("No bookmarks yet — bookmark tools to save them for later.")
                && !panel.contains("Loading"),
            "{panel}"
        );
        assert_eq!(
            b.js("return document.getElementById('weight-founder').disabled")
                .await,
            true
        );
        // Opening the panel fetches its code; it stays open and its fields take input.
        b.click("details.weights > summary").await;
        assert!(
            b.wait_js(
                "return !document.getElementById('weight-founder').disabled",
                10
            )
            .await,
            "the panel drawn live"
        );
        assert_eq!(
            b.js("return document.querySelector('details.weights').open")
                .await,
            true
        );
        assert_eq!(fetched().await, 1);
        crate::storage::founder_weighs_three(b).await;
        // Saved weights: the table's row and the notice are drawn on arrival.
        b.reload().await;
        assert!(b
            .wait_text("tr.weighted", "leads")
            .await
            .contains("75% ship"));
        assert_eq!(fetched().await, 1);
        // A vote on a card reaches the table's community line through the chunk.
        b.js("localStorage.clear(); return 0").await;
        b.reload().await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(fetched().await, 0);
        b.click(".vote-button--ship").await;
        assert!(b
            .wait_text("table.decision", "your ship")
            .await
            .contains("(incl. your ship)"));
        // A bookmark saved: the panel lists it by the time the page says it is live.
        b.js("localStorage.setItem('ship-or-skip.bookmarks', JSON.stringify({version: 1, items: [{slug: 'mistral-3b', added: '2026-01-01T00:00:00Z'}]})); return 0").await;
        b.reload().await;
        assert_eq!(b.texts(".bookmarks-list a").await, ["Mistral 3B"]);
        // A record that cannot be read: the notice comes from the chunk too.
        b.js("localStorage.setItem('ship-or-skip.bookmarks', '{broken'); return 0")
            .await;
        b.reload().await;
        let notice = b.wait_text(".notices", "could not be read").await;
        assert!(notice.contains("could not be read"), "{notice}");
        b.js("localStorage.clear(); return 0").await;
    })
}
