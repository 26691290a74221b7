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

    /// Moves to element `n` of the array at the cursor.
    fn enter_index(&mut self, n: usize) -> Option<()> {
        self.ws();
        if self.b.get(self.i) != Some(&b'[') {
            return None;
        }
        self.i += 1;
        for _ in 0..n {
            self.ws();
            if self.b.get(self.i)? == &b']' {
                return None;
            }
            self.value()?;
            self.ws();
            if self.b.get(self.i)? != &b',' {
                return None;
            }
            self.i += 1;
        }
        self.ws();
        (self.b.get(self.i)? != &b']').then_some(())
    }
}

/// 1-based (line, column) of the value at `path`, or of its nearest existing ancestor.
pub fn locate(text: &str, path: &str) -> (usize, usize) {
    let mut c = Cursor {
        b: text.as_bytes(),
        i: 0,
    };
    c.ws();
    let mut best = c.i;
    for step in steps(path) {
        let ok = match step {
            Step::Key(k) => c.enter_key(k),
            Step::Index(n) => c.enter_index(n),
        };
        if ok.is_none() {
            break;
        }
        c.ws();
        best = c.i;
    }
    line_col(text, best)
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
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
    }
}
