//! The Atom feed of curated comparisons, generated at build time by the `catalog` tool.

use super::summary::heading;
use crate::domain::base::escape::xml_escape;
use crate::domain::catalog::model::Catalog;
use crate::domain::explore::routes::{absolute, compare_path};
use crate::domain::panel::verdict::Tally;

/// An Atom 1.0 document for the site at `site_url` (scheme and host) + `base`. Every link
/// and id is absolute: feed readers, mail digests and bridges that do not resolve a
/// relative link against the feed's address would show it broken.
pub fn atom(catalog: &Catalog, site_url: &str, base: &str) -> String {
    let url = |route: &str| xml_escape(&absolute(site_url, base, route));
    let comps = catalog.latest_comparisons();
    let updated = comps
        .first()
        .map(|c| c.published.clone())
        .unwrap_or_else(|| catalog.generated.clone());
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    s += &format!(
        "  <title>{} comparisons</title>\n",
        xml_escape(&catalog.site.title)
    );
    s += &format!("  <id>{}</id>\n", url(FILE));
    s += &format!("  <updated>{updated}T00:00:00Z</updated>\n");
    s += "  <author><name>The Ship or Skip panel</name></author>\n";
    s += &format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        url(FILE),
        url("/")
    );
    for c in comps {
        let tools = catalog.tools_of(c);
        let title = heading(&tools);
        let page = url(&compare_path(&c.tools));
        let verdicts = tools
            .iter()
            .map(|t| {
                let tally = Tally::of(t);
                format!(
                    "{}: {} ({}% panel ship)",
                    t.name,
                    tally.verdict_line(),
                    tally.ship_percent().unwrap_or(0)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let summary = match &c.summary {
            Some(s) => format!("{s} {verdicts}."),
            None => format!("{verdicts}."),
        };
        s += "  <entry>\n";
        s += &format!("    <title>{}</title>\n", xml_escape(&title));
        // The page's address is the entry's id: one page per comparison, for good.
        s += &format!("    <id>{page}</id>\n");
        s += &format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{page}\"/>\n");
        s += &format!("    <published>{}T00:00:00Z</published>\n", c.published);
        s += &format!("    <updated>{}T00:00:00Z</updated>\n", c.published);
        s += &format!("    <summary>{}</summary>\n", xml_escape(&summary));
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
    use crate::domain::testdata::shipped;

    #[test]
    fn feed_lists_every_comparison() {
        let c = shipped();
        let feed = atom(&c, "https://x.test", "/sos/");
        assert_eq!(feed.matches("<entry>").count(), c.comparisons.len());
        assert!(feed.contains("Ship · 3 ship / 1 skip (75% panel ship)"));
        assert!(feed
            .contains("href=\"https://x.test/sos/compare/mistral-3b-vs-openrouter-model-fusion\""));
        assert!(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://x.test/sos/feed.xml\"/>"));
        assert!(feed
            .contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://x.test/sos/\"/>"));
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
        assert_eq!(entries.len(), c.comparisons.len());
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
            assert!(
                matches!(Route::parse(route), Route::Compare(_)),
                "{href} is not a comparison route"
            );
        }
        assert!(doc
            .descendants()
            .filter(|n| n.is_element())
            .all(|n| n.tag_name().namespace() == Some(ATOM)));
    }
}
