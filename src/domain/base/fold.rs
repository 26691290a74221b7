//! Letters, digits and case for search and avatars, without Unicode's tables.
//!
//! `char::is_alphanumeric`, `to_lowercase` and `to_uppercase` link about 30 KB of tables
//! into the wasm: 16.7 KB gzip of a landing page's 120 KB budget (docs/size.md). These
//! rules give the same answers for the scripts product names are written in (Latin with
//! its European and Vietnamese letters, Greek, Cyrillic) and for punctuation and symbols,
//! which the tests check against the standard library, character by character. Elsewhere
//! a character is a letter unless it is a space, a mark, punctuation or a symbol of the
//! blocks listed below, and it has no case: a capital of another script (Armenian,
//! Georgian, Cherokee…) is not found by its small letter.

/// Capitals from `first` to `last`, every `step`th, whose small letter is `offset` after.
const CASES: [(u32, u32, i32, u32); 37] = [
    (0x41, 0x5A, 32, 1),
    (0xC0, 0xD6, 32, 1),
    (0xD8, 0xDE, 32, 1),
    (0x100, 0x12E, 1, 2),
    (0x132, 0x136, 1, 2),
    (0x139, 0x147, 1, 2),
    (0x14A, 0x176, 1, 2),
    (0x179, 0x17D, 1, 2),
    (0x178, 0x178, 0xFF - 0x178, 1),
    (0x1A0, 0x1A4, 1, 2),
    (0x1AF, 0x1AF, 1, 1),
    (0x1B3, 0x1B5, 1, 2),
    (0x1B8, 0x1B8, 1, 1),
    (0x1BC, 0x1BC, 1, 1),
    (0x1CD, 0x1DB, 1, 2),
    (0x1DE, 0x1EE, 1, 2),
    (0x1F4, 0x1F4, 1, 1),
    (0x1F8, 0x21E, 1, 2),
    (0x222, 0x232, 1, 2),
    (0x246, 0x24E, 1, 2),
    (0x1E9E, 0x1E9E, 0xDF - 0x1E9E, 1),
    (0x386, 0x386, 38, 1),
    (0x388, 0x38A, 37, 1),
    (0x38C, 0x38C, 64, 1),
    (0x38E, 0x38F, 63, 1),
    (0x391, 0x3A1, 32, 1),
    (0x3A3, 0x3AB, 32, 1),
    (0x3D8, 0x3EE, 1, 2),
    (0x400, 0x40F, 80, 1),
    (0x410, 0x42F, 32, 1),
    (0x460, 0x480, 1, 2),
    (0x48A, 0x4BE, 1, 2),
    (0x4C1, 0x4CD, 1, 2),
    (0x4C0, 0x4C0, 15, 1),
    (0x4D0, 0x52E, 1, 2),
    (0x1E00, 0x1E94, 1, 2),
    (0x1EA0, 0x1EFE, 1, 2),
];

/// Greek capitals with breathings (U+1F08…): their small letters are 8 before them.
const BACK_8: [(u32, u32); 5] = [
    (0x1F08, 0x1F0F),
    (0x1F18, 0x1F1D),
    (0x1F28, 0x1F2F),
    (0x1F38, 0x1F3F),
    (0x1F48, 0x1F4D),
];

/// Spaces, marks, punctuation and symbols outside ASCII: never part of a word.
const NOT_WORD: [(u32, u32); 24] = [
    (0x80, 0xA9),
    (0xAB, 0xB1),
    (0xB4, 0xB4),
    (0xB6, 0xB8),
    (0xBB, 0xBB),
    (0xBF, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2C2, 0x2C5),
    (0x2D2, 0x2DF),
    (0x2E5, 0x2EB),
    (0x2ED, 0x2ED),
    (0x2EF, 0x36F),
    (0x375, 0x375),
    (0x37E, 0x37E),
    (0x384, 0x385),
    (0x387, 0x387),
    (0x3F6, 0x3F6),
    (0x482, 0x489),
    (0x2000, 0x206F),
    (0x20A0, 0x20FF),
    (0x207A, 0x207E),
    (0x208A, 0x208E),
    (0x3000, 0x3004),
];

/// Whether `c` belongs to a word (letters and digits): as `char::is_alphanumeric` for
/// ASCII, Latin, Greek, Cyrillic and the punctuation and symbol blocks above.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let n = c as u32;
    !NOT_WORD.iter().any(|&(a, b)| (a..=b).contains(&n))
}

/// `c`'s small letter, where [`CASES`] knows it; otherwise `c`.
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // "i̇" in the standard library, with a combining dot no reader types: the letter.
    if c == 'İ' {
        return 'i';
    }
    let n = c as u32;
    if BACK_8.iter().any(|&(a, b)| (a..=b).contains(&n)) {
        return char::from_u32(n - 8).unwrap_or(c);
    }
    CASES
        .iter()
        .find(|&&(a, b, _, step)| (a..=b).contains(&n) && (n - a) % step == 0)
        .and_then(|&(_, _, offset, _)| char::from_u32(n.wrapping_add_signed(offset)))
        .unwrap_or(c)
}

/// `c`'s capital, where [`CASES`] knows it; otherwise `c`.
pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    // Small letters that are not their capital's only small letter.
    match c {
        'µ' => return 'Μ',
        'ı' => return 'I',
        'ſ' => return 'S',
        'ς' => return 'Σ',
        'ẛ' => return 'Ṡ',
        // "SS" in the standard library: not one character.
        'ß' => return 'ß',
        _ => {}
    }
    let n = c as u32;
    if BACK_8.iter().any(|&(a, b)| (a - 8..=b - 8).contains(&n)) {
        return char::from_u32(n + 8).unwrap_or(c);
    }
    CASES
        .iter()
        .find(|&&(a, b, offset, step)| {
            let (a, b) = (a.wrapping_add_signed(offset), b.wrapping_add_signed(offset));
            (a..=b).contains(&n) && (n - a) % step == 0
        })
        .and_then(|&(_, _, offset, _)| char::from_u32(n.wrapping_add_signed(-offset)))
        .unwrap_or(c)
}

/// `s` in small letters ([`lower`]).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the rules must answer as the standard library does: ASCII, Latin-1,
    /// Latin Extended-A, the letters of Latin Extended-B that European and Vietnamese
    /// names use, Greek, Cyrillic, Latin Extended Additional, and (for word characters)
    /// the punctuation and symbol blocks.
    fn covered(words: bool) -> impl Iterator<Item = char> {
        let extended_b = [
            0x1A0..=0x1A5,
            0x1AF..=0x1B0,
            0x1CD..=0x1DC,
            0x1DE..=0x1EF,
            0x1F8..=0x21F,
            0x222..=0x233,
        ];
        let words_only = [0x180..=0x24F, 0x2000..=0x20FF, 0x3000..=0x3004]
            .into_iter()
            .filter(move |_| words);
        [0x0..=0x17F, 0x386..=0x3CE, 0x400..=0x52F, 0x1E00..=0x1EFF]
            .into_iter()
            .chain(extended_b)
            .chain(words_only)
            .flatten()
            // Not assigned yet: no letters.
            .filter(|n| {
                !matches!(
                    n,
                    0x38B | 0x38D | 0x3A2 | 0x2072 | 0x2073 | 0x208F | 0x209D..=0x209F
                )
            })
            .filter_map(char::from_u32)
    }

    fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
        let c = it.next()?;
        it.next().is_none().then_some(c)
    }

    /// Asserts that no character of `chars` is `wrong`, naming those that are.
    fn none_wrong(chars: impl Iterator<Item = char>, wrong: impl Fn(char) -> bool) {
        let wrong: Vec<String> = chars
            .filter(|&c| wrong(c))
            .map(|c| format!("U+{:04X} {c}", c as u32))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn letters_and_digits_are_the_standard_librarys() {
        none_wrong(covered(true), |c| is_word_char(c) != c.is_alphanumeric());
    }

    #[test]
    fn small_letters_are_the_standard_librarys() {
        none_wrong(covered(false), |c| {
            single(c.to_lowercase()).is_some_and(|l| l != lower(c))
        });
    }

    #[test]
    fn capitals_are_the_standard_librarys() {
        none_wrong(covered(false), |c| {
            single(c.to_uppercase()).is_some_and(|u| u != upper(c))
        });
    }

    #[test]
    fn nothing_is_folded_wrongly_anywhere() {
        // Outside the blocks a character may keep its case, but never gets a wrong one.
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            if lower(c) != c && c != 'İ' {
                assert_eq!(
                    single(c.to_lowercase()),
                    Some(lower(c)),
                    "U+{:04X}",
                    c as u32
                );
            }
            if upper(c) != c {
                assert_eq!(
                    single(c.to_uppercase()),
                    Some(upper(c)),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn words_fold_as_readers_type_them() {
        assert_eq!(
            lowercase("Ångström ÉLAN Σοφία МОСКВА Đặng"),
            "ångström élan σοφία москва đặng"
        );
        assert!(!"—“”…€·".chars().any(is_word_char));
        assert!("é1²ñ漢".chars().all(is_word_char));
    }
}
