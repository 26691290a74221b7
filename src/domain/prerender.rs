//! Static pages written at build time (`catalog pages`): one HTML file per known route,
//! so GitHub Pages answers each with status 200, link previews and crawlers read its own
//! title, description and figures, and a reader sees the content before the wasm runs.
//! The app replaces the static content when it has the catalog (`app::mount`).
//!
//! Every catalog string goes through [`esc`]: the static pages execute nothing from data.

use crate::domain::base::escape::xml_escape as esc;
use crate::domain::catalog::model::{Call, Catalog, Tool};
use crate::domain::explore::browse::BrowseQuery;
use crate::domain::explore::routes::{compare_path, reviewer_path, tool_path};
use crate::domain::home::{self, split_bar};
use crate::domain::panel::disagreement::{community_disagrees, Split, DISAGREE_FLAG};
use crate::domain::panel::verdict::{average_score, CommunityTotal, Tally};
use crate::domain::publish::summary::{
    bookmarks_head, compare_head, heading, home_head, lede, percent_text, reviewer_head, tool_head,
};

/// One prerendered route.
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
    /// The page's key content as plain HTML, inside `<main>`.
    pub body: String,
}

/// One figure of a tool, for a row of the decision table.
type Cell = fn(&Tool) -> String;

fn verdict_text(tool: &Tool) -> String {
    let tally = Tally::of(tool);
    let mut s = tally.verdict_line();
    if let Some(p) = tally.ship_percent() {
        s.push_str(" · ");
        s.push_str(&percent_text(Some(p)));
    }
    s
}

/// "76/100", or `none` without scores.
fn average_text(tool: &Tool, none: &str) -> String {
    average_score(tool)
        .map(|a| format!("{a}/100"))
        .unwrap_or_else(|| none.into())
}

fn score_text(score: Option<u8>, call: &str) -> String {
    match score {
        Some(s) => format!("{s}/100 · {call}"),
        None => call.to_string(),
    }
}

fn a(route: &str, text: &str) -> String {
    // Base-relative hrefs: `<base href>` of the shell resolves them at any depth.
    let href = match route.trim_start_matches('/') {
        "" => "./",
        r => r,
    };
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// The persona × tools scorecard as a plain table.
fn scorecard(catalog: &Catalog, tools: &[&Tool]) -> String {
    let mut s =
        String::from("<table class=\"scorecard\"><thead><tr><th scope=\"col\">Reviewer</th>");
    for t in tools {
        s += &format!("<th scope=\"col\">{}</th>", esc(&t.name));
    }
    s += "</tr></thead><tbody>";
    for p in &catalog.personas {
        s += &format!(
            "<tr><th scope=\"row\">{}</th>",
            a(&reviewer_path(&p.id), &p.name)
        );
        for t in tools {
            match t.take(&p.id) {
                Some(take) => {
                    s += &format!(
                        "<td><strong>{}</strong><p>{}</p></td>",
                        esc(&score_text(
                            take.score,
                            take.verdict.label().to_lowercase().as_str()
                        )),
                        esc(&take.text)
                    )
                }
                None => s += "<td>No panel take</td>",
            }
        }
        s += "</tr>";
    }
    s + "</tbody></table>"
}

/// A tool's card as the live `ToolCard` draws it on its page (components/tool_card.rs),
/// with the reader's controls disabled until the app, which knows their state, takes over.
fn card(t: &Tool) -> String {
    let tally = Tally::of(t);
    let verdict = tally.verdict();
    let split = Split::of(t);
    let community = CommunityTotal::new(&t.community, None);
    let description = if t.description.is_empty() {
        String::new()
    } else {
        format!("<p class=\"card__description\">{}</p>", esc(&t.description))
    };
    format!(
        "<article class=\"card\" data-slug=\"{slug}\"><div class=\"card__top\"><span class=\"avatar\" aria-hidden=\"true\">{initial}</span><span class=\"card__category\">{category}</span></div><h1 class=\"card__name\">{name}</h1><p class=\"card__tagline\">{tagline}</p><dl class=\"card__figures\"><div><dt class=\"visually-hidden\">Panel verdict</dt><dd class=\"verdict verdict--{v}\">{vlabel}</dd></div><div><dd class=\"figure\">{ship}</dd><dt>Panel ship</dt></div><div><dd class=\"figure figure--small\"><span class=\"community\">{summary}{as_of}{flag}</span></dd><dt>Community</dt></div><div><dd class=\"figure entry entry--{e}\">{elabel}</dd><dt>Entry</dt></div></dl><p class=\"card__reviewed muted\">Last reviewed <time datetime=\"{reviewed}\">{reviewed}</time></p><p class=\"card__split\">{bar}<span>{split}</span></p>{description}<div class=\"card__actions\"><button type=\"button\" class=\"toggle bookmark-button\" disabled> Bookmark<span class=\"visually-hidden\"> {name}</span></button><div class=\"vote\" role=\"group\" aria-label=\"Your vote on {name}\"><span class=\"vote__label\">Your vote:</span><button type=\"button\" class=\"toggle vote-button vote-button--ship\" disabled>Ship</button><button type=\"button\" class=\"toggle vote-button vote-button--skip\" disabled>Skip</button><span class=\"vote__state\">Not voted</span></div></div></article>",
        slug = esc(&t.slug),
        initial = esc(&t.initial()),
        category = esc(&t.category),
        name = esc(&t.name),
        tagline = esc(&t.tagline),
        v = verdict.as_str(),
        vlabel = verdict.label(),
        ship = esc(&percent_text(tally.ship_percent())),
        summary = esc(&community.summary()),
        as_of = community
            .as_of_note()
            .map(|n| format!("<span class=\"muted\">{}</span>", esc(&n)))
            .unwrap_or_default(),
        flag = if community_disagrees(verdict, community.total()) {
            format!("<span class=\"flag\">{DISAGREE_FLAG}</span>")
        } else {
            String::new()
        },
        e = t.pricing.entry.as_str(),
        elabel = esc(t.pricing.entry.label()),
        reviewed = esc(&t.last_reviewed),
        bar = split_bar(&split.tally),
        split = esc(&split.card_line()),
    )
}

/// Every route of the catalog worth a static page: home, bookmarks, each tool, each
/// reviewer, each curated comparison. Non-curated pairs and unknown slugs stay with
/// `404.html` and the app.
pub fn pages(catalog: &Catalog) -> Vec<Page> {
    let site = &catalog.site;
    let mut out = Vec::new();

    let (title, description) = home_head(site);
    // The same markup as the live home (pages/home.rs), box for box: the first view
    // (src/first) makes this page live in place, and the app's takeover repaints
    // identical boxes: no layout shift, no later largest paint.
    let query = BrowseQuery::default();
    let view = home::View {
        query: &query,
        weights: None,
        bookmarks: &[],
    };
    let body = home::page(catalog, &view, &home::static_href, true);
    out.push(Page {
        route: "/".into(),
        file: "index.html".into(),
        title,
        description: description.clone(),
        preview: description,
        body,
    });

    let (title, description) = bookmarks_head(site);
    out.push(Page {
        route: "/bookmarks".into(),
        file: "bookmarks.html".into(),
        title,
        description: description.clone(),
        preview: description,
        body: "<div class=\"page page--bookmarks\"><div class=\"page__main\"><h1>Bookmarks</h1><p class=\"lede\">Saved in this browser only. Export them to keep a copy or move them to another device.</p></div></div>".into(),
    });

    for t in &catalog.tools {
        let (title, description) = tool_head(site, t);
        // The live tool page's breadcrumb, card and facts (pages/tool.rs), box for box.
        let mut body = format!(
            "<div class=\"page page--tool\"><div class=\"page__main\"><nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol><li>{}</li><li aria-current=\"page\"><span class=\"sep\" aria-hidden=\"true\">/ </span>{}</li></ol></nav>{}<section aria-labelledby=\"about\"><h2 id=\"about\">About</h2><dl class=\"facts\"><dt>Vendor</dt><dd>{}</dd><dt>Pricing</dt><dd>{}</dd><dt>License</dt><dd>{}</dd><dt>Panel verdict</dt><dd>{}</dd><dt>Average score</dt><dd>{}</dd><dt>Last reviewed</dt><dd><time datetime=\"{}\">{}</time></dd></dl>",
            a("/", "Tools"),
            esc(&t.name),
            card(t),
            esc(&t.vendor),
            esc(&t.pricing.summary),
            esc(&t.license),
            esc(&Tally::of(t).verdict_line()),
            esc(&average_text(t, "no scores")),
            esc(&t.last_reviewed),
            esc(&t.last_reviewed),
        );
        if let Some(url) = &t.homepage {
            body += &format!(
                "<p><a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">Official site</a></p>",
                esc(url)
            );
        }
        body += "</section><h2 id=\"panel\">The panel</h2>";
        body += &scorecard(catalog, &[t]);
        body += "</div></div>";
        out.push(Page {
            route: tool_path(&t.slug),
            file: format!("tool/{}.html", t.slug),
            title,
            description,
            preview: verdict_text(t),
            body,
        });
    }

    for p in &catalog.personas {
        let (title, description) = reviewer_head(site, p);
        let mut body = format!(
            "<div class=\"page page--reviewer\"><div class=\"page__main\"><p class=\"eyebrow\">The panel</p><h1>{}</h1><p class=\"lede\">{}</p><p>Looks for: {}</p><ul class=\"static-list\">",
            esc(&p.name),
            esc(&p.motto),
            esc(&p.looks_for)
        );
        let mut ship = 0;
        let mut total = 0;
        for t in &catalog.tools {
            if let Some(take) = t.take(&p.id) {
                total += 1;
                if take.verdict == Call::Ship {
                    ship += 1;
                }
                body += &format!(
                    "<li>{} <span class=\"muted\">· {}</span><p>{}</p></li>",
                    a(&tool_path(&t.slug), &t.name),
                    esc(&score_text(take.score, take.verdict.label())),
                    esc(&take.text)
                );
            }
        }
        body += "</ul></div></div>";
        out.push(Page {
            route: reviewer_path(&p.id),
            file: format!("reviewer/{}.html", p.id),
            title,
            description,
            preview: format!("{ship} ship / {} skip across {total} tools", total - ship),
            body,
        });
    }

    for c in &catalog.comparisons {
        let tools = catalog.tools_of(c);
        if tools.len() != c.tools.len() {
            continue;
        }
        let (title, description) = compare_head(site, &tools);
        let mut body = format!(
            "<div class=\"page page--compare\"><div class=\"page__main\"><p class=\"eyebrow\">AI tool comparison</p><h1>{}</h1><p class=\"lede\">{}</p><table class=\"decision\"><thead><tr><th></th>",
            esc(&heading(&tools)),
            esc(&lede(&tools))
        );
        for t in &tools {
            body += &format!("<th scope=\"col\">{}</th>", a(&tool_path(&t.slug), &t.name));
        }
        body += "</tr></thead><tbody>";
        let rows: [(&str, Cell); 4] = [
            ("Panel verdict", |t| Tally::of(t).verdict_line()),
            ("Panel ship", |t| percent_text(Tally::of(t).ship_percent())),
            ("Average score", |t| average_text(t, "—")),
            ("Entry price", |t| t.pricing.entry.label().to_string()),
        ];
        for (label, cell) in rows {
            body += &format!("<tr><th scope=\"row\">{label}</th>");
            for t in &tools {
                body += &format!("<td>{}</td>", esc(&cell(t)));
            }
            body += "</tr>";
        }
        body += "</tbody></table><h2>Reviewer scorecard</h2>";
        body += &scorecard(catalog, &tools);
        body += "</div></div>";
        let preview = tools
            .iter()
            .map(|t| format!("{}: {}", t.name, verdict_text(t)))
            .collect::<Vec<_>>()
            .join(" — ");
        let route = compare_path(&c.tools);
        out.push(Page {
            file: format!("{}.html", route.trim_start_matches('/')),
            route,
            title,
            description,
            preview,
            body,
        });
    }
    out
}

/// The page's absolute URL: `site_url` (scheme and host) + `base` + route.
pub fn absolute(site_url: &str, base: &str, route: &str) -> String {
    format!(
        "{}{}{}",
        site_url.trim_end_matches('/'),
        base,
        route.trim_start_matches('/')
    )
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
const MAIN: (&str, &str, &str) = ("<main id=\"main\">", "</main>", "<main id=\"main\">");

/// The built shell (index.html from Trunk) with this page's head and content.
pub fn render(shell: &str, page: &Page, site_url: &str, base: &str) -> Result<String, ShellError> {
    let url = absolute(site_url, base, &page.route);
    let image = absolute(site_url, base, "icons/icon-512.png");
    let mut html = replace_between(shell, TITLE, &esc(&page.title))?;
    html = replace_between(&html, DESCRIPTION, &esc(&page.description))?;
    let title = esc(&page.title);
    let preview = esc(&page.preview);
    let head = format!(
        "  <link rel=\"canonical\" href=\"{url}\">\n  <meta property=\"og:type\" content=\"website\">\n  <meta property=\"og:site_name\" content=\"Ship or Skip\">\n  <meta property=\"og:title\" content=\"{title}\">\n  <meta property=\"og:description\" content=\"{preview}\">\n  <meta property=\"og:url\" content=\"{url}\">\n  <meta property=\"og:image\" content=\"{image}\">\n  <meta name=\"twitter:card\" content=\"summary\">\n  <meta name=\"twitter:title\" content=\"{title}\">\n  <meta name=\"twitter:description\" content=\"{preview}\">\n</head>",
        url = esc(&url),
        image = esc(&image),
    );
    html = html.replacen("</head>", &head, 1);
    // The app keeps this content on screen until it can draw the same page live.
    html = html.replacen("<div id=\"app\">", "<div id=\"app\" data-prerendered>", 1);
    html = replace_between(&html, MAIN, &page.body)?;
    Ok(html)
}

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

    const SHELL: &str = "<html><head><title>x</title><meta name=\"description\" content=\"y\"></head><body><div id=\"app\"><main id=\"main\"><div class=\"skeleton\"></div></main></div></body></html>";

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
    fn a_comparison_page_carries_its_head_tags_and_figures() {
        let c = shipped();
        let page = pages(&c)
            .into_iter()
            .find(|p| {
                p.route == "/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion"
            })
            .unwrap();
        let html = render(SHELL, &page, "https://example.github.io", "/ship-or-skip/").unwrap();
        assert!(html.contains("<title>Mistral Medium 3 (72B Instruct) vs OpenRouter Model Fusion · Ship or Skip</title>"));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://example.github.io/ship-or-skip/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion\">"));
        assert!(html.contains("<meta property=\"og:description\" content=\"Mistral Medium 3 (72B Instruct): Ship · 3 ship / 1 skip · 75%"));
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(html.contains("<td>Ship · 3 ship / 1 skip</td>"));
        assert!(html.contains("88/100 · ship"));
        assert!(html.contains("<div id=\"app\" data-prerendered>"));
        assert!(!html.contains("skeleton"), "the skeleton is replaced");
    }

    #[test]
    fn catalog_strings_are_escaped() {
        let mut c = shipped();
        c.tools[0].name = "<script>alert(1)</script>".into();
        c.tools[0].tagline = "\"><img src=x onerror=alert(1)>".into();
        let page = pages(&c)
            .into_iter()
            .find(|p| p.route == tool_path(&c.tools[0].slug))
            .unwrap();
        let html = render(SHELL, &page, "https://x.test", "/").unwrap();
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn a_shell_without_main_is_refused() {
        let page = pages(&shipped()).remove(0);
        let err = render(
            "<html><head><title>x</title><meta name=\"description\" content=\"\"></head></html>",
            &page,
            "https://x.test",
            "/",
        );
        assert_eq!(
            err.unwrap_err().to_string(),
            "the shell has no <main id=\"main\">"
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
