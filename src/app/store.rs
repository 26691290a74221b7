//! The thin browser adapter over `domain::reader::store`: localStorage in, signals out.
//! Each record is parsed by the browser's JSON reader (`app::json`).
//!
//! Raw `web_sys::Storage` rather than gloo-storage: gloo's `LocalStorage::raw()` panics when
//! storage is disabled, and we must degrade to memory instead. Every write re-reads the
//! stored record and applies one operation to it, so two tabs never drop each other's
//! changes; the `storage` event makes this tab follow the others.

use leptos::ev;
use leptos::prelude::*;
use serde_json::Value;

use crate::app::json;
use crate::domain::catalog::model::Call;
use crate::domain::panel::weights::Weights;
use crate::domain::reader::store::{
    self as schema, Bookmark, Decoded, Parsed, Pick, Settings, Theme, Vote, Votes, BACKUP_SUFFIX,
    BOOKMARKS_KEY, SETTINGS_KEY, VOTES_KEY,
};

/// The reader's data, shared through context.
#[derive(Clone, Copy)]
pub struct Store {
    pub bookmarks: RwSignal<Vec<Bookmark>>,
    pub votes: RwSignal<Votes>,
    pub settings: RwSignal<Settings>,
    /// False once storage proved unavailable or full: changes then live in memory only.
    pub persistent: RwSignal<bool>,
    /// Messages about recovered or kept-aside data, shown until dismissed.
    pub notices: RwSignal<Vec<String>>,
    /// False in a page rendered ahead of time (`app::render`), which cannot know the
    /// reader's records: it draws their controls disabled and their lists as loading.
    /// The islands of such a page (`app::islands`) start from it too, so that they draw
    /// the page's HTML again, and read the records just after.
    pub known: RwSignal<bool>,
}

/// The store context; in the islands of a prerendered page, the page's one store.
pub fn use_store() -> Store {
    use_context::<Store>().unwrap_or_else(crate::app::islands::store)
}

/// localStorage, or `None` when the browser refuses it (disabled, sandboxed, private mode).
fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Whether localStorage can really be written: some browsers hand out a storage object
/// that throws on first use. Probed once at start-up; later failures switch to memory.
fn writable() -> bool {
    let probe = "ship-or-skip.probe";
    local().is_some_and(|s| {
        let ok = s.set_item(probe, "1").is_ok();
        let _ = s.remove_item(probe);
        ok
    })
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

impl Store {
    /// Reads every record, keeping unreadable ones aside, and listens to other tabs.
    pub fn provide() -> Store {
        let store = Store::new(true, writable());
        store.reload_all(true);
        provide_context(store);
        store.follow_other_tabs();
        store
    }

    /// The store of a prerendered page's islands: blank, as the page was rendered, until
    /// [`Store::read_records`] reads the reader's records once the islands are drawn.
    pub fn unread() -> Store {
        Store::new(false, true)
    }

    /// Reads every record into a store made by [`Store::unread`] and follows other tabs.
    pub fn read_records(&self) {
        self.persistent.set(writable());
        self.reload_all(true);
        self.known.set(true);
        self.follow_other_tabs();
    }

    /// Follows the records other tabs write (the `storage` event).
    fn follow_other_tabs(self) {
        let store = self;
        let handle = window_event_listener(ev::storage, move |e| {
            let key = e.key();
            match key.as_deref() {
                Some(BOOKMARKS_KEY) | Some(VOTES_KEY) | Some(SETTINGS_KEY) | None => {
                    store.reload_all(false)
                }
                _ => {}
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The reader's records unknown, nothing in them: what a page rendered ahead of
    /// time (`app::render`) reads.
    pub fn provide_blank() -> Store {
        let store = Store::unread();
        provide_context(store);
        store
    }

    fn new(known: bool, persistent: bool) -> Store {
        Store {
            bookmarks: RwSignal::new(Vec::new()),
            votes: RwSignal::new(Votes::default()),
            settings: RwSignal::new(Settings::default()),
            persistent: RwSignal::new(persistent),
            notices: RwSignal::new(Vec::new()),
            known: RwSignal::new(known),
        }
    }

    fn reload_all(&self, first: bool) {
        if !self.persistent.get_untracked() {
            return;
        }
        let b = self.read(BOOKMARKS_KEY, schema::decode_bookmarks, |v| {
            schema::bookmarks_record(v)
        });
        let v = self.read(VOTES_KEY, schema::decode_votes, schema::votes_record);
        let s = self.read(
            SETTINGS_KEY,
            schema::decode_settings,
            schema::settings_record,
        );
        self.bookmarks.set(b);
        self.votes.set(v);
        if first || self.settings.get_untracked() != s {
            self.settings.set(s);
        }
    }

    /// Reads one record; a problem keeps the raw text under a backup key and tells the
    /// reader; a migrated record is written back in the current format.
    fn read<T: Clone>(
        &self,
        key: &str,
        decode: fn(Option<Parsed>) -> Decoded<T>,
        record: fn(&T) -> Value,
    ) -> T {
        let Some(st) = local() else {
            return decode(None).value;
        };
        let raw = st.get_item(key).ok().flatten();
        let d = decode(raw.as_deref().map(json::parse));
        if let Some(problem) = &d.problem {
            let backup = format!("{key}{BACKUP_SUFFIX}{}", js_sys::Date::now() as u64);
            let kept = raw
                .as_deref()
                .is_some_and(|r| st.set_item(&backup, r).is_ok());
            let msg = if kept {
                format!("Some of your data could not be read: {problem}. The original was kept under “{backup}”; everything readable was recovered.")
            } else {
                format!("Some of your data could not be read: {problem}.")
            };
            self.notices.update(|n| n.push(msg));
            self.write_raw(key, &json::text(&record(&d.value)));
        } else if d.migrated {
            self.write_raw(key, &json::text(&record(&d.value)));
        }
        d.value
    }

    fn write_raw(&self, key: &str, value: &str) {
        if !self.persistent.get_untracked() {
            return;
        }
        let ok = local().is_some_and(|st| st.set_item(key, value).is_ok());
        if !ok {
            self.go_memory_only();
        }
    }

    fn go_memory_only(&self) {
        self.persistent.set(false);
    }

    /// Applies `op` to the freshest stored record (another tab may have written since we
    /// read it), then saves and publishes it; in memory mode, to the signal's value.
    fn update<T: Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        signal: RwSignal<T>,
        decode: fn(Option<Parsed>) -> Decoded<T>,
        record: fn(&T) -> Value,
        op: impl FnOnce(&mut T),
    ) {
        let stored = self
            .persistent
            .get_untracked()
            .then(local)
            .flatten()
            .map(|st| decode(st.get_item(key).ok().flatten().as_deref().map(json::parse)).value);
        let mut value = stored.unwrap_or_else(|| signal.get_untracked());
        op(&mut value);
        self.write_raw(key, &json::text(&record(&value)));
        signal.set(value);
    }

    fn update_bookmarks(&self, op: impl FnOnce(&mut Vec<Bookmark>)) {
        self.update(
            BOOKMARKS_KEY,
            self.bookmarks,
            schema::decode_bookmarks,
            |v| schema::bookmarks_record(v),
            op,
        );
    }

    fn update_votes(&self, op: impl FnOnce(&mut Votes)) {
        self.update(
            VOTES_KEY,
            self.votes,
            schema::decode_votes,
            schema::votes_record,
            op,
        );
    }

    /// Whether a tool is bookmarked (reactive).
    pub fn is_bookmarked(&self, slug: &str) -> bool {
        self.bookmarks.with(|b| b.iter().any(|x| x.slug == slug))
    }

    pub fn toggle_bookmark(&self, slug: &str) {
        let now = now_iso();
        self.update_bookmarks(|b| {
            schema::toggle_bookmark(b, slug, &now);
        });
    }

    /// The reader's vote on a tool (reactive).
    pub fn vote(&self, slug: &str) -> Option<Call> {
        self.votes.with(|v| v.votes.get(slug).map(|v| v.call))
    }

    /// Casts, changes or (with `None`) withdraws the reader's vote.
    pub fn set_vote(&self, slug: &str, call: Option<Call>) {
        let now = now_iso();
        self.update_votes(|v| match call {
            Some(call) => {
                v.votes.insert(slug.to_string(), Vote { call, at: now });
            }
            None => {
                v.votes.remove(slug);
            }
        });
    }

    /// The reader's pick on a comparison of `slugs` (reactive).
    pub fn pick(&self, slugs: &[String]) -> Option<String> {
        let key = crate::domain::catalog::model::pick_key(slugs);
        self.votes
            .with(|v| v.picks.get(&key).map(|p| p.slug.clone()))
    }

    /// Records (or with `None` withdraws) "Which would you ship?" on a comparison.
    pub fn set_pick(&self, slugs: &[String], pick: Option<&str>) {
        let key = crate::domain::catalog::model::pick_key(slugs);
        let now = now_iso();
        self.update_votes(|v| match pick {
            Some(slug) => {
                v.picks.insert(
                    key,
                    Pick {
                        slug: slug.to_string(),
                        at: now,
                    },
                );
            }
            None => {
                v.picks.remove(&key);
            }
        });
    }

    fn update_settings(&self, op: impl FnOnce(&mut Settings)) {
        self.update(
            SETTINGS_KEY,
            self.settings,
            schema::decode_settings,
            schema::settings_record,
            op,
        );
    }

    pub fn set_theme(&self, theme: Theme) {
        self.update_settings(|s| s.theme = theme);
    }

    /// The reader's persona weights (reactive).
    pub fn weights(&self) -> Weights {
        self.settings.with(|s| s.weights.clone())
    }

    /// Replaces the reader's persona weights (saved with the settings).
    pub fn set_weights(&self, weights: Weights) {
        self.update_settings(|s| s.weights = weights);
    }

    /// The export file's text.
    pub fn export_json(&self) -> String {
        schema::export(
            &self.bookmarks.get_untracked(),
            &self.votes.get_untracked(),
            &now_iso(),
        )
    }

    /// Applies a previewed import plan.
    pub fn apply_import(&self, plan: &schema::ImportPlan) {
        self.update_bookmarks(|b| schema::apply_import(b, &mut Votes::default(), plan));
        self.update_votes(|v| schema::apply_import(&mut Vec::new(), v, plan));
    }
}
