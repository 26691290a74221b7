//! `make deploy-s3` (scripts/deploy-s3.sh) against a real S3 API: moto's server on
//! loopback (set up in target/tools/py by scripts/setup.sh), a copy of the e2e build
//! uploaded by rclone. Checks what a CDN would serve (every file, each page under its
//! route too, content types, cache headers), then that a second upload sends nothing and
//! a third only the file that changed, and deletes the file the build dropped.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use support::{copy_dir, files_under};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Moto's server, stopped when dropped; its request log is `log`.
struct Moto {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Moto {
    fn start(work: &Path) -> Moto {
        let bin = std::env::var_os("MOTO_SERVER")
            .map(PathBuf::from)
            .unwrap_or_else(|| root().join("target/tools/py/bin/moto_server"));
        assert!(
            bin.exists(),
            "{}: run scripts/setup.sh --browser",
            bin.display()
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let log = work.join("moto.log");
        let child = Command::new(bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("moto's log"))
            .spawn()
            .expect("moto_server starts");
        let moto = Moto { child, port, log };
        for _ in 0..300 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return moto;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("moto_server did not listen on {port} in 30 s");
    }

    /// The requests of `method` logged so far, by path (`/bucket/key`).
    fn requests(&self, method: &str) -> Vec<String> {
        let log = without_colours(&std::fs::read_to_string(&self.log).expect("moto's log"));
        let needle = format!("\"{method} /");
        log.lines()
            .filter_map(|l| l.split_once(&needle).map(|(_, rest)| rest))
            .filter_map(|rest| rest.split(' ').next())
            .map(|p| format!("/{p}"))
            .collect()
    }
}

/// `text` without its terminal colour codes (`ESC [ … m`), which the server's log puts
/// around some requests.
fn without_colours(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}

const BUCKET: &str = "ship-or-skip-site";

/// rclone (the deploy's own client) with the bucket's remote in its environment.
fn rclone(moto: &Moto) -> Command {
    let mut c = Command::new("rclone");
    c.envs(remote(moto)).env_remove("AWS_CA_BUNDLE");
    c
}

fn remote(moto: &Moto) -> Vec<(&'static str, String)> {
    vec![
        ("RCLONE_CONFIG", "/dev/null".into()),
        ("RCLONE_CONFIG_SITE_TYPE", "s3".into()),
        ("RCLONE_CONFIG_SITE_PROVIDER", "Other".into()),
        ("RCLONE_CONFIG_SITE_ENV_AUTH", "true".into()),
        ("RCLONE_CONFIG_SITE_FORCE_PATH_STYLE", "true".into()),
        (
            "RCLONE_CONFIG_SITE_ENDPOINT",
            format!("http://127.0.0.1:{}", moto.port),
        ),
        ("AWS_ACCESS_KEY_ID", "test".into()),
        ("AWS_SECRET_ACCESS_KEY", "test".into()),
    ]
}

fn deploy(moto: &Moto, dist: &Path) {
    let out = Command::new(root().join("scripts/deploy-s3.sh"))
        .arg(dist)
        .env("S3_BUCKET", BUCKET)
        .env("S3_ENDPOINT", format!("http://127.0.0.1:{}", moto.port))
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("RCLONE_CONFIG", "/dev/null")
        .output()
        .expect("scripts/deploy-s3.sh runs");
    assert!(
        out.status.success(),
        "deploy failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every object of the bucket: its content type and cache header.
fn objects(moto: &Moto) -> BTreeMap<String, (String, String)> {
    let out = rclone(moto)
        .args(["lsjson", "-R", "-M", "--files-only"])
        .arg(format!("site:{BUCKET}"))
        .output()
        .expect("rclone lsjson");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    list.iter()
        .map(|o| {
            let meta = |k: &str| o["Metadata"][k].as_str().unwrap_or("").to_string();
            (
                o["Path"].as_str().unwrap().to_string(),
                (meta("content-type"), meta("cache-control")),
            )
        })
        .collect()
}

/// The type a browser needs for each kind of file of the build.
fn expected_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") | None => "text/html",
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("webmanifest") => "application/manifest+json",
        Some("xml") => "text/xml",
        Some("txt") => "text/plain",
        Some("csv") => "text/csv",
        Some(other) => panic!("{path}: a kind of file this test does not know ({other})"),
    }
}

/// Named by a hash of its content (Trunk's and `catalog site`'s names).
fn is_hashed(path: &str) -> bool {
    let Some(stem) = path
        .strip_suffix(".js")
        .or_else(|| path.strip_suffix(".css"))
        .or_else(|| path.strip_suffix(".wasm"))
    else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| {
        (15..=16).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[test]
fn a_built_site_uploads_to_an_object_store_and_again_only_what_changed() {
    let built = root()
        .join(std::env::var("E2E_DIST_ROOT").unwrap_or_else(|_| "target/e2e-dist-root".into()));
    assert!(
        built.join("sw.js").exists(),
        "{}: make e2e-dist",
        built.display()
    );
    let work = root().join("target/tmp/deploy");
    let _ = std::fs::remove_dir_all(&work);
    let dist = work.join("dist");
    copy_dir(&built, &dist);
    let moto = Moto::start(&work);
    let made = rclone(&moto)
        .args(["mkdir", &format!("site:{BUCKET}")])
        .output()
        .expect("rclone mkdir");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    deploy(&moto, &dist);
    let stored = objects(&moto);
    let mut files = Vec::new();
    files_under(&dist, "", &mut files);
    let pages: Vec<&String> = (files.iter())
        .filter(|f| f.ends_with(".html") && *f != "index.html" && *f != "404.html")
        .collect();
    assert!(pages.iter().any(|p| p.starts_with("tool/")), "{pages:?}");
    let mut expected: Vec<String> = files.clone();
    expected.extend(
        pages
            .iter()
            .map(|p| p.trim_end_matches(".html").to_string()),
    );
    expected.sort();
    let keys: Vec<String> = stored.keys().cloned().collect();
    assert_eq!(keys, expected, "every file, and every page under its route");
    for (path, (kind, cache)) in &stored {
        assert!(
            kind.starts_with(expected_type(path)),
            "{path}: served as {kind:?}"
        );
        let want = if is_hashed(path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        assert_eq!(cache, want, "{path}");
    }
    assert!(stored
        .keys()
        .any(|k| is_hashed(k) && k.ends_with("_bg.wasm")));

    // Built again, the same bytes: nothing is sent. (A build rewrites every file, so
    // every file is newer than its upload: only the content may decide.)
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    for f in &files {
        let file = std::fs::File::options()
            .write(true)
            .open(dist.join(f))
            .unwrap();
        file.set_modified(later).expect("set the file's time");
    }
    let (puts, deletes) = (moto.requests("PUT").len(), moto.requests("DELETE").len());
    deploy(&moto, &dist);
    assert_eq!(
        moto.requests("PUT").len(),
        puts,
        "a second upload sent files"
    );
    assert_eq!(moto.requests("DELETE").len(), deletes);

    // One page changed as a new build changes it: another build id, the same size, so
    // only its content tells. And a badge gone.
    let page = pages.iter().find(|p| p.starts_with("tool/")).unwrap();
    let text = std::fs::read_to_string(dist.join(page)).unwrap();
    let meta = "<meta name=\"ship-or-skip-build\" content=\"";
    let at = text.find(meta).expect("the page's build id") + meta.len();
    let changed = format!("{}000000000000{}", &text[..at], &text[at + 12..]);
    assert_eq!(changed.len(), text.len());
    assert_ne!(changed, text);
    std::fs::write(dist.join(page), &changed).unwrap();
    let badge = files.iter().find(|f| f.starts_with("badges/")).unwrap();
    std::fs::remove_file(dist.join(badge)).unwrap();
    deploy(&moto, &dist);
    let mut sent = moto.requests("PUT").split_off(puts);
    sent.sort();
    let route = page.trim_end_matches(".html");
    assert_eq!(
        sent,
        vec![format!("/{BUCKET}/{route}"), format!("/{BUCKET}/{page}")],
        "only the changed page and its route"
    );
    assert_eq!(
        moto.requests("DELETE").split_off(deletes),
        vec![format!("/{BUCKET}/{badge}")]
    );
    assert!(!objects(&moto).contains_key(badge.as_str()));
}
