//! Home's list and what it says, for the Leptos home (`pages/home.rs`) and home's first
//! view (`src/first`): the lines of the tools a query finds and the count over them, and
//! the one part the first view draws into the page the build rendered from the Leptos
//! home, the bookmarks panel's list, box for box as `BookmarksPanel` draws it.
//!
//! Every catalog string goes through [`esc`]: home executes nothing from data.

use super::base::escape::xml_escape as esc;
use super::catalog::model::Catalog;
use super::explore::browse::{browse_from, BrowseQuery, Found};
use super::explore::listing::Line;
use super::explore::routes::tool_path;
use super::explore::search::SearchIndex;
use super::panel::weights::MAX_WEIGHT;
use super::publish::summary::percent_text;
use super::reader::store::Bookmark;

/// How many results are drawn at first; "Show more" adds as many again.
pub const PAGE: usize = 50;

/// What each persona weight means, for the weights panel's selects.
pub const WEIGHT_LABELS: [&str; MAX_WEIGHT as usize + 1] =
    ["Ignore (×0)", "Normal (×1)", "Double (×2)", "Triple (×3)"];

/// The weights panel's explanation.
pub const WEIGHTS_NOTE: &str = "Weight the reviewers: the ship % and average score sorts, and each comparison's “with your weights” row, follow. Saved in this browser.";

/// Every keyboard shortcut: key, what it does (`components/shortcuts.rs`).
pub const SHORTCUTS: [(&str, &str); 5] = [
    ("/", "Search the catalog"),
    ("b", "Bookmark this tool (or remove the bookmark)"),
    ("c", "Add a tool to compare with"),
    ("?", "Show or hide this help"),
    ("Esc", "Close this help"),
];

/// The performance mark set when home is live, in the first view or the app (`make bench`
/// reads it).
pub const LIVE_MARK: &str = "ship-or-skip:live";

/// How many bookmarks the side panel lists.
pub const BOOKMARKS_SHOWN: usize = 5;

/// Turns a base-relative route into the href written in the page.
pub type Href<'a> = &'a dyn Fn(&str) -> String;

/// The lines home's static page opens with: the first [`PAGE`] tools, in the default
/// order, with the panel's figures, and their toggles waiting for the reader's
/// bookmarks. `plain` is the catalog's unweighted index.
pub fn static_lines(catalog: &Catalog, plain: &SearchIndex, href: Href) -> Vec<Line> {
    let found = browse_from(catalog, plain, &BrowseQuery::default(), PAGE, None);
    lines(catalog, plain, &found, false, href, &|_| None)
}

/// "6 tools" or "2 of 6 tools match".
pub fn result_count(shown: usize, total: usize, filtered: bool) -> String {
    let noun = if total == 1 { " tool" } else { " tools" };
    if filtered {
        let mut s = shown.to_string();
        s.push_str(" of ");
        s.push_str(&total.to_string());
        s.push_str(noun);
        s.push_str(if shown == 1 { " matches" } else { " match" });
        s
    } else {
        total.to_string() + noun
    }
}

/// The ship figure of a line: the panel's, or the reader's weighted one.
pub fn line_percent(ship: Option<u32>, weighted: bool) -> String {
    percent_text(ship)
        + if weighted {
            " ship, your weights"
        } else {
            " ship"
        }
}

/// The lines of the tools `found` shows, with figures from `index` (weighted when the
/// reader has weights); `bookmarked` is `None` while the reader's bookmarks are unknown.
pub fn lines(
    catalog: &Catalog,
    index: &SearchIndex,
    found: &Found,
    weighted: bool,
    href: Href,
    bookmarked: &dyn Fn(&str) -> Option<bool>,
) -> Vec<Line> {
    found
        .shown
        .iter()
        .map(|&at| {
            let (tool, doc) = (&catalog.tools[at], &index.docs[at]);
            let percent = line_percent(doc.ship, weighted);
            let on = bookmarked(&tool.slug);
            Line::new(tool, doc.verdict, href(&tool_path(&tool.slug)), percent, on)
        })
        .collect()
}

/// A link.
fn a(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// The side panel's list of the newest bookmarks, or its empty state.
pub fn bookmarks_body(catalog: &Catalog, newest_first: &[Bookmark], href: Href) -> String {
    if newest_first.is_empty() {
        return "<p class=\"empty\"><strong>No bookmarks yet</strong> — bookmark tools to save them for later.</p>".into();
    }
    let mut s = String::from("<ul class=\"bookmarks-list\">");
    for b in newest_first.iter().take(BOOKMARKS_SHOWN) {
        s += &match catalog.tool(&b.slug) {
            Some(t) => format!("<li>{}</li>", a(&href(&tool_path(&t.slug)), &t.name)),
            None => format!(
                "<li class=\"gone\">{}<span class=\"muted\"> (no longer in the catalog)</span></li>",
                esc(&b.slug)
            ),
        };
    }
    let more = newest_first.len().saturating_sub(BOOKMARKS_SHOWN);
    let all = if more > 0 {
        format!("All bookmarks ({more} more)")
    } else {
        "Manage bookmarks".into()
    };
    s + &format!("</ul><p>{}</p>", a(&href("/bookmarks"), &all))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    fn href(route: &str) -> String {
        format!("/base{route}")
    }

    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(result_count(6, 6, false), "6 tools");
        assert_eq!(result_count(1, 6, true), "1 of 6 tools matches");
        assert_eq!(result_count(2, 6, true), "2 of 6 tools match");
        assert_eq!(result_count(1, 1, false), "1 tool");
    }

    #[test]
    fn the_static_lines_wait_for_the_readers_bookmarks() {
        let cat = shipped();
        let lines = static_lines(&cat, &SearchIndex::new(&cat), &href);
        assert_eq!(lines.len(), cat.tools.len());
        assert!(lines.iter().all(|l| l.bookmarked.is_none()));
        assert!(lines.iter().all(|l| l.href == href(&tool_path(&l.slug))));
    }

    #[test]
    fn bookmarks_list_the_newest_and_keep_gone_tools() {
        let cat = shipped();
        let marks: Vec<Bookmark> = ["gone-tool", &cat.tools[0].slug]
            .iter()
            .map(|s| Bookmark {
                slug: s.to_string(),
                added: String::new(),
            })
            .collect();
        let html = bookmarks_body(&cat, &marks, &href);
        assert!(html.contains("<li class=\"gone\">gone-tool<"));
        assert!(html.contains(&format!(">{}</a></li>", esc(&cat.tools[0].name))));
        assert!(html.ends_with(">Manage bookmarks</a></p>"));
    }

    #[test]
    fn data_cannot_inject_markup() {
        let mut cat = shipped();
        cat.tools[0].name = "<img src=x onerror=alert(1)>".into();
        let marks = [Bookmark {
            slug: cat.tools[0].slug.clone(),
            added: String::new(),
        }];
        let html = bookmarks_body(&cat, &marks, &href);
        for bad in ["<img", "<script"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }
}
