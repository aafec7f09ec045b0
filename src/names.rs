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

#[cfg(test)]
mod tests {
    use super::{fold, FOLDS};

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
