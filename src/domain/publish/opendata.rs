//! Open data and badges, written at build time by `catalog opendata` (`catalog site`, after Trunk):
//! the catalog's figures as one CSV file, and one SVG verdict badge per tool with the HTML
//! snippet that embeds it elsewhere.

// The feed's escaping serves XML and HTML alike (content and quoted attributes).
use super::summary::percent_text;
use crate::domain::base::escape::xml_escape as escape;
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::panel::verdict::{average_score, Tally, Verdict};

/// Where the files go inside dist/.
pub const CSV_FILE: &str = "data/ship-or-skip-tools.csv";
pub fn badge_file(slug: &str) -> String {
    format!("badges/{slug}.svg")
}

/// One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). A field a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
/// `'`, so a catalog string cannot become a formula in a reader's spreadsheet.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

const CSV_HEADER: &str = "slug,name,vendor,category,entry,license,panel_verdict,panel_ship,panel_skip,panel_ship_percent,average_score,community_ship,community_skip,community_as_of,last_reviewed";

/// Every tool of the catalog, one CSV row each (UTF-8, CRLF line ends as RFC 4180 asks).
pub fn tools_csv(catalog: &Catalog) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str("\r\n");
    for t in &catalog.tools {
        let tally = Tally::of(t);
        let opt = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        let row = [
            field(&t.slug),
            field(&t.name),
            field(&t.vendor),
            field(&t.category),
            t.pricing.entry.as_str().to_string(),
            field(&t.license),
            tally.verdict().as_str().to_string(),
            tally.ship.to_string(),
            tally.skip.to_string(),
            opt(tally.ship_percent()),
            opt(average_score(t)),
            t.community.ship.to_string(),
            t.community.skip.to_string(),
            field(&t.community.as_of),
            field(&t.last_reviewed),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// "Ship · 75%", what the badge's right half says.
pub fn badge_text(tool: &Tool) -> String {
    let tally = Tally::of(tool);
    let label = tally.verdict().label();
    match tally.ship_percent() {
        Some(_) => format!("{label} · {}", percent_text(tally.ship_percent())),
        None => label.to_string(),
    }
}

/// The badge's text alternative: "Ship or Skip verdict for Mistral 3B: Ship · 100%".
pub fn badge_alt(tool: &Tool) -> String {
    format!(
        "Ship or Skip verdict for {}: {}",
        tool.name,
        badge_text(tool)
    )
}

/// A verdict's colour on the badges and share cards: white text on it passes WCAG AA.
pub fn verdict_colour(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ship => "#136f3a",
        Verdict::Skip => "#a4231f",
        Verdict::Split => "#7a5400",
        Verdict::NoVerdict => "#585e68",
    }
}

/// A flat verdict badge, "Ship or Skip | Ship · 75%", sized to its text (about 7 units a
/// character at 11 px), coloured by the verdict, with its text alternative as `<title>`.
pub fn badge_svg(tool: &Tool) -> String {
    let left = "Ship or Skip";
    let right = badge_text(tool);
    let w = |s: &str| 10 + 7 * s.chars().count() as u32;
    let (lw, rw) = (w(left), w(&right));
    let colour = verdict_colour(Tally::of(tool).verdict());
    let alt = escape(&badge_alt(tool));
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{alt}"><title>{alt}</title><rect width="{lw}" height="20" rx="3" fill="#1b1d21"/><rect x="{lw}" width="{rw}" height="20" rx="3" fill="{colour}"/><rect x="{lw}" width="4" height="20" fill="{colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="{lx}" y="14">{left}</text><text x="{rx}" y="14">{right}</text></g></svg>
"##,
        total = lw + rw,
        lx = lw / 2,
        rx = lw + rw / 2,
        right = escape(&right),
    )
}

/// The HTML to paste elsewhere: the badge, linking to the tool's page.
pub fn embed_snippet(tool: &Tool, page_url: &str, badge_url: &str) -> String {
    format!(
        r#"<a href="{}"><img src="{}" alt="{}" height="20"></a>"#,
        escape(page_url),
        escape(badge_url),
        escape(&badge_alt(tool))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    #[test]
    fn the_csv_has_a_row_per_tool_with_the_panel_figures() {
        let c = shipped();
        let csv = tools_csv(&c);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + c.tools.len());
        assert_eq!(lines[0], CSV_HEADER);
        let row = lines
            .iter()
            .find(|l| l.starts_with("mistral-medium-3-72b-instruct,"))
            .unwrap();
        assert!(row.contains(",ship,3,1,75,76,0,0,"), "{row}");
        // "Mistral Medium 3 (72B Instruct)" has no comma: not quoted.
        assert!(row.starts_with("mistral-medium-3-72b-instruct,Mistral Medium 3 (72B Instruct),"));
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@cmd"), "'@cmd");
    }

    #[test]
    fn badges_say_the_verdict_and_escape_the_name() {
        let c = shipped();
        let t = c.tool("mistral-medium-3-72b-instruct").unwrap();
        let svg = badge_svg(t);
        assert!(svg.contains(">Ship · 75%</text>"), "{svg}");
        assert!(svg.contains(
            "<title>Ship or Skip verdict for Mistral Medium 3 (72B Instruct): Ship · 75%</title>"
        ));
        assert!(svg.contains("fill=\"#136f3a\""));
        let mut evil = t.clone();
        evil.name = "<script>alert(1)</script>\"".into();
        let svg = badge_svg(&evil);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"));
        let snippet = embed_snippet(
            &evil,
            "https://x.test/tool/a?b=1&c=2",
            "https://x.test/badges/a.svg",
        );
        assert_eq!(
            snippet,
            "<a href=\"https://x.test/tool/a?b=1&amp;c=2\"><img src=\"https://x.test/badges/a.svg\" alt=\"Ship or Skip verdict for &lt;script&gt;alert(1)&lt;/script&gt;&quot;: Ship · 75%\" height=\"20\"></a>"
        );
    }
}
