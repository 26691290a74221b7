//! Screenshots for the README (`make screenshots`; ignored otherwise).

use crate::support::{Browser, Engine};
use crate::Steps;

/// Screenshots for the README, from every selected engine: `make screenshots` (writes
/// docs/screenshots/compare-<engine>.png, and Chromium's dark and phone views).
pub fn screenshots(b: &Browser) -> Steps<'_> {
    Box::pin(async move {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let page = "compare/mistral-medium-3-72b-instruct-vs-openrouter-model-fusion";
        let e = b.engine.as_str();
        let mut shots = vec![(format!("compare-{e}.png"), "light", 1280, 1800)];
        if b.engine == Engine::Chromium {
            shots.push(("compare-dark.png".into(), "dark", 1280, 1800));
            shots.push(("compare-phone.png".into(), "light", 360, 1600));
        }
        for (file, theme, w, h) in shots {
            b.client.set_window_size(w, h).await.expect("window size");
            b.goto(page).await;
            b.js(&format!(
                "localStorage.setItem('ship-or-skip.settings', JSON.stringify({{version: 1, theme: '{theme}'}})); return 0"
            ))
            .await;
            b.reload().await;
            // Taken over WebDriver once the app has drawn the scorecard.
            b.text("table.scorecard").await;
            let applied = b.js("return document.documentElement.dataset.theme").await;
            assert_eq!(applied, theme, "{e}");
            let path = dir.join(&file);
            b.screenshot(path.to_str().unwrap()).await;
            assert!(
                std::fs::metadata(&path).unwrap().len() > 10_000,
                "{file} is not empty"
            );
        }
        b.js("localStorage.clear(); return 0").await;
    })
}
