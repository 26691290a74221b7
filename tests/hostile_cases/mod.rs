//! The hostile catalogs of `tests/fixtures/hostile/` (see its README.md), shared by
//! `tests/hostile.rs` (the `catalog check` tool) and `tests/hostile_app.rs` (the app).
//!
//! Every case is a `NAME.expected` file: what `catalog check` prints and exits with, and
//! what the reader sees. Its catalog is the committed `NAME.json` beside it, or, for the
//! huge ones that must not be committed, bytes made here by [`generate`] at test time:
//! deterministic, from the shipped `public/catalog.json`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// One case's expectations, parsed from `NAME.expected` (`key: value` lines, `#` comments).
#[derive(Debug, Default)]
pub struct Expect {
    /// `exit:` the exit status of `catalog check`.
    pub exit: i32,
    /// `stdout:` the exact lines `catalog check` prints, in order (`FILE` stands for the
    /// path it was given). With `stdout-lines:`, only the first lines, and the count.
    pub stdout: Vec<String>,
    pub stdout_lines: Option<usize>,
    /// `stderr:` what the first line on stderr starts with (it ends with a timing).
    pub stderr: Option<String>,
    /// `app-error:` the exact message of the app's error page, home and tool page alike.
    pub app_error: Option<String>,
    /// `app-count:` the home page's result count, e.g. "6 tools".
    pub app_count: Option<String>,
    /// `app-skipped:` how many skipped entries the notice counts (0: no notice).
    pub app_skipped: usize,
    /// `app-why:` a line the notice's "Which and why" list holds.
    pub app_why: Vec<String>,
    /// `app-tool:` a tool page (slug) and its exact `<h1>`.
    pub app_tool: Option<(String, String)>,
}

pub struct Case {
    pub name: String,
    pub expect: Expect,
    /// Made at test time by [`generate`] (never committed).
    pub generated: bool,
}

impl Case {
    /// The catalog's bytes: the committed file, or generated now.
    pub fn bytes(&self) -> Vec<u8> {
        match generate(&self.name) {
            Some(b) => b,
            None => std::fs::read(dir().join(format!("{}.json", self.name)))
                .unwrap_or_else(|e| panic!("{}: no {0}.json and no generator: {e}", self.name)),
        }
    }
}

/// Every case, sorted by name.
pub fn cases() -> Vec<Case> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures/hostile")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".expected")
                .map(String::from)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir().join(format!("{name}.expected"))).unwrap();
            let expect = parse(&name, &text);
            Case {
                generated: GENERATED.contains(&name.as_str()),
                name,
                expect,
            }
        })
        .collect()
}

fn parse(name: &str, text: &str) -> Expect {
    let mut e = Expect {
        exit: -1,
        ..Expect::default()
    };
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("{name}.expected: not `key: value`: {line:?}"));
        let value = value.to_string();
        match key {
            "exit" => e.exit = value.parse().expect("exit status"),
            "stdout" => e.stdout.push(value),
            "stdout-lines" => e.stdout_lines = Some(value.parse().expect("a count")),
            "stderr" => e.stderr = Some(value),
            "app-error" => e.app_error = Some(value),
            "app-count" => e.app_count = Some(value),
            "app-skipped" => e.app_skipped = value.parse().expect("a count"),
            "app-why" => e.app_why.push(value),
            "app-tool" => {
                let (slug, h1) = value.split_once(' ').expect("app-tool: SLUG H1");
                e.app_tool = Some((slug.into(), h1.into()));
            }
            other => panic!("{name}.expected: unknown key `{other}`"),
        }
    }
    assert!(e.exit >= 0, "{name}.expected: no `exit:`");
    assert!(
        e.app_error.is_some() != e.app_count.is_some(),
        "{name}.expected: either `app-error:` or `app-count:`"
    );
    e
}

/// The cases made at test time, too big to commit.
pub const GENERATED: &[&str] = &[
    "alternatives-100k",
    "comparisons-20k",
    "deep-nesting",
    "deep-nesting-in-a-tool",
    "huge-string-10mb",
    "long-name-1mb",
    "skipped-50k",
    "tools-20k-small",
    "tools-50k",
];

fn shipped() -> Value {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("public/catalog.json"))
            .expect("public/catalog.json");
    let mut v: Value = serde_json::from_str(&text).expect("the shipped catalog is JSON");
    // Without its pointer to the schema, for editors: the `.expected` positions are those
    // of the catalog's data.
    if let Some(top) = v.as_object_mut() {
        top.remove("$schema");
    }
    v
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut s = serde_json::to_string_pretty(v).expect("serializes");
    s.push('\n');
    s.into_bytes()
}

/// A small valid tool, `tool-{i}`, about 300 bytes of JSON.
fn small_tool(i: usize) -> Value {
    json!({
        "slug": format!("tool-{i}"), "name": format!("Tool {i}"), "vendor": "Vendor",
        "category": format!("Category {}", i % 10), "tagline": "A small tool", "description": "A small tool.",
        "pricing": {"entry": "free", "summary": "Free"}, "license": "MIT", "last_reviewed": "2026-01-01",
        "community": {"ship": i % 7, "skip": i % 3, "as_of": "2026-01-01"},
        "panel": [{"persona": "builder", "verdict": if i % 2 == 0 { "ship" } else { "skip" }, "score": i % 101, "text": "Fine."}]
    })
}

/// The bytes of a generated case; `None` for a committed one.
pub fn generate(name: &str) -> Option<Vec<u8>> {
    let mut c = shipped();
    let bytes = match name {
        // 100,000 nested arrays: the whole file.
        "deep-nesting" => format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        // The shipped catalog, with 100,000 nested arrays as one tool's alternatives.
        "deep-nesting-in-a-tool" => {
            c["tools"][2]["alternatives"] = json!("NEST");
            let text = String::from_utf8(pretty(&c)).unwrap();
            let nest = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
            text.replacen("\"NEST\"", &nest, 1).into_bytes()
        }
        // A 10 MiB description: the file is 10.5 MB.
        "huge-string-10mb" => {
            c["tools"][2]["description"] =
                json!("All work and no play. ".repeat(10 * 1024 * 1024 / 22));
            pretty(&c)
        }
        // A name of a million characters (a 1 MB file: under the app's size limit).
        "long-name-1mb" => {
            c["tools"][2]["name"] = json!(format!("Mistral 3B {}", "B".repeat(1_000_000)));
            pretty(&c)
        }
        // 50,000 tools from the project's own generator (63 MB, seed 1).
        "tools-50k" => {
            serde_json::to_vec(&ship_or_skip::domain::catalog::synth::generate(50_000, 1))
                .expect("serializes")
        }
        // The shipped six and 20,000 small tools (6 MB: under the app's size limit).
        "tools-20k-small" => {
            let tools = c["tools"].as_array_mut().unwrap();
            tools.extend((0..20_000).map(small_tool));
            serde_json::to_vec(&c).unwrap()
        }
        // The shipped six and 50,000 tools that name only a slug: 50,000 skipped entries.
        "skipped-50k" => {
            let tools = c["tools"].as_array_mut().unwrap();
            tools.extend((0..50_000).map(|i| json!({ "slug": format!("bad-{i}") })));
            serde_json::to_vec(&c).unwrap()
        }
        // One tool with 100,000 alternatives.
        "alternatives-100k" => {
            c["tools"][2]["alternatives"] = Value::Array(
                (0..100_000)
                    .map(|i| json!(format!("Alternative {i}")))
                    .collect(),
            );
            serde_json::to_vec(&c).unwrap()
        }
        // The five curated comparisons, 4,000 times each.
        "comparisons-20k" => {
            let five = c["comparisons"].as_array().unwrap().clone();
            c["comparisons"] = Value::Array((0..20_000).map(|i| five[i % 5].clone()).collect());
            serde_json::to_vec(&c).unwrap()
        }
        _ => return None,
    };
    Some(bytes)
}
