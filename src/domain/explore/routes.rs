//! Every route of the app and every href it builds, in one place (pure, no web-sys).
//!
//! Paths here are relative to the router base taken from `<base href>`: the same build
//! serves at `/` and under a GitHub Pages sub-path such as `/ship-or-skip/`.

use crate::domain::catalog::validate::is_slug;

/// Most tools a comparison can hold.
pub const MAX_COMPARE: usize = 4;

/// A parsed location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Tool(String),
    /// 2–4 slugs, in page order.
    Compare(Vec<String>),
    Reviewer(String),
    Bookmarks,
    NotFound,
}

impl Route {
    /// Parses a base-relative path such as `/compare/a-vs-b` (a trailing slash is fine).
    pub fn parse(path: &str) -> Route {
        let path = path.trim_end_matches('/');
        let mut parts = path.trim_start_matches('/').splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let rest = parts.next();
        match (head, rest) {
            ("", None) | ("index.html", None) => Route::Home,
            ("bookmarks", None) => Route::Bookmarks,
            ("tool", Some(s)) if is_slug(s) => Route::Tool(s.to_string()),
            ("reviewer", Some(s)) if is_slug(s) => Route::Reviewer(s.to_string()),
            ("compare", Some(s)) => {
                let slugs: Vec<String> = s.split("-vs-").map(str::to_string).collect();
                if (2..=MAX_COMPARE).contains(&slugs.len()) && slugs.iter().all(|s| is_slug(s)) {
                    Route::Compare(slugs)
                } else {
                    Route::NotFound
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The base-relative path of this route.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Bookmarks => "/bookmarks".into(),
            Route::Tool(s) => tool_path(s),
            Route::Reviewer(s) => reviewer_path(s),
            Route::Compare(slugs) => compare_path(slugs),
            Route::NotFound => "/404".into(),
        }
    }
}

pub fn tool_path(slug: &str) -> String {
    let mut s = String::from("/tool/");
    s.push_str(slug);
    s
}

pub fn reviewer_path(persona: &str) -> String {
    let mut s = String::from("/reviewer/");
    s.push_str(persona);
    s
}

pub fn compare_path<S: AsRef<str>>(slugs: &[S]) -> String {
    let mut s = String::from("/compare/");
    for (i, slug) in slugs.iter().enumerate() {
        if i > 0 {
            s.push_str("-vs-");
        }
        s.push_str(slug.as_ref());
    }
    s
}

/// The page's absolute URL: `site_url` (scheme and host) + `base` + route.
pub fn absolute(site_url: &str, base: &str, route: &str) -> String {
    format!(
        "{}{}{}",
        site_url.trim_end_matches('/'),
        base,
        route.trim_start_matches('/')
    )
}

/// Normalises a `<base href>` path to `/` or `/sub/path/`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".into()
    } else {
        let mut s = String::with_capacity(trimmed.len() + 2);
        s.push('/');
        s.push_str(trimmed);
        s.push('/');
        s
    }
}

/// Prefixes a base-relative path (which may carry `?query`) with the base.
pub fn with_base(base: &str, path: &str) -> String {
    let mut s = base.trim_end_matches('/').to_string();
    if !path.starts_with('/') {
        s.push('/');
    }
    s.push_str(path);
    s
}

/// The base-relative path of a location pathname, or `None` when outside the base.
pub fn strip_base<'a>(base: &str, pathname: &'a str) -> Option<&'a str> {
    let b = base.trim_end_matches('/');
    if b.is_empty() {
        return Some(pathname);
    }
    match pathname.strip_prefix(b) {
        Some("") => Some("/"),
        Some(rest) if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// Appends a query string (already encoded, without `?`) when non-empty.
pub fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        let mut s = String::with_capacity(path.len() + query.len() + 1);
        s.push_str(path);
        s.push('?');
        s.push_str(query);
        s
    }
}

/// Decodes `key=value&…` pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Encodes pairs, skipping empty values.
pub fn encode_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            ser.append_pair(k, v);
        }
    }
    ser.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/bookmarks/"), Route::Bookmarks);
        assert_eq!(
            Route::parse("/tool/mistral-3b"),
            Route::Tool("mistral-3b".into())
        );
        assert_eq!(
            Route::parse("/reviewer/skeptic"),
            Route::Reviewer("skeptic".into())
        );
        assert_eq!(
            Route::parse("/compare/mistral-3b-vs-openrouter-model-fusion"),
            Route::Compare(vec!["mistral-3b".into(), "openrouter-model-fusion".into()])
        );
        assert_eq!(
            Route::parse("/compare/a-vs-b-vs-c-vs-d"),
            Route::Compare(vec!["a".into(), "b".into(), "c".into(), "d".into()])
        );
        for bad in [
            "/compare/a",
            "/compare/a-vs-b-vs-c-vs-d-vs-e",
            "/compare/a-vs-",
            "/tool/",
            "/tool/A",
            "/tool/a/b",
            "/nope",
            "/tool/<script>",
        ] {
            assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
        }
    }

    #[test]
    fn paths_round_trip() {
        for r in [
            Route::Home,
            Route::Bookmarks,
            Route::Tool("x-1".into()),
            Route::Reviewer("founder".into()),
            Route::Compare(vec!["a".into(), "b".into(), "c".into()]),
        ] {
            assert_eq!(Route::parse(&r.path()), r);
        }
    }

    #[test]
    fn base_handling() {
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("/ship-or-skip"), "/ship-or-skip/");
        assert_eq!(with_base("/", "/tool/x"), "/tool/x");
        assert_eq!(
            with_base("/ship-or-skip/", "/tool/x"),
            "/ship-or-skip/tool/x"
        );
        assert_eq!(strip_base("/ship-or-skip/", "/ship-or-skip"), Some("/"));
        assert_eq!(
            strip_base("/ship-or-skip/", "/ship-or-skip/tool/x"),
            Some("/tool/x")
        );
        assert_eq!(strip_base("/ship-or-skip/", "/other/tool/x"), None);
        assert_eq!(strip_base("/ship-or-skip/", "/ship-or-skipper"), None);
        assert_eq!(strip_base("/", "/tool/x"), Some("/tool/x"));
    }

    #[test]
    fn queries() {
        let q = encode_query([("q", "a b&c"), ("cat", ""), ("sort", "name")]);
        assert_eq!(q, "q=a+b%26c&sort=name");
        assert_eq!(
            query_pairs(&format!("?{q}")),
            vec![
                ("q".to_string(), "a b&c".to_string()),
                ("sort".to_string(), "name".to_string())
            ]
        );
        assert_eq!(with_query("/", ""), "/");
        assert_eq!(with_query("/", "q=x"), "/?q=x");
    }
}
