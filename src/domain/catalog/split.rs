//! Large catalogs, split so the app never downloads every take up front (`docs/catalog.md`,
//! "Split catalogs").
//!
//! `catalog split` turns one validated source file into:
//! - `catalog.json`, the *head*: the usual top level without `tools`, plus
//!   `"split": {"index": "catalog-index.json", "details": "tools/"}`;
//! - `catalog-index.json`: one compact row per tool with what browse, search, facets,
//!   sorting and every verdict figure need (see [`Row`]);
//! - `tools/{slug}.json`: each full tool (description, pricing, license, takes' text),
//!   fetched by the tool and comparison pages and kept offline by the service worker.

use std::collections::HashSet;

use super::model::{Call, Catalog, Community, Persona, Pricing, SplitRef, Take, Tool, MAX_SCORE};
use super::typing::typed;
use super::validate::{self, CatalogError, Loaded, Problem};

/// Catalogs with more tools than this are split by the build; smaller ones stay one file.
pub const SPLIT_ABOVE_TOOLS: usize = 500;

/// One index row: `[slug, name, vendor, category, tagline, entry, last_reviewed,
/// community ship, community skip, community as_of, panel]`. `panel` has one token per
/// persona, in the head's persona order: `s87` (ship, score 87), `k40` (skip, 40), `s` or
/// `k` (no score), `-` (no take).
pub type Row = (
    String,
    String,
    String,
    String,
    String,
    super::model::Entry,
    String,
    u32,
    u32,
    String,
    String,
);

/// The three kinds of file of a split catalog, as text.
pub struct SplitFiles {
    pub head: String,
    pub index: String,
    /// `(slug, file text)`.
    pub details: Vec<(String, String)>,
}

/// The panel of a tool as index tokens.
fn panel_tokens(tool: &Tool, personas: &[Persona]) -> String {
    let mut s = String::new();
    for (i, p) in personas.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        match tool.take(&p.id) {
            None => s.push('-'),
            Some(t) => {
                s.push(if t.verdict == Call::Ship { 's' } else { 'k' });
                if let Some(score) = t.score {
                    s.push_str(&score.to_string());
                }
            }
        }
    }
    s
}

/// Splits a validated catalog (see the module docs).
pub fn split(catalog: &Catalog) -> Result<SplitFiles, serde_json::Error> {
    let rows: Vec<Row> = catalog
        .tools
        .iter()
        .map(|t| {
            (
                t.slug.clone(),
                t.name.clone(),
                t.vendor.clone(),
                t.category.clone(),
                t.tagline.clone(),
                t.pricing.entry,
                t.last_reviewed.clone(),
                t.community.ship,
                t.community.skip,
                t.community.as_of.clone(),
                panel_tokens(t, &catalog.personas),
            )
        })
        .collect();
    let head = Catalog {
        tools: Vec::new(),
        split: Some(SplitRef {
            index: "catalog-index.json".into(),
            details: "tools/".into(),
        }),
        ..catalog.clone()
    };
    // One row a line: readable diffs, and still compact.
    let mut index = String::from("[\n");
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            index.push_str(",\n");
        }
        index.push_str(&serde_json::to_string(r)?);
    }
    index.push_str("\n]\n");
    let details = catalog
        .tools
        .iter()
        .map(|t| Ok((t.slug.clone(), serde_json::to_string(t)?)))
        .collect::<Result<_, serde_json::Error>>()?;
    let mut head = serde_json::to_value(&head)?;
    if let Some(top) = head.as_object_mut() {
        top.remove("tools");
    }
    Ok(SplitFiles {
        head: serde_json::to_string(&head)?,
        index,
        details,
    })
}

/// A tool as its index row describes it: every figure, none of the long texts (the tool
/// and comparison pages load those from its detail file).
fn tool_of_row(path: &str, row: Row, personas: &[Persona]) -> Result<Tool, Problem> {
    let (slug, name, vendor, category, tagline, entry, last_reviewed, ship, skip, as_of, panel) =
        row;
    let tokens: Vec<&str> = panel.split(' ').collect();
    if tokens.len() != personas.len() {
        return Err(Problem::new(
            format!("{path}[10]"),
            format!(
                "the panel has {} entries for {} personas",
                tokens.len(),
                personas.len()
            ),
        ));
    }
    let mut takes = Vec::new();
    for (p, tok) in personas.iter().zip(tokens) {
        let verdict = match tok.as_bytes().first() {
            Some(b'-') if tok.len() == 1 => continue,
            Some(b's') => Call::Ship,
            Some(b'k') => Call::Skip,
            _ => return Err(bad_token(path, tok)),
        };
        let score = match &tok[1..] {
            "" => None,
            digits => match digits.parse::<u8>() {
                Ok(s) if s <= MAX_SCORE => Some(s),
                _ => return Err(bad_token(path, tok)),
            },
        };
        takes.push(Take {
            persona: p.id.clone(),
            verdict,
            score,
            text: String::new(),
        });
    }
    Ok(Tool {
        slug,
        name,
        vendor,
        category,
        tagline,
        description: String::new(),
        pricing: Pricing {
            entry,
            summary: String::new(),
        },
        homepage: None,
        license: String::new(),
        last_reviewed,
        alternatives: Vec::new(),
        community: Community { ship, skip, as_of },
        panel: takes,
        // Listed on the tool's page only, from its detail file.
        changes: Vec::new(),
    })
}

fn bad_token(path: &str, tok: &str) -> Problem {
    Problem::new(
        format!("{path}[10]"),
        format!("\"{tok}\" is not a panel entry (s87, k40, s, k or -)"),
    )
}

/// Fills a loaded head with its index: each row becomes a tool (a bad row is skipped
/// and reported, like a bad tool of a whole catalog), then the comparisons are checked
/// against the tools that made it.
pub fn attach_index(head: Loaded, text: &str) -> Result<Loaded, CatalogError> {
    if text.trim().is_empty() {
        return Err(CatalogError::Empty);
    }
    // Typed straight from the text: no JSON tree for 100,000 rows. The index is written by
    // `catalog split` one row a line, so a syntax or type error's line names the row.
    let rows: Vec<Row> = serde_json::from_str(text).map_err(|e| super::guard::syntax_error(&e))?;
    let Loaded {
        mut catalog,
        mut skipped,
    } = head;
    let mut slugs = HashSet::with_capacity(rows.len());
    catalog.tools.reserve(rows.len());
    for (i, v) in rows.into_iter().enumerate() {
        let path = format!("index[{i}]");
        let tool = tool_of_row(&path, v, &catalog.personas);
        match tool {
            Ok(t) => {
                let mut problems = validate::summary_problems(&path, &t);
                if problems.is_empty() && !slugs.insert(t.slug.clone()) {
                    problems.push(Problem::new(
                        format!("{path}[0]"),
                        format!("duplicate slug \"{}\"", t.slug),
                    ));
                }
                if problems.is_empty() {
                    catalog.tools.push(t);
                } else {
                    skipped.extend(problems);
                }
            }
            Err(p) => skipped.push(p),
        }
    }
    let mut i = 0;
    catalog.comparisons.retain(|c| {
        let problems = validate::comparison_problems(&format!("comparisons[{i}]"), c, &slugs);
        i += 1;
        skipped.extend(problems.iter().cloned());
        problems.is_empty()
    });
    Ok(Loaded { catalog, skipped })
}

/// Parses one tool's detail file and checks it is the tool asked for. Read as the catalog
/// is (`guard::parse`): a key repeated in one object is refused here too.
pub fn load_detail(slug: &str, text: &str, personas: &[Persona]) -> Result<Tool, CatalogError> {
    let value = super::guard::parse(text)?;
    let tool: Tool = typed("tool", value).map_err(|p| CatalogError::Invalid(vec![p]))?;
    let ids: HashSet<String> = personas.iter().map(|p| p.id.clone()).collect();
    let mut problems = validate::tool_problems("tool", &tool, &ids);
    if tool.slug != slug {
        problems.push(Problem::new(
            "tool.slug",
            format!("the file for \"{slug}\" holds \"{}\"", tool.slug),
        ));
    }
    if problems.is_empty() {
        Ok(tool)
    } else {
        Err(CatalogError::Invalid(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::synth;
    use crate::domain::catalog::validate::load;

    fn round_trip(c: &Catalog) -> Loaded {
        let files = split(c).unwrap();
        let head = load(&files.head).unwrap();
        assert!(head.catalog.tools.is_empty());
        assert_eq!(
            head.catalog.split.as_ref().unwrap().index,
            "catalog-index.json"
        );
        attach_index(head, &files.index).unwrap()
    }

    #[test]
    fn index_keeps_every_figure_and_details_restore_the_texts() {
        let c = crate::domain::testdata::shipped();
        let loaded = round_trip(&c);
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        assert_eq!(loaded.catalog.comparisons, c.comparisons);
        assert_eq!(loaded.catalog.tools.len(), c.tools.len());
        let files = split(&c).unwrap();
        for (full, summary) in c.tools.iter().zip(&loaded.catalog.tools) {
            // Verdict arithmetic sees the same takes, minus their text.
            let stripped: Vec<_> = full
                .panel
                .iter()
                .map(|t| (t.persona.clone(), t.verdict, t.score))
                .collect();
            let mut got: Vec<_> = summary
                .panel
                .iter()
                .map(|t| (t.persona.clone(), t.verdict, t.score))
                .collect();
            let mut want = stripped;
            got.sort_by(|a, b| a.0.cmp(&b.0));
            want.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(got, want, "{}", full.slug);
            assert_eq!(summary.community, full.community);
            assert!(summary.description.is_empty());
            let (_, text) = files.details.iter().find(|(s, _)| *s == full.slug).unwrap();
            assert_eq!(&load_detail(&full.slug, text, &c.personas).unwrap(), full);
        }
    }

    #[test]
    fn a_large_catalog_round_trips() {
        let c = synth::generate(2_000, 7);
        let loaded = round_trip(&c);
        assert!(loaded.skipped.is_empty());
        assert_eq!(loaded.catalog.tools.len(), 2_000);
    }

    #[test]
    fn bad_rows_are_skipped_and_named_and_a_bad_detail_is_refused() {
        let c = crate::domain::testdata::shipped();
        let files = split(&c).unwrap();
        let head = load(&files.head).unwrap();
        let mut third: Row =
            serde_json::from_str(files.index.lines().nth(3).unwrap().trim_end_matches(','))
                .unwrap();
        third.10 = third.10.replacen(['s', 'k'], "x", 1);
        let index = format!(
            "[{},\n{}]",
            files.index.lines().nth(1).unwrap().trim_end_matches(','),
            serde_json::to_string(&third).unwrap()
        );
        let loaded = attach_index(head.clone(), &index).unwrap();
        assert_eq!(loaded.catalog.tools.len(), 1);
        assert_eq!(loaded.skipped[0].path, "index[1][10]");
        assert!(loaded.skipped[0].message.contains("is not a panel entry"));
        assert!(loaded.skipped[1].path.starts_with("comparisons[0].tools["));
        // A row of the wrong shape makes the index unusable, at its line.
        let broken = format!(
            "[{},\n[1,2]]",
            files.index.lines().nth(1).unwrap().trim_end_matches(',')
        );
        match attach_index(head.clone(), &broken) {
            Err(CatalogError::Syntax { line: 2, .. }) => {}
            other => panic!("{other:?}"),
        }
        // Every comparison names a tool that is now missing.
        assert!(loaded.catalog.comparisons.is_empty());
        assert!(matches!(
            attach_index(head.clone(), "[["),
            Err(CatalogError::Syntax { .. })
        ));
        let (slug, text) = &files.details[0];
        let err = load_detail("someone-else", text, &c.personas).unwrap_err();
        assert!(err.to_string().contains("holds"), "{err}");
        assert!(load_detail(slug, "{", &c.personas).is_err());
        // A key written twice in a tool file is refused, as in a whole catalog.
        let twice = text.replacen('{', &format!("{{\"slug\":\"{slug}\","), 1);
        match load_detail(slug, &twice, &c.personas) {
            Err(CatalogError::DuplicateKey { key, .. }) => assert_eq!(key, "slug"),
            other => panic!("{other:?}"),
        }
    }
}
