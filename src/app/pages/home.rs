//! `/`: what the site is, latest comparisons, browse (search, facets, sort — all in the
//! query string), reviewers, the weekly box and the bookmarks panel.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::catalog_gate::WithCatalog;
use crate::app::components::rows::{draw, Row};
use crate::app::components::shell::PageAside;
use crate::app::components::tool_card::{toggle_row_bookmark, SplitBar};
use crate::app::components::weights_panel::{weights_in_effect, WeightsNotice, WeightsPanel};
use crate::app::head::use_head;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::catalog::model::{Catalog, Entry};
use crate::domain::explore::browse::{browse_from, categories, BrowseQuery, Found, Sort};
use crate::domain::explore::routes::{compare_path, reviewer_path, tool_path};
use crate::domain::explore::search::SearchIndex;
use crate::domain::home::{lines, result_count, PAGE};
use crate::domain::panel::disagreement::{most_divisive, DIVISIVE_SHOWN};
use crate::domain::panel::verdict::Verdict;
use crate::domain::publish::summary::{
    heading, home_head, ship_figures, DIVISIVE_NOTE, LATEST_SHOWN, NO_SPLIT,
};

/// A shared value compared by identity: a memo of it notifies whenever it is rebuilt,
/// without comparing 100,000 index entries.
#[derive(Clone)]
struct Shared<T>(Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    view! { <WithCatalog render=home_view/> }
}

fn home_view(catalog: Arc<Catalog>) -> AnyView {
    let nav = use_nav();
    provide_context(Browsed(catalog.clone()));
    {
        let head = home_head(&catalog.site);
        use_head(move || head.clone());
    }
    let latest = catalog
        .latest_comparisons()
        .into_iter()
        .take(LATEST_SHOWN)
        .map(|c| {
            let tools = catalog.tools_of(c);
            let figures = ship_figures(&tools);
            view! {
                <li>
                    <a href=nav.href(&compare_path(&c.tools))>{heading(&tools)}</a>
                    <span class="muted">" · panel ship "{figures}" · "<time datetime=c.published.clone()>{c.published.clone()}</time></span>
                    {c.summary.clone().map(|s| view! { <p>{s}</p> })}
                </li>
            }
        })
        .collect_view();

    // Where the panel is most divided: computed once per catalog.
    let divisive = most_divisive(&catalog, DIVISIVE_SHOWN);
    let divisive = if divisive.is_empty() {
        view! { <p class="muted">{NO_SPLIT}</p> }.into_any()
    } else {
        let items = divisive
            .into_iter()
            .map(|(t, split)| {
                view! {
                    <li>
                        <a href=nav.href(&tool_path(&t.slug))>{t.name.clone()}</a>
                        <SplitBar tally=split.tally/>
                        <span class="muted">{split.line()}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="divisive">{items}</ol> }.into_any()
    };

    let reviewers = catalog
        .personas
        .iter()
        .map(|p| view! { <li><a href=nav.href(&reviewer_path(&p.id))>{p.name.clone()}</a>" — "{p.motto.clone()}</li> })
        .collect_view();

    view! {
        <div class="page page--home">
            <div class="page__main">
                <h1>{catalog.site.title.clone()}</h1>
                <p class="lede">{catalog.site.tagline.clone()}</p>
                <section aria-labelledby="latest">
                    <h2 id="latest">"Latest comparisons"</h2>
                    <ul class="latest">{latest}</ul>
                </section>
                <section aria-labelledby="divisive">
                    <h2 id="divisive">"Most divisive"</h2>
                    <p class="muted">{DIVISIVE_NOTE}</p>
                    {divisive}
                </section>
                <section aria-labelledby="browse">
                    <h2 id="browse">"Browse the catalog"</h2>
                    <Browse/>
                </section>
                <section aria-labelledby="reviewers">
                    <h2 id="reviewers">"The panel"</h2>
                    <ul class="reviewers">{reviewers}</ul>
                </section>
            </div>
            <PageAside catalog=catalog.clone()/>
        </div>
    }
    .into_any()
}

/// The catalog home browses, for [`Browse`]: the page's, in the app and ahead of time; in
/// home's islands module, the one its chunk loads (`app::islands::later`).
#[derive(Clone)]
pub struct Browsed(pub Arc<Catalog>);

/// Browse the catalog: the search box, the facets and the sort (all in the query string),
/// the weights panel and notice, and the list of the tools found.
// An island (`app::islands`): marked in the prerendered home, drawn again there in place
// from the catalog its chunk loads; in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn Browse() -> impl IntoView {
    let Browsed(catalog) = expect_context::<Browsed>();
    let nav = use_nav();
    let store = use_store();
    let query = Memo::new(move |_| BrowseQuery::from_query(&nav.query()));
    let set = move |f: &dyn Fn(&mut BrowseQuery), push: bool| {
        let mut q = query.get_untracked();
        f(&mut q);
        nav.set_query(&q.to_query(), push);
    };
    let limit = RwSignal::new(PAGE);

    let select = move |id: &'static str,
                       label: &'static str,
                       any: &'static str,
                       opts: Vec<(String, String)>,
                       get: fn(&BrowseQuery) -> String,
                       put: fn(&mut BrowseQuery, &str)| {
        // This select's own value: a keystroke in the search box changes the query but
        // not it, so no option is looked at again.
        let current = Memo::new(move |_| query.with(get));
        let options = opts
            .into_iter()
            .map(|(value, text)| {
                let v = value.clone();
                view! { <option value=value selected=move || current.with(|c| *c == v)>{text}</option> }
            })
            .collect_view();
        view! {
            <div class="filter">
                <label for=id>{label}</label>
                <select id=id on:change=move |ev| { let v = event_target_value(&ev); set(&|q| put(q, &v), true) }>
                    {(!any.is_empty()).then(|| view! { <option value="" selected=move || current.with(String::is_empty)>{any}</option> })}
                    {options}
                </select>
            </div>
        }
    };
    let cats = categories(&catalog)
        .into_iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    let entries = Entry::ALL
        .iter()
        .map(|e| (e.as_str().to_string(), e.label().to_string()))
        .collect();
    let verdicts = Verdict::ALL
        .iter()
        .map(|v| (v.as_str().to_string(), v.label().to_string()))
        .collect();
    let sorts = Sort::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), s.label().to_string()))
        .collect();

    // Built once per catalog and set of weights: a keystroke then only matches and sorts.
    let personas = catalog.personas.clone();
    let weights = Memo::new(move |_| weights_in_effect(&personas));
    let cat = catalog.clone();
    // Other weights keep the words: only the figures and orders are new.
    let index = Memo::new(move |prev: Option<&Shared<SearchIndex>>| {
        let w = weights.get();
        Shared(Arc::new(match prev {
            Some(p) => p.0.reweighted(&cat, w.as_ref()),
            None => SearchIndex::weighted(&cat, w.as_ref()),
        }))
    });
    let cat = catalog.clone();
    let total = catalog.tools.len();
    // One search per query or page change; a keystroke that narrows the previous query
    // rescans only its matches (the memo hands over its previous answer).
    let found = Memo::new(move |prev: Option<&Found>| {
        index.with(|ix| browse_from(&cat, &ix.0, &query.get(), limit.get(), prev))
    });
    let count = move || {
        let matching = found.with(Found::total);
        result_count(matching, total, query.with(BrowseQuery::is_filtered))
    };
    // The empty state and "Show more" are always in the page, hidden when they say
    // nothing: a keystroke then changes an attribute and a word.
    let nothing = Memo::new(move |_| found.with(|f| f.shown.is_empty()));
    let typed = Memo::new(move |_| query.with(|q| q.q.trim().to_string()));
    let has_typed = Memo::new(move |_| typed.with(|q| !q.is_empty()));
    let empty = view! {
        <div class="empty" hidden=move || !nothing.get()>
            <p><strong>"No tools match."</strong>
            <span hidden=move || !has_typed.get()>" Nothing is called or described as “"<span class="empty__words">{move || typed.get()}</span>"”. Try a shorter word or check the spelling."</span>
            </p>
            <p><a href=nav.href("/")>"Clear search and filters"</a>" to see all "{total}" tools."</p>
        </div>
    };
    let more = move || found.with(|f| f.total() - f.shown.len());
    let cat = catalog.clone();
    // The lines of the found tools.
    let lines_now = move || {
        let weighted = weights.with(Option::is_some);
        // The figures come from the index the results were found in (weighted when the
        // reader has weights): a line tallies nothing again.
        let href = |path: &str| nav.href(path);
        // A toggle takes presses before the reader's bookmarks are known (the static
        // home): the islands press it again once drawn (`app::islands::later`).
        let on = |slug: &str| store.is_bookmarked(slug);
        index.with(|ix| found.with(|f| lines(&cat, &ix.0, f, weighted, &href, &on)))
    };
    // The list as the page opens: the static page's lines, and in the browser what the
    // first drawing then finds already there.
    let first = untrack(&lines_now);
    let rows = NodeRef::<leptos::html::Ul>::new();
    // What the list shows, kept with the list: `rows::draw` updates only what differs.
    let drawn = StoredValue::new_local(first.clone());
    let first = first
        .into_iter()
        .map(|line| view! { <Row line/> })
        .collect_view();
    Effect::new(move |_| {
        let next = lines_now();
        if let Some(ul) = rows.get() {
            drawn.update_value(|d| draw(&ul, d, next));
        }
    });
    // The search words are built after the first results are painted (a frame, then a
    // task), not before them: at 100,000 tools they are most of the index. A search
    // typed earlier builds them itself.
    let cat = catalog.clone();
    Effect::new(move |_| {
        let ix = index.get();
        if !ix.0.is_prepared() {
            let cat = cat.clone();
            request_animation_frame(move || {
                set_timeout(move || ix.0.prepare(&cat), std::time::Duration::ZERO)
            });
        }
    });
    let results = view! {
        // `elementtiming`: `make bench` reads when the first results were painted.
        {view! { <p class="count" role="status">{count}</p> }.attr("elementtiming", "results")}
        {empty}
        // The lines are kept by hand once drawn (`components::rows`), not as a view per
        // line.
        <ul class="rows" node_ref=rows on:click=move |ev| toggle_row_bookmark(&ev, store)>{first}</ul>
        <button type="button" class="button more" hidden=move || more() == 0 on:click=move |_| limit.update(|l| *l += PAGE)>
            // One box inside the button's flex box: the count stays in the sentence's line.
            <span>"Show more ("<span class="more__left">{more}</span>" left)"</span>
        </button>
    };

    view! {
        <form class="browse" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="filter filter--search">
                <label for="search">"Search"</label>
                <input
                    id="search"
                    type="search"
                    placeholder="Name, vendor, category…"
                    autocomplete="off"
                    prop:value=move || query.with(|q| q.q.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        limit.set(PAGE);
                        set(&|q| q.q = v.clone(), false)
                    }
                />
            </div>
            {select("f-category", "Category", "All categories", cats, |q| q.category.clone().unwrap_or_default(), |q, v| q.category = (!v.is_empty()).then(|| v.to_string()))}
            {select("f-entry", "Entry price", "Any price", entries, |q| q.entry.map(|e| e.as_str().to_string()).unwrap_or_default(), |q, v| q.entry = Entry::parse(v))}
            {select("f-verdict", "Panel verdict", "Any verdict", verdicts, |q| q.verdict.map(|e| e.as_str().to_string()).unwrap_or_default(), |q, v| q.verdict = Verdict::parse(v))}
            {select("f-sort", "Sort by", "", sorts, |q| q.sort.as_str().to_string(), |q, v| q.sort = Sort::parse(v).unwrap_or_default())}
        </form>
        <WeightsPanel personas=catalog.personas.clone()/>
        <WeightsNotice personas=catalog.personas.clone()/>
        {results}
    }
}
