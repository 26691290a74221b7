//! The catalog's typed model (schema v1). Field-by-field documentation: `docs/catalog.md`.
//!
//! Each struct is declared through [`schema!`], which names its fields once and gives it
//! its field list and the reader (`typing::FromJson`) the app and the `catalog` tool read
//! it with. The serde derives stay: `Serialize` writes split catalogs, and `Deserialize`
//! (with its attributes) is the reference `tests/fuzz.rs` holds the readers to, and reads
//! a split index's rows.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::typing::{schema, variant, At, Fault, FromJson};
use crate::domain::base::{fold, order};

/// The only catalog schema version this build understands.
pub const SCHEMA_VERSION: u32 = 1;

schema! {
    fields_only
    /// A whole, validated catalog as the app uses it. `validate` reads its top level by
    /// hand, each tool and comparison alone.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Catalog {
        pub schema_version: u32,
        /// ISO date (`YYYY-MM-DD`) the file was generated.
        pub generated: String,
        pub site: Site,
        pub personas: Vec<Persona>,
        pub tools: Vec<Tool>,
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
        pub title: String,
        /// One line under the title on the home page.
        #[serde(default)]
        pub tagline: String,
        /// External newsletter signup page (http/https); the weekly box links to it when set.
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
        pub id: String,
        pub name: String,
        /// One-line motto.
        pub motto: String,
        /// What this persona looks for in a tool.
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
        variant(v, at, &["free", "freemium", "paid"], &Entry::ALL)
    }
}

schema! {
    /// Pricing of a tool.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Pricing {
        /// Entry tier.
        pub entry: Entry,
        /// Human summary, e.g. "Pay per token on La Plateforme".
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
        variant(v, at, &["ship", "skip"], &[Call::Ship, Call::Skip])
    }
}

schema! {
    /// One persona's take on one tool.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Take {
        /// A persona id.
        pub persona: String,
        pub verdict: Call,
        /// 0–100, optional: some takes carry no score.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub score: Option<u8>,
        pub text: String,
    }
}

schema! {
    /// Seeded community counts, with the date they were counted.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Community {
        pub ship: u32,
        pub skip: u32,
        /// ISO date the counts were taken.
        pub as_of: String,
    }
}

schema! {
    /// A tool of the catalog.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Tool {
        /// `[a-z0-9-]+`, never containing `-vs-`.
        pub slug: String,
        pub name: String,
        pub vendor: String,
        pub category: String,
        /// "Best for": one line.
        pub tagline: String,
        pub description: String,
        pub pricing: Pricing,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub homepage: Option<String>,
        /// License of the tool or its weights, e.g. "Apache-2.0" or "Proprietary".
        pub license: String,
        /// ISO date of the panel's last review.
        pub last_reviewed: String,
        /// Named alternatives (free text: they need not be in the catalog).
        #[serde(default)]
        pub alternatives: Vec<String>,
        pub community: Community,
        /// At most one take per persona.
        #[serde(default)]
        pub panel: Vec<Take>,
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
        /// 2–4 tool slugs, in page order.
        pub tools: Vec<String>,
        /// ISO date.
        pub published: String,
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
