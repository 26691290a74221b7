//! Persona scores as an inline SVG bar chart (no chart library): geometry from
//! `domain::panel::chart`, colours from CSS classes (the CSP allows no inline style).

use leptos::prelude::*;

use crate::domain::catalog::model::{Persona, Tool};
use crate::domain::panel::chart::{Chart, BAR_H, LABEL_W, SCALE_W};

/// One bar per tool for each persona; its accessible name lists every score, and the
/// page's table or takes give the same in full.
#[component]
pub fn ScoreChart(
    /// The panel, in order.
    personas: Vec<Persona>,
    /// The tools, in page order (up to four colours).
    tools: Vec<Tool>,
) -> impl IntoView {
    let refs: Vec<&Tool> = tools.iter().collect();
    let chart = Chart::new(&personas, &refs);
    let label = "Persona scores out of 100. ".to_string() + &chart.summary(&refs);
    let legend = (tools.len() > 1).then(|| {
        let items = tools
            .iter()
            .enumerate()
            .map(|(i, t)| {
                view! {
                    <li>
                        <svg class="chart__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                            <rect class=format!("chart__bar chart__bar--{i}") width="10" height="10"/>
                        </svg>
                        {t.name.clone()}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="chart__legend" aria-hidden="true">{items}</ul> }
    });
    let groups = chart
        .groups
        .iter()
        .map(|g| {
            let bars = g
                .bars
                .iter()
                .map(|b| {
                    let skip = b.call == Some(crate::domain::catalog::model::Call::Skip);
                    view! {
                        <rect
                            class=format!("chart__bar chart__bar--{}", b.tool)
                            class:chart__bar--skip=skip
                            x=LABEL_W.to_string()
                            y=b.y.to_string()
                            width=b.width.to_string()
                            height=BAR_H.to_string()
                        />
                        <text class="chart__value" x=(LABEL_W + b.width + 6).to_string() y=(b.y + BAR_H - 3).to_string()>
                            {b.value.clone()}
                        </text>
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text class="chart__label" x="0" y=g.label_y.to_string()>{g.persona.clone()}</text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            {legend}
            <svg
                class="chart__svg"
                role="img"
                aria-label=label
                viewBox=format!("0 0 {} {}", chart.width, chart.height)
                focusable="false"
            >
                <line class="chart__axis" x1=LABEL_W.to_string() x2=LABEL_W.to_string() y1="0" y2=chart.height.to_string()/>
                <line class="chart__axis chart__axis--max" x1=(LABEL_W + SCALE_W).to_string() x2=(LABEL_W + SCALE_W).to_string() y1="0" y2=chart.height.to_string()/>
                {groups}
            </svg>
            <figcaption class="muted">"Scores out of 100 (the dashed line is 100); a skip is drawn lighter. The same figures are in the table and takes on this page."</figcaption>
        </figure>
    }
}
