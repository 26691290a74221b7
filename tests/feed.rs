//! The built feed as a feed reader sees it: Python's feedparser (PyPI, installed by
//! `scripts/setup.sh --browser` into target/tools/py) reads dist/feed.xml, and every link
//! it finds (the feed's own, its page's, each entry's) and every entry id must be an
//! absolute URL of the site that GitHub Pages answers with 200 and a page whose canonical
//! URL is that link; a link to a tool's verdict changes finds them on the page.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;
use std::process::Command;

/// What feedparser made of the feed: it is well-formed (`bozo` false), and its links.
const READ: &str = r#"
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
print(json.dumps({
    "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")),
    "version": d.version,
    "links": [(l.get("rel"), l.get("href")) for l in d.feed.get("links", [])],
    "id": d.feed.get("id"),
    "entries": [{"id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
                 "links": [l.get("href") for l in e.get("links", [])]} for e in d.entries],
}))
"#;

/// The e2e build's origin and base (`make e2e-dist`: `SITE_URL` unset, under /ship-or-skip/).
const SITE: &str = "http://127.0.0.1:8080/ship-or-skip/";

fn python() -> std::path::PathBuf {
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tools/py/bin/python");
    assert!(
        py.exists(),
        "no {}: run `scripts/setup.sh --browser` (make test does) to install feedparser",
        py.display()
    );
    py
}

#[test]
fn a_feed_reader_finds_every_link_absolute_and_on_a_page_of_the_site() {
    let dist = support::dist_dir();
    let out = Command::new(python())
        .args(["-c", READ])
        .arg(dist.join("feed.xml"))
        .output()
        .expect("python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let feed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(feed["bozo"], false, "{}", feed["error"]);
    assert_eq!(feed["version"], "atom10");
    let links: Vec<(String, String)> = serde_json::from_value(feed["links"].clone()).unwrap();
    assert!(
        links.contains(&("self".into(), format!("{SITE}feed.xml"))),
        "{links:?}"
    );
    assert!(
        links.contains(&("alternate".into(), SITE.into())),
        "{links:?}"
    );
    let entries = feed["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    let mut urls: Vec<String> = links.into_iter().map(|(_, href)| href).collect();
    for e in entries {
        assert!(e["title"].as_str().is_some_and(|t| !t.is_empty()), "{e}");
        // An entry's id is its page's address, or (a verdict change) the address of its
        // place on its tool's page.
        let page =
            |v: &serde_json::Value| v.as_str().unwrap().split('#').next().unwrap().to_string();
        assert_eq!(page(&e["id"]), page(&e["link"]), "{e}");
        urls.extend(serde_json::from_value::<Vec<String>>(e["links"].clone()).unwrap());
        urls.push(e["id"].as_str().unwrap().to_string());
    }
    for url in urls {
        let (url, anchor) = url.split_once('#').unwrap_or((&url, ""));
        let path = url
            .strip_prefix("http://127.0.0.1:8080")
            .unwrap_or_else(|| panic!("{url} is not an absolute URL of the site"));
        let (status, file) = support::server::resolve(&dist, support::BASE, path);
        assert_eq!(status, 200, "{url}");
        let file = file.unwrap();
        if file.extension().is_some_and(|x| x == "html") {
            let page = std::fs::read_to_string(&file).unwrap();
            assert!(
                page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
                "{url}: {} is not its page",
                file.display()
            );
            // A link's anchor is on its page (an id's `#change-…` names an entry only).
            if !anchor.is_empty() && !anchor.starts_with("change-") {
                assert!(
                    page.contains(&format!(" id=\"{anchor}\"")),
                    "{url}#{anchor}"
                );
            }
        }
    }
}
