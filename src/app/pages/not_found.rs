//! Not-found views: an unknown path, and a comparison naming tools we do not have.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::head::use_head;
use crate::app::router::use_nav;
use crate::domain::catalog::model::Catalog;
use crate::domain::explore::browse::close_matches;
use crate::domain::explore::routes::{compare_path, tool_path};

/// A page that does not exist, with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let nav = use_nav();
    use_head(|| {
        (
            "Page not found · Ship or Skip".into(),
            "This page does not exist.".into(),
        )
    });
    view! {
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <p><a class="button" href=nav.href("/")>"Browse all tools"</a></p>
        </section>
    }
}

/// A comparison or tool page naming unknown tools: says which, and suggests close matches.
#[component]
pub fn UnknownTools(
    catalog: Arc<Catalog>,
    /// The slugs the URL asked for.
    slugs: Vec<String>,
) -> impl IntoView {
    let nav = use_nav();
    use_head(|| {
        (
            "Tool not found · Ship or Skip".into(),
            "We do not have this tool in the catalog.".into(),
        )
    });
    let is_compare = slugs.len() > 1;
    let mut seen = Vec::new();
    let items = slugs
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            if seen.contains(s) {
                return Some(
                    view! { <li>{format!("“{s}” is listed twice: compare different tools.")}</li> }
                        .into_any(),
                );
            }
            seen.push(s.clone());
            if catalog.tools.iter().any(|t| &t.slug == s) {
                return None;
            }
            let suggestions = close_matches(&catalog, s, 3)
                .into_iter()
                .filter(|t| !slugs.contains(&t.slug))
                .map(|t| {
                    let href = if is_compare {
                        let mut fixed = slugs.clone();
                        fixed[i] = t.slug.clone();
                        nav.href(&compare_path(&fixed))
                    } else {
                        nav.href(&tool_path(&t.slug))
                    };
                    view! { <li><a href=href>{t.name.clone()}</a></li> }
                })
                .collect::<Vec<_>>();
            let has = !suggestions.is_empty();
            Some(
                view! {
                    <li>
                        "We have no tool “" <code>{s.clone()}</code> "”."
                        {has.then_some(" Did you mean:")}
                        <ul class="suggestions">{suggestions}</ul>
                    </li>
                }
                .into_any(),
            )
        })
        .collect_view();
    view! {
        <section class="not-found">
            <h1>{if is_compare { "Comparison not found" } else { "Tool not found" }}</h1>
            <ul>{items}</ul>
            <p><a class="button" href=nav.href("/")>"Browse all tools"</a></p>
        </section>
    }
}
