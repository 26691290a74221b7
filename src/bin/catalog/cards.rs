//! The share cards of `catalog site`: each prerendered page with a card
//! (`prerender::Page::card`) gets its SVG (`domain::publish::card`) rasterized by resvg
//! with the fonts of assets/fonts/, as a PNG under dist/cards/.
//!
//! Drawing is the slow part (~19 ms of CPU a card in the hook's dev profile: 101 s for
//! the 10,100 cards of 10,000 tools on two cores), so a rendered card is kept in a cache
//! outside the dist (`<target>/cards-cache/<hash>.png`), named by a hash of its SVG, the
//! fonts and the encoder's settings: a build renders only the cards whose text changed,
//! on every core, and hard-links (or copies) the others into the dist.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use resvg::{tiny_skia, usvg};
use sha2::{Digest, Sha256};
use ship_or_skip::domain::catalog::model::Catalog;
use ship_or_skip::domain::prerender::Page;
use ship_or_skip::domain::publish::card::{self, HEIGHT, WIDTH};

/// Inter (assets/fonts/README.md), the only fonts the cards are drawn with: the output
/// does not depend on the building machine's fonts.
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../../assets/fonts/Inter-Bold.otf"),
    include_bytes!("../../../assets/fonts/Inter-Medium.otf"),
];

/// Changes with resvg's version and the encoder's settings below, so that the cache does
/// not hand out cards drawn or encoded otherwise.
const ENCODING: &str = "resvg 0.49; png: 256-colour palette, deflate 9, no filter; v1";

/// Draws cards: resvg's options with the fonts loaded once.
pub struct Renderer {
    options: usvg::Options<'static>,
    /// What, besides its SVG, a card's PNG depends on: the fonts and the encoding.
    salt: Vec<u8>,
}

impl Renderer {
    pub fn new() -> Renderer {
        let mut db = usvg::fontdb::Database::new();
        let mut salt = Sha256::new();
        for font in FONTS {
            db.load_font_data(font.to_vec());
            salt.update(font);
        }
        salt.update(ENCODING);
        let options = usvg::Options {
            font_family: card::FONT_FAMILY.into(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        };
        Renderer {
            options,
            salt: salt.finalize().to_vec(),
        }
    }

    /// The cache's name for the card of `svg`.
    fn key(&self, svg: &str) -> String {
        let mut h = Sha256::new();
        h.update(&self.salt);
        h.update(svg);
        h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The parsed card, its text laid out in the fonts.
    pub fn tree(&self, svg: &str) -> Result<usvg::Tree, String> {
        usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())
    }

    /// The card of `svg` as a PNG of [`WIDTH`] × [`HEIGHT`].
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = self.tree(svg)?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        encode(&pixmap)
    }
}

/// The card's pixels as an indexed PNG (8 bits a pixel, deflate level 9). A card is a
/// few flat colours and their anti-aliased edges: with at most 256 colours in all (a
/// card of one or two verdicts, ~220) the palette is exactly those, lossless; past that
/// (three or four verdicts, more edge tones) the 256 most used, each other edge tone
/// drawn in its nearest. Half the bytes of an RGB PNG (19 KB against 37 KB a card).
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let (runs, rows) = runs(pixmap.data(), width);
    let mut colours = Colours::new();
    for &(start, end) in &rows {
        for &(c, n) in &runs[start..end] {
            let slot = colours.slot(c)?;
            colours.count[slot] += u64::from(n);
        }
    }
    let mut used: Vec<(u32, u64)> = (colours.key.iter().zip(&colours.count))
        .filter(|(&k, _)| k != 0)
        .map(|(&k, &n)| (k - 1, n))
        .collect();
    // Most used first, then by colour: the same card gets the same bytes.
    used.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let palette: Vec<[u8; 3]> = used.iter().take(256).map(|&(c, _)| rgb(c)).collect();
    for &(c, _) in &used {
        let slot = colours.slot(c)?;
        colours.index[slot] = nearest(&palette, rgb(c));
    }
    let mut indices = vec![0u8; width * height];
    for (y, &(start, end)) in rows.iter().enumerate() {
        if y > 0 && rows[y - 1] == (start, end) {
            indices.copy_within((y - 1) * width..y * width, y * width);
            continue;
        }
        let mut x = y * width;
        for &(c, n) in &runs[start..end] {
            let slot = colours.slot(c)?;
            let i = colours.index[slot];
            indices[x..x + n as usize].fill(i);
            x += n as usize;
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width as u32, height as u32);
    encoder.set_color(png::ColorType::Indexed);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_palette(palette.concat());
    // Level 9: 5 % fewer bytes than 6 for 5 ms more a card. Filters only cost bytes on an
    // indexed card (Sub +11 %, Up +19 %, Adaptive +16 %).
    encoder.set_deflate_compression(png::DeflateCompression::Level(9));
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(&indices)
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

fn rgb(c: u32) -> [u8; 3] {
    [(c >> 16) as u8, (c >> 8) as u8, c as u8]
}

/// The runs of one colour (`0xRRGGBB`, pixels) of opaque RGBA pixels `width` a row, and
/// each row's range of them: a row equal to the one above (most rows of a card) shares
/// its range, found by comparing the rows as slices. The build's own code is not
/// optimized (the hook's dev profile): this looks at each pixel at most once.
#[allow(clippy::type_complexity)]
fn runs(rgba: &[u8], width: usize) -> (Vec<(u32, u32)>, Vec<(usize, usize)>) {
    let row = width * 4;
    let (mut runs, mut rows) = (Vec::new(), Vec::new());
    for y in 0..rgba.len() / row {
        let line = &rgba[y * row..(y + 1) * row];
        if let Some(&above) = rows.last() {
            if rgba[(y - 1) * row..y * row] == *line {
                rows.push(above);
                continue;
            }
        }
        let start = runs.len();
        let mut x = 0;
        while x < row {
            // Premultiplied RGBA of an opaque pixel is its RGB.
            let c = u32::from(line[x]) << 16 | u32::from(line[x + 1]) << 8 | u32::from(line[x + 2]);
            let len = runs.len();
            match runs.last_mut() {
                Some((last, n)) if len > start && *last == c => *n += 1,
                _ => runs.push((c, 1)),
            }
            x += 4;
        }
        rows.push((start, runs.len()));
    }
    (runs, rows)
}

/// A card's colours, each with its pixels and its palette index: an open-addressing table
/// of a few arithmetic operations a lookup, where a `HashMap` (generic, so built without
/// optimization in the hook's dev profile like the rest of this crate) cost 10 ms a card.
struct Colours {
    /// The colour + 1 in each slot; 0 is an empty slot.
    key: Vec<u32>,
    count: Vec<u64>,
    index: Vec<u8>,
}

impl Colours {
    /// More than any card has (one or two thousand: a dozen flat colours and their edges).
    const SLOTS: usize = 1 << 16;

    fn new() -> Colours {
        Colours {
            key: vec![0; Self::SLOTS],
            count: vec![0; Self::SLOTS],
            index: vec![0; Self::SLOTS],
        }
    }

    /// The slot of colour `c`, taken if it was free.
    fn slot(&mut self, c: u32) -> Result<usize, String> {
        let mut at = (c.wrapping_mul(0x9e37_79b1) >> 16) as usize;
        for _ in 0..Self::SLOTS {
            match self.key[at] {
                0 => {
                    self.key[at] = c + 1;
                    return Ok(at);
                }
                k if k == c + 1 => return Ok(at),
                _ => at = (at + 1) % Self::SLOTS,
            }
        }
        Err(format!("more than {} colours", Self::SLOTS))
    }
}

/// The palette's colour nearest `c` (squared distance in RGB).
fn nearest(palette: &[[u8; 3]], c: [u8; 3]) -> u8 {
    let d = |p: &[u8; 3]| -> u32 {
        (0..3)
            .map(|i| (i32::from(p[i]) - i32::from(c[i])).pow(2) as u32)
            .sum()
    };
    let best = (0..palette.len()).min_by_key(|&i| d(&palette[i]));
    best.map_or(0, |i| i as u8)
}

/// Where rendered cards are kept between builds: `<target>/cards-cache`.
pub fn cache_dir(target: &Path) -> PathBuf {
    target.join("cards-cache")
}

/// Writes the card of every page that has one into `dist`, from `cache` where it is
/// already rendered; says how many it rendered and reused.
pub fn write_cards(
    dist: &Path,
    cache: &Path,
    catalog: &Catalog,
    pages: &[Page],
) -> Result<String, String> {
    let start = Instant::now();
    let renderer = Renderer::new();
    // (file, svg, key) of every card.
    let cards: Vec<(&str, String, String)> = pages
        .iter()
        .filter_map(|p| p.card.as_ref())
        .map(|c| {
            let tools: Vec<_> = c.tools.iter().map(|&i| &catalog.tools[i]).collect();
            let svg = card::card_svg(&tools);
            let key = renderer.key(&svg);
            (c.file.as_str(), svg, key)
        })
        .collect();
    std::fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    let cached = |key: &str| cache.join(format!("{key}.png"));
    let mut missing: Vec<&(&str, String, String)> =
        cards.iter().filter(|c| !cached(&c.2).exists()).collect();
    missing.sort_by(|a, b| a.2.cmp(&b.2));
    missing.dedup_by(|a, b| a.2 == b.2);
    let rendered = missing.len();
    render_all(&renderer, cache, &missing)?;
    // The cards of the previous build are gone with its pages.
    let dir = dist.join(card::DIR);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (file, _, key) in &cards {
        let to = dist.join(file);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        let from = cached(key);
        // A hard link costs no copy; across file systems, a copy.
        if std::fs::hard_link(&from, &to).is_err() {
            std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    }
    Ok(format!(
        "{} share cards ({rendered} rendered, {} reused) in {:.1} s",
        cards.len(),
        cards.len() - rendered,
        start.elapsed().as_secs_f64()
    ))
}

/// Renders `cards` into `cache` on every core; the first failure is the error.
fn render_all(
    renderer: &Renderer,
    cache: &Path,
    cards: &[&(&str, String, String)],
) -> Result<(), String> {
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let work = || -> Result<(), String> {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((file, svg, key)) = cards.get(i) else {
                return Ok(());
            };
            let png = renderer
                .png(svg)
                .map_err(|e| format!("{file}: the share card cannot be drawn: {e}"))?;
            // Written whole under another name first: a build that stops halfway, or
            // another build at the same time, never leaves half a card in the cache.
            let tmp = cache.join(format!("{key}.{}.tmp", std::process::id()));
            let to = cache.join(format!("{key}.png"));
            std::fs::write(&tmp, &png).map_err(|e| format!("{}: {e}", tmp.display()))?;
            std::fs::rename(&tmp, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.min(cards.len()))
            .map(|_| s.spawn(work))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a card's thread panicked".into()))
            })
            .collect::<Result<Vec<()>, String>>()
            .map(|_| ())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ship_or_skip::domain::catalog::model::{Call, Tool};

    fn shipped() -> Catalog {
        let json = include_str!("../../../public/catalog.json");
        ship_or_skip::domain::catalog::validate::load(json)
            .unwrap()
            .catalog
    }

    /// The layout bounds of every text of a parsed card.
    fn text_boxes(group: &usvg::Group, out: &mut Vec<usvg::Rect>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => text_boxes(g, out),
                usvg::Node::Text(t) => out.push(t.abs_bounding_box()),
                _ => {}
            }
        }
    }

    /// Names no font shapes alike: scripts Inter lacks, emoji, wide letters, a bidi
    /// override, markup, and 200 of the widest letter.
    fn hostile(c: &Catalog) -> Vec<Tool> {
        let names = [
            "<script>alert(1)</script>\"'&",
            "שלום עולם مرحبا بالعالم",
            "🚀🔥👩‍👩‍👧‍👦 emoji 漢字かな",
            "\u{202e}reversed\u{202c} ǄǱ ѸѬ ⟷ 🡐",
            &"W".repeat(200),
            &"@%".repeat(100),
        ];
        names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let mut t = c.tools[i % c.tools.len()].clone();
                t.name = name.to_string();
                t.vendor = name.repeat(3);
                for (j, take) in t.panel.iter_mut().enumerate() {
                    take.verdict = if (i + j) % 2 == 0 {
                        Call::Ship
                    } else {
                        Call::Skip
                    };
                }
                if i == 4 {
                    t.panel.clear();
                }
                t
            })
            .collect()
    }

    /// The layout measures text with a table of widths (`card::text_width`): no text
    /// resvg lays out in Inter is wider than measured, so a cut name never overflows.
    #[test]
    fn no_text_is_drawn_wider_than_the_layout_measured() {
        let r = Renderer::new();
        let mut samples: Vec<String> = hostile(&shipped()).into_iter().map(|t| t.name).collect();
        samples.push((' '..='~').collect());
        samples.push(('\u{a0}'..='\u{24f}').collect());
        samples.push(('\u{370}'..='\u{4ff}').collect());
        samples.push("Mistral Medium 3 (72B Instruct) · 100% panel ship · 4 ship · 0 skip…".into());
        for sample in samples {
            for weight in [500, 700] {
                let escaped = ship_or_skip::domain::base::escape::xml_escape(&sample);
                let svg = format!(
                    r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="200"><text x="0" y="100" font-family="Inter" font-size="100" font-weight="{weight}">{escaped}</text></svg>"#
                );
                let tree = r.tree(&svg).unwrap();
                let mut boxes = Vec::new();
                text_boxes(tree.root(), &mut boxes);
                let drawn = boxes.iter().map(|b| b.width()).fold(0.0, f32::max);
                let measured = card::text_width(&sample, 100.0);
                assert!(
                    drawn <= measured + 0.5,
                    "{sample:?} at {weight}: drawn {drawn}, measured {measured}"
                );
            }
        }
    }

    /// Every text of a card with hostile names lies inside the card's margins.
    #[test]
    fn hostile_cards_parse_and_stay_inside_the_card() {
        let c = shipped();
        let tools = hostile(&c);
        let r = Renderer::new();
        let mut sets: Vec<Vec<&Tool>> = tools.iter().map(|t| vec![t]).collect();
        sets.push(tools.iter().take(2).collect());
        sets.push(tools.iter().skip(2).take(3).collect());
        sets.push(tools.iter().skip(1).take(4).collect());
        sets.push(tools.iter().rev().take(4).collect());
        for set in sets {
            let svg = card::card_svg(&set);
            let tree = r.tree(&svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
            let mut boxes = Vec::new();
            text_boxes(tree.root(), &mut boxes);
            assert!(boxes.len() >= 3 + 3 * set.len(), "{svg}");
            for b in boxes {
                assert!(b.left() >= 64.0 && b.right() <= 1136.0, "{b:?} in {svg}");
                assert!(b.top() >= 0.0 && b.bottom() <= 630.0, "{b:?} in {svg}");
            }
            // A four-way card is two columns: a text of the left one stays in it.
            if set.len() == 4 {
                let mut boxes = Vec::new();
                text_boxes(tree.root(), &mut boxes);
                for b in boxes.iter().filter(|b| b.left() < 600.0 && b.top() > 120.0) {
                    assert!(b.right() <= 591.0 - 20.0, "{b:?} in {svg}");
                }
            }
        }
    }

    /// A card is a 1200×630 PNG with the card's colours: the background, the name's
    /// text and the verdict's colour, and the grey of anti-aliased edges.
    #[test]
    fn a_card_is_a_png_of_the_layout() {
        let c = shipped();
        let comparison = c.tools_of(&c.comparisons[0]);
        let png = Renderer::new().png(&card::card_svg(&comparison)).unwrap();
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut pixels).unwrap();
        assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
        let palette = reader.info().palette.clone().unwrap();
        let colours: std::collections::BTreeSet<&[u8]> = pixels[..info.buffer_size()]
            .iter()
            .map(|&i| &palette[3 * i as usize..3 * i as usize + 3])
            .collect();
        assert!(colours.len() > 50, "{} colours", colours.len());
        for want in [
            [0xf7, 0xf7, 0xf5],
            [0x1b, 0x1d, 0x21],
            [0x13, 0x6f, 0x3a],
            [0xff; 3],
        ] {
            assert!(colours.contains(&want[..]), "no {want:02x?}");
        }
    }

    #[test]
    fn a_card_that_cannot_be_drawn_is_an_error() {
        let r = Renderer::new();
        assert!(r.png("<svg").is_err());
        assert!(r.png("not svg at all").is_err());
    }

    /// The first build renders every card, the next reuses them all, and a changed
    /// verdict renders that tool's card and its comparisons' only.
    #[test]
    fn cards_are_rendered_once_and_reused() {
        let tmp = std::env::temp_dir().join(format!("cards-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&tmp);
        let (dist, cache) = (tmp.join("dist"), tmp.join("cache"));
        std::fs::create_dir_all(&dist).unwrap();
        let mut c = shipped();
        let pages = ship_or_skip::domain::prerender::pages(&c);
        let n = pages.iter().filter(|p| p.card.is_some()).count();
        assert_eq!(n, c.tools.len() + c.comparisons.len());
        let said = write_cards(&dist, &cache, &c, &pages).unwrap();
        assert!(
            said.starts_with(&format!("{n} share cards ({n} rendered, 0 reused) in ")),
            "{said}"
        );
        let file =
            dist.join("cards/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion.png");
        let first = std::fs::read(&file).unwrap();
        std::fs::write(dist.join("cards/tool/stale.png"), b"x").unwrap();
        let said = write_cards(&dist, &cache, &c, &pages).unwrap();
        assert!(
            said.starts_with(&format!("{n} share cards (0 rendered, {n} reused) in ")),
            "{said}"
        );
        assert_eq!(std::fs::read(&file).unwrap(), first);
        assert!(
            !dist.join("cards/tool/stale.png").exists(),
            "the previous build's cards go"
        );
        let slug = "openrouter-model-fusion";
        let i = c.tools.iter().position(|t| t.slug == slug).unwrap();
        c.tools[i].panel[0].verdict = Call::Skip;
        let pages = ship_or_skip::domain::prerender::pages(&c);
        let showing = pages
            .iter()
            .filter(|p| p.card.as_ref().is_some_and(|card| card.tools.contains(&i)))
            .count();
        assert!(showing >= 2, "the tool and a comparison");
        let said = write_cards(&dist, &cache, &c, &pages).unwrap();
        let reused = n - showing;
        assert!(
            said.starts_with(&format!(
                "{n} share cards ({showing} rendered, {reused} reused) in "
            )),
            "{said}"
        );
        assert_ne!(std::fs::read(&file).unwrap(), first);
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
