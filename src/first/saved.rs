//! The reader's bookmarks and settings in localStorage, read and written as the app's
//! store does (`domain::reader::store`). Only clean records: anything to recover, migrate or keep
//! aside, or a storage that refuses writes, is the app's, which says so to the reader.

use crate::domain::reader::store::{
    decode_bookmarks, decode_settings, encode_bookmarks, encode_settings, parse_record,
    toggle_bookmark, Bookmark, Decoded, Parsed, Settings, BOOKMARKS_KEY, SETTINGS_KEY,
};

/// What the first view shows of the reader's data.
pub struct Saved {
    pub bookmarks: Vec<Bookmark>,
    pub settings: Settings,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// One record, or `None` when it is not clean or storage cannot be read.
fn read<T>(
    st: &web_sys::Storage,
    key: &str,
    decode: fn(Option<Parsed>) -> Decoded<T>,
) -> Option<T> {
    let raw = st.get_item(key).ok()?;
    // The JSON reader home links for the catalog: the browser's (`app::json`) would add
    // its own code to home's module.
    let d = decode(raw.as_deref().map(parse_record));
    (d.problem.is_none() && !d.migrated).then_some(d.value)
}

impl Saved {
    /// The reader's records, when storage works and both are clean.
    pub fn read() -> Option<Saved> {
        let st = local()?;
        // Some browsers hand out a storage that throws on first write.
        let probe = "ship-or-skip.probe";
        st.set_item(probe, "1").ok()?;
        let _ = st.remove_item(probe);
        Saved::reread()
    }

    /// The records again, without probing: another tab wrote them (a probe here would
    /// wake every other tab's `storage` listener in turn).
    pub fn reread() -> Option<Saved> {
        let st = local()?;
        Some(Saved {
            bookmarks: read(&st, BOOKMARKS_KEY, decode_bookmarks)?,
            settings: read(&st, SETTINGS_KEY, decode_settings)?,
        })
    }

    /// Adds or removes the bookmark of `slug` in the stored record (another tab may have
    /// written since it was read); `None` when that fails, for the app to handle.
    pub fn toggle_bookmark(&mut self, slug: &str) -> Option<()> {
        let st = local()?;
        let mut items = read(&st, BOOKMARKS_KEY, decode_bookmarks)?;
        let now: String = js_sys::Date::new_0().to_iso_string().into();
        toggle_bookmark(&mut items, slug, &now);
        st.set_item(BOOKMARKS_KEY, &encode_bookmarks(&items)).ok()?;
        self.bookmarks = items;
        Some(())
    }

    /// Changes the stored settings with `op`; `None` when that fails.
    pub fn update_settings(&mut self, op: impl FnOnce(&mut Settings)) -> Option<()> {
        let st = local()?;
        let mut settings = read(&st, SETTINGS_KEY, decode_settings)?;
        op(&mut settings);
        st.set_item(SETTINGS_KEY, &encode_settings(&settings))
            .ok()?;
        self.settings = settings;
        Some(())
    }

    /// Whether `slug` is bookmarked.
    pub fn is_bookmarked(&self, slug: &str) -> bool {
        self.bookmarks.iter().any(|b| b.slug == slug)
    }
}
