//! Home's list and what it says, for its browse island (`pages/home.rs`): the lines of
//! the tools a query finds and the count over them, and the words of its panels.

use super::catalog::model::Catalog;
use super::explore::browse::Found;
use super::explore::listing::Line;
use super::explore::routes::tool_path;
use super::explore::search::SearchIndex;
use super::panel::weights::MAX_WEIGHT;
use super::publish::summary::percent_text;

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

/// The performance mark set when a page is live, through its islands or the app (`make
/// bench` reads it).
pub const LIVE_MARK: &str = "ship-or-skip:live";

/// How many bookmarks the side panel lists.
pub const BOOKMARKS_SHOWN: usize = 5;

/// Turns a base-relative route into the href written in the page.
pub type Href<'a> = &'a dyn Fn(&str) -> String;

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
/// reader has weights), each toggle as `bookmarked` says.
pub fn lines(
    catalog: &Catalog,
    index: &SearchIndex,
    found: &Found,
    weighted: bool,
    href: Href,
    bookmarked: &dyn Fn(&str) -> bool,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(result_count(6, 6, false), "6 tools");
        assert_eq!(result_count(1, 6, true), "1 of 6 tools matches");
        assert_eq!(result_count(2, 6, true), "2 of 6 tools match");
        assert_eq!(result_count(1, 1, false), "1 tool");
    }
}
