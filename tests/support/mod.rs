//! End-to-end harness: a GitHub-Pages-like static server, a WebDriver server for one of
//! three engines (Chromium, Firefox, WebKit) in its own process group (with Xvfb for
//! WebKit), and a WebDriver client with helpers. Everything is torn down on drop.

#![allow(dead_code)]

pub mod nu;
pub mod server;

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

/// Path prefix the e2e build is served under, as on GitHub Pages.
pub const BASE: &str = "/ship-or-skip/";

/// A child process started in its own process group and killed with it on drop.
pub struct Group(Child);

impl Group {
    pub fn spawn(cmd: &mut Command) -> std::io::Result<Group> {
        cmd.stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        cmd.spawn().map(Group)
    }

    /// Starts `Xvfb` on the first free display and returns it with the display number,
    /// which Xvfb writes to its stdout once it accepts clients.
    fn spawn_xvfb() -> std::io::Result<(Group, u32)> {
        use std::io::BufRead;
        let mut child = Command::new(std::env::var("XVFB").unwrap_or_else(|_| "Xvfb".into()))
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1600x2000x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()?;
        let stdout = child.stdout.take().expect("piped stdout");
        let group = Group(child);
        let mut line = String::new();
        std::io::BufReader::new(stdout).read_line(&mut line)?;
        let display = line.trim().parse().map_err(|_| {
            std::io::Error::other(format!("Xvfb printed no display number: {line:?}"))
        })?;
        Ok((group, display))
    }
}

/// Whether any live (not zombie) process is still in process group `pgid`, from /proc.
pub fn group_alive(pgid: u32) -> bool {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return false;
    };
    dir.flatten().any(|e| {
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
            return false;
        };
        // `pid (comm) state ppid pgrp …`; comm may contain spaces, so split after ')'.
        let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
        let mut f = rest.split_whitespace();
        let state = f.next().unwrap_or("");
        let pgrp = f.nth(1).and_then(|p| p.parse::<u32>().ok());
        state != "Z" && state != "X" && pgrp == Some(pgid)
    })
}

impl Group {
    pub fn pgid(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let pid = self.0.id() as i32;
        // The whole group: chromedriver and the Chromium it started.
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{pid}")])
            .status();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A browser engine the suite can drive, with its WebDriver server and capabilities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// The engines to run: `E2E_ENGINES=firefox,webkit` narrows the run; all by default.
    pub fn selected() -> Vec<Engine> {
        match std::env::var("E2E_ENGINES") {
            Ok(list) if !list.trim().is_empty() => list
                .split(',')
                .map(|name| {
                    let name = name.trim();
                    Engine::ALL
                        .into_iter()
                        .find(|e| e.as_str() == name)
                        .unwrap_or_else(|| {
                            panic!(
                                "E2E_ENGINES: unknown engine `{name}` (chromium, firefox, webkit)"
                            )
                        })
                })
                .collect(),
            _ => Engine::ALL.to_vec(),
        }
    }

    fn env_or(var: &str, default: &str) -> String {
        std::env::var(var).unwrap_or_else(|_| default.into())
    }

    /// Starts the driver (and, for WebKit, the X display it needs) on `port`.
    fn start_driver(self, port: u16) -> (Group, Option<Group>) {
        let hint = "run `make setup-browser` to install the browsers and drivers";
        match self {
            Engine::Chromium => {
                let driver = Group::spawn(
                    Command::new(Self::env_or("CHROMEDRIVER", "chromedriver"))
                        .arg(format!("--port={port}")),
                )
                .unwrap_or_else(|e| panic!("chromedriver: {e}; {hint}"));
                (driver, None)
            }
            Engine::Firefox => {
                let driver = Group::spawn(
                    Command::new(Self::env_or("GECKODRIVER", "geckodriver")).args([
                        "--host",
                        "127.0.0.1",
                        "--port",
                        &port.to_string(),
                    ]),
                )
                .unwrap_or_else(|e| panic!("geckodriver: {e}; {hint}"));
                (driver, None)
            }
            Engine::WebKit => {
                // WebKitGTK has no headless mode: it needs an X display, or the session
                // request hangs. Xvfb picks a free display and prints its number.
                let (xvfb, display) =
                    Group::spawn_xvfb().unwrap_or_else(|e| panic!("Xvfb: {e}; {hint}"));
                let driver = Group::spawn(
                    Command::new(Self::env_or("WEBKITDRIVER", "WebKitWebDriver"))
                        .args([format!("--port={port}"), "--host=127.0.0.1".into()])
                        .env("DISPLAY", format!(":{display}")),
                )
                .unwrap_or_else(|e| panic!("WebKitWebDriver: {e}; {hint}"));
                (driver, Some(xvfb))
            }
        }
    }

    fn capabilities(self, profile: &std::path::Path) -> serde_json::Map<String, serde_json::Value> {
        let caps = match self {
            Engine::Chromium => {
                let mut args: Vec<String> = [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,900",
                ]
                .map(String::from)
                .into();
                args.push(format!("--user-data-dir={}", profile.display()));
                // More flags, e.g. the search bench's heap figures (`--enable-precise-memory-info`).
                if let Ok(extra) = std::env::var("CHROMIUM_ARGS") {
                    args.extend(extra.split_whitespace().map(String::from));
                }
                serde_json::json!({
                    "goog:chromeOptions": {
                        "binary": Self::env_or("CHROMIUM", "/usr/bin/chromium"),
                        "args": args,
                    }
                })
            }
            Engine::Firefox => serde_json::json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": Self::env_or("FIREFOX", "/usr/bin/firefox-esr"),
                    "args": ["-headless", "-width=1280", "-height=900"]
                }
            }),
            Engine::WebKit => serde_json::json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": {
                    "binary": Self::env_or(
                        "MINIBROWSER",
                        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
                    ),
                    "args": ["--automation"]
                }
            }),
        };
        match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!("capabilities are an object"),
        }
    }
}

/// One browser session against one served dist/.
pub struct Browser {
    pub client: Client,
    pub origin: String,
    /// The path prefix the site is served under (`/ship-or-skip/` or `/`).
    pub base: &'static str,
    pub engine: Engine,
    /// The dist/ served.
    pub root: std::path::PathBuf,
    _driver: Group,
    _display: Option<Group>,
    _profile: TempDir,
    _server: server::Server,
}

pub struct TempDir(pub std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn dist_dir() -> std::path::PathBuf {
    let d = std::env::var("E2E_DIST").unwrap_or_else(|_| "target/e2e-dist".into());
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(d);
    assert!(
        p.join("index.html").exists(),
        "no release build at {}: run `make e2e-dist` (or `make test`) first",
        p.display()
    );
    p
}

impl Browser {
    /// Serves `dist` under [`BASE`] and opens a fresh session of `engine`, 1280×900.
    pub async fn start(dist: std::path::PathBuf, engine: Engine) -> Browser {
        Browser::start_at(dist, BASE, engine).await
    }

    /// Serves `dist` under `base` and opens a fresh session of `engine`, 1280×900.
    pub async fn start_at(dist: std::path::PathBuf, base: &'static str, engine: Engine) -> Browser {
        let root = dist.clone();
        let server = server::Server::start(dist, base).await;
        let port = free_port();
        let (driver, display) = engine.start_driver(port);
        let profile = TempDir(std::env::temp_dir().join(format!(
            "sos-e2e-{}-{}-{port}",
            engine.as_str(),
            std::process::id()
        )));
        let caps = engine.capabilities(&profile.0);
        let url = format!("http://127.0.0.1:{port}");
        // Every session request has its own timeout: a driver that cannot start its
        // browser (WebKit without a display) otherwise hangs forever.
        let deadline = Instant::now() + Duration::from_secs(45);
        let client = loop {
            let attempt = tokio::time::timeout(
                Duration::from_secs(30),
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&url),
            )
            .await;
            match attempt {
                Ok(Ok(c)) => break c,
                _ if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(200)).await
                }
                Ok(Err(e)) => panic!("{} WebDriver session failed: {e}", engine.as_str()),
                Err(_) => panic!("{} WebDriver session request timed out", engine.as_str()),
            }
        };
        client
            .set_window_size(1280, 900)
            .await
            .unwrap_or_else(|e| panic!("{} window size: {e}", engine.as_str()));
        Browser {
            client,
            origin: server.origin.clone(),
            base,
            engine,
            _driver: driver,
            _display: display,
            _profile: profile,
            root,
            _server: server,
        }
    }

    /// Absolute URL of a base-relative path such as `compare/a-vs-b`.
    /// The file of the build that answers a URL of this site (404.html for an unknown
    /// path, as GitHub Pages does), relative to the dist; `None` for another site's URL.
    pub fn file_of(&self, url: &str) -> Option<String> {
        let path = url.strip_prefix(&self.origin)?;
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let (_, file) = server::resolve(&self.root, self.base, path);
        Some(
            file?
                .strip_prefix(&self.root)
                .ok()?
                .to_string_lossy()
                .into_owned(),
        )
    }

    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}{}",
            self.origin,
            self.base,
            path.trim_start_matches('/')
        )
    }

    /// Opens a base-relative path and waits until the app has mounted: engines return
    /// from a navigation at the load event, before the wasm has started (WebKit soonest),
    /// and a script run in between would race the app's start-up.
    pub async fn goto(&self, path: &str) {
        self.client.goto(&self.url(path)).await.expect("navigation");
        self.mounted().await;
    }

    /// Reloads the page and waits until the app has mounted again.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
        self.mounted().await;
    }

    /// The live app's root carries `data-live` (the static skeleton and the prerendered
    /// pages never do, though they draw the same header); `#app` is the live app once it
    /// has replaced either, and the skip link is its first element.
    async fn mounted(&self) {
        self.find("#app[data-live] .skip-link").await;
    }

    /// Waits (up to 10 s) for a CSS selector: a navigation may return before the app has
    /// drawn (WebKit returns earliest).
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}`: {e}"))
    }

    /// Waits (up to 10 s) for a CSS selector and returns its text. An element the app
    /// re-renders between finding and reading it is simply found again.
    pub async fn text(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match self.find(css).await.text().await {
                Ok(t) => return t,
                Err(e) if Instant::now() > deadline => panic!("text of `{css}`: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Texts of all elements matching `css` (after waiting for the first), read in one
    /// script so a re-render between elements cannot leave a stale reference.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        self.text(css).await;
        let v = self
            .client
            .execute(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())",
                vec![serde_json::Value::String(css.to_string())],
            )
            .await
            .expect("texts");
        v.as_array()
            .expect("array")
            .iter()
            .map(|x| x.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Waits until `css`'s text contains `needle`; returns the last text seen.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let t = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if t.contains(needle) || Instant::now() > deadline {
                return t;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Switches to another tab or window.
    pub async fn switch(&self, handle: fantoccini::wd::WindowHandle) {
        self.client
            .switch_to_window(handle)
            .await
            .expect("switch window");
    }

    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    pub async fn path(&self) -> String {
        let u = self.client.current_url().await.expect("url");
        let mut s = u.path().to_string();
        if let Some(q) = u.query() {
            s.push('?');
            s.push_str(q);
        }
        s
    }

    pub async fn title(&self) -> String {
        self.client.title().await.expect("title")
    }

    /// Presses one key (down and up) on whatever has focus, as a keyboard does; `key` is a
    /// character or a WebDriver key code (`fantoccini::key::Key::Tab.into()`).
    pub async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .unwrap_or_else(|e| panic!("key {key:?}: {e}"));
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    /// How many requests the page has made so far for files whose name contains `part`.
    pub async fn requested(&self, part: &str) -> serde_json::Value {
        self.client
            .execute(REQUESTED, vec![serde_json::json!(part)])
            .await
            .expect("script")
    }

    pub async fn screenshot(&self, file: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(file, png).expect("write screenshot");
    }

    /// Serves `body` for a base-relative path instead of the built file (`None` restores).
    pub fn override_file(&self, path: &str, body: Option<&[u8]>) {
        let key = format!("{}{path}", self.base);
        let mut m = self._server.overrides.lock().expect("overrides");
        match body {
            Some(b) => m.insert(key, b.to_vec()),
            None => m.remove(&key),
        };
    }

    /// Unregisters every service worker and serves a worker script that throws, so that
    /// none registers again and every file comes from the server (`serve_as_built` ends
    /// it, as the harness does after each scenario).
    pub async fn without_worker(&self) {
        self.goto("").await;
        assert_eq!(
            self.js(UNREGISTER_WORKERS).await,
            true,
            "a worker is still registered"
        );
        self.override_file(
            "sw.js",
            Some(b"throw new Error('no worker in this scenario');"),
        );
    }

    /// Serves every file as built again: no override, nothing held back.
    pub fn serve_as_built(&self) {
        self._server.overrides.lock().expect("overrides").clear();
        self._server.stalled.lock().expect("stalled").clear();
    }

    /// Holds back the answer to a base-relative path until called again with `false`.
    pub fn stall_file(&self, path: &str, stall: bool) {
        let key = format!("{}{path}", self.base);
        let mut held = self._server.stalled.lock().expect("stalled");
        if stall {
            held.insert(key);
        } else {
            held.remove(&key);
        }
    }

    /// Cuts the network (or brings it back): the server closes every connection unanswered,
    /// and in Chromium the DevTools network conditions also take the page offline, so
    /// `navigator.onLine` follows.
    pub async fn set_offline(&self, offline: bool) {
        self._server
            .offline
            .store(offline, std::sync::atomic::Ordering::SeqCst);
        if self.engine == Engine::Chromium {
            self.client
                .issue_cmd(ChromeCommand {
                    path: "chromium/network_conditions",
                    method: if offline {
                        http::Method::POST
                    } else {
                        http::Method::DELETE
                    },
                    body: offline.then(|| {
                        serde_json::json!({"network_conditions": {
                            "offline": true, "latency": 0, "download_throughput": -1, "upload_throughput": -1
                        }})
                    }),
                })
                .await
                .expect("chromium network conditions");
        }
    }

    /// Requests the server has answered so far.
    pub fn answered(&self) -> usize {
        self._server
            .answered
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Waits (up to `secs`) until a script returns `true`.
    pub async fn wait_js(&self, script: &str, secs: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if self.js(script).await == serde_json::Value::Bool(true) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The process groups this session started (driver and browser, and Xvfb for WebKit).
    pub fn process_groups(&self) -> Vec<u32> {
        std::iter::once(self._driver.pgid())
            .chain(self._display.as_ref().map(Group::pgid))
            .collect()
    }

    /// Ends the session; the driver group (and its Chromium) is killed on drop either way,
    /// so a hanging DELETE session is given a few seconds only.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.close()).await;
    }
}

/// A chromedriver extension command: `session/{id}/{path}` with a method and a JSON body
/// (DevTools offline emulation, `goog/cdp/execute`, …).
#[derive(Debug)]
pub struct ChromeCommand {
    pub path: &'static str,
    pub method: http::Method,
    pub body: Option<serde_json::Value>,
}

impl ChromeCommand {
    /// One DevTools command through chromedriver's `goog/cdp/execute`.
    pub fn cdp(cmd: &str, params: serde_json::Value) -> Self {
        Self {
            path: "goog/cdp/execute",
            method: http::Method::POST,
            body: Some(serde_json::json!({ "cmd": cmd, "params": params })),
        }
    }
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromeCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(|b| b.to_string()),
        )
    }
}

/// A wasm chunk of a build (src/app/lazy.rs, `catalog site`), by the split
/// module's name (`pages`, `index`): its file name.
pub fn chunk(dist: &std::path::Path, module: &str) -> String {
    let prefix = format!("split_{module}-");
    std::fs::read_dir(dist)
        .expect("dist")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with(&prefix) && n.ends_with(".wasm"))
        .unwrap_or_else(|| panic!("no {prefix}*.wasm in the build"))
}

/// The shared chunks the chunk `module` loads first, as the build's loader
/// (`__wasm_split-<hash>.js`, minified or not) lists them: each chunk is declared as
/// `name = load(() => { … fetch(new URL("./file.wasm") …}, [deps])`, and the list after
/// `module`'s file names its dependencies by their declarations' names. File names.
pub fn chunk_deps(dist: &std::path::Path, module: &str) -> Vec<String> {
    let loader = std::fs::read_dir(dist)
        .expect("dist")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.starts_with("__wasm_split-") && n.ends_with(".js"))
        .expect("the chunks' loader");
    let text = std::fs::read_to_string(dist.join(&loader)).expect("loader");
    const URL: &str = "new URL(\"./";
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    // Each chunk file, by the name its declaration gives it: the name before the `=`
    // that starts the loader call ending in its URL.
    let mut declared = Vec::new();
    for (at, _) in text.match_indices(URL) {
        let file = text[at + URL.len()..].split('"').next().unwrap_or_default();
        let before = &text[..at];
        let arrow = before.rfind("(()").expect("a chunk's loader function");
        let head = before[..arrow].trim_end_matches(|c: char| ident(c) || c == '(' || c == ' ');
        let name = head.strip_suffix('=').unwrap_or(head).trim_end();
        let start = name.rfind(|c: char| !ident(c)).map_or(0, |i| i + 1);
        declared.push((name[start..].to_string(), file.to_string()));
    }
    let prefix = format!("split_{module}-");
    let own = text
        .find(&format!("{URL}{prefix}"))
        .unwrap_or_else(|| panic!("no chunk {module} in {loader}"));
    let rest = &text[own..];
    let list = &rest[rest.find('[').expect("its dependencies") + 1..];
    let list = &list[..list.find(']').expect("the list's end")];
    list.split(|c: char| !ident(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            declared
                .iter()
                .find(|(name, _)| name == w)
                .map(|(_, file)| file.clone())
                .unwrap_or_else(|| panic!("{module}: no chunk declared as {w} in {loader}"))
        })
        .collect()
}

/// Copies a directory tree (a deployable copy of a build the test can redeploy into).
/// A copy of the build `base` in `dir` serving `catalog` as the build serves a catalog of
/// its size (split, stamped as `catalog site` stamps what it checked), with the app
/// shell as home (the static home page shows the shipped catalog): the benchmarks'.
#[allow(dead_code)]
pub fn dist_serving(
    base: &std::path::Path,
    catalog: &ship_or_skip::domain::catalog::model::Catalog,
    dir: &std::path::Path,
) -> std::path::PathBuf {
    use ship_or_skip::domain::catalog::{split, stamp};
    let _ = std::fs::remove_dir_all(dir);
    copy_dir(base, dir);
    let _ = std::fs::remove_dir_all(dir.join("tools"));
    std::fs::copy(dir.join("404.html"), dir.join("index.html")).unwrap();
    let files = split::split(catalog).expect("split");
    std::fs::create_dir_all(dir.join("tools")).unwrap();
    for (slug, body) in &files.details {
        std::fs::write(dir.join("tools").join(format!("{slug}.json")), body).unwrap();
    }
    std::fs::write(dir.join("catalog-index.json"), &files.index).unwrap();
    std::fs::write(dir.join("catalog.json"), &files.head).unwrap();
    let stamp = stamp::stamp(&files.head).expect("the head is valid");
    let page = dir.join("index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    let meta = "<meta name=\"ship-or-skip-catalog\" content=\"";
    let at = html.find(meta).expect("the page has the stamp's meta") + meta.len();
    let end = at + html[at..].find('"').unwrap();
    std::fs::write(&page, format!("{}{stamp}{}", &html[..at], &html[end..])).unwrap();
    dir.to_path_buf()
}

/// The paths of every file under `dir`, relative to it and after `prefix`.
#[allow(dead_code)]
pub fn files_under(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let name = format!("{prefix}{}", e.file_name().to_string_lossy());
        if e.path().is_dir() {
            files_under(&e.path(), &format!("{name}/"), out);
        } else {
            out.push(name);
        }
    }
}

pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).expect("copy");
        }
    }
}

/// Requests of the page so far for files whose name contains `arguments[0]`
/// ([`Browser::requested`]).
const REQUESTED: &str =
    "return performance.getEntriesByType('resource').filter(r => r.name.includes(arguments[0])).length";

/// Unregisters every service worker, true once none is left. The live app queued its own
/// `register` at start-up, and a register job that runs after `unregister` revives the
/// registration: registering again first waits for the app's job (jobs for one scope run
/// in order).
pub const UNREGISTER_WORKERS: &str = "return navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.getRegistrations()).then(rs => Promise.all(rs.map(r => r.unregister()))).then(() => navigator.serviceWorker.getRegistrations()).then(rs => rs.length === 0)";

/// The page without its module loader script (the app never starts).
pub fn without_loader(html: &str) -> String {
    let Some(i) = html.find("<script type=\"module\"") else {
        return html.to_string();
    };
    match html[i..].find("</script>") {
        Some(j) => format!("{}{}", &html[..i], &html[i + j + "</script>".len()..]),
        None => html.to_string(),
    }
}

/// A file's size once compressed with `gzip -9`, as the size budgets weigh it.
pub fn gzip_size(path: &std::path::Path) -> u64 {
    let out = std::process::Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .expect("gzip");
    out.stdout.len() as u64
}
