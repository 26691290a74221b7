//! The panel's figures: verdicts and tallies, the reader's persona weights, splits and
//! disagreement, the score chart's layout. Depends on `catalog` and `base`.

pub mod chart;
pub mod disagreement;
pub mod verdict;
pub mod weights;
