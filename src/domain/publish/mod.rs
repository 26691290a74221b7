//! What the site says about the catalog in words and files: page heads and summaries, the
//! Atom feed, a tool's verdict changelog, the open data and badges, the share cards' layout. Depends on `explore`,
//! `panel`, `catalog` and `base`.

pub mod card;
pub mod changelog;
pub mod feed;
pub mod opendata;
pub mod summary;
