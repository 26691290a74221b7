//! The home list's lines: each drawn by [`Row`], the one markup of a line (at build time,
//! in the app and on home's islands), then kept in place by hand. A line already on
//! screen keeps its elements and gets only the parts that changed ([`Line::changes`]);
//! lines beyond those are clones of a drawn line with every part set ([`update`]), and
//! the surplus is removed.
//!
//! Why not a view per line: a keystroke at 10,000 tools hands most of the 50 lines
//! another tool, and the app is built with Leptos' `erase_components`, under which every
//! element of a view is boxed and built afresh, so redrawing views made a keystroke
//! 2–3× slower. This keeps a keystroke as cheap as a tachys diff of unerased views,
//! while the erasure saves 7 KB (gzip) of home's wasm and 31 KB of the pages chunk.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::domain::explore::listing::{
    bookmark_label, entry_class, pressed, verdict_class, Line, Part,
};

/// One line of the list: avatar, name, tagline, meta and date, verdict, figure, entry
/// tier, and the bookmark toggle (whose clicks the list handles, by `data-slug`).
/// [`update`] finds its parts by this structure.
#[component]
pub fn Row(
    /// What the line shows.
    line: Line,
) -> impl IntoView {
    let Line {
        slug,
        href,
        initial,
        name,
        tagline,
        meta,
        reviewed,
        verdict,
        percent,
        entry,
        bookmarked,
    } = line;
    let (toggle_slug, datetime) = (slug.clone(), reviewed.clone());
    view! {
        <li class="row" data-slug=slug>
            <span class="avatar avatar--small" aria-hidden="true">{initial}</span>
            <div class="row__main">
                <a class="row__name" href=href>{name.clone()}</a>
                <span class="row__tagline">{tagline}</span>
                <span class="row__meta">{meta}<time datetime=datetime>{reviewed}</time></span>
            </div>
            <div class="row__figures">
                <span class=verdict_class(verdict)>{verdict.label()}</span>
                <span class="row__percent">{percent}</span>
                <span class=entry_class(entry)>{entry.label()}</span>
            </div>
            <button type="button" class="toggle bookmark-button" data-slug=toggle_slug aria-pressed=pressed(bookmarked)>
                {bookmark_label(bookmarked)}
                <span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </li>
    }
}

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
    for line in next.iter().skip(drawn.len()) {
        add(ul, line);
    }
    *drawn = next;
}

/// Adds `line` at the end of `ul`: a clone of its last line with every part set, or
/// [`Row`]'s own drawing when `ul` has none.
fn add(ul: &Element, line: &Line) {
    let last = ul.last_element_child();
    let clone = last
        .and_then(|l| l.clone_node_with_deep(true).ok())
        .and_then(|c| c.dyn_into::<Element>().ok());
    match clone {
        Some(li) => {
            update(&li, &Part::ALL, line);
            let _ = ul.append_child(&li);
        }
        // A line has nothing reactive: its elements stay once mounted, and its view's
        // state is not kept.
        None => view! { <Row line=line.clone()/> }.build().mount(ul, None),
    }
}

fn redraw(ul: &Element, drawn: &mut Vec<Line>, next: Vec<Line>) {
    ul.set_inner_html("");
    drawn.clear();
    draw(ul, drawn, next);
}

/// The `n`th element child of `el` (the line's structure is [`Row`]'s).
fn child(el: &Element, n: usize) -> Option<Element> {
    let mut c = el.first_element_child();
    for _ in 0..n {
        c = c?.next_element_sibling();
    }
    c
}

/// Sets the `parts` of a drawn line `li` to what `line` shows.
fn update(li: &Element, parts: &[Part], line: &Line) {
    // The line's boxes, found once ([`Row`]'s structure): avatar, main (name, tagline,
    // meta), figures (verdict, percent, entry), toggle.
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
                attr(&button, "aria-pressed", pressed(line.bookmarked));
                lead(&button, bookmark_label(line.bookmarked));
            }
        }
    }
}
