//! The catalog's JSON Schema (`public/catalog.schema.json`, made by `catalog schema` from
//! `domain::catalog::describe`) held to the reader by a validator no one here wrote:
//! Python's `jsonschema` (`Draft202012Validator`), from the venv `scripts/setup.sh
//! --browser` installs into `target/tools/py` (`make test` runs it first).
//!
//! - `catalog schema` writes exactly the committed file, and the built site serves it
//!   beside `catalog.json`;
//! - the schema is a valid draft 2020-12 schema, and accepts the shipped catalog,
//!   generated ones, a split catalog's head and its tool files;
//! - every fixture the reader refuses (`tests/fixtures/bad`, `tests/fixtures/hostile`),
//!   the schema refuses (or Python finds no JSON in it), but for those refused by a rule
//!   no JSON Schema can express, listed in [`BEYOND`] with the rule as `docs/catalog.md`
//!   words it; every fixture the reader accepts, the schema accepts;
//! - its patterns and limits are the reader's rules (`is_slug`, `is_iso_date`,
//!   `is_http_url`, not blank, the length limits) on thousands of strings.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use ship_or_skip::domain::catalog::guard::{NAME_CHARS, URL_CHARS};
use ship_or_skip::domain::catalog::validate::{self, is_http_url, is_iso_date, is_slug};
use ship_or_skip::domain::catalog::{split, synth};

/// The fixtures the reader refuses for a rule a JSON Schema cannot express, each with
/// that rule, in the words of `docs/catalog.md` ("What the schema cannot check").
const BEYOND: &[(&str, &str)] = &[
    ("bad/duplicate-slug", "Tool slugs are unique"),
    (
        "bad/two-takes-one-persona",
        "A persona gives at most one take per tool",
    ),
    (
        "bad/unknown-persona",
        "A take names a persona of `personas`",
    ),
    (
        "hostile/too-many-takes",
        "A persona gives at most one take per tool",
    ),
    (
        "hostile/duplicate-comparison",
        "A group of tools is compared once",
    ),
    (
        "hostile/duplicate-key-slug",
        "A key appears once per object",
    ),
    (
        "hostile/duplicate-key-tools",
        "A key appears once per object",
    ),
    ("hostile/lone-surrogate", "Strings are Unicode text"),
    (
        "hostile/version-float",
        "Integers are written without a fraction",
    ),
];

/// Validates documents and values with `jsonschema`. Reads a job on stdin:
/// `{"schema": PATH, "documents": {NAME: [PATH, POINTER]}, "values": [[POINTER, [V…]]]}`
/// (`POINTER`: the part of the schema to validate against, `""` for all of it), and
/// prints `{"documents": {NAME: {"outcome": …, "errors": […]}}, "values": [[BOOL…]…]}`.
const VALIDATE: &str = r#"
import json, sys
from jsonschema import Draft202012Validator

job = json.load(sys.stdin)
with open(job["schema"], encoding="utf-8") as f:
    schema = json.load(f)
Draft202012Validator.check_schema(schema)
root = Draft202012Validator(schema)

def at(pointer):
    """The validator of a part of the schema (`$ref`s still resolve in the whole)."""
    node = schema
    for part in pointer.split("/")[1:]:
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return root.evolve(schema=node)

def refuse(name):
    raise ValueError(f"{name} is not JSON")

def document(path, pointer):
    with open(path, "rb") as f:
        data = f.read()
    try:
        # A UTF-8 byte-order mark is ignored, as the reader ignores it.
        doc = json.loads(data.decode("utf-8-sig"), parse_constant=refuse)
    except ValueError as e:
        return {"outcome": "not JSON", "errors": [str(e)[:200]]}
    errors = [f"{e.json_path}: {e.message[:200]}" for e in at(pointer).iter_errors(doc)]
    return {"outcome": "invalid" if errors else "valid", "errors": errors[:5]}

print(json.dumps({
    "documents": {n: document(p, ptr) for n, (p, ptr) in job["documents"].items()},
    "values": [[at(ptr).is_valid(v) for v in vs] for ptr, vs in job["values"]],
}))
"#;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs [`VALIDATE`] on a job.
fn validate(documents: &BTreeMap<String, (PathBuf, &str)>, values: &[(&str, Vec<Value>)]) -> Value {
    let python = root().join("target/tools/py/bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import jsonschema"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ready,
        "no Python with jsonschema at {}: run `scripts/setup.sh --browser` (`make test` runs it)",
        python.display()
    );
    let job = json!({
        "schema": root().join("public/catalog.schema.json"),
        "documents": documents,
        "values": values,
    });
    let mut child = Command::new(&python)
        .args(["-c", VALIDATE])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(job.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "jsonschema failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sos-schema-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn catalog_schema_writes_the_committed_schema() {
    let committed = std::fs::read_to_string(root().join("public/catalog.schema.json")).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
            .args(args)
            .output()
            .expect("catalog runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(
        run(&["schema"]) == committed,
        "public/catalog.schema.json is not what `catalog schema` writes: regenerate it with \
         `cargo run --bin catalog -- schema public/catalog.schema.json`"
    );
    let dir = scratch("cli");
    let file = dir.join("catalog.schema.json");
    let said = run(&["schema", file.to_str().unwrap()]);
    assert!(said.starts_with("catalog schema: "), "{said}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), committed);
    std::fs::remove_dir_all(&dir).ok();
    // The shipped catalog points editors at it, beside it in the site.
    let shipped = std::fs::read_to_string(root().join("public/catalog.json")).unwrap();
    assert!(
        shipped.starts_with("{\n  \"$schema\": \"./catalog.schema.json\",\n"),
        "{}",
        &shipped[..60]
    );
}

/// The site serves the schema at its root, beside the catalog that names it. Checked on
/// the e2e build (`make test` builds it first).
#[test]
fn the_built_site_serves_the_schema_beside_the_catalog() {
    let dist = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let served = std::fs::read(dist.join("catalog.schema.json")).unwrap_or_else(|e| {
        panic!(
            "no catalog.schema.json in {} ({e}): run `make e2e-dist`",
            dist.display()
        )
    });
    assert!(
        served == std::fs::read(root().join("public/catalog.schema.json")).unwrap(),
        "{}/catalog.schema.json is not public/catalog.schema.json: run `make e2e-dist`",
        dist.display()
    );
    let catalog: Value =
        serde_json::from_slice(&std::fs::read(dist.join("catalog.json")).unwrap()).unwrap();
    assert_eq!(catalog["$schema"], "./catalog.schema.json");
}

#[test]
fn the_schema_accepts_the_shipped_catalog_and_generated_ones() {
    let dir = scratch("valid");
    let mut docs = BTreeMap::new();
    docs.insert(
        "public/catalog.json".to_string(),
        (root().join("public/catalog.json"), ""),
    );
    for (n, seed) in [(1, 1), (40, 7), (300, 42)] {
        let catalog = synth::generate(n, seed);
        let file = dir.join(format!("generated-{n}.json"));
        std::fs::write(&file, serde_json::to_string_pretty(&catalog).unwrap()).unwrap();
        docs.insert(format!("generated {n} tools"), (file, ""));
    }
    // A split catalog's head, and its tool files, each a `Tool`.
    let files = split::split(&synth::generate(40, 7)).unwrap();
    std::fs::write(dir.join("head.json"), &files.head).unwrap();
    docs.insert("split head".into(), (dir.join("head.json"), ""));
    for (slug, text) in files.details.iter().take(5) {
        let file = dir.join(format!("{slug}.json"));
        std::fs::write(&file, text).unwrap();
        docs.insert(format!("tool file {slug}"), (file, "/$defs/Tool"));
    }
    let out = validate(&docs, &[]);
    std::fs::remove_dir_all(&dir).ok();
    for (name, got) in out["documents"].as_object().unwrap() {
        assert_eq!(got["outcome"], "valid", "{name}: {}", got["errors"]);
    }
    assert_eq!(out["documents"].as_object().unwrap().len(), docs.len());
}

/// Whether the reader refuses a catalog, as `catalog check` does: a file that is not
/// UTF-8, one it cannot use, or one with an entry it skips.
fn reader_refuses(bytes: &[u8]) -> bool {
    match std::str::from_utf8(bytes) {
        Err(_) => true,
        Ok(text) => !matches!(validate::load(text), Ok(l) if l.skipped.is_empty()),
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses_but_rules_beyond_it() {
    let mut docs = BTreeMap::new();
    let mut refused = BTreeMap::new();
    for kind in ["bad", "hostile"] {
        for entry in std::fs::read_dir(root().join("tests/fixtures").join(kind)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let stem = path.file_stem().unwrap().to_string_lossy();
                let name = format!("{kind}/{stem}");
                refused.insert(name.clone(), reader_refuses(&std::fs::read(&path).unwrap()));
                docs.insert(name, (path, ""));
            }
        }
    }
    assert!(docs.len() > 50, "{} fixtures", docs.len());
    let out = validate(&docs, &[]);
    let mut wrong = Vec::new();
    for (name, &reader_refuses) in &refused {
        let got = &out["documents"][name];
        let schema_refuses = got["outcome"] != "valid";
        let beyond = BEYOND.iter().find(|(n, _)| n == name);
        match (reader_refuses, schema_refuses, beyond) {
            (true, true, None) | (false, false, None) | (true, false, Some(_)) => {}
            (true, false, None) => wrong.push(format!(
                "{name}: the reader refuses it, the schema accepts it (or list it in BEYOND)"
            )),
            (false, true, _) => wrong.push(format!(
                "{name}: the reader accepts it, the schema refuses it: {}",
                got["errors"]
            )),
            (_, _, Some((_, rule))) => wrong.push(format!(
                "{name}: listed in BEYOND ({rule}), yet the schema refuses it or the reader \
                 accepts it: remove it from the list"
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    for (name, _) in BEYOND {
        assert!(
            refused.contains_key(*name),
            "BEYOND names no fixture {name}"
        );
    }
    // docs/catalog.md lists every rule the schema cannot check.
    let docs_md = std::fs::read_to_string(root().join("docs/catalog.md")).unwrap();
    for (name, rule) in BEYOND {
        assert!(
            docs_md.contains(&format!("**{rule}**")),
            "{name}: docs/catalog.md does not list \"**{rule}**\" among what the schema cannot check"
        );
    }
}

/// A check of the reader's on one string.
type Reader = fn(&str) -> bool;

/// Every string of `alphabet` up to `len` characters.
fn strings(alphabet: &[&str], len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..len {
        last = last
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[test]
fn the_schemas_patterns_and_limits_are_the_readers_rules() {
    let slugs: Vec<String> = strings(&["a", "v", "s", "-", "1"], 6)
        .into_iter()
        .chain(["A", "é", "a b", "a_b", "vs", "vsx", "a-vsb", "xvs-a"].map(String::from))
        .chain([80, 81].map(|n| "a".repeat(n)))
        .chain([79, 80].map(|n| format!("{}-b", "a".repeat(n - 2))))
        .collect();
    let mut dates = Vec::new();
    for y in [
        "0000", "0004", "0100", "0400", "1900", "1996", "2000", "2024", "2026", "2100", "9999",
    ] {
        for m in 0..=13 {
            for d in 0..=32 {
                dates.push(format!("{y}-{m:02}-{d:02}"));
            }
        }
    }
    dates.extend(
        [
            "2026-1-01",
            "26-11-23",
            "2026/11/23",
            "２０２６-11-23",
            "2026-11-230",
            "x2026-11-23",
            "",
        ]
        .map(String::from),
    );
    let mut urls = Vec::new();
    for scheme in [
        "http://", "https://", "HTTPS://", "hTtP://", "ftp://", "//", "https:/", "https:", "",
    ] {
        for host in ["a", "Z", "9", "[", "-", "/", "é", " ", ""] {
            for rest in [
                "",
                "/x",
                "?q=1#f",
                "/a b",
                "/a\"b",
                "/<",
                "/>",
                "/é",
                "/\u{85}",
                "/\u{a0}",
                "/\u{2028}",
                "/\u{7f}",
                "/\t",
                "/\u{0}",
                "/\u{feff}",
                "/\u{200b}",
            ] {
                urls.push(format!("{scheme}{host}{rest}"));
            }
        }
    }
    urls.push(format!("https://a/{}", "x".repeat(URL_CHARS - 10)));
    urls.push(format!("https://a/{}", "x".repeat(URL_CHARS - 9)));
    // Every character of the Basic Multilingual Plane's first part, alone and between
    // spaces, and a few longer texts: not blank is what `str::trim` leaves something of.
    let mut texts: Vec<String> = (0..0x3100)
        .filter_map(char::from_u32)
        .flat_map(|c| [c.to_string(), format!(" {c}\u{3000}")])
        .chain(["", "  ", "\u{feff}", "\u{1c}\u{1f}"].map(String::from))
        .chain([NAME_CHARS, NAME_CHARS + 1].map(|n| "é".repeat(n)))
        .collect();
    // Python's `$` also matches before a final line break (ECMA-262's, editors', does
    // not), so a string ending in one would be Python's quirk, not the schema's.
    for list in [&mut urls, &mut texts] {
        list.retain(|s| !s.ends_with('\n'));
    }

    let cases: [(&str, &[String], Reader); 5] = [
        ("/$defs/Tool/properties/slug", &slugs, is_slug),
        ("/$defs/Persona/properties/id", &slugs, is_slug),
        ("/$defs/Tool/properties/last_reviewed", &dates, is_iso_date),
        ("/$defs/Tool/properties/homepage", &urls, |s| {
            is_http_url(s) && s.chars().count() <= URL_CHARS
        }),
        ("/$defs/Tool/properties/name", &texts, |s| {
            !s.trim().is_empty() && s.chars().count() <= NAME_CHARS
        }),
    ];
    let values: Vec<(&str, Vec<Value>)> = cases
        .iter()
        .map(|(pointer, strings, _)| (*pointer, strings.iter().map(|s| json!(s)).collect()))
        .collect();
    let out = validate(&BTreeMap::new(), &values);
    for ((pointer, strings, reader), got) in cases.iter().zip(out["values"].as_array().unwrap()) {
        let got = got.as_array().unwrap();
        assert_eq!(got.len(), strings.len());
        let differ: Vec<String> = strings
            .iter()
            .zip(got)
            .filter(|(s, schema)| schema.as_bool() != Some(reader(s)))
            .map(|(s, schema)| format!("{s:?}: schema {schema}, reader {}", reader(s)))
            .take(10)
            .collect();
        assert!(differ.is_empty(), "{pointer}:\n{}", differ.join("\n"));
        assert!(got.iter().any(|v| v == true) && got.iter().any(|v| v == false));
    }
}
