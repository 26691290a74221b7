//! Share cards: the 1200×630 picture a link preview shows for a prerendered tool page or
//! curated comparison (`og:image`). One SVG layout, written here as text: the site's
//! name, then each tool's name, verdict, % panel ship, the panel's split and a ship/skip
//! bar. `catalog site` rasterizes it to PNG with the fonts of `assets/fonts/` (Inter),
//! which the layout's widths are measured for (src/bin/catalog/cards.rs).

use super::opendata::verdict_colour;
use super::summary::percent_text;
use crate::domain::base::escape::xml_escape as esc;
use crate::domain::catalog::model::Tool;
use crate::domain::panel::verdict::{Tally, Verdict};

/// The card's size in pixels: the 1.91:1 picture Open Graph and Twitter's large card show.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// The folder of the cards under dist/.
pub const DIR: &str = "cards/";
/// The family the layout names, and the binary loads.
pub const FONT_FAMILY: &str = "Inter";

/// The card of a route, under dist/: `/tool/x` → `cards/tool/x.png`, `/compare/a-vs-b`
/// → `cards/compare/a-vs-b.png`. The page's head and the writer both name it so.
pub fn card_file(route: &str) -> String {
    format!("{DIR}{}.png", route.trim_start_matches('/'))
}

const BG: &str = "#f7f7f5";
const SURFACE: &str = "#ffffff";
const BORDER: &str = "#d9dbe0";
const TEXT: &str = "#1b1d21";
const MUTED: &str = "#585e68";
/// The empty part of a bar: no takes yet.
const TRACK: &str = "#e8e9ec";
/// Left and right margin, and where the content of a surface starts and ends.
const MARGIN: f32 = 64.0;
const INSET: f32 = 104.0;
const RIGHT: f32 = WIDTH as f32 - INSET;

/// Advance widths of Inter's printable ASCII (U+0020–U+007E) in thousandths of an em,
/// the larger of Bold's and Medium's, rounded up (read from the fonts' `hmtx`).
const ASCII_ADVANCE: [u16; 95] = [
    265, 325, 400, 650, 655, 860, 675, 218, 410, 410, 565, 680, 303, 469, 298, 390, 689, 490, 630,
    660, 678, 645, 661, 595, 661, 661, 298, 303, 680, 680, 680, 563, 1031, 748, 661, 753, 728, 613,
    586, 761, 747, 281, 570, 690, 568, 915, 747, 782, 648, 783, 657, 655, 669, 738, 748, 1036, 715,
    725, 667, 410, 390, 410, 488, 477, 498, 581, 636, 588, 636, 598, 386, 634, 625, 273, 273, 582,
    273, 912, 622, 614, 633, 633, 409, 562, 389, 622, 586, 851, 574, 586, 572, 410, 374, 410, 680,
];

/// A character's advance in thousandths of an em: Inter's for ASCII, and otherwise at
/// least the widest Inter glyph of its range (a missing glyph, as for emoji, Arabic or
/// CJK, is drawn as Inter's 1.05 em box), so a measured line is never narrower than drawn.
fn advance(c: char) -> u32 {
    let u = c as u32;
    match u {
        0x20..=0x7e => u32::from(ASCII_ADVANCE[(u - 0x20) as usize]),
        // Combining marks sit on the previous letter.
        0x300..=0x36f => 0,
        0x2026 => 814,
        // Latin digraphs (DŽ, Ǳ…) and Cyrillic's widest letters (Ѹ, Ѭ…).
        0x1c4..=0x1f3 | 0x460..=0x4ff => 1400,
        0x80..=0x1fff => 1050,
        // Inter's long arrows.
        0x27f0..=0x27ff | 0x1f800..=0x1f8ff => 2700,
        _ => 1400,
    }
}

/// The width in pixels of `text` at `size` px, never less than drawn.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(advance).sum::<u32>() as f32 * size / 1000.0
}

/// A catalog string as a card draws it: on one line, without control or bidi-override
/// characters (a name must not reorder the card's other text) and without XML's
/// non-characters, at most 300 characters (a longer one is cut anyway).
fn clean(s: &str) -> String {
    let dropped = |c: char| {
        let bidi = matches!(c, '\u{200e}'..='\u{200f}' | '\u{202a}'..='\u{202e}');
        let isolate = matches!(c, '\u{2066}'..='\u{2069}');
        c.is_control() || bidi || isolate || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    let text: String = s.chars().filter(|&c| !dropped(c)).take(300).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` at the largest of `sizes` (largest first) at which it fits `width`; at the
/// smallest, cut at a character and ended with "…" so that it fits.
fn fit(text: &str, width: f32, sizes: &[f32]) -> (String, f32) {
    let smallest = sizes.last().copied().unwrap_or(16.0);
    for &size in sizes {
        if text_width(text, size) <= width {
            return (text.to_string(), size);
        }
    }
    let room = width - text_width("…", smallest);
    let mut used = 0.0;
    let mut cut = String::new();
    for c in text.chars() {
        used += advance(c) as f32 * smallest / 1000.0;
        if used > room {
            break;
        }
        cut.push(c);
    }
    let mut cut = cut.trim_end().to_string();
    cut.push('…');
    (cut, smallest)
}

/// "3 ship · 1 skip", or "No panel takes yet".
pub fn split_text(tally: Tally) -> String {
    if tally.total() == 0 {
        "No panel takes yet".into()
    } else {
        format!("{} ship · {} skip", tally.ship, tally.skip)
    }
}

/// One tool's line of the text alternative: "Mistral 3B: Ship, 100% panel ship (4 ship
/// · 0 skip)".
fn alt_line(tool: &Tool) -> String {
    let tally = Tally::of(tool);
    let verdict = tally.verdict().label();
    match tally.ship_percent() {
        Some(p) => format!(
            "{}: {verdict}, {} panel ship ({})",
            tool.name,
            percent_text(Some(p)),
            split_text(tally)
        ),
        None => format!("{}: {verdict}, no panel takes yet", tool.name),
    }
}

/// The card's text alternative (`og:image:alt`), unescaped: "Ship or Skip verdict for
/// Mistral 3B: Ship, 100% panel ship (4 ship · 0 skip)", or for a comparison "Ship or
/// Skip comparison. A: Ship, … B: Skip, …".
pub fn alt(tools: &[&Tool]) -> String {
    match tools {
        [tool] => format!("Ship or Skip verdict for {}", alt_line(tool)),
        _ => {
            let lines: Vec<String> = tools.iter().map(|t| alt_line(t) + ".").collect();
            format!("Ship or Skip comparison. {}", lines.join(" "))
        }
    }
}

/// `<text>` of already-escaped `body`.
fn text(x: f32, y: f32, size: f32, weight: u32, fill: &str, anchor: &str, body: &str) -> String {
    format!(
        r#"<text x="{x:.0}" y="{y:.0}" font-size="{size:.0}" font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">{body}</text>"#
    )
}

/// The header: the site's mark and name, and what the card shows on the right.
fn header(what: &str) -> String {
    let mut s = String::new();
    s += &format!(r##"<rect x="{MARGIN}" y="44" width="64" height="64" rx="14" fill="{TEXT}"/>"##);
    s += &text(96.0, 84.0, 26.0, 700, "#f7f7f5", "middle", "S/S");
    s += r##"<rect x="78" y="93" width="36" height="5" rx="2.5" fill="#7be0a0"/>"##;
    s += &text(148.0, 88.0, 36.0, 700, TEXT, "start", "Ship or Skip");
    s += &text(
        WIDTH as f32 - MARGIN,
        86.0,
        26.0,
        500,
        MUTED,
        "end",
        &esc(what),
    );
    s
}

/// The ship/skip bar: ship takes first, in the verdict colours; a track without takes.
/// `id` names its clip path, unique in the card.
fn bar(id: &str, (x, y, w, h): (f32, f32, f32, f32), tally: Tally) -> String {
    let r = h / 2.0;
    let shape = format!(r#"x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{r:.1}""#);
    let total = tally.total();
    if total == 0 {
        return format!(r#"<rect {shape} fill="{TRACK}"/>"#);
    }
    let ship_w = (f64::from(w) * f64::from(tally.ship) / total as f64) as f32;
    format!(
        r#"<clipPath id="{id}"><rect {shape}/></clipPath><g clip-path="url(#{id})"><rect x="{x:.1}" y="{y:.1}" width="{ship_w:.1}" height="{h:.1}" fill="{}"/><rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{}"/></g>"#,
        verdict_colour(Verdict::Ship),
        x + ship_w,
        w - ship_w,
        verdict_colour(Verdict::Skip)
    )
}

/// How a tool is drawn at one size of card, in pixels from its box's top left.
struct Style {
    /// The name's sizes, largest first ([`fit`]), and its baseline.
    names: &'static [f32],
    name_at: f32,
    /// The verdict pill's top and height, and its text's size.
    pill_at: f32,
    pill_h: f32,
    pill_font: f32,
    /// "75%" and the labels after it.
    percent: f32,
    label: f32,
    /// The split and the bar on a line of their own at this baseline, or (`None`) the
    /// split after "panel ship" and the bar at the end of the pill's line.
    split_at: Option<f32>,
}

/// The verdict pill, then "75%" and `label` after it, from `x` with the pill's top at
/// `top`; returns where the text ends.
fn figures(tool: &Tool, x: f32, top: f32, st: &Style, label: &str) -> (String, f32) {
    let tally = Tally::of(tool);
    let verdict = tally.verdict();
    let colour = verdict_colour(verdict);
    let word = verdict.label();
    let pad = st.pill_h * 0.42;
    let pill_w = text_width(word, st.pill_font) + 2.0 * pad;
    let mid = top + st.pill_h / 2.0;
    let mut s = format!(
        r#"<rect x="{x:.1}" y="{top:.1}" width="{pill_w:.1}" height="{:.1}" rx="{:.1}" fill="{colour}"/>"#,
        st.pill_h,
        st.pill_h / 2.0
    );
    // Inter's capitals are ~0.73 em tall: centred on the pill's middle.
    s += &text(
        x + pill_w / 2.0,
        mid + st.pill_font * 0.36,
        st.pill_font,
        700,
        "#ffffff",
        "middle",
        word,
    );
    let mut at = x + pill_w + st.pill_h * 0.4;
    let base = mid + st.percent * 0.36;
    if let Some(p) = tally.ship_percent() {
        let pct = percent_text(Some(p));
        s += &text(at, base, st.percent, 700, colour, "start", &pct);
        at += text_width(&pct, st.percent) + st.label * 0.4;
    }
    s += &text(at, base, st.label, 500, MUTED, "start", &esc(label));
    at += text_width(label, st.label);
    (s, at)
}

/// The label after a tool's "75%": "panel ship · 3 ship · 1 skip" when its split has a
/// line of its own (`split`), or "panel ship" alone; the split alone without takes.
fn label(tally: Tally, split: bool) -> String {
    match (tally.total(), split) {
        (0, true) => String::new(),
        (0, false) => split_text(tally),
        (_, true) => "panel ship".into(),
        (_, false) => format!("panel ship · {}", split_text(tally)),
    }
}

/// Where the text before a tool's bar ends, from the box's content's left: the figures'
/// line, or the split's line of its own.
fn text_end(tool: &Tool, st: &Style) -> f32 {
    let tally = Tally::of(tool);
    match st.split_at {
        None => figures(tool, 0.0, 0.0, st, &label(tally, false)).1,
        Some(_) => text_width(&split_text(tally), st.label),
    }
}

/// A box's content: 40 px in from each side.
const PAD: f32 = 40.0;

/// One tool in the box `(x, y, w, h)`: a stripe of its verdict's colour on the left, its
/// name at `name_size`, its figures and its bar, which starts `bar_at` from the
/// content's left. Both are the same in every box of a card, so the names match and the
/// bars line up. `n` numbers it in the card (its clip paths').
fn tool_box(
    tool: &Tool,
    n: usize,
    (x, y, w, h): (f32, f32, f32, f32),
    st: &Style,
    (name_size, bar_at): (f32, f32),
) -> String {
    let tally = Tally::of(tool);
    let colour = verdict_colour(tally.verdict());
    let (left, right) = (x + PAD, x + w - PAD);
    let mut s = format!(
        r#"<clipPath id="box{n}"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="20"/></clipPath><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="20" fill="{SURFACE}" stroke="{BORDER}" stroke-width="2"/><rect x="{x:.1}" y="{y:.1}" width="12" height="{h:.1}" fill="{colour}" clip-path="url(#box{n})"/>"#
    );
    let (name, size) = fit(&clean(&tool.name), right - left, &[name_size]);
    s += &text(left, y + st.name_at, size, 700, TEXT, "start", &esc(&name));
    let split = split_text(tally);
    let bar_id = format!("bar{n}");
    match st.split_at {
        None => {
            s += &figures(tool, left, y + st.pill_at, st, &label(tally, false)).0;
            // The bar takes what the figures leave of the line, if enough.
            let bar_x = (left + bar_at).max(right - 320.0);
            if right - bar_x >= 120.0 {
                let bar_h = (st.pill_h * 0.3).round();
                let bar_y = y + st.pill_at + (st.pill_h - bar_h) / 2.0;
                s += &bar(&bar_id, (bar_x, bar_y, right - bar_x, bar_h), tally);
            }
        }
        Some(split_at) => {
            s += &figures(tool, left, y + st.pill_at, st, &label(tally, true)).0;
            s += &text(
                left,
                y + split_at,
                st.label,
                500,
                MUTED,
                "start",
                &esc(&split),
            );
            let bar_x = left + bar_at;
            let bar_h = (st.label * 0.5).round();
            if right - bar_x >= 80.0 {
                let bar_y = y + split_at - st.label * 0.36 - bar_h / 2.0;
                s += &bar(&bar_id, (bar_x, bar_y, right - bar_x, bar_h), tally);
            }
        }
    }
    s
}

/// The cards' area below the header.
const TOP: f32 = 140.0;
const AREA_H: f32 = 450.0;
const GAP: f32 = 18.0;

/// The card of one tool's page: its name, maker and category, figures, bar and split.
fn tool_card(tool: &Tool) -> String {
    let mut s = header("Panel verdict");
    let w = WIDTH as f32 - 2.0 * MARGIN;
    s += &format!(
        r#"<rect x="{MARGIN}" y="{TOP}" width="{w}" height="{AREA_H}" rx="28" fill="{SURFACE}" stroke="{BORDER}" stroke-width="2"/>"#
    );
    let width = RIGHT - INSET;
    let (name, size) = fit(&clean(&tool.name), width, &[84.0, 76.0, 68.0, 60.0]);
    s += &text(INSET, 250.0, size, 700, TEXT, "start", &esc(&name));
    let about = clean(&format!("{} · {}", tool.vendor, tool.category));
    let (about, size) = fit(&about, width, &[32.0]);
    s += &text(INSET, 306.0, size, 500, MUTED, "start", &esc(&about));
    let st = Style {
        names: &[],
        name_at: 0.0,
        pill_at: 0.0,
        pill_h: 92.0,
        pill_font: 46.0,
        percent: 80.0,
        label: 32.0,
        split_at: None,
    };
    let tally = Tally::of(tool);
    s += &figures(tool, INSET, 344.0, &st, &label(tally, true)).0;
    s += &bar("bar0", (INSET, 474.0, width, 20.0), tally);
    s += &text(INSET, 544.0, 30.0, 500, MUTED, "start", &split_text(tally));
    s
}

/// The card of a comparison: two or three tools one above the other, four in a square.
fn compare_card(tools: &[&Tool]) -> String {
    let n = tools.len();
    let mut s = header(&format!("Comparison of {n} tools"));
    let full = WIDTH as f32 - 2.0 * MARGIN;
    let (columns, st) = match n {
        0..=2 => (
            1,
            Style {
                names: &[60.0, 54.0, 48.0, 42.0],
                name_at: 84.0,
                pill_at: 114.0,
                pill_h: 60.0,
                pill_font: 30.0,
                percent: 48.0,
                label: 28.0,
                split_at: None,
            },
        ),
        3 => (
            1,
            Style {
                names: &[46.0, 42.0, 38.0],
                name_at: 58.0,
                pill_at: 74.0,
                pill_h: 44.0,
                pill_font: 24.0,
                percent: 36.0,
                label: 24.0,
                split_at: None,
            },
        ),
        _ => (
            2,
            Style {
                names: &[44.0, 40.0, 36.0, 32.0],
                name_at: 68.0,
                pill_at: 94.0,
                pill_h: 48.0,
                pill_font: 26.0,
                percent: 40.0,
                label: 24.0,
                split_at: Some(184.0),
            },
        ),
    };
    let rows = n.div_ceil(columns).max(1);
    let w = (full - GAP * (columns - 1) as f32) / columns as f32;
    let h = (AREA_H - GAP * (rows - 1) as f32) / rows as f32;
    let bar_at = tools.iter().map(|t| text_end(t, &st)).fold(0.0, f32::max) + 36.0;
    // The largest size every name fits at, or else the smallest (and a long name cut).
    let room = w - 2.0 * PAD;
    let fits = |t: &&Tool| fit(&clean(&t.name), room, st.names).1;
    let name_size = tools.iter().map(fits).fold(f32::MAX, f32::min);
    for (i, tool) in tools.iter().enumerate() {
        let x = MARGIN + (i % columns) as f32 * (w + GAP);
        let y = TOP + (i / columns) as f32 * (h + GAP);
        s += &tool_box(tool, i, (x, y, w, h), &st, (name_size, bar_at));
    }
    s
}

/// The card's SVG: a tool page's for one tool, a comparison's for two to four.
pub fn card_svg(tools: &[&Tool]) -> String {
    let body = match tools {
        [tool] => tool_card(tool),
        _ => compare_card(tools),
    };
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="{BG}"/><g font-family="{FONT_FAMILY}">{body}</g></svg>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::model::Call;
    use crate::domain::testdata::shipped;

    #[test]
    fn card_files_follow_the_route() {
        assert_eq!(card_file("/tool/mistral-3b"), "cards/tool/mistral-3b.png");
        assert_eq!(
            card_file("/compare/a-vs-b-vs-c"),
            "cards/compare/a-vs-b-vs-c.png"
        );
    }

    /// The text of every `<text>` of `svg`, unescaped enough to compare.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ")
            .skip(1)
            .map(|t| {
                let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
                body.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&")
            })
            .collect()
    }

    #[test]
    fn a_card_says_the_names_verdicts_figures_and_site() {
        let c = shipped();
        let a = c.tool("mistral-medium-3-72b-instruct").unwrap();
        let mut b = c.tool("mistral-3b").unwrap().clone();
        for take in &mut b.panel {
            take.verdict = Call::Skip;
        }
        b.panel[0].verdict = Call::Ship;
        let mut none = c.tool("mistral-3-1").unwrap().clone();
        none.panel.clear();
        let svg = card_svg(&[a, &b, &none]);
        let t = texts(&svg);
        for want in [
            "Ship or Skip",
            "Mistral Medium 3 (72B Instruct)",
            "Ship",
            "75%",
            "panel ship · 3 ship · 1 skip",
            "Mistral 3B",
            "Skip",
            "25%",
            "panel ship · 1 ship · 3 skip",
            "No verdict",
            "No panel takes yet",
            "Comparison of 3 tools",
        ] {
            assert!(t.iter().any(|x| x == want), "no {want:?} in {t:?}");
        }
        assert!(svg.contains(&format!("width=\"{WIDTH}\" height=\"{HEIGHT}\"")));
        assert!(svg.contains("fill=\"#136f3a\"") && svg.contains("fill=\"#a4231f\""));
        let mut split = b.clone();
        split.panel[1].verdict = Call::Ship;
        let t = texts(&card_svg(&[&split]));
        for want in [
            "Split",
            "50%",
            "panel ship",
            "2 ship · 2 skip",
            "Panel verdict",
        ] {
            assert!(t.iter().any(|x| x == want), "no {want:?} in {t:?}");
        }
        assert_eq!(
            alt(&[a, &none]),
            "Ship or Skip comparison. Mistral Medium 3 (72B Instruct): Ship, 75% panel ship (3 ship · 1 skip). Mistral 3.1: No verdict, no panel takes yet."
        );
        assert_eq!(
            alt(&[a]),
            "Ship or Skip verdict for Mistral Medium 3 (72B Instruct): Ship, 75% panel ship (3 ship · 1 skip)"
        );
    }

    #[test]
    fn hostile_names_are_escaped_and_long_ones_cut_to_fit() {
        let c = shipped();
        let mut evil = c.tools[0].clone();
        evil.name = "<script>\"q\" 'a' & b\u{202e}\u{1}".into();
        evil.vendor = "V".repeat(400);
        let mut long = c.tools[1].clone();
        long.name = "W".repeat(200);
        let mut rtl = c.tools[2].clone();
        rtl.name = "שלום 🚀 مرحبا".repeat(20);
        for tools in [
            vec![&evil],
            vec![&evil, &long],
            vec![&long, &rtl, &evil, &long],
        ] {
            let svg = card_svg(&tools);
            assert!(!svg.contains("<script>"), "{svg}");
            assert!(
                svg.contains(">&lt;script&gt;&quot;q&quot; &apos;a&apos; &amp; b</text>"),
                "{svg}"
            );
            assert!(!svg.contains('\u{202e}') && !svg.contains('\u{1}'), "{svg}");
            // Every `<` opens one of the layout's own elements.
            for tag in svg.split('<').skip(1) {
                let name: String = tag
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                    .collect();
                assert!(
                    [
                        "svg",
                        "/svg",
                        "rect",
                        "g",
                        "/g",
                        "text",
                        "/text",
                        "clipPath",
                        "/clipPath"
                    ]
                    .contains(&name.as_str()),
                    "<{name} in {svg}"
                );
            }
            let t = texts(&svg);
            let w = t.iter().find(|x| x.starts_with("WWW"));
            if let Some(w) = w {
                assert!(w.ends_with('…') && w.len() < 200, "{w}");
            }
            for text in t
                .iter()
                .filter(|x| x.starts_with("שלום") || x.starts_with("VVV"))
            {
                assert!(text.ends_with('…'), "{text}");
            }
        }
        // Cut where it fits: no line of a card is wider than its room.
        let (cut, size) = fit(&"W".repeat(200), 500.0, &[40.0, 30.0]);
        assert_eq!(size, 30.0);
        assert!(text_width(&cut, size) <= 500.0, "{cut}");
        assert!(text_width(&format!("{cut}W"), size) > 500.0 - text_width("…", size));
        assert_eq!(
            fit("Mistral 3B", 500.0, &[40.0, 30.0]),
            ("Mistral 3B".into(), 40.0)
        );
        assert_eq!(clean("  a \n\t b\u{2066}c  "), "a bc");
    }
}
