//! Word tokens, shared by the mention and cue stages.
//!
//! Input: the normalized text, its sentences and its quotes. Output: the
//! [`Token`]s of the text, each tagged with its sentence and with whether
//! it lies inside a quote, so that the rules never take a name or a verb
//! inside a quotation for the attribution around it.

use crate::quotes::Quote;
use crate::segment::Segments;
use crate::types::Span;

/// One word or punctuation mark.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Where it is in the clean text.
    pub span: Span,
    /// A word (letters or digits), not punctuation.
    pub word: bool,
    /// The word starts with a capital letter.
    pub cap: bool,
    /// It lies inside a quote's content.
    pub in_quote: bool,
    /// Its text is ASCII: its lower case is its bytes in the ASCII-lowered
    /// text ([`lowercase`]), with no scan of its bytes.
    pub ascii: bool,
    /// Index of its sentence.
    pub sentence: u32,
}

impl Token {
    /// Its text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

/// Each token in lower case, computed once per document and shared by
/// the mention, cue and rule stages. `ascii_lowered` is `text` with its
/// ASCII capitals lowered ([`str::to_ascii_lowercase`], the same byte
/// offsets): an ASCII token is borrowed from it, or from `text` when
/// already lower case, so that neither costs an allocation; only a
/// non-ASCII token with a capital ("Ölz") is lowered into a String of
/// its own, by Unicode's rules (the Greek final sigma among them).
pub fn lowercase<'t>(
    text: &'t str,
    ascii_lowered: &'t str,
    tokens: &[Token],
) -> Vec<std::borrow::Cow<'t, str>> {
    debug_assert_eq!(text.len(), ascii_lowered.len());
    tokens
        .iter()
        .map(|t| {
            // An ASCII token (nearly all) is lower case in
            // `ascii_lowered` whether or not it has a capital: the
            // tokenizer's flag spares a scan of its bytes for ASCII and
            // one for capitals (callgrind, 400 KB Wikinews: 93 -> 37
            // instructions a token here).
            if t.ascii {
                debug_assert!(t.text(text).is_ascii());
                return std::borrow::Cow::Borrowed(t.text(ascii_lowered));
            }
            let w = t.text(text);
            if w.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(w.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(w)
            }
        })
        .collect()
}

/// A capitalised title abbreviation written with a period ("Mr",
/// "Gen"): the lower-case word in the `title_abbreviations` class of
/// `data/words.tsv`, written with a capital and lower case after it.
fn is_title_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && crate::lexicon::is(
            crate::lexicon::Class::TitleAbbreviations,
            &word.to_lowercase(),
        )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// [`u8::is_ascii_alphanumeric`] by table: one load a byte in the
/// tokenizer's loop over a word's letters, where the two range tests
/// took five instructions.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Tokenizes `text`. Words keep inner hyphens, periods of abbreviations
/// ("U.S.") and apostrophes of contractions ("don't"); a possessive `'s`
/// becomes a token of its own, so "Russia's" yields the name "Russia".
pub fn tokenize(
    text: &str,
    segments: &Segments,
    quotes: &[Quote],
    out: &mut Vec<Token>,
) {
    out.clear();
    // About a token every five bytes in news text: reserved once rather
    // than grown by doubling through a document.
    out.reserve(text.len() / 4 + 16);
    let mut sentence = 0usize;
    // Where the next sentence starts (`usize::MAX` past the last), and
    // the content of the first quote not yet behind the token: kept at
    // hand so that each token compares two numbers, not indexes into
    // the sentences and the quotes.
    let sentence_start = |k: usize| {
        segments.sentences.get(k).map_or(usize::MAX, |s| s.start)
    };
    let mut next_sentence = sentence_start(1);
    let mut quote = 0usize;
    let quote_content = |k: usize| {
        quotes
            .get(k)
            .map_or((usize::MAX, usize::MAX), |q| (q.content.start, q.content.end))
    };
    let (mut quote_start, mut quote_end) = quote_content(0);
    let bytes = text.as_bytes();
    // The char at byte `i` (a char boundary), ASCII without decoding.
    let char_at = |i: usize| -> char {
        match bytes[i] {
            b if b < 0x80 => char::from(b),
            _ => text[i..].chars().next().unwrap_or('\0'),
        }
    };
    // The byte after the last consumed char: a token ends there.
    let mut pos = 0;
    while pos < bytes.len() {
        // Spaces and line breaks between words, a byte at a time: most
        // of the bytes that are not inside a word.
        if matches!(bytes[pos], b' ' | b'\n') {
            pos += 1;
            continue;
        }
        let start = pos;
        let c = char_at(start);
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let word = c.is_alphanumeric();
        let mut ascii = c.is_ascii();
        if word {
            loop {
                // A run of ASCII letters and digits, a byte at a time.
                while pos < bytes.len() && ASCII_ALNUM[usize::from(bytes[pos])] {
                    pos += 1;
                }
                if pos >= bytes.len() {
                    break;
                }
                let p = pos;
                // A space or a line break ends the word: no joiner is
                // either.
                if matches!(bytes[p], b' ' | b'\n') {
                    break;
                }
                let d = char_at(p);
                if d.is_alphanumeric() {
                    ascii &= d.is_ascii();
                    pos = p + d.len_utf8();
                    continue;
                }
                // Inner joiners: a hyphen or period between letters, an
                // apostrophe inside a word but not a possessive 's.
                let rest = &text[p + d.len_utf8()..];
                let next = rest.chars().next();
                let next_is_alnum = next.is_some_and(char::is_alphanumeric);
                let joins = match d {
                    '-' | '\u{2010}' | '\u{2011}' | '&' => next_is_alnum,
                    '.' => {
                        // "U.S." and "a.m.": single letters between dots;
                        // "Domain.com", "News.com.au", "3.5": no space.
                        next_is_alnum
                            || text[start..p]
                                .chars()
                                .rev()
                                .nth(1)
                                .is_some_and(|x| x == '.')
                    }
                    // "4,000", "1,250,000": a comma grouping digits by
                    // threes is inside the number, as the treebank the
                    // tagger learnt from writes it (one token).
                    ',' => {
                        let group = rest.as_bytes();
                        text[start..p].ends_with(|x: char| x.is_ascii_digit())
                            && group.len() >= 3
                            && group[..3].iter().all(u8::is_ascii_digit)
                            && !group.get(3).is_some_and(u8::is_ascii_digit)
                    }
                    _ if is_apostrophe(d) => {
                        let possessive = matches!(next, Some('s' | 'S'))
                            && !rest[1..]
                                .chars()
                                .next()
                                .is_some_and(char::is_alphanumeric);
                        next_is_alnum && !possessive
                    }
                    _ => false,
                };
                // The period of a title abbreviation ("Dr.", "Gen.") or
                // of a middle initial ("Jessie K. Liu") belongs to it.
                let word_so_far = &text[start..p];
                let initial = word_so_far.len() == 1
                    && c.is_ascii_uppercase()
                    && rest.starts_with(' ')
                    && rest[1..].starts_with(|x: char| x.is_uppercase());
                let joins = joins
                    || d == '.'
                        && (is_title_abbreviation(word_so_far) || initial);
                if joins {
                    ascii &= d.is_ascii();
                    pos = p + d.len_utf8();
                } else {
                    break;
                }
            }
        } else if is_apostrophe(c) {
            // A possessive 's right after a word.
            if matches!(bytes.get(pos), Some(b's' | b'S')) {
                let glued = text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                if glued {
                    pos += 1;
                }
            }
        }
        let end = pos;
        while next_sentence <= start {
            sentence += 1;
            next_sentence = sentence_start(sentence + 1);
        }
        while quote_end <= start {
            quote += 1;
            (quote_start, quote_end) = quote_content(quote);
        }
        let in_quote = quote_start <= start && start < quote_end;
        debug_assert_eq!(ascii, text[start..end].is_ascii());
        out.push(Token {
            span: Span::new(start, end),
            word,
            cap: c.is_uppercase(),
            in_quote,
            ascii,
            sentence: sentence as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn words(text: &str) -> Vec<&str> {
        let seg = segment(text);
        let mut toks = Vec::new();
        tokenize(text, &seg, &[], &mut toks);
        toks.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn keeps_names_abbreviations_and_contractions() {
        assert_eq!(
            words("Russia's al-Abadi told the U.S. he didn\u{2019}t."),
            vec![
                "Russia",
                "'s",
                "al-Abadi",
                "told",
                "the",
                "U.S.",
                "he",
                "didn\u{2019}t",
                "."
            ]
        );
        assert_eq!(
            words("Moscow\u{2019}s moves, 3.5 km"),
            vec!["Moscow", "\u{2019}s", "moves", ",", "3.5", "km"]
        );
    }
}
