//! The installable-site files: the web app manifest and its icons, and the service
//! worker's precache list and the page loader as `catalog site` wrote them into the e2e
//! build.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;

use support::files_under;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn manifest_names_the_app_and_every_icon_exists_at_its_size() {
    let text = std::fs::read_to_string(root().join("public/manifest.webmanifest")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(m["name"], "Ship or Skip");
    // Relative, so the same file works at `/` and under a GitHub Pages sub-path.
    for key in ["start_url", "scope", "id"] {
        assert_eq!(m[key], "./", "{key}");
    }
    assert_eq!(m["display"], "standalone");
    let icons = m["icons"].as_array().unwrap();
    let mut png_sizes = Vec::new();
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        assert!(!src.starts_with('/'), "{src} must be relative");
        let bytes = std::fs::read(root().join("public").join(src)).unwrap();
        match icon["type"].as_str().unwrap() {
            "image/png" => {
                let (w, h) = png_size(&bytes);
                assert_eq!(icon["sizes"], format!("{w}x{h}"), "{src}");
                png_sizes.push((w, icon["purpose"].as_str().unwrap().to_string()));
            }
            "image/svg+xml" => assert!(String::from_utf8(bytes).unwrap().contains("<svg")),
            other => panic!("unexpected icon type {other}"),
        }
    }
    // What installability asks for: 192 and 512 PNGs, and a maskable one.
    assert!(png_sizes.iter().any(|(w, _)| *w == 192));
    assert!(png_sizes.iter().any(|(w, _)| *w == 512));
    assert!(png_sizes.iter().any(|(_, p)| p == "maskable"));
    let index = std::fs::read_to_string(root().join("index.html")).unwrap();
    assert!(index.contains(r#"<link rel="manifest" href="manifest.webmanifest">"#));
    assert!(index.contains(r#"<meta name="ship-or-skip-build" content="dev">"#));
}

/// The precache list is every file of the real build but the worker itself, the
/// open-data files (badges and the CSV, one per tool, for other sites and downloads) and
/// the share cards (for link previews): none missing, none that is not there. Checked on
/// the e2e build (`make test` builds it).
#[test]
fn service_worker_precaches_exactly_the_built_files() {
    let dist = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let sw = std::fs::read_to_string(dist.join("sw.js"))
        .unwrap_or_else(|e| panic!("no sw.js in {} ({e}): run `make e2e-dist`", dist.display()));
    let list = sw
        .split("const FILES = [")
        .nth(1)
        .and_then(|r| r.split("];").next())
        .expect("FILES list");
    let mut listed: Vec<String> = list
        .lines()
        .filter_map(|l| l.trim().strip_suffix(','))
        .map(|l| l.trim_matches('"').to_string())
        .collect();
    let mut built = Vec::new();
    files_under(&dist, "", &mut built);
    let open_data = |f: &String| {
        f.starts_with("badges/")
            || f.starts_with("data/")
            || f.starts_with("cards/")
            || f == "catalog.schema.json"
    };
    // The open data is built (one badge per tool), and kept out of the precache; so are
    // the share cards (one per tool page and comparison) and the catalog's JSON Schema.
    assert!(built.iter().any(|f| f == "catalog.schema.json"));
    assert_eq!(built.iter().filter(|f| f.starts_with("badges/")).count(), 6);
    assert!(built.iter().filter(|f| f.starts_with("cards/")).count() > 6);
    assert!(built.iter().any(|f| f == "data/ship-or-skip-tools.csv"));
    built.retain(|f| f != "sw.js" && !open_data(f));
    listed.sort();
    built.sort();
    assert_eq!(listed, built);
    assert!(built.iter().any(|f| f.ends_with("_bg.wasm")));
    assert!(!listed.iter().any(open_data));
    // The build id is the one stamped into the shell and its 404 copy.
    let id = sw
        .split("const BUILD = \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap();
    assert_eq!(id.len(), 12);
    for page in ["index.html", "404.html"] {
        let html = std::fs::read_to_string(dist.join(page)).unwrap();
        assert!(
            html.contains(&format!(
                r#"<meta name="ship-or-skip-build" content="{id}">"#
            )),
            "{page} is not stamped with build {id}"
        );
    }
}

/// The build writes the feed from the catalog it ships (`catalog feed` in the post-build
/// hook), so it can never be stale.
#[test]
fn the_built_feed_is_the_shipped_catalogs() {
    let dist = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let feed = std::fs::read_to_string(dist.join("feed.xml")).expect("dist/feed.xml");
    let catalog = ship_or_skip::domain::catalog::validate::load(
        &std::fs::read_to_string(root().join("public/catalog.json")).unwrap(),
    )
    .unwrap()
    .catalog;
    // The e2e build's origin (`SITE_URL` unset) and base.
    let expected =
        ship_or_skip::domain::publish::feed::atom(&catalog, "http://127.0.0.1:8080", support::BASE);
    assert_eq!(feed, expected);
}

/// Every module the built scripts import is a file of the build (`catalog site` renames
/// the chunks' loader and rewrites every import of it), and every page's loader names
/// files of the build.
#[test]
fn every_import_and_every_loaded_file_is_built() {
    let root = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let mut files = Vec::new();
    files_under(&root, "", &mut files);
    for js in files.iter().filter(|f| f.ends_with(".js") && *f != "sw.js") {
        let text = std::fs::read_to_string(root.join(js)).unwrap();
        // Minified, an import reads `from"./…"`.
        for import in text.replace("from \"", "from\"").split("from\"./").skip(1) {
            let name = import.split('"').next().unwrap();
            assert!(
                root.join(name).is_file(),
                "{js} imports ./{name}, not built"
            );
        }
    }
    let index = std::fs::read_to_string(root.join("index.html")).unwrap();
    let loader = index
        .split("<script type=\"module\" data-loader>")
        .nth(1)
        .and_then(|l| l.split("</script>").next())
        .expect("index.html has the page loader");
    let mut named = 0;
    for quoted in loader.split('"').skip(1).step_by(2) {
        if quoted.ends_with(".js") || quoted.ends_with(".wasm") {
            let file = quoted.rsplit('/').next().unwrap();
            assert!(
                root.join(file).is_file(),
                "the loader names {quoted}, not built"
            );
            named += 1;
        }
    }
    // The app's glue and wasm, the pages chunk, and each islands module's glue and wasm
    // (home's, a tool page's, a comparison's, a reviewer page's).
    assert!(named >= 11, "{loader}");
}

/// Every page's stylesheet is the built one, as its subresource integrity says
/// (`catalog site` minifies Trunk's and sets the shell's integrity to match): a browser
/// refuses a stylesheet whose hash differs.
#[test]
fn every_pages_stylesheet_matches_its_integrity() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let root = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let mut files = Vec::new();
    files_under(&root, "", &mut files);
    let mut checked = 0;
    for page in files.iter().filter(|f| f.ends_with(".html")) {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        let link = html
            .split("<link rel=\"stylesheet\"")
            .nth(1)
            .and_then(|l| l.split('>').next())
            .unwrap_or_else(|| panic!("{page} links no stylesheet"));
        let attr = |name: &str| {
            link.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|v| v.split('"').next())
        };
        let href = attr("href").unwrap_or_else(|| panic!("{page}: {link}"));
        let css = std::fs::read(root.join(href.rsplit('/').next().unwrap())).unwrap();
        let want = format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(&css))
        );
        assert_eq!(attr("integrity"), Some(want.as_str()), "{page}");
        checked += 1;
    }
    assert!(checked > 10, "{checked} pages");
}

/// No module exports what no page calls (`catalog site`'s `UNCALLED_EXPORTS`): the
/// stream adapters `wasm-streams` exports through Leptos are gone from every module.
#[test]
fn no_module_exports_the_stream_adapters() {
    let root = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let mut files = Vec::new();
    files_under(&root, "", &mut files);
    let modules: Vec<&String> = files.iter().filter(|f| f.ends_with(".wasm")).collect();
    // The app, its chunks, and four islands modules.
    assert!(modules.len() >= 6, "{modules:?}");
    for wasm in modules {
        let bytes = std::fs::read(root.join(wasm)).unwrap();
        assert!(
            !bytes.windows(14).any(|w| w == b"intounderlying"),
            "{wasm} still exports the stream adapters"
        );
    }
}

/// The app shell's header is the app's `Header` rendered by the build (its links carry
/// the base, its count waits for the reader's bookmarks), and home's static page has it.
#[test]
fn the_shells_header_is_the_apps() {
    let root = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    for page in ["404.html", "index.html"] {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        let header = html
            .split("<header class=\"site-header\">")
            .nth(1)
            .and_then(|h| h.split("</header>").next())
            .unwrap_or_else(|| panic!("{page}: no site header"));
        assert!(
            header.contains("href=\"/ship-or-skip/bookmarks\""),
            "{page}: {header}"
        );
        assert!(header.contains("count count--pending"), "{page}: {header}");
        assert!(
            header.contains("disabled"),
            "{page}: the theme toggle waits: {header}"
        );
    }
}

/// Every island a page live through its islands names is one its kind's islands module
/// draws (`app::islands::MODULES`), and that module is built; tool pages, comparisons
/// and reviewer pages are such pages, with their reader controls among their islands. The shell names no
/// island: nothing draws it live.
#[test]
fn every_island_of_a_page_is_one_its_islands_module_draws() {
    use ship_or_skip::app::islands::{component, draws, MODULES};
    let root = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let mut files = Vec::new();
    files_under(&root, "", &mut files);
    for (kind, _) in MODULES {
        assert!(
            files
                .iter()
                .any(|f| f.starts_with(&format!("islands-{kind}-")) && f.ends_with("_bg.wasm")),
            "no islands module for {kind} pages"
        );
    }
    let mut live = std::collections::BTreeMap::new();
    for page in files.iter().filter(|f| f.ends_with(".html")) {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        let islands: Vec<&str> = html
            .split("<leptos-island data-component=\"")
            .skip(1)
            .map(|s| component(s.split('"').next().unwrap()))
            .collect();
        let kind = html
            .split("<div id=\"app\" data-prerendered data-islands=\"")
            .nth(1)
            .and_then(|s| s.split('"').next());
        if let Some(kind) = kind {
            *live.entry(kind.to_string()).or_insert(0) += 1;
            for island in &islands {
                assert!(
                    draws(kind, island),
                    "{page} names the island {island}, which the {kind} islands module does not draw"
                );
            }
            for island in ["Header", "Notices", "ShortcutKeys"] {
                assert!(islands.contains(&island), "{page}: no {island} island");
            }
            if kind == "home" {
                for island in ["Browse", "BookmarksPanel"] {
                    assert!(islands.contains(&island), "{page}: no {island} island");
                }
            } else if kind != "reviewer" {
                for island in ["BookmarkButton", "VoteButtons"] {
                    assert!(islands.contains(&island), "{page}: no {island} island");
                }
            }
        }
        if page.starts_with("tool/") {
            assert_eq!(kind, Some("tool"), "{page}");
        }
        if page.starts_with("compare/") {
            assert_eq!(kind, Some("compare"), "{page}");
        }
        if page.starts_with("reviewer/") {
            assert_eq!(kind, Some("reviewer"), "{page}");
        }
        if page == "index.html" {
            assert_eq!(kind, Some("home"), "{page}");
        }
        // The app's shell: the app draws it, and no islands module.
        if page == "404.html" {
            assert!(islands.is_empty(), "{page}: {islands:?}");
        }
    }
    assert_eq!(live.get("home"), Some(&1));
    assert_eq!(live.get("tool"), Some(&6));
    assert_eq!(live.get("compare"), Some(&5));
    assert_eq!(live.get("reviewer"), Some(&5));
}

/// `content` of the page's `<meta {attr}="{name}">`, if it has one.
fn meta<'a>(html: &'a str, attr: &str, name: &str) -> Option<&'a str> {
    let tag = format!("<meta {attr}=\"{name}\" content=\"");
    let start = html.find(&tag)? + tag.len();
    Some(&html[start..start + html[start..].find('"')?])
}

/// Every prerendered tool page and comparison shows its own share card in link
/// previews: `og:image` is a 1200×630 PNG of the build, with its size and a text
/// alternative naming the tools and their verdicts, and a large Twitter card. The other
/// pages keep the icon, small.
#[test]
fn every_tool_page_and_comparison_has_its_share_card() {
    use ship_or_skip::domain::base::escape::xml_escape;
    use ship_or_skip::domain::panel::verdict::Tally;
    let dist = root().join(std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into()));
    let json = std::fs::read_to_string(root().join("public/catalog.json")).unwrap();
    let catalog = ship_or_skip::domain::catalog::validate::load(&json)
        .unwrap()
        .catalog;
    let mut cards = std::collections::BTreeSet::new();
    for page in ship_or_skip::domain::prerender::pages(&catalog) {
        let html = std::fs::read_to_string(dist.join(&page.file))
            .unwrap_or_else(|e| panic!("{} ({e}): run `make e2e-dist`", page.file));
        let f = &page.file;
        let og = |name| meta(&html, "property", name);
        let twitter = |name| meta(&html, "name", name);
        let slugs: Vec<&str> = match page
            .route
            .split_once('/')
            .map(|(_, r)| r)
            .and_then(|r| r.split_once('/'))
        {
            Some(("tool", slug)) => vec![slug],
            Some(("compare", pair)) => pair.split("-vs-").collect(),
            _ => {
                assert!(
                    og("og:image").unwrap().ends_with("/icons/icon-512.png"),
                    "{f}"
                );
                assert_eq!(twitter("twitter:card"), Some("summary"), "{f}");
                assert_eq!(og("og:image:alt"), None, "{f}");
                continue;
            }
        };
        // The card's address: under the page's origin and base, as its canonical URL.
        let tag = "<link rel=\"canonical\" href=\"";
        let at = html.find(tag).unwrap() + tag.len();
        let canonical = &html[at..at + html[at..].find('"').unwrap()];
        let base = canonical
            .strip_suffix(page.route.trim_start_matches('/'))
            .unwrap();
        let image = og("og:image").unwrap_or_else(|| panic!("{f}: no og:image"));
        let file = image
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{f}: {image}"));
        assert!(
            file.starts_with("cards/") && file.ends_with(".png"),
            "{f}: {image}"
        );
        assert!(
            cards.insert(file.to_string()),
            "{f}: {file} is another page's card"
        );
        assert_eq!(og("og:image:width"), Some("1200"), "{f}");
        assert_eq!(og("og:image:height"), Some("630"), "{f}");
        assert_eq!(twitter("twitter:card"), Some("summary_large_image"), "{f}");
        assert_eq!(twitter("twitter:image"), Some(image), "{f}");
        let alt = og("og:image:alt").unwrap_or_else(|| panic!("{f}: no og:image:alt"));
        assert_eq!(twitter("twitter:image:alt"), Some(alt), "{f}");
        for slug in slugs {
            let tool = catalog.tool(slug).unwrap();
            let said = format!(
                "{}: {}",
                xml_escape(&tool.name),
                Tally::of(tool).verdict().label()
            );
            assert!(alt.contains(&said), "{f}: {alt} does not say {said}");
        }
        let png = std::fs::read(dist.join(file)).unwrap_or_else(|e| panic!("{f}: {file}: {e}"));
        assert_eq!(png_size(&png), (1200, 630), "{file}");
    }
    assert_eq!(cards.len(), catalog.tools.len() + catalog.comparisons.len());
    // A card is not blank: the background, the names' colour, a verdict's colour, and
    // the anti-aliased edges between them.
    let first = cards.iter().next().unwrap();
    let bytes = std::fs::read(dist.join(first)).unwrap();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // Any PNG colour type, as RGB(A) bytes.
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((frame.width, frame.height), (1200, 630), "{first}");
    let colours: std::collections::BTreeSet<&[u8]> = pixels[..frame.buffer_size()]
        .chunks(frame.color_type.samples())
        .map(|p| &p[..3])
        .collect();
    assert!(colours.len() > 50, "{first}: {} colours", colours.len());
    for want in [[0xf7, 0xf7, 0xf5], [0x1b, 0x1d, 0x21], [0xff, 0xff, 0xff]] {
        assert!(colours.contains(&want[..]), "{first}: no {want:02x?}");
    }
    let verdicts: [[u8; 3]; 4] = [
        [0x13, 0x6f, 0x3a],
        [0xa4, 0x23, 0x1f],
        [0x7a, 0x54, 0x00],
        [0x58, 0x5e, 0x68],
    ];
    assert!(
        verdicts.iter().any(|v| colours.contains(&v[..])),
        "{first}: no verdict colour"
    );
}
