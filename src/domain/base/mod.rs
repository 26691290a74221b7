//! Building blocks with no knowledge of the catalog: case folding for search, one stable
//! sort for short lists, XML escaping. Depends on nothing else in the domain.

pub mod escape;
pub mod fold;
pub mod order;
