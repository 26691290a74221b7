//! Home's markup as HTML text, for the two places that draw home without Leptos: the
//! static page written at build time (`prerender`) and the first view (`src/first`),
//! which makes that page live. Box for box what the Leptos home draws (`pages/home.rs`),
//! which takes over after the first action the first view leaves to the app.
//!
//! Every catalog string goes through [`esc`]: home executes nothing from data.

use super::base::escape::xml_escape as esc;
use super::catalog::model::{Catalog, Entry, Persona, Site};
use super::explore::browse::{browse_from, categories, BrowseQuery, Found, Sort};
use super::explore::listing::Line;
use super::explore::routes::{compare_path, reviewer_path, tool_path};
use super::explore::search::SearchIndex;
use super::panel::disagreement::{most_divisive, DIVISIVE_SHOWN};
use super::panel::verdict::{Tally, Verdict};
use super::panel::weights::{Weights, MAX_WEIGHT};
use super::publish::summary::{
    heading, percent_text, ship_figures, DIVISIVE_NOTE, LATEST_SHOWN, NO_SPLIT,
};
use super::reader::store::Bookmark;

/// How many results are drawn at first; "Show more" adds as many again.
pub const PAGE: usize = 50;

/// What each persona weight means, for the weights panel's selects.
pub const WEIGHT_LABELS: [&str; MAX_WEIGHT as usize + 1] =
    ["Ignore (×0)", "Normal (×1)", "Double (×2)", "Triple (×3)"];

/// The weights panel's explanation.
pub const WEIGHTS_NOTE: &str = "Weight the reviewers: the ship % and average score sorts, and each comparison's “with your weights” row, follow. Saved in this browser.";

/// Every keyboard shortcut: key, what it does (`components/shortcuts.rs`).
pub const SHORTCUTS: [(&str, &str); 5] = [
    ("/", "Search the catalog"),
    ("b", "Bookmark this tool (or remove the bookmark)"),
    ("c", "Add a tool to compare with"),
    ("?", "Show or hide this help"),
    ("Esc", "Close this help"),
];

/// The performance mark set when home is live, in the first view or the app (`make bench`
/// reads it).
pub const LIVE_MARK: &str = "ship-or-skip:live";

/// A line's bookmark toggle (`Line::push_html`), and as the static page draws it.
const BOOKMARK_TOGGLE: &str = "class=\"toggle bookmark-button\"";
const STATIC_TOGGLE: &str = "class=\"toggle bookmark-button\" disabled";

/// How many bookmarks the side panel lists.
pub const BOOKMARKS_SHOWN: usize = 5;

/// Turns a base-relative route into the href written in the page.
pub type Href<'a> = &'a dyn Fn(&str) -> String;

/// The static pages' hrefs: relative to the shell's `<base href>`, which resolves them at
/// any depth and under any base path.
pub fn static_href(route: &str) -> String {
    match route.trim_start_matches('/') {
        "" => "./".to_string(),
        r => r.to_string(),
    }
}

/// The lines the static home page shows: the first [`PAGE`] tools, in the default order,
/// with the panel's figures and no bookmarks. `plain` is the catalog's unweighted index.
pub fn static_lines(catalog: &Catalog, plain: &SearchIndex) -> Vec<Line> {
    let found = browse_from(catalog, plain, &BrowseQuery::default(), PAGE, None);
    lines(catalog, plain, &found, false, &static_href, &|_| false)
}

/// "6 tools" or "2 of 6 tools match".
pub fn result_count(shown: usize, total: usize, filtered: bool) -> String {
    let noun = if total == 1 { " tool" } else { " tools" };
    if filtered {
        let mut s = shown.to_string();
        s.push_str(" of ");
        s.push_str(&total.to_string());
        s.push_str(noun);
        s.push_str(if shown == 1 { " matches" } else { " match" });
        s
    } else {
        total.to_string() + noun
    }
}

/// The ship figure of a line: the panel's, or the reader's weighted one.
pub fn line_percent(ship: Option<u32>, weighted: bool) -> String {
    percent_text(ship)
        + if weighted {
            " ship, your weights"
        } else {
            " ship"
        }
}

/// The lines of the tools `found` shows, with figures from `index` (weighted when the
/// reader has weights).
pub fn lines(
    catalog: &Catalog,
    index: &SearchIndex,
    found: &Found,
    weighted: bool,
    href: Href,
    bookmarked: &dyn Fn(&str) -> bool,
) -> Vec<Line> {
    found
        .shown
        .iter()
        .map(|&at| {
            let (tool, doc) = (&catalog.tools[at], &index.docs[at]);
            let percent = line_percent(doc.ship, weighted);
            let on = bookmarked(&tool.slug);
            Line::new(tool, doc.verdict, href(&tool_path(&tool.slug)), percent, on)
        })
        .collect()
}

/// A link.
fn a(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// The panel's split as the live `SplitBar` draws it (components/tool_card.rs).
pub fn split_bar(tally: &Tally) -> String {
    tally
        .ship_percent()
        .map(|ship| {
            format!(
                "<svg class=\"split-bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"split-bar__ship\" width=\"{ship}\" height=\"6\"></rect><rect class=\"split-bar__skip\" x=\"{ship}\" width=\"{}\" height=\"6\"></rect></svg>",
                100 - ship
            )
        })
        .unwrap_or_default()
}

/// One `<select>` of the browse form, `selected` chosen.
fn select(id: &str, label: &str, any: &str, options: &[(&str, &str)], selected: &str) -> String {
    let mut s =
        format!("<div class=\"filter\"><label for=\"{id}\">{label}</label><select id=\"{id}\">");
    let any = (!any.is_empty()).then_some(("", any));
    for (value, text) in any.iter().chain(options) {
        let on = if *value == selected { " selected" } else { "" };
        s += &format!(
            "<option value=\"{}\"{on}>{}</option>",
            esc(value),
            esc(text)
        );
    }
    s + "</select></div>"
}

/// The browse form: search and the four selects, showing `q`.
pub fn browse_form(catalog: &Catalog, q: &BrowseQuery) -> String {
    let cats: Vec<(&str, &str)> = categories(catalog).into_iter().map(|c| (c, c)).collect();
    let entries: Vec<_> = Entry::ALL.iter().map(|e| (e.as_str(), e.label())).collect();
    let verdicts: Vec<_> = Verdict::ALL
        .iter()
        .map(|v| (v.as_str(), v.label()))
        .collect();
    let sorts: Vec<_> = Sort::ALL.iter().map(|s| (s.as_str(), s.label())).collect();
    format!(
        "<form class=\"browse\" role=\"search\"><div class=\"filter filter--search\"><label for=\"search\">Search</label><input id=\"search\" type=\"search\" placeholder=\"Name, vendor, category…\" autocomplete=\"off\" value=\"{}\"></div>{}{}{}{}</form>",
        esc(&q.q),
        select("f-category", "Category", "All categories", &cats, q.category.as_deref().unwrap_or("")),
        select("f-entry", "Entry price", "Any price", &entries, q.entry.map_or("", Entry::as_str)),
        select("f-verdict", "Panel verdict", "Any verdict", &verdicts, q.verdict.map_or("", Verdict::as_str)),
        select("f-sort", "Sort by", "", &sorts, q.sort.as_str()),
    )
}

/// "Whose judgement do you trust?": one select per persona and a reset, showing `w`.
pub fn weights_panel(personas: &[Persona], w: &Weights) -> String {
    let mut s = format!("<details class=\"box weights\"><summary>Whose judgement do you trust?</summary><p class=\"muted\">{WEIGHTS_NOTE}</p><div class=\"weights__rows\">");
    for p in personas {
        let id = esc(&format!("weight-{}", p.id));
        s += &format!(
            "<div class=\"weights__row\"><label for=\"{id}\">{}</label><select id=\"{id}\">",
            esc(&p.name)
        );
        for (n, label) in WEIGHT_LABELS.iter().enumerate() {
            let on = if w.of(&p.id) as usize == n {
                " selected"
            } else {
                ""
            };
            s += &format!("<option value=\"{n}\"{on}>{label}</option>");
        }
        s += "</select></div>";
    }
    let disabled = if w.is_equal(personas) {
        " disabled"
    } else {
        ""
    };
    s + &format!(
        "</div><button type=\"button\" class=\"button\"{disabled}>Equal weights</button></details>"
    )
}

/// Says the reader's weights are in effect, and which (`Weights::summary`).
pub fn weights_notice(summary: &str) -> String {
    format!("<p class=\"notice notice--weights\" role=\"status\"><span>Your weights are in effect: {}.</span><button type=\"button\" class=\"link-button\">Use equal weights</button></p>", esc(summary))
}

/// The line over the results; `make bench` reads when it was painted (`elementtiming`).
pub fn count(text: &str) -> String {
    format!(
        "<p class=\"count\" role=\"status\" elementtiming=\"results\">{}</p>",
        esc(text)
    )
}

/// What the list says when nothing matches `q` among `total` tools.
pub fn empty(q: &str, total: usize, href: Href) -> String {
    let q = q.trim();
    let typed = if q.is_empty() {
        String::new()
    } else {
        format!(
            " Nothing is called or described as “{}”. Try a shorter word or check the spelling.",
            esc(q)
        )
    };
    format!(
        "<div class=\"empty\"><p><strong>No tools match.</strong>{typed}</p><p>{} to see all {total} tools.</p></div>",
        a(&href("/"), "Clear search and filters")
    )
}

/// The button that shows `left` more results.
pub fn more(left: usize) -> String {
    format!("<button type=\"button\" class=\"button\">Show more ({left} left)</button>")
}

/// The side panel's list of the newest bookmarks, or its empty state.
pub fn bookmarks_body(catalog: &Catalog, newest_first: &[Bookmark], href: Href) -> String {
    if newest_first.is_empty() {
        return "<p class=\"empty\"><strong>No bookmarks yet</strong> — bookmark tools to save them for later.</p>".into();
    }
    let mut s = String::from("<ul class=\"bookmarks-list\">");
    for b in newest_first.iter().take(BOOKMARKS_SHOWN) {
        s += &match catalog.tool(&b.slug) {
            Some(t) => format!("<li>{}</li>", a(&href(&tool_path(&t.slug)), &t.name)),
            None => format!(
                "<li class=\"gone\">{}<span class=\"muted\"> (no longer in the catalog)</span></li>",
                esc(&b.slug)
            ),
        };
    }
    let more = newest_first.len().saturating_sub(BOOKMARKS_SHOWN);
    let all = if more > 0 {
        format!("All bookmarks ({more} more)")
    } else {
        "Manage bookmarks".into()
    };
    s + &format!("</ul><p>{}</p>", a(&href("/bookmarks"), &all))
}

/// The side column: the weekly box and the bookmarks panel holding `bookmarks`.
pub fn aside(site: &Site, bookmarks: &str, href: Href) -> String {
    let signup = site
        .newsletter_url
        .as_deref()
        .map(|url| {
            format!(
                "<a class=\"button\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">Get it by email</a>",
                esc(url)
            )
        })
        .unwrap_or_default();
    format!(
        "<aside class=\"page__aside\"><section class=\"box weekly\" aria-labelledby=\"weekly-title\"><h2 id=\"weekly-title\">Weekly AI tool verdicts</h2><p>New tools land every week. Follow the comparisons before you spend an afternoon on the wrong one.</p><p class=\"weekly__links\"><a class=\"button\" href=\"{}\" type=\"application/atom+xml\">Subscribe to the feed</a>{signup}</p></section><section class=\"box bookmarks-panel\" aria-labelledby=\"bookmarks-title\" aria-live=\"polite\"><h2 id=\"bookmarks-title\">Bookmarks</h2>{bookmarks}</section></aside>",
        esc(&href("/feed.xml"))
    )
}

/// What home shows for one state of the reader's: the browse query, weights and bookmarks.
pub struct View<'a> {
    pub query: &'a BrowseQuery,
    /// The reader's weights when they differ between personas.
    pub weights: Option<&'a Weights>,
    /// Newest first.
    pub bookmarks: &'a [Bookmark],
}

/// The whole of home inside `<main>`, as the Leptos home draws it for `view`, with the
/// first [`PAGE`] results. The static page writes it for a reader who has saved nothing
/// (its bookmarks panel says it is loading); the first view then draws what differs.
pub fn page(catalog: &Catalog, view: &View, href: Href, static_page: bool) -> String {
    let site = &catalog.site;
    let mut body = format!(
        "<div class=\"page page--home\"><div class=\"page__main\"><h1>{}</h1><p class=\"lede\">{}</p><section aria-labelledby=\"latest\"><h2 id=\"latest\">Latest comparisons</h2><ul class=\"latest\">",
        esc(&site.title),
        esc(&site.tagline)
    );
    for c in catalog.latest_comparisons().into_iter().take(LATEST_SHOWN) {
        let tools = catalog.tools_of(c);
        body += &format!(
            "<li>{}<span class=\"muted\"> · panel ship {} · <time datetime=\"{}\">{}</time></span>{}</li>",
            a(&href(&compare_path(&c.tools)), &heading(&tools)),
            esc(&ship_figures(&tools)),
            esc(&c.published),
            esc(&c.published),
            c.summary
                .as_deref()
                .map(|s| format!("<p>{}</p>", esc(s)))
                .unwrap_or_default()
        );
    }
    body += "</ul></section><section aria-labelledby=\"divisive\"><h2 id=\"divisive\">Most divisive</h2>";
    body += &format!("<p class=\"muted\">{}</p>", esc(DIVISIVE_NOTE));
    let divisive = most_divisive(catalog, DIVISIVE_SHOWN);
    if divisive.is_empty() {
        body += &format!("<p class=\"muted\">{}</p>", esc(NO_SPLIT));
    } else {
        body += "<ol class=\"divisive\">";
        for (t, split) in divisive {
            body += &format!(
                "<li>{}{}<span class=\"muted\">{}</span></li>",
                a(&href(&tool_path(&t.slug)), &t.name),
                split_bar(&split.tally),
                esc(&split.line())
            );
        }
        body += "</ol>";
    }
    let equal = Weights::default();
    body +=
        "</section><section aria-labelledby=\"browse\"><h2 id=\"browse\">Browse the catalog</h2>";
    body += &browse_form(catalog, view.query);
    body += &weights_panel(&catalog.personas, view.weights.unwrap_or(&equal));
    if let Some(w) = view.weights {
        body += &weights_notice(&w.summary(&catalog.personas));
    }
    let index = SearchIndex::weighted(catalog, view.weights);
    let found = browse_from(catalog, &index, view.query, PAGE, None);
    let total = catalog.tools.len();
    body += &count(&result_count(
        found.total(),
        total,
        view.query.is_filtered(),
    ));
    if found.shown.is_empty() {
        body += &empty(&view.query.q, total, href);
    }
    body += "<ul class=\"rows\">";
    let on = |slug: &str| view.bookmarks.iter().any(|b| b.slug == slug);
    let mut rows = String::new();
    for line in lines(catalog, &index, &found, view.weights.is_some(), href, &on) {
        line.push_html(&mut rows);
    }
    if static_page {
        // Until the first view knows the reader's bookmarks (without JavaScript, for good).
        rows = rows.replace(BOOKMARK_TOGGLE, STATIC_TOGGLE);
    }
    body += &rows;
    body += "</ul>";
    let left = found.total() - found.shown.len();
    if left > 0 {
        body += &more(left);
    }
    body += "</section><section aria-labelledby=\"reviewers\"><h2 id=\"reviewers\">The panel</h2><ul class=\"reviewers\">";
    for p in &catalog.personas {
        body += &format!(
            "<li>{} — {}</li>",
            a(&href(&reviewer_path(&p.id)), &p.name),
            esc(&p.motto)
        );
    }
    body += "</ul></section></div>";
    let bookmarks = if static_page {
        "<p class=\"muted\">Loading bookmarks…</p>".to_string()
    } else {
        bookmarks_body(catalog, view.bookmarks, href)
    };
    body + &aside(site, &bookmarks, href) + "</div>"
}

/// The site footer as the live `Footer` draws it (components/shell.rs), with the
/// keyboard shortcuts' help, closed.
pub fn footer(
    generated: &str,
    build: Option<&str>,
    shortcuts: &[(&str, &str)],
    href: Href,
) -> String {
    let build = build
        .map(|b| format!(" · Build <code class=\"build\">{}</code>", esc(b)))
        .unwrap_or_default();
    let mut rows = String::new();
    for (key, what) in shortcuts {
        rows += &format!(
            "<tr><th scope=\"row\"><kbd>{}</kbd></th><td>{}</td></tr>",
            esc(key),
            esc(what)
        );
    }
    format!(
        "<footer class=\"site-footer\"><p>Ship or Skip: a panel of five reviewers tells you which AI tool to ship with. Everything you save stays in this browser.</p><p>{} · Open data: <a href=\"{}\" download=\"ship-or-skip-tools.csv\">CSV</a>, {} · Data as of <time datetime=\"{g}\">{g}</time>{build}</p><div id=\"shortcuts\" popover role=\"dialog\" aria-labelledby=\"shortcuts-title\" class=\"shortcuts\"><h2 id=\"shortcuts-title\">Keyboard shortcuts</h2><table><tbody>{rows}</tbody></table><p class=\"muted\">Shortcuts are off while you type in a field.</p><button type=\"button\" popovertarget=\"shortcuts\" popovertargetaction=\"hide\" class=\"button\">Close</button></div><p class=\"shortcuts-hint\"><button type=\"button\" popovertarget=\"shortcuts\" class=\"link-button\">Keyboard shortcuts</button> (press <kbd>?</kbd>)</p></footer>",
        a(&href("/feed.xml"), "Atom feed"),
        esc(&href("/data/ship-or-skip-tools.csv")),
        a(&href("/catalog.json"), "JSON"),
        g = esc(generated),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testdata::shipped;

    /// Home for `q`, for a reader with no weights nor bookmarks.
    fn plain(cat: &Catalog, q: &BrowseQuery) -> String {
        let view = View {
            query: q,
            weights: None,
            bookmarks: &[],
        };
        page(cat, &view, &static_href, false)
    }

    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(result_count(6, 6, false), "6 tools");
        assert_eq!(result_count(1, 6, true), "1 of 6 tools matches");
        assert_eq!(result_count(2, 6, true), "2 of 6 tools match");
        assert_eq!(result_count(1, 1, false), "1 tool");
    }

    #[test]
    fn the_page_shows_the_query_and_its_results() {
        let cat = shipped();
        let q = BrowseQuery::from_query("q=mistral&sort=name&entry=free");
        let html = plain(&cat, &q);
        assert!(html.contains("value=\"mistral\""), "{html}");
        assert!(html.contains("<option value=\"name\" selected>"));
        assert!(html.contains("<option value=\"free\" selected>"));
        let free = cat
            .tools
            .iter()
            .filter(|t| t.pricing.entry == Entry::Free)
            .count();
        assert!(
            html.contains(&format!(">{free} of 6 tools match<")),
            "{html}"
        );
        assert_eq!(html.matches("<li class=\"row\"").count(), free);
        assert!(html.contains("No bookmarks yet"));
        assert!(!html.contains("Show more"));
    }

    #[test]
    fn the_static_lines_are_those_of_the_static_page() {
        let cat = shipped();
        let q = BrowseQuery::default();
        let view = View {
            query: &q,
            weights: None,
            bookmarks: &[],
        };
        let html = page(&cat, &view, &static_href, true);
        let mut rows = String::new();
        for line in static_lines(&cat, &SearchIndex::new(&cat)) {
            line.push_html(&mut rows);
        }
        // Their toggles wait for the first view.
        let rows = rows.replace(BOOKMARK_TOGGLE, STATIC_TOGGLE);
        assert_eq!(rows.matches(" disabled").count(), cat.tools.len());
        assert!(
            html.contains(&format!("<ul class=\"rows\">{rows}</ul>")),
            "{html}"
        );
    }

    #[test]
    fn weights_show_in_the_panel_the_notice_and_the_lines() {
        let cat = shipped();
        let w = Weights::only(&cat.personas, "skeptic");
        let q = BrowseQuery::default();
        let html = page(
            &cat,
            &View {
                query: &q,
                weights: Some(&w),
                bookmarks: &[],
            },
            &static_href,
            true,
        );
        assert!(html.contains("<option value=\"0\" selected>Ignore (×0)</option>"));
        assert!(html.contains("<button type=\"button\" class=\"button\">Equal weights"));
        assert!(html.contains("Your weights are in effect: "));
        assert!(html.contains(" ship, your weights<"));
        assert!(html.contains("Loading bookmarks…"));
    }

    #[test]
    fn bookmarks_list_the_newest_and_keep_gone_tools() {
        let cat = shipped();
        let marks: Vec<Bookmark> = ["gone-tool", &cat.tools[0].slug]
            .iter()
            .map(|s| Bookmark {
                slug: s.to_string(),
                added: String::new(),
            })
            .collect();
        let html = bookmarks_body(&cat, &marks, &static_href);
        assert!(html.contains("<li class=\"gone\">gone-tool<"));
        assert!(html.contains(&format!(">{}</a></li>", esc(&cat.tools[0].name))));
        assert!(html.ends_with(">Manage bookmarks</a></p>"));
    }

    #[test]
    fn data_cannot_inject_markup() {
        let mut cat = shipped();
        cat.tools[0].name = "<img src=x onerror=alert(1)>".into();
        cat.site.newsletter_url = Some("\"><script>".into());
        let q = BrowseQuery::from_query("q=%22%3E%3Cscript%3E");
        let html = plain(&cat, &q);
        let foot = footer("<b>", Some("<i>"), &[("<", ">")], &static_href);
        for h in [&html, &foot] {
            assert!(
                !h.contains("<img")
                    && !h.contains("<script")
                    && !h.contains("<b>")
                    && !h.contains("<i>"),
                "{h}"
            );
        }
    }
}
