//! The static pages' HTML, rendered natively at build time (`catalog pages`) from the
//! same components the browser runs ([`Frame`] and the pages), for a reader who has
//! saved nothing: the reader's controls are drawn disabled until the app, which knows
//! their state, takes over (`Store::provide_blank`). So the page a crawler, a link
//! preview or a reader without JavaScript gets is the page the app then draws.
//!
//! A tool page or a comparison of a small catalog is live through its islands alone
//! (`app::islands`):
//! the interactive components are `#[island]`s here, marked in this HTML with their
//! props, and drawn again in place by the islands module.
//!
//! Home is live through its islands too, in a catalog served whole; the other pages are
//! made live by the app, which draws them again.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::app::components::shell::Header;
use crate::app::components::shell::Skipped;
use crate::app::data::{CatalogCtx, Readers};
use crate::app::lazy::{check, load_search_picker, read_detail, read_index, PickerCode};
use crate::app::pages::{
    bookmarks::BookmarksPage, compare::ComparePage, home::HomePage, not_found::NotFound,
    reviewer::ReviewerPage, tool::ToolPage,
};
use crate::app::pwa::Pwa;
use crate::app::router::Nav;
use crate::app::store::Store;
use crate::app::Frame;
use crate::domain::catalog::model::Catalog;
use crate::domain::catalog::split::SPLIT_ABOVE_TOOLS;
use crate::domain::catalog::validate::Problem;
use crate::domain::explore::browse::PICK_FROM_LIST_MAX;
use crate::domain::explore::routes::{absolute, Route};
use crate::domain::prerender::{fill_shell, Content, Page, ShellError};

/// Where the pages are published: `site_url` (scheme and host) and the base path.
#[derive(Debug, Clone)]
pub struct Site {
    pub url: String,
    pub base: String,
}

/// The built shell `shell` (Trunk's index.html) holding `page` of `catalog`, read with
/// the entries `skipped` (which the page's notices list).
pub fn page_html(
    shell: &str,
    catalog: &Arc<Catalog>,
    skipped: &[Problem],
    page: &Page,
    site: &Site,
) -> Result<String, ShellError> {
    let head = head_html(page, site);
    let route = Route::parse(&page.route);
    let app = app_html(catalog, skipped, &route, site);
    let content = match islands(catalog, &route) {
        Some(kind) => Content::Islands(&app, kind),
        None => Content::App(&app),
    };
    fill_shell(shell, page, &head, content)
}

/// Which islands module makes the page at `route` live, if its islands alone do
/// (`app::islands::MODULES`): home's, in a catalog served whole (its list searches the
/// catalog its chunk fetches); a tool page's, a comparison's or a reviewer page's, in a
/// catalog whose "compare with…" is a select (and whose reviewer lists a page can carry
/// as props). The other pages, and a large catalog's, are the app's.
pub fn islands(catalog: &Catalog, route: &Route) -> Option<&'static str> {
    let tools = catalog.tools.len();
    match route {
        Route::Home if tools <= SPLIT_ABOVE_TOOLS => Some("home"),
        _ if tools > PICK_FROM_LIST_MAX => None,
        Route::Tool(_) => Some("tool"),
        Route::Compare(_) => Some("compare"),
        Route::Reviewer(_) => Some("reviewer"),
        _ => None,
    }
}

/// Renders `view` at `route` of `site`, in the contexts of a page rendered ahead of time:
/// a reader whose records are unknown, online, no update waiting.
fn render_at<V: RenderHtml>(route: &Route, site: &Site, view: impl FnOnce() -> V) -> String {
    // The server side of a render: `is_server()` holds, so components add no listeners.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(|| {
        let origin = site.url.trim_end_matches('/');
        Nav::provide_at(&site.base, &route.path(), "", origin);
        Store::provide_blank();
        Pwa::provide_static();
        view().to_html()
    });
    owner.cleanup();
    without_bogus_comments(html)
}

/// Leptos marks an empty view or a list's end with `<!>`, which HTML parses as an empty
/// comment with a parse error ("Bogus comment", the Nu Html Checker says). `<!---->` is
/// the same empty comment written validly, so the page's DOM is the same. A `<!>` can
/// only be a marker: Leptos escapes `<` in text and attribute values alike.
fn without_bogus_comments(html: String) -> String {
    html.replace("<!>", "<!---->")
}

/// The site header as a page rendered ahead of time draws it: the app shell's
/// (`404.html`) is this one.
///
/// Without its island's wrapper: nothing draws the shell's islands (the app draws over
/// it), and a page's own header, an island, keeps its wrapper when `catalog site` runs
/// again and puts this one inside it.
pub fn header_html(site: &Site) -> String {
    // Leptos draws no wrapper for an island inside another island's render, which is
    // what `with_hydration` says this render is.
    render_at(&Route::Home, site, || {
        Owner::with_hydration(|| view! { <Header/> })
    })
}

/// The inside of `#app` for `route`: what `App` draws there for a reader with nothing
/// saved, once the catalog is in (with its `skipped` entries).
pub fn app_html(catalog: &Arc<Catalog>, skipped: &[Problem], route: &Route, site: &Site) -> String {
    render_at(route, site, || {
        let readers = Readers {
            read_index,
            check,
            read_detail,
        };
        CatalogCtx::provide_ready(readers, catalog.clone());
        provide_context(PickerCode(load_search_picker));
        let page = match route.clone() {
            Route::Home => view! { <HomePage/> }.into_any(),
            Route::Tool(slug) => view! { <ToolPage slug/> }.into_any(),
            Route::Compare(slugs) => view! { <ComparePage slugs/> }.into_any(),
            Route::Reviewer(persona) => view! { <ReviewerPage persona/> }.into_any(),
            Route::Bookmarks => view! { <BookmarksPage/> }.into_any(),
            Route::NotFound => view! { <NotFound/> }.into_any(),
        };
        // The notices say what the build skipped, in the page and in their island.
        let skipped = Some(Skipped::of(skipped));
        let frame = move || view! { <Frame page skipped/> };
        if islands(catalog, route).is_some() {
            frame().into_any()
        } else {
            // No islands' wrappers where no islands module draws them (home's first
            // view and the app draw over the page): Leptos draws none for an island in
            // what `with_hydration` says is an island's render.
            Owner::with_hydration(frame).into_any()
        }
    })
}

/// The page's link-preview tags: canonical URL, Open Graph and Twitter card.
fn head_html(page: &Page, site: &Site) -> String {
    use crate::domain::publish::card::{HEIGHT, WIDTH};
    let url = absolute(&site.url, &site.base, &page.route);
    let (title, preview) = (page.title.clone(), page.preview.clone());
    // Open Graph's `property` is no HTML attribute the view macro knows.
    let og = |property: &'static str, content: String| {
        leptos::html::meta()
            .add_any_attr(custom_attribute("property", property))
            .add_any_attr(custom_attribute("content", content))
    };
    let mut html = view! {
        <link rel="canonical" href=url.clone()/>
        {og("og:type", "website".into())}
        {og("og:site_name", "Ship or Skip".into())}
        {og("og:title", title.clone())}
        {og("og:description", preview.clone())}
        {og("og:url", url)}
    }
    .to_html();
    // A tool page and a comparison show their share card, large; the other pages say
    // nothing a card would show at a glance, and keep the app's icon, small.
    html += &match &page.card {
        Some(card) => {
            let image = absolute(&site.url, &site.base, &card.file);
            view! {
                {og("og:image", image.clone())}
                {og("og:image:width", WIDTH.to_string())}
                {og("og:image:height", HEIGHT.to_string())}
                {og("og:image:alt", card.alt.clone())}
                <meta name="twitter:card" content="summary_large_image"/>
                <meta name="twitter:image" content=image/>
                <meta name="twitter:image:alt" content=card.alt.clone()/>
            }
            .to_html()
        }
        None => view! {
            {og("og:image", absolute(&site.url, &site.base, "icons/icon-512.png"))}
            <meta name="twitter:card" content="summary"/>
        }
        .to_html(),
    };
    html += &view! {
        <meta name="twitter:title" content=title/>
        <meta name="twitter:description" content=preview/>
    }
    .to_html();
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prerender::pages;
    use crate::domain::testdata::shipped;

    const SHELL: &str = "<html><head><title>x</title><meta name=\"description\" content=\"y\"></head><body><div id=\"app\"><main id=\"main\"><div class=\"skeleton\"></div></main></div>\n</body></html>";

    fn site() -> Site {
        Site {
            url: "https://example.github.io".into(),
            base: "/ship-or-skip/".into(),
        }
    }

    fn render(catalog: crate::domain::catalog::model::Catalog, route: &str) -> String {
        render_skipping(catalog, &[], route)
    }

    fn render_skipping(
        catalog: crate::domain::catalog::model::Catalog,
        skipped: &[Problem],
        route: &str,
    ) -> String {
        let catalog = Arc::new(catalog);
        let page = pages(&catalog)
            .into_iter()
            .find(|p| p.route == route)
            .unwrap_or_else(|| panic!("no page {route}"));
        page_html(SHELL, &catalog, skipped, &page, &site()).unwrap()
    }

    #[test]
    fn the_notices_say_what_the_build_skipped() {
        let skipped: Vec<Problem> = (0..crate::domain::catalog::guard::LISTED_SKIPPED + 2)
            .map(|i| {
                Problem::new(
                    format!("tools[{i}].panel[0].score"),
                    "score 140 is out of range",
                )
            })
            .collect();
        for route in ["/tool/mistral-3b", "/reviewer/skeptic", "/bookmarks"] {
            let html = render_skipping(shipped(), &skipped, route);
            let text = words(&html);
            let n = skipped.len();
            assert!(
                text.contains(&format!("{n} catalog entries could not be shown")),
                "{route}: {text}"
            );
            assert!(
                html.contains("<code>tools[0].panel[0].score</code>"),
                "{route}"
            );
            assert!(text.contains("score 140 is out of range"), "{route}");
            assert!(text.contains("…and 2 more"), "{route}: {text}");
            if route == "/bookmarks" {
                // The app's page: no island, no wrapper.
                assert!(!html.contains("leptos-island"), "{route}");
                continue;
            }
            // Static HTML, not the notices' island: what the build skipped never changes
            // on its page, so the islands module carries none of it.
            let island = html
                .split("<leptos-island data-component=\"Notices_")
                .nth(1)
                .and_then(|s| s.split("</leptos-island>").next())
                .unwrap_or_default();
            assert!(!island.is_empty(), "{route}: no notices island");
            assert!(!island.contains("score 140"), "{route}: {island}");
        }
        assert!(!words(&render(shipped(), "/tool/mistral-3b")).contains("could not be shown"));
    }

    /// Home's static page is the Leptos home for a reader with nothing saved: the
    /// browse form, the weights panel, the first results with their toggles un-pressed
    /// and pressable (the islands press them again once drawn), the panel, the aside
    /// and the footer; its search and list, and its bookmarks panel, are islands.
    #[test]
    fn home_is_the_components_home_for_a_reader_with_nothing_saved() {
        use crate::domain::explore::browse::{browse_from, BrowseQuery};
        use crate::domain::explore::routes::with_base;
        use crate::domain::explore::search::SearchIndex;
        use crate::domain::home::{lines, PAGE};
        let mut catalog = shipped();
        let template = catalog.tools[0].clone();
        for i in 0..PAGE {
            let mut t = template.clone();
            t.slug = format!("extra-{i}");
            t.name = format!("Extra {i}");
            catalog.tools.push(t);
        }
        let total = catalog.tools.len();
        let html = render(catalog.clone(), "/");
        assert!(html.contains("<div id=\"app\" data-prerendered data-islands=\"home\">"));
        for island in [
            "Header",
            "Notices",
            "ShortcutKeys",
            "Browse",
            "BookmarksPanel",
        ] {
            let wrapper = format!("<leptos-island data-component=\"{island}_");
            assert_eq!(html.matches(&wrapper).count(), 1, "{island}");
        }
        // The weights panel and notice are drawn with the list's island, inside it.
        assert_eq!(html.matches("<leptos-island").count(), 5);
        let text = words(&html);
        for said in [
            "Latest comparisons",
            "Most divisive",
            "Browse the catalog",
            "Whose judgement do you trust?",
            &format!("{total} tools"),
            // (Leptos marks where the count's text node starts.)
            &format!("{} left)", total - PAGE),
            "The panel",
            "Weekly AI tool verdicts",
            "Keyboard shortcuts",
        ] {
            assert!(text.contains(said), "no {said}: {text}");
        }
        for element in [
            "<input id=\"search\"",
            "<select id=\"f-category\"",
            "<select id=\"weight-skeptic\"",
            "elementtiming=\"results\"",
            "<footer class=\"site-footer\"",
            "<div class=\"notices\">",
        ] {
            assert!(html.contains(element), "no {element}");
        }
        // In the page and hidden until they say something: the empty state and the
        // weights notice; "Show more" says 6 more.
        let tag = |class: &str| {
            let at = html.find(&format!("class=\"{class}\"")).expect(class);
            let start = html[..at].rfind('<').unwrap();
            let end = at + html[at..].find('>').unwrap();
            html[start..end].to_string()
        };
        assert!(tag("empty").contains(" hidden"), "{}", tag("empty"));
        assert!(tag("notice notice--weights").contains(" hidden"));
        assert!(!tag("button more").contains(" hidden"));
        // The first results, each line as the list draws it, its toggle pressable.
        let site = site();
        let plain = SearchIndex::new(&catalog);
        let found = browse_from(&catalog, &plain, &BrowseQuery::default(), PAGE, None);
        let href = |p: &str| with_base(&site.base, p);
        let lines = lines(&catalog, &plain, &found, false, &href, &|_| false);
        let list = html
            .split("<ul class=\"rows\">")
            .nth(1)
            .and_then(|l| l.split("</ul>").next())
            .expect("the list");
        assert_eq!(list.matches("<li ").count(), PAGE);
        assert_eq!(list.matches("aria-pressed=\"false\"").count(), PAGE);
        assert!(!list.contains("disabled"));
        for line in &lines {
            let link = format!(
                "<a href=\"{}\" class=\"row__name\">{}</a>",
                line.href, line.name
            );
            assert!(list.contains(&link), "no {link}");
        }
    }

    /// A line of home's list, as [`Row`](crate::app::components::rows::Row) draws it:
    /// the structure `rows::update` finds its parts by, every catalog string as text.
    #[test]
    fn a_line_shows_its_tool_and_nothing_from_its_data_runs() {
        use crate::app::components::rows::Row;
        use crate::domain::explore::listing::Line;
        let mut t = shipped().tools[0].clone();
        t.name = "<img src=x onerror=alert(1)>".into();
        t.tagline = "\"><script>alert(2)</script>".into();
        t.vendor = "a & b".into();
        t.slug = "x\" onclick=\"alert(3)".into();
        let verdict = crate::domain::panel::verdict::Tally::of(&t).verdict();
        let line = Line::new(&t, verdict, "/tool/\"x".into(), "1 <b>".into(), true);
        let html = render_at(&Route::Home, &site(), || view! { <Row line=line.clone()/> });
        for bad in ["<img", "<script", "onclick=\"", "<b>", "href=\"/tool/\"x"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("a &amp; b"), "{html}");
        let meta = format!("a &amp; b · {} · reviewed <time", t.category);
        assert!(html.contains(&meta), "{html}");
        let words = words(&html);
        assert!(
            html.contains(&format!("<time datetime=\"{0}\">{0}</time>", line.reviewed)),
            "{html}"
        );
        assert!(html.contains("aria-pressed=\"true\""), "{html}");
        assert!(words.contains("Bookmarked"), "{words}");
        assert_eq!(html.matches("<li").count(), 1);
    }

    /// The text of `html` without its tags, whitespace collapsed.
    fn words(html: &str) -> String {
        let mut out = String::new();
        let mut tag = false;
        for ch in html.chars() {
            match ch {
                '<' => tag = true,
                '>' => {
                    tag = false;
                    out.push(' ');
                }
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_comparison_is_the_whole_live_page() {
        let html = render(
            shipped(),
            "/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion",
        );
        let text = words(&html);
        // The head, for link previews.
        assert!(html.contains("<link rel=\"canonical\" href=\"https://example.github.io/ship-or-skip/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion\">"), "{html}");
        // Its share card, large, with its size and text alternative.
        let card = "https://example.github.io/ship-or-skip/cards/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion.png";
        for tag in [
            format!("<meta property=\"og:image\" content=\"{card}\">"),
            "<meta property=\"og:image:width\" content=\"1200\">".into(),
            "<meta property=\"og:image:height\" content=\"630\">".into(),
            "<meta property=\"og:image:alt\" content=\"Ship or Skip comparison. Mistral Medium 3 (72B Instruct): Ship, 75% panel ship (3 ship · 1 skip).".into(),
            "<meta name=\"twitter:card\" content=\"summary_large_image\">".into(),
            format!("<meta name=\"twitter:image\" content=\"{card}\">"),
            "<meta name=\"twitter:image:alt\" content=\"Ship or Skip comparison. ".into(),
        ] {
            assert!(html.contains(&tag), "no {tag}: {html}");
        }
        // A page without a card keeps the icon, small.
        let bookmarks = render(shipped(), "/bookmarks");
        assert!(bookmarks.contains("<meta name=\"twitter:card\" content=\"summary\">"));
        assert!(bookmarks.contains("icons/icon-512.png\">"), "{bookmarks}");
        assert!(!bookmarks.contains("og:image:alt"), "{bookmarks}");
        assert!(html.contains("<meta property=\"og:description\" content=\"Mistral Medium 3 (72B Instruct): Ship · 3 ship / 1 skip · 75%"), "{html}");
        // The page as the app draws it: cards, the whole decision table, the scorecard.
        assert_eq!(html.matches("<article ").count(), 2, "{html}");
        assert!(html.contains("class=\"card__description\""), "{html}");
        for row in [
            "Panel verdict",
            "Panel ship",
            "Average score",
            "Community",
            "Pricing",
            "Best for",
            "Category",
        ] {
            assert!(text.contains(&format!("{row} ")), "no {row} row: {text}");
        }
        assert!(text.contains("Ship · 3 ship / 1 skip"), "{text}");
        assert!(text.contains("88/100"), "{text}");
        assert!(text.contains("Which would you ship?"), "{text}");
        // Header and footer from the same components; links under the base.
        assert!(html.contains("class=\"site-header\""), "{html}");
        assert!(html.contains("class=\"site-footer\""), "{html}");
        assert!(
            html.contains("href=\"/ship-or-skip/reviewer/skeptic\""),
            "{html}"
        );
        // The link to copy is absolute.
        assert!(html.contains("https://example.github.io/ship-or-skip/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion"));
        assert!(html.contains("<div id=\"app\" data-prerendered data-islands=\"compare\">"));
        assert!(
            !html.contains("skeleton"),
            "the skeleton is replaced: {html}"
        );
    }

    #[test]
    fn the_readers_controls_wait_for_the_app() {
        let html = render(shipped(), "/tool/mistral-3b");
        for class in [
            "toggle bookmark-button",
            "toggle vote-button vote-button--ship",
            "theme-toggle",
        ] {
            let at = html
                .find(&format!("class=\"{class}\""))
                .unwrap_or_else(|| panic!("no {class}: {html}"));
            let start = html[..at].rfind('<').unwrap();
            let tag = &html[start..at + html[at..].find('>').unwrap()];
            assert!(
                tag.contains("disabled"),
                "{class} is live before the app: {tag}"
            );
        }
        assert!(html.contains("count count--pending"), "{html}");
        assert!(
            !html.contains("No bookmarks yet"),
            "the reader's bookmarks are unknown: {html}"
        );
    }

    /// A comparison's bookmarks panel says "Loading" until the page is live, then "No
    /// bookmarks yet" with no code run (CSS on `#app[data-live]`): the island is drawn only
    /// for a reader who has some. Its pick buttons take presses, which the islands do again.
    #[test]
    fn a_comparison_holds_the_empty_bookmarks_for_once_it_is_live() {
        let html = render(
            shipped(),
            "/compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion",
        );
        let panel = &html[html.find("bookmarks-panel").expect("the panel")..];
        let panel = &panel[..panel.find("</section>").unwrap()];
        assert!(
            panel.contains("<p class=\"muted until-live\">Loading bookmarks…</p>"),
            "{panel}"
        );
        assert!(
            panel.contains("<p class=\"empty when-live\"><strong>No bookmarks yet</strong>"),
            "{panel}"
        );
        let pick = &html[html
            .find("class=\"toggle pick-button\"")
            .expect("a pick button")..];
        assert!(
            !pick[..pick.find('>').unwrap()].contains("disabled"),
            "{pick}"
        );
    }

    #[test]
    fn tool_comparison_and_reviewer_pages_are_live_through_their_islands() {
        for (route, kind, some) in [
            (
                "/tool/mistral-3b",
                "tool",
                &[
                    "Header",
                    "Notices",
                    "BookmarkButton",
                    "VoteButtons",
                    "ShortcutKeys",
                ][..],
            ),
            (
                "/compare/mistral-3b-vs-openrouter-model-fusion",
                "compare",
                &[
                    "BookmarkButton",
                    "DecisionTable",
                    "WeightsPanel",
                    "BookmarksPanel",
                ][..],
            ),
        ] {
            let html = render(shipped(), route);
            assert!(html.contains(&format!(
                "<div id=\"app\" data-prerendered data-islands=\"{kind}\">"
            )));
            for island in some {
                assert!(
                    html.contains(&format!("<leptos-island data-component=\"{island}_")),
                    "{route}: no {island} island: {html}"
                );
            }
            // Each is one the page's islands module draws.
            for island in html.split("<leptos-island data-component=\"").skip(1) {
                let name = crate::app::islands::component(island.split('"').next().unwrap());
                assert!(crate::app::islands::draws(kind, name), "{route}: {name}");
            }
        }
        // Props travel as JSON in an attribute, escaped.
        let html = render(shipped(), "/tool/mistral-3b");
        assert!(html.contains("data-props=\"{&quot;slug&quot;:&quot;mistral-3b&quot;"));
        // An island inside an island is drawn by it: it has no wrapper of its own.
        let html = render(shipped(), "/compare/mistral-3b-vs-openrouter-model-fusion");
        let table = html.split("<table class=\"decision\">").nth(1).unwrap();
        let table = table.split("</table>").next().unwrap();
        assert!(table.contains("class=\"community\"") && !table.contains("leptos-island"));
        // The other pages are the app's, without islands' wrappers; nor has the shell's
        // header one.
        let bookmarks = render(shipped(), "/bookmarks");
        assert!(bookmarks.contains("<div id=\"app\" data-prerendered>"));
        assert!(!bookmarks.contains("leptos-island"));
        assert!(!header_html(&site()).contains("leptos-island"));
    }

    #[test]
    fn every_page_renders_its_own_figures() {
        let c = shipped();
        for page in pages(&c) {
            let html = render(c.clone(), &page.route);
            assert!(
                html.contains(&format!(
                    "<title>{}</title>",
                    page.title.replace('&', "&amp;")
                )),
                "{}",
                page.route
            );
            assert!(
                !html.contains("class=\"skeleton\""),
                "{}: {html}",
                page.route
            );
            assert!(!html.contains("load-error"), "{}: {html}", page.route);
            // Leptos' empty-view markers, written as valid comments.
            assert!(!html.contains("<!>"), "{}: {html}", page.route);
        }
        assert!(render(c.clone(), "/").contains("<!---->"));
        let reviewer = words(&render(c.clone(), "/reviewer/skeptic"));
        assert!(reviewer.contains("Skeptic"), "{reviewer}");
    }

    #[test]
    fn catalog_strings_are_escaped() {
        let mut c = shipped();
        c.tools[0].name = "<script>alert(1)</script>".into();
        c.tools[0].tagline = "\"><img src=x onerror=alert(1)>".into();
        c.tools[0].vendor = "a<!>b".into();
        let route = crate::domain::explore::routes::tool_path(&c.tools[0].slug);
        let html = render(c, &route);
        assert!(!html.contains("<script>alert"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        // So a `<!>` in the page is always a marker of Leptos' (`without_bogus_comments`).
        assert!(!html.contains("a<!>b"), "{html}");
    }
}
