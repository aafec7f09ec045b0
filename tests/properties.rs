//! Properties of the whole extraction over arbitrary strings and over
//! news-like text with random quote marks: no panic, offsets inside the
//! text, each `quote` the display text of its slice of the original, and
//! the same table byte for byte on a second run.

use std::sync::OnceLock;

use proptest::prelude::*;
use whosaid::normalize::display_text;
use whosaid::output::{Format, TableWriter};
use whosaid::Extractor;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::shipped(&[]).unwrap())
}

/// The slice `[start, end)` of `chars`, as a string.
fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

fn table(text: &str) -> Vec<u8> {
    let mut w = TableWriter::new(Format::Csv, Vec::new()).unwrap();
    for row in extractor().extract("doc", text) {
        w.write(&row).unwrap();
    }
    w.finish().unwrap()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let rows = extractor().extract("doc", text);
    for (i, r) in rows.iter().enumerate() {
        prop_assert_eq!(r.quote_id, i + 1);
        prop_assert!(r.quote_start < r.quote_end, "{:?}", r);
        prop_assert!(r.quote_end <= chars.len(), "{:?}", r);
        let words = display_text(&slice(&chars, r.quote_start, r.quote_end));
        prop_assert_eq!(&words, &r.quote);
        match (r.speaker_start, r.speaker_end) {
            (Some(s), Some(e)) => {
                prop_assert!(s < e && e <= chars.len(), "{:?}", r);
                let who = display_text(&slice(&chars, s, e));
                prop_assert_eq!(&who, &r.speaker);
            }
            (None, None) => prop_assert!(r.speaker.is_empty()),
            _ => prop_assert!(false, "half a speaker span: {:?}", r),
        }
    }
    prop_assert_eq!(table(text), table(text));
    Ok(())
}

/// Pieces of news prose, with every kind of mark, entity and space that
/// the normalizer and the scanner treat specially.
const PIECES: &[&str] = &[
    "Sergey Lavrov",
    "Lavrov",
    "he",
    "she",
    "they",
    "officials",
    "said",
    "told reporters",
    "according to",
    "warned",
    "that",
    "the minister",
    "Russia",
    "U.S.",
    "Mr.",
    "we",
    "are",
    "ready",
    "not",
    "invited",
    ",",
    ".",
    "?",
    ":",
    "\u{2014}",
    "\"",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2018}",
    "\u{2019}",
    "\u{00AB}",
    "\u{00BB}",
    "\u{201E}",
    "''",
    "``",
    "&quot;",
    "&#x27;",
    "&amp;",
    "\\\"",
    "\u{00A0}",
    "\n",
    "\n\n",
    "\r\n",
    "\u{00E9}t\u{00E9}",
    "\u{1F642}",
    "Share",
    "\t",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(PIECES), prop::bool::weighted(0.7)),
        0..120,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (piece, space) in parts {
            s.push_str(piece);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string(text in "(?s).{0,400}") {
        check(&text)?;
    }

    #[test]
    fn news_like_text_with_random_marks(text in news_like()) {
        check(&text)?;
    }

    #[test]
    fn normalizer_offsets_stay_inside_and_in_order(text in "(?s).{0,200}") {
        let n = whosaid::normalize::normalize(&text);
        let mut last = 0;
        for i in (0..=n.text.len()).filter(|&i| n.text.is_char_boundary(i)) {
            let o = n.to_original(i);
            prop_assert!(o >= last && o <= text.len());
            prop_assert!(text.is_char_boundary(o), "{} -> {}", i, o);
            last = o;
        }
    }
}
