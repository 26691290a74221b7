//! The runner of the end-to-end scenarios (`harness = false`): selection by `E2E_ONLY`
//! and libtest's arguments, one browser per engine, a report line per scenario and
//! engine, and the process groups checked gone after each engine.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::support::{self, dist_dir, Browser, Engine};
use crate::Steps;

/// A scenario run in a browser the harness started.
pub type Scenario = for<'a> fn(&'a Browser) -> Steps<'a>;

/// Where a scenario runs.
pub enum Run {
    /// In the browser of every engine `E2E_ENGINES` selects.
    Engines(Scenario),
    /// In Chromium's browser, whether `E2E_ENGINES` selects Chromium or not.
    Chromium(Scenario),
    /// In Chromium, starting (and closing) its own browser.
    ChromiumAlone(fn() -> Steps<'static>),
    /// Without a browser: the built files.
    Files(fn()),
}

pub struct Entry {
    pub area: &'static str,
    pub name: &'static str,
    pub run: Run,
    /// Run only with `--ignored` or `--include-ignored`.
    pub ignored: bool,
}

impl Entry {
    /// `area::name`, as listed and as cargo's filter sees it.
    pub fn full_name(&self) -> String {
        format!("{}::{}", self.area, self.name)
    }
}

/// The arguments cargo passes on (libtest's); others are accepted and ignored.
#[derive(Default)]
struct Args {
    list: bool,
    ignored: bool,
    include_ignored: bool,
    exact: bool,
    terse: bool,
    filters: Vec<String>,
    skip: Vec<String>,
}

impl Args {
    fn parse(args: impl Iterator<Item = String>) -> Args {
        let mut a = Args::default();
        let mut args = args.peekable();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--list" => a.list = true,
                "--ignored" => a.ignored = true,
                "--include-ignored" => a.include_ignored = true,
                "--exact" => a.exact = true,
                "--skip" => a.skip.extend(args.next()),
                "--format" => a.terse = args.next().as_deref() == Some("terse"),
                "--test-threads" | "--color" | "--logfile" | "--shuffle-seed" | "-Z" => {
                    args.next();
                }
                _ if arg.starts_with("--skip=") => a.skip.push(arg["--skip=".len()..].into()),
                _ if arg.starts_with("--format=") => a.terse = arg == "--format=terse",
                _ if arg.starts_with('-') => {}
                _ => a.filters.push(arg),
            }
        }
        a
    }

    /// Whether cargo's filters (any of them; `--exact`: the whole name) and `--skip` keep
    /// an entry.
    fn keeps(&self, e: &Entry) -> bool {
        let full = e.full_name();
        let hit = |f: &String| {
            if self.exact {
                full == *f || e.name == f
            } else {
                full.contains(f.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(hit))
            && !self.skip.iter().any(|s| full.contains(s.as_str()))
    }
}

/// `E2E_ONLY`: comma-separated words, each the start of a scenario's name or area (or of
/// `area::name`). A word that starts none is an error, not an empty run.
fn only(entries: &[Entry]) -> Result<Option<Vec<String>>, String> {
    let Ok(list) = std::env::var("E2E_ONLY") else {
        return Ok(None);
    };
    let words: Vec<String> = list
        .split(',')
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Ok(None);
    }
    for w in &words {
        if !entries.iter().any(|e| starts(e, w)) {
            let names: Vec<String> = entries.iter().map(Entry::full_name).collect();
            return Err(format!(
                "E2E_ONLY: no scenario or area starts with `{w}`; the scenarios:\n  {}",
                names.join("\n  ")
            ));
        }
    }
    Ok(Some(words))
}

fn starts(e: &Entry, word: &str) -> bool {
    e.name.starts_with(word) || e.area.starts_with(word) || e.full_name().starts_with(word)
}

/// Runs the selected scenarios and returns the exit status: 0 when none failed.
pub fn main(entries: &[Entry]) -> i32 {
    let args = Args::parse(std::env::args().skip(1));
    let words = match only(entries) {
        Ok(words) => words,
        Err(msg) => {
            eprintln!("{msg}");
            return 2;
        }
    };
    let wanted: Vec<&Entry> = entries
        .iter()
        .filter(|e| args.keeps(e))
        .filter(|e| {
            words
                .as_ref()
                .is_none_or(|w| w.iter().any(|w| starts(e, w)))
        })
        .collect();
    let run_ignored = |e: &&Entry| {
        if args.ignored {
            e.ignored
        } else {
            args.include_ignored || !e.ignored
        }
    };
    if args.list {
        // libtest's listing (`--list` lists ignored ones too, `--ignored` only those).
        let listed: Vec<&Entry> = wanted
            .iter()
            .copied()
            .filter(|e| !args.ignored || e.ignored)
            .collect();
        for e in &listed {
            println!("{}: test", e.full_name());
        }
        if !args.terse {
            println!();
            println!("{} tests, 0 benchmarks", listed.len());
        }
        return 0;
    }
    let chosen: Vec<&Entry> = wanted.iter().copied().filter(run_ignored).collect();
    let ignored = wanted.len() - chosen.len();
    install_panic_hook();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut report = Report::default();
    runtime.block_on(run(&chosen, &mut report));
    drop(runtime);
    if !report.failures.is_empty() {
        println!();
        println!("failed:");
        for f in &report.failures {
            println!("  {f}");
        }
    }
    if ignored > 0 {
        println!("{ignored} ignored (`--ignored` runs them)");
    }
    println!("{} passed, {} failed", report.passed, report.failures.len());
    i32::from(!report.failures.is_empty())
}

#[derive(Default)]
struct Report {
    passed: usize,
    failures: Vec<String>,
}

impl Report {
    fn record(&mut self, engine: &str, name: &str, started: Instant, result: Result<(), String>) {
        let ms = started.elapsed().as_millis();
        match result {
            Ok(()) => {
                println!("ok    [{engine}] {name} ({ms} ms)");
                self.passed += 1;
            }
            Err(msg) => {
                let msg = msg.replace('\n', " ");
                println!("FAIL  [{engine}] {name} ({ms} ms): {msg}");
                self.failures.push(format!("[{engine}] {name}: {msg}"));
            }
        }
    }
}

async fn run(chosen: &[&Entry], report: &mut Report) {
    for e in chosen {
        if let Run::Files(check) = e.run {
            let started = Instant::now();
            let result = futures_catch(async { check() }).await;
            report.record("files", &e.full_name(), started, result);
        }
    }
    let in_engines: Vec<(&Entry, Scenario)> = chosen
        .iter()
        .filter_map(|e| match e.run {
            Run::Engines(s) => Some((*e, s)),
            _ => None,
        })
        .collect();
    let in_chromium: Vec<(&Entry, Scenario)> = chosen
        .iter()
        .filter_map(|e| match e.run {
            Run::Chromium(s) => Some((*e, s)),
            _ => None,
        })
        .collect();
    let mut plan: Vec<(Engine, Vec<(&Entry, Scenario)>)> = Vec::new();
    if !in_engines.is_empty() {
        for engine in Engine::selected() {
            let mut list = in_engines.clone();
            if engine == Engine::Chromium {
                list.extend(in_chromium.iter().copied());
            }
            plan.push((engine, list));
        }
    }
    if !in_chromium.is_empty() && !plan.iter().any(|(e, _)| *e == Engine::Chromium) {
        plan.insert(0, (Engine::Chromium, in_chromium));
    }
    for (engine, list) in plan {
        run_engine(engine, &list, report).await;
    }
    for e in chosen {
        if let Run::ChromiumAlone(steps) = e.run {
            let started = Instant::now();
            let result = futures_catch(async { steps().await }).await;
            report.record("chromium", &e.full_name(), started, result);
        }
    }
}

/// Starts `engine`'s browser once, runs `list` in it, closes it, and checks that its
/// driver, browser and display are gone, whatever the outcome.
async fn run_engine(engine: Engine, list: &[(&Entry, Scenario)], report: &mut Report) {
    let e = engine.as_str();
    let engine_started = Instant::now();
    println!("── {e} ──");
    let started = futures_catch(async {
        let browser = Browser::start(dist_dir(), engine).await;
        let window = browser.client.window().await.expect("window");
        let size = browser.client.get_window_size().await.expect("window size");
        (browser, window, size)
    })
    .await;
    let (browser, window, size) = match started {
        Ok(b) => b,
        Err(msg) => {
            report.record(e, "browser start", engine_started, Err(msg));
            return;
        }
    };
    for (i, (entry, steps)) in list.iter().enumerate() {
        let started = Instant::now();
        let result = futures_catch(async {
            if i > 0 {
                fresh_start(&browser, &window, size).await;
            }
            steps(&browser).await
        })
        .await;
        report.record(e, &entry.full_name(), started, result);
    }
    let groups = browser.process_groups();
    browser.close().await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while groups.iter().any(|g| support::group_alive(*g)) {
        if Instant::now() > deadline {
            let left = Err(format!("processes left behind in groups {groups:?}"));
            report.record(e, "browser close", deadline, left);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    println!(
        "{e}: {} scenarios in {:.1} s (browser start and close included)",
        list.len(),
        engine_started.elapsed().as_secs_f64()
    );
}

/// What a scenario starts from in a shared browser, whatever the one before did or where
/// it failed: the files as built, one window of the starting size, an empty localStorage.
async fn fresh_start(b: &Browser, window: &fantoccini::wd::WindowHandle, size: (u64, u64)) {
    b.serve_as_built();
    let windows = b.client.windows().await.expect("windows");
    if windows.len() > 1 {
        for w in windows.into_iter().filter(|w| w != window) {
            b.switch(w).await;
            b.client.close_window().await.expect("close window");
        }
        b.switch(window.clone()).await;
    }
    if b.client.get_window_size().await.expect("window size") != size {
        b.client
            .set_window_size(size.0 as u32, size.1 as u32)
            .await
            .expect("window size");
    }
    b.js("try { localStorage.clear(); } catch (e) {} return 0")
        .await;
}

/// How deep in `futures_catch` the main thread is, and where the first panic in the
/// outermost one was.
static CATCHING: AtomicUsize = AtomicUsize::new(0);
static FIRST_PANIC_AT: Mutex<Option<String>> = Mutex::new(None);

/// A panic caught by `futures_catch` on the main thread is reported on its scenario's
/// FAIL line, with its place; any other is printed as usual.
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if CATCHING.load(Ordering::SeqCst) > 0 && std::thread::current().name() == Some("main") {
            let mut at = FIRST_PANIC_AT.lock().unwrap_or_else(|e| e.into_inner());
            if at.is_none() {
                *at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
            }
        } else {
            default(info);
        }
    }));
}

/// Runs a future, turning its panic into an error message (with the place of the first
/// panic, for the outermost call) so the other scenarios (and engines) still run.
pub async fn futures_catch<T, F: Future<Output = T>>(f: F) -> Result<T, String> {
    use std::task::Poll;
    if CATCHING.fetch_add(1, Ordering::SeqCst) == 0 {
        *FIRST_PANIC_AT.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
    let mut f = Box::pin(f);
    let result = std::future::poll_fn(move |cx| {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(e) => Poll::Ready(Err(e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panic".into()))),
        }
    })
    .await;
    if CATCHING.fetch_sub(1, Ordering::SeqCst) == 1 {
        if let (Err(msg), Some(at)) = (
            &result,
            FIRST_PANIC_AT
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take(),
        ) {
            return Err(format!("{msg} (at {at})"));
        }
    }
    result
}
