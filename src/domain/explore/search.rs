//! Search behind browse: a query's terms, how well each matches a tool, and the index
//! built once per catalog (each tool's doc, each sort's order, and the inverted words of
//! `text`), so that a keystroke's work follows its matches, not the catalog.
//!
//! Matching, per query term (every term must match somewhere):
//! name starts with it (100) › a name word starts with it (80) › the name contains it
//! (60) › a vendor (40), category (30) or tagline (20) word starts with it › a name word
//! starts with it give or take one typo, two from 8 letters (10, 5): a typo only where
//! nothing matches as typed. A query equal to the whole name gets a bonus, so "mistral
//! 3b" ranks Mistral 3B over Mistral 3B Pro. tests/relevance.rs checks the results
//! against this rule written plainly.

use std::cmp::Ordering;
use std::sync::{Arc, OnceLock};

pub use super::doc::Doc;
use super::terms::{eq_lower, terms, words_of, Term};
use super::text::{sort_numbers, TextIndex};
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::panel::weights::Weights;

/// The index of a catalog: one [`Doc`] per tool, in catalog order, the tools' orders by
/// each sort, and the inverted words ([`TextIndex`]) once a search needs them. Browsing
/// without a search (the first results) does not wait for the words, the larger part of
/// the index: at 100,000 tools they are built after the first results are drawn
/// (`SearchIndex::prepare`), or by the first search.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub docs: Vec<Doc>,
    /// Shared by the index's weightings ([`SearchIndex::reweighted`]): words have no
    /// weight.
    text: Arc<OnceLock<TextIndex>>,
    /// Per [`Order`], built when first sorted by.
    orders: [OnceLock<Ranking>; 4],
}

/// The orders a list is sorted by, the last two being the same for every weighting.
#[derive(Debug, Clone, Copy)]
pub enum Order {
    /// Ship % and average score, best first (the panel's favourites), then name.
    Panel,
    /// Average score, then as `Panel`.
    Score,
    /// Name, then slug.
    Name,
    /// Last reviewed, newest first, then name.
    Reviewed,
}

/// Every tool's place in one order: sorting by it compares two numbers, not two tools.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// Per tool, its place.
    pub place: Vec<u32>,
    /// Per place, its tool.
    pub at: Vec<u32>,
}

/// A prepared query: match it against many docs.
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    pub fn new(q: &str) -> Query {
        Query { terms: terms(q) }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every doc this query matches is also matched by `prev`: each of `prev`'s
    /// terms is extended (or kept) with the same typo allowance, and terms may be added.
    /// Then a keystroke only looks among the previous matches. Sound because each way a
    /// term can match survives shortening it: a prefix of a prefix, a substring of a
    /// substring, and the distance to the closest prefix of a word never grows when the
    /// term loses its last letter.
    pub fn narrows(&self, prev: &Query) -> bool {
        self.terms.len() >= prev.terms.len()
            && self
                .terms
                .iter()
                .zip(&prev.terms)
                .all(|(t, p)| t.text.starts_with(p.text.as_str()) && t.typos == p.typos)
    }

    /// Every tool matching all the terms, among `among` (catalog positions in order) or
    /// every tool, and kept by `keep` (every one for `None`): `(relevance, position)`, in
    /// catalog order.
    pub fn matches(
        &self,
        catalog: &Catalog,
        index: &SearchIndex,
        among: Option<&[u32]>,
        keep: Option<&dyn Fn(usize) -> bool>,
    ) -> Vec<(u32, u32)> {
        let n = index.docs.len();
        // Few tools to look at (a keystroke narrowing a selective query, or matching
        // nothing): each is read on its own, with none of the index's per-tool arrays.
        let few = |count: usize| count.saturating_mul(FEW) <= n;
        if among.is_some_and(|ids| few(ids.len())) {
            let each = |i: usize| {
                let score = self.score_of(&catalog.tools[i], &index.docs[i].name)?;
                keep.is_none_or(|k| k(i)).then_some((score, i as u32))
            };
            return match among {
                Some(ids) => ids.iter().filter_map(|&i| each(i as usize)).collect(),
                None => (0..n).filter_map(each).collect(),
            };
        }
        let text = index.text(catalog);
        let mut exact = vec![0u8; n];
        let mut tiers = vec![0u8; n];
        let mut hits: Vec<(u32, u32)> = Vec::new();
        let mut indexed = 0;
        let mut named = false;
        for (k, term) in self.terms.iter().enumerate() {
            if k > 0 && few(hits.len()) {
                // The rest of the terms, on the few tools still in the running.
                hits.retain_mut(|h| {
                    let i = h.1 as usize;
                    let t = term.tier_of(&catalog.tools[i], &index.docs[i].name);
                    h.0 += u32::from(t);
                    t > 0
                });
                continue;
            }
            if k > 0 {
                tiers.fill(0);
            }
            // A one-letter term is read per tool: only those still in the running.
            let so_far: Vec<u32>;
            let ids = if k == 0 {
                among
            } else if term.one_letter {
                so_far = hits.iter().map(|h| h.1).collect();
                Some(&so_far[..])
            } else {
                None
            };
            named |= text.mark(&index.docs, term, ids, &mut tiers, &mut exact);
            indexed += 1;
            if k == 0 {
                // Plain loops, sized first: in the size-optimized build a closure per
                // tool and a growing vector cost more than the marking at 100,000 tools.
                let marked = |i: usize| tiers[i] > 0;
                match among {
                    Some(ids) => {
                        hits.reserve(ids.iter().filter(|&&i| marked(i as usize)).count());
                        for &i in ids {
                            let t = tiers[i as usize];
                            if t > 0 && keep.is_none_or(|k| k(i as usize)) {
                                hits.push((u32::from(t), i));
                            }
                        }
                    }
                    None => {
                        hits.reserve(tiers.iter().filter(|&&t| t > 0).count());
                        for (i, &t) in tiers.iter().enumerate() {
                            if t > 0 && keep.is_none_or(|k| k(i)) {
                                hits.push((u32::from(t), i as u32));
                            }
                        }
                    }
                }
            } else {
                hits.retain_mut(|h| {
                    let t = tiers[h.1 as usize];
                    h.0 += u32::from(t);
                    t > 0
                });
            }
            if hits.is_empty() {
                break;
            }
        }
        // The whole name typed (ignoring punctuation) beats a longer name with that prefix.
        let terms = self.terms.len();
        // Every term through the index and none a name word: no tool is named by them.
        let whole_names = if indexed < terms || named {
            &mut hits[..]
        } else {
            &mut []
        };
        for h in whole_names {
            let i = h.1 as usize;
            // The tool's own mark first: one byte, where the name's length is a call.
            if (indexed < terms || usize::from(exact[i]) >= terms.min(255))
                && text.name_len(i) == terms
                && self.is_whole_name(&catalog.tools[i].name)
            {
                h.0 += 50;
            }
        }
        hits
    }

    /// A tool's relevance read from its own text (`None` unless every term matches):
    /// what [`Query::matches`] answers from the index, for a few tools.
    fn score_of(&self, tool: &Tool, name: &str) -> Option<u32> {
        let mut total = 0;
        for t in &self.terms {
            match t.tier_of(tool, name) {
                0 => return None,
                tier => total += u32::from(tier),
            }
        }
        if self.is_whole_name(&tool.name) {
            total += 50;
        }
        Some(total)
    }

    /// Whether a name's words are the query's terms, in order.
    fn is_whole_name(&self, name: &str) -> bool {
        let mut words = words_of(name);
        self.terms
            .iter()
            .all(|t| words.next().is_some_and(|w| eq_lower(w, &t.text)))
            && words.next().is_none()
    }
}

/// Up to one tool in this many, [`Query::matches`] reads each tool's own text rather
/// than the index: the index's work is per catalog (two bytes a tool), a tool's own a few
/// short strings.
const FEW: usize = 64;

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
            text: Arc::default(),
            orders: Default::default(),
        }
    }

    /// This index of `catalog` with other weights: new figures and orders, the same
    /// words, which a reader's change of weights then does not build again (0.3–0.7 s at
    /// 100,000 tools).
    pub fn reweighted(&self, catalog: &Catalog, weights: Option<&Weights>) -> SearchIndex {
        SearchIndex {
            text: self.text.clone(),
            ..SearchIndex::weighted(catalog, weights)
        }
    }

    /// The inverted words of `catalog`, the catalog this index was built from; built at
    /// the first call.
    pub fn text(&self, catalog: &Catalog) -> &TextIndex {
        debug_assert_eq!(catalog.tools.len(), self.docs.len(), "another catalog");
        self.text
            .get_or_init(|| TextIndex::new(&catalog.tools, &self.docs))
    }

    /// Builds the words and the panel's order now, so that the first search does not wait
    /// for them.
    pub fn prepare(&self, catalog: &Catalog) {
        self.text(catalog);
        self.ranking(catalog, Order::Panel);
    }

    /// Whether the words and the panel's order are built.
    pub fn is_prepared(&self) -> bool {
        self.text.get().is_some() && self.has_ranking(Order::Panel)
    }

    /// Every tool's place in `order`; built at the first call.
    pub fn ranking(&self, catalog: &Catalog, order: Order) -> &Ranking {
        self.orders[order as usize].get_or_init(|| {
            let mut at: Vec<u32> = (0..self.docs.len() as u32).collect();
            sort_numbers(&mut at, &|a, c| self.compare(catalog, order, a, c));
            let mut place = vec![0u32; at.len()];
            for (p, &i) in at.iter().enumerate() {
                place[i as usize] = p as u32;
            }
            Ranking { place, at }
        })
    }

    /// Whether `order`'s ranking is built.
    pub fn has_ranking(&self, order: Order) -> bool {
        self.orders[order as usize].get().is_some()
    }

    /// How the tools at positions `a` and `c` compare in `order`: a total order.
    pub fn compare(&self, catalog: &Catalog, order: Order, a: u32, c: u32) -> Ordering {
        let (da, dc) = (&self.docs[a as usize], &self.docs[c as usize]);
        let (ta, tc) = (&catalog.tools[a as usize], &catalog.tools[c as usize]);
        let by_panel = || dc.ship.cmp(&da.ship).then(dc.avg.cmp(&da.avg));
        let primary = match order {
            Order::Panel => by_panel(),
            Order::Score => dc.avg.cmp(&da.avg).then_with(by_panel),
            Order::Name => Ordering::Equal,
            Order::Reviewed => tc.last_reviewed.cmp(&ta.last_reviewed),
        };
        // Name, then slug (unique).
        primary
            .then_with(|| da.name.cmp(&dc.name))
            .then_with(|| ta.slug.cmp(&tc.slug))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_still_finds_the_name_but_ranks_below_exact_matches() {
        let c = crate::domain::testdata::shipped();
        let idx = SearchIndex::new(&c);
        let hits = |q: &str| Query::new(q).matches(&c, &idx, None, None);
        let score = |q: &Query, i: usize| {
            q.matches(&c, &idx, Some(&[i as u32]), None)
                .first()
                .map(|h| h.0)
        };
        let typo = hits("mistarl");
        assert_eq!(typo.len(), 5, "every Mistral tool despite the typo");
        assert!(score(&Query::new("mis"), 0).unwrap() > typo[0].0);
        // Short terms get no typo allowance: "mst" is not "mis".
        assert!(hits("mst").is_empty());
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

    /// The two ways a query is answered, the index for many tools and each tool's own
    /// text for a few, give every tool the same score.
    #[test]
    fn the_index_and_a_tools_own_text_agree() {
        let mut c = crate::domain::catalog::synth::generate(2_000, 11);
        // Names the generator does not write: punctuation first, a repeated word,
        // non-ASCII letters, digits inside words.
        let odd = [
            "(Beta) Deep-Seek R1",
            "foo foo",
            "Café Crème 2",
            "ÆON İstanbul",
            "x2y9 Z",
            "GPT-4o mini",
        ];
        for (t, name) in c.tools.iter_mut().zip(odd) {
            t.name = name.to_string();
        }
        let idx = SearchIndex::new(&c);
        let mut queries: Vec<String> = [
            "beta",
            "deep",
            "seek r1",
            "foo",
            "foo foo",
            "caf",
            "café crème",
            "creme",
            "æon",
            "istanbul",
            "2y",
            "y9",
            "x2y9 z",
            "gpt 4o",
            "4o",
            "pt",
            "mini gpt",
            "mistarl",
            "deepseke",
            "zzzz",
            "e",
            "9",
            "é",
        ]
        .map(String::from)
        .to_vec();
        for t in c.tools.iter().step_by(97) {
            let name = t.name.to_lowercase();
            queries.push(name.chars().take(3).collect());
            queries.push(name.replacen(|c: char| c.is_ascii_lowercase(), "q", 1));
            queries.push(t.tagline.split(' ').take(2).collect::<Vec<_>>().join(" "));
            queries.push(format!("{} {}", t.vendor, t.category));
        }
        for q in &queries {
            let query = Query::new(q);
            let indexed = query.matches(&c, &idx, None, None);
            let own: Vec<(u32, u32)> = (0..c.tools.len())
                .filter_map(|i| Some((query.score_of(&c.tools[i], &idx.docs[i].name)?, i as u32)))
                .collect();
            assert_eq!(indexed, own, "{q:?}");
        }
    }

    #[test]
    fn browsing_without_a_search_does_not_wait_for_the_words() {
        use crate::domain::explore::browse::{browse_from, BrowseQuery};
        let c = crate::domain::testdata::shipped();
        let idx = SearchIndex::new(&c);
        let all = browse_from(&c, &idx, &BrowseQuery::default(), 50, None);
        assert_eq!(all.total(), c.tools.len());
        assert!(!idx.is_prepared(), "the first results built the words");
        assert!(!idx.has_ranking(Order::Panel), "nor the catalog's order");
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
        assert!(ready.has_ranking(Order::Panel));
        assert_eq!(browse_from(&c, &ready, &q, 50, None), found);
        let first = |limit| browse_from(&c, &ready, &BrowseQuery::default(), limit, None);
        assert_eq!(first(50), all, "the first results, picked either way");
        assert_eq!(first(3).shown, all.shown[..3]);
    }

    #[test]
    fn other_weights_share_the_words() {
        use crate::domain::explore::browse::{browse_from, BrowseQuery, Sort};
        let c = crate::domain::catalog::synth::generate(800, 9);
        let plain = SearchIndex::new(&c);
        plain.prepare(&c);
        let skeptic = Weights::only(&c.personas, "skeptic");
        let shared = plain.reweighted(&c, Some(&skeptic));
        assert!(shared.text.get().is_some(), "the words not shared");
        assert!(!shared.is_prepared(), "the new order is still to be built");
        let fresh = SearchIndex::weighted(&c, Some(&skeptic));
        for sort in Sort::ALL {
            let b = BrowseQuery {
                q: "nova co".into(),
                sort,
                ..BrowseQuery::default()
            };
            let got = browse_from(&c, &shared, &b, 50, None);
            assert_eq!(got, browse_from(&c, &fresh, &b, 50, None), "{sort:?}");
        }
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
