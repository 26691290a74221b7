//! `catalog site DIST`: everything that turns Trunk's build into the site, in order.
//! Trunk's post_build hook runs it in its staging dir (Trunk.toml); it also runs on a
//! built dist/, and running it twice gives the same files.
//!
//! 0. In a release build, Trunk's stylesheet minified ([`minify_css`]).
//! 1. The app's wasm in chunks ([`split_app`]): the pages other than home, a split
//!    catalog's index code, the checks and the search picker (src/app/lazy.rs).
//! 2. The islands of each kind of prerendered page (home, a tool, a comparison, a
//!    reviewer), a module of its own without the app, each with a chunk of the islands
//!    it draws on need ([`module`]). Every module's glue is minified in a release build
//!    ([`minify`]).
//! 3. The page loader (src/loader.js) with this build's file names, into every page.
//! 4. 404.html: GitHub Pages answers unknown paths with it, so a copy of the app shell
//!    makes deep links such as /compare/a-vs-b-vs-c load the app.
//! 5. A static page per known route, sitemap.xml and robots.txt (`catalog pages`), for
//!    `SITE_URL` (scheme and host; default http://127.0.0.1:8080); the share cards of the
//!    tool pages and comparisons (cards.rs: rendered once, then from their cache); the
//!    open data and badges (`catalog opendata`) and the Atom feed, from the whole
//!    catalog; then a catalog of more than 500 tools is split (`catalog split`,
//!    docs/catalog.md).
//! 6. The served catalog's stamp in every page, when it is valid whole (`catalog stamp`).
//! 7. In a release build, a Content-Security-Policy in every page, with the hashes of
//!    its inline scripts.
//! 8. A build id, a hash of every built file, in every page, and sw.js: the service
//!    worker with the list of every file of this build to precache (not a split
//!    catalog's index and tool files, which the worker keeps as they are read, nor the
//!    badges and the CSV, which are for other sites and downloads, nor the share cards,
//!    which only link previews read).

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use sha2::{Digest, Sha256};
use ship_or_skip::domain::catalog::describe;

/// The loader's place in Trunk's index.html, and the start of the filled loader.
const LOADER_TAG: &str = "<script type=\"module\" data-loader>";
const LOADER: &str = include_str!("../../loader.js");
const WORKER: &str = include_str!("../../../sw/sw.js");

/// How the site is built: from the environment Trunk gives its hooks.
pub struct Build {
    pub dist: PathBuf,
    pub release: bool,
    /// Where Cargo put the wasm of the `ship-or-skip` and `islands` bins.
    pub wasm_dir: PathBuf,
    pub site_url: String,
    /// How many tool pages to prerender at most (`PRERENDER_TOOLS`: a number, or `all`).
    pub prerender_tools: usize,
    /// Where rendered share cards are kept between builds (`<target>/cards-cache`).
    pub cards_cache: PathBuf,
}

impl Build {
    /// `dist` as Trunk's hook sees it: `TRUNK_PROFILE`, `CARGO_TARGET_DIR`, `SITE_URL`.
    pub fn from_env(dist: &Path) -> Build {
        let release = std::env::var("TRUNK_PROFILE").map_or(true, |p| p == "release");
        let target = target_dir();
        Build {
            dist: dist.to_path_buf(),
            release,
            wasm_dir: target.join("wasm32-unknown-unknown").join(if release {
                "release"
            } else {
                "debug"
            }),
            site_url: std::env::var("SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into()),
            prerender_tools: prerender_tools(std::env::var("PRERENDER_TOOLS").ok().as_deref()),
            cards_cache: crate::cards::cache_dir(&target),
        }
    }
}

/// Cargo's target dir: `CARGO_TARGET_DIR`, or the repository's `target/`.
pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// `PRERENDER_TOOLS`: `all`, a number, or unset (the default limit). Anything else is
/// the default too, said on stderr: a typo must not fill a site with a million pages.
fn prerender_tools(var: Option<&str>) -> usize {
    use ship_or_skip::domain::prerender::PRERENDERED_TOOLS_MAX;
    match var.map(str::trim) {
        None | Some("") => PRERENDERED_TOOLS_MAX,
        Some("all") => usize::MAX,
        Some(n) => n.parse().unwrap_or_else(|_| {
            eprintln!("site: PRERENDER_TOOLS={n:?} is neither a number nor \"all\"; prerendering {PRERENDERED_TOOLS_MAX} tool pages at most");
            PRERENDERED_TOOLS_MAX
        }),
    }
}

/// The build's steps, top to bottom.
pub fn run(b: &Build) -> Result<(), String> {
    let dist = &b.dist;
    if b.release {
        minify_css(dist)?;
    }
    let app = split_app(b)?;
    // One islands module per kind of page (`app::islands::MODULES`), each with the
    // islands of that kind only: a tool page's is the bin's `islands` feature, another
    // kind's `islands-<kind>`.
    let mut islands = Vec::new();
    for (kind, _) in ship_or_skip::app::islands::MODULES {
        let feature = match kind {
            "tool" => "islands".to_string(),
            kind => format!("islands-{kind}"),
        };
        let out = format!("islands-{kind}");
        islands.push((kind, module(b, "islands", &out, &["--features", &feature])?));
    }
    let index = read(&dist.join("index.html"))?;
    let base = base_href(&index).ok_or("index.html: no <base href>")?;
    // A module's glue and wasm, under the public URL.
    let glue_and_wasm =
        |js: &str, wasm: &str| js_list(&[&(base.clone() + js), &(base.clone() + wasm)]);
    let chunks: Vec<&str> = app.pages_chunks.iter().map(String::as_str).collect();
    let islands: Vec<String> = islands
        .iter()
        .map(|(kind, (js, wasm))| format!("{}: [{}]", js_list(&[kind]), glue_and_wasm(js, wasm)))
        .collect();
    let loader = without_comment_lines(LOADER)
        .replace("'APP_JS', 'APP_WASM'", &glue_and_wasm(&app.js, &app.wasm))
        .replace("'PAGES_CHUNKS'", &js_list(&chunks))
        .replace("'ISLANDS': []", &islands.join(", "));
    // The shell's header is the app's, rendered (every page derives from the shell).
    let header = ship_or_skip::app::render::header_html(&ship_or_skip::app::render::Site {
        url: b.site_url.clone(),
        base: base.clone(),
    });
    for page in pages(dist)? {
        edit(&page, |html| {
            set_header(&set_loader(html, &loader)?, &header)
        })?;
    }
    // Trunk's index.html is the shell; once prerendered, 404.html keeps the shell.
    let index = read(&dist.join("index.html"))?;
    if !index.contains("<div id=\"app\" data-prerendered") {
        write(&dist.join("404.html"), &index)?;
    }

    // The whole catalog, read once for the pages, the open data, the feed and the split.
    let catalog = dist.join("catalog.json");
    let loaded = crate::cli::load(&catalog)?;
    let skipped = loaded.skipped.len();
    let whole = std::sync::Arc::new(loaded.catalog);
    println!(
        "site: {}",
        crate::cli::write_pages(
            dist,
            &whole,
            &loaded.skipped,
            (&b.site_url, &base),
            b.prerender_tools,
            &b.cards_cache
        )?
    );
    println!("site: {}", crate::cli::write_opendata(dist, &whole)?);
    use ship_or_skip::domain::publish::feed;
    write(
        &dist.join(feed::FILE),
        &feed::atom(&whole, &b.site_url, &base),
    )?;
    println!(
        "site: {}",
        crate::cli::write_split(
            &catalog.to_string_lossy(),
            &whole,
            skipped,
            dist,
            ship_or_skip::domain::catalog::split::SPLIT_ABOVE_TOOLS
        )?
    );

    let served = crate::cli::read(&catalog.to_string_lossy())?;
    let stamp = ship_or_skip::domain::catalog::stamp::stamp(&served).unwrap_or_default();
    let pages = pages(dist)?;
    for page in &pages {
        edit(page, |html| {
            let html = set_meta(html, "ship-or-skip-catalog", &stamp)?;
            let html = if b.release { csp(&html)? } else { html };
            // The id hashes every file but the worker, its own stamps set to one value.
            set_build(&set_meta(&html, "ship-or-skip-build", "dev")?, "dev")
        })?;
    }
    let files = files(dist)?;
    let mut all = Sha256::new();
    for f in &files {
        all.update(sha256_hex(
            &std::fs::read(dist.join(f)).map_err(|e| format!("{f}: {e}"))?,
        ));
        all.update(f.as_bytes());
    }
    let build = hex(&all.finalize())[..12].to_string();
    for page in &pages {
        edit(page, |html| {
            set_build(&set_meta(html, "ship-or-skip-build", &build)?, &build)
        })?;
    }
    // A split catalog's tool pages are kept as they are visited, like its tool files:
    // precaching 10,000 pages would fill every reader's disk with a site they browse a
    // few pages of.
    let split = files.iter().any(|f| f == "catalog-index.json");
    let on_visit: &[&str] = if split { &["tool/"] } else { &[] };
    let precached: Vec<&String> = files
        .iter()
        .filter(|f| {
            // The JSON Schema is for catalog editors' tools, not readers.
            !["catalog-index.json", describe::FILE].contains(&f.as_str())
                && ![
                    "tools/",
                    "badges/",
                    "data/",
                    ship_or_skip::domain::publish::card::DIR,
                ]
                .iter()
                .chain(on_visit)
                .any(|d| f.starts_with(d))
        })
        .collect();
    let mut sw = format!(
        "// Generated by `catalog site` from sw/sw.js: build {build}.\nconst BUILD = \"{build}\";\nconst ON_VISIT = {};\nconst FILES = [\n",
        serde_json::to_string(on_visit).map_err(|e| e.to_string())?
    );
    for f in &precached {
        sw += &format!(
            "  {},\n",
            serde_json::to_string(f).map_err(|e| e.to_string())?
        );
    }
    sw += "];\n";
    sw += WORKER;
    write(&dist.join("sw.js"), &sw)?;
    println!("site: build {build}, {} files precached", precached.len());
    Ok(())
}

/// The app's module once split.
struct App {
    /// Trunk's hashed names of the glue and the main module, kept.
    js: String,
    wasm: String,
    /// The pages chunk, then the shared chunks it loads first.
    pages_chunks: Vec<String>,
}

/// A module cut at its split points: the main module and its glue, and the chunks,
/// already in the dist under their hashed names.
struct Cut {
    /// The main module, optimized.
    wasm: Vec<u8>,
    /// Its glue, which imports `./__wasm_split.js` when there are chunks.
    glue: String,
    /// The chunks' loader, naming the chunks' hashed files, if there are chunks.
    loader: Option<String>,
}

/// Cuts Cargo's `wasm` at its split points (`wasm_split`, which Leptos re-exports), as
/// cargo-leptos does for Leptos' `#[lazy]`, which Trunk 0.21 cannot: `wasm-split-cli`
/// (the build links with `--emit-relocs`, .cargo/config.toml) gives the main module, the
/// `split_*` chunks, `chunk_N` (code two chunks need and the main module does not) and
/// the chunks' loader; `wasm-bindgen` the main module's glue, keeping the linker's
/// exports the chunks import; `wasm-opt -Oz` each module in a release build (index.html
/// turns Trunk's own wasm-opt off). A module without split points comes out whole:
/// the splitter then only drops the relocations. Each chunk goes to the dist as
/// `<prefix><chunk>-<hash of its content>.wasm`, so a browser never pairs a cached chunk
/// with another build's main module; `name` is the glue's, which the loader imports.
fn cut(b: &Build, wasm: &Path, name: &str, prefix: &str) -> Result<Cut, String> {
    let tmp = TempDir::new(name)?;
    run_tool(
        Command::new("wasm-split-cli")
            .arg(wasm)
            .arg(&tmp.0)
            .args(["--out-name", name]),
    )?;
    let split = tmp.0.join(format!("{name}.wasm"));
    drop_uncalled(b, &split)?;
    bindgen(&split, &tmp.0.join("bg"), name)?;
    let opt = tmp.0.join("opt.wasm");
    optimize(b, &tmp.0.join("bg").join(format!("{name}_bg.wasm")), &opt)?;
    let main = std::fs::read(&opt).map_err(|e| e.to_string())?;
    let glue = read(&tmp.0.join("bg").join(format!("{name}.js")))?;
    let chunks = names(&tmp.0, |n| {
        (n.starts_with("split_") || n.starts_with("chunk_")) && n.ends_with(".wasm")
    })?;
    if chunks.is_empty() {
        return Ok(Cut {
            wasm: main,
            glue,
            loader: None,
        });
    }
    let mut loader = read(&tmp.0.join("__wasm_split.js"))?;
    for part in chunks {
        let chunk = part.trim_end_matches(".wasm");
        optimize(b, &tmp.0.join(&part), &opt)?;
        let bytes = std::fs::read(&opt).map_err(|e| e.to_string())?;
        let hashed = format!("{prefix}{chunk}-{}.wasm", &sha256_hex(&bytes)[..16]);
        write_bytes(&b.dist.join(&hashed), &bytes)?;
        let from = format!("\"./{chunk}.wasm\"");
        if !loader.contains(&from) {
            return Err(format!("the chunks' loader does not name {chunk}.wasm"));
        }
        loader = loader.replace(&from, &format!("\"./{hashed}\""));
    }
    Ok(Cut {
        wasm: main,
        glue,
        loader: Some(loader),
    })
}

/// Writes the chunks' `loader` as `<prefix><hash of its content>.js`, importing the glue
/// `js`, and returns the glue importing it (the wasm's import object keeps the module
/// name it was linked with: only the import's path changes).
fn place_loader(
    b: &Build,
    glue: &str,
    loader: &str,
    name: &str,
    js: &str,
    prefix: &str,
) -> Result<String, String> {
    let loader = minify(
        b,
        &loader.replace(
            &format!("from \"./{name}.js\""),
            &format!("from \"./{js}\""),
        ),
    )?;
    let loader_name = format!("{prefix}{}.js", &sha256_hex(loader.as_bytes())[..16]);
    write(&b.dist.join(&loader_name), &loader)?;
    let from = "from \"./__wasm_split.js\"";
    if !glue.contains(from) {
        return Err(format!("{js} does not import the chunks' loader"));
    }
    Ok(glue.replace(from, &format!("from \"./{loader_name}\"")))
}

/// The app's module in chunks (src/app/lazy.rs): the main module and its glue replace
/// Trunk's two files under the same names; the chunks and their loader are named by a
/// hash of their content.
fn split_app(b: &Build) -> Result<App, String> {
    let dist = &b.dist;
    let glue: Vec<String> = names(dist, |n| {
        n.starts_with("ship-or-skip-") && n.ends_with(".js")
    })?;
    let [js] = glue.as_slice() else {
        return Err(format!(
            "expected one ship-or-skip-*.js in {}",
            dist.display()
        ));
    };
    let stem = js.trim_end_matches(".js").to_string();
    for old in names(dist, |n| {
        (n.starts_with("split_") || n.starts_with("chunk_")) && n.ends_with(".wasm")
            || n.starts_with("__wasm_split-")
    })? {
        remove(&dist.join(old))?;
    }
    let cut = cut(b, &b.wasm_dir.join("ship-or-skip.wasm"), &stem, "")?;
    write_bytes(&dist.join(format!("{stem}_bg.wasm")), &cut.wasm)?;
    let loader = cut
        .loader
        .ok_or("the app has no chunks (src/app/lazy.rs)")?;
    let hashed_chunk = |name: &str| -> Result<String, String> {
        names(dist, |n| {
            n.starts_with(&format!("{name}-")) && n.ends_with(".wasm")
        })?
        .pop()
        .ok_or_else(|| format!("no {name} chunk (src/app/lazy.rs)"))
    };
    // The pages chunk, then the shared chunks it loads first (`makeLoad(…, [__chunk_N])`).
    let mut pages_chunks = vec![hashed_chunk("split_pages")?];
    let pages_load = loader
        .split("__wasm_split_load_pages = ")
        .nth(1)
        .and_then(|rest| rest.split("\n, [").nth(1))
        .and_then(|deps| deps.split(']').next())
        .unwrap_or_default()
        .to_string();
    for dep in pages_load
        .split(',')
        .map(str::trim)
        .filter(|d| d.starts_with("__chunk_"))
    {
        pages_chunks.push(hashed_chunk(dep.trim_start_matches("__"))?);
    }
    let glue = place_loader(b, &cut.glue, &loader, &stem, js, "__wasm_split-")?;
    write(&dist.join(js), &minify(b, &glue)?)?;
    println!("site: {stem}_bg.wasm, chunks {}", pages_chunks.join(" "));
    Ok(App {
        js: js.clone(),
        wasm: format!("{stem}_bg.wasm"),
        pages_chunks,
    })
}

/// Builds a module of its own, the bin `name` with Cargo's `args`, as the files `out`:
/// the islands of a kind of prerendered page (`islands`, src/bin/islands.rs). Cargo
/// builds it for wasm in the build's profile, then it is [`cut`] (an islands module has a
/// chunk), and its files are named by a hash of their content. Returns (glue, wasm).
fn module(b: &Build, name: &str, out: &str, args: &[&str]) -> Result<(String, String), String> {
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo.current_dir(env!("CARGO_MANIFEST_DIR")).args([
        "build",
        "--locked",
        "--offline",
        "--quiet",
        "--target",
        "wasm32-unknown-unknown",
        "--bin",
        name,
    ]);
    cargo.args(args);
    if b.release {
        cargo.arg("--release");
    }
    run_tool(&mut cargo)?;
    let prefix = format!("{out}-");
    for old in names(&b.dist, |n| n.starts_with(&prefix))? {
        remove(&b.dist.join(old))?;
    }
    let cut = cut(b, &b.wasm_dir.join(format!("{name}.wasm")), out, &prefix)?;
    // The chunks' names are in their loader, and the glue is hashed as served (minified
    // or not): one hash names the build of every file.
    let mut all = cut.wasm.clone();
    all.extend_from_slice(minify(b, &cut.glue)?.as_bytes());
    all.extend_from_slice(cut.loader.as_deref().unwrap_or_default().as_bytes());
    let stem = format!("{out}-{}", &sha256_hex(&all)[..16]);
    let js = format!("{stem}.js");
    let glue = match &cut.loader {
        Some(loader) => place_loader(b, &cut.glue, loader, out, &js, &format!("{prefix}split-"))?,
        None => cut.glue,
    };
    write_bytes(&b.dist.join(format!("{stem}_bg.wasm")), &cut.wasm)?;
    write(&b.dist.join(&js), &minify(b, &glue)?)?;
    println!("site: {js}, {stem}_bg.wasm");
    Ok((js, format!("{stem}_bg.wasm")))
}

fn bindgen(wasm: &Path, out: &Path, name: &str) -> Result<(), String> {
    run_tool(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-lld-exports",
                "--out-dir",
            ])
            .arg(out)
            .args(["--out-name", name])
            .arg(wasm),
    )
}

/// The exports no page calls: `wasm-streams` (through Leptos' server functions, which a
/// static site has none of) exports its stream adapters to JavaScript, and an export is
/// kept with all it reaches. Removed before wasm-bindgen, they take 1.3 KB of gzip of
/// wasm with them from each Leptos module, and the glue drops the imports only they
/// used (0.35 KB; docs/size.md).
const UNCALLED_EXPORTS: &str = "*intounderlying*";

/// [`UNCALLED_EXPORTS`] removed from the module at `wasm`, in a release build.
fn drop_uncalled(b: &Build, wasm: &Path) -> Result<(), String> {
    if !b.release {
        return Ok(());
    }
    run_tool(
        Command::new("wasm-opt")
            .arg("--remove-exports")
            .arg(format!("--pass-arg=remove-exports@{UNCALLED_EXPORTS}"))
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
    )
}

/// `wasm-opt -Oz` in a release build; a copy otherwise.
fn optimize(b: &Build, from: &Path, to: &Path) -> Result<(), String> {
    if b.release {
        run_tool(
            Command::new("wasm-opt")
                .arg("-Oz")
                .arg(from)
                .arg("-o")
                .arg(to),
        )
    } else {
        std::fs::copy(from, to)
            .map(|_| ())
            .map_err(|e| format!("{}: {e}", to.display()))
    }
}

/// Trunk's stylesheet minified by esbuild (1.0 KB of gzip less on every page), and its
/// subresource integrity in the shell, which every page is made from, to match.
fn minify_css(dist: &Path) -> Result<(), String> {
    let integrity = |css: &str| {
        let hash = sha2::Sha384::digest(css.as_bytes());
        format!(
            "sha384-{}",
            base64::engine::general_purpose::STANDARD.encode(hash)
        )
    };
    for name in names(dist, |n| n.ends_with(".css"))? {
        let path = dist.join(&name);
        let css = read(&path)?;
        let small = esbuild(&css, "css")?;
        write(&path, &small)?;
        edit(&dist.join("index.html"), |html| {
            Ok(html.replace(&integrity(&css), &integrity(&small)))
        })?;
    }
    Ok(())
}

/// JavaScript as served: minified by esbuild in a release build (wasm-bindgen's glue
/// keeps its names and comments: 2.2 KB of gzip less for each islands module,
/// docs/size.md). Exported names stay, so the chunks' loader still finds the glue's.
fn minify(b: &Build, js: &str) -> Result<String, String> {
    if b.release {
        esbuild(js, "js")
    } else {
        Ok(js.to_string())
    }
}

/// `text` through `esbuild --minify` with the `loader` for its kind ("js", "css").
fn esbuild(text: &str, loader: &str) -> Result<String, String> {
    use std::io::Write as _;
    let mut child = Command::new("esbuild")
        .args(["--minify", "--format=esm", &format!("--loader={loader}")])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("esbuild (npm, scripts/setup.sh): {e}"))?;
    child
        .stdin
        .take()
        .ok_or("esbuild: no stdin")?
        .write_all(text.as_bytes())
        .map_err(|e| format!("esbuild: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("esbuild: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "esbuild failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("esbuild: {e}"))
}

/// Runs a tool, quiet unless it fails (wasm-opt warns about a name subsection the
/// splitter writes).
fn run_tool(cmd: &mut Command) -> Result<(), String> {
    let out = cmd
        .output()
        .map_err(|e| format!("{}: {e}", cmd.get_program().to_string_lossy()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} failed ({}): {}",
            cmd.get_program().to_string_lossy(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A JavaScript array of strings.
fn js_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| serde_json::to_string(s).unwrap_or_default())
        .collect();
    quoted.join(", ")
}

/// The loader as every page carries it: without the lines that are only a comment, which
/// src/loader.js keeps for its readers (1.5 KB of each page's HTML, 0.6 KB gzip). Its
/// strings hold no `//` at a line's start.
fn without_comment_lines(js: &str) -> String {
    js.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Puts `loader` in the page's loader script (Trunk's empty one, or a previous build's).
fn set_loader(html: &str, loader: &str) -> Result<String, String> {
    let start = html.find(LOADER_TAG).ok_or("no loader script")?;
    let body = start + LOADER_TAG.len();
    let end = body
        + html[body..]
            .find("</script>")
            .ok_or("no end of the loader script")?;
    Ok(format!("{}{loader}{}", &html[..body], &html[end..]))
}

/// Puts `header` in place of the page's `<header class="site-header">` element.
fn set_header(html: &str, header: &str) -> Result<String, String> {
    let start = html
        .find("<header class=\"site-header\"")
        .ok_or("no site header")?;
    let end = start
        + html[start..]
            .find("</header>")
            .ok_or("no end of the site header")?;
    Ok(format!(
        "{}{header}{}",
        &html[..start],
        &html[end + "</header>".len()..]
    ))
}

/// `content` of `<meta name="{name}">`.
fn set_meta(html: &str, name: &str, value: &str) -> Result<String, String> {
    let tag = format!("<meta name=\"{name}\" content=\"");
    let start = html.find(&tag).ok_or_else(|| format!("no {name} meta"))? + tag.len();
    let end = start + html[start..].find('"').ok_or("unterminated meta")?;
    Ok(format!("{}{value}{}", &html[..start], &html[end..]))
}

/// The build id in the footer a page was rendered with (`<code class="build">`), if it
/// has one: a tool page's footer is the build's, not redrawn by the app.
fn set_build(html: &str, id: &str) -> Result<String, String> {
    const TAG: &str = "<code class=\"build\">";
    let Some(start) = html.find(TAG).map(|s| s + TAG.len()) else {
        return Ok(html.to_string());
    };
    let end = start
        + html[start..]
            .find("</code>")
            .ok_or("unterminated build id")?;
    Ok(format!("{}{id}{}", &html[..start], &html[end..]))
}

const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
const CHARSET: &str = "<meta charset=\"utf-8\">";

/// A Content-Security-Policy right after the charset (a policy only covers what comes
/// after it). The inline scripts (the reader's theme before the first paint, the page
/// loader) are allowed by their sha256 hashes, so the policy needs no 'unsafe-inline'.
fn csp(html: &str) -> Result<String, String> {
    let mut html = html.to_string();
    if let Some(start) = html.find(CSP_META) {
        let end = start + html[start..].find('>').ok_or("unterminated CSP")? + 1;
        let line = html[..start].rfind('\n').unwrap_or(start);
        html.replace_range(line..end, "");
    }
    let mut hashes = std::collections::BTreeSet::new();
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<script") {
        let open_end = at + rest[at..].find('>').ok_or("unterminated script")?;
        let close = open_end
            + rest[open_end..]
                .find("</script>")
                .ok_or("unclosed script")?;
        if !rest[at..open_end].contains("src=") {
            let digest = Sha256::digest(&rest.as_bytes()[open_end + 1..close]);
            hashes.insert(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[close..];
    }
    let hashes: Vec<String> = hashes.into_iter().collect();
    let policy = [
        "default-src 'self'".to_string(),
        // wasm-unsafe-eval: WebAssembly.instantiate; nothing else is evaluated.
        format!("script-src 'self' 'wasm-unsafe-eval' {}", hashes.join(" ")),
        "style-src 'self'".into(),
        "img-src 'self'".into(),
        "connect-src 'self'".into(),
        "worker-src 'self'".into(),
        "manifest-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'self'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ");
    if !html.contains(CHARSET) {
        return Err(format!("no {CHARSET}"));
    }
    Ok(html.replacen(CHARSET, &format!("{CHARSET}\n  {CSP_META}{policy}\">"), 1))
}

/// `<base href="…">` of a built page.
fn base_href(html: &str) -> Option<String> {
    let tag = "<base href=\"";
    let start = html.find(tag)? + tag.len();
    Some(html[start..start + html[start..].find('"')?].to_string())
}

/// Every file under `dist`, relative, sorted, but sw.js.
fn files(dist: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut dirs = vec![dist.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(rel) = path.strip_prefix(dist) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel != "sw.js" {
                    out.push(rel);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Every HTML page of the build.
fn pages(dist: &Path) -> Result<Vec<PathBuf>, String> {
    Ok(files(dist)?
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| dist.join(f))
        .collect())
}

/// The names of the files directly in `dir` that `keep` takes, sorted.
fn names(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| keep(n))
        .collect();
    out.sort();
    Ok(out)
}

fn edit(path: &Path, f: impl FnOnce(&str) -> Result<String, String>) -> Result<(), String> {
    let html = read(path)?;
    let new = f(&html).map_err(|e| format!("{}: {e}", path.display()))?;
    if new != html {
        write(path, &new)?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn remove(path: &Path) -> Result<(), String> {
    std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A directory removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(what: &str) -> Result<TempDir, String> {
        let dir = std::env::temp_dir().join(format!("ship-or-skip-{what}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_carry_the_loader_without_its_comment_lines() {
        let js = "// says why\nconst a = 1; // stays\n  // indented\ngo(a);\n";
        assert_eq!(without_comment_lines(js), "const a = 1; // stays\ngo(a);");
        let loader = without_comment_lines(LOADER);
        let code = |s: &str| {
            s.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .count()
        };
        assert_eq!(code(&loader), code(LOADER));
        assert!(loader.len() < LOADER.len() * 3 / 4, "{}", loader.len());
        for placeholder in ["'APP_JS', 'APP_WASM'", "'PAGES_CHUNKS'", "'ISLANDS': []"] {
            assert!(loader.contains(placeholder), "{placeholder}");
        }
    }

    #[test]
    fn the_loader_is_filled_in_place_and_again() {
        let page = "<head><script type=\"module\" data-loader></script></head>";
        let once = set_loader(page, "go(1)").unwrap();
        assert_eq!(
            once,
            "<head><script type=\"module\" data-loader>go(1)</script></head>"
        );
        let twice = set_loader(&once, "go(2)").unwrap();
        assert_eq!(
            twice,
            "<head><script type=\"module\" data-loader>go(2)</script></head>"
        );
        assert!(set_loader("<head></head>", "x").is_err());
    }

    #[test]
    fn the_policy_hashes_inline_scripts_only_and_replaces_itself() {
        let page = "<head>\n  <meta charset=\"utf-8\">\n  <script>a()</script><script src=\"x.js\"></script></head>";
        let once = csp(page).unwrap();
        // sha256("a()"), base64.
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a()"));
        assert!(
            once.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';"
            )),
            "{once}"
        );
        assert_eq!(once.matches("sha256-").count(), 1, "{once}");
        assert_eq!(
            csp(&once).unwrap(),
            once,
            "running it twice changes nothing"
        );
    }

    #[test]
    fn the_header_is_replaced_whole_and_again() {
        let page = "<div><header class=\"site-header\"></header><main></main></div>";
        let once = set_header(page, "<header class=\"site-header\"><a>S</a></header>").unwrap();
        assert_eq!(
            once,
            "<div><header class=\"site-header\"><a>S</a></header><main></main></div>"
        );
        assert_eq!(
            set_header(&once, "<header class=\"site-header\"><a>S</a></header>").unwrap(),
            once
        );
        assert!(set_header("<main></main>", "x").is_err());
    }

    #[test]
    fn a_meta_is_set_whatever_it_held() {
        let page = "<meta name=\"ship-or-skip-build\" content=\"dev\">";
        let set = set_meta(page, "ship-or-skip-build", "abc").unwrap();
        assert_eq!(set, "<meta name=\"ship-or-skip-build\" content=\"abc\">");
        assert!(set_meta(page, "other", "x").is_err());
    }

    #[test]
    fn the_footers_build_id_is_set_where_there_is_one() {
        let page = "<p>Build <code class=\"build\">dev</code></p>";
        let set = set_build(page, "abc").unwrap();
        assert_eq!(set, "<p>Build <code class=\"build\">abc</code></p>");
        assert_eq!(set_build(&set, "def").unwrap(), page.replace("dev", "def"));
        assert_eq!(set_build("<p></p>", "abc").unwrap(), "<p></p>");
    }
}
