//! The catalog editors' tool.
//!
//! ```text
//! catalog check FILE                 validate; one problem a line, exit 1 on any
//! catalog generate --tools N --seed S  a deterministic synthetic catalog on stdout
//! catalog feed FILE                  the Atom feed of its comparisons on stdout
//! ```

use std::process::ExitCode;

use ship_or_skip::domain::{feed, jsonpos, synth, validate};

const USAGE: &str = "usage:
  catalog check FILE
  catalog generate --tools N [--seed S]
  catalog feed FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() == 2 => check(&args[1]),
        Some("generate") => generate(&args[1..]),
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
