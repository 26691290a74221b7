//! The home list's lines, drawn into their `<ul>` by hand: a line already on screen
//! keeps its elements and gets only the parts that changed ([`Line::changes`]); lines
//! beyond those are added as HTML ([`Line::push_html`], escaped) and the surplus removed.
//!
//! Why not a view per line: a keystroke at 10,000 tools hands most of the 50 lines
//! another tool, and the app is built with Leptos' `erase_components`, under which every
//! element of a view is boxed and built afresh, so redrawing views made a keystroke
//! 2–3× slower. This keeps a keystroke as cheap as a tachys diff of unerased views,
//! while the erasure saves 7 KB (gzip) of home's wasm and 31 KB of the pages chunk.

use web_sys::Element;

use crate::domain::explore::listing::{
    bookmark_label, entry_class, pressed, verdict_class, Line, Part,
};

/// Makes `ul` show `next`, given that it shows `drawn`; `drawn` becomes `next`.
pub fn draw(ul: &Element, drawn: &mut Vec<Line>, next: Vec<Line>) {
    let mut li = ul.first_element_child();
    for (old, new) in drawn.iter().zip(&next) {
        let Some(el) = li else {
            // Someone else emptied the list: start over.
            return redraw(ul, drawn, next);
        };
        let parts = old.changes(new);
        if !parts.is_empty() {
            update(&el, &parts, new);
        }
        li = el.next_element_sibling();
    }
    // Lines no longer shown.
    while let Some(el) = li {
        li = el.next_element_sibling();
        el.remove();
    }
    if next.len() > drawn.len() {
        let mut html = String::with_capacity((next.len() - drawn.len()) * 700);
        for line in &next[drawn.len()..] {
            line.push_html(&mut html);
        }
        let _ = ul.insert_adjacent_html("beforeend", &html);
    }
    *drawn = next;
}

fn redraw(ul: &Element, drawn: &mut Vec<Line>, next: Vec<Line>) {
    ul.set_inner_html("");
    drawn.clear();
    draw(ul, drawn, next);
}

/// The `n`th element child of `el` (the line's structure is `Line::push_html`'s).
fn child(el: &Element, n: usize) -> Option<Element> {
    let mut c = el.first_element_child();
    for _ in 0..n {
        c = c?.next_element_sibling();
    }
    c
}

/// Sets the `parts` of a drawn line `li` to what `line` shows.
fn update(li: &Element, parts: &[Part], line: &Line) {
    // The line's boxes, found once (`Line::push_html`'s structure): avatar, main (name,
    // tagline, meta), figures (verdict, percent, entry), toggle.
    let (avatar, main, figures, button) = (child(li, 0), child(li, 1), child(li, 2), child(li, 3));
    let inside = |el: &Option<Element>, n: usize| el.as_ref().and_then(|e| child(e, n));
    let (name, meta) = (inside(&main, 0), inside(&main, 2));
    let text = |el: &Option<Element>, s: &str| {
        if let Some(el) = el {
            el.set_text_content(Some(s));
        }
    };
    let attr = |el: &Option<Element>, name: &str, value: &str| {
        if let Some(el) = el {
            let _ = el.set_attribute(name, value);
        }
    };
    // A text node before an element child: the meta before `<time>`, a toggle's label
    // before its hidden name.
    let lead = |el: &Option<Element>, s: &str| {
        if let Some(node) = el.as_ref().and_then(|e| e.first_child()) {
            node.set_node_value(Some(s));
        }
    };
    for part in parts {
        match part {
            Part::Slug => {
                let _ = li.set_attribute("data-slug", &line.slug);
                attr(&button, "data-slug", &line.slug);
            }
            Part::Initial => text(&avatar, &line.initial),
            Part::Href => attr(&name, "href", &line.href),
            Part::Name => {
                text(&name, &line.name);
                text(&inside(&button, 0), &format!(" {}", line.name));
            }
            Part::Tagline => text(&inside(&main, 1), &line.tagline),
            Part::Meta => lead(&meta, &line.meta),
            Part::Reviewed => {
                let time = inside(&meta, 0);
                attr(&time, "datetime", &line.reviewed);
                text(&time, &line.reviewed);
            }
            Part::Verdict => {
                let badge = inside(&figures, 0);
                attr(&badge, "class", &verdict_class(line.verdict));
                text(&badge, line.verdict.label());
            }
            Part::Percent => text(&inside(&figures, 1), &line.percent),
            Part::Entry => {
                let tier = inside(&figures, 2);
                attr(&tier, "class", &entry_class(line.entry));
                text(&tier, line.entry.label());
            }
            Part::Bookmarked => {
                let on = line.bookmarked.unwrap_or(false);
                attr(&button, "aria-pressed", pressed(on));
                lead(&button, bookmark_label(on));
                if let Some(b) = &button {
                    let _ = b.toggle_attribute_with_force("disabled", line.bookmarked.is_none());
                }
            }
        }
    }
}
