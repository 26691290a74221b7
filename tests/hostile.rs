//! Every hostile catalog of `tests/fixtures/hostile/` through `catalog check`: each ends
//! (no hang, no panic) with its exact `FILE:LINE:COL: PATH: message` lines and exit status.
//! The huge ones are generated into a temporary directory first (`hostile_cases`).

#![cfg(not(target_arch = "wasm32"))]

mod hostile_cases;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hostile_cases::{cases, dir, generate, GENERATED};

/// Runs `catalog check FILE`; a run that has not ended after five minutes is killed and
/// reported as hanging (a generous bound, not a timing test: each case takes well under
/// a second in a release build, and seconds in a debug one).
fn check(file: &str) -> Result<(i32, String, String), String> {
    let out_file = tempfile("out");
    let err_file = tempfile("err");
    let mut child = Command::new(env!("CARGO_BIN_EXE_catalog"))
        .args(["check", file])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::fs::File::create(&out_file).unwrap())
        .stderr(std::fs::File::create(&err_file).unwrap())
        .stdin(Stdio::null())
        .spawn()
        .expect("catalog runs");
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err("still running after 5 minutes: killed".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &std::path::Path| {
        let b = std::fs::read(p).unwrap_or_default();
        let _ = std::fs::remove_file(p);
        String::from_utf8_lossy(&b).into_owned()
    };
    Ok((
        status.code().unwrap_or(-1),
        read(&out_file),
        read(&err_file),
    ))
}

fn tempfile(kind: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = std::env::temp_dir().join(format!("sos-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let d = d.join(N.fetch_add(1, Ordering::SeqCst).to_string());
    std::fs::create_dir_all(&d).unwrap();
    d.join(kind)
}

#[test]
fn every_hostile_catalog_gets_its_exact_message() {
    let all = cases();
    assert!(all.len() >= 40, "only {} cases", all.len());
    let mut failures = Vec::new();
    for case in &all {
        let started = Instant::now();
        // Committed files by their path in the repository, generated ones from a temp file.
        let file = if case.generated {
            let f = tempfile(&format!("{}.json", case.name));
            std::fs::write(&f, case.bytes()).unwrap();
            f.to_string_lossy().into_owned()
        } else {
            format!("tests/fixtures/hostile/{}.json", case.name)
        };
        let result = check(&file);
        if case.generated {
            let _ = std::fs::remove_file(&file);
        }
        let (code, out, err) = match result {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{}: {e}", case.name));
                continue;
            }
        };
        let e = &case.expect;
        let mut wrong = Vec::new();
        if err.contains("panicked") {
            wrong.push(format!("panicked:\n{err}"));
        }
        if code != e.exit {
            wrong.push(format!("exit {code}, expected {}", e.exit));
        }
        let got: Vec<&str> = out.lines().collect();
        let want: Vec<String> = e.stdout.iter().map(|l| l.replace("FILE", &file)).collect();
        match e.stdout_lines {
            None if got != want => wrong.push(format!(
                "stdout ({} lines):\n{}\nexpected:\n{}",
                got.len(),
                got.iter().take(20).cloned().collect::<Vec<_>>().join("\n"),
                want.join("\n")
            )),
            Some(n) if got.len() != n || got[..want.len().min(got.len())] != want[..] => wrong
                .push(format!(
                    "stdout: {} lines starting\n{}\nexpected {n} starting\n{}",
                    got.len(),
                    got.iter()
                        .take(want.len())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("\n"),
                    want.join("\n")
                )),
            _ => {}
        }
        let first_err = err.lines().next().unwrap_or("");
        match &e.stderr {
            Some(s) if !first_err.starts_with(&s.replace("FILE", &file)) => {
                wrong.push(format!("stderr: {first_err:?}, expected it to start {s:?}"))
            }
            None if !first_err.is_empty() => {
                wrong.push(format!("stderr: {first_err:?}, expected nothing"))
            }
            _ => {}
        }
        eprintln!(
            "{:<32} exit {code}, {} line(s), {} ms",
            case.name,
            got.len(),
            started.elapsed().as_millis()
        );
        if !wrong.is_empty() {
            failures.push(format!("{}: {}", case.name, wrong.join("; ")));
        }
    }
    let _ = std::fs::remove_dir_all(
        std::env::temp_dir().join(format!("sos-hostile-{}", std::process::id())),
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn the_fixture_directory_is_complete() {
    let names: Vec<String> = cases().into_iter().map(|c| c.name).collect();
    let readme = std::fs::read_to_string(dir().join("README.md")).expect("README.md");
    for entry in std::fs::read_dir(dir()).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(name) = file.strip_suffix(".json") {
            assert!(names.iter().any(|n| n == name), "{file} has no .expected");
            assert!(
                !GENERATED.contains(&name),
                "{file} is generated: do not commit it"
            );
        }
    }
    for name in &names {
        let committed = dir().join(format!("{name}.json")).exists();
        assert!(
            committed != GENERATED.contains(&name.as_str()),
            "{name}: a committed .json or a generator, exactly one"
        );
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md lacks `{name}`"
        );
    }
    for name in GENERATED {
        assert!(names.iter().any(|n| n == name), "{name} has no .expected");
    }
}

#[test]
fn generated_catalogs_are_deterministic() {
    for name in GENERATED.iter().filter(|n| **n != "tools-50k") {
        let a = generate(name).unwrap();
        assert_eq!(a, generate(name).unwrap(), "{name}");
    }
    // 50,000 tools: the generator's own determinism is tested in catalog_cli.rs; here
    // just its size and shape.
    let big = generate("tools-50k").unwrap();
    assert!(big.len() > 60_000_000, "{}", big.len());
    assert!(big.starts_with(b"{\"schema_version\":1,"));
}
