//! Verdict arithmetic, exactly as `PRODUCT.md` defines it. Pure functions over the model.

use serde_json::Value;

use crate::domain::catalog::model::{Call, Community, Tool};
use crate::domain::catalog::typing::{variant, At, Fault, FromJson};

/// The panel's overall call on a tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Verdict {
    Ship,
    Skip,
    Split,
    NoVerdict,
}

/// As serde writes it (an island's props carry it).
impl FromJson for Verdict {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Verdict, F> {
        variant(
            v,
            at,
            &["Ship", "Skip", "Split", "NoVerdict"],
            &Verdict::ALL,
        )
    }
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Ship,
        Verdict::Skip,
        Verdict::Split,
        Verdict::NoVerdict,
    ];

    /// Stable id for URLs and CSS modifiers.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ship => "ship",
            Verdict::Skip => "skip",
            Verdict::Split => "split",
            Verdict::NoVerdict => "none",
        }
    }

    /// Word shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ship => "Ship",
            Verdict::Skip => "Skip",
            Verdict::Split => "Split",
            Verdict::NoVerdict => "No verdict",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Ship/skip counts of the panel takes of one tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub ship: u32,
    pub skip: u32,
}

impl Tally {
    /// Counts the panel's takes; a persona without a take counts in neither.
    pub fn of(tool: &Tool) -> Tally {
        tool.panel.iter().fold(Tally::default(), |mut t, take| {
            match take.verdict {
                Call::Ship => t.ship += 1,
                Call::Skip => t.skip += 1,
            }
            t
        })
    }

    /// ship + skip, in u64: a catalog's community counts may each be up to u32::MAX.
    pub fn total(self) -> u64 {
        u64::from(self.ship) + u64::from(self.skip)
    }

    /// round(100 × ship / (ship + skip)); `None` without takes.
    pub fn ship_percent(self) -> Option<u32> {
        round_half_up(100 * u64::from(self.ship), self.total())
    }

    pub fn verdict(self) -> Verdict {
        use std::cmp::Ordering::*;
        if self.total() == 0 {
            return Verdict::NoVerdict;
        }
        match self.ship.cmp(&self.skip) {
            Greater => Verdict::Ship,
            Less => Verdict::Skip,
            Equal => Verdict::Split,
        }
    }

    /// "Ship · 3 ship / 1 skip", or "No verdict" without takes.
    pub fn verdict_line(self) -> String {
        match self.verdict() {
            Verdict::NoVerdict => Verdict::NoVerdict.label().to_string(),
            v => {
                let mut s = String::with_capacity(32);
                s.push_str(v.label());
                s.push_str(" · ");
                s.push_str(&self.ship.to_string());
                s.push_str(" ship / ");
                s.push_str(&self.skip.to_string());
                s.push_str(" skip");
                s
            }
        }
    }
}

/// Average panel score over the takes that carry one, as a whole number (rounded half up).
pub fn average_score(tool: &Tool) -> Option<u32> {
    let (sum, n) = tool
        .panel
        .iter()
        .filter_map(|t| t.score)
        .fold((0u64, 0u64), |(s, n), x| (s + u64::from(x), n + 1));
    round_half_up(sum, n)
}

/// `num / den` rounded half up, in integers (`(2·num + den) / (2·den)`); `None` when `den`
/// is 0. Every figure of the site rounds this way: ship %, average scores, their weighted
/// forms and the panel's divisiveness.
pub fn round_half_up(num: u64, den: u64) -> Option<u32> {
    (den > 0).then(|| ((2 * num + den) / (2 * den)) as u32)
}

/// Community figure: the catalog's seeded counts plus this browser's own vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommunityTotal {
    pub seeded: Tally,
    pub as_of: String,
    pub mine: Option<Call>,
}

impl CommunityTotal {
    pub fn new(community: &Community, mine: Option<Call>) -> Self {
        CommunityTotal {
            seeded: Tally {
                ship: community.ship,
                skip: community.skip,
            },
            as_of: community.as_of.clone(),
            mine,
        }
    }

    /// " · catalog counts as of 2026-11-20" when the catalog seeds any votes.
    pub fn as_of_note(&self) -> Option<String> {
        (self.seeded.total() > 0).then(|| " · catalog counts as of ".to_string() + &self.as_of)
    }

    /// Seeded counts with the reader's vote added.
    pub fn total(&self) -> Tally {
        let mut t = self.seeded;
        // Saturating: a seeded count of u32::MAX plus the reader's vote stays u32::MAX.
        match self.mine {
            Some(Call::Ship) => t.ship = t.ship.saturating_add(1),
            Some(Call::Skip) => t.skip = t.skip.saturating_add(1),
            None => {}
        }
        t
    }

    /// One line for cards and tables, saying which part is the reader's.
    pub fn summary(&self) -> String {
        let total = self.total();
        if total.total() == 0 {
            return "No community votes yet".into();
        }
        let mut s = String::new();
        s.push_str(&total.ship.to_string());
        s.push_str(" ship / ");
        s.push_str(&total.skip.to_string());
        s.push_str(" skip");
        if let Some(call) = self.mine {
            s.push_str(" (incl. your ");
            s.push_str(call.as_str());
            s.push(')');
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::model::{Entry, Pricing, Take};
    use crate::domain::catalog::validate::Problem;

    #[test]
    fn a_verdict_reads_back_as_serde_writes_it() {
        for v in Verdict::ALL {
            let written = serde_json::to_value(v).unwrap();
            assert_eq!(Verdict::from_json::<Problem>(written, At::Root), Ok(v));
        }
        let wrong: Problem = Verdict::from_json(serde_json::json!("ship"), At::Root).unwrap_err();
        assert!(
            wrong.message.starts_with("unknown variant `ship`"),
            "{wrong:?}"
        );
    }

    fn tool(takes: &[(Call, Option<u8>)]) -> Tool {
        Tool {
            slug: "t".into(),
            name: "T".into(),
            vendor: "V".into(),
            category: "C".into(),
            tagline: "x".into(),
            description: "x".into(),
            pricing: Pricing {
                entry: Entry::Free,
                summary: "x".into(),
            },
            homepage: None,
            license: "MIT".into(),
            last_reviewed: "2026-01-01".into(),
            alternatives: vec![],
            community: Community::default(),
            panel: takes
                .iter()
                .enumerate()
                .map(|(i, (v, s))| Take {
                    persona: format!("p{i}"),
                    verdict: *v,
                    score: *s,
                    text: "x".into(),
                })
                .collect(),
            changes: vec![],
        }
    }

    #[test]
    fn three_one_is_ship_75() {
        use Call::*;
        let t = tool(&[
            (Ship, Some(88)),
            (Ship, Some(78)),
            (Ship, Some(82)),
            (Skip, Some(55)),
        ]);
        let tally = Tally::of(&t);
        assert_eq!(tally, Tally { ship: 3, skip: 1 });
        assert_eq!(tally.ship_percent(), Some(75));
        assert_eq!(tally.verdict(), Verdict::Ship);
        assert_eq!(tally.verdict_line(), "Ship · 3 ship / 1 skip");
        assert_eq!(average_score(&t), Some(76)); // 303 / 4 = 75.75
    }

    #[test]
    fn split_skip_and_none() {
        use Call::*;
        assert_eq!(
            Tally::of(&tool(&[(Ship, None), (Skip, None)])).verdict(),
            Verdict::Split
        );
        let skip = Tally::of(&tool(&[(Skip, None), (Skip, None), (Ship, None)]));
        assert_eq!(skip.verdict(), Verdict::Skip);
        assert_eq!(skip.ship_percent(), Some(33));
        assert_eq!(skip.verdict_line(), "Skip · 1 ship / 2 skip");
        let none = Tally::of(&tool(&[]));
        assert_eq!(none.verdict(), Verdict::NoVerdict);
        assert_eq!(none.ship_percent(), None);
        assert_eq!(none.verdict_line(), "No verdict");
    }

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(Tally { ship: 2, skip: 1 }.ship_percent(), Some(67));
        assert_eq!(Tally { ship: 1, skip: 7 }.ship_percent(), Some(13)); // 12.5
        assert_eq!(Tally { ship: 0, skip: 4 }.ship_percent(), Some(0));
    }

    #[test]
    fn the_largest_counts_do_not_overflow() {
        let max = Tally {
            ship: u32::MAX,
            skip: u32::MAX,
        };
        assert_eq!(max.total(), 2 * u64::from(u32::MAX));
        assert_eq!(max.ship_percent(), Some(50));
        assert_eq!(max.verdict(), Verdict::Split);
        let c = Community {
            ship: u32::MAX,
            skip: 0,
            as_of: "2026-11-23".into(),
        };
        let mine = CommunityTotal::new(&c, Some(Call::Ship));
        assert_eq!(mine.total().ship, u32::MAX);
        assert_eq!(mine.summary(), "4294967295 ship / 0 skip (incl. your ship)");
    }

    #[test]
    fn average_ignores_unscored_takes() {
        use Call::*;
        assert_eq!(average_score(&tool(&[(Ship, None), (Ship, None)])), None);
        assert_eq!(
            average_score(&tool(&[(Ship, Some(80)), (Ship, None), (Skip, Some(45))])),
            Some(63) // 62.5 rounds up
        );
    }

    #[test]
    fn community_labels_the_readers_part() {
        let c = Community {
            ship: 0,
            skip: 0,
            as_of: "2026-11-23".into(),
        };
        assert_eq!(
            CommunityTotal::new(&c, None).summary(),
            "No community votes yet"
        );
        let mine = CommunityTotal::new(&c, Some(Call::Skip));
        assert_eq!(mine.total(), Tally { ship: 0, skip: 1 });
        assert_eq!(mine.summary(), "0 ship / 1 skip (incl. your skip)");
        let seeded = Community {
            ship: 5,
            skip: 2,
            as_of: "2026-11-01".into(),
        };
        assert_eq!(
            CommunityTotal::new(&seeded, Some(Call::Ship)).summary(),
            "6 ship / 2 skip (incl. your ship)"
        );
    }
}

/// Every figure of PRODUCT.md, read from the shipped catalog.
#[cfg(test)]
mod shipped_figures {
    use super::*;
    use crate::domain::testdata::shipped;

    #[test]
    fn panel_figures_match_the_seeds() {
        let c = shipped();
        // slug, ship, skip, %, verdict line, average, [builder, skeptic, futurist, founder, creator]
        type Row = (
            &'static str,
            u32,
            u32,
            u32,
            &'static str,
            Option<u32>,
            [&'static str; 5],
        );
        let rows: [Row; 6] = [
            (
                "mistral-medium-3-72b-instruct",
                3,
                1,
                75,
                "Ship · 3 ship / 1 skip",
                Some(76),
                ["88 ship", "78 ship", "82 ship", "55 skip", "—"],
            ),
            (
                "mistral-medium-3",
                4,
                0,
                100,
                "Ship · 4 ship / 0 skip",
                Some(74),
                ["78 ship", "72 ship", "74 ship", "70 ship", "—"],
            ),
            (
                "mistral-3b",
                4,
                0,
                100,
                "Ship · 4 ship / 0 skip",
                Some(82),
                ["87 ship", "80 ship", "84 ship", "75 ship", "—"],
            ),
            (
                "mistral-8b-instruct-v3",
                4,
                0,
                100,
                "Ship · 4 ship / 0 skip",
                None,
                ["ship", "ship", "ship", "ship", "—"],
            ),
            (
                "mistral-3-1",
                4,
                0,
                100,
                "Ship · 4 ship / 0 skip",
                Some(81),
                ["87 ship", "82 ship", "80 ship", "74 ship", "—"],
            ),
            (
                "openrouter-model-fusion",
                3,
                1,
                75,
                "Ship · 3 ship / 1 skip",
                Some(71),
                ["80 ship", "45 skip", "80 ship", "—", "80 ship"],
            ),
        ];
        assert_eq!(c.tools.len(), rows.len());
        let personas = ["builder", "skeptic", "futurist", "founder", "creator"];
        for (slug, ship, skip, pct, line, avg, takes) in rows {
            let t = c.tool(slug).expect(slug);
            let tally = Tally::of(t);
            assert_eq!(tally, Tally { ship, skip }, "{slug}");
            assert_eq!(tally.ship_percent(), Some(pct), "{slug}");
            assert_eq!(tally.verdict_line(), line, "{slug}");
            assert_eq!(average_score(t), avg, "{slug}");
            assert_eq!(t.category, "Developer Tools");
            assert_eq!(
                CommunityTotal::new(&t.community, None).summary(),
                "No community votes yet"
            );
            for (p, want) in personas.iter().zip(takes) {
                let got = match t.take(p) {
                    None => "—".to_string(),
                    Some(k) => match k.score {
                        Some(s) => format!("{s} {}", k.verdict.as_str()),
                        None => k.verdict.as_str().to_string(),
                    },
                };
                assert_eq!(got, want, "{slug} / {p}");
            }
        }
        let entries: Vec<_> = c.tools.iter().map(|t| t.pricing.entry.label()).collect();
        assert_eq!(entries, ["Free", "Paid", "Free", "Free", "Free", "Paid"]);
        assert_eq!(c.comparisons.len(), 5);
        assert!(c
            .comparisons
            .iter()
            .all(|k| k.tools.len() == 2 && k.tools[1] == "openrouter-model-fusion"));
    }
}
