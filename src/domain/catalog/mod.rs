//! The catalog: its schema, read from JSON by hand, checked, limited, split into files and
//! stamped; synthetic catalogs and JSON positions for the `catalog` tool. Depends on `base`.

pub mod guard;
pub mod jsonpos;
pub mod model;
pub mod problem;
pub mod split;
pub mod stamp;
pub mod synth;
pub mod typing;
pub mod validate;
