//! `/compare/{a}-vs-{b}[-vs-…]`: the comparison page of the seeds, for any 2–4 tools.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::catalog_gate::{WithCatalog, WithTools};
use crate::app::components::controls::ComparePicker;
use crate::app::components::copy::CopyField;
use crate::app::components::score_chart::ScoreChart;
use crate::app::components::shell::PageAside;
use crate::app::components::take_cell::TakeCell;
use crate::app::components::tool_card::{CommunityLine, ToolCard};
use crate::app::components::weights_panel::{weights_in_effect, WeightsNotice, WeightsPanel};
use crate::app::head::use_head;
use crate::app::pages::not_found::UnknownTools;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::catalog::model::{Catalog, Persona, Tool};
use crate::domain::explore::routes::{compare_path, reviewer_path, MAX_COMPARE};
use crate::domain::panel::verdict::{average_score, Tally};
use crate::domain::publish::summary::{compare_head, heading, lede, percent_text};

/// The comparison page.
#[component]
pub fn ComparePage(
    /// Tool slugs in URL order.
    slugs: Vec<String>,
) -> impl IntoView {
    view! { <WithCatalog render=move |c| compare_view(c, slugs.clone())/> }
}

fn compare_view(catalog: Arc<Catalog>, slugs: Vec<String>) -> AnyView {
    let found: Vec<Option<&Tool>> = slugs.iter().map(|s| catalog.tool(s)).collect();
    let mut distinct = slugs.clone();
    distinct.sort();
    distinct.dedup();
    if found.iter().any(Option::is_none) || distinct.len() != slugs.len() {
        return view! { <UnknownTools catalog=catalog.clone() slugs=slugs/> }.into_any();
    }
    {
        let refs: Vec<&Tool> = found.into_iter().flatten().collect();
        let head = compare_head(&catalog.site, &refs);
        use_head(move || head.clone());
    }
    let c = catalog.clone();
    let s = slugs.clone();
    view! { <WithTools catalog slugs render=move |tools| compare_body(&c, &s, tools)/> }.into_any()
}

/// The comparison of `tools`, in full.
fn compare_body(catalog: &Arc<Catalog>, slugs: &[String], tools: Vec<Tool>) -> AnyView {
    let slugs = slugs.to_vec();
    let refs: Vec<&Tool> = tools.iter().collect();
    let title = heading(&refs);
    let lede_text = lede(&refs);
    let nav = use_nav();

    let cards = tools
        .iter()
        .map(|t| view! { <ToolCard tool=t.clone()/> })
        .collect_view();

    let decision = view! { <DecisionTable tools=tools.clone() personas=catalog.personas.clone()/> };

    let score_header = tools
        .iter()
        .map(|t| view! { <th scope="col">{t.name.clone()}</th> })
        .collect_view();
    let score_rows = catalog
        .personas
        .iter()
        .map(|p| {
            let cells = tools
                .iter()
                .map(|t| view! { <TakeCell take=t.take(&p.id).cloned()/> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row"><a href=nav.href(&reviewer_path(&p.id))>{p.name.clone()}</a></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();

    let pickers = (0..tools.len())
        .map(|i| {
            let label = format!("Swap {}", tools[i].name);
            view! { <ComparePicker catalog=catalog.clone() current=slugs.clone() position=Some(i) label=label/> }
        })
        .collect_view();
    let add = (tools.len() < MAX_COMPARE && catalog.tools.len() > tools.len()).then(|| {
        view! { <ComparePicker catalog=catalog.clone() current=slugs.clone() position=None label="Add a tool".to_string()/> }
    });
    // With three or four tools, each can be dropped (a link: the page is its URL).
    let removes = (tools.len() > 2).then(|| {
        tools
            .iter()
            .map(|t| {
                let rest: Vec<&String> = slugs.iter().filter(|s| **s != t.slug).collect();
                view! { <li><a href=nav.href(&compare_path(&rest))>"Remove "{t.name.clone()}</a></li> }
            })
            .collect_view()
    });
    let link = nav.absolute(&compare_path(&slugs));
    let names: Vec<(String, String)> = tools
        .iter()
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect();
    let pick = view! { <WhichWouldYouShip names/> };
    let mut reversed = slugs.clone();
    reversed.reverse();
    let swap_href = nav.href(&compare_path(&reversed));

    view! {
        <div class="page page--compare">
            <div class="page__main">
                <nav class="breadcrumb" aria-label="Breadcrumb">
                    <ol>
                        <li><a href=nav.href("/")>"Compare"</a></li>
                        <li aria-current="page"><span class="sep" aria-hidden="true">"/ "</span>{title.clone()}</li>
                    </ol>
                </nav>
                <p class="eyebrow">"AI tool comparison"</p>
                <h1>{title}</h1>
                <p class="lede">{lede_text}</p>
                <p class="print-only">"Every take in full: "{link.clone()}</p>
                <WeightsNotice personas=catalog.personas.clone()/>
                <div class=format!("cards cards--{}", tools.len())>{cards}</div>
                <div class="table-wrap">{decision}</div>
                <h2 id="scorecard">"Reviewer scorecard"</h2>
                <div class="table-wrap">
                    <table class="scorecard" aria-labelledby="scorecard">
                        <thead><tr><th scope="col">"Reviewer"</th>{score_header}</tr></thead>
                        <tbody>{score_rows}</tbody>
                    </table>
                </div>
                <ScoreChart personas=catalog.personas.clone() tools=tools.clone()/>
                {pick}
                <WeightsPanel personas=catalog.personas.clone()/>
                <section class="box compare-tools" aria-labelledby="compare-with">
                    <h2 id="compare-with">"Compare with…"</h2>
                    <div class="pickers">{pickers}{add}</div>
                    <ul class="compare-tools__links">
                        <li><a href=swap_href>"Swap the order"</a></li>
                        {removes}
                    </ul>
                    <CopyField text=link label="Link to this comparison" button="Copy link" multiline=false/>
                </section>
            </div>
            <PageAside catalog=catalog.clone()/>
        </div>
    }
    .into_any()
}

/// The decision table: each tool's verdict, ship %, average score, community, pricing,
/// best use and category, and the figures by the reader's weights when they have some.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component. The whole table: an island's element cannot stand
// between its rows, and the row by the reader's weights comes and goes.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn DecisionTable(
    /// The tools compared, in order.
    tools: Vec<Tool>,
    /// The catalog's panel, in order.
    personas: Vec<Persona>,
) -> impl IntoView {
    let header_cells = tools
        .iter()
        .map(|t| view! { <th scope="col">{t.name.clone()}</th> })
        .collect_view();
    let row = |label: &'static str, cells: Vec<AnyView>| {
        view! { <tr><th scope="row">{label}</th>{cells}</tr> }
    };
    let cells = |f: &dyn Fn(&Tool) -> AnyView| tools.iter().map(f).collect::<Vec<_>>();
    // With the reader's weights in effect: their ship % and score, and who leads by them.
    let ps = personas;
    let weighed = tools.clone();
    let weighted_row = move || {
        weights_in_effect(&ps).map(|w| {
            let figures: Vec<Option<u32>> = weighed.iter().map(|t| w.ship_percent(t)).collect();
            let best = figures.iter().max().copied().flatten();
            let alone = figures.iter().filter(|f| **f == best).count() == 1;
            let cells = weighed
                .iter()
                .zip(&figures)
                .map(|(t, f)| {
                    let leads = best.is_some() && alone && *f == best;
                    let avg = w
                        .average_score(t)
                        .map(|a| ", average ".to_string() + &a.to_string() + "/100")
                        .unwrap_or_default();
                    view! { <td class:leads=leads>{percent_text(*f)}" ship"{avg}{leads.then_some(" · leads")}</td> }
                })
                .collect_view();
            view! { <tr class="weighted"><th scope="row">"With your weights"</th>{cells}</tr> }
        })
    };
    view! {
        <table class="decision">
            <caption>"Decision"</caption>
            <thead><tr><td></td>{header_cells}</tr></thead>
            <tbody>
                {row("Panel verdict", cells(&|t| {
                    let tally = Tally::of(t);
                    view! { <td class=format!("verdict-cell verdict-cell--{}", tally.verdict().as_str())>{tally.verdict_line()}</td> }.into_any()
                }))}
                {row("Panel ship", cells(&|t| view! { <td>{percent_text(Tally::of(t).ship_percent())}</td> }.into_any()))}
                {weighted_row}
                {row("Average score", cells(&|t| view! { <td>{average_score(t).map(|a| a.to_string() + "/100").unwrap_or_else(|| "No scores".into())}</td> }.into_any()))}
                {row("Community", cells(&|t| view! { <td><CommunityLine slug=t.slug.clone() community=t.community.clone() panel=Tally::of(t).verdict()/></td> }.into_any()))}
                {row("Pricing", cells(&|t| view! { <td>{t.pricing.summary.clone()}</td> }.into_any()))}
                {row("Best for", cells(&|t| view! { <td>{t.tagline.clone()}</td> }.into_any()))}
                {row("Category", cells(&|t| view! { <td>{t.category.clone()}</td> }.into_any()))}
            </tbody>
        </table>
    }
}

/// "Which would you ship?": the reader's pick on this comparison, changeable and withdrawable.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component. Its buttons take a press before the reader's picks are
// read: the pick is saved against the stored record, and a prerendered page's islands
// do presses again once they are drawn (`app::islands::later`).
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn WhichWouldYouShip(
    /// The tools on the page, in order: slug and name (the pick is shared by every order
    /// of the same tools).
    names: Vec<(String, String)>,
) -> impl IntoView {
    let store = use_store();
    let slugs: Vec<String> = names.iter().map(|(s, _)| s.clone()).collect();
    let s = slugs.clone();
    let picked = Memo::new(move |_| store.pick(&s));
    let names_for_status = names.clone();
    let buttons = names
        .into_iter()
        .map(|(slug, name)| {
            let slugs = slugs.clone();
            let me = slug.clone();
            view! {
                <button
                    type="button"
                    class="toggle pick-button"
                    data-slug=slug.clone()
                    aria-pressed=move || (picked.get().as_deref() == Some(me.as_str())).to_string()
                    on:click=move |_| {
                        let again = picked.get_untracked().as_deref() == Some(slug.as_str());
                        store.set_pick(&slugs, if again { None } else { Some(slug.as_str()) })
                    }
                >
                    {name}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="box pick" aria-labelledby="pick-title">
            <h2 id="pick-title">"Which would you ship?"</h2>
            <div class="pick__buttons" role="group" aria-labelledby="pick-title">{buttons}</div>
            <p class="pick__state muted" aria-live="polite">
                {move || match picked.get() {
                    Some(slug) => {
                        let name = names_for_status.iter().find(|(s, _)| *s == slug).map(|(_, n)| n.clone()).unwrap_or(slug);
                        format!("Your pick: {name}. Saved in this browser; press it again to withdraw.")
                    }
                    None => "No pick yet.".to_string(),
                }}
            </p>
        </section>
    }
}
