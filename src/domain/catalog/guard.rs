//! Guards against hostile catalogs (`docs/hostile.md`): a JSON reader that refuses a key
//! repeated within one object, limits that keep one catalog from freezing a reader's tab,
//! a plain-English account of bytes that are not UTF-8, and the errors that stop a file
//! being read at all ([`CatalogError`]).
//!
//! Every limit is far above what a real catalog needs (the shipped one: names ≤ 31
//! characters, descriptions ≤ 898, takes ≤ 560, 5 personas, 24 KB).

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::model::{Tool, SCHEMA_VERSION};
use super::problem::clip;
pub use super::problem::Problem;
use super::typing::At;

/// The largest catalog file the app parses as one file (bytes). Parsing is synchronous in
/// the tab; 8 MB takes well under a second. Larger catalogs are split by the build.
pub const MAX_SERVED_BYTES: usize = 8_000_000;
/// Personas in the panel (each is a scorecard row on every tool and comparison page).
pub const MAX_PERSONAS: usize = 20;
/// Named alternatives of one tool.
pub const MAX_ALTERNATIVES: usize = 20;
/// Verdict changes listed for one tool (its page lists them all).
pub const MAX_CHANGES: usize = 100;
/// Names, vendors, categories, licenses, alternatives, persona names, the site title.
pub const NAME_CHARS: usize = 200;
/// One-line texts: taglines, mottos, pricing summaries, comparison summaries.
pub const LINE_CHARS: usize = 1_000;
/// Paragraphs: a tool's description, a take's text.
pub const TEXT_CHARS: usize = 20_000;
/// Links: a tool's homepage, the newsletter URL.
pub const URL_CHARS: usize = 2_000;
/// Skipped entries the app names one by one (in its notice and the console); the rest
/// are counted. `catalog check` lists every one.
pub const LISTED_SKIPPED: usize = 100;
/// How deep serde_json lets JSON nest before it gives up (without recursing further).
const JSON_DEPTH: usize = 128;

/// Parses JSON text like `serde_json::from_str::<Value>`, except that a key repeated in
/// one object is an error naming the key, its path and where it repeats (serde_json
/// silently keeps the last one, so a stray second `"slug"` would win unseen). Nesting
/// deeper than 128 levels is an error too, found without deep recursion.
pub fn parse(text: &str) -> Result<Value, CatalogError> {
    let dup = RefCell::new(None);
    tree(text, &dup).map_err(|e| match dup.into_inner() {
        Some((path, key)) => CatalogError::DuplicateKey {
            path,
            key,
            line: e.line(),
            column: e.column(),
        },
        None => match syntax_error(&e) {
            CatalogError::Syntax {
                line,
                column,
                message,
            } => CatalogError::Syntax {
                line,
                column,
                message: explain(message),
            },
            other => other,
        },
    })
}

/// Parses other JSON the app reads (the reader's saved records, an import file) the same
/// way, with serde_json's error: one JSON reader in the wasm, not two
/// (`serde_json::from_str::<Value>` would link its own).
pub fn parse_json(text: &str) -> Result<Value, serde_json::Error> {
    tree(text, &RefCell::new(None))
}

/// The tree of `text`; a repeated key fails, with its path and key left in `dup`.
fn tree(text: &str, dup: &RefCell<Option<(String, String)>>) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    Node { at: At::Root, dup }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
}

/// serde_json's terse syntax messages, with what an editor should do about them.
fn explain(message: String) -> String {
    let hint = match message.as_str() {
        "recursion limit exceeded" => {
            return format!("it nests arrays or objects more than {JSON_DEPTH} levels deep")
        }
        m if m.starts_with("EOF while parsing") => "the file ends early, as if cut off",
        "key must be a string" => "JSON has no comments, and keys need double quotes",
        "trailing characters" => "there is more text after the catalog's closing brace",
        "trailing comma" => "remove the comma after the last item",
        m if m.starts_with("control character") => {
            "write tabs, line breaks and other control characters in strings as escapes (\\t, \\n, \\u0000)"
        }
        "unexpected end of hex escape" | "lone leading surrogate in hex escape" => {
            "a \\u escape needs 4 hex digits, and a UTF-16 surrogate needs its pair"
        }
        "number out of range" => "the number is too large",
        _ => return message,
    };
    format!("{message}; {hint}")
}

/// The seed and visitor that build a `Value`, watching for repeated keys.
struct Node<'a> {
    at: At<'a>,
    dup: &'a RefCell<Option<(String, String)>>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Node {
            at: At::Index(&self.at, out.len()),
            dup: self.dup,
        })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let path = At::Key(&self.at, &key).to_string();
                *self.dup.borrow_mut() = Some((clip(&path, 120), clip(&key, 60)));
                return Err(de::Error::custom("duplicate key"));
            }
            let v = map.next_value_seed(Node {
                at: At::Key(&self.at, &key),
                dup: self.dup,
            })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// Adds a problem when `s` is longer than `max` characters.
pub(crate) fn check_len(out: &mut Vec<Problem>, path: &str, field: &str, s: &str, max: usize) {
    // Bytes ≥ characters: most strings are settled without counting.
    if s.len() <= max {
        return;
    }
    let n = s.chars().count();
    if n > max {
        out.push(Problem::new(
            format!("{path}.{field}"),
            format!("`{field}` is {n} characters long; the limit is {max}"),
        ));
    }
}

/// A list longer than a page can show: one problem for the whole list, so a tool with
/// 100,000 takes yields one line, not 100,000.
pub(crate) fn oversized_lists(path: &str, t: &Tool, personas: usize) -> Option<Problem> {
    if t.panel.len() > personas {
        return Some(Problem::new(
            format!("{path}.panel"),
            format!(
                "{} takes, but the panel has {personas} personas and each gives at most one",
                t.panel.len()
            ),
        ));
    }
    if t.changes.len() > MAX_CHANGES {
        return Some(Problem::new(
            format!("{path}.changes"),
            format!("{} changes; the limit is {MAX_CHANGES}", t.changes.len()),
        ));
    }
    (t.alternatives.len() > MAX_ALTERNATIVES).then(|| {
        Problem::new(
            format!("{path}.alternatives"),
            format!(
                "{} alternatives; the limit is {MAX_ALTERNATIVES}",
                t.alternatives.len()
            ),
        )
    })
}

/// The length limits of a tool's strings.
pub(crate) fn tool_lengths(out: &mut Vec<Problem>, path: &str, t: &Tool) {
    for (field, s) in [
        ("name", &t.name),
        ("vendor", &t.vendor),
        ("category", &t.category),
        ("license", &t.license),
    ] {
        check_len(out, path, field, s, NAME_CHARS);
    }
    check_len(out, path, "tagline", &t.tagline, LINE_CHARS);
    check_len(out, path, "description", &t.description, TEXT_CHARS);
    let pricing = format!("{path}.pricing");
    check_len(out, &pricing, "summary", &t.pricing.summary, LINE_CHARS);
    if let Some(url) = &t.homepage {
        check_len(out, path, "homepage", url, URL_CHARS);
    }
    for (i, a) in t.alternatives.iter().enumerate() {
        check_len(out, path, &format!("alternatives[{i}]"), a, NAME_CHARS);
    }
    for (i, take) in t.panel.iter().enumerate() {
        check_len(
            out,
            &format!("{path}.panel[{i}]"),
            "text",
            &take.text,
            TEXT_CHARS,
        );
    }
    for (i, change) in t.changes.iter().enumerate() {
        let at = format!("{path}.changes[{i}]");
        check_len(out, &at, "note", &change.note, LINE_CHARS);
    }
}

/// "63.5 MB" (decimal megabytes, one decimal; no float formatting).
pub(crate) fn megabytes(bytes: usize) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        d => format!("{}.{d} MB", tenths / 10),
    }
}

/// Where (line, column) and why `bytes` are not UTF-8; `None` when they are.
pub fn utf8_problem(bytes: &[u8]) -> Option<(usize, usize, String)> {
    let err = std::str::from_utf8(bytes).err()?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((
            1,
            1,
            "the file is UTF-16 text, not UTF-8; save it as UTF-8".into(),
        ));
    }
    let at = err.valid_up_to();
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let what = match err.error_len() {
        None => "the file ends in the middle of a character".to_string(),
        Some(_) => format!("byte 0x{:02X} is not valid UTF-8", bytes[at]),
    };
    Some((
        line,
        column,
        format!("not UTF-8 text: {what} (byte offset {at}); save the file as UTF-8"),
    ))
}

/// Why a catalog file cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("the catalog file is empty")]
    Empty,
    #[error("the catalog is not valid JSON: {message} (line {line}, column {column})")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "unsupported catalog schema version {found} (this site reads version {SCHEMA_VERSION})"
    )]
    UnsupportedVersion { found: String },
    #[error("the catalog is invalid: {}", .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    /// One object names a key twice: which value was meant cannot be told.
    #[error("the key \"{key}\" appears twice in one object, at {path} (the second at line {line}, column {column}); keep only one")]
    DuplicateKey {
        path: String,
        key: String,
        line: usize,
        column: usize,
    },
    /// Too big for the app to parse as one file without freezing the tab.
    #[error("the catalog file is {}, more than the {} this site reads as one file", megabytes(*.bytes), megabytes(MAX_SERVED_BYTES))]
    TooLarge { bytes: usize },
}

impl CatalogError {
    /// Every problem with its path, for the `check` tool.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            CatalogError::Invalid(p) => p.clone(),
            CatalogError::UnsupportedVersion { .. } => {
                vec![Problem::new("schema_version", self.to_string())]
            }
            CatalogError::DuplicateKey {
                path,
                key,
                line,
                column,
            } => vec![Problem::new(
                path.clone(),
                format!("the key \"{key}\" appears twice in one object (the second at line {line}, column {column}); keep only one"),
            )],
            other => vec![Problem::new("$", other.to_string())],
        }
    }
}

/// A JSON syntax error with its position.
pub(crate) fn syntax_error(e: &serde_json::Error) -> CatalogError {
    CatalogError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(e),
    }
}

/// serde_json's message without its trailing " at line L column C" (we report those apart).
fn syntax_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_serde_json() {
        let text =
            r#"{"a": [1, -2, 3.5, 1e300, "x", true, null, {"b": {}}], "c": 18446744073709551615}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_repeated_key_is_named_with_its_path_and_place() {
        let e = parse("{\n\"tools\": [],\n\"tools\": [1]\n}").unwrap_err();
        assert_eq!(
            e,
            CatalogError::DuplicateKey {
                path: "tools".into(),
                key: "tools".into(),
                line: 3,
                column: 7,
            }
        );
        let e = parse(r#"{"tools": [{"slug": "a"}, {"slug": "b", "name": "x", "slug": "c"}]}"#)
            .unwrap_err();
        let CatalogError::DuplicateKey { path, key, .. } = &e else {
            panic!("{e:?}")
        };
        assert_eq!((path.as_str(), key.as_str()), ("tools[1].slug", "slug"));
        assert!(
            e.to_string().starts_with(
                "the key \"slug\" appears twice in one object, at tools[1].slug (the second at line 1, column"
            ),
            "{e}"
        );
        // The same key in different objects is fine.
        assert!(parse(r#"[{"a": 1}, {"a": 2, "b": {"a": 3}}]"#).is_ok());
    }

    #[test]
    fn syntax_errors_say_what_to_do() {
        let msg = |t: &str| parse(t).unwrap_err().to_string();
        assert_eq!(
            msg("{\"a\": \"b"),
            "the catalog is not valid JSON: EOF while parsing a string; the file ends early, as if cut off (line 1, column 8)"
        );
        assert!(msg("{// c\n}").contains("key must be a string; JSON has no comments"));
        assert!(msg("{} {}").contains("trailing characters; there is more text after"));
        assert!(msg("[1,]").contains("trailing comma; remove the comma"));
        assert!(msg("[\"\t\"]").contains("as escapes (\\t, \\n, \\u0000)"));
        assert!(msg("[\"\\ud800 \"]").contains("needs its pair"));
        assert_eq!(
            msg("<html>"),
            "the catalog is not valid JSON: expected value (line 1, column 1)"
        );
    }

    #[test]
    fn deep_nesting_is_a_clear_error_not_a_stack_overflow() {
        for open in ["[", "{\"a\":"] {
            let e = parse(&open.repeat(100_000)).unwrap_err();
            assert!(
                e.to_string().starts_with(
                    "the catalog is not valid JSON: it nests arrays or objects more than 128 levels deep (line 1, column "
                ),
                "{e}"
            );
        }
        // Up to the limit is fine.
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn lengths_and_sizes() {
        let mut out = Vec::new();
        check_len(&mut out, "tools[0]", "name", &"é".repeat(200), NAME_CHARS);
        assert!(out.is_empty(), "200 two-byte characters are within 200");
        check_len(&mut out, "tools[0]", "name", &"a".repeat(201), NAME_CHARS);
        assert_eq!(
            out[0].to_string(),
            "tools[0].name: `name` is 201 characters long; the limit is 200"
        );
        assert_eq!(megabytes(63_482_510), "63.5 MB");
        assert_eq!(megabytes(8_000_000), "8 MB");
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_located() {
        assert_eq!(utf8_problem(b"{\"a\": 1}"), None);
        let show = |b: &[u8]| {
            let (l, c, m) = utf8_problem(b).unwrap();
            format!("{l}:{c}: {m}")
        };
        assert_eq!(
            show(b"{\n  \"name\": \"Caf\xE9\"\n}"),
            "2:15: not UTF-8 text: byte 0xE9 is not valid UTF-8 (byte offset 16); save the file as UTF-8"
        );
        assert_eq!(
            show("{\"a\": \"–".as_bytes().split_last().unwrap().1),
            "1:8: not UTF-8 text: the file ends in the middle of a character (byte offset 7); save the file as UTF-8"
        );
        assert_eq!(
            show(b"\xFF\xFE{\x00}\x00"),
            "1:1: the file is UTF-16 text, not UTF-8; save it as UTF-8"
        );
    }
}

/// The guards as `validate::load` applies them, on the shipped catalog made hostile.
#[cfg(test)]
mod load_tests {
    use super::*;
    use crate::domain::catalog::validate::{load, load_served};
    use crate::domain::testdata::SHIPPED;

    fn with(f: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(SHIPPED).unwrap();
        f(&mut v);
        v.to_string()
    }

    fn skipped(text: &str) -> Vec<String> {
        load(text)
            .expect("loads")
            .skipped
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let loaded = load(&format!("\u{feff}{SHIPPED}")).unwrap();
        assert_eq!(loaded.catalog.tools.len(), 6);
        assert_eq!(load("\u{feff}  \n"), Err(CatalogError::Empty));
    }

    #[test]
    fn repeated_keys_are_refused_wherever_they_are() {
        let text = SHIPPED.replacen(
            "\"slug\": \"mistral-3b\",",
            "\"slug\": \"mistral-3b\", \"slug\": \"x\",",
            1,
        );
        let e = load(&text).unwrap_err();
        assert!(
            matches!(&e, CatalogError::DuplicateKey { path, .. } if path == "tools[2].slug"),
            "{e:?}"
        );
        assert_eq!(e.problems()[0].path, "tools[2].slug");
    }

    #[test]
    fn an_oversized_file_is_refused_by_the_app_only() {
        let big =
            with(|v| v["tools"][0]["description"] = Value::from("x".repeat(MAX_SERVED_BYTES)));
        assert_eq!(
            load_served(&big).unwrap_err().to_string(),
            "the catalog file is 8 MB, more than the 8 MB this site reads as one file"
        );
        // The source file is still checked in full (the build splits it).
        assert_eq!(
            skipped(&big)[..1],
            ["tools[0].description: `description` is 8000000 characters long; the limit is 20000"]
        );
        assert!(load_served(SHIPPED).is_ok());
    }

    #[test]
    fn long_strings_skip_their_tool() {
        let text = with(|v| {
            v["tools"][1]["name"] = Value::from("N".repeat(NAME_CHARS + 1));
            v["tools"][2]["panel"][0]["text"] = Value::from("t ".repeat(TEXT_CHARS));
            v["tools"][3]["pricing"]["summary"] = Value::from("p".repeat(LINE_CHARS + 1));
        });
        let got = skipped(&text);
        assert!(
            got.contains(
                &"tools[1].name: `name` is 201 characters long; the limit is 200".to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"tools[2].panel[0].text: `text` is 40000 characters long; the limit is 20000"
                    .to_string()
            ),
            "{got:?}"
        );
        assert!(
            got.contains(
                &"tools[3].pricing.summary: `summary` is 1001 characters long; the limit is 1000"
                    .to_string()
            ),
            "{got:?}"
        );
        assert_eq!(load(&text).unwrap().catalog.tools.len(), 3);
    }

    #[test]
    fn long_lists_give_one_problem_each() {
        let text = with(|v| {
            let take = v["tools"][0]["panel"][0].clone();
            v["tools"][0]["panel"] = Value::Array(vec![take; 100_000]);
            v["tools"][1]["alternatives"] = Value::Array(vec![Value::from("a"); 21]);
        });
        assert_eq!(
            skipped(&text)[..2],
            [
                "tools[0].panel: 100000 takes, but the panel has 5 personas and each gives at most one",
                "tools[1].alternatives: 21 alternatives; the limit is 20",
            ]
        );
        let many = with(|v| {
            let p = v["personas"][0].clone();
            v["personas"] = Value::Array(
                (0..50_000)
                    .map(|i| {
                        let mut p = p.clone();
                        p["id"] = Value::from(format!("p-{i}"));
                        p
                    })
                    .collect(),
            );
        });
        assert_eq!(
            load(&many).unwrap_err().to_string(),
            "the catalog is invalid: personas: 50000 personas; the panel has at most 20"
        );
        let five =
            with(|v| v["comparisons"][0]["tools"] = Value::Array(vec![Value::from("zz"); 100_000]));
        assert_eq!(
            skipped(&five),
            ["comparisons[0].tools: a comparison needs 2 to 4 tools, found 100000"]
        );
    }

    #[test]
    fn a_group_of_tools_is_compared_once() {
        let text = with(|v| {
            let mut again = v["comparisons"][1].clone();
            again["tools"].as_array_mut().unwrap().reverse();
            v["comparisons"].as_array_mut().unwrap().push(again);
        });
        assert_eq!(
            skipped(&text),
            ["comparisons[5].tools: the same tools as comparisons[1]; a group of tools is compared once"]
        );
    }

    #[test]
    fn messages_quoting_data_stay_short() {
        let text = with(|v| {
            v["tools"][0]["panel"][0]["score"] = Value::from("9".repeat(1_000_000));
            v["tools"][1][&"k".repeat(1_000_000)] = Value::from(1);
        });
        let got = skipped(&text);
        // The two tools, and the two comparisons that needed them.
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|p| p.chars().count() < 650), "{got:?}");
        assert!(got[1].starts_with("tools[1].kkk"), "{got:?}");
        assert!(
            got[0].starts_with("tools[0].panel[0].score: invalid type: string \"9999"),
            "{got:?}"
        );
        let version = with(|v| v["schema_version"] = Value::from("v".repeat(1_000_000)));
        assert!(load(&version).unwrap_err().to_string().len() < 200);
        let version = with(|v| v["schema_version"] = Value::from("1"));
        assert_eq!(
            load(&version).unwrap_err().to_string(),
            "the catalog is invalid: schema_version: `schema_version` must be the number 1, not the string \"1\""
        );
    }
}
