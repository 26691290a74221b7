//! The command line: one function per command.

use std::process::ExitCode;

use ship_or_skip::app::render;
use ship_or_skip::domain::catalog::model::Catalog;
use ship_or_skip::domain::{
    catalog::{guard, jsonpos, split as splitting, stamp, synth, validate},
    prerender,
    publish::feed,
};

const USAGE: &str = "usage:
  catalog check FILE
  catalog generate --tools N [--seed S]
  catalog feed FILE --site-url URL --base PATH
  catalog pages DIST --site-url URL --base PATH
  catalog split FILE DIR [--above N]
  catalog opendata DIST
  catalog stamp FILE
  catalog schema [FILE]
  catalog site [DIST]";

/// Runs the command line.
pub(crate) fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() == 2 => check(&args[1]),
        Some("generate") => generate(&args[1..]),
        Some("pages") if args.len() == 6 => pages(&args[1..]),
        Some("opendata") if args.len() == 2 => opendata(std::path::Path::new(&args[1])),
        Some("site") if args.len() <= 2 => {
            // Trunk's hook names its staging dir in the environment.
            let Some(dist) = args
                .get(1)
                .cloned()
                .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
            else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let build = crate::site::Build::from_env(std::path::Path::new(&dist));
            report("site", crate::site::run(&build).map(|()| "done".into()))
        }
        Some("split") if args.len() == 3 || (args.len() == 5 && args[3] == "--above") => {
            let above = match args.get(4).map(|n| n.parse::<usize>()) {
                None => 0,
                Some(Ok(n)) => n,
                Some(Err(_)) => {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            };
            split(&args[1], std::path::Path::new(&args[2]), above)
        }
        Some("schema") if args.len() <= 2 => schema(args.get(1)),
        Some("stamp") if args.len() == 2 => match read(&args[1]) {
            Ok(text) => {
                match stamp::stamp(&text) {
                    Some(digest) => println!("{digest}"),
                    // Not an error: the app checks such a file itself and reports on it.
                    None => eprintln!(
                        "{}: not stamped: it has problems the app will check and report",
                        args[1]
                    ),
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some("feed") if args.len() == 6 => match read(&args[1]).map(|t| validate::load(&t)) {
            Ok(Ok(loaded)) => {
                let Some((site_url, base)) = site_args(&args[2..]) else {
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                };
                print!("{}", feed::atom(&loaded.catalog, &site_url, &base));
                ExitCode::SUCCESS
            }
            Ok(Err(e)) => {
                eprintln!("{}: {e}", args[1]);
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, col, why) = guard::utf8_problem(e.as_bytes()).unwrap_or_default();
        format!("{path}:{line}:{col}: {why}")
    })
}

/// Prints every problem as `FILE:LINE:COL: PATH: message`.
fn check(path: &str) -> ExitCode {
    let text = match read(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let started = std::time::Instant::now();
    let result = validate::load(&text);
    if let Ok(head) = &result {
        if head.catalog.split.is_some() {
            return check_split(path, head.clone(), started);
        }
    }
    let problems = match &result {
        Ok(loaded) => loaded.skipped.clone(),
        Err(validate::CatalogError::Syntax {
            line,
            column,
            message,
        }) => {
            println!("{path}:{line}:{column}: $: invalid JSON: {message}");
            return ExitCode::FAILURE;
        }
        Err(e) => e.problems(),
    };
    // One pass for all: a catalog may have 50,000 bad entries.
    let at = jsonpos::locate_all(&text, &problems.iter().map(|p| &p.path).collect::<Vec<_>>());
    for (p, (line, col)) in problems.iter().zip(at) {
        println!("{path}:{line}:{col}: {}: {}", p.path, p.message);
    }
    let elapsed = started.elapsed().as_millis();
    match (&result, problems.is_empty()) {
        (Ok(loaded), true) => {
            eprintln!(
                "{path}: ok — {} personas, {} tools, {} comparisons ({elapsed} ms)",
                loaded.catalog.personas.len(),
                loaded.catalog.tools.len(),
                loaded.catalog.comparisons.len()
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{path}: {} problem(s) ({elapsed} ms)", problems.len());
            ExitCode::FAILURE
        }
    }
}

/// Checks a split catalog: its head (already loaded), its index and every tool file.
fn check_split(path: &str, head: validate::Loaded, started: std::time::Instant) -> ExitCode {
    let dir = std::path::Path::new(path)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let refs = head.catalog.split.clone().expect("a split head");
    let index_path = dir.join(&refs.index).to_string_lossy().into_owned();
    let mut failed = 0usize;
    let mut report = |file: &str, p: &validate::Problem| {
        failed += 1;
        println!("{file}: {}: {}", p.path, p.message);
    };
    let loaded = match read(&index_path).map(|t| splitting::attach_index(head, &t)) {
        Ok(Ok(l)) => l,
        Ok(Err(e)) => {
            for p in e.problems() {
                report(&index_path, &p);
            }
            eprintln!("{index_path}: unusable index");
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for p in &loaded.skipped {
        report(&index_path, p);
    }
    for t in &loaded.catalog.tools {
        let file = dir
            .join(refs.detail_url(&t.slug))
            .to_string_lossy()
            .into_owned();
        match read(&file)
            .map(|text| splitting::load_detail(&t.slug, &text, &loaded.catalog.personas))
        {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => e.problems().iter().for_each(|p| report(&file, p)),
            Err(e) => report(&file, &validate::Problem::new("$", e)),
        }
    }
    let elapsed = started.elapsed().as_millis();
    if failed == 0 {
        eprintln!(
            "{path}: ok — split: {} personas, {} tools (index and every tool file), {} comparisons ({elapsed} ms)",
            loaded.catalog.personas.len(),
            loaded.catalog.tools.len(),
            loaded.catalog.comparisons.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!("{path}: {failed} problem(s) ({elapsed} ms)");
        ExitCode::FAILURE
    }
}

/// Writes the catalog's JSON Schema (`describe`) to stdout, or to `file`.
fn schema(file: Option<&String>) -> ExitCode {
    use ship_or_skip::domain::catalog::describe;
    let text = describe::text();
    match file {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(file) => report(
            "schema",
            std::fs::write(file, &text)
                .map(|()| format!("{file} ({} B)", text.len()))
                .map_err(|e| format!("{file}: {e}")),
        ),
    }
}

fn generate(args: &[String]) -> ExitCode {
    let mut tools = None;
    let mut seed = 1u64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = it.next().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), v) {
            ("--tools", Some(n)) => tools = Some(n as usize),
            ("--seed", Some(s)) => seed = s,
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(n) = tools else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match serde_json::to_string(&synth::generate(n, seed)) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes a static HTML page for every known route into a built dist/, its share card if
/// it has one, sitemap.xml and robots.txt (`catalog site` runs it).
fn pages(args: &[String]) -> ExitCode {
    let dist = std::path::Path::new(&args[0]);
    let Some((site_url, base)) = site_args(&args[1..]) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let done = load(&dist.join("catalog.json")).and_then(|l| {
        write_pages(
            dist,
            &std::sync::Arc::new(l.catalog),
            &l.skipped,
            (&site_url, &base),
            prerender::PRERENDERED_TOOLS_MAX,
            &crate::cards::cache_dir(&crate::site::target_dir()),
        )
    });
    report("pages", done)
}

/// `--site-url URL --base PATH`, in either order: the site's origin and its base path.
fn site_args(args: &[String]) -> Option<(String, String)> {
    let (mut site_url, mut base) = (None, None);
    for pair in args.chunks(2) {
        match (pair[0].as_str(), pair.get(1)) {
            ("--site-url", Some(url)) => site_url = Some(url.clone()),
            ("--base", Some(b)) => {
                base = Some(ship_or_skip::domain::explore::routes::normalize_base(b))
            }
            _ => return None,
        }
    }
    Some((site_url?, base?))
}

/// Reads and loads a catalog file; a problem is named with the file's path.
pub(crate) fn load(path: &std::path::Path) -> Result<validate::Loaded, String> {
    let text = read(&path.to_string_lossy())?;
    validate::load(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Prints what a command did, or its error, as its exit status says.
fn report(command: &str, done: Result<String, String>) -> ExitCode {
    match done {
        Ok(msg) => {
            println!("catalog {command}: {msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("catalog {command}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// [`pages`], with the share cards their heads name (cards.rs, rendered once into
/// `cards_cache`). The shell is dist/404.html, Trunk's index.html as built, so running it
/// again gives the same files.
pub(crate) fn write_pages(
    dist: &std::path::Path,
    catalog: &std::sync::Arc<Catalog>,
    skipped: &[validate::Problem],
    (site_url, base): (&str, &str),
    max_tools: usize,
    cards_cache: &std::path::Path,
) -> Result<String, String> {
    let shell = read(&dist.join("404.html").to_string_lossy())?;
    let pages = prerender::pages_with(catalog, max_tools);
    let site = render::Site {
        url: site_url.to_string(),
        base: base.to_string(),
    };
    for page in &pages {
        let html = render::page_html(&shell, catalog, skipped, page, &site)
            .map_err(|e| format!("404.html: {e}"))?;
        let file = dist.join(&page.file);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&file, html).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let write = |name: &str, body: String| {
        std::fs::write(dist.join(name), body).map_err(|e| format!("{name}: {e}"))
    };
    for (file, body) in prerender::sitemaps(&pages, site_url, base, &catalog.generated) {
        write(&file, body)?;
    }
    write("robots.txt", prerender::robots(site_url, base))?;
    let cards = crate::cards::write_cards(dist, cards_cache, catalog, &pages)?;
    Ok(format!(
        "{} static pages, sitemap.xml and robots.txt in {}; {cards}",
        pages.len(),
        dist.display()
    ))
}

/// Writes the open-data CSV and one verdict badge per tool into a built dist/.
fn opendata(dist: &std::path::Path) -> ExitCode {
    let done = load(&dist.join("catalog.json")).and_then(|l| write_opendata(dist, &l.catalog));
    report("opendata", done)
}

/// [`opendata`], from the whole catalog (`catalog site` runs it before the split).
pub(crate) fn write_opendata(dist: &std::path::Path, catalog: &Catalog) -> Result<String, String> {
    use ship_or_skip::domain::publish::opendata;
    let write = |path: std::path::PathBuf, body: String| {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(dist.join(opendata::CSV_FILE), opendata::tools_csv(catalog))?;
    for t in &catalog.tools {
        write(
            dist.join(opendata::badge_file(&t.slug)),
            opendata::badge_svg(t),
        )?;
    }
    Ok(format!(
        "{} and {} badges in {}",
        opendata::CSV_FILE,
        catalog.tools.len(),
        dist.display()
    ))
}

/// Splits FILE into DIR/catalog.json (head), DIR/catalog-index.json and DIR/tools/*.json
/// when it has more than `above` tools; a smaller catalog is left as one file.
fn split(file: &str, dir: &std::path::Path, above: usize) -> ExitCode {
    let done = load(std::path::Path::new(file))
        .and_then(|l| write_split(file, &l.catalog, l.skipped.len(), dir, above));
    report("split", done)
}

/// [`split`] of `catalog`, read from `file` with `skipped` entries it could not read.
pub(crate) fn write_split(
    file: &str,
    catalog: &Catalog,
    skipped: usize,
    dir: &std::path::Path,
    above: usize,
) -> Result<String, String> {
    if catalog.split.is_some() {
        return Err(format!("{file}: already split"));
    }
    let n = catalog.tools.len();
    if n <= above {
        return Ok(format!("{n} tools: kept as one file"));
    }
    if skipped > 0 {
        return Err(format!(
            "{file}: {skipped} problem(s); run `catalog check {file}` and fix them first"
        ));
    }
    let files = splitting::split(catalog).map_err(|e| e.to_string())?;
    let tools = dir.join("tools");
    std::fs::create_dir_all(&tools).map_err(|e| format!("{}: {e}", tools.display()))?;
    let write = |path: std::path::PathBuf, body: &str| {
        std::fs::write(&path, body).map_err(|e| format!("{}: {e}", path.display()))
    };
    for (slug, body) in &files.details {
        write(tools.join(format!("{slug}.json")), body)?;
    }
    write(dir.join("catalog-index.json"), &files.index)?;
    // The head last: it replaces FILE when FILE is DIR/catalog.json.
    write(dir.join("catalog.json"), &files.head)?;
    Ok(format!(
        "{n} tools: catalog.json (head, {} B), catalog-index.json ({} B), tools/*.json ({n} files)",
        files.head.len(),
        files.index.len()
    ))
}
