//! JSON read by the browser's own parser (`JSON.parse`): the reader's saved records and
//! an island's props. The tree it gives is turned into a `serde_json::Value`, which is
//! typed by hand (`domain::catalog::typing`); the records are written back the same way,
//! as a tree (`domain::reader::store`) the browser writes as text (`JSON.stringify`). So
//! the wasm of a page carries no JSON text parser or writer and no serde derive for them
//! (docs/size.md, "The reader's records"). The catalog is not read here:
//! `domain::catalog::guard` refuses repeated keys and says where a syntax error is, which
//! `JSON.parse` does not.

use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// How deep a tree may nest, as `domain::catalog::guard` allows: deeper is an error
/// rather than a deep recursion (a tampered record is not to overflow the stack).
const DEPTH: usize = 128;

/// The tree of `text`, or what is wrong with it (the browser's words).
pub fn parse(text: &str) -> Result<Value, String> {
    let tree = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map_or_else(|| "not JSON".to_string(), |e| e.message().into())
    })?;
    value(&tree, 0)
}

fn value(v: &JsValue, depth: usize) -> Result<Value, String> {
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        return Ok(number(n).map_or(Value::Null, Value::Number));
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if !v.is_object() {
        return Ok(Value::Null);
    }
    if depth == DEPTH {
        return Err(format!("it nests more than {DEPTH} levels deep"));
    }
    if let Some(items) = v.dyn_ref::<js_sys::Array>() {
        return items
            .iter()
            .map(|v| value(&v, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    let mut out = Map::new();
    for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        out.insert(key, value(&entry.get(1), depth + 1)?);
    }
    Ok(Value::Object(out))
}

/// The text of `tree`, as `JSON.stringify` writes it.
pub fn text(tree: &Value) -> String {
    js_sys::JSON::stringify(&to_js(tree))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

fn to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64().unwrap_or_default()),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Value::Object(map) => {
            let out = js_sys::Object::new();
            for (k, v) in map {
                let _ = js_sys::Reflect::set(&out, &JsValue::from_str(k), &to_js(v));
            }
            out.into()
        }
    }
}

/// A number as serde_json reads it from text: whole numbers as integers (a record's
/// `version` is read with `as_u64`), others as floats; `None` for a number JSON cannot
/// hold (`1e999` parses as Infinity).
fn number(n: f64) -> Option<Number> {
    // 2^53: past it an f64 no longer holds every integer.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if n.fract() == 0.0 && n.abs() <= EXACT {
        return Some(if n < 0.0 {
            Number::from(n as i64)
        } else {
            Number::from(n as u64)
        });
    }
    Number::from_f64(n)
}
