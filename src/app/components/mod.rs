//! Small documented view components shared by the pages.

pub mod bookmarks_panel;
pub mod catalog_gate;
pub mod controls;
pub mod copy;
pub mod rows;
pub mod score_chart;
pub mod shell;
pub mod shortcuts;
pub mod take_cell;
pub mod tool_card;
pub mod weekly_box;
pub mod weights_panel;

pub use crate::domain::publish::summary::percent_text;

/// "88/100 · ship", or just "ship" for a take without a score.
pub fn score_line(score: Option<u8>, verdict: crate::domain::catalog::model::Call) -> String {
    match score {
        Some(s) => {
            let mut out = s.to_string();
            out.push_str("/100 · ");
            out.push_str(verdict.as_str());
            out
        }
        None => verdict.as_str().to_string(),
    }
}
