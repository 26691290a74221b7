//! The persona-score chart of the tool and comparison pages, laid out as plain numbers:
//! one group per persona, one horizontal bar per tool (its score out of 100). The view
//! draws it as inline SVG; its text equivalent is [`Chart::summary`] (and the pages' tables).

use crate::domain::catalog::model::{Call, Persona, Tool};

/// Width of the label column and of the bars' full scale, in SVG user units.
pub const LABEL_W: u32 = 120;
pub const SCALE_W: u32 = 300;
/// Room right of a full bar for its value.
pub const VALUE_W: u32 = 70;
pub const BAR_H: u32 = 14;
const GAP: u32 = 4;
const GROUP_GAP: u32 = 12;

/// One bar: a tool's take from one persona.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The tool's position on the page (its colour).
    pub tool: usize,
    pub y: u32,
    /// 0–[`SCALE_W`]; 0 for a take without a score.
    pub width: u32,
    /// "88 ship", "ship (no score)", "no take".
    pub value: String,
    pub call: Option<Call>,
}

/// One persona's group of bars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub persona: String,
    /// Baseline of the persona's name.
    pub label_y: u32,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub groups: Vec<Group>,
    pub width: u32,
    pub height: u32,
}

impl Chart {
    /// Lays out the scores of `tools` by each persona of the panel.
    pub fn new(personas: &[Persona], tools: &[&Tool]) -> Chart {
        let mut y = 0;
        let groups = personas
            .iter()
            .map(|p| {
                let top = y;
                let bars = tools
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let take = t.take(&p.id);
                        let bar = Bar {
                            tool: i,
                            y,
                            width: take
                                .and_then(|k| k.score)
                                .map_or(0, |s| u32::from(s.min(100)) * SCALE_W / 100),
                            value: match take {
                                Some(k) => match k.score {
                                    Some(s) => format!("{s} {}", k.verdict.as_str()),
                                    None => format!("{} (no score)", k.verdict.as_str()),
                                },
                                None => "no take".to_string(),
                            },
                            call: take.map(|k| k.verdict),
                        };
                        y += BAR_H + GAP;
                        bar
                    })
                    .collect::<Vec<_>>();
                let group_h = y - top - GAP;
                y += GROUP_GAP - GAP;
                Group {
                    persona: p.name.clone(),
                    // Centred on the group: baseline about a third of a line below the middle.
                    label_y: top + group_h / 2 + 4,
                    bars,
                }
            })
            .collect();
        Chart {
            groups,
            width: LABEL_W + SCALE_W + VALUE_W,
            height: y.saturating_sub(GROUP_GAP - GAP).max(1),
        }
    }

    /// The chart in words, for its accessible name: "Builder: Mistral 3B 87 ship; …".
    pub fn summary(&self, tools: &[&Tool]) -> String {
        self.groups
            .iter()
            .map(|g| {
                let bars = g
                    .bars
                    .iter()
                    .map(|b| {
                        if tools.len() == 1 {
                            b.value.clone()
                        } else {
                            format!("{} {}", tools[b.tool].name, b.value)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{}: {bars}", g.persona)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    #[test]
    fn one_bar_per_tool_and_persona_scaled_to_the_score() {
        let c = shipped();
        let a = c.tool("mistral-medium-3-72b-instruct").unwrap();
        let b = c.tool("openrouter-model-fusion").unwrap();
        let chart = Chart::new(&c.personas, &[a, b]);
        assert_eq!(chart.groups.len(), 5);
        assert!(chart.groups.iter().all(|g| g.bars.len() == 2));
        let builder = &chart.groups[0];
        assert_eq!(builder.persona, "Builder");
        assert_eq!(builder.bars[0].width, 88 * SCALE_W / 100);
        assert_eq!(builder.bars[0].value, "88 ship");
        // The Founder skipped the 72B model at 55; OpenRouter has no Founder take.
        let founder = &chart.groups[3];
        assert_eq!(founder.bars[0].value, "55 skip");
        assert_eq!(founder.bars[1].value, "no take");
        assert_eq!(founder.bars[1].width, 0);
        // Bars never overlap and stay inside the chart.
        let ys: Vec<u32> = chart
            .groups
            .iter()
            .flat_map(|g| g.bars.iter().map(|b| b.y))
            .collect();
        assert!(ys.windows(2).all(|w| w[1] >= w[0] + BAR_H));
        assert!(ys.iter().all(|y| y + BAR_H <= chart.height));
        assert!(chart.summary(&[a, b]).starts_with(
            "Builder: Mistral Medium 3 (72B Instruct) 88 ship, OpenRouter Model Fusion 80 ship; Skeptic:"
        ));
    }

    #[test]
    fn a_take_without_a_score_has_no_bar_but_says_its_verdict() {
        let c = shipped();
        let t = c.tool("mistral-8b-instruct-v3").unwrap();
        let chart = Chart::new(&c.personas, &[t]);
        assert_eq!(chart.groups[0].bars[0].width, 0);
        assert_eq!(chart.groups[0].bars[0].value, "ship (no score)");
        assert!(chart
            .summary(&[t])
            .starts_with("Builder: ship (no score); "));
    }
}
