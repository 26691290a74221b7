//! The service worker's registration (`sw/sw.js`, precaching the whole build), shared by
//! the app and the islands (`pwa.rs`): the offline copy is made on the first visit even
//! when the reader never leaves the page they landed on.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The service worker container, where the browser has one (not on plain http origins
/// other than localhost, nor in some private modes).
pub fn container() -> Option<ServiceWorkerContainer> {
    let nav = web_sys::window()?.navigator();
    js_sys::Reflect::has(&nav, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| nav.service_worker())
}

fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Registers `sw.js` and calls `on_update` when a new build has installed while an older
/// one controls the page (an update, not the first install), now or later.
pub async fn register(on_update: impl Fn() + Clone + 'static) {
    let Some(sw) = container() else { return };
    // Relative to the document's base URL, so the scope is the site's base path.
    let Ok(reg) = wasm_bindgen_futures::JsFuture::from(sw.register("sw.js")).await else {
        // A failed registration only costs the offline copy; the page works as before.
        return;
    };
    let reg: ServiceWorkerRegistration = reg.unchecked_into();
    // A build that finished installing while no tab reloaded into it.
    if reg.waiting().is_some() && controlled() {
        on_update();
    }
    let found = reg.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = found.installing() else {
            return;
        };
        let (worker, on_update) = (installing.clone(), on_update.clone());
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                on_update();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
}
