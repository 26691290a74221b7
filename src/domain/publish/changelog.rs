//! A tool's verdict changelog (`Tool::changes`), for readers who come back: listed on the
//! tool's page and written as entries of the feed.

use crate::domain::base::order;
use crate::domain::catalog::model::{Change, Tool};

/// The id of a tool page's changelog section, which the feed's entries link to.
pub const ANCHOR: &str = "changes";

/// The tool's changes, newest first; the changes of one date in catalog order.
pub fn newest_first(tool: &Tool) -> Vec<&Change> {
    let mut changes: Vec<&Change> = tool.changes.iter().collect();
    order::sort_stable_by(&mut changes, |a, b| b.date.cmp(&a.date));
    changes
}

/// What tells a change apart among its tool's for good, for its feed entry's id: its
/// date, and its place among that date's changes in catalog order ("2026-10-02-1").
/// Editing a change's words keeps it the same entry; a later change is added after it.
pub fn key(tool: &Tool, i: usize) -> String {
    let date = &tool.changes[i].date;
    let nth = tool.changes[..i].iter().filter(|c| &c.date == date).count() + 1;
    format!("{date}-{nth}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    fn change(date: &str, note: &str) -> Change {
        Change {
            date: date.into(),
            note: note.into(),
        }
    }

    #[test]
    fn newest_first_keeps_one_dates_changes_in_catalog_order() {
        let mut t = shipped().tools[0].clone();
        t.changes = vec![
            change("2026-01-05", "a"),
            change("2026-03-01", "b"),
            change("2026-01-05", "c"),
        ];
        let notes: Vec<&str> = newest_first(&t).iter().map(|c| c.note.as_str()).collect();
        assert_eq!(notes, ["b", "a", "c"]);
        let keys: Vec<String> = (0..3).map(|i| key(&t, i)).collect();
        assert_eq!(keys, ["2026-01-05-1", "2026-03-01-1", "2026-01-05-2"]);
    }
}
