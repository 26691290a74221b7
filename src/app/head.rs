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

/// "Page · Ship or Skip".
pub fn page_title(page: &str, site: &str) -> String {
    if page.is_empty() {
        return site.to_string();
    }
    let mut s = String::with_capacity(page.len() + site.len() + 3);
    s.push_str(page);
    s.push_str(" · ");
    s.push_str(site);
    s
}
