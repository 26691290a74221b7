//! The `catalog` editors' tool: `check` passes on the shipped catalog and fails with a
//! precise `FILE:LINE:COL: PATH: message` line on every bad fixture; `generate` is
//! deterministic and valid.

#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn catalog(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("catalog runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn shipped_catalog_passes() {
    let (code, out, err) = catalog(&["check", "public/catalog.json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("ok — 5 personas, 6 tools, 5 comparisons"),
        "{err}"
    );
}

/// (fixture, the exact location and path, a part of the message)
const BAD: &[(&str, &str, &str)] = &[
    ("truncated.json", ":", "invalid JSON: EOF while parsing"),
    ("empty.json", ":1:1: $:", "the catalog file is empty"),
    ("not-json.json", ":1:1: $:", "invalid JSON: expected value"),
    (
        "wrong-version.json",
        ": schema_version:",
        "unsupported catalog schema version 2",
    ),
    (
        "duplicate-slug.json",
        ": tools[1].slug:",
        "duplicate slug \"mistral-medium-3-72b-instruct\"",
    ),
    (
        "unknown-persona.json",
        ": tools[2].panel[0].persona:",
        "unknown persona \"critic\"",
    ),
    (
        "score-140.json",
        ": tools[0].panel[1].score:",
        "score 140 is out of range 0–100",
    ),
    (
        "javascript-url.json",
        ": tools[5].homepage:",
        "is not an http(s) URL",
    ),
    (
        "missing-field.json",
        ": tools[3]:",
        "missing field `tagline`",
    ),
    (
        "slug-with-vs.json",
        ": tools[0].slug:",
        "\"a-vs-b\" is not a valid slug",
    ),
    (
        "bad-date.json",
        ": tools[4].last_reviewed:",
        "\"2026-02-30\" is not an ISO-8601 date",
    ),
    (
        "bad-change-date.json",
        ": tools[5].changes[0].date:",
        "\"2026-10-32\" is not an ISO-8601 date",
    ),
    (
        "two-takes-one-persona.json",
        ": tools[2].panel[1].persona:",
        "a second take by persona \"builder\"",
    ),
    (
        "comparison-one-tool.json",
        ": comparisons[0].tools:",
        "a comparison needs 2 to 4 tools, found 1",
    ),
    (
        "unknown-field.json",
        ": tools[1].rating:",
        "unknown field `rating`",
    ),
    (
        "wrong-type.json",
        ": tools[1].panel[0].score:",
        "invalid type: string \"high\"",
    ),
    (
        "bad-persona-id.json",
        ": personas[0].id:",
        "\"Builder!\" is not a valid slug",
    ),
];

#[test]
fn every_bad_fixture_fails_with_a_precise_message() {
    for (file, at, message) in BAD {
        let path = format!("tests/fixtures/bad/{file}");
        let (code, out, _) = catalog(&["check", &path]);
        assert_eq!(code, 1, "{file} must fail");
        let line = out
            .lines()
            .find(|l| l.contains(message))
            .unwrap_or_else(|| panic!("{file}: no line with {message:?} in:\n{out}"));
        assert!(line.starts_with(&path), "{line}");
        assert!(line.contains(at), "{file}: {line} lacks {at:?}");
        // FILE:LINE:COL: with real numbers.
        let mut parts = line[path.len() + 1..].splitn(3, ':');
        let l: usize = parts.next().unwrap().parse().expect("line number");
        let c: usize = parts.next().unwrap().parse().expect("column number");
        assert!(l >= 1 && c >= 1, "{line}");
    }
}

#[test]
fn fixture_locations_point_at_the_value() {
    // tools[0].panel[1].score sits on a line that holds `"score": 140`.
    let path = "tests/fixtures/bad/score-140.json";
    let (_, out, _) = catalog(&["check", path]);
    let line: usize = out.split(':').nth(1).unwrap().parse().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text
        .lines()
        .nth(line - 1)
        .unwrap()
        .contains("\"score\": 140"));
}

#[test]
fn generate_is_deterministic_and_valid() {
    let (code, a, _) = catalog(&["generate", "--tools", "500", "--seed", "3"]);
    assert_eq!(code, 0);
    let (_, b, _) = catalog(&["generate", "--tools", "500", "--seed", "3"]);
    assert_eq!(a, b);
    let dir = std::env::temp_dir().join(format!("sos-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("gen.json");
    std::fs::write(&file, &a).unwrap();
    let (code, out, err) = catalog(&["check", file.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("500 tools"), "{err}");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(catalog(&[]).0, 2);
    assert_eq!(catalog(&["generate", "--tools", "x"]).0, 2);
}

#[test]
fn opendata_writes_the_csv_and_a_badge_per_tool() {
    let dir = std::env::temp_dir().join(format!("sos-opendata-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("public/catalog.json", dir.join("catalog.json")).unwrap();
    let (code, out, err) = catalog(&["opendata", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("6 badges"), "{out}");
    let csv = std::fs::read_to_string(dir.join("data/ship-or-skip-tools.csv")).unwrap();
    assert_eq!(csv.lines().count(), 7);
    assert!(csv.starts_with("slug,name,"));
    let badge = std::fs::read_to_string(dir.join("badges/mistral-3b.svg")).unwrap();
    assert!(badge.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(badge.contains("Ship · 100%"), "{badge}");
    // A broken catalog writes nothing and says why.
    std::fs::write(dir.join("catalog.json"), "{").unwrap();
    let _ = std::fs::remove_dir_all(dir.join("badges"));
    let (code, _, err) = catalog(&["opendata", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.starts_with("catalog opendata: "), "{err}");
    assert!(!dir.join("badges").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stamp_prints_the_digest_of_a_catalog_valid_whole_and_nothing_else() {
    let (code, out, err) = catalog(&["stamp", "public/catalog.json"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string("public/catalog.json").unwrap();
    let digest = ship_or_skip::domain::catalog::stamp::digest(&text);
    assert_eq!(out.trim(), format!("{digest:016x}"));
    assert_eq!(out.trim().len(), 16, "{out}");
    // A catalog the app loads with a tool skipped, and one it refuses: no stamp, so the
    // app checks them and says what is wrong. Neither fails the build.
    for file in ["score-140.json", "truncated.json"] {
        let path = format!("tests/fixtures/bad/{file}");
        let (code, out, err) = catalog(&["stamp", &path]);
        assert_eq!(code, 0, "{file}: {err}");
        assert_eq!(out, "", "{file}");
        assert!(err.contains("not stamped"), "{file}: {err}");
    }
    assert_eq!(catalog(&["stamp", "tests/fixtures/none.json"]).0, 1);
}
