//! The lines of the home list: what each shows ([`Line`]), and which of its parts changed
//! from one drawing to the next (the app then touches only those; `components/rows.rs`
//! draws a line and keeps it).

use crate::domain::catalog::model::{Entry, Tool};
use crate::domain::panel::verdict::Verdict;

/// A bookmark toggle's visible text, after its CSS star.
pub fn bookmark_label(on: bool) -> &'static str {
    if on {
        " Bookmarked"
    } else {
        " Bookmark"
    }
}

/// What one line shows, as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub slug: String,
    pub href: String,
    pub initial: String,
    pub name: String,
    pub tagline: String,
    /// "vendor · category · reviewed ", before the review date.
    pub meta: String,
    pub reviewed: String,
    pub verdict: Verdict,
    /// The panel's (or the reader's weighted) ship figure, e.g. "75% ship".
    pub percent: String,
    pub entry: Entry,
    /// Whether the reader bookmarked the tool.
    pub bookmarked: bool,
}

impl Line {
    /// The line of `tool`, with the panel's `verdict` on it, its name linking to `href`.
    pub fn new(
        tool: &Tool,
        verdict: Verdict,
        href: String,
        percent: String,
        bookmarked: bool,
    ) -> Line {
        let mut meta = String::with_capacity(tool.vendor.len() + tool.category.len() + 16);
        for piece in [&tool.vendor, " · ", &tool.category, " · reviewed "] {
            meta.push_str(piece);
        }
        Line {
            slug: tool.slug.clone(),
            href,
            initial: tool.initial(),
            name: tool.name.clone(),
            tagline: tool.tagline.clone(),
            meta,
            reviewed: tool.last_reviewed.clone(),
            verdict,
            percent,
            entry: tool.pricing.entry,
            bookmarked,
        }
    }

    /// The parts of a line drawn as `self` that differ in `next`, in [`Part`] order.
    pub fn changes(&self, next: &Line) -> Vec<Part> {
        let mut out = Vec::new();
        let mut check = |differs: bool, part: Part| {
            if differs {
                out.push(part);
            }
        };
        check(self.slug != next.slug, Part::Slug);
        check(self.initial != next.initial, Part::Initial);
        check(self.href != next.href, Part::Href);
        check(self.name != next.name, Part::Name);
        check(self.tagline != next.tagline, Part::Tagline);
        check(self.meta != next.meta, Part::Meta);
        check(self.reviewed != next.reviewed, Part::Reviewed);
        check(self.verdict != next.verdict, Part::Verdict);
        check(self.percent != next.percent, Part::Percent);
        check(self.entry != next.entry, Part::Entry);
        check(self.bookmarked != next.bookmarked, Part::Bookmarked);
        out
    }
}

/// A part of a drawn line that can change on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The line's and its toggle's `data-slug`.
    Slug,
    Initial,
    Href,
    /// The link's text and the toggle's hidden label.
    Name,
    Tagline,
    Meta,
    /// The `<time>`'s attribute and text.
    Reviewed,
    Verdict,
    Percent,
    Entry,
    /// The toggle's `aria-pressed` and visible text.
    Bookmarked,
}

impl Part {
    /// Every part: what a line drawn anew sets.
    pub const ALL: [Part; 11] = [
        Part::Slug,
        Part::Initial,
        Part::Href,
        Part::Name,
        Part::Tagline,
        Part::Meta,
        Part::Reviewed,
        Part::Verdict,
        Part::Percent,
        Part::Entry,
        Part::Bookmarked,
    ];
}

/// The verdict badge's classes.
pub fn verdict_class(v: Verdict) -> String {
    format!("verdict verdict--{}", v.as_str())
}

/// The entry tier's classes.
pub fn entry_class(e: Entry) -> String {
    format!("entry entry--{}", e.as_str())
}

/// `aria-pressed` of a bookmark toggle.
pub fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::panel::verdict::Tally;
    use crate::domain::testdata::shipped;

    fn line(slug: &str, bookmarked: bool) -> Line {
        let c = shipped();
        let t = c.tool(slug).unwrap();
        Line::new(
            t,
            Tally::of(t).verdict(),
            format!("/base/tool/{slug}"),
            "75% ship".into(),
            bookmarked,
        )
    }

    #[test]
    fn changes_name_what_differs() {
        let a = line("mistral-3b", false);
        assert_eq!(a.changes(&a), []);
        assert_eq!(a.changes(&line("mistral-3b", true)), [Part::Bookmarked]);
        let other = line("openrouter-model-fusion", false);
        let parts = a.changes(&other);
        for p in [
            Part::Slug,
            Part::Href,
            Part::Name,
            Part::Tagline,
            Part::Meta,
        ] {
            assert!(parts.contains(&p), "{p:?} in {parts:?}");
        }
        let mut weighted = a.clone();
        weighted.percent = "60% ship, your weights".into();
        assert_eq!(a.changes(&weighted), [Part::Percent]);
    }

    #[test]
    fn every_part_is_named_once_in_order() {
        let a = line("mistral-3b", false);
        let mut b = line("openrouter-model-fusion", true);
        b.initial = "Z".into();
        b.reviewed = "1999-01-01".into();
        b.verdict = Verdict::ALL.into_iter().find(|v| *v != a.verdict).unwrap();
        b.percent = "1% ship".into();
        b.entry = Entry::ALL.into_iter().find(|e| *e != a.entry).unwrap();
        assert_eq!(a.changes(&b), Part::ALL);
    }
}
