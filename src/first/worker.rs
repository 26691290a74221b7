//! The service worker, registered from the first view as the app registers it
//! (`app::pwa`): the offline copy is made on the first visit even when the reader never
//! leaves home. A new version waiting is the app's to announce: it hands over.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::handover::hand_over_now;

fn container() -> Option<ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| nav.service_worker())
}

fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Registers `sw.js` (release builds only: under `trunk serve` it would answer with a
/// stale build) and hands over when a new build has installed under an older one.
pub async fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(sw) = container() else { return };
    // Relative to the document's base URL, so the scope is the site's base path.
    let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.register("sw.js")).await else {
        return;
    };
    let reg: ServiceWorkerRegistration = reg.unchecked_into();
    if reg.waiting().is_some() && controlled() {
        return hand_over_now();
    }
    let found = reg.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                hand_over_now();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}
