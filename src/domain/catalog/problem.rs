//! A problem with one entry of a catalog, located by its JSON path: the bottom of the
//! catalog's files, which every reader of it reports with.

/// One problem, located by its JSON path (e.g. `tools[2].panel[0].score`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem; a path or message longer than a notice can show (a 10 MB unknown key,
    /// serde quoting a 10 MB string) is cut, with "…".
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        let (path, message) = (path.into(), message.into());
        Problem {
            path: if path.len() > 200 {
                clip(&path, 200)
            } else {
                path
            },
            message: if message.len() > 400 {
                clip(&message, 400)
            } else {
                message
            },
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// `s` cut to `max` characters, with "…" when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
