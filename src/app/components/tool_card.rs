//! A tool's card as on the seed pages: avatar, category, name, tagline, verdict,
//! panel ship %, community, entry tier, description.

use leptos::prelude::*;

use crate::app::components::controls::{BookmarkButton, VoteButtons};
use crate::app::components::percent_text;
use crate::app::router::use_nav;
use crate::app::store::{use_store, Store};
use crate::domain::catalog::model::{Community, Tool};
use crate::domain::explore::listing::verdict_class;
use crate::domain::explore::routes::tool_path;
use crate::domain::panel::disagreement::{community_disagrees, Split, DISAGREE_FLAG};
use crate::domain::panel::verdict::{CommunityTotal, Tally, Verdict};

/// The community line for a tool, combining seeded counts and this browser's vote.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn CommunityLine(
    /// The tool's slug.
    slug: String,
    /// Its seeded community counts.
    community: Community,
    /// The panel's verdict on it.
    panel: Verdict,
) -> impl IntoView {
    let store = use_store();
    move || {
        let total = CommunityTotal::new(&community, store.vote(&slug));
        let as_of = total
            .as_of_note()
            .map(|note| view! { <span class="muted">{note}</span> });
        // Readers (this one included) reach the opposite verdict to the panel's.
        let flag = community_disagrees(panel, total.total())
            .then(|| view! { <span class="flag">{DISAGREE_FLAG}</span> });
        view! { <span class="community">{total.summary()}{as_of}{flag}</span> }
    }
}

/// The full card of one tool.
#[component]
pub fn ToolCard(
    /// The tool to show.
    tool: Tool,
    /// Heading level of the name (2 on comparison pages, 1 on the tool page).
    #[prop(default = 2)]
    level: u8,
    /// Show the description under the card's figures.
    #[prop(default = true)]
    description: bool,
) -> impl IntoView {
    let nav = use_nav();
    let tally = Tally::of(&tool);
    let verdict = tally.verdict();
    let href = nav.href(&tool_path(&tool.slug));
    let name = tool.name.clone();
    let split = Split::of(&tool);
    let title = if level == 1 {
        view! { <h1 class="card__name">{name.clone()}</h1> }.into_any()
    } else {
        view! { <h2 class="card__name"><a href=href>{name.clone()}</a></h2> }.into_any()
    };
    view! {
        <article class="card" data-slug=tool.slug.clone()>
            <div class="card__top">
                <span class="avatar" aria-hidden="true">{tool.initial()}</span>
                <span class="card__category">{tool.category.clone()}</span>
            </div>
            {title}
            <p class="card__tagline">{tool.tagline.clone()}</p>
            <dl class="card__figures">
                <div>
                    <dt class="visually-hidden">"Panel verdict"</dt>
                    <dd class=verdict_class(verdict)>{verdict.label()}</dd>
                </div>
                <div>
                    <dt>"Panel ship"</dt>
                    <dd class="figure">{percent_text(tally.ship_percent())}</dd>
                </div>
                <div>
                    <dt>"Community"</dt>
                    <dd class="figure figure--small"><CommunityLine slug=tool.slug.clone() community=tool.community.clone() panel=verdict/></dd>
                </div>
                <div>
                    <dt>"Entry"</dt>
                    <dd class=format!("figure entry entry--{}", tool.pricing.entry.as_str())>
                        {tool.pricing.entry.label()}
                    </dd>
                </div>
            </dl>
            <p class="card__reviewed muted">"Last reviewed "<time datetime=tool.last_reviewed.clone()>{tool.last_reviewed.clone()}</time></p>
            <p class="card__split">
                <SplitBar tally=split.tally/>
                <span>{split.card_line()}</span>
            </p>
            {(description && !tool.description.is_empty()).then(|| view! { <p class="card__description">{tool.description.clone()}</p> })}
            <div class="card__actions">
                <BookmarkButton slug=tool.slug.clone() name=name.clone()/>
                <VoteButtons slug=tool.slug.clone() name=name/>
            </div>
        </article>
    }
}

/// The panel's ship and skip takes as one bar (decorative: the text beside it says the same).
/// SVG attributes, not inline styles: the Content-Security-Policy allows no inline style.
#[component]
pub fn SplitBar(
    /// The panel's takes.
    tally: Tally,
) -> impl IntoView {
    tally.ship_percent().map(|ship| {
        view! {
            <svg class="split-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="split-bar__ship" width=ship.to_string() height="6"/>
                <rect class="split-bar__skip" x=ship.to_string() width=(100 - ship).to_string() height="6"/>
            </svg>
        }
    })
}
/// The list's one click handler for its lines' bookmark toggles: the lines are redrawn
/// on every keystroke, and one listener on the list costs nothing to keep.
pub fn toggle_row_bookmark(ev: &web_sys::MouseEvent, store: Store) {
    use wasm_bindgen::JsCast;
    let button = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(".bookmark-button").ok().flatten());
    if let Some(slug) = button.and_then(|b| b.get_attribute("data-slug")) {
        store.toggle_bookmark(&slug);
    }
}
