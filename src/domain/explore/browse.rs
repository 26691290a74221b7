//! Browse: search, facets and sort over the catalog, and their query-string form.

use super::routes::{encode_query, query_pairs};
use super::search::{Order, Query, SearchIndex};
use super::text::sort_numbers;
use crate::domain::base::{fold, order};
use crate::domain::catalog::model::{Catalog, Entry, Tool};
use crate::domain::panel::verdict::Verdict;

/// Sort orders offered on the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match for the search; without a search, the panel's favourites first.
    #[default]
    Relevance,
    ShipPercent,
    AvgScore,
    Name,
    LastReviewed,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::ShipPercent,
        Sort::AvgScore,
        Sort::Name,
        Sort::LastReviewed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::ShipPercent => "ship",
            Sort::AvgScore => "score",
            Sort::Name => "name",
            Sort::LastReviewed => "reviewed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::ShipPercent => "Panel ship %",
            Sort::AvgScore => "Average score",
            Sort::Name => "Name (A–Z)",
            Sort::LastReviewed => "Last reviewed",
        }
    }

    pub fn parse(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Everything that selects and orders the browse list; lives in the URL query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BrowseQuery {
    pub q: String,
    pub category: Option<String>,
    pub entry: Option<Entry>,
    pub verdict: Option<Verdict>,
    pub sort: Sort,
}

impl BrowseQuery {
    /// Reads `q`, `category`, `entry`, `verdict`, `sort`; unknown values are ignored.
    pub fn from_query(query: &str) -> Self {
        let mut b = BrowseQuery::default();
        for (k, v) in query_pairs(query) {
            match k.as_str() {
                "q" => b.q = v,
                "category" if !v.is_empty() => b.category = Some(v),
                "entry" => b.entry = Entry::parse(&v),
                "verdict" => b.verdict = Verdict::parse(&v),
                "sort" => b.sort = Sort::parse(&v).unwrap_or_default(),
                _ => {}
            }
        }
        b
    }

    /// The query string (without `?`); default values are left out.
    pub fn to_query(&self) -> String {
        let sort = if self.sort == Sort::Relevance {
            ""
        } else {
            self.sort.as_str()
        };
        encode_query([
            ("q", self.q.trim()),
            ("category", self.category.as_deref().unwrap_or("")),
            ("entry", self.entry.map(Entry::as_str).unwrap_or("")),
            ("verdict", self.verdict.map(Verdict::as_str).unwrap_or("")),
            ("sort", sort),
        ])
    }

    pub fn is_filtered(&self) -> bool {
        !self.q.trim().is_empty()
            || self.category.is_some()
            || self.entry.is_some()
            || self.verdict.is_some()
    }
}

/// The tools matching `b`, in its order (builds the index; see [`browse_with`]).
pub fn browse<'a>(catalog: &'a Catalog, b: &BrowseQuery) -> Vec<&'a Tool> {
    browse_with(catalog, &SearchIndex::new(catalog), b, usize::MAX).0
}

/// The first `limit` tools matching `b`, in its order, and how many match in all, using a
/// prebuilt index of `catalog`.
pub fn browse_with<'a>(
    catalog: &'a Catalog,
    index: &SearchIndex,
    b: &BrowseQuery,
    limit: usize,
) -> (Vec<&'a Tool>, usize) {
    let f = browse_from(catalog, index, b, limit, None);
    let total = f.total();
    (
        f.shown.into_iter().map(|i| &catalog.tools[i]).collect(),
        total,
    )
}

/// One search's answer: the positions of the tools to show, and every match, kept so that
/// the next keystroke can rescan only those when it narrows this query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The query answered.
    pub query: BrowseQuery,
    /// Positions in `catalog.tools` of the shown tools, in order (at most the limit).
    pub shown: Vec<usize>,
    /// Positions of every match, in catalog order.
    matched: Vec<u32>,
}

impl Found {
    /// How many tools match in all.
    pub fn total(&self) -> usize {
        self.matched.len()
    }
}

/// The search behind browse. With `prev`, the answer to the previous keystroke, and a
/// query that only narrows it (same facets, terms extended: [`Query::narrows`]), only
/// `prev`'s matches are rescanned; the answer is the same either way (tested). Only the
/// shown tools are sorted: at 100,000 tools a full sort per keystroke costs more than the
/// matching.
pub fn browse_from(
    catalog: &Catalog,
    index: &SearchIndex,
    b: &BrowseQuery,
    limit: usize,
    prev: Option<&Found>,
) -> Found {
    let query = Query::new(&b.q);
    let same_facets =
        |p: &BrowseQuery| p.category == b.category && p.entry == b.entry && p.verdict == b.verdict;
    let within = prev
        .filter(|p| same_facets(&p.query) && query.narrows(&Query::new(&p.query.q)))
        .map(|p| &p.matched[..]);
    let keep = |i: usize| {
        let (t, d) = (&catalog.tools[i], &index.docs[i]);
        b.category.as_deref().is_none_or(|c| t.category == c)
            && b.entry.is_none_or(|e| t.pricing.entry == e)
            && b.verdict.is_none_or(|v| d.verdict == v)
    };
    // Relevance and position of every match, in catalog order. Browsing without a search
    // needs no words: the first results do not wait for them.
    // No facet: no test per tool (a call per tool in the size-optimized build).
    let faceted = b.category.is_some() || b.entry.is_some() || b.verdict.is_some();
    let hits: Vec<(u32, u32)> = if query.is_empty() {
        let all = |i: usize| (!faceted || keep(i)).then_some((0, i as u32));
        match within {
            Some(ids) => ids.iter().filter_map(|&i| all(i as usize)).collect(),
            None if !faceted => (0..catalog.tools.len() as u32).map(|i| (0, i)).collect(),
            None => (0..catalog.tools.len()).filter_map(all).collect(),
        }
    } else {
        query.matches(catalog, index, within, faceted.then_some(&keep))
    };
    let matched: Vec<u32> = hits.iter().map(|h| h.1).collect();
    let order = match b.sort {
        Sort::Relevance | Sort::ShipPercent => Order::Panel,
        Sort::AvgScore => Order::Score,
        Sort::Name => Order::Name,
        Sort::LastReviewed => Order::Reviewed,
    };
    let relevance = b.sort == Sort::Relevance && !query.is_empty();
    // The first results do not wait for the whole catalog's order (built with the words,
    // `SearchIndex::prepare`).
    let pick = Pick {
        catalog,
        index,
        order,
        relevance,
        hits: &hits,
    };
    let shown = if query.is_empty() && !index.has_ranking(order) {
        pick.by_comparing(limit)
    } else {
        pick.by_rank(limit)
    };
    Found {
        query: b.clone(),
        shown: shown.into_iter().map(|i| i as usize).collect(),
        matched,
    }
}

/// The matches of a search, to pick the first `limit` of in order.
struct Pick<'a> {
    catalog: &'a Catalog,
    index: &'a SearchIndex,
    order: Order,
    /// Ranked by relevance first.
    relevance: bool,
    /// `(relevance, position)`, in catalog order.
    hits: &'a [(u32, u32)],
}

impl Pick<'_> {
    /// By comparing tools: what a catalog's first results need, before its order is built.
    fn by_comparing(&self, limit: usize) -> Vec<u32> {
        let score = |i: u32| match self.hits.binary_search_by_key(&i, |h| h.1) {
            Ok(at) if self.relevance => self.hits[at].0,
            _ => 0,
        };
        let cmp = |a: u32, c: u32| {
            score(c)
                .cmp(&score(a))
                .then_with(|| self.index.compare(self.catalog, self.order, a, c))
        };
        let mut ids: Vec<u32> = self.hits.iter().map(|h| h.1).collect();
        if limit < ids.len() {
            ids.select_nth_unstable_by(limit, |&a, &c| cmp(a, c));
            ids.truncate(limit);
        }
        sort_numbers(&mut ids, &cmp);
        ids
    }

    /// By each tool's place in the order (and its relevance first): one number per match,
    /// compared as numbers.
    fn by_rank(&self, limit: usize) -> Vec<u32> {
        let ranking = self.index.ranking(self.catalog, self.order);
        let mut keys: Vec<u64> = self
            .hits
            .iter()
            .map(|&(score, i)| {
                let place = u64::from(ranking.place[i as usize]);
                if self.relevance {
                    (u64::from(u32::MAX - score) << 32) | place
                } else {
                    place
                }
            })
            .collect();
        if limit < keys.len() {
            keys.select_nth_unstable(limit);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        keys.into_iter()
            .map(|k| ranking.at[(k & u64::from(u32::MAX)) as usize])
            .collect()
    }
}

/// The distinct categories of the catalog, sorted.
pub fn categories(catalog: &Catalog) -> Vec<&str> {
    let mut c: Vec<&str> = catalog.tools.iter().map(|t| t.category.as_str()).collect();
    order::sort_stable_by(&mut c, |a, b| a.cmp(b));
    c.dedup();
    c
}

/// Up to this many tools, "compare with…" lists every tool in a `<select>`. Above it the
/// picker is a search: one `<option>` per tool would put 100,000 elements on a page.
pub const PICK_FROM_LIST_MAX: usize = 200;

/// How many tools the search picker suggests at a time.
pub const PICK_SUGGESTED: usize = 8;

/// The tools the search picker suggests for `q`: the site search's best matches (prefix
/// and typo tolerant, ranked as home ranks them), less `exclude` (the tools already on
/// the page), at most `limit`, as positions in `catalog.tools`. None for a blank `q`.
pub fn pick_matches(
    catalog: &Catalog,
    index: &SearchIndex,
    q: &str,
    exclude: &[String],
    limit: usize,
) -> Vec<usize> {
    if q.trim().is_empty() {
        return Vec::new();
    }
    let query = BrowseQuery {
        q: q.to_string(),
        ..BrowseQuery::default()
    };
    let found = browse_from(catalog, index, &query, limit + exclude.len(), None);
    found
        .shown
        .into_iter()
        .filter(|&at| !exclude.contains(&catalog.tools[at].slug))
        .take(limit)
        .collect()
}

/// Catalog tools whose slug or name is close to `wanted`, best first (for not-found views).
pub fn close_matches<'a>(catalog: &'a Catalog, wanted: &str, max: usize) -> Vec<&'a Tool> {
    let wanted = fold::lowercase(wanted);
    let mut scored: Vec<(usize, &Tool)> = catalog
        .tools
        .iter()
        .map(|t| {
            let d = edit_distance(&wanted, &t.slug);
            // A shared prefix or containment makes a good suggestion even when far in edits.
            let bonus = if t.slug.contains(&wanted) || wanted.contains(&t.slug) {
                0
            } else {
                d
            };
            (bonus.min(d), t)
        })
        .filter(|(d, t)| *d <= (t.slug.len().max(wanted.len()) / 2).max(2))
        .collect();
    order::sort_stable_by(&mut scored, |a, b| {
        a.0.cmp(&b.0).then(a.1.slug.cmp(&b.1.slug))
    });
    scored.into_iter().take(max).map(|(_, t)| t).collect()
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    #[test]
    fn the_search_picker_suggests_the_searchs_best_matches_less_the_page_s_tools() {
        let c = crate::domain::catalog::synth::generate(1_000, 5);
        let ix = SearchIndex::new(&c);
        let name = |at: usize| c.tools[at].name.to_lowercase();
        // A typo'd prefix of a word of one tool's name.
        let wanted = c.tools[17].name.to_lowercase();
        let word = wanted.split(' ').next().unwrap();
        let typo: String = word
            .chars()
            .take(5)
            .collect::<String>()
            .replacen(&word[1..2], "q", 1);
        let got = pick_matches(&c, &ix, &typo, &[], PICK_SUGGESTED);
        assert_eq!(got.len(), PICK_SUGGESTED, "{typo}");
        assert!(
            got.iter().all(|&at| name(at).starts_with(&word[..1])),
            "{typo}: {got:?}"
        );
        // The page's tools are never suggested, and the rest keep their order.
        let on_page = vec![c.tools[got[0]].slug.clone(), c.tools[got[2]].slug.clone()];
        let less = pick_matches(&c, &ix, &typo, &on_page, PICK_SUGGESTED);
        assert_eq!(less.len(), PICK_SUGGESTED);
        assert!(less.iter().all(|&at| !on_page.contains(&c.tools[at].slug)));
        let kept: Vec<usize> = got
            .iter()
            .copied()
            .filter(|at| !on_page.contains(&c.tools[*at].slug))
            .collect();
        assert_eq!(less[..kept.len()], kept[..]);
        // Exactly what the site's search finds first.
        let q = BrowseQuery {
            q: typo.clone(),
            ..BrowseQuery::default()
        };
        assert_eq!(got, browse_from(&c, &ix, &q, PICK_SUGGESTED, None).shown);
        assert!(pick_matches(&c, &ix, "  ", &[], PICK_SUGGESTED).is_empty());
        assert!(pick_matches(&c, &ix, "zzzzqqqq", &[], PICK_SUGGESTED).is_empty());
        assert_eq!(pick_matches(&c, &ix, &typo, &[], 3), got[..3]);
    }

    fn slugs(v: &[&Tool]) -> Vec<String> {
        v.iter().map(|t| t.slug.clone()).collect()
    }

    #[test]
    fn query_string_round_trips() {
        let b = BrowseQuery {
            q: "mistral 3".into(),
            category: Some("Developer Tools".into()),
            entry: Some(Entry::Free),
            verdict: Some(Verdict::Ship),
            sort: Sort::Name,
        };
        let q = b.to_query();
        assert_eq!(
            q,
            "q=mistral+3&category=Developer+Tools&entry=free&verdict=ship&sort=name"
        );
        assert_eq!(BrowseQuery::from_query(&q), b);
        assert_eq!(BrowseQuery::default().to_query(), "");
        assert_eq!(
            BrowseQuery::from_query("entry=bogus&sort=bogus&x=1"),
            BrowseQuery::default()
        );
    }

    #[test]
    fn search_ranks_name_prefix_first_and_needs_every_term() {
        let c = shipped();
        let b = BrowseQuery {
            q: "open".into(),
            ..Default::default()
        };
        let r = browse(&c, &b);
        assert_eq!(r[0].slug, "openrouter-model-fusion");
        let b = BrowseQuery {
            q: "mistral 3b".into(),
            ..Default::default()
        };
        assert_eq!(slugs(&browse(&c, &b)), ["mistral-3b"]);
        let b = BrowseQuery {
            q: "zzzz".into(),
            ..Default::default()
        };
        assert!(browse(&c, &b).is_empty());
    }

    /// The two ways the shown tools are picked (comparing tools, as a catalog's first
    /// results do, and by the catalog's order) agree for every sort.
    #[test]
    fn picking_by_comparing_and_by_rank_agree() {
        let c = crate::domain::catalog::synth::generate(1_500, 4);
        let idx = SearchIndex::new(&c);
        for q in ["", "nova", "mistarl code", "a", "zzz"] {
            let query = Query::new(q);
            let hits = if query.is_empty() {
                (0..c.tools.len() as u32).map(|i| (0, i)).collect()
            } else {
                query.matches(&c, &idx, None, None)
            };
            for (sort, order) in [
                (Sort::Relevance, Order::Panel),
                (Sort::ShipPercent, Order::Panel),
                (Sort::AvgScore, Order::Score),
                (Sort::Name, Order::Name),
                (Sort::LastReviewed, Order::Reviewed),
            ] {
                let pick = Pick {
                    catalog: &c,
                    index: &idx,
                    order,
                    relevance: sort == Sort::Relevance && !query.is_empty(),
                    hits: &hits,
                };
                for limit in [0, 7, 50, usize::MAX] {
                    assert_eq!(
                        pick.by_comparing(limit),
                        pick.by_rank(limit),
                        "{q:?} {sort:?} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_limit_gives_the_same_first_tools_and_the_full_count() {
        let c = crate::domain::catalog::synth::generate(3_000, 3);
        let idx = SearchIndex::new(&c);
        for sort in Sort::ALL {
            for q in ["", "nova", "mistarl code"] {
                let b = BrowseQuery {
                    q: q.into(),
                    sort,
                    ..Default::default()
                };
                let all = browse(&c, &b);
                let (first, total) = browse_with(&c, &idx, &b, 50);
                assert_eq!(total, all.len(), "{q:?} {sort:?}");
                assert_eq!(first, all[..50.min(all.len())], "{q:?} {sort:?}");
            }
        }
    }

    #[test]
    fn facets_filter() {
        let c = shipped();
        let paid = BrowseQuery {
            entry: Some(Entry::Paid),
            sort: Sort::Name,
            ..Default::default()
        };
        assert_eq!(
            slugs(&browse(&c, &paid)),
            ["mistral-medium-3", "openrouter-model-fusion"]
        );
        let skip = BrowseQuery {
            verdict: Some(Verdict::Skip),
            ..Default::default()
        };
        assert!(browse(&c, &skip).is_empty());
        let cat = BrowseQuery {
            category: Some("Nope".into()),
            ..Default::default()
        };
        assert!(browse(&c, &cat).is_empty());
        assert_eq!(categories(&c), ["Developer Tools"]);
    }

    #[test]
    fn sorts() {
        let c = shipped();
        let by = |sort| {
            slugs(&browse(
                &c,
                &BrowseQuery {
                    sort,
                    ..Default::default()
                },
            ))
        };
        let ship = by(Sort::ShipPercent);
        // 100% tools first, ordered by average score; the 75% ones last.
        assert_eq!(ship[0], "mistral-3b"); // avg 82 (87,80,84,75 → 81.5 → 82)
        assert_eq!(
            &ship[4..],
            ["mistral-medium-3-72b-instruct", "openrouter-model-fusion"]
        );
        let name = by(Sort::Name);
        assert_eq!(name[0], "mistral-3-1"); // "3.1" sorts before "3b"
        assert_eq!(name[5], "openrouter-model-fusion");
        let score = by(Sort::AvgScore);
        assert_eq!(score[0], "mistral-3b");
        // No scores at all sorts last.
        assert_eq!(score[5], "mistral-8b-instruct-v3");
        let reviewed = by(Sort::LastReviewed);
        let dates: Vec<_> = reviewed
            .iter()
            .map(|s| {
                c.tools
                    .iter()
                    .find(|t| &t.slug == s)
                    .unwrap()
                    .last_reviewed
                    .clone()
            })
            .collect();
        let mut sorted = dates.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(dates, sorted);
    }

    #[test]
    fn suggestions_for_unknown_slugs() {
        let c = shipped();
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        let s = close_matches(&c, "mistral-3c", 3);
        assert_eq!(s[0].slug, "mistral-3b");
        let s = close_matches(&c, "openrouter", 3);
        assert_eq!(s[0].slug, "openrouter-model-fusion");
        assert!(close_matches(&c, "zzzzzzzzzzzzzzzzzz", 3).is_empty());
    }
}
