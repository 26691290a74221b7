//! A tiny static server that behaves like GitHub Pages: files under a base path, a
//! directory answers with its index.html, `/x` answers with `x.html` when there is one,
//! and anything unknown gets 404.html with status 404.

use std::path::{Path, PathBuf};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub struct Server {
    pub origin: String,
    /// Bodies served instead of a file, by request path (e.g. a broken catalog).
    pub overrides: Overrides,
    /// Request paths answered only once taken out again (a download still on its way).
    pub stalled: Stalled,
    /// While set, every connection is closed unanswered: the network is gone.
    pub offline: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Requests answered so far.
    pub answered: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

pub type Overrides = std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>>;
pub type Stalled = std::sync::Arc<std::sync::Mutex<std::collections::HashSet<String>>>;

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Resolves a request path to (status, file).
pub fn resolve(root: &Path, base: &str, path: &str) -> (u16, Option<PathBuf>) {
    let not_found = (404, Some(root.join("404.html")).filter(|p| p.exists()));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let Some(rest) = path.strip_prefix(base.trim_end_matches('/')) else {
        return not_found;
    };
    let rest = rest.trim_start_matches('/');
    if rest.split('/').any(|s| s == "..") {
        return not_found;
    }
    let mut file = root.join(rest);
    if file.is_dir() {
        file = file.join("index.html");
    } else if !file.is_file() && !rest.is_empty() {
        file = root.join(format!("{rest}.html"));
    }
    if file.is_file() {
        (200, Some(file))
    } else {
        not_found
    }
}

impl Server {
    pub async fn start(root: PathBuf, base: &'static str) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let overrides: Overrides = Default::default();
        let shared = overrides.clone();
        let stalled: Stalled = Default::default();
        let held = stalled.clone();
        let offline = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let answered = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (is_offline, count) = (offline.clone(), answered.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else {
                    continue;
                };
                if is_offline.load(std::sync::atomic::Ordering::SeqCst) {
                    drop(sock);
                    continue;
                }
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let root = root.clone();
                let shared = shared.clone();
                let held = held.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 16 * 1024];
                    let n = sock.read(&mut buf).await.unwrap_or(0);
                    let req = String::from_utf8_lossy(&buf[..n]);
                    let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
                    while held.lock().is_ok_and(|h| h.contains(&path)) {
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    }
                    let (mut status, file) = resolve(&root, base, &path);
                    let forced = shared.lock().ok().and_then(|m| m.get(&path).cloned());
                    let body = match (&file, forced) {
                        (_, Some(b)) => {
                            status = 200;
                            b
                        }
                        (Some(f), None) => tokio::fs::read(f).await.unwrap_or_default(),
                        (None, None) => b"not found".to_vec(),
                    };
                    let ctype = file.as_deref().map(content_type).unwrap_or("text/plain");
                    let reason = if status == 200 { "OK" } else { "Not Found" };
                    let head = format!(
                        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = sock.write_all(head.as_bytes()).await;
                    let _ = sock.write_all(&body).await;
                    let _ = sock.shutdown().await;
                });
            }
        });
        Server {
            origin,
            overrides,
            stalled,
            offline,
            answered,
            task,
        }
    }
}
