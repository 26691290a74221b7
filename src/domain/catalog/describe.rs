//! The catalog's JSON Schema (draft 2020-12), for editors: `catalog schema` writes it, and
//! `public/catalog.schema.json`, committed and published beside `catalog.json`, is what it
//! writes (`docs/catalog.md`, "JSON Schema").
//!
//! It is made from the declarations the reader types from. [`schema!`] gives each struct
//! of `model` a [`Describe`] impl from its fields: name, type, doc comment (the field's
//! `description`), optional when `#[serde(default…)]`, and its `#[rule(…)]` ([`Rule`]):
//! what the checks (`validate`, `guard`) require of it beyond its type, which [`rule`]
//! turns into keywords with the checks' own constants. What a schema cannot say (unique
//! slugs, known personas…) is listed in `docs/catalog.md`, and `tests/schema.rs` holds the
//! schema to the reader with an independent validator.
//!
//! Native only (`catalog` tool and tests): none of it is in the app's wasm.
//!
//! [`schema!`]: super::typing::schema

use serde_json::{json, Map, Value};

use super::guard::{
    LINE_CHARS, MAX_ALTERNATIVES, MAX_CHANGES, MAX_PERSONAS, NAME_CHARS, TEXT_CHARS, URL_CHARS,
};
use super::model::{Call, Catalog, Entry, MAX_COMPARED, MAX_SCORE, MIN_COMPARED, SCHEMA_VERSION};
use super::typing::{Describe, Rule, Schemas};
use super::validate::{is_url_char, SLUG_CHARS};

/// The schema's file, beside `catalog.json` in `public/` and in the built site.
pub const FILE: &str = "catalog.schema.json";

/// The JSON Schema dialect of the catalog's schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema's `$id`: a name, not an address (the site's address is the deployer's).
/// Editors find the schema by the catalog's `"$schema"` key.
pub const ID: &str = "urn:ship-or-skip:catalog";

impl Describe for Entry {
    fn schema(_: &mut Schemas) -> Value {
        json!({"enum": Entry::NAMES})
    }
}

impl Describe for Call {
    fn schema(_: &mut Schemas) -> Value {
        json!({"enum": Call::NAMES})
    }
}

/// The keywords of a field's [`Rule`] (its `#[rule(…)]` in `model`): what the checks
/// (`validate`, `guard`) require of it beyond its type, from their constants.
pub fn rule(rule: Rule) -> Value {
    let keywords = match rule {
        // `guard::check_len`, and `non_empty` for required strings.
        Rule::Name => chars(NAME_CHARS).non_blank(),
        Rule::Line => chars(LINE_CHARS),
        Rule::FilledLine => chars(LINE_CHARS).non_blank(),
        Rule::Text => chars(TEXT_CHARS).non_blank(),
        Rule::Slug => slug(),
        Rule::Date => date(),
        Rule::Url => url(),
        Rule::Version => Keywords::default().with("const", SCHEMA_VERSION),
        Rule::Score => Keywords::default().with("maximum", MAX_SCORE),
        Rule::Personas => items(0, MAX_PERSONAS),
        // No more takes than personas (`guard::oversized_lists`), so no more than the
        // most personas there can be.
        Rule::Takes => items(0, MAX_PERSONAS),
        Rule::Alternatives => items(0, MAX_ALTERNATIVES).each(chars(NAME_CHARS).non_blank()),
        Rule::Changes => items(0, MAX_CHANGES),
        Rule::Compared => items(MIN_COMPARED, MAX_COMPARED).unique().each(slug()),
    };
    keywords.into()
}

/// What the checks require of a value beyond its type, as JSON Schema keywords.
#[derive(Debug, Clone, Default)]
struct Keywords {
    keywords: Map<String, Value>,
    /// The rule of each item of a list.
    each: Option<Box<Keywords>>,
}

impl Keywords {
    fn with(mut self, key: &str, value: impl Into<Value>) -> Keywords {
        let before = self.keywords.insert(key.into(), value.into());
        assert!(before.is_none(), "a rule says `{key}` twice");
        self
    }

    /// A pattern, with the message an editor shows (`patternErrorMessage`, VS Code's)
    /// instead of the pattern itself.
    fn pattern(self, pattern: String, message: &str) -> Keywords {
        self.with("pattern", pattern)
            .with("patternErrorMessage", message)
    }

    /// Not empty, nor only whitespace (the checks' `non_empty`: `str::trim`, which
    /// trims what `char::is_whitespace` says).
    fn non_blank(self) -> Keywords {
        let pattern = format!("[^{}]", class(char::is_whitespace));
        self.pattern(pattern, "must not be empty or only whitespace")
    }

    /// Each item of a list distinct.
    fn unique(self) -> Keywords {
        self.with("uniqueItems", true)
    }

    /// The rule of each item of a list.
    fn each(mut self, each: Keywords) -> Keywords {
        self.each = Some(Box::new(each));
        self
    }
}

impl From<Keywords> for Value {
    /// The keywords, the items' under `items`.
    fn from(k: Keywords) -> Value {
        let mut keywords = k.keywords;
        if let Some(each) = k.each {
            keywords.insert("items".into(), Value::from(*each));
        }
        Value::Object(keywords)
    }
}

/// At most `max` characters (`guard::check_len`).
fn chars(max: usize) -> Keywords {
    Keywords::default().with("maxLength", max)
}

/// A slug or persona id (`validate::is_slug`): words of a–z and 0–9 joined by single
/// hyphens, no word `vs` but alone (`-vs-` joins the slugs of a comparison's URL); at most
/// [`SLUG_CHARS`].
fn slug() -> Keywords {
    chars(SLUG_CHARS).pattern(
        r"^(?:[a-z0-9]+|(?!vs-)[a-z0-9]+(?:-(?!vs(?:-|$))[a-z0-9]+)+)$".into(),
        "a slug: a-z, 0-9 and inner single hyphens, never \"-vs-\"",
    )
}

/// A date that exists, `YYYY-MM-DD` (`validate::is_iso_date`): 29 February only in a leap
/// year (divisible by 4, and by 400 if by 100).
fn date() -> Keywords {
    const DAY: &str = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])\
                       |(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)\
                       |02-(?:0[1-9]|1[0-9]|2[0-8]))";
    const LEAP: &str = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])\
                        |(?:[02468][048]|[13579][26])00)";
    Keywords::default().pattern(
        format!("^(?:[0-9]{{4}}-{DAY}|{LEAP}-02-29)$"),
        "an ISO-8601 date that exists (YYYY-MM-DD)",
    )
}

/// An absolute http(s) URL (`validate::is_http_url`): the scheme in any case, a host that
/// starts with a letter, digit or `[`, and only characters `is_url_char` allows; at most
/// [`URL_CHARS`].
fn url() -> Keywords {
    let refused = class(|c| !is_url_char(c));
    chars(URL_CHARS).pattern(
        format!("^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9\\[][^{refused}]*$"),
        "an http:// or https:// link, without spaces, quotes or angle brackets",
    )
}

/// A list of `min` to `max` items.
fn items(min: usize, max: usize) -> Keywords {
    let r = Keywords::default().with("maxItems", max);
    if min > 0 {
        r.with("minItems", min)
    } else {
        r
    }
}

/// A regex character class's inside (without its brackets) of every character `is`
/// holds, as `\uXXXX` escapes and ranges: what ECMA-262, editors' dialect, and Python
/// read alike.
fn class(is: impl Fn(char) -> bool) -> String {
    let mut out = String::new();
    let mut run: Option<(u32, u32)> = None;
    let close = |out: &mut String, (from, to): (u32, u32)| {
        assert!(to <= 0xFFFF, "\\u{to:x} needs a regex's u flag");
        out.push_str(&format!("\\u{from:04x}"));
        if to > from {
            out.push_str(&format!("-\\u{to:04x}"));
        }
    };
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let n = c as u32;
        match (is(c), run) {
            (true, Some((from, to))) if to + 1 == n => run = Some((from, n)),
            (true, r) => {
                if let Some(r) = r {
                    close(&mut out, r);
                }
                run = Some((n, n));
            }
            (false, _) => {}
        }
    }
    if let Some(r) = run {
        close(&mut out, r);
    }
    out
}

/// The catalog's schema, as `catalog schema` writes it: the top level is [`Catalog`]'s,
/// every other struct is in `$defs` (a split catalog's tool file is a `#/$defs/Tool`).
pub fn catalog() -> Value {
    let mut s = Schemas {
        defs: Map::new(),
        rule,
    };
    Catalog::schema(&mut s);
    let mut defs = s.defs;
    let Some(Value::Object(top)) = defs.remove("Catalog") else {
        unreachable!("Catalog describes itself in $defs")
    };
    let mut root = Map::new();
    root.insert("$schema".into(), DIALECT.into());
    root.insert("$id".into(), ID.into());
    root.insert("title".into(), "Ship or Skip catalog".into());
    root.insert(
        "description".into(),
        format!(
            "The content of a Ship or Skip site (catalog.json, schema version {}): its \
             reviewer panel, tools and comparisons. Generated by `catalog schema` from the \
             reader's own declarations; `catalog check` also checks what a schema cannot \
             (unique slugs and persona ids, takes by known personas, comparisons of known \
             tools): see docs/catalog.md.",
            SCHEMA_VERSION
        )
        .into(),
    );
    for (k, v) in top {
        if k != "title" && k != "description" {
            root.insert(k, v);
        }
    }
    // An editor's pointer to this schema, which the reader ignores (`validate`).
    root["properties"]["$schema"] = json!({
        "type": "string",
        "description": "This schema's address, for editors: \"./catalog.schema.json\". Ignored by the site.",
    });
    // `tools`, or in a split catalog's head `split` instead (`validate::load`: a `null`
    // is no `split`).
    for f in ["tools", "split"] {
        assert!(Catalog::FIELDS.contains(&f), "Catalog has no field `{f}`");
    }
    if let Some(Value::Array(required)) = root.get_mut("required") {
        required.retain(|f| f != "tools");
    }
    root.insert(
        "oneOf".into(),
        json!([
            {"required": ["tools"], "properties": {"split": {"type": "null"}}},
            {"required": ["split"], "properties": {"split": {"type": "object"}},
             "not": {"required": ["tools"]}},
        ]),
    );
    root.insert("$defs".into(), Value::Object(defs));
    Value::Object(root)
}

/// [`catalog`] as `catalog schema` writes it: indented, its top level in the order a
/// reader of the file wants (what it is, then the catalog's fields, then `$defs`), every
/// object below with its keys sorted; ending with a newline.
pub fn text() -> String {
    const ORDER: [&str; 10] = [
        "$schema",
        "$id",
        "title",
        "description",
        "type",
        "required",
        "oneOf",
        "additionalProperties",
        "properties",
        "$defs",
    ];
    let Value::Object(root) = catalog() else {
        unreachable!("the schema is an object")
    };
    assert!(
        root.keys().all(|k| ORDER.contains(&k.as_str())),
        "a top-level key of the schema has no place in ORDER"
    );
    let pretty = |v: &Value| serde_json::to_string_pretty(v).expect("a Value serializes");
    let members: Vec<String> = ORDER
        .iter()
        .filter_map(|k| {
            // Strings hold no raw line breaks: each break indents one level more.
            let v = pretty(root.get(*k)?).replace('\n', "\n  ");
            Some(format!("  {}: {v}", pretty(&Value::from(*k))))
        })
        .collect();
    format!("{{\n{}\n}}\n", members.join(",\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file the site publishes is the one the declarations give.
    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/catalog.schema.json");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == text(),
            "public/catalog.schema.json is not the schema of the catalog's declarations \
             (src/domain/catalog/model.rs): regenerate it with \
             `cargo run --bin catalog -- schema public/catalog.schema.json`"
        );
    }

    #[test]
    fn the_text_is_the_schema_in_order() {
        let text = text();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), catalog());
        assert!(text.starts_with(
            "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": "
        ));
        assert!(text.ends_with("\n  }\n}\n"), "{}", &text[text.len() - 40..]);
    }

    #[test]
    fn every_struct_is_a_closed_object_with_its_required_fields() {
        let s = catalog();
        assert_eq!(s["$schema"], DIALECT);
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(
            s["required"],
            json!(["schema_version", "generated", "site", "personas"])
        );
        assert_eq!(s["properties"]["schema_version"]["const"], 1);
        assert_eq!(s["properties"]["tools"]["items"]["$ref"], "#/$defs/Tool");
        let take = &s["$defs"]["Take"];
        assert_eq!(take["required"], json!(["persona", "verdict", "text"]));
        assert_eq!(take["additionalProperties"], false);
        assert_eq!(
            take["properties"]["verdict"]["enum"],
            json!(["ship", "skip"])
        );
        assert_eq!(
            take["properties"]["score"],
            json!({"type": ["integer", "null"], "minimum": 0, "maximum": 100,
                   "description": "0–100, optional: some takes carry no score."})
        );
        let tool = &s["$defs"]["Tool"]["properties"];
        assert_eq!(tool["alternatives"]["maxItems"], 20);
        assert_eq!(tool["alternatives"]["items"]["maxLength"], 200);
        assert_eq!(tool["name"]["maxLength"], 200);
        for def in s["$defs"].as_object().unwrap().values() {
            assert_eq!(def["type"], "object");
            assert_eq!(def["additionalProperties"], false);
        }
    }

    #[test]
    fn classes_are_ranges_of_escapes() {
        assert_eq!(
            class(|c| c == 'a' || c == 'b' || c == 'd'),
            "\\u0061-\\u0062\\u0064"
        );
        assert_eq!(
            class(char::is_whitespace),
            "\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000"
        );
    }
}
