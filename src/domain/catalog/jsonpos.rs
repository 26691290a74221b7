//! Finds the line:column of a JSON path (`tools[2].panel[0].score`) in JSON text, so the
//! `catalog check` tool can point editors at the exact spot. Works on text that already
//! parsed as JSON; returns `None` where the path does not exist.

/// One step of a path.
#[derive(Debug, PartialEq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        if part.is_empty() || part == "$" {
            continue;
        }
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(end) = rest.find(']') {
            if let Ok(i) = rest[1..end].parse() {
                out.push(Step::Index(i));
            }
            rest = &rest[end + 1..];
        }
    }
    out
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    /// Skips a string starting at `"`; returns its raw contents.
    fn string(&mut self) -> Option<&str> {
        let start = self.i + 1;
        self.i += 1;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return std::str::from_utf8(&self.b[start..self.i - 1]).ok();
                }
                _ => self.i += 1,
            }
        }
        None
    }

    /// Skips any value.
    fn value(&mut self) -> Option<()> {
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                while self.i < self.b.len() {
                    match self.b[self.i] {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
                None
            }
            _ => {
                while self.i < self.b.len() && !matches!(self.b[self.i], b',' | b'}' | b']') {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// Moves to the value of `key` in the object at the cursor.
    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.ws();
        if self.b.get(self.i) != Some(&b'{') {
            return None;
        }
        self.i += 1;
        loop {
            self.ws();
            if self.b.get(self.i)? == &b'}' {
                return None;
            }
            let k = self.string()?.to_string();
            self.ws();
            self.i += 1; // ':'
            self.ws();
            if k == key {
                return Some(());
            }
            self.value()?;
            self.ws();
            if self.b.get(self.i)? == &b',' {
                self.i += 1;
            }
        }
    }
}

/// 1-based (line, column) of the value at `path`, or of its nearest existing ancestor.
pub fn locate(text: &str, path: &str) -> (usize, usize) {
    locate_all(text, &[path])[0]
}

/// [`locate`] for many paths at once, in one pass over the text whatever their number:
/// the elements of each array walked are indexed once, and lines and columns are counted
/// in a single sweep. (50,000 skipped tools once took `catalog check` a minute.)
pub fn locate_all<S: AsRef<str>>(text: &str, paths: &[S]) -> Vec<(usize, usize)> {
    // A byte-order mark is not part of the JSON (`validate::load` ignores it too).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let b = text.as_bytes();
    let mut arrays: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    let offsets: Vec<usize> = paths
        .iter()
        .map(|path| {
            let mut c = Cursor { b, i: 0 };
            c.ws();
            // Nothing but whitespace: the top of the file.
            let mut best = if c.i == b.len() { 0 } else { c.i };
            for step in steps(path.as_ref()) {
                let ok = match step {
                    Step::Key(k) => c.enter_key(k),
                    Step::Index(n) if b.get(c.i) == Some(&b'[') => arrays
                        .entry(c.i)
                        .or_insert_with(|| elements(b, c.i))
                        .get(n)
                        .map(|&at| c.i = at),
                    Step::Index(_) => None,
                };
                if ok.is_none() {
                    break;
                }
                c.ws();
                best = c.i;
            }
            best
        })
        .collect();
    // One sweep in offset order.
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&k| offsets[k]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut line, mut col, mut chars) = (1, 1, text.char_indices().peekable());
    for k in order {
        while let Some(&(at, ch)) = chars.peek() {
            if at >= offsets[k] {
                break;
            }
            if ch == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            chars.next();
        }
        out[k] = (line, col);
    }
    out
}

/// Start offsets of the elements of the array whose `[` is at `open`.
fn elements(b: &[u8], open: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut c = Cursor { b, i: open + 1 };
    loop {
        c.ws();
        match b.get(c.i) {
            None | Some(b']') => break,
            Some(_) => out.push(c.i),
        }
        if c.value().is_none() {
            break;
        }
        c.ws();
        if b.get(c.i) != Some(&b',') {
            break;
        }
        c.i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": 1,\n  \"tools\": [\n    {\"slug\": \"x\"},\n    {\"slug\": \"y\", \"panel\": [{\"score\": 140}]}\n  ]\n}";

    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(DOC, "a"), (2, 8));
        assert_eq!(locate(DOC, "tools[0]"), (4, 5));
        assert_eq!(locate(DOC, "tools[1].slug"), (5, 14));
        assert_eq!(locate(DOC, "tools[1].panel[0].score"), (5, 39));
    }

    #[test]
    fn falls_back_to_the_nearest_ancestor() {
        assert_eq!(locate(DOC, "tools[1].missing"), (5, 5));
        assert_eq!(locate(DOC, "tools[7]"), (3, 12));
        assert_eq!(locate(DOC, "$"), (1, 1));
        assert_eq!(locate("\n\n  ", "$"), (1, 1));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(locate(&format!("\u{feff}{DOC}"), "tools[1].slug"), (5, 14));
    }

    #[test]
    fn many_paths_at_once_match_one_at_a_time() {
        let paths = [
            "tools[1].panel[0].score",
            "a",
            "tools[0]",
            "tools[7]",
            "$",
            "tools[1].slug",
        ];
        let one: Vec<_> = paths.iter().map(|p| locate(DOC, p)).collect();
        assert_eq!(locate_all(DOC, &paths), one);
        assert_eq!(one, [(5, 39), (2, 8), (4, 5), (3, 12), (1, 1), (5, 14)]);
        // 50,000 elements of one line: linear, not quadratic.
        let big = format!(
            "{{\"tools\": [{}]}}",
            vec!["{\"slug\": \"é\"}"; 50_000].join(",")
        );
        let paths: Vec<String> = (0..50_000).map(|i| format!("tools[{i}].slug")).collect();
        let at = locate_all(&big, &paths);
        assert_eq!(at[0], (1, 21));
        assert_eq!(at[49_999], (1, 21 + 49_999 * 14));
    }
}
