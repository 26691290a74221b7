//! The search index behind browse: built once per catalog, so a keystroke allocates
//! nothing per tool and recomputes no tally.
//!
//! Matching, per query term (every term must match somewhere):
//! name starts with it (100) › a name word starts with it (80) › the name contains it
//! (60) › a vendor (40), category (30) or tagline (20) word starts with it › a name word
//! starts with it give or take one typo, two from 8 letters (10, 5): a typo only where
//! nothing matches as typed. A query equal to the whole name gets a bonus, so "mistral
//! 3b" ranks Mistral 3B over Mistral 3B Pro. tests/relevance.rs checks the results
//! against this rule written plainly.

use std::sync::OnceLock;

use crate::domain::base::fold::{is_word_char, lower, lowercase};
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::panel::verdict::{average_score, Tally, Verdict};
use crate::domain::panel::weights::Weights;

/// Lowercased, space-separated words of letters and digits, with a leading space so
/// that "a word starts with `t`" is one substring search for `" t"`.
fn word_line(parts: &[&str]) -> Box<str> {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        if part.is_ascii() {
            // Most catalog text: the same words and lowercase without the Unicode tables,
            // a third of the start-up at 100,000 tools before (tested equal below).
            for w in part
                .as_bytes()
                .split(|b| !b.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                s.push(' ');
                s.extend(w.iter().map(|b| char::from(b.to_ascii_lowercase())));
            }
        } else {
            push_words_unicode(&mut s, part);
        }
    }
    s.into_boxed_str()
}

/// [`word_line`]'s rule for any text: words split at what is not a letter or a digit,
/// each lowercased (`domain::base::fold`: Unicode's answers for the scripts names use,
/// without its tables).
fn push_words_unicode(s: &mut String, part: &str) {
    for w in part
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        s.push(' ');
        s.extend(w.chars().map(lower));
    }
}

/// A letter's bit in a [`Letters`] mask: a–z, 0–9, and one bit shared by every other
/// character (so a mask never wrongly rules a word out).
fn letter_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 1 << 63,
    }
}

/// Which letters start a word of a field, and which appear anywhere in the name: a term
/// whose first letter is in none of them cannot match, which rules out most tools of a
/// catalog in a few instructions instead of six substring searches.
#[derive(Debug, Clone, Copy, Default)]
struct Letters {
    name_any: u64,
    name_start: u64,
    vendor_start: u64,
    category_start: u64,
    tagline_start: u64,
}

/// The first letters of the words of a [`word_line`].
fn starts(words: &str) -> u64 {
    words
        .split(' ')
        .filter_map(|w| w.chars().next())
        .fold(0, |m, c| m | letter_bit(c))
}

/// What facets and sort need of one tool, precomputed: enough to browse without a search.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Lowercased name (also the name sort key).
    pub name: Box<str>,
    pub ship: Option<u32>,
    pub avg: Option<u32>,
    pub verdict: Verdict,
}

impl Doc {
    fn new(tool: &Tool, weights: Option<&Weights>) -> Doc {
        let tally = Tally::of(tool);
        Doc {
            name: lowercase(&tool.name).into_boxed_str(),
            ship: weights.map_or_else(|| tally.ship_percent(), |w| w.ship_percent(tool)),
            avg: weights.map_or_else(|| average_score(tool), |w| w.average_score(tool)),
            verdict: tally.verdict(),
        }
    }
}

/// The words one tool is searched by, precomputed: built only once a search needs them.
#[derive(Debug, Clone)]
pub struct Words {
    /// Name words, see [`word_line`].
    name_words: Box<str>,
    vendor: Box<str>,
    category: Box<str>,
    tagline: Box<str>,
    letters: Letters,
}

impl Words {
    fn new(tool: &Tool, name: &str) -> Words {
        let name_words = word_line(&[&tool.name]);
        let vendor = word_line(&[&tool.vendor]);
        let category = word_line(&[&tool.category]);
        let tagline = word_line(&[&tool.tagline]);
        let letters = Letters {
            name_any: name.chars().fold(0, |m, c| m | letter_bit(c)),
            name_start: starts(&name_words),
            vendor_start: starts(&vendor),
            category_start: starts(&category),
            tagline_start: starts(&tagline),
        };
        Words {
            name_words,
            vendor,
            category,
            tagline,
            letters,
        }
    }

    /// How well one prepared term matches the tool whose lowercased name is `name`;
    /// 0 = no match.
    fn term_score(&self, name: &str, t: &Term) -> u32 {
        // Each test runs only when the term's first letter can be where it looks.
        let (l, bit) = (&self.letters, t.first);
        let has = |mask: u64| mask & bit != 0;
        if t.one_letter {
            // The masks answer a term of one letter or digit exactly: no text is read
            // (the first keystrokes of a search, which match the most tools).
            return if name.starts_with(t.text.as_str()) {
                100
            } else if has(l.name_start) {
                80
            } else if has(l.name_any) {
                60
            } else if has(l.vendor_start) {
                40
            } else if has(l.category_start) {
                30
            } else if has(l.tagline_start) {
                20
            } else {
                0
            };
        }
        if !has(l.name_any | l.vendor_start | l.category_start | l.tagline_start) {
            0
        } else if has(l.name_start) && name.starts_with(t.text.as_str()) {
            100
        } else if has(l.name_start) && self.name_words.contains(t.spaced.as_str()) {
            80
        } else if has(l.name_any) && name.contains(t.text.as_str()) {
            60
        } else if has(l.vendor_start) && self.vendor.contains(t.spaced.as_str()) {
            40
        } else if has(l.category_start) && self.category.contains(t.spaced.as_str()) {
            30
        } else if has(l.tagline_start) && self.tagline.contains(t.spaced.as_str()) {
            20
        } else {
            // A typo only where nothing matches as typed: below every exact match.
            match has(l.name_start).then(|| t.fuzzy_name(&self.name_words)) {
                Some(Some(1)) => 10,
                Some(Some(2)) => 5,
                _ => 0,
            }
        }
    }
}

/// One query term, lowercased, with its `" term"` form and typo allowance.
struct Term {
    text: String,
    spaced: String,
    bytes: Vec<u8>,
    typos: u32,
    /// The [`letter_bit`] of its first letter.
    first: u64,
    /// One letter a–z or digit: its own bit in a [`Letters`] mask, which then says
    /// exactly where it starts a word.
    one_letter: bool,
}

impl Term {
    fn new(text: String) -> Term {
        let n = text.chars().count();
        Term {
            first: text.chars().next().map_or(0, letter_bit),
            one_letter: n == 1
                && text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
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
    // Three rows on the stack: this runs for many words per keystroke. A term too long
    // for them (over 60 bytes) is matched exactly or not at all.
    const ROW: usize = 64;
    if n + 1 > ROW {
        return None;
    }
    let mut rows = [[0usize; ROW]; 3];
    // Row 0: the empty term is j edits from the prefix of length j.
    for (j, c) in rows[0].iter_mut().enumerate() {
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
    let best = rows[m % 3][1..=n].iter().copied().min()?;
    (best <= max).then_some(best as u32)
}

/// Lowercased words of a query.
fn terms(query: &str) -> Vec<Term> {
    query
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| Term::new(lowercase(w)))
        .collect()
}

/// The index of a catalog: one [`Doc`] per tool, in catalog order, and their [`Words`]
/// once a search needs them. Browsing without a search (the first results) does not wait
/// for the words, the larger part of the index: at 100,000 tools they are built after the
/// first results are drawn (`SearchIndex::prepare`), or by the first search.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    words: OnceLock<Vec<Words>>,
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

    /// Whether every doc this query matches is also matched by `prev`: each of `prev`'s
    /// terms is extended (or kept) with the same typo allowance, and terms may be added.
    /// Then a keystroke only rescans the previous matches. Sound because each way a term
    /// can match survives shortening it: a prefix of a prefix, a substring of a substring,
    /// and the distance to the closest prefix of a word never grows when the term loses
    /// its last letter.
    pub fn narrows(&self, prev: &Query) -> bool {
        self.terms.len() >= prev.terms.len()
            && self
                .terms
                .iter()
                .zip(&prev.terms)
                .all(|(t, p)| t.text.starts_with(p.text.as_str()) && t.typos == p.typos)
    }

    /// Relevance of a tool, by its doc and words: `None` unless every term matches.
    pub fn score(&self, doc: &Doc, words: &Words) -> Option<u32> {
        let mut total = 0;
        for t in &self.terms {
            match words.term_score(&doc.name, t) {
                0 => return None,
                s => total += s,
            }
        }
        // The whole name typed (ignoring punctuation) beats a longer name with that prefix.
        if !self.terms.is_empty() && words.name_words.trim_start() == self.whole {
            total += 50;
        }
        Some(total)
    }
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> SearchIndex {
        SearchIndex::weighted(catalog, None)
    }

    /// The index with the reader's persona weights in its ship % and average score, which
    /// the sorts by those figures (and relevance ties) then follow. The verdict facet stays
    /// the panel's own.
    pub fn weighted(catalog: &Catalog, weights: Option<&Weights>) -> SearchIndex {
        SearchIndex {
            docs: catalog.tools.iter().map(|t| Doc::new(t, weights)).collect(),
            words: OnceLock::new(),
        }
    }

    /// The words of every tool of `catalog`, the catalog this index was built from; built
    /// at the first call.
    pub fn words(&self, catalog: &Catalog) -> &[Words] {
        debug_assert_eq!(catalog.tools.len(), self.docs.len(), "another catalog");
        self.words.get_or_init(|| {
            catalog
                .tools
                .iter()
                .zip(&self.docs)
                .map(|(t, d)| Words::new(t, &d.name))
                .collect()
        })
    }

    /// Builds the words now, so that the first search does not wait for them.
    pub fn prepare(&self, catalog: &Catalog) {
        self.words(catalog);
    }

    /// Whether the words are built.
    pub fn is_prepared(&self) -> bool {
        self.words.get().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_word_line_is_the_unicode_one() {
        for text in [
            "Mistral Medium 3 (72B Instruct)",
            "  GPT-4o mini: fast, cheap & OK!  ",
            "snake_case/kebab-case.dots,commas;x2Y9",
            "",
            "---",
        ] {
            let mut unicode = String::new();
            push_words_unicode(&mut unicode, text);
            assert_eq!(&*word_line(&[text]), unicode, "{text:?}");
        }
        // Mixed parts: each by its own path, in order.
        assert_eq!(
            &*word_line(&["Café Crème", "Top-10 AI"]),
            " café crème top 10 ai"
        );
        // Unicode's "i̇" with its combining dot, as a reader types it (`domain::base::fold`).
        assert_eq!(&*word_line(&["İstanbul ÆON"]), " istanbul æon");
    }

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
        // A prefix, not any substring: "stral" is not the start of "mistral".
        assert_eq!(d("stral", "mistral", 1), None);
        assert_eq!(d("istral", "mistral", 1), Some(1));
    }

    #[test]
    fn a_typo_still_finds_the_name_but_ranks_below_exact_matches() {
        let c = crate::domain::testdata::shipped();
        let idx = SearchIndex::new(&c);
        let words = idx.words(&c);
        let score = |q: &Query, i: usize| q.score(&idx.docs[i], &words[i]);
        let q = Query::new("mistarl");
        let hits: Vec<_> = (0..words.len()).filter_map(|i| score(&q, i)).collect();
        assert_eq!(hits.len(), 5, "every Mistral tool despite the typo");
        assert!(score(&Query::new("mis"), 0).unwrap() > hits[0]);
        // Short terms get no typo allowance: "mst" is not "mis".
        assert!((0..words.len()).all(|i| score(&Query::new("mst"), i).is_none()));
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
        assert!(score(&q, exact) > score(&q, longer));
    }

    #[test]
    fn browsing_without_a_search_does_not_wait_for_the_words() {
        use crate::domain::explore::browse::{browse_from, BrowseQuery};
        let c = crate::domain::testdata::shipped();
        let idx = SearchIndex::new(&c);
        let all = browse_from(&c, &idx, &BrowseQuery::default(), 50, None);
        assert_eq!(all.total(), c.tools.len());
        assert!(!idx.is_prepared(), "the first results built the words");
        let q = BrowseQuery {
            q: "mistral".into(),
            ..BrowseQuery::default()
        };
        let found = browse_from(&c, &idx, &q, 50, None);
        assert!(idx.is_prepared());
        assert_eq!(found.total(), 5);
        // The same answer whether the words were built ahead or by the search.
        let ready = SearchIndex::new(&c);
        ready.prepare(&c);
        assert_eq!(browse_from(&c, &ready, &q, 50, None), found);
    }

    #[test]
    fn weights_reorder_the_ship_sort() {
        use crate::domain::explore::browse::{browse_from, BrowseQuery, Sort};
        let c = crate::domain::testdata::shipped();
        let by_ship = BrowseQuery {
            sort: Sort::ShipPercent,
            ..BrowseQuery::default()
        };
        let order = |idx: &SearchIndex| -> Vec<String> {
            browse_from(&c, idx, &by_ship, 50, None)
                .shown
                .iter()
                .map(|&i| c.tools[i].slug.clone())
                .collect()
        };
        let panel = order(&SearchIndex::new(&c));
        // Only the Skeptic: the 72B Instruct model (Founder's skip no longer counts; the
        // Skeptic ships it at 78) climbs above Mistral Medium 3 (Skeptic 72), and OpenRouter
        // (the Skeptic's skip) stays last.
        let skeptic = Weights::only(&c.personas, "skeptic");
        let weighted = order(&SearchIndex::weighted(&c, Some(&skeptic)));
        let pos = |v: &[String], s: &str| v.iter().position(|x| x == s).unwrap();
        assert!(pos(&panel, "mistral-medium-3-72b-instruct") > pos(&panel, "mistral-medium-3"));
        assert!(
            pos(&weighted, "mistral-medium-3-72b-instruct") < pos(&weighted, "mistral-medium-3"),
            "{weighted:?}"
        );
        assert_eq!(
            weighted.last().map(String::as_str),
            Some("openrouter-model-fusion")
        );
        // Equal weights change nothing.
        let mut all_two = Weights::default();
        for p in &c.personas {
            all_two.set(&p.id, 2);
        }
        assert_eq!(order(&SearchIndex::weighted(&c, Some(&all_two))), panel);
    }
}
