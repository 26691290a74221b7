//! End-to-end harness: a GitHub-Pages-like static server, chromedriver in its own process
//! group, and a WebDriver client with helpers. Everything is torn down on drop.

#![allow(dead_code)]

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

/// One browser session against one served dist/.
pub struct Browser {
    pub client: Client,
    pub origin: String,
    _driver: Group,
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
    /// Serves `dist` under [`BASE`] and opens a fresh headless Chromium.
    pub async fn start(dist: std::path::PathBuf) -> Browser {
        let server = server::Server::start(dist, BASE).await;
        let port = free_port();
        let driver = Group::spawn(
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
                .arg(format!("--port={port}")),
        )
        .expect("chromedriver starts (make setup-browser installs it)");
        let profile =
            TempDir(std::env::temp_dir().join(format!("sos-e2e-{}-{port}", std::process::id())));
        let caps = serde_json::json!({
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.0.display()),
                ]
            }
        });
        let caps = match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        };
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            let attempt = tokio::time::timeout(
                Duration::from_secs(20),
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
                Ok(Err(e)) => panic!("WebDriver session failed: {e}"),
                Err(_) => panic!("WebDriver session request timed out"),
            }
        };
        Browser {
            client,
            origin: server.origin.clone(),
            _driver: driver,
            _profile: profile,
            _server: server,
        }
    }

    /// Absolute URL of a base-relative path such as `compare/a-vs-b`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.origin, BASE, path.trim_start_matches('/'))
    }

    pub async fn goto(&self, path: &str) {
        self.client.goto(&self.url(path)).await.expect("navigation");
    }

    /// Waits (up to 10 s) for a CSS selector and returns its text. An element the app
    /// re-renders between finding and reading it is simply found again.
    pub async fn text(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let el = self
                .client
                .wait()
                .at_most(Duration::from_secs(10))
                .for_element(Locator::Css(css))
                .await
                .unwrap_or_else(|e| panic!("no element `{css}`: {e}"));
            match el.text().await {
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
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}`: {e}"))
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

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect("script")
    }

    pub async fn screenshot(&self, file: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(file, png).expect("write screenshot");
    }

    /// Serves `body` for a base-relative path instead of the built file (`None` restores).
    pub fn override_file(&self, path: &str, body: Option<&[u8]>) {
        let key = format!("{BASE}{path}");
        let mut m = self._server.overrides.lock().expect("overrides");
        match body {
            Some(b) => m.insert(key, b.to_vec()),
            None => m.remove(&key),
        };
    }

    /// Ends the session; the driver group (and its Chromium) is killed on drop either way,
    /// so a hanging DELETE session is given a few seconds only.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.close()).await;
    }
}
