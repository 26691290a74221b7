//! One persona's take as a scorecard cell, shared by the comparison, tool and reviewer pages.

use leptos::prelude::*;

use crate::app::components::score_line;
use crate::domain::catalog::model::Take;

/// "88/100 · ship" (or just "ship" without a score) and the take, or "No panel take".
#[component]
pub fn TakeCell(
    /// The take, or `None` where the persona gave none.
    take: Option<Take>,
) -> impl IntoView {
    match take {
        Some(take) => view! {
            <td class=format!("take take--{}", take.verdict.as_str())>
                <span class="take__score">{score_line(take.score, take.verdict)}</span>
                // A split catalog's lists carry no take texts (see `domain::catalog::split`).
                {(!take.text.is_empty()).then(|| view! { <p class="take__text">{take.text}</p> })}
            </td>
        }
        .into_any(),
        None => view! { <td class="take take--none">"No panel take"</td> }.into_any(),
    }
}
