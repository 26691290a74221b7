//! Parsing and validation of a catalog file, shared by the app and the `catalog` tool.
//!
//! Policy (see `docs/catalog.md`): problems with the file as a whole (syntax, schema
//! version, site, personas) make it unusable; a bad tool or comparison is skipped and
//! reported, so one broken entry never takes the site down.

use std::collections::HashSet;

use serde_json::Value;

use super::guard::{self, MAX_PERSONAS, MAX_SERVED_BYTES};
pub use super::guard::{CatalogError, Problem};
use super::model::{
    Catalog, Comparison, Persona, Site, SplitRef, Tool, MAX_COMPARED, MAX_SCORE, MIN_COMPARED,
    SCHEMA_VERSION,
};
use super::problem::clip;
use super::typing::typed;

/// A usable catalog plus the entries that were skipped, each with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub catalog: Catalog,
    pub skipped: Vec<Problem>,
}

/// The file's top level, with tools and comparisons kept raw so each is checked alone.
struct Raw {
    generated: String,
    site: Value,
    personas: Vec<Value>,
    /// Absent only in the head of a split catalog.
    tools: Option<Vec<Value>>,
    comparisons: Vec<Value>,
    split: Option<SplitRef>,
}

impl Raw {
    /// Takes the top level apart field by field: tools and comparisons stay raw, each is
    /// typed and checked alone.
    fn take(mut top: serde_json::Map<String, Value>) -> Result<Raw, Problem> {
        // An editor's pointer to the catalog's JSON Schema (`describe`): a string, ignored.
        if let Some(v) = top.remove("$schema") {
            typed::<String>("$schema", v)?;
        }
        if let Some(k) = top.keys().find(|k| !Catalog::FIELDS.contains(&k.as_str())) {
            let expected: Vec<String> = Catalog::FIELDS.iter().map(|f| format!("`{f}`")).collect();
            return Err(Problem::new(
                k.as_str(),
                format!(
                    "unknown field `{k}`, expected one of {}",
                    expected.join(", ")
                ),
            ));
        }
        let mut field = |name: &str| top.remove(name);
        let required = |name: &str, v: Option<Value>| {
            v.ok_or_else(|| Problem::new(name, format!("missing field `{name}`")))
        };
        Ok(Raw {
            generated: typed("generated", required("generated", field("generated"))?)?,
            site: required("site", field("site"))?,
            personas: typed("personas", required("personas", field("personas"))?)?,
            tools: field("tools").map_or(Ok(None), |v| typed("tools", v))?,
            comparisons: field("comparisons")
                .map_or(Ok(Vec::new()), |v| typed("comparisons", v))?,
            split: field("split").map_or(Ok(None), |v| typed("split", v))?,
        })
    }
}

/// What the app runs on a fetched `catalog.json`: [`load`], after refusing a file larger than [`MAX_SERVED_BYTES`] (parsing blocks the tab; the build
/// splits large catalogs).
pub fn load_served(text: &str) -> Result<Loaded, CatalogError> {
    if text.len() > MAX_SERVED_BYTES {
        return Err(CatalogError::TooLarge { bytes: text.len() });
    }
    load(text)
}

/// Reads a catalog the `catalog` tool has already checked whole (`catalog stamp`,
/// [`super::stamp`]): parsing and typing only, none of the checks of `docs/catalog.md`,
/// whose code stays out of home's wasm. `None` where the file does not read, which a
/// stamped file never does; the caller then checks it in full.
pub fn read_checked(text: &str) -> Option<Loaded> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(Value::Object(top)) = guard::parse(text) else {
        return None;
    };
    let raw = Raw::take(top).ok()?;
    // Typed as arrays: an item's path is only written for an error, which is dropped.
    let all = |items: Vec<Value>| Value::Array(items);
    Some(Loaded {
        catalog: Catalog {
            schema_version: SCHEMA_VERSION,
            generated: raw.generated,
            site: typed("site", raw.site).ok()?,
            personas: typed("personas", all(raw.personas)).ok()?,
            tools: typed("tools", all(raw.tools.unwrap_or_default())).ok()?,
            comparisons: typed("comparisons", all(raw.comparisons)).ok()?,
            split: raw.split,
        },
        skipped: Vec::new(),
    })
}

/// Parses and validates catalog text: what the `catalog` tool runs. A leading byte-order
/// mark is ignored, as browsers do; a key repeated in one object is an error
/// ([`guard::parse`]); a type error is located at its exact path ([`typed`]).
pub fn load(text: &str) -> Result<Loaded, CatalogError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CatalogError::Empty);
    }
    let value = guard::parse(text)?;
    let Value::Object(top) = value else {
        return Err(CatalogError::Invalid(vec![Problem::new(
            "$",
            "the catalog must be a JSON object",
        )]));
    };
    match top.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
        // `Number`'s `Display`: `Value::to_string` would link a JSON serializer (1 KB gzip).
        Some(Value::Number(n)) => {
            return Err(CatalogError::UnsupportedVersion {
                found: n.to_string(),
            })
        }
        Some(v) => {
            return Err(CatalogError::Invalid(vec![Problem::new(
                "schema_version",
                format!(
                    "`schema_version` must be the number {SCHEMA_VERSION}, not {}",
                    json_kind(v)
                ),
            )]))
        }
        None => {
            return Err(CatalogError::Invalid(vec![Problem::new(
                "schema_version",
                "missing field `schema_version`",
            )]))
        }
    }
    let raw = Raw::take(top).map_err(|p| CatalogError::Invalid(vec![p]))?;

    let mut fatal = Vec::new();
    if !is_iso_date(&raw.generated) {
        fatal.push(Problem::new("generated", date_message(&raw.generated)));
    }
    let site = typed::<Site>("site", raw.site)
        .map_err(|p| fatal.push(p))
        .ok();
    if let Some(site) = &site {
        fatal.extend(site_problems(site));
    }
    if raw.personas.len() > MAX_PERSONAS {
        fatal.push(Problem::new(
            "personas",
            format!(
                "{} personas; the panel has at most {MAX_PERSONAS}",
                raw.personas.len()
            ),
        ));
        return Err(CatalogError::Invalid(fatal));
    }
    let mut personas = Vec::with_capacity(raw.personas.len());
    let mut persona_ids = HashSet::new();
    for (i, v) in raw.personas.into_iter().enumerate() {
        let path = format!("personas[{i}]");
        match typed::<Persona>(&path, v) {
            Ok(p) => {
                let before = fatal.len();
                check_id(&mut fatal, &format!("{path}.id"), &p.id);
                for (field, s) in [
                    ("name", &p.name),
                    ("motto", &p.motto),
                    ("looks_for", &p.looks_for),
                ] {
                    non_empty(&mut fatal, &path, field, s);
                }
                guard::check_len(&mut fatal, &path, "name", &p.name, guard::NAME_CHARS);
                for (field, s) in [("motto", &p.motto), ("looks_for", &p.looks_for)] {
                    guard::check_len(&mut fatal, &path, field, s, guard::LINE_CHARS);
                }
                if !persona_ids.insert(p.id.clone()) {
                    fatal.push(Problem::new(
                        format!("{path}.id"),
                        format!("duplicate persona id \"{}\"", clip(&p.id, 60)),
                    ));
                }
                if fatal.len() == before {
                    personas.push(p);
                }
            }
            Err(p) => fatal.push(p),
        }
    }
    if !fatal.is_empty() {
        return Err(CatalogError::Invalid(fatal));
    }

    let raw_tools = match (raw.tools, &raw.split) {
        (Some(t), None) => t,
        (None, Some(_)) => Vec::new(),
        (None, None) => {
            return Err(CatalogError::Invalid(vec![Problem::new(
                "tools",
                "missing field `tools`",
            )]))
        }
        (Some(_), Some(_)) => {
            return Err(CatalogError::Invalid(vec![Problem::new(
                "split",
                "a split catalog's head lists no tools: they are in its index",
            )]))
        }
    };
    let mut skipped = Vec::new();
    let mut tools = Vec::with_capacity(raw_tools.len());
    let mut slugs = HashSet::with_capacity(raw_tools.len());
    for (i, v) in raw_tools.into_iter().enumerate() {
        let path = format!("tools[{i}]");
        match typed::<Tool>(&path, v) {
            Ok(t) => {
                let mut problems = tool_problems(&path, &t, &persona_ids);
                if problems.is_empty() && !slugs.insert(t.slug.clone()) {
                    problems.push(Problem::new(
                        format!("{path}.slug"),
                        format!("duplicate slug \"{}\"", t.slug),
                    ));
                }
                if problems.is_empty() {
                    tools.push(t);
                } else {
                    skipped.extend(problems);
                }
            }
            Err(p) => skipped.push(p),
        }
    }

    let mut comparisons = Vec::with_capacity(raw.comparisons.len());
    // Each group of tools is compared once: its page is /compare/a-vs-b in any order.
    let mut groups = std::collections::HashMap::new();
    for (i, v) in raw.comparisons.into_iter().enumerate() {
        let path = format!("comparisons[{i}]");
        match typed::<Comparison>(&path, v) {
            // A split head's comparisons are checked once its index is in (`split::attach_index`).
            Ok(c) if raw.split.is_some() => comparisons.push(c),
            Ok(c) => {
                let mut problems = comparison_problems(&path, &c, &slugs);
                if problems.is_empty() {
                    // The slugs sorted, as a pick's key: one sort of `&str`s in the wasm.
                    let group = super::model::pick_key(&c.tools);
                    if let Some(first) = groups.get(&group) {
                        problems.push(Problem::new(
                            format!("{path}.tools"),
                            format!("the same tools as comparisons[{first}]; a group of tools is compared once"),
                        ));
                    } else {
                        groups.insert(group, i);
                    }
                }
                if problems.is_empty() {
                    comparisons.push(c);
                } else {
                    skipped.extend(problems);
                }
            }
            Err(p) => skipped.push(p),
        }
    }

    Ok(Loaded {
        catalog: Catalog {
            schema_version: SCHEMA_VERSION,
            generated: raw.generated,
            site: site.expect("site checked above"),
            personas,
            tools,
            comparisons,
            split: raw.split,
        },
        skipped,
    })
}

/// "the string \"1\"", "null", "an array": what a value is, for a message.
fn json_kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string \"{}\"", clip(s, 40)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn site_problems(site: &Site) -> Vec<Problem> {
    let mut out = Vec::new();
    non_empty(&mut out, "site", "title", &site.title);
    guard::check_len(&mut out, "site", "title", &site.title, guard::NAME_CHARS);
    guard::check_len(
        &mut out,
        "site",
        "tagline",
        &site.tagline,
        guard::LINE_CHARS,
    );
    if let Some(url) = &site.newsletter_url {
        if !is_http_url(url) {
            out.push(Problem::new("site.newsletter_url", url_message(url)));
        }
        guard::check_len(&mut out, "site", "newsletter_url", url, guard::URL_CHARS);
    }
    out
}

/// The rules a split catalog's index row can break (it has no long texts).
pub(crate) fn summary_problems(path: &str, t: &Tool) -> Vec<Problem> {
    let mut out = Vec::new();
    check_id(&mut out, &format!("{path}.slug"), &t.slug);
    for (field, s) in [
        ("name", &t.name),
        ("vendor", &t.vendor),
        ("category", &t.category),
        ("tagline", &t.tagline),
    ] {
        non_empty(&mut out, path, field, s);
    }
    for (field, d) in [
        ("last_reviewed", &t.last_reviewed),
        ("community.as_of", &t.community.as_of),
    ] {
        if !is_iso_date(d) {
            out.push(Problem::new(format!("{path}.{field}"), date_message(d)));
        }
    }
    out
}

pub(crate) fn tool_problems(path: &str, t: &Tool, personas: &HashSet<String>) -> Vec<Problem> {
    if let Some(p) = guard::oversized_lists(path, t, personas.len()) {
        return vec![p];
    }
    let mut out = summary_problems(path, t);
    for (field, s) in [("description", &t.description), ("license", &t.license)] {
        non_empty(&mut out, path, field, s);
    }
    non_empty(
        &mut out,
        &format!("{path}.pricing"),
        "summary",
        &t.pricing.summary,
    );
    if let Some(url) = &t.homepage {
        if !is_http_url(url) {
            out.push(Problem::new(format!("{path}.homepage"), url_message(url)));
        }
    }
    for (i, a) in t.alternatives.iter().enumerate() {
        non_empty(&mut out, path, &format!("alternatives[{i}]"), a);
    }
    let mut seen = HashSet::new();
    for (i, take) in t.panel.iter().enumerate() {
        let tp = format!("{path}.panel[{i}]");
        if !personas.contains(&take.persona) {
            out.push(Problem::new(
                format!("{tp}.persona"),
                format!("unknown persona \"{}\"", clip(&take.persona, 60)),
            ));
        } else if !seen.insert(take.persona.as_str()) {
            out.push(Problem::new(
                format!("{tp}.persona"),
                format!("a second take by persona \"{}\"", take.persona),
            ));
        }
        if let Some(score) = take.score {
            if score > MAX_SCORE {
                out.push(Problem::new(
                    format!("{tp}.score"),
                    format!("score {score} is out of range 0–100"),
                ));
            }
        }
        non_empty(&mut out, &tp, "text", &take.text);
    }
    for (i, change) in t.changes.iter().enumerate() {
        let at = format!("{path}.changes[{i}]");
        if !is_iso_date(&change.date) {
            out.push(Problem::new(
                format!("{at}.date"),
                date_message(&change.date),
            ));
        }
        non_empty(&mut out, &at, "note", &change.note);
    }
    guard::tool_lengths(&mut out, path, t);
    out
}

pub(crate) fn comparison_problems(
    path: &str,
    c: &Comparison,
    slugs: &HashSet<String>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    if !(MIN_COMPARED..=MAX_COMPARED).contains(&c.tools.len()) {
        out.push(Problem::new(
            format!("{path}.tools"),
            format!("a comparison needs 2 to 4 tools, found {}", c.tools.len()),
        ));
        if c.tools.len() > MAX_COMPARED {
            return out;
        }
    }
    let mut seen = HashSet::new();
    for (i, s) in c.tools.iter().enumerate() {
        if !slugs.contains(s) {
            out.push(Problem::new(
                format!("{path}.tools[{i}]"),
                format!("unknown or skipped tool \"{}\"", clip(s, 60)),
            ));
        } else if !seen.insert(s) {
            out.push(Problem::new(
                format!("{path}.tools[{i}]"),
                format!("tool \"{s}\" is listed twice"),
            ));
        }
    }
    if let Some(summary) = &c.summary {
        guard::check_len(&mut out, path, "summary", summary, guard::LINE_CHARS);
    }
    if !is_iso_date(&c.published) {
        out.push(Problem::new(
            format!("{path}.published"),
            date_message(&c.published),
        ));
    }
    out
}

fn non_empty(out: &mut Vec<Problem>, path: &str, field: &str, s: &str) {
    if s.trim().is_empty() {
        out.push(Problem::new(
            format!("{path}.{field}"),
            format!("`{field}` must not be empty"),
        ));
    }
}

fn check_id(out: &mut Vec<Problem>, path: &str, id: &str) {
    if !is_slug(id) {
        out.push(Problem::new(
            path,
            format!(
                "\"{}\" is not a valid slug: use 1–80 of a-z, 0-9 and inner single hyphens, never \"-vs-\"",
                truncate(id, 60)
            ),
        ));
    }
}

fn date_message(s: &str) -> String {
    format!(
        "\"{}\" is not an ISO-8601 date (YYYY-MM-DD)",
        truncate(s, 40)
    )
}

fn url_message(s: &str) -> String {
    format!(
        "\"{}\" is not an http(s) URL; only http:// and https:// links are allowed",
        truncate(s, 60)
    )
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The longest slug or persona id, in characters (ASCII: bytes).
pub const SLUG_CHARS: usize = 80;

/// `[a-z0-9-]+`, 1–80 chars, no leading/trailing/double hyphen, never `-vs-` (nor a
/// `vs-` start or `-vs` end, which would make `a-vs-b` ambiguous).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= SLUG_CHARS
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && !s.contains("-vs-")
        && !s.starts_with("vs-")
        && !s.ends_with("-vs")
}

/// A real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// An absolute http(s) URL with a host and no whitespace or control characters.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let host_ok = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '[');
    host_ok && s.chars().all(is_url_char)
}

/// A character a URL may hold: no whitespace or control character, quote or angle bracket.
pub fn is_url_char(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::SHIPPED;

    #[test]
    fn a_type_error_is_located_at_its_field_and_skips_its_entry() {
        let mut v: Value = serde_json::from_str(SHIPPED).unwrap();
        v["tools"][2]["panel"][0]["score"] = Value::from("high");
        v["personas"][1]["name"] = Value::from(7);
        let text = v.to_string();
        let fatal = load(&text).unwrap_err().problems();
        assert_eq!(fatal[0].path, "personas[1].name");
        assert_eq!(
            fatal[0].message,
            "invalid type: integer `7`, expected a string"
        );

        v["personas"][1]["name"] = Value::from("Skeptic");
        let loaded = load(&v.to_string()).unwrap();
        assert_eq!(loaded.skipped[0].path, "tools[2].panel[0].score");
        assert_eq!(
            loaded.skipped[0].message,
            "invalid type: string \"high\", expected u8"
        );
        assert!(loaded
            .catalog
            .tool(v["tools"][2]["slug"].as_str().unwrap())
            .is_none());
    }

    /// A tool's verdict changes: a real date and a line of words each, at most
    /// `MAX_CHANGES`; a tool whose changes break a rule is skipped, as for any field.
    #[test]
    fn a_verdict_change_has_a_date_and_a_line() {
        let mut v: Value = serde_json::from_str(SHIPPED).unwrap();
        let kept = load(SHIPPED).unwrap().catalog;
        assert!(kept.tools.iter().any(|t| !t.changes.is_empty()));
        v["tools"][1]["changes"] = serde_json::json!([
            {"date": "2026-02-30", "note": "Builder moved to ship"},
            {"date": "2026-03-01", "note": "  "},
            {"date": "2026-03-02", "note": "x".repeat(guard::LINE_CHARS + 1)}
        ]);
        v["tools"][2]["changes"] = Value::Array(vec![
            serde_json::json!({"date": "2026-03-01", "note": "n"});
            guard::MAX_CHANGES + 1
        ]);
        let loaded = load(&v.to_string()).unwrap();
        let found: Vec<String> = (loaded.skipped.iter())
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        // Then the two comparisons of the skipped tools.
        assert_eq!(found.len(), 6, "{found:#?}");
        assert!(
            found[0].starts_with("tools[1].changes[0].date: \"2026-02-30\""),
            "{found:#?}"
        );
        assert!(
            found[1].starts_with("tools[1].changes[1].note: "),
            "{found:#?}"
        );
        assert!(
            found[2].starts_with("tools[1].changes[2].note: "),
            "{found:#?}"
        );
        assert_eq!(
            found[3],
            format!(
                "tools[2].changes: {} changes; the limit is {}",
                guard::MAX_CHANGES + 1,
                guard::MAX_CHANGES
            )
        );
        assert_eq!(loaded.catalog.tools.len(), kept.tools.len() - 2);
    }

    /// An editor's `"$schema"` key is a string, ignored by both readers; it is the only
    /// unknown key the top level takes.
    #[test]
    fn a_schema_key_is_ignored_and_must_be_a_string() {
        assert!(SHIPPED.starts_with("{\n  \"$schema\": \"./catalog.schema.json\","));
        let mut v: Value = serde_json::from_str(SHIPPED).unwrap();
        let with = load(SHIPPED).unwrap();
        v.as_object_mut().unwrap().remove("$schema");
        let without = load(&v.to_string()).unwrap();
        assert_eq!(with, without);
        assert_eq!(read_checked(SHIPPED), Some(with));
        for (key, value, problem) in [
            ("$schema", Value::from(3), "$schema: invalid type: integer `3`, expected a string"),
            ("$schema", Value::Null, "$schema: invalid type: null, expected a string"),
            ("$id", Value::from("x"), "$id: unknown field `$id`, expected one of `schema_version`, `generated`, `site`, `personas`, `tools`, `comparisons`, `split`"),
        ] {
            let mut bad = v.clone();
            bad[key] = value;
            let text = bad.to_string();
            assert_eq!(load(&text).unwrap_err().problems()[0].to_string(), problem);
            assert_eq!(read_checked(&text), None);
        }
    }

    #[test]
    fn slugs() {
        for ok in ["a", "mistral-3b", "mistral-3-1", "vsx", "a-vsb"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in [
            "", "A", "a_b", "a--b", "-a", "a-", "a-vs-b", "vs-a", "a-vs", "é", "a b",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(!is_slug(&"a".repeat(81)));
    }

    #[test]
    fn dates() {
        for ok in ["2026-11-23", "2024-02-29", "2000-02-29"] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "2026-13-01",
            "2026-02-29",
            "1900-02-29",
            "2026-1-01",
            "26-11-23",
            "2026/11/23",
            "2026-11-31",
            "2026-11-00",
            "",
            "２０２６-11-23",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn urls() {
        for ok in ["https://mistral.ai", "http://x.y/z?q=1", "HTTPS://A.B"] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "//x.y",
            "https://",
            "https:// x",
            "ftp://x",
            "https://x\"onmouseover=1",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
