//! The reader's data: one versioned record per concern (bookmarks, votes, settings),
//! migrations from older formats, and a merge that never deletes. Pure: the browser
//! adapter (`app::store`) moves strings in and out of localStorage, and hands each record
//! here parsed by the browser's own JSON reader (`app::json`); natively,
//! [`parse_record`] parses it.

use litemap::LiteMap;

use serde_json::Value;

use crate::domain::base::order;
use crate::domain::catalog::guard;
use crate::domain::catalog::model::Call;
use crate::domain::catalog::typing::{variant, At, Fault, Fields, FromJson, Unreadable};
use crate::domain::catalog::validate::Problem;
use crate::domain::panel::weights::Weights;

pub const BOOKMARKS_KEY: &str = "ship-or-skip.bookmarks";
pub const VOTES_KEY: &str = "ship-or-skip.votes";
pub const SETTINGS_KEY: &str = "ship-or-skip.settings";
/// Where an unreadable value is kept: `{key}.backup-{timestamp}`.
pub const BACKUP_SUFFIX: &str = ".backup-";

pub const BOOKMARKS_VERSION: u32 = 1;
pub const VOTES_VERSION: u32 = 1;
pub const SETTINGS_VERSION: u32 = 1;
pub const EXPORT_VERSION: u32 = 1;
/// Largest import file accepted.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// One bookmark: a tool slug and when it was added (ISO-8601 timestamp).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    pub slug: String,
    pub added: String,
}

/// One vote: ship or skip, and when it was cast.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub call: Call,
    pub at: String,
}

/// The reader's answer to "Which would you ship?" on one comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    pub slug: String,
    pub at: String,
}

/// Votes on tools (slug → vote) and picks on comparisons (`catalog::model::pick_key` → pick).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Votes {
    pub votes: LiteMap<String, Vote>,
    /// Added within version 1: older records without it read as no picks.
    pub picks: LiteMap<String, Pick>,
}

/// The colour theme the reader chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub theme: Theme,
    /// How much the reader trusts each persona; absent in records saved before weights
    /// existed, which read as equal weights (no version change: the field is additive).
    pub weights: Weights,
}

fn is_default_weights(w: &Weights) -> bool {
    *w == Weights::default()
}

/// A decoded record: what could be recovered, and whether the raw value must be kept aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<T> {
    pub value: T,
    /// Set when the stored text was unreadable, or partly so: keep it under a backup key.
    pub problem: Option<String>,
    /// Set when an older format was migrated: write the new one back.
    pub migrated: bool,
}

impl<T> Decoded<T> {
    fn ok(value: T) -> Self {
        Decoded {
            value,
            problem: None,
            migrated: false,
        }
    }
}

/// A stored record's text as a JSON tree, or why it is not JSON.
pub type Parsed = Result<Value, String>;

/// A record's tree as the app's JSON reader gives it (for tests and native callers).
pub fn parse_record(text: &str) -> Parsed {
    guard::parse_json(text).map_err(|e| e.to_string())
}

/// Reads the bookmarks record. Accepts the current format and the v0 format (a bare
/// array of slugs); keeps every readable entry of a partly broken record.
pub fn decode_bookmarks(record: Option<Parsed>) -> Decoded<Vec<Bookmark>> {
    let Some(parsed) = record else {
        return Decoded::ok(Vec::new());
    };
    let value = match parsed {
        Ok(v) => v,
        Err(e) => {
            return Decoded {
                value: Vec::new(),
                problem: Some(format!("saved bookmarks were unreadable ({e})")),
                migrated: false,
            }
        }
    };
    match value {
        // v0: ["slug", …]
        serde_json::Value::Array(items) => {
            let mut out = Vec::new();
            let mut bad = 0;
            for it in items {
                match it {
                    serde_json::Value::String(slug) => push_bookmark(
                        &mut out,
                        Bookmark {
                            slug,
                            added: String::new(),
                        },
                    ),
                    _ => bad += 1,
                }
            }
            Decoded {
                value: out,
                problem: (bad > 0).then(|| format!("{bad} saved bookmark(s) were unreadable")),
                migrated: true,
            }
        }
        serde_json::Value::Object(ref obj) => {
            match obj.get("version").and_then(|v| v.as_u64()) {
                Some(v) if v == u64::from(BOOKMARKS_VERSION) => {}
                other => {
                    return Decoded {
                        value: Vec::new(),
                        problem: Some(match other {
                            Some(v) => {
                                format!("saved bookmarks have an unknown format version {v}")
                            }
                            None => "saved bookmarks have no format version".into(),
                        }),
                        migrated: false,
                    }
                }
            }
            let items = obj
                .get("items")
                .and_then(|v| v.as_array())
                .cloned()
                .unwrap_or_default();
            let mut out = Vec::new();
            let mut bad = 0;
            for it in items {
                match entry::<Bookmark>(it) {
                    Some(b) => push_bookmark(&mut out, b),
                    None => bad += 1,
                }
            }
            Decoded {
                value: out,
                problem: (bad > 0).then(|| format!("{bad} saved bookmark(s) were unreadable")),
                migrated: false,
            }
        }
        _ => Decoded {
            value: Vec::new(),
            problem: Some("saved bookmarks were not in a known format".into()),
            migrated: false,
        },
    }
}

/// One entry of a saved record, or `None`: a record's unreadable entries are counted and
/// the record kept aside, never explained entry by entry (`typing::Unreadable`).
fn entry<T: FromJson>(v: Value) -> Option<T> {
    T::from_json::<Unreadable>(v, At::Root).ok()
}

fn push_bookmark(out: &mut Vec<Bookmark>, b: Bookmark) {
    if !b.slug.is_empty() && !out.iter().any(|x| x.slug == b.slug) {
        out.push(b);
    }
}

/// The bookmarks record: what is saved, as a JSON tree. The page writes it as text with the
/// browser's own JSON writer (`app::json::text`), so its wasm carries no JSON serializer;
/// [`encode_bookmarks`] writes it with serde_json.
pub fn bookmarks_record(items: &[Bookmark]) -> Value {
    object([
        ("version", BOOKMARKS_VERSION.into()),
        ("items", bookmark_list(items)),
    ])
}

/// The bookmarks as a list of trees (the record's and the export file's).
fn bookmark_list(items: &[Bookmark]) -> Value {
    let items = items
        .iter()
        .map(|b| {
            object([
                ("slug", b.slug.as_str().into()),
                ("added", b.added.as_str().into()),
            ])
        })
        .collect();
    Value::Array(items)
}

/// The bookmarks record's text, as the app writes it (the tests read it back).
pub fn encode_bookmarks(items: &[Bookmark]) -> String {
    bookmarks_record(items).to_string()
}

/// An object of `fields`, inserted one by one (collected, a map sorts them again, and
/// that sort is code a page pays for).
fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    let mut map = serde_json::Map::new();
    for (k, v) in fields {
        map.insert(k.to_string(), v);
    }
    Value::Object(map)
}

/// Reads the votes record; keeps every readable vote and pick of a partly broken record.
pub fn decode_votes(record: Option<Parsed>) -> Decoded<Votes> {
    let Some(parsed) = record else {
        return Decoded::ok(Votes::default());
    };
    let value = match parsed {
        Ok(v) => v,
        Err(e) => {
            return Decoded {
                value: Votes::default(),
                problem: Some(format!("saved votes were unreadable ({e})")),
                migrated: false,
            }
        }
    };
    let version = value.get("version").and_then(|v| v.as_u64());
    if version != Some(u64::from(VOTES_VERSION)) {
        return Decoded {
            value: Votes::default(),
            problem: Some("saved votes were not in a known format".into()),
            migrated: false,
        };
    }
    let mut out = Votes::default();
    let mut bad = 0;
    match value.get("votes").and_then(|v| v.as_object()) {
        Some(map) => {
            for (slug, v) in map {
                match entry::<Vote>(v.clone()) {
                    Some(vote) => {
                        out.votes.insert(slug.clone(), vote);
                    }
                    None => bad += 1,
                }
            }
        }
        None => bad += 1,
    }
    if let Some(map) = value.get("picks").and_then(|v| v.as_object()) {
        for (key, v) in map {
            match entry::<Pick>(v.clone()) {
                Some(p) => {
                    out.picks.insert(key.clone(), p);
                }
                None => bad += 1,
            }
        }
    }
    Decoded {
        value: out,
        problem: (bad > 0).then(|| format!("{bad} saved vote(s) were unreadable")),
        migrated: false,
    }
}

/// The votes record, as a JSON tree (see [`bookmarks_record`]).
pub fn votes_record(book: &Votes) -> Value {
    object([
        ("version", VOTES_VERSION.into()),
        ("votes", vote_map(book)),
        ("picks", pick_map(book)),
    ])
}

/// The votes by tool, as a tree (the record's and the export file's).
fn vote_map(book: &Votes) -> Value {
    keyed(&book.votes, |v| {
        object([
            ("call", v.call.as_str().into()),
            ("at", v.at.as_str().into()),
        ])
    })
}

/// The picks by comparison, as a tree (the record's and the export file's).
fn pick_map(book: &Votes) -> Value {
    keyed(&book.picks, |p| {
        object([
            ("slug", p.slug.as_str().into()),
            ("at", p.at.as_str().into()),
        ])
    })
}

/// An object of each key of `entries` to its entry's tree.
fn keyed<T>(entries: &LiteMap<String, T>, tree: impl Fn(&T) -> Value) -> Value {
    let mut map = serde_json::Map::new();
    for (k, v) in entries {
        map.insert(k.clone(), tree(v));
    }
    Value::Object(map)
}

/// The votes record's text.
pub fn encode_votes(book: &Votes) -> String {
    votes_record(book).to_string()
}

pub fn decode_settings(record: Option<Parsed>) -> Decoded<Settings> {
    let Some(parsed) = record else {
        return Decoded::ok(Settings::default());
    };
    // Settings are read leniently, so the record's `version` is simply not taken.
    let record = parsed
        .ok()
        .filter(|v| v.get("version").and_then(Value::as_u64) == Some(SETTINGS_VERSION.into()))
        .and_then(entry::<Settings>);
    match record {
        Some(settings) => Decoded::ok(settings),
        None => Decoded {
            value: Settings::default(),
            problem: Some("saved settings were unreadable".into()),
            migrated: false,
        },
    }
}

/// The settings record, as a JSON tree (see [`bookmarks_record`]); equal weights are
/// left out.
pub fn settings_record(s: &Settings) -> Value {
    let mut record = object([
        ("version", SETTINGS_VERSION.into()),
        ("theme", s.theme.as_str().into()),
    ]);
    if let (false, Value::Object(map)) = (is_default_weights(&s.weights), &mut record) {
        map.insert("weights".into(), s.weights.to_json());
    }
    record
}

/// The settings record's text.
pub fn encode_settings(s: &Settings) -> String {
    settings_record(s).to_string()
}

/// Adds or removes a bookmark; newest first.
pub fn toggle_bookmark(items: &mut Vec<Bookmark>, slug: &str, now: &str) -> bool {
    if let Some(i) = items.iter().position(|b| b.slug == slug) {
        items.remove(i);
        false
    } else {
        items.insert(
            0,
            Bookmark {
                slug: slug.to_string(),
                added: now.to_string(),
            },
        );
        true
    }
}

/// Bookmarks newest first (ISO timestamps sort as text; unknown dates last).
pub fn sorted_newest_first(items: &[Bookmark]) -> Vec<Bookmark> {
    let mut v = items.to_vec();
    order::sort_stable_by(&mut v, |a, b| b.added.cmp(&a.added));
    v
}

/// Everything a reader saved, as one export file.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub app: String,
    pub version: u32,
    pub exported: String,
    pub bookmarks: Vec<Bookmark>,
    /// The file's `votes` and `picks`.
    pub book: Votes,
}

pub fn export(bookmarks: &[Bookmark], book: &Votes, now: &str) -> String {
    let file = object([
        ("app", "ship-or-skip".into()),
        ("version", EXPORT_VERSION.into()),
        ("exported", now.into()),
        ("bookmarks", bookmark_list(bookmarks)),
        ("votes", vote_map(book)),
        ("picks", pick_map(book)),
    ]);
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Why an import file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is larger than 1 MB, too large to be a Ship or Skip export")]
    TooLarge,
    #[error("the file is not JSON: {0}")]
    NotJson(String),
    #[error("the file is not a Ship or Skip export (no \"app\": \"ship-or-skip\")")]
    Foreign,
    #[error("the export format version {0} is not supported")]
    Version(u64),
    #[error("the export is malformed: {0}")]
    Malformed(String),
}

pub fn parse_import(text: &str) -> Result<Export, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let value: serde_json::Value =
        guard::parse_json(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("app").and_then(|v| v.as_str()) != Some("ship-or-skip") {
        return Err(ImportError::Foreign);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(EXPORT_VERSION) => {}
        Some(v) => return Err(ImportError::Version(v)),
        None => return Err(ImportError::Malformed("no version".into())),
    }
    Export::from_json(value, At::Root).map_err(|p: Problem| {
        ImportError::Malformed(if p.path.is_empty() {
            p.message
        } else {
            p.to_string()
        })
    })
}

// The reader's records are read leniently: a field a later version adds is ignored.

impl FromJson for Bookmark {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Bookmark, F> {
        let mut f = Fields::lenient(v, at, "a bookmark")?;
        Ok(Bookmark {
            slug: f.req("slug")?,
            added: f.req("added")?,
        })
    }
}

impl FromJson for Vote {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Vote, F> {
        let mut f = Fields::lenient(v, at, "a vote")?;
        Ok(Vote {
            call: f.req("call")?,
            at: f.req("at")?,
        })
    }
}

impl FromJson for Pick {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Pick, F> {
        let mut f = Fields::lenient(v, at, "a pick")?;
        Ok(Pick {
            slug: f.req("slug")?,
            at: f.req("at")?,
        })
    }
}

impl FromJson for Theme {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Theme, F> {
        variant(
            v,
            at,
            &["system", "light", "dark"],
            &[Theme::System, Theme::Light, Theme::Dark],
        )
    }
}

impl FromJson for Settings {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Settings, F> {
        let mut f = Fields::lenient(v, at, "settings")?;
        Ok(Settings {
            theme: f.opt("theme")?,
            weights: f.opt("weights")?,
        })
    }
}

impl FromJson for Export {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Export, F> {
        let mut f = Fields::lenient(v, at, "an export")?;
        Ok(Export {
            app: f.req("app")?,
            version: f.req("version")?,
            exported: f.req("exported")?,
            bookmarks: f.req("bookmarks")?,
            book: Votes {
                votes: f.req("votes")?,
                picks: f.opt("picks")?,
            },
        })
    }
}

/// What an import would change, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    pub new_bookmarks: Vec<Bookmark>,
    /// Votes for tools the reader has not voted on.
    pub new_votes: Vec<(String, Vote)>,
    /// Votes that differ from the reader's and are newer: (slug, old, new).
    pub changed_votes: Vec<(String, Vote, Vote)>,
    /// Picks for comparisons the reader has not picked on, or newer different ones.
    pub picks: Vec<(String, Pick)>,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.new_bookmarks.is_empty()
            && self.new_votes.is_empty()
            && self.changed_votes.is_empty()
            && self.picks.is_empty()
    }
}

/// Plans a merge that never deletes: bookmarks are added, a vote is taken when the reader
/// has none for that tool or the imported one is newer.
pub fn plan_import(bookmarks: &[Bookmark], book: &Votes, incoming: &Export) -> ImportPlan {
    let votes = &book.votes;
    let mut plan = ImportPlan::default();
    for b in &incoming.bookmarks {
        if !b.slug.is_empty()
            && !bookmarks.iter().any(|x| x.slug == b.slug)
            && !plan.new_bookmarks.iter().any(|x| x.slug == b.slug)
        {
            plan.new_bookmarks.push(b.clone());
        }
    }
    for (key, p) in &incoming.book.picks {
        match book.picks.get(key) {
            Some(old) if old.slug == p.slug || p.at <= old.at => {}
            _ => plan.picks.push((key.clone(), p.clone())),
        }
    }
    for (slug, v) in &incoming.book.votes {
        match votes.get(slug) {
            None => plan.new_votes.push((slug.clone(), v.clone())),
            Some(old) if old.call != v.call && v.at > old.at => {
                plan.changed_votes
                    .push((slug.clone(), old.clone(), v.clone()))
            }
            Some(_) => {}
        }
    }
    plan
}

pub fn apply_import(bookmarks: &mut Vec<Bookmark>, book: &mut Votes, plan: &ImportPlan) {
    for (key, p) in &plan.picks {
        book.picks.insert(key.clone(), p.clone());
    }
    let votes = &mut book.votes;
    for b in &plan.new_bookmarks {
        push_bookmark(bookmarks, b.clone());
    }
    for (slug, v) in &plan.new_votes {
        votes.insert(slug.clone(), v.clone());
    }
    for (slug, _, v) in &plan.changed_votes {
        votes.insert(slug.clone(), v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record's text, parsed as the app reads it.
    fn text(s: &str) -> Option<Parsed> {
        Some(parse_record(s))
    }

    fn bm(slug: &str, added: &str) -> Bookmark {
        Bookmark {
            slug: slug.into(),
            added: added.into(),
        }
    }

    #[test]
    fn bookmarks_round_trip_and_toggle() {
        let mut items = Vec::new();
        assert!(toggle_bookmark(&mut items, "a", "2026-11-01T00:00:00Z"));
        assert!(toggle_bookmark(&mut items, "b", "2026-11-02T00:00:00Z"));
        assert_eq!(items[0].slug, "b");
        let d = decode_bookmarks(text(&encode_bookmarks(&items)));
        assert_eq!(d, Decoded::ok(items.clone()));
        assert!(!toggle_bookmark(&mut items, "a", "x"));
        assert_eq!(items, vec![bm("b", "2026-11-02T00:00:00Z")]);
    }

    /// The records keep the format every earlier version wrote and reads (another tab may
    /// run one): the same fields and values, whatever writes the text.
    #[test]
    fn records_keep_their_saved_format() {
        use serde_json::json;
        let parsed = |s: String| serde_json::from_str::<Value>(&s).unwrap();
        assert_eq!(
            parsed(encode_bookmarks(&[bm("a", "2026-11-01T00:00:00Z")])),
            json!({"version": 1, "items": [{"slug": "a", "added": "2026-11-01T00:00:00Z"}]})
        );
        let mut book = Votes::default();
        book.votes.insert(
            "a".into(),
            Vote {
                call: Call::Skip,
                at: "t1".into(),
            },
        );
        book.picks.insert(
            "a-vs-b".into(),
            Pick {
                slug: "b".into(),
                at: "t2".into(),
            },
        );
        assert_eq!(
            parsed(encode_votes(&book)),
            json!({"version": 1, "votes": {"a": {"call": "skip", "at": "t1"}},
                   "picks": {"a-vs-b": {"slug": "b", "at": "t2"}}})
        );
        let mut settings = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        assert_eq!(
            parsed(encode_settings(&settings)),
            json!({"version": 1, "theme": "dark"})
        );
        settings.weights.set("skeptic", 3);
        assert_eq!(
            parsed(encode_settings(&settings)),
            json!({"version": 1, "theme": "dark", "weights": {"skeptic": 3}})
        );
    }

    /// An export file reads back whole, and its maps stay maps when empty (what earlier
    /// versions wrote and read).
    #[test]
    fn an_export_reads_back_even_with_nothing_in_it() {
        let mut book = Votes::default();
        for (books, marks) in [
            (Votes::default(), vec![]),
            (book.clone(), vec![bm("a", "1")]),
        ] {
            let file = export(&marks, &books, "now");
            let tree: Value = serde_json::from_str(&file).unwrap();
            assert!(
                tree["votes"].is_object() && tree["picks"].is_object(),
                "{file}"
            );
            let back = parse_import(&file).unwrap();
            assert_eq!((back.bookmarks, back.book), (marks, books));
        }
        book.votes.insert(
            "a".into(),
            Vote {
                call: Call::Ship,
                at: "t".into(),
            },
        );
        let back = parse_import(&export(&[], &book, "now")).unwrap();
        assert_eq!(back.book, book);
    }

    #[test]
    fn bookmarks_v0_migrates() {
        let d = decode_bookmarks(text(r#"["mistral-3b", 7, "mistral-3b", "x"]"#));
        assert!(d.migrated);
        assert_eq!(d.value, vec![bm("mistral-3b", ""), bm("x", "")]);
        assert!(d.problem.unwrap().contains("1 saved bookmark"));
    }

    #[test]
    fn corrupted_values_are_reported_and_partly_recovered() {
        let d = decode_bookmarks(text("{not json"));
        assert!(d.value.is_empty());
        assert!(d.problem.unwrap().contains("unreadable"));
        let d = decode_bookmarks(text(
            r#"{"version":1,"items":[{"slug":"a","added":"t"},{"oops":1}]}"#,
        ));
        assert_eq!(d.value, vec![bm("a", "t")]);
        assert!(d.problem.is_some());
        let d = decode_bookmarks(text(r#"{"version":9,"items":[]}"#));
        assert!(d.problem.unwrap().contains("version 9"));
        let v = decode_votes(text(
            r#"{"version":1,"votes":{"a":{"call":"ship","at":"t"},"b":{"call":"maybe","at":"t"}}}"#,
        ));
        assert_eq!(v.value.votes.len(), 1);
        assert!(v.problem.is_some());
        // A record from before picks existed still reads, with no picks.
        let old = decode_votes(text(r#"{"version":1,"votes":{}}"#));
        assert_eq!(old, Decoded::ok(Votes::default()));
        assert!(decode_votes(text("42")).problem.is_some());
        assert!(decode_settings(text("[]")).problem.is_some());
        assert_eq!(decode_settings(None).value.theme, Theme::System);
    }

    #[test]
    fn settings_keep_weights_and_read_old_records() {
        let mut s = Settings::default();
        s.weights.set("skeptic", 3);
        s.weights.set("founder", 0);
        let raw = encode_settings(&s);
        assert_eq!(decode_settings(text(&raw)).value, s);
        // A record from before weights: equal weights, no problem reported.
        let old = decode_settings(text(r#"{"version":1,"theme":"dark"}"#));
        assert_eq!(old.problem, None);
        assert_eq!(old.value.weights, Weights::default());
        assert_eq!(old.value.theme, Theme::Dark);
        // Default weights are not written at all.
        assert!(!encode_settings(&Settings::default()).contains("weights"));
    }

    #[test]
    fn settings_round_trip() {
        let s = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        assert_eq!(decode_settings(text(&encode_settings(&s))).value, s);
    }

    #[test]
    fn import_merges_without_deleting() {
        let mine = vec![bm("a", "1")];
        let mut my_votes = LiteMap::new();
        my_votes.insert(
            "a".to_string(),
            Vote {
                call: Call::Ship,
                at: "2026-11-02".into(),
            },
        );
        my_votes.insert(
            "c".to_string(),
            Vote {
                call: Call::Ship,
                at: "2026-11-02".into(),
            },
        );
        let mut theirs = LiteMap::new();
        theirs.insert(
            "a".to_string(),
            Vote {
                call: Call::Skip,
                at: "2026-11-01".into(), // older: ignored
            },
        );
        theirs.insert(
            "b".to_string(),
            Vote {
                call: Call::Skip,
                at: "2026-11-01".into(),
            },
        );
        theirs.insert(
            "c".to_string(),
            Vote {
                call: Call::Skip,
                at: "2026-11-03".into(), // newer: replaces
            },
        );
        let pick = |slug: &str, at: &str| Pick {
            slug: slug.into(),
            at: at.into(),
        };
        let mine_book = Votes {
            votes: my_votes,
            picks: [("a-vs-b".to_string(), pick("a", "2026-11-05"))]
                .into_iter()
                .collect(),
        };
        let theirs_book = Votes {
            votes: theirs,
            picks: [
                ("a-vs-b".to_string(), pick("b", "2026-11-01")), // older: ignored
                ("a-vs-c".to_string(), pick("c", "2026-11-01")), // new: taken
            ]
            .into_iter()
            .collect(),
        };
        let file = export(&[bm("a", "0"), bm("gone-tool", "2")], &theirs_book, "now");
        let incoming = parse_import(&file).unwrap();
        let plan = plan_import(&mine, &mine_book, &incoming);
        assert_eq!(plan.new_bookmarks, vec![bm("gone-tool", "2")]);
        assert_eq!(plan.new_votes.len(), 1);
        assert_eq!(plan.changed_votes.len(), 1);
        assert_eq!(
            plan.picks,
            vec![("a-vs-c".to_string(), pick("c", "2026-11-01"))]
        );
        let (mut b, mut v) = (mine.clone(), mine_book.clone());
        apply_import(&mut b, &mut v, &plan);
        assert_eq!(b.len(), 2);
        assert_eq!(v.votes.get("a").unwrap().call, Call::Ship);
        assert_eq!(v.votes.get("b").unwrap().call, Call::Skip);
        assert_eq!(v.votes.get("c").unwrap().call, Call::Skip);
        assert_eq!(v.picks.get("a-vs-b").unwrap().slug, "a");
        assert_eq!(v.picks.len(), 2);
        // Applying the same file again changes nothing.
        assert!(plan_import(&b, &v, &incoming).is_empty());
    }

    #[test]
    fn bad_import_files_get_reasons() {
        assert_eq!(
            parse_import(&"x".repeat(MAX_IMPORT_BYTES + 1)),
            Err(ImportError::TooLarge)
        );
        assert!(matches!(parse_import("nope"), Err(ImportError::NotJson(_))));
        assert_eq!(parse_import(r#"{"a":1}"#), Err(ImportError::Foreign));
        assert_eq!(
            parse_import(r#"{"app":"ship-or-skip","version":2}"#),
            Err(ImportError::Version(2))
        );
        assert_eq!(
            parse_import(r#"{"app":"ship-or-skip","version":1,"exported":"","bookmarks":5}"#),
            Err(ImportError::Malformed(
                "bookmarks: invalid type: integer `5`, expected a sequence".into()
            ))
        );
        let bad_vote = r#"{"app":"ship-or-skip","version":1,"exported":"","bookmarks":[],
            "votes":{"a":{"call":"maybe","at":""}}}"#;
        assert_eq!(
            parse_import(bad_vote),
            Err(ImportError::Malformed(
                "votes.a.call: unknown variant `maybe`, expected `ship` or `skip`".into()
            ))
        );
        assert_eq!(
            parse_import(r#"{"app":"ship-or-skip","version":1}"#),
            Err(ImportError::Malformed("missing field `exported`".into()))
        );
    }

    #[test]
    fn saved_records_ignore_fields_a_later_version_adds() {
        let s = decode_settings(text(r#"{"version":1,"theme":"light","font":"big"}"#));
        assert_eq!((s.value.theme, s.problem), (Theme::Light, None));
        let v = decode_votes(text(
            r#"{"version":1,"votes":{"a":{"call":"ship","at":"1","why":"x"}},"extra":1}"#,
        ));
        assert_eq!(
            (v.value.votes.get("a").unwrap().call, v.problem),
            (Call::Ship, None)
        );
        // A bad value still makes the record unreadable, and it is kept aside.
        let bad = decode_settings(text(r#"{"version":1,"theme":"sepia"}"#));
        assert_eq!(bad.value, Settings::default());
        assert!(bad.problem.is_some());
        let bad = decode_settings(text(r#"{"version":1,"weights":{"builder":-1}}"#));
        assert!(bad.problem.is_some());
    }

    #[test]
    fn newest_first() {
        let v = sorted_newest_first(&[bm("a", "2026-01-01"), bm("b", "2026-02-01"), bm("c", "")]);
        let s: Vec<_> = v.iter().map(|b| b.slug.as_str()).collect();
        assert_eq!(s, ["b", "a", "c"]);
    }
}
