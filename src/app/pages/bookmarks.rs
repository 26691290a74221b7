//! `/bookmarks`: every bookmark, newest first, each removable; export and import.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::data::use_catalog;
use crate::app::head::use_head;
use crate::app::router::use_nav;
use crate::app::store::use_store;
use crate::domain::explore::routes::tool_path;
use crate::domain::reader::store::{parse_import, plan_import, sorted_newest_first, ImportPlan};

/// Offers `text` as a file download.
fn download(name: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}

/// The bookmarks page.
#[component]
pub fn BookmarksPage() -> impl IntoView {
    let nav = use_nav();
    let store = use_store();
    let catalog = use_catalog();
    use_head(|| {
        (
            "Bookmarks · Ship or Skip".into(),
            "Your bookmarked AI tools, saved in this browser.".into(),
        )
    });
    let plan = RwSignal::new(None::<ImportPlan>);
    let import_error = RwSignal::new(None::<String>);
    let imported = RwSignal::new(false);

    let list = move || {
        if !store.known.get() {
            return view! { <p class="muted">"Loading bookmarks…"</p> }.into_any();
        }
        let items = sorted_newest_first(&store.bookmarks.get());
        if items.is_empty() {
            return view! {
                <p class="empty"><strong>"No bookmarks yet"</strong>" — bookmark tools to save them for later."</p>
            }
            .into_any();
        }
        let cat = catalog.ready();
        let rows = items
            .into_iter()
            .map(|b| {
                let tool = cat.as_ref().and_then(|c| c.tool(&b.slug).cloned());
                let slug = b.slug.clone();
                let name = tool.as_ref().map(|t| t.name.clone()).unwrap_or_else(|| b.slug.clone());
                let label = format!("Remove {name} from bookmarks");
                let added = b.added.get(..10).unwrap_or("").to_string();
                view! {
                    <li class="row" data-slug=b.slug.clone()>
                        <div class="row__main">
                            {match &tool {
                                Some(t) => view! { <a class="row__name" href=nav.href(&tool_path(&t.slug))>{t.name.clone()}</a> }.into_any(),
                                None => view! { <span class="row__name">{b.slug.clone()}</span><span class="muted">" (no longer in the catalog)"</span> }.into_any(),
                            }}
                            {(!added.is_empty()).then(|| view! { <span class="row__meta">"Added "{added}</span> })}
                        </div>
                        <button type="button" class="button button--quiet" aria-label=label on:click=move |_| store.toggle_bookmark(&slug)>
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="rows">{rows}</ul> }.into_any()
    };

    let on_file = move |ev: leptos::ev::Event| {
        imported.set(false);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if file.size() > crate::domain::reader::store::MAX_IMPORT_BYTES as f64 {
            plan.set(None);
            import_error.set(Some(
                "This file is larger than 1 MB, too large to be a Ship or Skip export.".into(),
            ));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string());
            let Some(text) = text else {
                import_error.set(Some("The file could not be read.".into()));
                return;
            };
            match parse_import(&text) {
                Ok(export) => {
                    import_error.set(None);
                    let p = plan_import(
                        &store.bookmarks.get_untracked(),
                        &store.votes.get_untracked(),
                        &export,
                    );
                    plan.set(Some(p));
                }
                Err(e) => {
                    plan.set(None);
                    import_error.set(Some(format!("This file cannot be imported: {e}.")));
                }
            }
        });
    };

    let preview = move || {
        plan.get().map(|p| {
            if p.is_empty() {
                return view! { <p class="notice" role="status">"Nothing to import: you already have everything in this file."</p> }.into_any();
            }
            let summary = format!(
                "This import adds {} bookmark(s), {} vote(s) and {} comparison pick(s), and replaces {} older vote(s) with newer ones. Nothing you have is removed.",
                p.new_bookmarks.len(),
                p.new_votes.len(),
                p.picks.len(),
                p.changed_votes.len()
            );
            let names = p.new_bookmarks.iter().map(|b| view! { <li>{b.slug.clone()}</li> }).collect_view();
            view! {
                <div class="notice import-preview" role="status">
                    <p>{summary}</p>
                    <ul>{names}</ul>
                    <button type="button" class="button" on:click=move |_| {
                        if let Some(p) = plan.get_untracked() { store.apply_import(&p); }
                        plan.set(None);
                        imported.set(true);
                    }>"Import"</button>
                    <button type="button" class="button button--quiet" on:click=move |_| plan.set(None)>"Cancel"</button>
                </div>
            }
            .into_any()
        })
    };

    view! {
        <div class="page page--bookmarks">
            <div class="page__main">
                <h1>"Bookmarks"</h1>
                <p class="lede">"Saved in this browser only. Export them to keep a copy or move them to another device."</p>
                {list}
                <section class="box" aria-labelledby="backup">
                    <h2 id="backup">"Export and import"</h2>
                    <p>
                        <button type="button" class="button" on:click=move |_| {
                            if download("ship-or-skip-data.json", &store.export_json()).is_none() {
                                import_error.set(Some("Your browser refused the download.".into()));
                            }
                        }>"Export bookmarks and votes"</button>
                    </p>
                    <p>
                        <label for="import-file">"Import a file exported from Ship or Skip"</label>
                        <input id="import-file" type="file" accept="application/json,.json" on:change=on_file/>
                    </p>
                    {move || import_error.get().map(|e| view! { <p class="notice notice--error" role="alert">{e}</p> })}
                    {preview}
                    {move || imported.get().then(|| view! { <p class="notice" role="status">"Imported."</p> })}
                </section>
            </div>
        </div>
    }
}
