//! `/tool/{slug}`: one tool's card, description, pricing, full panel, community,
//! alternatives, curated comparisons and "compare with…".

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::copy::CopyField;
use crate::app::components::score_chart::ScoreChart;
use crate::domain::publish::{changelog, opendata};

use crate::app::components::catalog_gate::{WithCatalog, WithTools};
use crate::app::components::controls::ComparePicker;
use crate::app::components::take_cell::TakeCell;
use crate::app::components::tool_card::ToolCard;
use crate::app::head::use_head;
use crate::app::pages::not_found::UnknownTools;
use crate::app::router::use_nav;
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::explore::routes::{compare_path, reviewer_path, tool_path};
use crate::domain::panel::verdict::{average_score, Tally};
use crate::domain::publish::summary::{heading, tool_head};

/// The tool page.
#[component]
pub fn ToolPage(
    /// Tool slug from the URL.
    slug: String,
) -> impl IntoView {
    view! { <WithCatalog render=move |c| tool_view(c, &slug)/> }
}

fn tool_view(catalog: Arc<Catalog>, slug: &str) -> AnyView {
    let Some(tool) = catalog.tool(slug) else {
        return view! { <UnknownTools catalog=catalog.clone() slugs=vec![slug.to_string()]/> }
            .into_any();
    };
    {
        let head = tool_head(&catalog.site, tool);
        use_head(move || head.clone());
    }
    let c = catalog.clone();
    view! { <WithTools catalog slugs=vec![slug.to_string()] render=move |mut t| tool_body(&c, t.remove(0))/> }
        .into_any()
}

/// The page of one tool, in full.
fn tool_body(catalog: &Arc<Catalog>, tool: Tool) -> AnyView {
    let nav = use_nav();
    let tally = Tally::of(&tool);
    let panel = catalog
        .personas
        .iter()
        .map(|p| {
            let cell = view! { <TakeCell take=tool.take(&p.id).cloned()/> };
            view! {
                <tr>
                    <th scope="row"><a href=nav.href(&reviewer_path(&p.id))>{p.name.clone()}</a></th>
                    {cell}
                </tr>
            }
        })
        .collect_view();
    let alternatives = tool
        .alternatives
        .iter()
        .map(|a| {
            match catalog
                .tools
                .iter()
                .find(|t| t.name.eq_ignore_ascii_case(a))
            {
                Some(t) => view! { <li><a href=nav.href(&tool_path(&t.slug))>{a.clone()}</a></li> }
                    .into_any(),
                None => view! { <li>{a.clone()}</li> }.into_any(),
            }
        })
        .collect_view();
    let curated = catalog
        .comparisons
        .iter()
        .filter(|c| c.tools.contains(&tool.slug))
        .map(|c| {
            let names: Vec<_> = c.tools.iter().filter_map(|s| catalog.tool(s)).collect();
            view! { <li><a href=nav.href(&compare_path(&c.tools))>{heading(&names)}</a></li> }
        })
        .collect::<Vec<_>>();
    let has_curated = !curated.is_empty();
    let homepage = tool.homepage.clone().map(|url| {
        view! { <p><a href=url rel="noopener noreferrer" target="_blank">"Official site"</a></p> }
    });
    // The verdict badge the build wrote for this tool, and the HTML to embed it elsewhere.
    let badge = {
        let page_url = nav.absolute(&tool_path(&tool.slug));
        let badge = "/".to_string() + &opendata::badge_file(&tool.slug);
        let badge_path = nav.href(&badge);
        let snippet = opendata::embed_snippet(&tool, &page_url, &nav.absolute(&badge));
        view! {
            <section class="box badge" aria-labelledby="badge">
                <h2 id="badge">"Badge"</h2>
                <p><img src=badge_path alt=opendata::badge_alt(&tool) height="20"/></p>
                <p class="muted">"Show this tool's verdict on your site or README: paste this HTML."</p>
                <CopyField text=snippet label="HTML to embed the badge" button="Copy HTML" multiline=true/>
            </section>
        }
    };
    // The verdict changelog, newest first: the feed's change entries link here.
    let changes = changelog::newest_first(&tool)
        .into_iter()
        .map(|c| {
            view! {
                <li><time datetime=c.date.clone()>{c.date.clone()}</time>" — "{c.note.clone()}</li>
            }
        })
        .collect_view();
    let avg = average_score(&tool)
        .map(|a| a.to_string() + "/100")
        .unwrap_or_else(|| "no scores".into());
    view! {
        <div class="page page--tool">
            <div class="page__main">
                <nav class="breadcrumb" aria-label="Breadcrumb">
                    <ol>
                        <li><a href=nav.href("/")>"Tools"</a></li>
                        <li aria-current="page"><span class="sep" aria-hidden="true">"/ "</span>{tool.name.clone()}</li>
                    </ol>
                </nav>
                <ToolCard tool=tool.clone() level=1/>
                <section aria-labelledby="about">
                    <h2 id="about">"About"</h2>
                    <dl class="facts">
                        <dt>"Vendor"</dt><dd>{tool.vendor.clone()}</dd>
                        <dt>"Pricing"</dt><dd>{tool.pricing.summary.clone()}</dd>
                        <dt>"License"</dt><dd>{tool.license.clone()}</dd>
                        <dt>"Panel verdict"</dt><dd>{tally.verdict_line()}</dd>
                        <dt>"Average score"</dt><dd>{avg}</dd>
                        <dt>"Last reviewed"</dt><dd><time datetime=tool.last_reviewed.clone()>{tool.last_reviewed.clone()}</time></dd>
                    </dl>
                    {homepage}
                </section>
                <h2 id="panel">"The panel"</h2>
                <ScoreChart personas=catalog.personas.clone() tools=vec![tool.clone()]/>
                <div class="table-wrap">
                    <table class="scorecard" aria-labelledby="panel">
                        <thead><tr><th scope="col">"Reviewer"</th><th scope="col">"Take"</th></tr></thead>
                        <tbody>{panel}</tbody>
                    </table>
                </div>
                {(!tool.changes.is_empty()).then(|| view! {
                    <section aria-labelledby=changelog::ANCHOR>
                        <h2 id=changelog::ANCHOR>"Verdict changes"</h2>
                        <ol class="changes">{changes}</ol>
                    </section>
                })}
                <section aria-labelledby="alternatives">
                    <h2 id="alternatives">"Alternatives"</h2>
                    <ul class="alternatives">{alternatives}</ul>
                </section>
                {has_curated.then(|| view! {
                    <section aria-labelledby="curated">
                        <h2 id="curated">"Comparisons"</h2>
                        <ul>{curated}</ul>
                    </section>
                })}
                {badge}
                <section class="box" aria-labelledby="compare-with">
                    <h2 id="compare-with">"Compare with…"</h2>
                    <ComparePicker catalog=catalog.clone() current=vec![tool.slug.clone()] position=None label=format!("Compare {} with", tool.name)/>
                </section>
            </div>
        </div>
    }
    .into_any()
}
