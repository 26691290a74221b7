//! The Atom feed of curated comparisons and of the panel's verdict changes, generated at
//! build time by the `catalog` tool.

use super::changelog;
use super::summary::heading;
use crate::domain::base::escape::xml_escape;
use crate::domain::base::order;
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::explore::routes::{absolute, compare_path, tool_path};
use crate::domain::panel::verdict::Tally;

/// One entry of the feed, its texts unescaped and its link absolute.
struct Entry {
    /// ISO date: the entry's `published` and `updated`.
    date: String,
    title: String,
    /// The page the entry links to.
    link: String,
    /// What tells it apart for good: a comparison's page, or a change's place on its
    /// tool's page.
    id: String,
    summary: String,
}

/// "Mistral 3B: Ship · 4 ship / 0 skip (100% panel ship)".
fn verdict(t: &Tool) -> String {
    let tally = Tally::of(t);
    format!(
        "{}: {} ({}% panel ship)",
        t.name,
        tally.verdict_line(),
        tally.ship_percent().unwrap_or(0)
    )
}

/// An Atom 1.0 document for the site at `site_url` (scheme and host) + `base`: every
/// curated comparison and every tool's verdict change (`Tool::changes`), newest first.
/// Every link and id is absolute: feed readers, mail digests and bridges that do not
/// resolve a relative link against the feed's address would show it broken.
pub fn atom(catalog: &Catalog, site_url: &str, base: &str) -> String {
    let url = |route: &str| absolute(site_url, base, route);
    let mut entries: Vec<Entry> = Vec::new();
    for c in catalog.latest_comparisons() {
        let tools = catalog.tools_of(c);
        let verdicts = tools
            .iter()
            .map(|t| verdict(t))
            .collect::<Vec<_>>()
            .join("; ");
        let page = url(&compare_path(&c.tools));
        entries.push(Entry {
            date: c.published.clone(),
            title: heading(&tools),
            // The page's address is the entry's id: one page per comparison, for good.
            id: page.clone(),
            link: page,
            summary: match &c.summary {
                Some(s) => format!("{s} {verdicts}."),
                None => format!("{verdicts}."),
            },
        });
    }
    for t in &catalog.tools {
        let page = url(&tool_path(&t.slug));
        for (i, change) in t.changes.iter().enumerate() {
            entries.push(Entry {
                date: change.date.clone(),
                title: format!("{}: {}", t.name, change.note),
                link: format!("{page}#{}", changelog::ANCHOR),
                id: format!("{page}#change-{}", changelog::key(t, i)),
                summary: format!("{} Now: {}.", change.note, verdict(t)),
            });
        }
    }
    order::sort_stable_by(&mut entries, |a, b| b.date.cmp(&a.date));
    let updated = entries.first().map_or(&catalog.generated, |e| &e.date);

    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    s += &format!(
        "  <title>{}: comparisons and verdict changes</title>\n",
        xml_escape(&catalog.site.title)
    );
    s += &format!("  <id>{}</id>\n", xml_escape(&url(FILE)));
    s += &format!("  <updated>{updated}T00:00:00Z</updated>\n");
    s += "  <author><name>The Ship or Skip panel</name></author>\n";
    s += &format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&url(FILE)),
        xml_escape(&url("/"))
    );
    for e in entries {
        s += "  <entry>\n";
        s += &format!("    <title>{}</title>\n", xml_escape(&e.title));
        s += &format!("    <id>{}</id>\n", xml_escape(&e.id));
        s += &format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&e.link)
        );
        s += &format!("    <published>{}T00:00:00Z</published>\n", e.date);
        s += &format!("    <updated>{}T00:00:00Z</updated>\n", e.date);
        s += &format!("    <summary>{}</summary>\n", xml_escape(&e.summary));
        s += "  </entry>\n";
    }
    s += "</feed>\n";
    s
}

/// Where the feed is, under the site's base.
pub const FILE: &str = "feed.xml";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::model::Change;
    use crate::domain::testdata::shipped;

    #[test]
    fn feed_lists_every_comparison_and_every_verdict_change() {
        let c = shipped();
        let feed = atom(&c, "https://x.test", "/sos/");
        let changes: usize = c.tools.iter().map(|t| t.changes.len()).sum();
        assert!(changes > 0, "the shipped catalog lists verdict changes");
        assert_eq!(
            feed.matches("<entry>").count(),
            c.comparisons.len() + changes
        );
        assert!(feed.contains("Ship · 3 ship / 1 skip (75% panel ship)"));
        assert!(feed
            .contains("href=\"https://x.test/sos/compare/mistral-3b-vs-openrouter-model-fusion\""));
        assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://x.test/sos/feed.xml\"/>"));
        assert!(feed
            .contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://x.test/sos/\"/>"));
        // A change: its tool's name and note, linking to the tool page's changelog.
        let fusion = "https://x.test/sos/tool/openrouter-model-fusion";
        assert!(
            feed.contains(&format!("<id>{fusion}#change-2026-10-02-1</id>")),
            "{feed}"
        );
        assert!(
            feed.contains(&format!("href=\"{fusion}#changes\"")),
            "{feed}"
        );
        assert!(
            feed.contains("<title>OpenRouter Model Fusion: Skeptic moved to skip"),
            "{feed}"
        );
        // Newest first, comparisons and changes alike.
        let dates: Vec<&str> = feed
            .split("<published>")
            .skip(1)
            .map(|s| &s[..10])
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    }

    #[test]
    fn a_change_is_escaped_and_keeps_its_id_when_its_words_change() {
        let mut c = shipped();
        c.tools[0].changes = vec![Change {
            date: "2026-11-01".into(),
            note: "<script>alert(1)</script> & more".into(),
        }];
        let feed = atom(&c, "https://x.test", "/");
        assert!(!feed.contains("<script>"), "{feed}");
        assert!(feed.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        let id = |feed: &str| {
            feed.split("<id>")
                .nth(2)
                .map(|s| s[..s.find('<').unwrap()].to_string())
        };
        let first = id(&feed);
        c.tools[0].changes[0].note = "Reworded".into();
        assert_eq!(id(&atom(&c, "https://x.test", "/")), first);
    }

    /// The feed is valid Atom (RFC 4287): well-formed XML whose root is an Atom `feed`
    /// with one `id`, `title` and `updated`, an author, a `self` link; every entry has one
    /// `id` (unique), `title`, `updated` (RFC 3339), an `alternate` link to a route the
    /// app knows, and a summary; no element outside the Atom namespace.
    #[test]
    fn feed_is_valid_atom() {
        use crate::domain::explore::routes::Route;
        const ATOM: &str = "http://www.w3.org/2005/Atom";
        let c = shipped();
        let xml = atom(&c, "https://x.test", "/");
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().namespace(), Some(ATOM));
        assert_eq!(feed.tag_name().name(), "feed");
        fn kids<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
            n.children()
                .filter(|k| k.is_element() && k.tag_name().name() == name)
                .collect()
        }
        let rfc3339 = |s: &str| {
            let b = s.as_bytes();
            s.len() == 20
                && b[4] == b'-'
                && b[7] == b'-'
                && b[10] == b'T'
                && b[13] == b':'
                && b[16] == b':'
                && b[19] == b'Z'
                && s.chars().filter(char::is_ascii_digit).count() == 14
        };
        for name in ["id", "title", "updated", "author"] {
            assert_eq!(kids(feed, name).len(), 1, "feed/{name}");
        }
        assert!(rfc3339(kids(feed, "updated")[0].text().unwrap()));
        assert!(kids(feed, "link")
            .iter()
            .any(|l| l.attribute("rel") == Some("self")));
        let entries = kids(feed, "entry");
        let changes: usize = c.tools.iter().map(|t| t.changes.len()).sum();
        assert_eq!(entries.len(), c.comparisons.len() + changes);
        let mut ids = std::collections::HashSet::new();
        for e in &entries {
            for name in ["id", "title", "updated", "summary"] {
                assert_eq!(kids(*e, name).len(), 1, "entry/{name}");
            }
            assert!(ids.insert(kids(*e, "id")[0].text().unwrap().to_string()));
            assert!(kids(*e, "id")[0]
                .text()
                .unwrap()
                .starts_with("https://x.test/"));
            assert!(rfc3339(kids(*e, "updated")[0].text().unwrap()));
            let href = kids(*e, "link")
                .into_iter()
                .find(|l| l.attribute("rel") == Some("alternate"))
                .and_then(|l| l.attribute("href"))
                .expect("alternate link");
            let route = href.strip_prefix("https://x.test").expect("absolute");
            let (route, anchor) = route.split_once('#').unwrap_or((route, ""));
            assert!(
                matches!(
                    (Route::parse(route), anchor),
                    (Route::Compare(_), "") | (Route::Tool(_), changelog::ANCHOR)
                ),
                "{href} is neither a comparison nor a tool's changelog"
            );
        }
        assert!(doc
            .descendants()
            .filter(|n| n.is_element())
            .all(|n| n.tag_name().namespace() == Some(ATOM)));
    }
}
