//! Deterministic synthetic catalogs for tests and benchmarks (never shipped).

use super::model::{
    Call, Catalog, Community, Comparison, Entry, Persona, Pricing, Site, Take, Tool, SCHEMA_VERSION,
};

/// splitmix64: tiny, deterministic, good enough to spread test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    /// Roughly normal: the sum of three uniforms.
    fn bell(&mut self, mean: i32, spread: i32) -> i32 {
        let s: i32 = (0..3)
            .map(|_| self.below(2 * spread as usize + 1) as i32 - spread)
            .sum();
        mean + s / 3 * 2
    }
}

const VENDORS: &[&str] = &[
    "Mistral AI",
    "OpenRouter",
    "Anthropic",
    "Northwind Labs",
    "Cobalt AI",
    "Quill",
    "Lattice",
    "Beacon",
    "Fernweh",
    "Orbit",
    "Tessellate",
    "Kestrel",
    "Harbor",
    "Juniper",
    "Vanta Forge",
];
const STEMS: &[&str] = &[
    "Mistral", "Nova", "Pilot", "Forge", "Atlas", "Echo", "Lumen", "Sable", "Vector", "Drift",
    "Cinder", "Relay", "Prism", "Quanta", "Helix", "Ember", "Cascade", "Summit", "Aurora", "Flux",
];
const KINDS: &[&str] = &[
    "Chat", "Code", "Agent", "Search", "Voice", "Vision", "Notes", "Studio", "Router", "Embed",
    "Instruct", "Writer", "Review", "Docs", "Sheets",
];
const CATEGORIES: &[&str] = &[
    "Developer Tools",
    "Writing",
    "Design",
    "Productivity",
    "Research",
    "Marketing",
    "Data",
    "Audio & Video",
    "Customer Support",
    "Education",
];
const ADJ: &[&str] = &[
    "fast",
    "open-weight",
    "private",
    "self-hosted",
    "collaborative",
    "low-latency",
    "cheap",
    "multilingual",
    "long-context",
    "on-device",
];
const NOUNS: &[&str] = &[
    "code review",
    "meeting notes",
    "support tickets",
    "data pipelines",
    "slide decks",
    "research briefs",
    "product copy",
    "SQL queries",
    "podcast edits",
    "test suites",
];
const PERSONAS: &[(&str, &str)] = &[
    ("builder", "Builder"),
    ("skeptic", "Skeptic"),
    ("futurist", "Futurist"),
    ("founder", "Founder"),
    ("creator", "Creator"),
];

fn date(rng: &mut Rng, year: u32) -> String {
    let m = 1 + rng.below(11) as u32;
    let d = 1 + rng.below(28) as u32;
    let mut s = year.to_string();
    s.push('-');
    if m < 10 {
        s.push('0');
    }
    s.push_str(&m.to_string());
    s.push('-');
    if d < 10 {
        s.push('0');
    }
    s.push_str(&d.to_string());
    s
}

/// A catalog of `n` tools, the same for the same `seed`.
pub fn generate(n: usize, seed: u64) -> Catalog {
    let mut rng = Rng(seed);
    let personas = PERSONAS
        .iter()
        .map(|(id, name)| Persona {
            id: id.to_string(),
            name: name.to_string(),
            motto: format!("The {name} asks whether this tool earns its place."),
            looks_for: format!("What the {name} weighs before saying ship."),
        })
        .collect();
    let mut tools = Vec::with_capacity(n);
    for i in 0..n {
        let stem = rng.pick(STEMS);
        let kind = rng.pick(KINDS);
        let version = 1 + rng.below(5);
        let name = format!("{stem} {kind} {version}");
        let slug = format!(
            "{}-{}-{}-{i}",
            stem.to_lowercase(),
            kind.to_lowercase(),
            version
        );
        let adj = rng.pick(ADJ);
        let noun = rng.pick(NOUNS);
        let entry = Entry::ALL[rng.below(3)];
        let quality = rng.bell(72, 20);
        let mut panel = Vec::new();
        for (pid, pname) in PERSONAS {
            if rng.below(100) < 15 {
                continue;
            }
            let score = (quality + rng.bell(0, 12)).clamp(5, 99);
            let verdict = if score >= 60 { Call::Ship } else { Call::Skip };
            let score = (rng.below(100) >= 5).then_some(score as u8);
            panel.push(Take {
                persona: pid.to_string(),
                verdict,
                score,
                text: format!(
                    "The {pname} finds {name} {} for {noun}: {adj} where it counts, with trade-offs a team should weigh.",
                    if verdict == Call::Ship { "worth shipping" } else { "not ready" }
                ),
            });
        }
        tools.push(Tool {
            slug,
            name: name.clone(),
            vendor: rng.pick(VENDORS).to_string(),
            category: rng.pick(CATEGORIES).to_string(),
            tagline: format!("A {adj} assistant for {noun}"),
            description: format!(
                "{name} is a {adj} tool for {noun}. It is synthetic test data generated for benchmarks."
            ),
            pricing: Pricing {
                entry,
                summary: format!("{} entry tier", entry.label()),
            },
            homepage: None,
            license: if rng.below(2) == 0 { "Apache-2.0" } else { "Proprietary" }.into(),
            last_reviewed: date(&mut rng, 2026),
            alternatives: vec![],
            community: Community {
                ship: rng.below(400) as u32,
                skip: rng.below(200) as u32,
                as_of: "2026-11-01".into(),
            },
            panel,
            changes: vec![],
        });
    }
    let comparisons = (0..n.min(200) / 2)
        .map(|i| Comparison {
            tools: vec![tools[2 * i].slug.clone(), tools[2 * i + 1].slug.clone()],
            published: date(&mut rng, 2026),
            summary: None,
        })
        .collect();
    Catalog {
        schema_version: SCHEMA_VERSION,
        generated: "2026-11-23".into(),
        site: Site {
            title: "Ship or Skip".into(),
            tagline: "Synthetic catalog".into(),
            newsletter_url: None,
        },
        personas,
        tools,
        comparisons,
        split: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::validate::load;

    #[test]
    fn deterministic_and_valid() {
        let a = serde_json::to_string(&generate(300, 7)).unwrap();
        let b = serde_json::to_string(&generate(300, 7)).unwrap();
        assert_eq!(a, b);
        assert_ne!(a, serde_json::to_string(&generate(300, 8)).unwrap());
        let loaded = load(&a).unwrap();
        assert!(loaded.skipped.is_empty(), "{:?}", &loaded.skipped[..1]);
        assert_eq!(loaded.catalog.tools.len(), 300);
    }
}
