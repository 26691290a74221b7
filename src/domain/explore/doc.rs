//! What browsing needs of each tool without a search: its sort keys and verdict.

use crate::domain::base::fold::lowercase;
use crate::domain::catalog::model::Tool;
use crate::domain::panel::verdict::{average_score, Tally, Verdict};
use crate::domain::panel::weights::Weights;

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
    pub(super) fn new(tool: &Tool, weights: Option<&Weights>) -> Doc {
        let tally = Tally::of(tool);
        Doc {
            name: lowercase(&tool.name).into_boxed_str(),
            ship: weights.map_or_else(|| tally.ship_percent(), |w| w.ship_percent(tool)),
            avg: weights.map_or_else(|| average_score(tool), |w| w.average_score(tool)),
            verdict: tally.verdict(),
        }
    }
}
