//! One file per page.

pub mod bookmarks;
pub mod compare;
pub mod home;
pub mod not_found;
pub mod reviewer;
pub mod tool;
