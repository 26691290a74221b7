//! "Whose judgement do you trust?": the reader's persona weights, and the notice that
//! says when they are in effect.

use leptos::prelude::*;

use crate::app::store::use_store;
use crate::domain::catalog::model::Persona;
use crate::domain::home::{WEIGHTS_NOTE, WEIGHT_LABELS};
use crate::domain::panel::weights::{Weights, MAX_WEIGHT};

/// The reader's weights when they differ between personas (reactive); `None` = the panel's own.
pub fn weights_in_effect(personas: &[Persona]) -> Option<Weights> {
    let w = use_store().weights();
    (!w.is_equal(personas)).then_some(w)
}

/// One select per persona (×0 to ×3) and a reset; saved with the reader's settings.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn WeightsPanel(
    /// The catalog's panel, in order.
    personas: Vec<Persona>,
) -> impl IntoView {
    let store = use_store();
    let rows = personas
        .iter()
        .map(|p| {
            let id = format!("weight-{}", p.id);
            let pid = p.id.clone();
            let options = (0..=MAX_WEIGHT)
                .map(|w| {
                    let pid = pid.clone();
                    view! {
                        <option value=w.to_string() selected=move || store.weights().of(&pid) == w>
                            {WEIGHT_LABELS[w as usize]}
                        </option>
                    }
                })
                .collect_view();
            let set = move |ev: leptos::ev::Event| {
                let w = event_target_value(&ev).parse().unwrap_or(1);
                let mut all = store.weights();
                all.set(&pid, w);
                store.set_weights(all);
            };
            view! {
                <div class="weights__row">
                    <label for=id.clone()>{p.name.clone()}</label>
                    <select id=id disabled=move || !store.known.get() on:change=set>{options}</select>
                </div>
            }
        })
        .collect_view();
    let ps = personas.clone();
    let equal = move || store.weights().is_equal(&ps);
    view! {
        <details class="box weights">
            <summary>"Whose judgement do you trust?"</summary>
            <p class="muted">{WEIGHTS_NOTE}</p>
            <div class="weights__rows">{rows}</div>
            <button type="button" class="button" disabled=equal on:click=move |_| store.set_weights(Weights::default())>
                "Equal weights"
            </button>
        </details>
    }
}

/// Says, where rankings or leaders follow the reader's weights, that they do and which,
/// with a way back to the panel's own figures.
// An island (`app::islands`): marked in a prerendered page, drawn again there in place;
// in the browser, a component.
#[cfg_attr(not(target_arch = "wasm32"), island)]
#[cfg_attr(target_arch = "wasm32", component)]
pub fn WeightsNotice(
    /// The catalog's panel, in order.
    personas: Vec<Persona>,
) -> impl IntoView {
    let store = use_store();
    let summary = Memo::new(move |_| weights_in_effect(&personas).map(|w| w.summary(&personas)));
    // Always in the page, hidden with equal weights: its words change in place.
    view! {
        <p class="notice notice--weights" role="status" hidden=move || summary.with(Option::is_none)>
            <span>"Your weights are in effect: "<span class="notice__what">{move || summary.get().unwrap_or_default()}</span>"."</span>
            <button type="button" class="link-button" on:click=move |_| store.set_weights(Weights::default())>
                "Use equal weights"
            </button>
        </p>
    }
}
