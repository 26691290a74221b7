//! The catalog editors' tool.
//!
//! ```text
//! catalog check FILE                 validate; one problem a line, exit 1 on any
//! catalog generate --tools N --seed S  a deterministic synthetic catalog on stdout
//! catalog feed FILE                  the Atom feed of its comparisons on stdout
//! catalog pages DIST --site-url URL --base PATH
//!                                    a static page per route into a built DIST
//! ```

use std::process::ExitCode;

use ship_or_skip::domain::{feed, jsonpos, prerender, synth, validate};

const USAGE: &str = "usage:
  catalog check FILE
  catalog generate --tools N [--seed S]
  catalog feed FILE
  catalog pages DIST --site-url URL --base PATH";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() == 2 => check(&args[1]),
        Some("generate") => generate(&args[1..]),
        Some("pages") if args.len() == 6 => pages(&args[1..]),
        Some("feed") if args.len() == 2 => match read(&args[1]).map(|t| validate::load(&t)) {
            Ok(Ok(loaded)) => {
                print!("{}", feed::atom(&loaded.catalog));
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

fn read(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
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
    for p in &problems {
        let (line, col) = jsonpos::locate(&text, &p.path);
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

/// Writes a static HTML page for every known route into a built dist/ (the post-build
/// hook runs it), plus sitemap.xml and robots.txt. The shell is dist/404.html, Trunk's
/// index.html as built, so running it again gives the same files.
fn pages(args: &[String]) -> ExitCode {
    let dist = std::path::Path::new(&args[0]);
    let (mut site_url, mut base) = (None, None);
    for pair in args[1..].chunks(2) {
        match pair[0].as_str() {
            "--site-url" => site_url = Some(pair[1].clone()),
            "--base" => base = Some(ship_or_skip::domain::routes::normalize_base(&pair[1])),
            _ => {}
        }
    }
    let (Some(site_url), Some(base)) = (site_url, base) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let run = || -> Result<usize, String> {
        let catalog_path = dist.join("catalog.json");
        let text = read(&catalog_path.to_string_lossy())?;
        let catalog = validate::load(&text)
            .map_err(|e| format!("{}: {e}", catalog_path.display()))?
            .catalog;
        let shell = read(&dist.join("404.html").to_string_lossy())?;
        let pages = prerender::pages(&catalog);
        for page in &pages {
            let html = prerender::render(&shell, page, &site_url, &base)
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
        write(
            "sitemap.xml",
            prerender::sitemap(&pages, &site_url, &base, &catalog.generated),
        )?;
        write("robots.txt", prerender::robots(&site_url, &base))?;
        Ok(pages.len())
    };
    match run() {
        Ok(n) => {
            println!(
                "catalog pages: {n} static pages, sitemap.xml and robots.txt in {}",
                dist.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("catalog pages: {e}");
            ExitCode::FAILURE
        }
    }
}
