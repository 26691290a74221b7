//! Document title and meta description per page.

use leptos::prelude::*;

/// Sets `<title>` and the meta description whenever the given strings change.
pub fn use_head(f: impl Fn() -> (String, String) + 'static) {
    Effect::new(move |_| {
        let (title, description) = f();
        let doc = document();
        doc.set_title(&title);
        if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &description);
        }
    });
}

pub use crate::domain::publish::summary::page_title;
