//! The lines of the home list: what each shows ([`Line`]), as escaped HTML for lines
//! added to the list, and which of its parts changed from one drawing to the next (the
//! app then touches only those, `components/rows.rs`).
//!
//! Every catalog string goes through [`esc`]: a line executes nothing from data.

use crate::domain::base::escape::xml_escape as esc;
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

/// What one line shows, as plain text (escaped only when written as HTML).
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
    /// Whether the reader bookmarked the tool; `None` while their bookmarks are not
    /// known (a page rendered ahead of time): the toggle is drawn disabled.
    pub bookmarked: Option<bool>,
}

impl Line {
    /// The line of `tool`, with the panel's `verdict` on it, its name linking to `href`.
    pub fn new(
        tool: &Tool,
        verdict: Verdict,
        href: String,
        percent: String,
        bookmarked: Option<bool>,
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

    /// Appends the line as HTML: avatar, name, tagline, meta and date, verdict, figure,
    /// entry tier, and the bookmark toggle (whose clicks the list handles, by `data-slug`).
    /// [`Part`] names the elements the app updates in place, in this order.
    pub fn push_html(&self, out: &mut String) {
        let (slug, name, reviewed) = (esc(&self.slug), esc(&self.name), esc(&self.reviewed));
        let on = self.bookmarked.unwrap_or(false);
        for piece in [
            "<li class=\"row\" data-slug=\"",
            &slug,
            "\"><span class=\"avatar avatar--small\" aria-hidden=\"true\">",
            &esc(&self.initial),
            "</span><div class=\"row__main\"><a class=\"row__name\" href=\"",
            &esc(&self.href),
            "\">",
            &name,
            "</a><span class=\"row__tagline\">",
            &esc(&self.tagline),
            "</span><span class=\"row__meta\">",
            &esc(&self.meta),
            "<time datetime=\"",
            &reviewed,
            "\">",
            &reviewed,
            "</time></span></div><div class=\"row__figures\"><span class=\"",
            &verdict_class(self.verdict),
            "\">",
            self.verdict.label(),
            "</span><span class=\"row__percent\">",
            &esc(&self.percent),
            "</span><span class=\"",
            &entry_class(self.entry),
            "\">",
            self.entry.label(),
            "</span></div><button type=\"button\" class=\"toggle bookmark-button\" data-slug=\"",
            &slug,
            "\" aria-pressed=\"",
            pressed(on),
            if self.bookmarked.is_some() {
                "\">"
            } else {
                "\" disabled>"
            },
            bookmark_label(on),
            "<span class=\"visually-hidden\"> ",
            &name,
            "</span></button></li>",
        ] {
            out.push_str(piece);
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
    /// The toggle's `aria-pressed`, visible text and `disabled`.
    Bookmarked,
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

    fn line(slug: &str, bookmarked: Option<bool>) -> Line {
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
    fn a_line_shows_its_tool() {
        let l = line("mistral-3b", Some(true));
        let mut s = String::new();
        l.push_html(&mut s);
        assert!(s.starts_with("<li class=\"row\" data-slug=\"mistral-3b\">"));
        assert!(s.contains("<a class=\"row__name\" href=\"/base/tool/mistral-3b\">Mistral 3B</a>"));
        assert!(s.contains("<span class=\"row__percent\">75% ship</span>"));
        assert!(s.contains(&format!(
            "<span class=\"row__meta\">{}<time datetime=\"{1}\">{1}</time></span>",
            l.meta, l.reviewed
        )));
        assert!(l.meta.ends_with(" · reviewed "));
        assert!(s.contains(
            "aria-pressed=\"true\"> Bookmarked<span class=\"visually-hidden\"> Mistral 3B</span></button></li>"
        ));
        assert_eq!(s.matches("<li").count(), 1);
        assert!(!s.contains("disabled"));
    }

    #[test]
    fn a_toggle_waits_for_the_readers_bookmarks() {
        let mut s = String::new();
        line("mistral-3b", None).push_html(&mut s);
        assert!(
            s.contains("aria-pressed=\"false\" disabled> Bookmark<"),
            "{s}"
        );
        let known = line("mistral-3b", Some(false));
        assert_eq!(line("mistral-3b", None).changes(&known), [Part::Bookmarked]);
    }

    #[test]
    fn data_cannot_inject_markup() {
        let mut t = shipped().tools[0].clone();
        t.name = "<img src=x onerror=alert(1)>".into();
        t.tagline = "\"><script>alert(2)</script>".into();
        t.vendor = "a & b".into();
        t.slug = "x\" onclick=\"alert(3)".into();
        let mut s = String::new();
        let verdict = Tally::of(&t).verdict();
        Line::new(&t, verdict, "/tool/\"x".into(), "1 <b>".into(), Some(false)).push_html(&mut s);
        for bad in ["<img", "<script", "onclick=\"", "<b>", "href=\"/tool/\"x"] {
            assert!(!s.contains(bad), "{bad} in {s}");
        }
        assert!(s.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(s.contains("a &amp; b"));
    }

    #[test]
    fn changes_name_what_differs() {
        let a = line("mistral-3b", Some(false));
        assert_eq!(a.changes(&a), []);
        assert_eq!(
            a.changes(&line("mistral-3b", Some(true))),
            [Part::Bookmarked]
        );
        let other = line("openrouter-model-fusion", Some(false));
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
}
