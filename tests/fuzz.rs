//! Property tests ("fuzzing") of parse + validate + verdict arithmetic, with proptest.
//!
//! - Arbitrary bytes, JSON-shaped token soup and random mutations of the shipped catalog
//!   never panic `validate::load` (nor `load_served`, `guard::utf8_problem`,
//!   `jsonpos::locate_all`), and whatever loads keeps every rule of `docs/catalog.md`.
//! - Arbitrary structurally valid catalogs always load, whole and unchanged, and a key
//!   repeated in any tool is always refused.
//! - `domain::catalog::typing` reads a tool with one fault in it (a value replaced, a key removed
//!   or added) as serde's derive does: the same tool, or the same message at the same path.
//! - The verdict arithmetic holds `PRODUCT.md`'s rules for any counts.
//!
//! `cargo test --test fuzz` runs a few hundred inputs per property in seconds. The long
//! run is `make fuzz`: a release build, each property for `FUZZ_SECONDS` (default 120) in
//! batches of `PROPTEST_CASES`, one property at a time; each prints how many inputs it ran
//! and how long it took. A failure prints the shrunk input.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::fmt::Debug;
use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};

use ship_or_skip::domain::catalog::guard::{self, MAX_ALTERNATIVES, MAX_PERSONAS};
use ship_or_skip::domain::catalog::jsonpos;
use ship_or_skip::domain::catalog::model::{Call, Community, Entry, Pricing, Take, Tool};
use ship_or_skip::domain::catalog::typing::typed;
use ship_or_skip::domain::catalog::validate::{
    is_http_url, is_iso_date, is_slug, load, load_served, CatalogError, Loaded,
};
use ship_or_skip::domain::panel::verdict::{average_score, CommunityTotal, Tally, Verdict};

const SHIPPED: &str = include_str!("../public/catalog.json");

/// Runs one property over `PROPTEST_CASES` inputs (or `default`), and says how many and
/// how long: the long run's figures come from these lines. With `FUZZ_SECONDS`, batches
/// of that many inputs (fresh random seeds each) run until the seconds are spent, so every
/// property gets the same time whatever its cost per input.
fn fuzz<S>(
    name: &str,
    default: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let cases = env("PROPTEST_CASES").map_or(default, |c| c as u32);
    let budget = env("FUZZ_SECONDS").map(std::time::Duration::from_secs);
    let started = Instant::now();
    let mut ran = 0u64;
    loop {
        let mut runner = TestRunner::new(Config {
            cases,
            // Shrinking a failure of a large input can take long; bound it.
            max_shrink_iters: 10_000,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: {e}");
        }
        ran += u64::from(cases);
        if budget.is_none_or(|b| started.elapsed() >= b) {
            break;
        }
    }
    eprintln!(
        "fuzz {name}: {ran} inputs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Whatever `load` says about any text, it says without panicking, and says it well.
fn loads_sanely(text: &str) -> Result<(), TestCaseError> {
    match load(text) {
        Ok(loaded) => holds_the_rules(&loaded)?,
        Err(e) => {
            let shown = e.to_string();
            prop_assert!(!shown.is_empty());
            let problems = e.problems();
            prop_assert!(!problems.is_empty());
            for p in &problems {
                prop_assert!(p.path.chars().count() <= 201, "path {:?}", p.path);
                prop_assert!(p.message.chars().count() <= 401, "message {:?}", p.message);
            }
            // A message quoting data never balloons (the app shows it on one line).
            if !matches!(e, CatalogError::Invalid(_)) {
                prop_assert!(shown.chars().count() < 1_000, "{shown}");
            }
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            let lines = text.lines().count().max(1);
            for (line, col) in jsonpos::locate_all(text, &paths) {
                prop_assert!(line >= 1 && line <= lines + 1 && col >= 1);
            }
        }
    }
    prop_assert_eq!(
        load_served(text).is_ok(),
        text.len() <= guard::MAX_SERVED_BYTES && load(text).is_ok()
    );
    Ok(())
}

/// The rules of `docs/catalog.md` on a loaded catalog: only valid entries survive.
fn holds_the_rules(loaded: &Loaded) -> Result<(), TestCaseError> {
    let c = &loaded.catalog;
    prop_assert!(c.personas.len() <= MAX_PERSONAS);
    prop_assert!(is_iso_date(&c.generated));
    let personas: HashSet<&str> = c.personas.iter().map(|p| p.id.as_str()).collect();
    prop_assert_eq!(personas.len(), c.personas.len(), "persona ids unique");
    for p in &c.personas {
        prop_assert!(is_slug(&p.id));
        prop_assert!(!p.name.trim().is_empty());
    }
    let mut slugs = HashSet::new();
    for t in &c.tools {
        prop_assert!(is_slug(&t.slug), "{:?}", t.slug);
        prop_assert!(slugs.insert(t.slug.as_str()), "slug {} twice", t.slug);
        prop_assert!(!t.name.trim().is_empty() && t.name.chars().count() <= guard::NAME_CHARS);
        prop_assert!(t.description.chars().count() <= guard::TEXT_CHARS);
        prop_assert!(is_iso_date(&t.last_reviewed) && is_iso_date(&t.community.as_of));
        prop_assert!(t.homepage.as_deref().is_none_or(is_http_url));
        prop_assert!(t.alternatives.len() <= MAX_ALTERNATIVES);
        prop_assert!(t.panel.len() <= c.personas.len());
        let mut by = HashSet::new();
        for take in &t.panel {
            prop_assert!(personas.contains(take.persona.as_str()));
            prop_assert!(
                by.insert(take.persona.as_str()),
                "two takes by {}",
                take.persona
            );
            prop_assert!(take.score.is_none_or(|s| s <= 100));
        }
        verdict_rules(t)?;
    }
    let mut groups = HashSet::new();
    for k in &c.comparisons {
        prop_assert!((2..=4).contains(&k.tools.len()));
        let set: HashSet<&String> = k.tools.iter().collect();
        prop_assert_eq!(set.len(), k.tools.len());
        prop_assert!(k.tools.iter().all(|s| slugs.contains(s.as_str())));
        let mut g = k.tools.clone();
        g.sort();
        prop_assert!(groups.insert(g), "a group compared twice");
    }
    for p in &loaded.skipped {
        prop_assert!(
            p.path.starts_with("tools[") || p.path.starts_with("comparisons["),
            "skipped {p}"
        );
    }
    Ok(())
}

/// PRODUCT.md's verdict arithmetic on one tool.
fn verdict_rules(t: &Tool) -> Result<(), TestCaseError> {
    let tally = Tally::of(t);
    // A persona with no take counts in neither; every take counts once.
    prop_assert_eq!(tally.total(), t.panel.len() as u64);
    prop_assert_eq!(
        u64::from(tally.ship),
        t.panel.iter().filter(|k| k.verdict == Call::Ship).count() as u64
    );
    tally_rules(tally)?;
    let scores: Vec<u32> = t
        .panel
        .iter()
        .filter_map(|k| k.score)
        .map(u32::from)
        .collect();
    match average_score(t) {
        None => prop_assert!(scores.is_empty()),
        Some(a) => {
            prop_assert!(!scores.is_empty());
            let (lo, hi) = (*scores.iter().min().unwrap(), *scores.iter().max().unwrap());
            prop_assert!(lo <= a && a <= hi && a <= 100);
            // a = round-half-up(sum / n): 2·sum ∈ [(2a−1)·n, (2a+1)·n).
            let (sum, n) = (scores.iter().sum::<u32>() as i64, scores.len() as i64);
            let a = i64::from(a);
            prop_assert!((2 * a - 1) * n <= 2 * sum && 2 * sum < (2 * a + 1) * n);
        }
    }
    Ok(())
}

/// Ship/skip, percentage and verdict for any counts.
fn tally_rules(tally: Tally) -> Result<(), TestCaseError> {
    let (ship, skip, total) = (
        u128::from(tally.ship),
        u128::from(tally.skip),
        u128::from(tally.total()),
    );
    prop_assert_eq!(total, ship + skip);
    let verdict = tally.verdict();
    match tally.ship_percent() {
        None => {
            prop_assert_eq!(total, 0);
            prop_assert_eq!(verdict, Verdict::NoVerdict);
            prop_assert_eq!(tally.verdict_line(), "No verdict");
        }
        Some(p) => {
            prop_assert!(total > 0 && p <= 100);
            // p = round-half-up(100·ship / total): 200·ship ∈ [(2p−1)·total, (2p+1)·total).
            let p = u128::from(p);
            prop_assert!((2 * p).saturating_sub(1) * total <= 200 * ship);
            prop_assert!(200 * ship < (2 * p + 1) * total);
            let want = if ship > skip {
                Verdict::Ship
            } else if skip > ship {
                Verdict::Skip
            } else {
                Verdict::Split
            };
            prop_assert_eq!(verdict, want);
            match verdict {
                Verdict::Ship => prop_assert!(p >= 50),
                Verdict::Skip => prop_assert!(p <= 50),
                _ => prop_assert_eq!(p, 50),
            }
            prop_assert_eq!(
                tally.verdict_line(),
                format!("{} · {} ship / {} skip", verdict.label(), ship, skip)
            );
        }
    }
    Ok(())
}

/// JSON-shaped fragments, weighted towards the catalog's own keys and troublesome values.
fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "\n",
        "\"",
        "\\",
        "\u{feff}",
        "\"$schema\"",
        "\"schema_version\"",
        "\"generated\"",
        "\"site\"",
        "\"title\"",
        "\"personas\"",
        "\"tools\"",
        "\"comparisons\"",
        "\"id\"",
        "\"slug\"",
        "\"name\"",
        "\"panel\"",
        "\"persona\"",
        "\"verdict\"",
        "\"score\"",
        "\"text\"",
        "\"alternatives\"",
        "\"community\"",
        "\"ship\"",
        "\"skip\"",
        "1",
        "0",
        "-5",
        "140",
        "1.0",
        "1e999",
        "4294967296",
        "null",
        "true",
        "\"x\"",
        "\"builder\"",
        "\"2026-11-23\"",
        "\"2026-02-30\"",
        "\"a-vs-b\"",
        "\"javascript:x\"",
        "\"\\ud800\"",
        "\"\\u0000\"",
        "\"é\"",
        "//",
        "\u{0}",
    ])
}

/// One edit of a text: how a file gets damaged.
#[derive(Debug, Clone)]
enum Edit {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, &'static str),
    Truncate(usize),
    Repeat(usize, usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), token()).prop_map(|(i, t)| Edit::Insert(i, t)),
        any::<usize>().prop_map(Edit::Truncate),
        (any::<usize>(), 1usize..400, any::<usize>()).prop_map(|(i, n, at)| Edit::Repeat(i, n, at)),
    ]
}

fn apply(mut b: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = b.len().max(1);
        match *e {
            Edit::Flip(i, x) => {
                if !b.is_empty() {
                    let i = i % b.len();
                    b[i] = x;
                }
            }
            Edit::Delete(i, n) => {
                let i = i % len;
                b.drain(i.min(b.len())..(i + n).min(b.len()));
            }
            Edit::Insert(i, t) => {
                let i = (i % len).min(b.len());
                b.splice(i..i, t.bytes());
            }
            Edit::Truncate(i) => b.truncate(i % len),
            Edit::Repeat(i, n, at) => {
                let i = (i % len).min(b.len());
                let piece = b[i..(i + n).min(b.len())].to_vec();
                let at = (at % len).min(b.len());
                b.splice(at..at, piece);
            }
        }
    }
    b
}

#[test]
fn arbitrary_bytes_never_panic() {
    fuzz(
        "arbitrary bytes",
        512,
        prop::collection::vec(any::<u8>(), 0..2048),
        |bytes| {
            // What the tool does: refuse non-UTF-8 with a located message.
            match std::str::from_utf8(&bytes) {
                Ok(text) => {
                    prop_assert!(guard::utf8_problem(&bytes).is_none());
                    loads_sanely(text)?;
                }
                Err(_) => {
                    let (line, col, why) = guard::utf8_problem(&bytes).expect("a problem");
                    prop_assert!(line >= 1 && col >= 1 && !why.is_empty());
                }
            }
            // What the browser does: decode with U+FFFD, then the app loads it.
            loads_sanely(&String::from_utf8_lossy(&bytes))
        },
    );
}

#[test]
fn json_shaped_text_never_panics() {
    fuzz(
        "JSON-shaped token soup",
        512,
        prop::collection::vec(token(), 0..300).prop_map(|t| t.concat()),
        |text| loads_sanely(&text),
    );
}

#[test]
fn damaged_shipped_catalogs_never_panic() {
    fuzz(
        "edits of the shipped catalog",
        256,
        prop::collection::vec(edit(), 1..8),
        |edits| {
            let bytes = apply(SHIPPED.as_bytes().to_vec(), &edits);
            loads_sanely(&String::from_utf8_lossy(&bytes))
        },
    );
}

/// One fault put into a tool: a value replaced, a key removed, an unknown key added.
#[derive(Debug, Clone)]
enum Fault {
    Replace(prop::sample::Index, Value),
    Remove(prop::sample::Index),
    Add(prop::sample::Index),
}

/// Values that break a field, or pass for it.
fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        // The edges of u8 and u32, where a score or a count stops fitting.
        4 => prop::sample::select(vec![0u64, 100, 101, 255, 256, 4294967295, 4294967296])
            .prop_map(Value::from),
        1 => (-1e12f64..1e12).prop_map(Value::from),
        1 => prop::sample::select(vec!["", "x", "ship", "skip", "maybe", "free", "paid", "Free", "\"q\"\n"])
            .prop_map(Value::from),
        1 => Just(json!([])),
        1 => Just(json!(["a", "b"])),
        1 => Just(json!(["free", "x"])),
        1 => Just(json!({})),
        1 => Just(json!({"ship": null})),
        1 => Just(json!({"entry": "free", "summary": "x"})),
        1 => Just(json!({"ship": 1, "skip": 2, "as_of": "2026-01-01"})),
    ]
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        3 => (any::<prop::sample::Index>(), odd_value()).prop_map(|(i, v)| Fault::Replace(i, v)),
        1 => any::<prop::sample::Index>().prop_map(Fault::Remove),
        1 => any::<prop::sample::Index>().prop_map(Fault::Add),
    ]
}

/// Every place in `v`: JSON pointers, the root first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                pointers(x, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// `v` with `fault` in it.
fn with_fault(mut v: Value, fault: &Fault) -> Value {
    let mut all = Vec::new();
    pointers(&v, String::new(), &mut all);
    match fault {
        Fault::Replace(i, x) => {
            let at = i.get(&all).clone();
            *v.pointer_mut(&at).unwrap() = x.clone();
        }
        Fault::Remove(i) => {
            let keyed: Vec<String> = all.iter().filter(|p| !p.is_empty()).cloned().collect();
            let at = i.get(&keyed).clone();
            let (parent, key) = at.rsplit_once('/').unwrap();
            match v.pointer_mut(parent).unwrap() {
                Value::Object(map) => {
                    map.remove(key);
                }
                Value::Array(items) => {
                    items.remove(key.parse::<usize>().unwrap());
                }
                _ => unreachable!("a parent holds its children"),
            }
        }
        Fault::Add(i) => {
            let objects: Vec<String> = all
                .iter()
                .filter(|p| v.pointer(p).is_some_and(Value::is_object))
                .cloned()
                .collect();
            let at = i.get(&objects).clone();
            v.pointer_mut(&at)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert("mood".into(), json!(1));
        }
    }
    v
}

/// `domain::catalog::typing` reads a tool with one fault as serde's derive does: the same tool, or
/// the same message at the same path. The two departures `typing` documents (a struct
/// given as an array, an enum as an object) need only be refused.
fn reads_as_serde(tool: Value) -> Result<(), TestCaseError> {
    let ours = typed::<Tool>("tools[2]", tool.clone());
    let theirs = serde_path_to_error::deserialize::<_, Tool>(tool).map_err(|e| {
        let inner = e.path().to_string();
        let path = match inner.as_str() {
            "." => "tools[2]".to_string(),
            i if i.starts_with('[') => format!("tools[2]{i}"),
            i => format!("tools[2].{i}"),
        };
        (path, e.into_inner().to_string())
    });
    match (ours, theirs) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(a), Err(b))
            if (a.path.as_str(), a.message.as_str()) == (b.0.as_str(), b.1.as_str()) => {}
        // A struct must be an object; an enum must be a string (serde's message says
        // "expected string or map" for its enums).
        (Err(a), _)
            if a.message
                .starts_with("invalid type: sequence, expected struct ") => {}
        (Err(a), _) if a.message == "invalid type: map, expected a string" => {}
        (Err(a), Err(b))
            if a.path == b.0
                && (b.1.ends_with(", expected string or map")
                    || b.1.ends_with(", expected map with a single key"))
                && a.message.ends_with(", expected a string") => {}
        (a, b) => return Err(TestCaseError::fail(format!("typing {a:?}, serde {b:?}"))),
    }
    Ok(())
}

#[test]
fn typing_reads_a_damaged_tool_as_serde_does() {
    let shipped: Value = serde_json::from_str(SHIPPED).unwrap();
    let tools = shipped["tools"].as_array().unwrap().clone();
    fuzz(
        "one fault in a tool, typing vs serde",
        2048,
        (any::<prop::sample::Index>(), fault()),
        |(i, f)| reads_as_serde(with_fault(i.get(&tools).clone(), &f)),
    );
}

/// A slug made valid and unique by its index.
fn slug(prefix: &'static str) -> impl Strategy<Value = String> {
    // "vs" never appears, so neither can "-vs-" (the compare-URL separator).
    "[a-z0-9]{1,10}(-[a-z0-9]{1,6}){0,2}"
        .prop_map(move |s| format!("{prefix}-{}", s.replace("vs", "v5")))
}

/// Text that is never blank: any printable characters after a letter.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[A-Za-zÀ-ÿ0-9][^\\p{{Cc}}]{{0,{max}}}"))
        .expect("a valid regex")
}

fn date() -> impl Strategy<Value = String> {
    (1900u32..2200, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

/// A structurally valid catalog as JSON: 1–20 personas, 0–25 tools with any panel,
/// 0–8 comparisons of distinct existing tools.
fn valid_catalog() -> impl Strategy<Value = Value> {
    let persona = (slug("p"), text(20), text(60), text(60));
    let personas = prop::collection::vec(persona, 1..=MAX_PERSONAS);
    personas.prop_flat_map(|personas| {
        let n = personas.len();
        let take = (0..n, any::<bool>(), prop::option::of(0u8..=100), text(200));
        let tool = (
            (slug("t"), text(40), text(20), prop::sample::select(vec!["Developer Tools", "Writing", "Data"])),
            (text(80), text(400), prop::sample::select(vec!["free", "freemium", "paid"]), text(60)),
            (prop::option::of("[a-z]{1,10}\\.[a-z]{2,3}"), text(20), date(), date()),
            (
                prop::collection::vec(text(30), 0..=MAX_ALTERNATIVES),
                any::<u32>(),
                any::<u32>(),
                prop::collection::vec(take, 0..=n),
            ),
        );
        let tools = prop::collection::vec(tool, 0..25);
        let comparisons = prop::collection::vec(
            (prop::collection::vec(any::<prop::sample::Index>(), 2..=4), date(), prop::option::of(text(80))),
            0..8,
        );
        (Just(personas), tools, comparisons, date())
    })
    .prop_map(|(personas, tools, comparisons, generated)| {
        let personas: Vec<Value> = personas
            .iter()
            .enumerate()
            .map(|(i, (id, name, motto, looks))| {
                // "-{i}" after the last hyphen keeps ids apart: "{id}{i}" made "p-q1"+"0"
                // and "p-q"+"10" the same id.
                json!({"id": format!("{id}-{i}"), "name": name, "motto": motto, "looks_for": looks})
            })
            .collect();
        let ids: Vec<String> = personas.iter().map(|p| p["id"].as_str().unwrap().to_string()).collect();
        let tools: Vec<Value> = tools
            .into_iter()
            .enumerate()
            .map(|(i, ((slug, name, vendor, category), (tagline, description, entry, summary), (home, license, reviewed, as_of), (alternatives, ship, skip, takes)))| {
                // One take per persona at most: keep the first take of each.
                let mut seen = HashSet::new();
                let panel: Vec<Value> = takes
                    .into_iter()
                    .filter(|(p, ..)| seen.insert(*p))
                    .map(|(p, is_ship, score, text)| {
                        let mut t = json!({"persona": ids[p], "verdict": if is_ship { "ship" } else { "skip" }, "text": text});
                        if let Some(s) = score {
                            t["score"] = json!(s);
                        }
                        t
                    })
                    .collect();
                let mut t = json!({
                    "slug": format!("{slug}-{i}"), "name": name, "vendor": vendor, "category": category,
                    "tagline": tagline, "description": description,
                    "pricing": {"entry": entry, "summary": summary}, "license": license,
                    "last_reviewed": reviewed, "alternatives": alternatives,
                    "community": {"ship": ship, "skip": skip, "as_of": as_of}, "panel": panel,
                });
                if let Some(h) = home {
                    t["homepage"] = json!(format!("https://{h}/"));
                }
                // Some tools list a verdict change, from values already drawn.
                if ship % 3 == 0 {
                    t["changes"] = json!([{"date": reviewed, "note": tagline}]);
                }
                t
            })
            .collect();
        let slugs: Vec<&str> = tools.iter().map(|t| t["slug"].as_str().unwrap()).collect();
        let mut groups = HashSet::new();
        let comparisons: Vec<Value> = comparisons
            .into_iter()
            .filter_map(|(picks, published, summary)| {
                if slugs.len() < 2 {
                    return None;
                }
                let mut chosen: Vec<&str> = Vec::new();
                for p in picks {
                    let s = slugs[p.index(slugs.len())];
                    if !chosen.contains(&s) {
                        chosen.push(s);
                    }
                }
                let mut group = chosen.clone();
                group.sort();
                (chosen.len() >= 2 && groups.insert(group)).then(|| {
                    let mut c = json!({"tools": chosen, "published": published});
                    if let Some(s) = summary {
                        c["summary"] = json!(s);
                    }
                    c
                })
            })
            .collect();
        json!({
            "$schema": "./catalog.schema.json", "schema_version": 1, "generated": generated,
            "site": {"title": "Ship or Skip", "tagline": "Fuzzed"},
            "personas": personas, "tools": tools, "comparisons": comparisons,
        })
    })
}

#[test]
fn valid_catalogs_always_load_whole_and_verdicts_hold() {
    fuzz("valid catalogs", 64, valid_catalog(), |catalog| {
        let text = serde_json::to_string_pretty(&catalog).unwrap();
        let loaded = match load(&text) {
            Ok(l) => l,
            Err(e) => return Err(TestCaseError::fail(format!("a valid catalog failed: {e}"))),
        };
        prop_assert!(loaded.skipped.is_empty(), "skipped {:?}", loaded.skipped);
        // Whole and unchanged.
        prop_assert_eq!(
            &serde_json::to_value(&loaded.catalog.personas).unwrap(),
            &catalog["personas"]
        );
        prop_assert_eq!(
            &serde_json::to_value(&loaded.catalog.tools).unwrap(),
            &catalog["tools"]
        );
        prop_assert_eq!(
            &serde_json::to_value(&loaded.catalog.comparisons).unwrap(),
            &catalog["comparisons"]
        );
        holds_the_rules(&loaded)?;
        // The same bytes behind a byte-order mark, and minified: the same catalog.
        let again = load(&format!(
            "\u{feff}{}",
            serde_json::to_string(&catalog).unwrap()
        ))
        .unwrap();
        prop_assert_eq!(&again.catalog, &loaded.catalog);
        // A key written twice in any tool is refused, naming it.
        if let Some(tools) = catalog["tools"].as_array() {
            for (i, _) in tools.iter().enumerate().take(3) {
                let needle = format!("\"slug\": \"{}\"", tools[i]["slug"].as_str().unwrap());
                let doubled = text.replacen(&needle, &format!("{needle}, \"name\": \"twice\""), 1);
                match load(&doubled) {
                    Err(CatalogError::DuplicateKey { path, key, .. }) => {
                        prop_assert_eq!(path, format!("tools[{i}].name"));
                        prop_assert_eq!(key, "name");
                    }
                    other => {
                        return Err(TestCaseError::fail(format!(
                            "tools[{i}] with two names: {other:?}"
                        )))
                    }
                }
            }
        }
        Ok(())
    });
}

#[test]
fn verdict_arithmetic_holds_for_any_counts() {
    fuzz(
        "verdict arithmetic",
        2048,
        (
            any::<u32>(),
            any::<u32>(),
            0u32..50,
            0u32..50,
            prop::option::of(any::<bool>()),
        ),
        |(ship, skip, small_ship, small_skip, mine)| {
            // Any counts, and the small ones a panel has.
            tally_rules(Tally { ship, skip })?;
            tally_rules(Tally {
                ship: small_ship,
                skip: small_skip,
            })?;
            // The community figure: seeded counts plus the reader's own vote.
            let mine = mine.map(|s| if s { Call::Ship } else { Call::Skip });
            let c = Community {
                ship,
                skip,
                as_of: "2026-11-23".into(),
            };
            let total = CommunityTotal::new(&c, mine);
            let t = total.total();
            prop_assert!(t.ship >= ship && t.skip >= skip);
            prop_assert!(t.total() <= u64::from(ship) + u64::from(skip) + 1);
            let summary = total.summary();
            prop_assert_eq!(summary == "No community votes yet", t.total() == 0);
            prop_assert_eq!(
                summary.ends_with("(incl. your ship)"),
                mine == Some(Call::Ship)
            );
            prop_assert_eq!(
                summary.ends_with("(incl. your skip)"),
                mine == Some(Call::Skip)
            );
            Ok(())
        },
    );
}

#[test]
fn verdicts_of_any_panel() {
    let take = (any::<bool>(), prop::option::of(0u8..=100));
    fuzz(
        "panels",
        1024,
        prop::collection::vec(take, 0..=MAX_PERSONAS),
        |takes| {
            let tool = Tool {
                slug: "t".into(),
                name: "T".into(),
                vendor: "V".into(),
                category: "C".into(),
                tagline: "x".into(),
                description: "x".into(),
                pricing: Pricing {
                    entry: Entry::Free,
                    summary: "x".into(),
                },
                homepage: None,
                license: "MIT".into(),
                last_reviewed: "2026-01-01".into(),
                alternatives: vec![],
                community: Community::default(),
                panel: takes
                    .iter()
                    .enumerate()
                    .map(|(i, (ship, score))| Take {
                        persona: format!("p{i}"),
                        verdict: if *ship { Call::Ship } else { Call::Skip },
                        score: *score,
                        text: "x".into(),
                    })
                    .collect(),
                changes: vec![],
            };
            verdict_rules(&tool)
        },
    );
}

/// Typing letter by letter, each keystroke rescanning only the previous matches when it
/// narrows them (`browse_from` with the previous answer) gives exactly what a full scan
/// gives, for any typed text (words, typos, spaces, backspaces), facets and sort.
#[test]
fn narrowed_search_equals_a_full_scan() {
    use ship_or_skip::domain::explore::browse::{browse_from, BrowseQuery, Sort};
    use ship_or_skip::domain::explore::search::SearchIndex;
    use std::sync::OnceLock;
    static CATALOG: OnceLock<(ship_or_skip::domain::catalog::model::Catalog, SearchIndex)> =
        OnceLock::new();
    let (catalog, index) = CATALOG.get_or_init(|| {
        let c = ship_or_skip::domain::catalog::synth::generate(3_000, 7);
        let i = SearchIndex::new(&c);
        (c, i)
    });
    // Letters of the generated names, a space, and "\u{8}" for a backspace.
    let key = prop::sample::select(vec![
        "a", "e", "o", "r", "n", "t", "s", "l", "m", "i", "c", "d", "v", "x", " ", " ", "\u{8}",
    ]);
    let sort = prop::sample::select(Sort::ALL.to_vec());
    fuzz(
        "narrowed search",
        64,
        (
            prop::collection::vec(key, 1..14),
            sort,
            any::<bool>(),
            1usize..80,
        ),
        |(keys, sort, facet, limit)| {
            let mut b = BrowseQuery {
                sort,
                verdict: facet.then_some(Verdict::Ship),
                ..BrowseQuery::default()
            };
            let mut prev = None;
            for k in keys {
                if k == "\u{8}" {
                    b.q.pop();
                } else {
                    b.q.push_str(k);
                }
                let narrowed = browse_from(catalog, index, &b, limit, prev.as_ref());
                let full = browse_from(catalog, index, &b, limit, None);
                prop_assert_eq!(&narrowed, &full, "query {:?}", b.q);
                prev = Some(narrowed);
            }
            Ok(())
        },
    );
}
