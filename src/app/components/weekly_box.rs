//! The weekly-verdicts box. No server: it points to the Atom feed and, when the catalog
//! names one, to an external newsletter signup.

use leptos::prelude::*;

use crate::app::data::use_catalog;
use crate::app::router::use_nav;

/// "Weekly AI tool verdicts": feed link and optional signup link.
#[component]
pub fn WeeklyBox() -> impl IntoView {
    let nav = use_nav();
    let catalog = use_catalog();
    let signup = move || {
        catalog
            .ready()
            .and_then(|c| c.site.newsletter_url.clone())
            .map(|url| {
                view! {
                    <a class="button" href=url rel="noopener noreferrer" target="_blank">
                        "Get it by email"
                    </a>
                }
            })
    };
    view! {
        <section class="box weekly" aria-labelledby="weekly-title">
            <h2 id="weekly-title">"Weekly AI tool verdicts"</h2>
            <p>"New tools land every week. Follow the comparisons before you spend an afternoon on the wrong one."</p>
            <p class="weekly__links">
                <a class="button" href=nav.href("/feed.xml") type="application/atom+xml">
                    "Subscribe to the feed"
                </a>
                {signup}
            </p>
        </section>
    }
}
