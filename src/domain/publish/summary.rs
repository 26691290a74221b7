//! Sentences computed from the figures, shared by the live pages and the prerendered
//! static pages (`prerender`), so both say the same thing.

use crate::domain::catalog::model::{Persona, Site, Tool};
use crate::domain::panel::verdict::{average_score, Tally};

/// "75%", or "—" when there is nothing to divide.
pub fn percent_text(p: Option<u32>) -> String {
    match p {
        Some(p) => {
            let mut s = p.to_string();
            s.push('%');
            s
        }
        None => "—".into(),
    }
}

/// "A vs B vs C".
pub fn heading(tools: &[&Tool]) -> String {
    tools
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// How many of the latest comparisons home lists.
pub const LATEST_SHOWN: usize = 6;
/// Home's line under "Most divisive".
pub const DIVISIVE_NOTE: &str = "Where the panel splits between ship and skip.";
/// Home's "Most divisive" when no tool splits the panel.
pub const NO_SPLIT: &str = "The panel agrees on every tool.";

/// "100% vs 75%": each tool's panel ship %, the figures of a comparison's line on home.
pub fn ship_figures(tools: &[&Tool]) -> String {
    tools
        .iter()
        .map(|t| percent_text(Tally::of(t).ship_percent()))
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// The one-line lede: which one the panel would ship with, and on what figures.
pub fn lede(tools: &[&Tool]) -> String {
    let figures: Vec<(&Tool, Option<u32>, Option<u32>)> = tools
        .iter()
        .map(|t| (*t, Tally::of(t).ship_percent(), average_score(t)))
        .collect();
    let score = |a: Option<u32>| {
        a.map(|a| a.to_string() + "/100")
            .unwrap_or_else(|| "no score".into())
    };
    let mut s = String::from("Which one should you ship with? ");
    let best_pct = figures.iter().map(|f| f.1).max().flatten();
    let top: Vec<_> = figures.iter().filter(|f| f.1 == best_pct).collect();
    if top.len() == 1 {
        s.push_str("The panel leans to ");
        s.push_str(top[0].0.name.as_str());
        s.push_str(" (");
        s.push_str(&percent_text(best_pct));
        s.push_str(" ship, average ");
        s.push_str(&score(top[0].2));
        s.push_str("). ");
    } else {
        let best_avg = top.iter().map(|f| f.2).max().flatten();
        let by_avg: Vec<_> = top.iter().filter(|f| f.2 == best_avg).collect();
        s.push_str(if top.len() == figures.len() {
            "All ship at "
        } else {
            "The leaders ship at "
        });
        s.push_str(&percent_text(best_pct));
        if by_avg.len() == 1 && best_avg.is_some() {
            s.push_str("; ");
            s.push_str(by_avg[0].0.name.as_str());
            s.push_str(" scores higher on average (");
            s.push_str(&score(best_avg));
            s.push_str("). ");
        } else {
            s.push_str(", with no clear winner on scores. ");
        }
    }
    s.push_str("Verdicts, pricing, the reviewer split and the community vote, side by side.");
    s
}

/// "Page · Ship or Skip".
pub fn page_title(page: &str, site: &str) -> String {
    if page.is_empty() {
        return site.to_string();
    }
    let mut s = String::with_capacity(page.len() + site.len() + 3);
    s.push_str(page);
    s.push_str(" · ");
    s.push_str(site);
    s
}

/// `(title, meta description)` of the home page.
pub fn home_head(site: &Site) -> (String, String) {
    (
        site.title.clone() + " · which AI tool should you ship with?",
        site.tagline.clone(),
    )
}

/// `(title, meta description)` of a tool page: "Name: Ship · 3 ship / 1 skip. Tagline".
pub fn tool_head(site: &Site, tool: &Tool) -> (String, String) {
    let mut d = tool.name.clone();
    d.push_str(": ");
    d.push_str(&Tally::of(tool).verdict_line());
    d.push_str(". ");
    d.push_str(&tool.tagline);
    (page_title(&tool.name, &site.title), d)
}

/// `(title, meta description)` of a reviewer page.
pub fn reviewer_head(site: &Site, persona: &Persona) -> (String, String) {
    let mut d = persona.name.clone();
    d.push_str(" on the Ship or Skip panel: ");
    d.push_str(&persona.motto);
    (page_title(&persona.name, &site.title), d)
}

/// `(title, meta description)` of a comparison page: its heading and lede.
pub fn compare_head(site: &Site, tools: &[&Tool]) -> (String, String) {
    (page_title(&heading(tools), &site.title), lede(tools))
}

/// `(title, meta description)` of the bookmarks page.
pub fn bookmarks_head(site: &Site) -> (String, String) {
    (
        page_title("Bookmarks", &site.title),
        "Your bookmarked AI tools, saved in this browser.".into(),
    )
}
