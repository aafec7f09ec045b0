//! Spelling variants of names: diacritics folded so that "Erdoğan" and
//! "Erdogan", "José" and "Jose" meet.
//!
//! Input: a name or a word of one. Output: the same with every Latin
//! letter carrying a diacritic replaced by its base letter, following the
//! canonical decompositions of the Unicode Latin-1 Supplement and Latin
//! Extended-A blocks (a letter whose decomposition is a base letter and
//! combining marks; "ß", "æ", "ø", "ł", "đ", "ı" by their usual
//! transcriptions). Used by the resolve stage to match a surname to the
//! fuller name of the article.

use std::borrow::Cow;

/// Letters with diacritics and their base letters, pairwise.
const FOLDS: &[(char, &str)] = &[
    ('À', "A"), ('Á', "A"), ('Â', "A"), ('Ã', "A"), ('Ä', "A"), ('Å', "A"),
    ('Æ', "AE"), ('Ç', "C"), ('È', "E"), ('É', "E"), ('Ê', "E"), ('Ë', "E"),
    ('Ì', "I"), ('Í', "I"), ('Î', "I"), ('Ï', "I"), ('Ð', "D"), ('Ñ', "N"),
    ('Ò', "O"), ('Ó', "O"), ('Ô', "O"), ('Õ', "O"), ('Ö', "O"), ('Ø', "O"),
    ('Ù', "U"), ('Ú', "U"), ('Û', "U"), ('Ü', "U"), ('Ý', "Y"), ('ß', "ss"),
    ('à', "a"), ('á', "a"), ('â', "a"), ('ã', "a"), ('ä', "a"), ('å', "a"),
    ('æ', "ae"), ('ç', "c"), ('è', "e"), ('é', "e"), ('ê', "e"), ('ë', "e"),
    ('ì', "i"), ('í', "i"), ('î', "i"), ('ï', "i"), ('ð', "d"), ('ñ', "n"),
    ('ò', "o"), ('ó', "o"), ('ô', "o"), ('õ', "o"), ('ö', "o"), ('ø', "o"),
    ('ù', "u"), ('ú', "u"), ('û', "u"), ('ü', "u"), ('ý', "y"), ('ÿ', "y"),
    ('Ā', "A"), ('ā', "a"), ('Ă', "A"), ('ă', "a"), ('Ą', "A"), ('ą', "a"),
    ('Ć', "C"), ('ć', "c"), ('Ĉ', "C"), ('ĉ', "c"), ('Ċ', "C"), ('ċ', "c"),
    ('Č', "C"), ('č', "c"), ('Ď', "D"), ('ď', "d"), ('Đ', "D"), ('đ', "d"),
    ('Ē', "E"), ('ē', "e"), ('Ĕ', "E"), ('ĕ', "e"), ('Ė', "E"), ('ė', "e"),
    ('Ę', "E"), ('ę', "e"), ('Ě', "E"), ('ě', "e"), ('Ĝ', "G"), ('ĝ', "g"),
    ('Ğ', "G"), ('ğ', "g"), ('Ġ', "G"), ('ġ', "g"), ('Ģ', "G"), ('ģ', "g"),
    ('Ĥ', "H"), ('ĥ', "h"), ('Ħ', "H"), ('ħ', "h"), ('Ĩ', "I"), ('ĩ', "i"),
    ('Ī', "I"), ('ī', "i"), ('Ĭ', "I"), ('ĭ', "i"), ('Į', "I"), ('į', "i"),
    ('İ', "I"), ('ı', "i"), ('Ĵ', "J"), ('ĵ', "j"), ('Ķ', "K"), ('ķ', "k"),
    ('Ĺ', "L"), ('ĺ', "l"), ('Ļ', "L"), ('ļ', "l"), ('Ľ', "L"), ('ľ', "l"),
    ('Ł', "L"), ('ł', "l"), ('Ń', "N"), ('ń', "n"), ('Ņ', "N"), ('ņ', "n"),
    ('Ň', "N"), ('ň', "n"), ('Ō', "O"), ('ō', "o"), ('Ŏ', "O"), ('ŏ', "o"),
    ('Ő', "O"), ('ő', "o"), ('Œ', "OE"), ('œ', "oe"), ('Ŕ', "R"), ('ŕ', "r"),
    ('Ŗ', "R"), ('ŗ', "r"), ('Ř', "R"), ('ř', "r"), ('Ś', "S"), ('ś', "s"),
    ('Ŝ', "S"), ('ŝ', "s"), ('Ş', "S"), ('ş', "s"), ('Š', "S"), ('š', "s"),
    ('Ţ', "T"), ('ţ', "t"), ('Ť', "T"), ('ť', "t"), ('Ŧ', "T"), ('ŧ', "t"),
    ('Ũ', "U"), ('ũ', "u"), ('Ū', "U"), ('ū', "u"), ('Ŭ', "U"), ('ŭ', "u"),
    ('Ů', "U"), ('ů', "u"), ('Ű', "U"), ('ű', "u"), ('Ų', "U"), ('ų', "u"),
    ('Ŵ', "W"), ('ŵ', "w"), ('Ŷ', "Y"), ('ŷ', "y"), ('Ÿ', "Y"), ('Ź', "Z"),
    ('ź', "z"), ('Ż', "Z"), ('ż', "z"), ('Ž', "Z"), ('ž', "z"), ('Ș', "S"),
    ('ș', "s"), ('Ț', "T"), ('ț', "t"),
];

/// `s` with its diacritics folded; borrowed when it has none.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match FOLDS.binary_search_by(|(k, _)| k.cmp(&c)) {
            Ok(i) => out.push_str(FOLDS[i].1),
            Err(_) => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A word of a name as a key that spelling variants of it share:
/// diacritics folded, lower case, an Arabic article dropped ("al-Abadi",
/// "Abadi"), doubled letters single, and the endings and digraphs that
/// romanisations of one name differ by made one: Ukrainian and Russian
/// "-yy", "-iy", "-yi", "-ii" ("Zelenskyy", "Zelenskiy", "Zelensky": the
/// national, BGN/PCGN and news forms of one name), Persian and Arabic
/// "ou" and "u" ("Rouhani", "Ruhani"). Used only to match a word to a name
/// already written in full in the same article, never to guess a name.
pub fn variant_key(word: &str) -> String {
    let folded = fold(word);
    let ascii = folded.is_ascii();
    // An ASCII word (most names once folded) in one buffer; `to_lowercase`
    // is ASCII lower-casing there.
    let lower;
    let mut w = if ascii {
        folded.as_ref()
    } else {
        lower = folded.to_lowercase();
        lower.as_str()
    };
    for article in ["al-", "el-", "ad-", "as-", "ash-", "at-", "ar-", "an-"] {
        if w.len() >= article.len() && w.as_bytes()[..article.len()].eq_ignore_ascii_case(article.as_bytes()) {
            w = &w[article.len()..];
            break;
        }
    }
    let mut out = String::with_capacity(w.len() + 1);
    // An ASCII word byte by byte: no char decoding (callgrind, 400 KB
    // Wikinews, with the "ou" test below: variant_key 4.7 -> 3.5
    // instructions a byte).
    if ascii {
        push_undoubled(&mut out, w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        push_undoubled(&mut out, w.chars());
    }
    // A two-byte window, not `str::contains`, whose searcher costs more
    // to build than a name is long.
    if out.as_bytes().windows(2).any(|p| p == b"ou") {
        out = out.replace("ou", "u");
    }
    for ending in ["iy", "yi", "ii"] {
        if out.ends_with(ending) {
            out.truncate(out.len() - ending.len());
            out.push('y');
            return out;
        }
    }
    out
}

/// Pushes `chars` to `out` with each run of one letter written once
/// ("Abbas" -> "abas").
#[inline(always)]
fn push_undoubled(out: &mut String, chars: impl Iterator<Item = char>) {
    let mut last = None;
    for c in chars {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{fold, variant_key, FOLDS};

    /// The key as first written, with a String at each step: the one
    /// buffer of [`variant_key`] must give the same keys.
    fn variant_key_by_steps(word: &str) -> String {
        let lower = fold(word).to_lowercase();
        let mut w = lower.as_str();
        for article in ["al-", "el-", "ad-", "as-", "ash-", "at-", "ar-", "an-"] {
            if let Some(rest) = w.strip_prefix(article) {
                w = rest;
                break;
            }
        }
        let mut out = String::with_capacity(w.len());
        for c in w.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        let out = out.replace("ou", "u");
        for ending in ["iy", "yi", "ii"] {
            if let Some(stem) = out.strip_suffix(ending) {
                return format!("{stem}y");
            }
        }
        out
    }

    #[test]
    fn the_key_is_the_same_as_by_steps() {
        for w in [
            "", "a", "ii", "Al-Abadi", "AL-ABADI", "aL-x", "al-", "Ash-Sharq", "An-Nahar",
            "Zelenskyy", "ZELENSKIY", "Zelenskyi", "Rouhani", "Souou", "Uou", "Aal", "Mississippi",
            "Erdoğan", "Élodie", "ÀL-Ñ", "Łukasz", "ΣΊΣΥΦΟΣ", "İstanbul", "Straße", "O'Brien",
        ] {
            assert_eq!(variant_key(w), variant_key_by_steps(w), "{w:?}");
        }
    }

    #[test]
    fn romanisations_of_one_name_share_a_key() {
        let k = variant_key("Zelensky");
        assert_eq!(variant_key("Zelenskyy"), k);
        assert_eq!(variant_key("Zelenskiy"), k);
        assert_eq!(variant_key("al-Abadi"), variant_key("Abadi"));
        assert_eq!(variant_key("Rouhani"), variant_key("Ruhani"));
        assert_eq!(variant_key("Erdoğan"), variant_key("Erdogan"));
        // Other names stay apart.
        assert_ne!(variant_key("Zelensky"), variant_key("Zelenko"));
        assert_ne!(variant_key("Abadi"), variant_key("Abbas"));
        assert_ne!(variant_key("Ali"), variant_key("Al"));
    }

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(FOLDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn folds_diacritics_and_keeps_other_letters() {
        assert_eq!(fold("Erdoğan"), "Erdogan");
        assert_eq!(fold("José Núñez"), "Jose Nunez");
        assert_eq!(fold("Wałęsa"), "Walesa");
        assert_eq!(fold("Lavrov"), "Lavrov");
        // Not Latin: left alone.
        assert_eq!(fold("Лавров"), "Лавров");
    }
}
