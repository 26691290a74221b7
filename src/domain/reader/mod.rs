//! What a reader keeps in this browser: bookmarks, votes, picks and settings, their
//! versioned records, migrations and import. Depends on `panel`, `catalog` and `base`.

pub mod store;
