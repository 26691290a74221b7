//! The catalog's model, and the reader's saved records (`domain::reader::store`), read
//! from parsed JSON (`serde_json::Value`) by hand, not by serde's derive: the same messages
//! as serde's ("invalid type: integer `3`, expected a string", made by serde_json's own
//! error type), at the exact path of the value (`tools[2].panel[0].score`). Serde's
//! derive, typed from a `Value`, cost every reader 7 KB (gzip) more wasm, and named a type
//! error only at its entry (docs/size.md). `tests/fuzz.rs` checks this reader against
//! serde's derive on damaged tools. The catalog's structs get their readers from
//! [`schema!`], which declares them, and natively their JSON Schema ([`Describe`]).
//!
//! Two departures from serde's derive, on purpose (`docs/catalog.md`): a struct must be an
//! object (serde also takes an array of its fields in order), and an enum a string (serde
//! also takes `{"ship": null}`). An entry with several problems is reported at the first
//! in field order, unknown fields first; serde reports the first in key order.

use litemap::LiteMap;
use std::fmt;

use serde::de::{Error as _, Unexpected};
use serde_json::{Map, Value};

use super::problem::Problem;

/// Where a value sits, as a chain of parents; formatted only for a problem.
#[derive(Clone, Copy)]
pub enum At<'a> {
    /// The file's top level (prints as nothing).
    Root,
    /// A value reached by a path already written out, e.g. `tools[2]`.
    Named(&'a str),
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Root => Ok(()),
            At::Named(path) => f.write_str(path),
            At::Key(At::Root, k) => f.write_str(k),
            At::Key(parent, k) => write!(f, "{parent}.{k}"),
            At::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// What a reader makes of a value it cannot read. A [`Problem`] says why, in serde's
/// words, at the value's path: the catalog and an import file, which people edit. An
/// [`Unreadable`] says only that it cannot: the reader's saved records, whose entries are
/// counted and kept aside, never explained, so a page that reads only them links none of
/// the messages' code (4.8 KB gzip of an islands module, docs/size.md).
pub trait Fault: Sized {
    /// "invalid type: map, expected a string".
    fn invalid_type(at: At<'_>, v: &Value, expected: &str) -> Self;
    /// "invalid value: integer `-5`, expected u8".
    fn invalid_value(at: At<'_>, v: Unexpected<'_>, expected: &str) -> Self;
    /// "invalid length 3, expected a tuple of size 2".
    fn invalid_length(at: At<'_>, len: usize, expected: &str) -> Self;
    /// "unknown variant `maybe`, expected `ship` or `skip`".
    fn unknown_variant(at: At<'_>, name: &str, names: &'static [&'static str]) -> Self;
    /// "unknown field `mood`, expected one of …".
    fn unknown_field(at: At<'_>, name: &str, known: &'static [&'static str]) -> Self;
    /// "missing field `text`".
    fn missing_field(at: At<'_>, name: &'static str) -> Self;
}

impl Fault for Problem {
    fn invalid_type(at: At<'_>, v: &Value, expected: &str) -> Self {
        problem(
            at,
            serde_json::Error::invalid_type(unexpected(v), &expected),
        )
    }
    fn invalid_value(at: At<'_>, v: Unexpected<'_>, expected: &str) -> Self {
        problem(at, serde_json::Error::invalid_value(v, &expected))
    }
    fn invalid_length(at: At<'_>, len: usize, expected: &str) -> Self {
        problem(at, serde_json::Error::invalid_length(len, &expected))
    }
    fn unknown_variant(at: At<'_>, name: &str, names: &'static [&'static str]) -> Self {
        problem(at, serde_json::Error::unknown_variant(name, names))
    }
    fn unknown_field(at: At<'_>, name: &str, known: &'static [&'static str]) -> Self {
        problem(
            At::Key(&at, name),
            serde_json::Error::unknown_field(name, known),
        )
    }
    fn missing_field(at: At<'_>, name: &'static str) -> Self {
        problem(at, serde_json::Error::missing_field(name))
    }
}

/// A value that cannot be read, without why (see [`Fault`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

impl Fault for Unreadable {
    fn invalid_type(_: At<'_>, _: &Value, _: &str) -> Self {
        Unreadable
    }
    fn invalid_value(_: At<'_>, _: Unexpected<'_>, _: &str) -> Self {
        Unreadable
    }
    fn invalid_length(_: At<'_>, _: usize, _: &str) -> Self {
        Unreadable
    }
    fn unknown_variant(_: At<'_>, _: &str, _: &'static [&'static str]) -> Self {
        Unreadable
    }
    fn unknown_field(_: At<'_>, _: &str, _: &'static [&'static str]) -> Self {
        Unreadable
    }
    fn missing_field(_: At<'_>, _: &'static str) -> Self {
        Unreadable
    }
}

/// A type read from a JSON value found at a path.
pub trait FromJson: Sized {
    /// Reads `v`; a fault names the path of the value at fault, at or inside `at`.
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Self, F>;
}

/// Reads a value found at `path` (`tools[2]`).
pub fn typed<T: FromJson>(path: &str, v: Value) -> Result<T, Problem> {
    T::from_json(v, At::Named(path))
}

/// serde_json's error as a problem at `at`: the message serde would give.
fn problem(at: At<'_>, e: serde_json::Error) -> Problem {
    Problem::new(at.to_string(), e.to_string())
}

/// What a value is, in serde's words ("integer `3`", "map").
fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (_, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl FromJson for Value {
    fn from_json<F: Fault>(v: Value, _: At<'_>) -> Result<Value, F> {
        Ok(v)
    }
}

impl FromJson for String {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<String, F> {
        match v {
            Value::String(s) => Ok(s),
            v => Err(F::invalid_type(at, &v, "a string")),
        }
    }
}

/// An unsigned integer of at most `max`, serde's way: a negative or larger integer is an
/// invalid value, a fraction an invalid type.
fn unsigned<F: Fault>(v: Value, at: At<'_>, max: u64, name: &str) -> Result<u64, F> {
    let wrong = |u: Unexpected| F::invalid_value(at, u, name);
    match &v {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) if u <= max => Ok(u),
            (Some(u), _) => Err(wrong(Unexpected::Unsigned(u))),
            (_, Some(i)) => Err(wrong(Unexpected::Signed(i))),
            _ => Err(F::invalid_type(at, &v, name)),
        },
        _ => Err(F::invalid_type(at, &v, name)),
    }
}

impl FromJson for u8 {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<u8, F> {
        unsigned(v, at, u8::MAX.into(), "u8").map(|u| u as u8)
    }
}

impl FromJson for u32 {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<u32, F> {
        unsigned(v, at, u32::MAX.into(), "u32").map(|u| u as u32)
    }
}

impl FromJson for usize {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<usize, F> {
        unsigned(v, at, usize::MAX as u64, "usize").map(|u| u as usize)
    }
}

impl FromJson for bool {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<bool, F> {
        match v {
            Value::Bool(b) => Ok(b),
            v => Err(F::invalid_type(at, &v, "a boolean")),
        }
    }
}

/// A pair, written as an array of two (as serde writes a tuple).
impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<(A, B), F> {
        match v {
            Value::Array(items) if items.len() == 2 => {
                let mut items = items.into_iter();
                let (a, b) = (items.next(), items.next());
                Ok((
                    A::from_json(a.unwrap_or_default(), At::Index(&at, 0))?,
                    B::from_json(b.unwrap_or_default(), At::Index(&at, 1))?,
                ))
            }
            Value::Array(items) => Err(F::invalid_length(at, items.len(), "a tuple of size 2")),
            v => Err(F::invalid_type(at, &v, "a tuple of size 2")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Vec<T>, F> {
        match v {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| T::from_json(v, At::Index(&at, i)))
                .collect(),
            v => Err(F::invalid_type(at, &v, "a sequence")),
        }
    }
}

impl<T: FromJson> FromJson for LiteMap<String, T> {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<LiteMap<String, T>, F> {
        match v {
            // Inserted one by one, each at the end (they come sorted): collecting would
            // sort them again, with a sort's code in every page (2.6 KB of wasm, gzip).
            Value::Object(map) => {
                let mut out = LiteMap::new();
                for (k, v) in map {
                    let x = T::from_json(v, At::Key(&at, &k))?;
                    out.insert(k, x);
                }
                Ok(out)
            }
            v => Err(F::invalid_type(at, &v, "a map")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Option<T>, F> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v, at).map(Some),
        }
    }
}

/// A unit-variant enum written as its lowercase name.
pub fn variant<T: Copy, F: Fault>(
    v: Value,
    at: At<'_>,
    names: &'static [&'static str],
    all: &[T],
) -> Result<T, F> {
    match v {
        Value::String(s) => match names.iter().position(|n| *n == s) {
            Some(i) => Ok(all[i]),
            None => Err(F::unknown_variant(at, &s, names)),
        },
        v => Err(F::invalid_type(at, &v, "a string")),
    }
}

/// An object's fields, taken one by one.
pub struct Fields<'a> {
    map: Map<String, Value>,
    at: At<'a>,
}

impl<'a> Fields<'a> {
    /// The fields of `v`, which must be an object of the `known` fields only (the
    /// catalog's records); `name` is what a message says was expected ("struct Tool").
    pub fn of<F: Fault>(
        v: Value,
        at: At<'a>,
        name: &str,
        known: &'static [&'static str],
    ) -> Result<Self, F> {
        let Fields { map, at } = Fields::lenient(v, at, name)?;
        if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(F::unknown_field(at, k, known));
        }
        Ok(Fields { map, at })
    }

    /// The fields of `v`, which must be an object; other fields are ignored (the reader's
    /// saved records, which a later version may add to).
    pub fn lenient<F: Fault>(v: Value, at: At<'a>, name: &str) -> Result<Self, F> {
        match v {
            Value::Object(map) => Ok(Fields { map, at }),
            v => Err(F::invalid_type(at, &v, name)),
        }
    }

    /// A field that must be there.
    pub fn req<T: FromJson, F: Fault>(&mut self, name: &'static str) -> Result<T, F> {
        match self.map.remove(name) {
            Some(v) => T::from_json(v, At::Key(&self.at, name)),
            None => Err(F::missing_field(self.at, name)),
        }
    }

    /// A field that may be left out (`#[serde(default)]`).
    pub fn opt<T: FromJson + Default, F: Fault>(&mut self, name: &'static str) -> Result<T, F> {
        match self.map.remove(name) {
            Some(v) => T::from_json(v, At::Key(&self.at, name)),
            None => Ok(T::default()),
        }
    }
}

/// A JSON Schema being made (natively: `describe`, the catalog's schema for editors): the
/// structs described so far, for its `$defs`, and the keywords of a field's `#[rule(…)]`.
#[cfg(not(target_arch = "wasm32"))]
pub struct Schemas {
    /// Each struct once, by name.
    pub defs: Map<String, Value>,
    /// The keywords a field's [`Rule`] stands for (`describe::rule`).
    pub rule: fn(Rule) -> Value,
}

/// What the checks (`validate`, `guard`) require of a field beyond its type, as its
/// `#[rule(…)]` in `model` names it; `describe::rule` says each in JSON Schema keywords,
/// from the checks' constants.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A name or other short text: not blank, at most `NAME_CHARS` characters.
    Name,
    /// One line, maybe empty: at most `LINE_CHARS`.
    Line,
    /// One line, not blank.
    FilledLine,
    /// A paragraph: not blank, at most `TEXT_CHARS`.
    Text,
    /// A slug or persona id (`validate::is_slug`).
    Slug,
    /// A date that exists, `YYYY-MM-DD` (`validate::is_iso_date`).
    Date,
    /// An http(s) URL (`validate::is_http_url`), at most `URL_CHARS`.
    Url,
    /// The schema version this build reads.
    Version,
    /// A take's score, at most `MAX_SCORE`.
    Score,
    /// The personas: at most `MAX_PERSONAS`.
    Personas,
    /// A tool's takes: no more than personas.
    Takes,
    /// A tool's alternatives: at most `MAX_ALTERNATIVES` names.
    Alternatives,
    /// A tool's verdict changes: at most `MAX_CHANGES`.
    Changes,
    /// A comparison's tools: `MIN_COMPARED` to `MAX_COMPARED` distinct slugs.
    Compared,
}

/// A type that describes its JSON values as a JSON Schema: what [`FromJson`] reads.
#[cfg(not(target_arch = "wasm32"))]
pub trait Describe {
    /// The schema of this type's values. A struct is added to `s.defs` (once), and what is
    /// returned refers to it.
    fn schema(s: &mut Schemas) -> Value;
}

#[cfg(not(target_arch = "wasm32"))]
mod describe_impls {
    use serde_json::{json, Value};

    use super::{Describe, Schemas};

    impl Describe for String {
        fn schema(_: &mut Schemas) -> Value {
            json!({"type": "string"})
        }
    }

    impl Describe for u8 {
        fn schema(_: &mut Schemas) -> Value {
            json!({"type": "integer", "minimum": 0, "maximum": u8::MAX})
        }
    }

    impl Describe for u32 {
        fn schema(_: &mut Schemas) -> Value {
            json!({"type": "integer", "minimum": 0, "maximum": u32::MAX})
        }
    }

    impl Describe for bool {
        fn schema(_: &mut Schemas) -> Value {
            json!({"type": "boolean"})
        }
    }

    /// A value or `null`, which the reader takes for an absent one.
    impl<T: Describe> Describe for Option<T> {
        fn schema(s: &mut Schemas) -> Value {
            let mut v = T::schema(s);
            match v.get("type").and_then(Value::as_str).map(String::from) {
                // `{"type": ["string", "null"]}`: a field's rule still applies beside it.
                Some(t) => {
                    v["type"] = json!([t, "null"]);
                    v
                }
                None => json!({"anyOf": [v, {"type": "null"}]}),
            }
        }
    }

    impl<T: Describe> Describe for Vec<T> {
        fn schema(s: &mut Schemas) -> Value {
            json!({"type": "array", "items": T::schema(s)})
        }
    }
}

/// One field of a struct, as [`schema!`] declares it.
#[cfg(not(target_arch = "wasm32"))]
pub struct Field {
    pub name: &'static str,
    /// Its doc comment, a line an item.
    pub doc: &'static [&'static str],
    /// `#[serde(default…)]`: it may be left out.
    pub optional: bool,
    pub schema: fn(&mut Schemas) -> Value,
    /// Its `#[rule(…)]`.
    pub rule: Option<Rule>,
}

/// A struct's schema, added to `s.defs` under its name: an object of its fields only.
/// Returns the `$ref` to it.
#[cfg(not(target_arch = "wasm32"))]
pub fn object(s: &mut Schemas, name: &str, doc: &[&str], fields: &[Field]) -> Value {
    let at = serde_json::json!({ "$ref": format!("#/$defs/{name}") });
    if s.defs.contains_key(name) {
        return at;
    }
    // Held in place while its fields are described, should one of them hold it.
    s.defs.insert(name.into(), Value::Null);
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in fields {
        let mut v = (f.schema)(s);
        if let Some(rule) = f.rule {
            merge(&mut v, (s.rule)(rule));
        }
        if let Some(d) = prose(f.doc) {
            v["description"] = d.into();
        }
        properties.insert(f.name.into(), v);
        if !f.optional {
            required.push(Value::from(f.name));
        }
    }
    let mut def = Map::new();
    def.insert("title".into(), name.into());
    if let Some(d) = prose(doc) {
        def.insert("description".into(), d.into());
    }
    def.insert("type".into(), "object".into());
    def.insert("properties".into(), properties.into());
    if !required.is_empty() {
        def.insert("required".into(), required.into());
    }
    def.insert("additionalProperties".into(), false.into());
    s.defs.insert(name.into(), def.into());
    at
}

/// Adds `more`'s keywords to `schema`'s, objects key by key (a rule's `items` into the
/// type's); a keyword of both is `more`'s (a rule's `maximum` over its type's).
#[cfg(not(target_arch = "wasm32"))]
fn merge(schema: &mut Value, more: Value) {
    match (schema, more) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(&k) {
                    Some(old @ Value::Object(_)) if v.is_object() => merge(old, v),
                    _ => {
                        a.insert(k, v);
                    }
                }
            }
        }
        (a, b) => *a = b,
    }
}

/// A doc comment as one text: its lines joined, paragraphs kept.
#[cfg(not(target_arch = "wasm32"))]
fn prose(lines: &[&str]) -> Option<String> {
    let mut out = String::new();
    let mut blank = false;
    for line in lines.iter().map(|l| l.trim()) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { " " });
        }
        out.push_str(line);
        blank = false;
    }
    (!out.is_empty()).then_some(out)
}

/// Declares a struct of the catalog's schema with each field named once: the struct as
/// written (its doc comments and attributes, serde's included), its field names in order
/// as `FIELDS`, its [`FromJson`] reader, which checks for unknown fields first, then
/// reads the fields in that order, and, natively, its JSON Schema ([`Describe`]: the
/// catalog's schema for editors, `describe`).
///
/// A field is optional when it carries `#[serde(default …)]` (`default` first), for this
/// reader, serde's derive and the JSON Schema alike: one attribute says it for all. A
/// field's doc comment is its description in the schema, and its `#[rule(…)]` names what
/// the checks require of it beyond its type ([`Rule`]), for the schema only
/// (`describe::rule` gives each its keywords; the macro leaves the attribute out of the
/// struct). A struct whose reader is written by hand (the catalog's top level, `validate`)
/// starts with `fields_only` and gets no reader.
///
/// ```ignore
/// schema! {
///     /// One persona's take on one tool.
///     #[derive(Debug, Serialize, Deserialize)]
///     #[serde(deny_unknown_fields)]
///     pub struct Take {
///         /// A persona id (the schema's description of the field).
///         #[rule(Slug)]
///         pub persona: String,
///         #[serde(default)]
///         pub score: Option<u8>,
///     }
/// }
/// ```
///
/// The reader is the code a hand-written one would be: one `Fields::req` or `Fields::opt`
/// call per field, no generic code of its own (reading by hand saves the 7 KB gzip of wasm
/// serde's derive costs). The schema's code is not built for wasm.
macro_rules! schema {
    // A field's value: `opt` if one of its attributes is `serde(default…)`, else `req`.
    (@read $f:ident $field:ident;) => {
        $f.req(stringify!($field))?
    };
    (@read $f:ident $field:ident; [serde(default $($x:tt)*)] $($rest:tt)*) => {
        $f.opt(stringify!($field))?
    };
    (@read $f:ident $field:ident; [$($attr:tt)*] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@read $f $field; $($rest)*)
    };
    // Whether a field may be left out: one of its attributes is `serde(default…)`.
    (@optional) => { false };
    (@optional [serde(default $($x:tt)*)] $($rest:tt)*) => { true };
    (@optional [$($attr:tt)*] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@optional $($rest)*)
    };
    // The lines of a doc comment (`#[doc = "…"]` attributes), as `&[&str]`.
    (@doc [$($line:expr),*]) => { &[$($line),*] };
    (@doc [$($line:expr),*] [doc = $doc:literal] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@doc [$($line,)* $doc] $($rest)*)
    };
    (@doc [$($line:expr),*] [$($attr:tt)*] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@doc [$($line),*] $($rest)*)
    };
    // A field's `#[rule(…)]`, if it has one.
    (@rule) => { None };
    (@rule [rule($rule:ident)] $($rest:tt)*) => {
        Some($crate::domain::catalog::typing::Rule::$rule)
    };
    (@rule [$($attr:tt)*] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@rule $($rest)*)
    };
    // The struct as written, but for its fields' `#[rule(…)]`: attributes and fields one
    // by one onto `{ done }`.
    (@struct { $($head:tt)* } { $($done:tt)* }) => {
        $($head)* { $($done)* }
    };
    (@struct $head:tt { $($done:tt)* } [rule $($rule:tt)*] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@struct $head { $($done)* } $($rest)*);
    };
    (@struct $head:tt { $($done:tt)* } [$($attr:tt)*] $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@struct $head { $($done)* #[$($attr)*] } $($rest)*);
    };
    (@struct $head:tt { $($done:tt)* } $fvis:vis $field:ident : $ty:ty, $($rest:tt)*) => {
        $crate::domain::catalog::typing::schema!(@struct $head { $($done)* $fvis $field: $ty, } $($rest)*);
    };
    // The struct, its field names and its JSON Schema.
    (
        fields_only
        $(#[$($meta:tt)*])*
        $vis:vis struct $name:ident {
            $( $(#[$($fattr:tt)*])* $fvis:vis $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $crate::domain::catalog::typing::schema!(@struct
            { $(#[$($meta)*])* $vis struct $name }
            {}
            $( $([$($fattr)*])* $fvis $field: $ty, )*
        );

        impl $name {
            /// The field names, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::domain::catalog::typing::Describe for $name {
            fn schema(s: &mut $crate::domain::catalog::typing::Schemas) -> ::serde_json::Value {
                $crate::domain::catalog::typing::object(
                    s,
                    stringify!($name),
                    $crate::domain::catalog::typing::schema!(@doc [] $([$($meta)*])*),
                    &[$(
                        $crate::domain::catalog::typing::Field {
                            name: stringify!($field),
                            doc: $crate::domain::catalog::typing::schema!(@doc [] $([$($fattr)*])*),
                            optional: $crate::domain::catalog::typing::schema!(@optional $([$($fattr)*])*),
                            schema: <$ty as $crate::domain::catalog::typing::Describe>::schema,
                            rule: $crate::domain::catalog::typing::schema!(@rule $([$($fattr)*])*),
                        }
                    ),*],
                )
            }
        }
    };
    // The struct, its field names, its JSON Schema and its reader.
    (
        $(#[$($meta:tt)*])*
        $vis:vis struct $name:ident {
            $( $(#[$($fattr:tt)*])* $fvis:vis $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $crate::domain::catalog::typing::schema! {
            fields_only
            $(#[$($meta)*])*
            $vis struct $name {
                $( $(#[$($fattr)*])* $fvis $field: $ty, )*
            }
        }

        impl $crate::domain::catalog::typing::FromJson for $name {
            fn from_json<F: $crate::domain::catalog::typing::Fault>(
                v: ::serde_json::Value,
                at: $crate::domain::catalog::typing::At<'_>,
            ) -> Result<$name, F> {
                let name = concat!("struct ", stringify!($name));
                let mut f = $crate::domain::catalog::typing::Fields::of(v, at, name, $name::FIELDS)?;
                Ok($name {
                    $( $field: $crate::domain::catalog::typing::schema!(@read f $field; $([$($fattr)*])*), )*
                })
            }
        }
    };
}
pub(crate) use schema;

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::catalog::model::{Call, Entry, Pricing, Site, Take};

    /// The problem with `v` as a `T`; reading it quietly (`Unreadable`) must fail too.
    fn err<T: FromJson + fmt::Debug>(v: Value) -> String {
        assert_eq!(
            T::from_json::<Unreadable>(v.clone(), At::Root).err(),
            Some(Unreadable),
            "{v}"
        );
        let p = typed::<T>("tools[2]", v).unwrap_err();
        format!("{}: {}", p.path, p.message)
    }

    #[test]
    fn messages_are_serdes_at_the_exact_path() {
        assert_eq!(
            err::<String>(json!(3)),
            "tools[2]: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            err::<u8>(json!(-5)),
            "tools[2]: invalid value: integer `-5`, expected u8"
        );
        assert_eq!(
            err::<u8>(json!(256)),
            "tools[2]: invalid value: integer `256`, expected u8"
        );
        assert_eq!(
            err::<u32>(json!(1.5)),
            "tools[2]: invalid type: floating point `1.5`, expected u32"
        );
        assert_eq!(
            err::<Vec<String>>(json!({})),
            "tools[2]: invalid type: map, expected a sequence"
        );
        assert_eq!(
            err::<Vec<String>>(json!(["a", null])),
            "tools[2][1]: invalid type: null, expected a string"
        );
        assert_eq!(
            err::<Call>(json!("maybe")),
            "tools[2]: unknown variant `maybe`, expected `ship` or `skip`"
        );
        assert_eq!(
            err::<Entry>(json!("cheap")),
            "tools[2]: unknown variant `cheap`, expected one of `free`, `freemium`, `paid`"
        );
        assert_eq!(
            err::<Take>(json!({"persona": "a", "verdict": "ship", "text": "t", "mood": 1})),
            "tools[2].mood: unknown field `mood`, expected one of `persona`, `verdict`, `score`, `text`"
        );
        assert_eq!(
            err::<Take>(json!({"persona": "a", "verdict": "ship"})),
            "tools[2]: missing field `text`"
        );
        assert_eq!(
            err::<Pricing>(json!(["free", "x"])),
            "tools[2]: invalid type: sequence, expected struct Pricing"
        );
        assert_eq!(
            err::<Take>(json!({"persona": "a", "verdict": "ship", "score": "9", "text": "t"})),
            "tools[2].score: invalid type: string \"9\", expected u8"
        );
    }

    /// What an island's props hold beside the catalog's types: read as serde reads them.
    #[test]
    fn pairs_flags_and_sizes_read_as_serdes_derive_does() {
        fn same<T>(v: Value)
        where
            T: FromJson + serde::de::DeserializeOwned + PartialEq + fmt::Debug,
        {
            let ours = T::from_json(v.clone(), At::Root).map_err(|p: Problem| p.message);
            let serde = serde_json::from_value::<T>(v.clone()).map_err(|e| e.to_string());
            assert_eq!(ours, serde, "{v}");
        }
        same::<(String, String)>(json!(["a", "b"]));
        same::<(String, String)>(json!(["a"]));
        same::<(String, String)>(json!(["a", 2]));
        same::<(String, String)>(json!("ab"));
        same::<Vec<(String, String)>>(json!([["a", "A"], ["b", "B"]]));
        same::<bool>(json!(true));
        same::<bool>(json!(1));
        same::<usize>(json!(7));
        same::<usize>(json!(-1));
        same::<usize>(json!(1.5));
        same::<Option<usize>>(json!(null));
        // Past two items serde_json's own message differs; it is an error either way.
        assert!(typed::<(String, String)>("", json!(["a", "b", "c"])).is_err());
    }

    /// A value read quietly is the value read with messages: the two differ only in what
    /// a fault says.
    #[test]
    fn read_quietly_or_not_a_value_is_the_same() {
        fn both<T: FromJson + PartialEq + fmt::Debug>(v: Value) {
            let quiet = T::from_json::<Unreadable>(v.clone(), At::Root).ok();
            let told = typed::<T>("", v.clone()).ok();
            assert!(quiet.is_some(), "{v}");
            assert_eq!(quiet, told, "{v}");
        }
        both::<Take>(json!({"persona": "a", "verdict": "ship", "score": 9, "text": "t"}));
        both::<Take>(json!({"persona": "a", "verdict": "skip", "text": "t"}));
        both::<Vec<(String, String)>>(json!([["a", "A"]]));
        both::<Option<u32>>(json!(null));
        both::<LiteMap<String, u8>>(json!({"builder": 3}));
    }

    #[test]
    fn left_out_and_null_optional_fields_are_none() {
        let take = json!({"persona": "a", "verdict": "skip", "text": "t"});
        let t: Take = typed("t", take).unwrap();
        assert_eq!((t.score, t.verdict), (None, Call::Skip));
        let take = json!({"persona": "a", "verdict": "ship", "score": null, "text": "t"});
        assert_eq!(typed::<Take>("t", take).unwrap().score, None);
        let site: Site = typed("site", json!({"title": "T"})).unwrap();
        assert_eq!((site.tagline.as_str(), site.newsletter_url), ("", None));
    }

    #[test]
    fn docs_become_descriptions_and_rules_add_keywords() {
        assert_eq!(prose(&[]), None);
        assert_eq!(
            prose(&[" One line", " and its end.", "", " Another."]).unwrap(),
            "One line and its end.\n\nAnother."
        );
        let mut v = json!({"type": "array", "items": {"type": "string"}, "maxItems": 9});
        merge(&mut v, json!({"maxItems": 2, "items": {"maxLength": 3}}));
        assert_eq!(
            v,
            json!({"type": "array", "items": {"type": "string", "maxLength": 3}, "maxItems": 2})
        );
    }

    #[test]
    fn paths_print_like_the_catalog_tools() {
        let root = At::Root;
        let named = At::Named("tools[2]");
        assert_eq!(At::Key(&root, "site").to_string(), "site");
        assert_eq!(
            At::Index(&At::Key(&named, "panel"), 0).to_string(),
            "tools[2].panel[0]"
        );
    }
}
