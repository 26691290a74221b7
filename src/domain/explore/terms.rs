//! A query's terms and a tool's own words, matched by the search's rule (`search`): what
//! the inverted index (`text`) answers for every tool at once and a few tools read from
//! their own text. Below both, so neither imports the other.

use crate::domain::base::fold::{is_word_char, lower, lowercase};
use crate::domain::catalog::model::Tool;

/// The tiers of `search`'s rule, one per way a term matches a tool. The name starts
/// with the term.
pub(super) const NAME_STARTS: u8 = 100;
/// A name word starts with the term.
pub(super) const NAME_WORD: u8 = 80;
/// The name contains the term, not at a word's start.
pub(super) const NAME_CONTAINS: u8 = 60;
pub(super) const VENDOR_WORD: u8 = 40;
pub(super) const CATEGORY_WORD: u8 = 30;
pub(super) const TAGLINE_WORD: u8 = 20;

/// Lowercased, space-separated words of letters and digits, with a leading space so
/// that "a word starts with `t`" is one substring search for `" t"`.
pub(super) fn word_line(parts: &[&str]) -> Box<str> {
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
pub(super) fn push_words_unicode(s: &mut String, part: &str) {
    for w in part
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        s.push(' ');
        s.extend(w.chars().map(lower));
    }
}

/// A letter's bit in a letters mask (`text::Letters`): a–z, 0–9, and one bit shared by
/// every other character (so a mask never wrongly rules a word out).
pub(super) fn letter_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        _ => 1 << 63,
    }
}

/// One query term, lowercased, with its typo allowance.
pub(super) struct Term {
    pub text: String,
    pub typos: u32,
    /// The [`letter_bit`] of its first letter.
    pub first: u64,
    /// One letter a–z or digit: its own bit in a letters mask, which then says exactly
    /// where it starts a word.
    pub one_letter: bool,
}

impl Term {
    /// The tier at which this term matches one tool, read from the tool's text: the rule
    /// the index answers for every tool at once (`TextIndex::mark`).
    pub(super) fn tier_of(&self, tool: &Tool, name: &str) -> u8 {
        let t = self.text.as_str();
        let starts = |field: &str| words_of(field).any(|w| starts_lower(w, t));
        if name.starts_with(t) {
            NAME_STARTS
        } else if starts(&tool.name) {
            NAME_WORD
        } else if name.contains(t) {
            NAME_CONTAINS
        } else if starts(&tool.vendor) {
            VENDOR_WORD
        } else if starts(&tool.category) {
            CATEGORY_WORD
        } else if starts(&tool.tagline) {
            TAGLINE_WORD
        } else if self.typos == 0 {
            0
        } else {
            // Name words with the term's first byte, lowercased.
            let first = t.as_bytes()[0];
            let first_byte = |w: &&str| {
                let mut b = [0; 4];
                w.chars()
                    .next()
                    .is_some_and(|c| lower(c).encode_utf8(&mut b).as_bytes()[0] == first)
            };
            let best = words_of(&tool.name)
                .filter(first_byte)
                .filter_map(|w| prefix_distance(t.as_bytes(), lowercase(w).as_bytes(), self.typos))
                .min();
            match best {
                Some(1) => 10,
                Some(2) => 5,
                _ => 0,
            }
        }
    }

    fn new(text: String) -> Term {
        let n = text.chars().count();
        Term {
            first: text.chars().next().map_or(0, letter_bit),
            one_letter: n == 1
                && text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            // Typos are looked for after the first letter, as most fuzzy search does: it
            // is rarely the one mistyped, and it spares the distance on most words.
            typos: match n {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            },
            text,
        }
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
pub(super) fn terms(query: &str) -> Vec<Term> {
    query
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| Term::new(lowercase(w)))
        .collect()
}

/// The words of `text`: runs of letters and digits ([`word_line`]'s, not lowercased).
pub(super) fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Whether `word`, lowercased, starts with `prefix` (lowercase).
pub(super) fn starts_lower(word: &str, prefix: &str) -> bool {
    let mut w = word.chars().map(lower);
    prefix.chars().all(|p| w.next() == Some(p))
}

/// Whether `word`, lowercased, is `other` (lowercase).
pub(super) fn eq_lower(word: &str, other: &str) -> bool {
    let mut w = word.chars().map(lower);
    other.chars().all(|p| w.next() == Some(p)) && w.next().is_none()
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
}
