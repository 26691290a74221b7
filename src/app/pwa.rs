//! Offline and updates: the connection state, the service worker (`sw/sw.js`, precaching
//! the whole build) and the "new version ready" handshake.
//!
//! The worker is registered in release builds only: under `trunk serve` it would keep
//! answering with a stale build while the code changes.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::worker::container;

/// Connection and update state, provided once by `App`.
#[derive(Clone, Copy)]
pub struct Pwa {
    /// `navigator.onLine`, followed through the `online`/`offline` events.
    pub online: RwSignal<bool>,
    /// A new build is installed and waiting for the reader to reload into it.
    pub update_ready: RwSignal<bool>,
}

/// The context provided by [`Pwa::provide`]; in the islands of a prerendered page, the
/// page's one state.
pub fn use_pwa() -> Pwa {
    use_context::<Pwa>().unwrap_or_else(crate::app::islands::pwa)
}

impl Pwa {
    /// The live state, its listeners and the worker, for the app.
    pub fn provide() -> Pwa {
        let pwa = Pwa::provide_static();
        pwa.start();
        pwa
    }

    /// Online, with no update waiting: what a page rendered ahead of time
    /// (`app::render`) shows, and the islands of such a page until [`Pwa::start`].
    pub fn provide_static() -> Pwa {
        let pwa = Pwa::unstarted();
        provide_context(pwa);
        pwa
    }

    /// Online, with no update waiting, and not provided.
    pub fn unstarted() -> Pwa {
        Pwa {
            online: RwSignal::new(true),
            update_ready: RwSignal::new(false),
        }
    }

    /// Follows the connection, registers the worker and looks for new builds.
    pub fn start(self) {
        let Pwa {
            online,
            update_ready,
        } = self;
        online.set(window().navigator().on_line());
        let on = window_event_listener(ev::online, move |_| {
            online.set(true);
            // Back online: look for a newer build at once.
            check_for_update();
        });
        let off = window_event_listener(ev::offline, move |_| online.set(false));
        on_cleanup(move || {
            on.remove();
            off.remove();
        });
        if !cfg!(debug_assertions) {
            wasm_bindgen_futures::spawn_local(crate::app::worker::register(move || {
                update_ready.set(true)
            }));
            // In-app navigation never reloads the page, so a tab kept open for days would
            // never look for a new build on its own.
            set_interval(check_for_update, std::time::Duration::from_secs(60 * 60));
        }
    }

    /// Lets the waiting build take over, then reloads into it once it controls the page.
    pub fn apply_update(&self) {
        let Some(sw) = container() else { return };
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            let _ = location().reload();
        });
        // Listened to only now: the first visit's `clients.claim()` fires it too.
        sw.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        with_registration(&sw, |reg| async move {
            match reg.waiting() {
                Some(waiting) => {
                    let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
                }
                // Already active elsewhere (another tab accepted it): just reload.
                None => {
                    let _ = location().reload();
                }
            }
        });
    }
}

/// The build id stamped into index.html by `catalog site` ("dev" in dev builds).
pub fn build_id() -> Option<String> {
    // Ahead of time there is no build yet (its id hashes the pages themselves): "dev",
    // which `catalog site` stamps with the id, as it does the page's meta.
    if !cfg!(target_arch = "wasm32") {
        return Some("dev".into());
    }
    document()
        .query_selector("meta[name='ship-or-skip-build']")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// Asks the browser to fetch `sw.js` again and compare it with the running one.
fn check_for_update() {
    let Some(sw) = container() else { return };
    with_registration(&sw, |reg| async move {
        if let Ok(p) = reg.update() {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        }
    });
}

/// Runs `f` with this page's registration, when there is one.
fn with_registration<F, Fut>(sw: &web_sys::ServiceWorkerContainer, f: F)
where
    F: FnOnce(web_sys::ServiceWorkerRegistration) -> Fut + 'static,
    Fut: std::future::Future<Output = ()> + 'static,
{
    let ready = sw.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(ready).await {
            if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                f(reg).await;
            }
        }
    });
}
