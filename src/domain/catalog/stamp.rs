//! A catalog the build has checked, known again by its digest.
//!
//! `catalog stamp` (run by `catalog site`) checks the built `catalog.json` as the
//! app would ([`load_served`]) and, when the whole file is valid with no entry skipped,
//! prints its digest; the build writes it into every page
//! (`<meta name="ship-or-skip-catalog">`). The app then reads exactly those bytes with
//! [`load_stamped`]: parsed and typed, not checked again, so the checks' code (≈ 10 KB
//! gzip) stays out of home's wasm and is fetched (`split_checks`) only for a catalog the
//! build did not check: one swapped in after the build, or one with problems to report.
//!
//! The digest is FNV-1a (64 bits): it tells an edited or swapped file from the checked
//! one, which is all it is for. It is no defence against someone who can write the
//! site's files, who could as well change the pages that carry it.

use std::hash::Hasher;

use super::validate::{load_served, read_checked, Loaded};

/// The page's `<meta>` that carries the stamp.
pub const META_SELECTOR: &str = "meta[name=\"ship-or-skip-catalog\"]";

/// The digest of a catalog's text.
pub fn digest(text: &str) -> u64 {
    let mut h = fnv::FnvHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

/// The stamp of `text`, its digest in 16 hex digits, when the whole file is valid with
/// nothing skipped; `None` for a file the app must check (and report on) itself.
pub fn stamp(text: &str) -> Option<String> {
    match load_served(text) {
        Ok(loaded) if loaded.skipped.is_empty() => Some(format!("{:016x}", digest(text))),
        _ => None,
    }
}

/// The catalog in `text`, read without its checks when `text` is the file `stamp` was
/// made of; `None` otherwise (no stamp, another file), and the caller checks it in full.
pub fn load_stamped(text: &str, stamp: &str) -> Option<Loaded> {
    // Read as a number, not the digest written out: no formatting code in the wasm.
    if u64::from_str_radix(stamp, 16) != Ok(digest(text)) {
        return None;
    }
    read_checked(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::synth::generate;
    use crate::domain::catalog::validate::load;
    use crate::domain::testdata::SHIPPED;

    #[test]
    fn the_digest_is_fnv1a_64() {
        // The published test vectors of FNV-1a, 64 bits.
        assert_eq!(digest(""), 0xcbf29ce484222325);
        assert_eq!(digest("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(digest("foobar"), 0x85944171f73967e8);
        assert_eq!(stamp("{").map(|_| ()), None);
        assert_eq!(stamp(SHIPPED).unwrap(), format!("{:016x}", digest(SHIPPED)));
    }

    #[test]
    fn a_stamped_catalog_reads_as_its_checks_read_it() {
        let shipped = stamp(SHIPPED).expect("the shipped catalog is valid whole");
        assert_eq!(
            load_stamped(SHIPPED, &shipped),
            Some(load(SHIPPED).unwrap())
        );
        for (n, seed) in [(1, 1), (40, 7), (300, 42)] {
            let text = serde_json::to_string(&generate(n, seed)).unwrap();
            let s = stamp(&text).expect("a generated catalog is valid whole");
            let read = load_stamped(&text, &s).expect("read by its stamp");
            assert_eq!(read, load(&text).unwrap(), "{n} tools");
            assert_eq!(read.catalog.tools.len(), n);
        }
    }

    #[test]
    fn another_file_is_not_read_by_the_stamp() {
        let s = stamp(SHIPPED).unwrap();
        assert_eq!(load_stamped(SHIPPED, ""), None);
        assert_eq!(load_stamped(SHIPPED, "0000000000000000"), None);
        assert_eq!(load_stamped(SHIPPED, "not hex"), None);
        assert!(load_stamped(SHIPPED, &s.to_uppercase()).is_some());
        // One character changed, the file still valid: checked again all the same.
        let edited = SHIPPED.replacen("\"score\": 8", "\"score\": 9", 1);
        assert_ne!(edited, SHIPPED);
        assert!(load(&edited).is_ok());
        assert_eq!(load_stamped(&edited, &s), None);
    }

    #[test]
    fn a_catalog_with_problems_gets_no_stamp() {
        // A tool the app would skip, and a file it would refuse.
        let skipped = SHIPPED.replacen("\"score\": 8", "\"score\": 800", 1);
        assert!(!load(&skipped).unwrap().skipped.is_empty());
        assert_eq!(stamp(&skipped), None);
        assert_eq!(stamp("{"), None);
        assert_eq!(stamp(""), None);
    }
}
