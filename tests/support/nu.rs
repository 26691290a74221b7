//! The Nu Html Checker (the W3C validator; npm `vnu-jar`, run on Java), which `make test`
//! runs on every built page (tests/html.rs) and on the live DOM of the main page states
//! (tests/e2e/html.rs). Both are installed by `scripts/setup.sh`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What the checker reports that we keep on purpose, each with why: (the start of its
/// message, why it stays).
pub const KEPT: &[(&str, &str)] = &[(
    "Attribute “elementtiming” not allowed on element",
    // The Element Timing API's attribute (WICG, shipped in Chromium), on home's result
    // count: `make bench` reads when the first results were painted. Browsers without
    // the API ignore it.
    "the Element Timing API's, read by make bench",
)];

fn jar() -> PathBuf {
    let jar = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.exists(),
        "no {}: run `scripts/setup.sh` (make test does) to install the Nu Html Checker",
        jar.display()
    );
    jar
}

/// Every error the checker finds in `files` (HTML documents) that is not [`KEPT`], as
/// `file:line.column: message`.
pub fn errors(files: &[PathBuf]) -> Vec<String> {
    assert!(!files.is_empty(), "nothing to check");
    let out = Command::new("java")
        .arg("-jar")
        .arg(jar())
        .args(["--errors-only", "--format", "json", "--exit-zero-always"])
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!("java: {e}: run `scripts/setup.sh --browser` (make test does) to install a JRE")
        });
    // The JSON report goes to stderr.
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "the checker's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let messages = report["messages"].as_array().expect("messages");
    messages
        .iter()
        .filter(|m| {
            let text = m["message"].as_str().unwrap_or_default();
            !KEPT.iter().any(|(start, _)| text.starts_with(start))
        })
        .map(|m| {
            let file = m["url"].as_str().unwrap_or_default();
            let file = file.rsplit('/').next().unwrap_or(file);
            format!(
                "{file}:{}.{}: {} ({})",
                m["lastLine"],
                m["firstColumn"],
                m["message"].as_str().unwrap_or_default(),
                m["extract"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// `errors` for a failed assertion: each message once, with where it stands (the first
/// three places) and how often.
pub fn report(errors: &[String]) -> String {
    let mut seen: Vec<(&str, Vec<&str>)> = Vec::new();
    for e in errors {
        let (place, message) = e.split_once(": ").unwrap_or(("", e));
        match seen.iter_mut().find(|(m, _)| *m == message) {
            Some((_, places)) => places.push(place),
            None => seen.push((message, vec![place])),
        }
    }
    let mut out = format!("{} errors from the Nu Html Checker:\n", errors.len());
    for (message, places) in seen {
        let shown = places
            .iter()
            .take(3)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        out += &format!("- {message}\n  at {shown} ({} in all)\n", places.len());
    }
    out
}
