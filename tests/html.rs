//! Every page `catalog site` wrote passes the Nu Html Checker (the W3C validator) with no
//! error, in both end-to-end builds (under `/ship-or-skip/` and at the site root). The
//! live pages' states are checked in the browser (tests/e2e/html.rs).

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

fn pages(dist: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    support::files_under(dist, "", &mut files);
    let pages: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| dist.join(f))
        .collect();
    // Home, the shell, bookmarks, every tool, reviewer and curated comparison.
    assert!(
        pages.len() >= 19,
        "{} pages in {}",
        pages.len(),
        dist.display()
    );
    pages
}

#[test]
fn every_built_page_is_valid_html() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = support::dist_dir();
    let at_root =
        root.join(std::env::var("E2E_DIST_ROOT").unwrap_or("target/e2e-dist-root".into()));
    let mut files = pages(&dist);
    if at_root.join("index.html").exists() {
        files.extend(pages(&at_root));
    }
    let errors = support::nu::errors(&files);
    assert!(errors.is_empty(), "{}", support::nu::report(&errors));
}

#[test]
fn the_checker_finds_what_html_forbids() {
    // The checker itself, on a page with a figure's definition before its term.
    let dir = support::TempDir(std::env::temp_dir().join(format!("nu-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let bad = dir.0.join("bad.html");
    std::fs::write(
        &bad,
        "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><dl><div><dd>75%</dd><dt>Panel ship</dt></div></dl><p elementtiming=\"x\">kept</p><!></body></html>",
    )
    .unwrap();
    let errors = support::nu::errors(&[bad]);
    assert!(errors.iter().any(|e| e.contains("“dt”")), "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("Bogus comment")),
        "{errors:?}"
    );
    assert!(
        !errors.iter().any(|e| e.contains("elementtiming")),
        "{errors:?}"
    );
}
