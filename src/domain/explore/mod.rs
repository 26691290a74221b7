//! How a reader finds tools: routes and their query strings, facets and sort, search, the
//! list's lines. Depends on `panel`, `catalog` and `base` (not on `reader`).

pub mod browse;
mod doc;
pub mod listing;
pub mod routes;
pub mod search;
pub mod terms;
pub mod text;
