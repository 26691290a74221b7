//! `/reviewer/{persona}`: who the persona is and their verdicts across tools,
//! filterable by `?category=`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use leptos::prelude::*;

use crate::app::components::catalog_gate::WithCatalog;
use crate::app::components::take_cell::TakeCell;
use crate::app::components::weights_panel::WeightsNotice;
use crate::app::head::use_head;
use crate::app::pages::not_found::NotFound;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::catalog::model::{Call, Catalog, Persona, Take};
use crate::domain::catalog::typing::schema;
use crate::domain::explore::browse::categories;
use crate::domain::explore::routes::{encode_query, query_pairs, tool_path};
use crate::domain::panel::weights::Weights;
use crate::domain::publish::summary::reviewer_head;

/// How many rows are drawn at first; "Show more" adds as many again.
const PAGE: usize = 50;

/// "5 tools, 4 shipped".
pub fn counts_line(tools: usize, shipped: usize) -> String {
    let mut s = tools.to_string();
    s.push_str(if tools == 1 { " tool, " } else { " tools, " });
    s.push_str(&shipped.to_string());
    s.push_str(" shipped");
    s
}

/// The reviewer page.
#[component]
pub fn ReviewerPage(
    /// Persona id from the URL.
    persona: String,
) -> impl IntoView {
    view! { <WithCatalog render=move |c| reviewer_view(c, &persona)/> }
}

fn reviewer_view(catalog: Arc<Catalog>, id: &str) -> AnyView {
    let Some(persona) = catalog.personas.iter().find(|p| p.id == id).cloned() else {
        return view! { <NotFound/> }.into_any();
    };
    let nav = use_nav();
    {
        let head = reviewer_head(&catalog.site, &persona);
        use_head(move || head.clone());
    }
    let pid = persona.id.clone();
    // This reviewer's take on each tool, in catalog order.
    let rows: Vec<ReviewRow> = catalog
        .tools
        .iter()
        .filter_map(|t| {
            t.take(&pid).map(|take| ReviewRow {
                slug: t.slug.clone(),
                name: t.name.clone(),
                category: t.category.clone(),
                take: take.clone(),
            })
        })
        .collect();
    let categories: Vec<String> = categories(&catalog)
        .into_iter()
        .map(str::to_string)
        .collect();
    let split = catalog.split.is_some();
    view! {
        <div class="page page--reviewer">
            <div class="page__main">
                <nav class="breadcrumb" aria-label="Breadcrumb">
                    <ol>
                        <li><a href=nav.href("/")>"Reviewers"</a></li>
                        <li aria-current="page"><span class="sep" aria-hidden="true">"/ "</span>{persona.name.clone()}</li>
                    </ol>
                </nav>
                <h1>{persona.name.clone()}</h1>
                <p class="lede">{persona.motto.clone()}</p>
                <p><strong>"Looks for: "</strong>{persona.looks_for.clone()}</p>
                <TrustButton personas=catalog.personas.clone() persona=persona.id.clone()/>
                <WeightsNotice personas=catalog.personas.clone()/>
                <ReviewerList rows categories split/>
            </div>
        </div>
    }
    .into_any()
}

schema! {
    /// One row of a reviewer's list: a tool and this reviewer's take on it.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ReviewRow {
        pub slug: String,
        pub name: String,
        pub category: String,
        pub take: Take,
    }
}

/// "Trust only …": weights that rank everything by this reviewer alone.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn TrustButton(
    /// The catalog's panel, in order.
    personas: Vec<Persona>,
    /// The reviewer's id.
    persona: String,
) -> impl IntoView {
    let store = use_store();
    let only = Weights::only(&personas, &persona);
    let name = personas
        .iter()
        .find(|p| p.id == persona)
        .map(|p| p.name.clone())
        .unwrap_or(persona);
    view! {
        <p>
            <button type="button" class="button trust-button" on:click=move |_| store.set_weights(only.clone())>
                "Trust only "{name}
            </button>
            " Rankings by ship % and score then follow this reviewer alone."
        </p>
    }
}

/// The reviewer's takes, filtered by `?category=`: 50 rows, then "Show more".
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn ReviewerList(
    /// The reviewer's take on each tool, in catalog order.
    rows: Vec<ReviewRow>,
    /// The catalog's categories, sorted.
    categories: Vec<String>,
    /// Whether the catalog is split (its lists carry no take texts).
    split: bool,
) -> impl IntoView {
    let nav = use_nav();
    let category = Memo::new(move |_| {
        query_pairs(&nav.query())
            .into_iter()
            .find(|(k, _)| k == "category")
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
    });
    let options = categories
        .into_iter()
        .map(|c| {
            let (value, v2) = (c.clone(), c.clone());
            view! { <option value=value selected=move || category.get().as_deref() == Some(v2.as_str())>{c}</option> }
        })
        .collect_view();
    // Bounded DOM whatever the catalog's size: 50 rows, then "Show more".
    let limit = RwSignal::new(PAGE);
    let list = move || {
        let wanted = category.get();
        let rows: Vec<&ReviewRow> = rows
            .iter()
            .filter(|r| wanted.as_deref().is_none_or(|c| r.category == c))
            .collect();
        let shipped = rows.iter().filter(|r| r.take.verdict == Call::Ship).count();
        let counts = counts_line(rows.len(), shipped);
        let more = rows.len().saturating_sub(limit.get());
        let body = rows
            .into_iter()
            .take(limit.get())
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row"><a href=nav.href(&tool_path(&r.slug))>{r.name.clone()}</a></th>
                        <TakeCell take=Some(r.take.clone())/>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p class="count" aria-live="polite">{counts}</p>
            <div class="table-wrap">
                <table class="scorecard">
                    <caption class="visually-hidden">"Verdicts"</caption>
                    <thead><tr><th scope="col">"Tool"</th><th scope="col">"Score, verdict and take"</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {(more > 0).then(|| view! {
                <button type="button" class="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                    "Show more ("{more}" left)"
                </button>
            })}
            {split.then(|| view! { <p class="muted">"Each take's full text is on the tool's page."</p> })}
        }
    };
    view! {
        <div class="filters">
            <label for="reviewer-category">"Category"</label>
            // Not restored by the browser on a reload: the address holds the category.
            <select
                id="reviewer-category"
                autocomplete="off"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    limit.set(PAGE);
                    nav.set_query(&encode_query([("category", v.as_str())]), true);
                }
            >
                <option value="" selected=move || category.get().is_none()>"All categories"</option>
                {options}
            </select>
        </div>
        {list}
    }
}
