//! The catalog's typed model (schema v1). Field-by-field documentation: `docs/catalog.md`.
//!
//! Each struct is declared through [`schema!`], which names its fields once and gives it
//! its field list, the reader (`typing::FromJson`) the app and the `catalog` tool read it
//! with, and its part of the catalog's JSON Schema (`describe`): a field's doc comment is
//! its description there, and its `#[rule(…)]` names what the checks require of it beyond
//! its type (`typing::Rule`, `describe::rule`). The serde derives stay: `Serialize` writes
//! split catalogs, and `Deserialize` (with its attributes) is the reference `tests/fuzz.rs`
//! holds the readers to, and reads a split index's rows.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::typing::{schema, variant, At, Fault, FromJson};
use crate::domain::base::{fold, order};

/// The only catalog schema version this build understands.
pub const SCHEMA_VERSION: u32 = 1;
/// A take's highest score (the lowest is 0).
pub const MAX_SCORE: u8 = 100;
/// How many tools a comparison compares, at least and at most.
pub const MIN_COMPARED: usize = 2;
pub const MAX_COMPARED: usize = 4;

schema! {
    fields_only
    /// A whole, validated catalog as the app uses it. `validate` reads its top level by
    /// hand, each tool and comparison alone.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Catalog {
        /// The format's version: this site reads version 1 only.
        #[rule(Version)]
        pub schema_version: u32,
        /// ISO date (`YYYY-MM-DD`) the file was generated.
        #[rule(Date)]
        pub generated: String,
        /// Site-wide text and links.
        pub site: Site,
        /// The reviewer panel, in display order (scorecard rows). Ids unique.
        #[rule(Personas)]
        pub personas: Vec<Persona>,
        /// The tools, in default catalog order. Slugs unique.
        pub tools: Vec<Tool>,
        /// Curated comparisons shown on the home page.
        #[serde(default)]
        pub comparisons: Vec<Comparison>,
        /// Set in the head of a split catalog: where its index and tool files are.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub split: Option<SplitRef>,
    }
}

schema! {
    /// Where a split catalog's other files are, relative to `catalog.json`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SplitRef {
        /// The index file, e.g. `catalog-index.json`.
        pub index: String,
        /// The folder of per-tool files, e.g. `tools/`.
        pub details: String,
    }
}

impl SplitRef {
    /// The URL (relative to the document base) of one tool's detail file.
    pub fn detail_url(&self, slug: &str) -> String {
        format!("{}{slug}.json", self.details)
    }
}

impl Catalog {
    /// The tool with this slug.
    pub fn tool(&self, slug: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.slug == slug)
    }

    /// A comparison's tools, in page order (validation guarantees they all exist).
    pub fn tools_of(&self, comparison: &Comparison) -> Vec<&Tool> {
        comparison
            .tools
            .iter()
            .filter_map(|s| self.tool(s))
            .collect()
    }

    /// Curated comparisons, newest first.
    pub fn latest_comparisons(&self) -> Vec<&Comparison> {
        let mut comps: Vec<&Comparison> = self.comparisons.iter().collect();
        order::sort_stable_by(&mut comps, |a, b| b.published.cmp(&a.published));
        comps
    }
}

schema! {
    /// Site-wide settings.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Site {
        /// The site's title.
        #[rule(Name)]
        pub title: String,
        /// One line under the title on the home page.
        #[rule(Line)]
        #[serde(default)]
        pub tagline: String,
        /// External newsletter signup page (http/https); the weekly box links to it when set.
        #[rule(Url)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub newsletter_url: Option<String>,
    }
}

schema! {
    /// A reviewer persona of the panel.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Persona {
        /// `[a-z0-9-]+`, used in `/reviewer/{id}`.
        #[rule(Slug)]
        pub id: String,
        /// Display name ("Builder").
        #[rule(Name)]
        pub name: String,
        /// One-line motto.
        #[rule(FilledLine)]
        pub motto: String,
        /// What this persona looks for in a tool.
        #[rule(FilledLine)]
        pub looks_for: String,
    }
}

/// Entry price tier: what it costs to start using the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Entry {
    Free,
    Freemium,
    Paid,
}

impl Entry {
    pub const ALL: [Entry; 3] = [Entry::Free, Entry::Freemium, Entry::Paid];
    /// Their names in the catalog, in the order of [`Entry::ALL`].
    pub const NAMES: &'static [&'static str] = &["free", "freemium", "paid"];

    /// Stable lowercase id, used in URLs and as a CSS modifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Entry::Free => "free",
            Entry::Freemium => "freemium",
            Entry::Paid => "paid",
        }
    }

    /// Label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            Entry::Free => "Free",
            Entry::Freemium => "Freemium",
            Entry::Paid => "Paid",
        }
    }

    pub fn parse(s: &str) -> Option<Entry> {
        Entry::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

impl FromJson for Entry {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Entry, F> {
        variant(v, at, Entry::NAMES, &Entry::ALL)
    }
}

schema! {
    /// Pricing of a tool.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Pricing {
        /// Entry tier: what it costs to start using the tool.
        pub entry: Entry,
        /// Human summary, e.g. "Pay per token on La Plateforme".
        #[rule(FilledLine)]
        pub summary: String,
    }
}

/// A vote or take direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Call {
    Ship,
    Skip,
}

impl Call {
    pub const ALL: [Call; 2] = [Call::Ship, Call::Skip];
    /// Their names in the catalog, in the order of [`Call::ALL`].
    pub const NAMES: &'static [&'static str] = &["ship", "skip"];

    pub fn as_str(self) -> &'static str {
        match self {
            Call::Ship => "ship",
            Call::Skip => "skip",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Call::Ship => "Ship",
            Call::Skip => "Skip",
        }
    }
}

impl FromJson for Call {
    fn from_json<F: Fault>(v: Value, at: At<'_>) -> Result<Call, F> {
        variant(v, at, Call::NAMES, &Call::ALL)
    }
}

schema! {
    /// One persona's take on one tool.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Take {
        /// The id of a persona of `personas`, which gives at most one take per tool.
        #[rule(Slug)]
        pub persona: String,
        /// The persona's call.
        pub verdict: Call,
        /// 0–100, optional: some takes carry no score.
        #[rule(Score)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub score: Option<u8>,
        /// The take itself.
        #[rule(Text)]
        pub text: String,
    }
}

schema! {
    /// Seeded community counts, with the date they were counted.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Community {
        /// Seeded ship votes.
        pub ship: u32,
        /// Seeded skip votes.
        pub skip: u32,
        /// ISO date the counts were taken.
        #[rule(Date)]
        pub as_of: String,
    }
}

schema! {
    /// A tool of the catalog.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Tool {
        /// `[a-z0-9-]+`, never containing `-vs-`; unique. Used in `/tool/{slug}`.
        #[rule(Slug)]
        pub slug: String,
        /// Display name. Its first letter or digit is the avatar.
        #[rule(Name)]
        pub name: String,
        /// Who makes it.
        #[rule(Name)]
        pub vendor: String,
        /// Facet value for browsing, e.g. "Developer Tools".
        #[rule(Name)]
        pub category: String,
        /// "Best for": one line.
        #[rule(FilledLine)]
        pub tagline: String,
        /// A paragraph.
        #[rule(Text)]
        pub description: String,
        /// Entry tier and summary.
        pub pricing: Pricing,
        /// Vendor page for the tool (http/https).
        #[rule(Url)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub homepage: Option<String>,
        /// License of the tool or its weights, e.g. "Apache-2.0" or "Proprietary".
        #[rule(Name)]
        pub license: String,
        /// ISO date of the panel's last review.
        #[rule(Date)]
        pub last_reviewed: String,
        /// Named alternatives (free text: they need not be in the catalog).
        #[rule(Alternatives)]
        #[serde(default)]
        pub alternatives: Vec<String>,
        /// Seeded community vote counts.
        pub community: Community,
        /// The panel's takes: at most one per persona.
        #[rule(Takes)]
        #[serde(default)]
        pub panel: Vec<Take>,
        /// How the panel's verdicts changed, for readers who come back: listed on the
        /// tool's page, newest first, and in the feed.
        #[rule(Changes)]
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub changes: Vec<Change>,
    }
}

schema! {
    /// One change of the panel's verdicts on a tool.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Change {
        /// ISO date of the change.
        #[rule(Date)]
        pub date: String,
        /// One line: what changed and why, e.g. "Skeptic moved to skip after the price
        /// change".
        #[rule(FilledLine)]
        pub note: String,
    }
}

impl Tool {
    /// The take of one persona, if it gave one.
    pub fn take(&self, persona: &str) -> Option<&Take> {
        self.panel.iter().find(|t| t.persona == persona)
    }

    /// Initial letter for the avatar.
    pub fn initial(&self) -> String {
        self.name
            .chars()
            .find(|&c| fold::is_word_char(c))
            .map(|c| fold::upper(c).to_string())
            .unwrap_or_else(|| "?".into())
    }
}

schema! {
    /// A curated comparison of 2–4 tools.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Comparison {
        /// 2–4 distinct slugs of tools of the catalog, in page order.
        #[rule(Compared)]
        pub tools: Vec<String>,
        /// ISO date of publication: the home page lists the latest first.
        #[rule(Date)]
        pub published: String,
        /// One-line summary shown with the comparison.
        #[rule(Line)]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub summary: Option<String>,
    }
}

/// The key of a group of compared tools: its slugs sorted, so `a-vs-b` and `b-vs-a` share
/// one. The catalog compares a group once, and a reader's pick on it is kept under it.
pub fn pick_key<S: AsRef<str>>(slugs: &[S]) -> String {
    let mut v: Vec<&str> = slugs.iter().map(|s| s.as_ref()).collect();
    order::sort_stable_by(&mut v, |a, b| a.cmp(b));
    v.join("-vs-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_keys_ignore_order() {
        assert_eq!(pick_key(&["b", "a"]), "a-vs-b");
        assert_eq!(pick_key(&["a", "b"]), pick_key(&["b", "a"]));
    }
}
