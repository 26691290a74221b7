//! The pages written at build time (`catalog pages`): which routes get a static HTML
//! file, each file's head (title, description, link-preview line), and filling the built
//! shell (Trunk's index.html) with a page. GitHub Pages answers each file with status
//! 200, link previews and crawlers read its own head, and a reader sees the content
//! before the wasm runs. The markup inside the page comes from the Leptos components
//! (`app::render`); nothing here writes a page's markup.

use crate::domain::base::escape::xml_escape as esc;
use crate::domain::catalog::model::{Catalog, Tool};
use crate::domain::explore::routes::{absolute, compare_path, reviewer_path, tool_path};
use crate::domain::explore::search::{Order, SearchIndex};
use crate::domain::panel::verdict::Tally;
use crate::domain::publish::card::{alt as card_alt, card_file};
use crate::domain::publish::summary::{
    bookmarks_head, compare_head, home_head, percent_text, reviewer_head, tool_head,
};

/// One prerendered route and its head.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The app route, e.g. `/tool/mistral-3b` (`/` for home).
    pub route: String,
    /// The file under dist/ GitHub Pages serves for that route with status 200:
    /// `tool/mistral-3b.html` (Pages maps `/tool/mistral-3b` to it without a redirect).
    pub file: String,
    pub title: String,
    pub description: String,
    /// A one-line verdict for link previews ("Ship · 3 ship / 1 skip · 75%").
    pub preview: String,
    /// Its share card, for link previews: a tool page's and a curated comparison's.
    pub card: Option<Card>,
}

/// A page's share card (`domain::publish::card`), which `catalog site` draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The PNG under dist/ ([`card_file`]).
    pub file: String,
    /// Its text alternative ([`card_alt`]), unescaped.
    pub alt: String,
    /// The tools it shows, as positions in the catalog's tools.
    pub tools: Vec<usize>,
}

fn verdict_text(tally: &Tally) -> String {
    let mut s = tally.verdict_line();
    if let Some(p) = tally.ship_percent() {
        s.push_str(" · ");
        s.push_str(&percent_text(Some(p)));
    }
    s
}

/// How many tool pages a build prerenders at most (`PRERENDER_TOOLS` overrides it for a
/// build): 10,000 pages of ~13 KB keep a 100,000-tool site within GitHub Pages' 1 GB
/// with room to spare (docs/scale.md). The other tools' pages are drawn by the app from
/// the shell (404.html), as a non-curated comparison is.
pub const PRERENDERED_TOOLS_MAX: usize = 10_000;

/// The positions of the tools whose page is prerendered, in catalog order: every tool
/// when there are at most `max`; otherwise the tools of the curated comparisons first
/// (the pages those link to), then the panel's favourites, home's first order, up to
/// `max` in all.
pub fn prerendered_tools(catalog: &Catalog, max: usize) -> Vec<usize> {
    let n = catalog.tools.len();
    if n <= max {
        return (0..n).collect();
    }
    let mut chosen = vec![false; n];
    let mut count = 0;
    let at: std::collections::HashMap<&str, usize> = (catalog.tools.iter())
        .enumerate()
        .map(|(i, t)| (t.slug.as_str(), i))
        .collect();
    let curated = catalog.comparisons.iter().flat_map(|c| &c.tools);
    let curated = curated.filter_map(|slug| at.get(slug.as_str()).copied());
    let index = SearchIndex::new(catalog);
    let favourites = index
        .ranking(catalog, Order::Panel)
        .at
        .iter()
        .map(|&i| i as usize);
    for i in curated.chain(favourites) {
        if count == max {
            break;
        }
        if !chosen[i] {
            chosen[i] = true;
            count += 1;
        }
    }
    (0..n).filter(|&i| chosen[i]).collect()
}

/// Every route of the catalog worth a static page: home, bookmarks, each tool (up to
/// [`PRERENDERED_TOOLS_MAX`]), each reviewer, each curated comparison. Non-curated pairs,
/// the tools past the limit and unknown slugs stay with `404.html` and the app.
pub fn pages(catalog: &Catalog) -> Vec<Page> {
    pages_with(catalog, PRERENDERED_TOOLS_MAX)
}

/// [`pages`] with at most `max_tools` tool pages ([`prerendered_tools`]).
pub fn pages_with(catalog: &Catalog, max_tools: usize) -> Vec<Page> {
    let site = &catalog.site;
    let mut out = Vec::new();
    // `card`: the tools of the page's share card, if it has one.
    let mut push = |route: String,
                    file: String,
                    (title, description): (String, String),
                    preview: Option<String>,
                    card: Option<Vec<usize>>| {
        let preview = preview.unwrap_or_else(|| description.clone());
        let card = card.map(|tools| {
            let shown: Vec<_> = tools.iter().map(|&i| &catalog.tools[i]).collect();
            Card {
                file: card_file(&route),
                alt: card_alt(&shown),
                tools,
            }
        });
        out.push(Page {
            route,
            file,
            title,
            description,
            preview,
            card,
        });
    };
    push("/".into(), "index.html".into(), home_head(site), None, None);
    push(
        "/bookmarks".into(),
        "bookmarks.html".into(),
        bookmarks_head(site),
        None,
        None,
    );
    for i in prerendered_tools(catalog, max_tools) {
        let t = &catalog.tools[i];
        let preview = verdict_text(&Tally::of(t));
        push(
            tool_path(&t.slug),
            format!("tool/{}.html", t.slug),
            tool_head(site, t),
            Some(preview),
            Some(vec![i]),
        );
    }
    for p in &catalog.personas {
        let (mut ship, mut total) = (0, 0);
        for take in catalog.tools.iter().filter_map(|t| t.take(&p.id)) {
            total += 1;
            ship += usize::from(take.verdict == crate::domain::catalog::model::Call::Ship);
        }
        let preview = format!("{ship} ship / {} skip across {total} tools", total - ship);
        push(
            reviewer_path(&p.id),
            format!("reviewer/{}.html", p.id),
            reviewer_head(site, p),
            Some(preview),
            None,
        );
    }
    // The comparisons' tools by slug, as positions for their cards.
    let at: std::collections::HashMap<&str, usize> = (catalog.tools.iter().enumerate())
        .map(|(i, t)| (t.slug.as_str(), i))
        .collect();
    for c in &catalog.comparisons {
        let shown: Vec<usize> = (c.tools.iter())
            .filter_map(|slug| at.get(slug.as_str()).copied())
            .collect();
        if shown.len() != c.tools.len() {
            continue;
        }
        let tools: Vec<&Tool> = shown.iter().map(|&i| &catalog.tools[i]).collect();
        let preview = tools
            .iter()
            .map(|t| format!("{}: {}", t.name, verdict_text(&Tally::of(t))))
            .collect::<Vec<_>>()
            .join(" — ");
        let route = compare_path(&c.tools);
        let file = format!("{}.html", route.trim_start_matches('/'));
        let head = compare_head(site, &tools);
        push(route, file, head, Some(preview), Some(shown));
    }
    out
}

/// Why a shell cannot take a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the shell has no {0}")]
pub struct ShellError(&'static str);

/// Replaces what lies between `start` and the next `end`; `what` names it in the error.
fn replace_between(
    s: &str,
    (start, end, what): (&str, &str, &'static str),
    with: &str,
) -> Result<String, ShellError> {
    let i = s.find(start).ok_or(ShellError(what))? + start.len();
    let j = i + s[i..].find(end).ok_or(ShellError(what))?;
    Ok(format!("{}{}{}", &s[..i], with, &s[j..]))
}

const TITLE: (&str, &str, &str) = ("<title>", "</title>", "<title>");
const DESCRIPTION: (&str, &str, &str) = (
    "<meta name=\"description\" content=\"",
    "\"",
    "meta description",
);
/// The shell's `#app`, which closes just before `</body>`.
const APP: (&str, &str, &str) = ("<div id=\"app\">", "</body>", "<div id=\"app\">");

/// The shell's early request for the catalog (index.html), which home and the app read.
const CATALOG_PRELOAD: &str = "<link rel=\"preload\" href=\"catalog.json\"";

/// What a page puts into the shell.
pub enum Content<'a> {
    /// The whole of `#app` (skip link, header, main, footer), which the app draws again.
    App(&'a str),
    /// The whole of `#app`, made live in place by its islands (`app::islands`), and the
    /// kind of page, which names their module.
    Islands(&'a str, &'a str),
}

/// The built shell (index.html from Trunk) with this page's title and description, the
/// extra head tags `head` (already HTML) and its content.
pub fn fill_shell(
    shell: &str,
    page: &Page,
    head: &str,
    content: Content,
) -> Result<String, ShellError> {
    let mut html = replace_between(shell, TITLE, &esc(&page.title))?;
    html = replace_between(&html, DESCRIPTION, &esc(&page.description))?;
    html = html.replacen("</head>", &format!("{head}\n</head>"), 1);
    let mark: String = match content {
        Content::App(app) => {
            html = replace_between(&html, APP, &format!("{app}</div>\n"))?;
            // The app keeps this content on screen until it can draw the same page live.
            "<div id=\"app\" data-prerendered>".into()
        }
        Content::Islands(app, kind) => {
            html = replace_between(&html, APP, &format!("{app}</div>\n"))?;
            // The catalog is the app's: the page and its islands never read it.
            if let Some(at) = html.find(CATALOG_PRELOAD) {
                let end = at + html[at..].find('>').map_or(0, |e| e + 1);
                html.replace_range(at..end, "");
            }
            // The page loader starts the islands module of this kind instead of the app.
            format!(
                "<div id=\"app\" data-prerendered data-islands=\"{}\">",
                esc(kind)
            )
        }
    };
    Ok(html.replacen("<div id=\"app\">", &mark, 1))
}

/// The most URLs one sitemap file may list (sitemaps.org).
pub const SITEMAP_URLS_MAX: usize = 50_000;

/// sitemap.xml of every prerendered page.
pub fn sitemap(pages: &[Page], site_url: &str, base: &str, lastmod: &str) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages {
        s += &format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
            esc(&absolute(site_url, base, &p.route)),
            esc(lastmod)
        );
    }
    s + "</urlset>\n"
}

/// The sitemap files, as `(file, body)`: `sitemap.xml` alone up to
/// [`SITEMAP_URLS_MAX`] pages; past that `sitemap.xml` is an index of `sitemap-1.xml`,
/// `sitemap-2.xml`, … of at most that many each (every prerendered tool page, with
/// `PRERENDER_TOOLS=all`, can be more).
pub fn sitemaps(
    pages: &[Page],
    site_url: &str,
    base: &str,
    lastmod: &str,
) -> Vec<(String, String)> {
    if pages.len() <= SITEMAP_URLS_MAX {
        return vec![(
            "sitemap.xml".into(),
            sitemap(pages, site_url, base, lastmod),
        )];
    }
    let parts: Vec<(String, String)> = pages
        .chunks(SITEMAP_URLS_MAX)
        .enumerate()
        .map(|(i, part)| {
            let file = format!("sitemap-{}.xml", i + 1);
            (file, sitemap(part, site_url, base, lastmod))
        })
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (file, _) in &parts {
        index += &format!(
            "  <sitemap><loc>{}</loc><lastmod>{}</lastmod></sitemap>\n",
            esc(&absolute(site_url, base, file)),
            esc(lastmod)
        );
    }
    index += "</sitemapindex>\n";
    std::iter::once(("sitemap.xml".into(), index))
        .chain(parts)
        .collect()
}

/// robots.txt: everything may be crawled; the sitemap is named.
pub fn robots(site_url: &str, base: &str) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        absolute(site_url, base, "sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    const SHELL: &str = "<html><head><title>x</title><meta name=\"description\" content=\"y\"></head><body><div id=\"app\"><header>h</header><main id=\"main\"><div class=\"skeleton\"></div></main></div>\n</body></html>";

    #[test]
    fn every_tool_reviewer_and_curated_comparison_has_a_page() {
        let c = shipped();
        let pages = pages(&c);
        let files: Vec<&str> = pages.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(
            pages.len(),
            2 + c.tools.len() + c.personas.len() + c.comparisons.len()
        );
        assert!(files.contains(&"index.html") && files.contains(&"bookmarks.html"));
        assert!(files.contains(&"tool/mistral-3b.html"));
        assert!(files.contains(&"reviewer/skeptic.html"));
        assert!(files.contains(&"compare/mistral-3b-vs-openrouter-model-fusion.html"));
    }

    #[test]
    fn past_the_limit_the_curated_tools_then_the_favourites_have_pages() {
        let mut c = crate::domain::catalog::synth::generate(300, 7);
        // More curated tools than the limit: the first comparisons' tools, and no more.
        let first: Vec<usize> = (c.comparisons[..2].iter())
            .flat_map(|x| &x.tools)
            .map(|slug| c.tools.iter().position(|t| &t.slug == slug).unwrap())
            .collect();
        let three = prerendered_tools(&c, 3);
        assert_eq!(three.len(), 3);
        assert!(
            three.iter().all(|i| first.contains(i)),
            "{three:?} {first:?}"
        );
        c.comparisons.truncate(5);
        let curated: Vec<String> = c.comparisons.iter().flat_map(|x| x.tools.clone()).collect();
        assert!(!curated.is_empty(), "the generated catalog has comparisons");
        let all = prerendered_tools(&c, 300);
        assert_eq!(
            all,
            (0..300).collect::<Vec<_>>(),
            "every tool up to the limit"
        );
        let some = prerendered_tools(&c, 40);
        assert_eq!(some.len(), 40);
        assert!(some.windows(2).all(|w| w[0] < w[1]), "in catalog order");
        for slug in &curated {
            let i = c.tools.iter().position(|t| &t.slug == slug).unwrap();
            assert!(some.contains(&i), "{slug}: a curated tool");
        }
        // The rest are the best by the panel: none left out ranks above one taken.
        let index = SearchIndex::new(&c);
        let ranking = index.ranking(&c, Order::Panel);
        let worst_taken = (some.iter())
            .filter(|&&i| !curated.contains(&c.tools[i].slug))
            .map(|&i| ranking.place[i])
            .max()
            .unwrap();
        for i in (0..300).filter(|i| !some.contains(i)) {
            assert!(
                ranking.place[i] > worst_taken,
                "{} left out",
                c.tools[i].slug
            );
        }
        let files = pages_with(&c, 40);
        assert_eq!(
            files.iter().filter(|p| p.file.starts_with("tool/")).count(),
            40
        );
        assert_eq!(
            files.len(),
            2 + 40 + c.personas.len() + c.comparisons.len(),
            "reviewers and comparisons all have pages"
        );
    }

    #[test]
    fn a_page_head_says_its_verdicts() {
        let c = shipped();
        let page = pages(&c)
            .into_iter()
            .find(|p| {
                p.route == "/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion"
            })
            .unwrap();
        assert_eq!(
            page.title,
            "Mistral Medium 3 (72B Instruct) vs OpenRouter Model Fusion · Ship or Skip"
        );
        assert!(
            page.preview
                .starts_with("Mistral Medium 3 (72B Instruct): Ship · 3 ship / 1 skip · 75%"),
            "{}",
            page.preview
        );
    }

    #[test]
    fn the_shell_takes_the_whole_app() {
        let page = pages(&shipped()).remove(1);
        let html = fill_shell(SHELL, &page, "<meta name=\"k\">", Content::App("<p>a</p>")).unwrap();
        assert!(
            html.contains("<div id=\"app\" data-prerendered><p>a</p></div>\n</body>"),
            "{html}"
        );
        assert!(
            html.contains("<title>Bookmarks · Ship or Skip</title>"),
            "{html}"
        );
        assert!(html.contains("<meta name=\"k\">\n</head>"), "{html}");
    }

    #[test]
    fn an_islands_page_is_marked_and_does_not_ask_for_the_catalog() {
        let page = pages(&shipped()).remove(1);
        let shell = SHELL.replace(
            "</head>",
            "<link rel=\"preload\" href=\"catalog.json\" as=\"fetch\" crossorigin></head>",
        );
        let html = fill_shell(&shell, &page, "", Content::App("<p>a</p>")).unwrap();
        assert!(html.contains("href=\"catalog.json\""), "{html}");
        let html = fill_shell(&shell, &page, "", Content::Islands("<p>a</p>", "tool")).unwrap();
        assert!(
            html.contains("<div id=\"app\" data-prerendered data-islands=\"tool\"><p>a</p></div>"),
            "{html}"
        );
        assert!(!html.contains("catalog.json"), "{html}");
    }

    #[test]
    fn a_title_cannot_break_out_of_the_head() {
        let mut page = pages(&shipped()).remove(1);
        page.title = "</title><script>alert(1)</script>".into();
        page.description = "\"><script>alert(2)</script>".into();
        let html = fill_shell(SHELL, &page, "", Content::App("")).unwrap();
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn a_shell_without_app_is_refused() {
        let page = pages(&shipped()).remove(0);
        let err = fill_shell(
            "<html><head><title>x</title><meta name=\"description\" content=\"\"></head></html>",
            &page,
            "",
            Content::App(""),
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            "the shell has no <div id=\"app\">"
        );
    }

    #[test]
    fn past_fifty_thousand_pages_the_sitemap_is_an_index_of_sitemaps() {
        let page = pages(&shipped()).remove(0);
        let many = vec![page; SITEMAP_URLS_MAX + 1];
        let files = sitemaps(&many, "https://x.org", "/s/", "2026-11-23");
        let names: Vec<&str> = files.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
        assert!(files[0].1.contains("<sitemapindex"), "{}", files[0].1);
        assert!(files[0]
            .1
            .contains("<loc>https://x.org/s/sitemap-2.xml</loc>"));
        assert_eq!(files[1].1.matches("<url>").count(), SITEMAP_URLS_MAX);
        assert_eq!(files[2].1.matches("<url>").count(), 1);
        let one = sitemaps(&many[..3], "https://x.org", "/s/", "2026-11-23");
        assert_eq!(one.len(), 1);
        assert_eq!(
            one[0].1,
            sitemap(&many[..3], "https://x.org", "/s/", "2026-11-23")
        );
    }

    #[test]
    fn sitemap_and_robots_use_the_deployed_url() {
        let c = shipped();
        let pages = pages(&c);
        let map = sitemap(
            &pages,
            "https://example.github.io/",
            "/ship-or-skip/",
            "2026-11-23",
        );
        assert_eq!(map.matches("<url>").count(), pages.len());
        assert!(map.contains("<loc>https://example.github.io/ship-or-skip/tool/mistral-3b</loc>"));
        assert!(map.contains("<loc>https://example.github.io/ship-or-skip/</loc>"));
        assert_eq!(
            robots("https://example.github.io", "/ship-or-skip/"),
            "User-agent: *\nAllow: /\nSitemap: https://example.github.io/ship-or-skip/sitemap.xml\n"
        );
    }
}
