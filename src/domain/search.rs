//! The search index behind browse: built once per catalog, so a keystroke allocates
//! nothing per tool and recomputes no tally.
//!
//! Matching, per query term (every term must match somewhere):
//! name starts with it (100) › a name word starts with it (80) › the name contains it
//! (60) › a name word starts with it give or take one typo, two from 8 letters (50, 40)
//! › a vendor (40), category (30) or tagline (20) word starts with it. A query equal to
//! the whole name gets a bonus, so "mistral 3b" ranks Mistral 3B over Mistral 3B Pro.

use super::model::{Catalog, Tool};
use super::verdict::{average_score, Tally, Verdict};

/// Lowercased, space-separated words of letters and digits, with a leading space so
/// that "a word starts with `t`" is one substring search for `" t"`.
fn word_line(parts: &[&str]) -> Box<str> {
    let mut s = String::new();
    for part in parts {
        for w in part
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            s.push(' ');
            s.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    s.into_boxed_str()
}

/// What search, facets and sort need of one tool, precomputed.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Lowercased name (also the name sort key).
    pub name: Box<str>,
    /// Name words, see [`word_line`].
    name_words: Box<str>,
    vendor: Box<str>,
    category: Box<str>,
    tagline: Box<str>,
    pub ship: Option<u32>,
    pub avg: Option<u32>,
    pub verdict: Verdict,
}

impl Doc {
    fn new(tool: &Tool) -> Doc {
        let tally = Tally::of(tool);
        Doc {
            name: tool.name.to_lowercase().into_boxed_str(),
            name_words: word_line(&[&tool.name]),
            vendor: word_line(&[&tool.vendor]),
            category: word_line(&[&tool.category]),
            tagline: word_line(&[&tool.tagline]),
            ship: tally.ship_percent(),
            avg: average_score(tool),
            verdict: tally.verdict(),
        }
    }

    /// How well one prepared term matches; 0 = no match.
    fn term_score(&self, t: &Term) -> u32 {
        if self.name.starts_with(t.text.as_str()) {
            100
        } else if self.name_words.contains(t.spaced.as_str()) {
            80
        } else if self.name.contains(t.text.as_str()) {
            60
        } else if let Some(d) = t.fuzzy_name(&self.name_words) {
            50 - 10 * d
        } else if self.vendor.contains(t.spaced.as_str()) {
            40
        } else if self.category.contains(t.spaced.as_str()) {
            30
        } else if self.tagline.contains(t.spaced.as_str()) {
            20
        } else {
            0
        }
    }
}

/// One query term, lowercased, with its `" term"` form and typo allowance.
struct Term {
    text: String,
    spaced: String,
    bytes: Vec<u8>,
    typos: u32,
}

impl Term {
    fn new(text: String) -> Term {
        let n = text.chars().count();
        Term {
            spaced: format!(" {text}"),
            bytes: text.as_bytes().to_vec(),
            typos: match n {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            },
            text,
        }
    }

    /// The fewest typos with which some name word starts with this term, if allowed.
    fn fuzzy_name(&self, words: &str) -> Option<u32> {
        if self.typos == 0 {
            return None;
        }
        // Typos are looked for after the first letter, as most fuzzy search does: it is
        // rarely the one mistyped, and it spares the distance on most words.
        let first = self.bytes[0];
        words
            .split(' ')
            .filter(|w| w.as_bytes().first() == Some(&first))
            .filter_map(|w| prefix_distance(&self.bytes, w.as_bytes(), self.typos))
            .min()
    }
}

/// The edit distance (with transpositions) between `term` and the closest prefix of
/// `word`, if at most `max`. Bytes, not chars: a non-ASCII letter costs at most one extra
/// typo, which only makes matching stricter.
pub fn prefix_distance(term: &[u8], word: &[u8], max: u32) -> Option<u32> {
    let (m, max) = (term.len(), max as usize);
    if word.is_empty() || word.len() + max < m {
        return None;
    }
    // Only prefixes of length m ± max can be within reach.
    let n = word.len().min(m + max);
    let mut rows = [vec![0usize; n + 1], vec![0; n + 1], vec![0; n + 1]];
    for (j, c) in rows[1].iter_mut().enumerate() {
        *c = j;
    }
    for i in 1..=m {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(term[i - 1] != word[j - 1]);
            let mut d = (rows[prev][j - 1] + cost)
                .min(rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1);
            if i > 1 && j > 1 && term[i - 1] == word[j - 2] && term[i - 2] == word[j - 1] {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    let best = rows[m % 3].iter().skip(1).copied().min()?;
    (best <= max).then_some(best as u32)
}

/// Lowercased words of a query.
fn terms(query: &str) -> Vec<Term> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| Term::new(w.to_lowercase()))
        .collect()
}

/// The index of a catalog: one [`Doc`] per tool, in catalog order.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
}

/// A prepared query: match it against many docs.
pub struct Query {
    terms: Vec<Term>,
    whole: String,
}

impl Query {
    pub fn new(q: &str) -> Query {
        let terms = terms(q);
        let whole = terms
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        Query { terms, whole }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Relevance of a doc: `None` unless every term matches.
    pub fn score(&self, doc: &Doc) -> Option<u32> {
        let mut total = 0;
        for t in &self.terms {
            match doc.term_score(t) {
                0 => return None,
                s => total += s,
            }
        }
        // The whole name typed (ignoring punctuation) beats a longer name with that prefix.
        if !self.terms.is_empty() && doc.name_words.trim_start() == self.whole {
            total += 50;
        }
        Some(total)
    }
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> SearchIndex {
        SearchIndex {
            docs: catalog.tools.iter().map(Doc::new).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_distance_counts_typos_against_the_closest_prefix() {
        let d = |t: &str, w: &str, max| prefix_distance(t.as_bytes(), w.as_bytes(), max);
        assert_eq!(d("mistral", "mistral", 1), Some(0));
        assert_eq!(d("mist", "mistral", 1), Some(0));
        assert_eq!(d("mistarl", "mistral", 1), Some(1)); // transposition
        assert_eq!(d("mustral", "mistral", 1), Some(1)); // substitution
        assert_eq!(d("mistrl", "mistral", 1), Some(1)); // deletion
        assert_eq!(d("misttral", "mistral", 1), Some(1)); // insertion
        assert_eq!(d("mxstrxl", "mistral", 1), None);
        assert_eq!(d("mxstrxl", "mistral", 2), Some(2));
        assert_eq!(d("openrouter", "op", 1), None);
        assert_eq!(d("abc", "", 1), None);
    }

    #[test]
    fn a_typo_still_finds_the_name_but_ranks_below_exact_matches() {
        let c = crate::domain::testdata::shipped();
        let idx = SearchIndex::new(&c);
        let q = Query::new("mistarl");
        let hits: Vec<_> = idx.docs.iter().filter_map(|d| q.score(d)).collect();
        assert_eq!(hits.len(), 5, "every Mistral tool despite the typo");
        assert!(Query::new("mis").score(&idx.docs[0]).unwrap() > hits[0]);
        // Short terms get no typo allowance: "mst" is not "mis".
        assert!(idx
            .docs
            .iter()
            .all(|d| Query::new("mst").score(d).is_none()));
        // A whole-name query outranks a longer name sharing the prefix.
        let q = Query::new("Mistral Medium 3");
        let exact = c
            .tools
            .iter()
            .position(|t| t.name == "Mistral Medium 3")
            .unwrap();
        let longer = c
            .tools
            .iter()
            .position(|t| t.name.starts_with("Mistral Medium 3 ("))
            .unwrap();
        assert!(q.score(&idx.docs[exact]) > q.score(&idx.docs[longer]));
    }
}
