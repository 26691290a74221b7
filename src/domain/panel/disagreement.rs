//! Disagreement made visible: how split the panel is on a tool, which tools divide it most,
//! and where readers' votes and the panel's verdict part ways.

use super::verdict::{round_half_up, Tally, Verdict};
use crate::domain::base::order;
use crate::domain::catalog::model::{Catalog, Tool};

/// The panel's split on one tool: its ship and skip takes and the range of its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub tally: Tally,
    /// Lowest and highest score, when at least one take has a score.
    pub range: Option<(u8, u8)>,
}

impl Split {
    pub fn of(tool: &Tool) -> Split {
        let range =
            tool.panel
                .iter()
                .filter_map(|t| t.score)
                .fold(None, |r: Option<(u8, u8)>, s| {
                    Some(match r {
                        None => (s, s),
                        Some((lo, hi)) => (lo.min(s), hi.max(s)),
                    })
                });
        Split {
            tally: Tally::of(tool),
            range,
        }
    }

    /// Whether the panel is divided: at least one ship and one skip.
    pub fn is_split(&self) -> bool {
        self.tally.ship > 0 && self.tally.skip > 0
    }

    /// 0 (unanimous) to 100 (an even split): the minority's share of the takes, doubled.
    pub fn divisiveness(&self) -> u32 {
        let minority = u64::from(self.tally.ship.min(self.tally.skip));
        round_half_up(200 * minority, self.tally.total()).unwrap_or(0)
    }

    /// Highest score minus lowest (0 with fewer than two scores).
    pub fn spread(&self) -> u32 {
        self.range.map_or(0, |(lo, hi)| u32::from(hi - lo))
    }

    /// A card's line: "Panel: 3 ship · 1 skip · scores 40–87 · divided".
    pub fn card_line(&self) -> String {
        let mut s = "Panel: ".to_string() + &self.line();
        if self.is_split() {
            s.push_str(" · divided");
        }
        s
    }

    /// "3 ship · 1 skip · scores 55–88" (the range only when scores differ).
    pub fn line(&self) -> String {
        let mut s = format!("{} ship · {} skip", self.tally.ship, self.tally.skip);
        if let Some((lo, hi)) = self.range.filter(|(lo, hi)| lo != hi) {
            s.push_str(&format!(" · scores {lo}–{hi}"));
        }
        s
    }
}

/// How many divisive tools home lists.
pub const DIVISIVE_SHOWN: usize = 5;

/// The tools the panel is most divided on, most divisive first (then the widest score
/// spread, then name): only tools with at least one ship and one skip take.
pub fn most_divisive(catalog: &Catalog, n: usize) -> Vec<(&Tool, Split)> {
    let mut v: Vec<(&Tool, Split)> = catalog
        .tools
        .iter()
        .map(|t| (t, Split::of(t)))
        .filter(|(_, s)| s.is_split())
        .collect();
    order::sort_stable_by(&mut v, |(ta, a), (tb, b)| {
        b.divisiveness()
            .cmp(&a.divisiveness())
            .then(b.spread().cmp(&a.spread()))
            .then_with(|| ta.name.cmp(&tb.name))
    });
    v.truncate(n);
    v
}

/// The flag after the community figure when [`community_disagrees`].
pub const DISAGREE_FLAG: &str = " · readers disagree with the panel";

/// Whether readers' votes and the panel reach opposite verdicts (one ships, the other
/// skips). A split or an empty side is no disagreement.
pub fn community_disagrees(panel: Verdict, community: Tally) -> bool {
    matches!(
        (panel, community.verdict()),
        (Verdict::Ship, Verdict::Skip) | (Verdict::Skip, Verdict::Ship)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    #[test]
    fn the_seed_panel_splits_on_two_tools() {
        let c = shipped();
        let split = Split::of(c.tool("mistral-medium-3-72b-instruct").unwrap());
        assert!(split.is_split());
        assert_eq!(split.divisiveness(), 50);
        assert_eq!(split.line(), "3 ship · 1 skip · scores 55–88");
        let top: Vec<&str> = most_divisive(&c, 5)
            .iter()
            .map(|(t, _)| t.slug.as_str())
            .collect();
        // Both 3–1; OpenRouter's scores spread wider (45–80 against 55–88).
        assert_eq!(
            top,
            ["openrouter-model-fusion", "mistral-medium-3-72b-instruct"]
        );
        let unanimous = Split::of(c.tool("mistral-3b").unwrap());
        assert!(!unanimous.is_split());
        assert_eq!(unanimous.divisiveness(), 0);
        // No scores at all: no range in the line.
        let unscored = Split::of(c.tool("mistral-8b-instruct-v3").unwrap());
        assert_eq!(unscored.line(), "4 ship · 0 skip");
    }

    #[test]
    fn divisiveness_is_the_minority_share_doubled() {
        let s = |ship, skip| Split {
            tally: Tally { ship, skip },
            range: None,
        };
        assert_eq!(s(2, 2).divisiveness(), 100);
        assert_eq!(s(4, 1).divisiveness(), 40);
        assert_eq!(s(0, 5).divisiveness(), 0);
        assert_eq!(s(0, 0).divisiveness(), 0);
        assert_eq!(s(u32::MAX, u32::MAX).divisiveness(), 100);
    }

    #[test]
    fn community_disagreement_needs_opposite_verdicts() {
        let t = |ship, skip| Tally { ship, skip };
        assert!(community_disagrees(Verdict::Ship, t(1, 3)));
        assert!(community_disagrees(Verdict::Skip, t(3, 1)));
        assert!(!community_disagrees(Verdict::Ship, t(3, 1)));
        assert!(!community_disagrees(Verdict::Ship, t(2, 2)));
        assert!(!community_disagrees(Verdict::Ship, t(0, 0)));
        assert!(!community_disagrees(Verdict::Split, t(0, 4)));
        assert!(!community_disagrees(Verdict::NoVerdict, t(0, 4)));
    }
}
