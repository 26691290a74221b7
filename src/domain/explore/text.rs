//! The words of a catalog, inverted: every distinct word of the names, vendors, categories
//! and taglines, sorted, each with the tools it appears in and where. A term's matches are
//! read from the words it starts, one range of the sorted words, instead of from every
//! tool's text: a keystroke's work follows how many tools it matches, not how many the
//! catalog holds, and a term that starts no word costs a binary search.

use fnv::FnvHashMap as HashMap;

use super::doc::Doc;
use super::terms::{
    letter_bit, prefix_distance, word_line, Term, CATEGORY_WORD, NAME_CONTAINS, NAME_STARTS,
    NAME_WORD, TAGLINE_WORD, VENDOR_WORD,
};
use crate::domain::catalog::model::Tool;

/// Where a word appears in a tool, the low bits of a posting, best tier first: a tool
/// keeps one posting per word, its best field.
pub(super) mod field {
    /// The name's first word: the tool's name may start with the term.
    pub const FIRST: u32 = 0;
    pub const NAME: u32 = 1;
    pub const VENDOR: u32 = 2;
    pub const CATEGORY: u32 = 3;
    pub const TAGLINE: u32 = 4;
    pub const BITS: u32 = 3;
    pub const MASK: u32 = (1 << BITS) - 1;
}

/// The tier of a term that starts a word of each field ([`field`]), `FIRST` when the name
/// does not start with the term.
const TIER: [u8; 5] = [
    NAME_WORD,
    NAME_WORD,
    VENDOR_WORD,
    CATEGORY_WORD,
    TAGLINE_WORD,
];

/// Which letters start a word of a field, and which appear anywhere in the name: a
/// one-letter term ([`Term::one_letter`]) is answered from them alone.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Letters {
    /// The first byte of the tool's folded name ([`Doc::name`]), kept here so that a
    /// one-letter term reads no tool's name: at 100,000 tools those reads, each to
    /// another heap block, were most of the keystroke.
    pub name_first: u8,
    pub name_any: u64,
    pub name_start: u64,
    pub vendor_start: u64,
    pub category_start: u64,
    pub tagline_start: u64,
}

impl Letters {
    /// The tier of a one-letter term with `bit`, for a tool whose name starts with it or
    /// not: exact, since the letter has a bit of its own.
    pub fn tier(&self, bit: u64, name_starts: bool) -> u8 {
        let has = |mask: u64| mask & bit != 0;
        if name_starts {
            NAME_STARTS
        } else if has(self.name_start) {
            NAME_WORD
        } else if has(self.name_any) {
            NAME_CONTAINS
        } else if has(self.vendor_start) {
            VENDOR_WORD
        } else if has(self.category_start) {
            CATEGORY_WORD
        } else if has(self.tagline_start) {
            TAGLINE_WORD
        } else {
            0
        }
    }
}

/// A pair of ASCII letters or digits, as an index into [`TextIndex::gram_ends`].
fn gram(a: u8, b: u8) -> Option<usize> {
    let code = |c: u8| match c {
        b'a'..=b'z' => Some(usize::from(c - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(c - b'0')),
        _ => None,
    };
    Some(code(a)? * 36 + code(b)?)
}
const GRAMS: usize = 36 * 36;

/// Groups `(key, value)` pairs by key, keys below `keys`, keeping each key's values in
/// the order given: a counting sort. Returns each key's end in the values.
fn group(pairs: &[(u32, u32)], keys: usize) -> (Vec<u32>, Vec<u32>) {
    let mut ends = vec![0u32; keys];
    for &(k, _) in pairs {
        ends[k as usize] += 1;
    }
    let mut sum = 0;
    for e in &mut ends {
        sum += *e;
        *e = sum;
    }
    let mut at: Vec<u32> = std::iter::once(0).chain(ends.iter().copied()).collect();
    let mut values = vec![0u32; pairs.len()];
    for &(k, v) in pairs {
        let slot = &mut at[k as usize];
        values[*slot as usize] = v;
        *slot += 1;
    }
    (ends, values)
}

/// The inverted words of a catalog (see the module).
#[derive(Debug, Clone)]
pub struct TextIndex {
    /// The distinct words, sorted by their bytes, end to end.
    text: String,
    /// Where each word ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
    /// Where each word's postings end in `postings`.
    post_ends: Vec<u32>,
    /// `tool << field::BITS | field`, per word, in tool order.
    postings: Vec<u32>,
    /// The words found in some name, as word numbers, in word order: the words a typo or
    /// a substring of the name is looked for in.
    name_words: Vec<u32>,
    /// Per [`gram`], where its entries end in `grams`.
    gram_ends: Vec<u32>,
    /// Positions in `name_words` of the words holding each pair of letters.
    grams: Vec<u32>,
    /// Per tool.
    pub(super) letters: Vec<Letters>,
    /// Per tool: how many words its name has, for the whole-name bonus.
    name_len: Vec<u16>,
}

impl TextIndex {
    pub fn new(tools: &[Tool], docs: &[Doc]) -> TextIndex {
        // Each distinct word gets a number as it is met; the numbers follow the sorted
        // words once every tool is read.
        let mut numbers: HashMap<String, u32> = HashMap::default();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut letters = Vec::with_capacity(tools.len());
        let mut name_len = Vec::with_capacity(tools.len());
        let mut mine: Vec<u64> = Vec::new();
        for (i, (tool, doc)) in tools.iter().zip(docs).enumerate() {
            let mut l = Letters {
                name_first: doc.name.as_bytes().first().copied().unwrap_or(0),
                name_any: doc.name.chars().fold(0, |m, c| m | letter_bit(c)),
                ..Letters::default()
            };
            mine.clear();
            let fields = [
                (&tool.name, &mut l.name_start),
                (&tool.vendor, &mut l.vendor_start),
                (&tool.category, &mut l.category_start),
                (&tool.tagline, &mut l.tagline_start),
            ];
            let mut words_in_name = 0usize;
            for (f, (text, starts)) in fields.into_iter().enumerate() {
                let line = word_line(&[text]);
                for (k, w) in line.split(' ').skip(1).enumerate() {
                    *starts |= w.chars().next().map_or(0, letter_bit);
                    let code = match f {
                        0 if k == 0 => field::FIRST,
                        0 => field::NAME,
                        1 => field::VENDOR,
                        2 => field::CATEGORY,
                        _ => field::TAGLINE,
                    };
                    if f == 0 {
                        words_in_name += 1;
                    }
                    let next = numbers.len() as u32;
                    let n = match numbers.get(w) {
                        Some(&n) => n,
                        None => *numbers.entry(w.to_owned()).or_insert(next),
                    };
                    mine.push(u64::from(n) << 32 | u64::from(code));
                }
            }
            // One posting per word of the tool: its best field (word and field as one
            // number, so that this sort is the one `browse` links anyway).
            mine.sort_unstable();
            mine.dedup_by_key(|p| *p >> 32);
            let tool = (i as u32) << field::BITS;
            pairs.extend(mine.iter().map(|&p| ((p >> 32) as u32, tool | p as u32)));
            letters.push(l);
            name_len.push(words_in_name.min(usize::from(u16::MAX)) as u16);
        }
        // The words in order, and each met number's place among them.
        let mut met: Vec<Option<String>> = vec![None; numbers.len()];
        for (w, n) in numbers {
            met[n as usize] = Some(w);
        }
        let word_of = |n: u32| met[n as usize].as_deref().unwrap_or_default();
        let mut sorted: Vec<u32> = (0..met.len() as u32).collect();
        sort_numbers(&mut sorted, &|a, b| word_of(a).cmp(word_of(b)));
        let mut place = vec![0u32; sorted.len()];
        let mut text = String::with_capacity(met.iter().flatten().map(String::len).sum());
        let mut ends = Vec::with_capacity(sorted.len());
        for (at, &n) in sorted.iter().enumerate() {
            place[n as usize] = at as u32;
            text.push_str(word_of(n));
            ends.push(text.len() as u32);
        }
        drop((sorted, met));
        for p in &mut pairs {
            p.0 = place[p.0 as usize];
        }
        let (post_ends, postings) = group(&pairs, ends.len());
        drop(pairs);
        let mut index = TextIndex {
            text,
            ends,
            post_ends,
            postings,
            name_words: Vec::new(),
            gram_ends: Vec::new(),
            grams: Vec::new(),
            letters,
            name_len,
        };
        index.name_words = (0..index.ends.len() as u32)
            .filter(|&w| {
                index
                    .postings_of(w as usize)
                    .iter()
                    .any(|p| p & field::MASK <= field::NAME)
            })
            .collect();
        let mut grams: Vec<(u32, u32)> = Vec::new();
        // The last word each pair was met in: a word lists a pair once.
        let mut last = vec![u32::MAX; GRAMS];
        for (j, &w) in index.name_words.iter().enumerate() {
            for p in index.word(w as usize).as_bytes().windows(2) {
                if let Some(g) = gram(p[0], p[1]).filter(|&g| last[g] != j as u32) {
                    last[g] = j as u32;
                    grams.push((g as u32, j as u32));
                }
            }
        }
        (index.gram_ends, index.grams) = group(&grams, GRAMS);
        index
    }

    fn word(&self, w: usize) -> &str {
        let start = if w == 0 { 0 } else { self.ends[w - 1] as usize };
        &self.text[start..self.ends[w] as usize]
    }

    fn postings_of(&self, w: usize) -> &[u32] {
        let start = if w == 0 {
            0
        } else {
            self.post_ends[w - 1] as usize
        };
        &self.postings[start..self.post_ends[w] as usize]
    }

    fn gram_words(&self, g: usize) -> &[u32] {
        let start = if g == 0 {
            0
        } else {
            self.gram_ends[g - 1] as usize
        };
        &self.grams[start..self.gram_ends[g] as usize]
    }

    /// The words that start with `prefix`: a range of word numbers.
    fn starting(&self, prefix: &str) -> std::ops::Range<usize> {
        let n = self.ends.len();
        let lo = partition(n, |w| self.word(w) < prefix);
        let hi = lo + partition(n - lo, |k| self.word(lo + k).starts_with(prefix));
        lo..hi
    }

    /// The name words (positions in `name_words`) that start with the byte `first`.
    fn name_words_from(&self, first: u8) -> &[u32] {
        let n = self.name_words.len();
        let at = |j: usize| self.word(self.name_words[j] as usize).as_bytes()[0];
        let lo = partition(n, |j| at(j) < first);
        let hi = lo + partition(n - lo, |k| at(lo + k) == first);
        &self.name_words[lo..hi]
    }

    /// Raises `tiers[tool]` to `tier` for every tool with word `w` in its name.
    fn name_postings(&self, w: usize, tier: u8, tiers: &mut [u8]) {
        for &p in self.postings_of(w) {
            if p & field::MASK <= field::NAME {
                let t = &mut tiers[(p >> field::BITS) as usize];
                *t = (*t).max(tier);
            }
        }
    }

    /// Raises `tiers[tool]` to the best tier at which `term` matches each tool (see
    /// `search`'s rule), and counts in `exact` the tools having the term as a name word.
    /// A one-letter term is answered from the [`Letters`] of the tools in `among` (every
    /// tool when `None`). True when some tool has the term as a name word.
    pub(super) fn mark(
        &self,
        docs: &[Doc],
        term: &Term,
        among: Option<&[u32]>,
        tiers: &mut [u8],
        exact: &mut [u8],
    ) -> bool {
        let t = term.text.as_str();
        let words = self.starting(t);
        if term.one_letter {
            let byte = t.as_bytes()[0];
            let one = |l: &Letters| l.tier(term.first, l.name_first == byte);
            match among {
                Some(ids) => {
                    for &i in ids {
                        tiers[i as usize] = one(&self.letters[i as usize]);
                    }
                }
                None => {
                    for (tier, l) in tiers.iter_mut().zip(&self.letters) {
                        *tier = one(l);
                    }
                }
            }
        } else {
            self.mark_words(docs, term, words.clone(), tiers);
        }
        // A term that is a word of the name, for the whole-name bonus.
        let mut named = false;
        if words.start < words.end && self.word(words.start) == t {
            for &p in self.postings_of(words.start) {
                if p & field::MASK <= field::NAME {
                    let e = &mut exact[(p >> field::BITS) as usize];
                    *e = e.saturating_add(1);
                    named = true;
                }
            }
        }
        named
    }

    /// [`TextIndex::mark`] for a term of more than one letter, which starts `words`.
    fn mark_words(
        &self,
        docs: &[Doc],
        term: &Term,
        words: std::ops::Range<usize>,
        tiers: &mut [u8],
    ) {
        let t = term.text.as_str();
        // Every word starting with the term, in every field; how many tools that marks.
        let mut marked = 0;
        for w in words {
            for &p in self.postings_of(w) {
                let (i, f) = ((p >> field::BITS) as usize, p & field::MASK);
                let tier = if f == field::FIRST && docs[i].name.starts_with(t) {
                    NAME_STARTS
                } else {
                    TIER[f as usize]
                };
                marked += usize::from(tiers[i] == 0);
                tiers[i] = tiers[i].max(tier);
            }
        }
        // The name words holding the term further in: those with the term's rarest pair
        // of letters, or every name word for a term of other characters.
        let b = t.as_bytes();
        let pairs = b.windows(2).map(|p| gram(p[0], p[1]));
        let rarest = pairs
            .collect::<Option<Vec<usize>>>()
            .and_then(|gs| gs.into_iter().min_by_key(|&g| self.gram_words(g).len()));
        let contains = |w: usize| self.word(w).contains(t);
        match rarest {
            Some(g) => {
                for &j in self.gram_words(g) {
                    let w = self.name_words[j as usize] as usize;
                    if contains(w) {
                        self.name_postings(w, NAME_CONTAINS, tiers);
                    }
                }
            }
            None => {
                for &w in &self.name_words {
                    if contains(w as usize) {
                        self.name_postings(w as usize, NAME_CONTAINS, tiers);
                    }
                }
            }
        }
        // Typos: the name words with the term's first letter within reach. Not when every
        // tool already matches as typed (a word all share, such as their category): a
        // typo ranks below any of those, so it would change nothing.
        if term.typos > 0 && marked < docs.len() {
            for &w in self.name_words_from(b[0]) {
                let tier = match prefix_distance(b, self.word(w as usize).as_bytes(), term.typos) {
                    Some(1) => 10,
                    Some(2) => 5,
                    _ => continue,
                };
                self.name_postings(w as usize, tier, tiers);
            }
        }
    }

    /// How many words a tool's name has (at most 65,535).
    pub(super) fn name_len(&self, i: usize) -> usize {
        usize::from(self.name_len[i])
    }
}

/// Sorts numbers (tools, words) by `cmp`: every such sort shares this one copy of the
/// sort's code, which weighs kilobytes in the wasm.
pub(super) fn sort_numbers(numbers: &mut [u32], cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering) {
    numbers.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// The number of leading positions of `0..n` for which `pred` holds, `pred` holding on a
/// prefix of them: a binary search.
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
