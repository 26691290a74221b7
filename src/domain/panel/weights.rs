//! "Whose judgement do you trust?": the reader's weight for each persona, and the panel's
//! figures weighted by it. Equal weights (the default) give exactly the panel's own
//! figures (`verdict::Tally`, `verdict::average_score`); tested below.

use litemap::LiteMap;

use super::verdict::round_half_up;
use crate::domain::catalog::model::{Call, Persona, Tool};
use crate::domain::catalog::typing::{At, Fault, FromJson};

/// The weight a persona has until the reader changes it.
pub const DEFAULT_WEIGHT: u8 = 1;
/// The most a reader can trust one persona: three times the others.
pub const MAX_WEIGHT: u8 = 3;

/// A persona id → weight (0 = ignore … 3 = triple); missing ids weigh [`DEFAULT_WEIGHT`].
/// Saved with the reader's settings; a stored value above [`MAX_WEIGHT`] counts as the max.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Weights(LiteMap<String, u8>);

impl FromJson for Weights {
    fn from_json<F: Fault>(v: serde_json::Value, at: At<'_>) -> Result<Weights, F> {
        LiteMap::from_json(v, at).map(Weights)
    }
}

impl Weights {
    /// As saved with the reader's settings: persona id → weight, the default left out.
    pub fn to_json(&self) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        for (persona, w) in &self.0 {
            map.insert(persona.clone(), (*w).into());
        }
        serde_json::Value::Object(map)
    }

    /// The weight of a persona.
    pub fn of(&self, persona: &str) -> u8 {
        self.0
            .get(persona)
            .map_or(DEFAULT_WEIGHT, |w| (*w).min(MAX_WEIGHT))
    }

    /// Sets one persona's weight (clamped); the default is stored as no entry.
    pub fn set(&mut self, persona: &str, weight: u8) {
        let weight = weight.min(MAX_WEIGHT);
        if weight == DEFAULT_WEIGHT {
            self.0.remove(persona);
        } else {
            self.0.insert(persona.to_string(), weight);
        }
    }

    /// Trust one persona only: every other persona of `personas` weighs 0.
    pub fn only(personas: &[Persona], id: &str) -> Weights {
        let mut w = Weights::default();
        for p in personas {
            w.set(&p.id, if p.id == id { DEFAULT_WEIGHT } else { 0 });
        }
        w
    }

    /// Whether every persona of `personas` has the same weight as the others, which ranks
    /// exactly like the panel itself (all at 0 counts as no weighting either: it would
    /// leave no takes at all).
    pub fn is_equal(&self, personas: &[Persona]) -> bool {
        let mut ws = personas.iter().map(|p| self.of(&p.id));
        match ws.next() {
            None => true,
            Some(first) => ws.all(|w| w == first),
        }
    }

    /// "Builder ×2, Skeptic ×0" for the personas off the default, in panel order.
    pub fn summary(&self, personas: &[Persona]) -> String {
        personas
            .iter()
            .filter(|p| self.of(&p.id) != DEFAULT_WEIGHT)
            .map(|p| format!("{} ×{}", p.name, self.of(&p.id)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The panel's ship share under these weights: round-half-up of 100 × (weight of the
    /// ship takes) / (weight of all takes); `None` when no take has any weight.
    pub fn ship_percent(&self, tool: &Tool) -> Option<u32> {
        let (mut ship, mut total) = (0u64, 0u64);
        for take in &tool.panel {
            let w = u64::from(self.of(&take.persona));
            total += w;
            if take.verdict == Call::Ship {
                ship += w;
            }
        }
        round_half_up(100 * ship, total)
    }

    /// The weighted mean of the scored takes, rounded half up; `None` when no scored take
    /// has any weight.
    pub fn average_score(&self, tool: &Tool) -> Option<u32> {
        let (mut sum, mut n) = (0u64, 0u64);
        for take in &tool.panel {
            if let Some(s) = take.score {
                let w = u64::from(self.of(&take.persona));
                sum += w * u64::from(s);
                n += w;
            }
        }
        round_half_up(sum, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::synth::generate;
    use crate::domain::panel::verdict::{average_score, Tally};
    use crate::domain::testdata::shipped;

    #[test]
    fn equal_weights_give_the_panels_own_figures() {
        let mut tools = shipped().tools;
        tools.extend(generate(300, 5).tools);
        let c = shipped();
        let mut double = Weights::default();
        for p in &c.personas {
            double.set(&p.id, 2);
        }
        for w in [Weights::default(), double] {
            assert!(w.is_equal(&c.personas));
            for t in &tools {
                assert_eq!(w.ship_percent(t), Tally::of(t).ship_percent(), "{}", t.slug);
                assert_eq!(w.average_score(t), average_score(t), "{}", t.slug);
            }
        }
    }

    #[test]
    fn weights_move_the_figures() {
        let c = shipped();
        // Mistral Medium 3 (72B Instruct): Builder 88 ship, Skeptic 78 ship, Futurist 82
        // ship, Founder 55 skip, no Creator take (the seed page).
        let t = c.tool("mistral-medium-3-72b-instruct").unwrap();
        assert_eq!(Weights::default().ship_percent(t), Some(75));
        let founder = Weights::only(&c.personas, "founder");
        assert_eq!(founder.ship_percent(t), Some(0));
        assert_eq!(founder.average_score(t), Some(55));
        let mut w = Weights::default();
        w.set("founder", 3);
        // ship 3 of weight 6: 50 %; scores (88 + 78 + 82 + 3·55) / 6 = 68.83 → 69.
        assert_eq!(w.ship_percent(t), Some(50));
        assert_eq!(w.average_score(t), Some(69));
        assert!(!w.is_equal(&c.personas));
        assert_eq!(w.summary(&c.personas), "Founder ×3");
        // Trusting only the persona without a take leaves nothing to go on.
        let creator = Weights::only(&c.personas, "creator");
        assert_eq!(creator.ship_percent(t), None);
        assert_eq!(creator.average_score(t), None);
    }

    #[test]
    fn weights_are_clamped_and_default_is_not_stored() {
        let mut w = Weights::default();
        w.set("builder", 9);
        assert_eq!(w.of("builder"), MAX_WEIGHT);
        w.set("builder", DEFAULT_WEIGHT);
        assert_eq!(w, Weights::default());
        let stored: Weights =
            crate::domain::catalog::typing::typed("weights", serde_json::json!({"builder": 200}))
                .unwrap();
        assert_eq!(stored.of("builder"), MAX_WEIGHT);
        assert_eq!(stored.of("skeptic"), DEFAULT_WEIGHT);
        let c = shipped();
        let mut zero = Weights::default();
        for p in &c.personas {
            zero.set(&p.id, 0);
        }
        assert!(zero.is_equal(&c.personas));
    }
}
