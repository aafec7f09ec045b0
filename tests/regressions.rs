//! Crashes found by the property tests and the fuzzers, one test each,
//! named after what was found, with the minimal input.

use whosaid::Extractor;

fn extract(text: &str) -> Vec<whosaid::Row> {
    Extractor::shipped(&[]).unwrap().extract("r", text)
}

/// Found by `tests/properties.rs` (news_like_text_with_random_marks),
/// shrunk to "told reporters": a cue that takes an addressee, with the
/// addressee as the last token of the text, indexes one token past the
/// end (rules.rs, `Context::clause_claim` → `skip_medium_phrase` →
/// `lower(k)` with `k == tokens.len()`); fixed in rules.rs on main.
#[test]
fn cue_with_addressee_at_the_end_of_the_text() {
    for text in ["told reporters", "Lavrov told reporters", "He told the BBC"]
    {
        let _ = extract(text);
    }
}

/// Found by `tests/properties.rs` (any_string), shrunk to
/// "0\u{85}.\u{b}Ȩ": a period after a word that follows a multi-byte
/// white space (NEL, U+0085) sliced inside that space in segment.rs
/// `is_abbreviation` (it stepped one byte past the separator).
#[test]
fn period_after_a_multibyte_space() {
    for space in ['\u{85}', '\u{2028}', '\u{3000}', '\u{1680}'] {
        let text = format!("0{space}.\u{b}\u{228} and{space}U.S. Then");
        let _ = extract(&text);
        let text = format!("\"We are ready,\"{space}Mr. Lavrov said. Then");
        assert_eq!(extract(&text)[0].quote, "We are ready,");
    }
}

/// Found by `tests/properties.rs` (news_like_text_with_random_marks) on
/// main at 08fdc1e, shrunk to "according to Sergey Lavrov'": a possessive
/// mark ending the text after "according to X" indexes one token past the
/// end (rules.rs, `Context::frame` → `possessed_role` →
/// `mention_starting_at`). The whole run died with it; the look-ahead is
/// now bounds-checked.
#[test]
fn according_to_a_possessive_at_the_end() {
    for text in [
        "according to Sergey Lavrov'",
        "according to Lavrov\u{2019}",
        "according to the minister's",
        "according to Sergey Lavrov&#x27; ",
    ] {
        let _ = extract(text);
    }
}

/// Found by the `extract` fuzz target (cargo fuzz, 5 minutes on main after
/// the linear-time rework): a capitalised sequence made only of words that
/// are not names ("Post" is a cue) at the very end of the text read one
/// token past it in `mentions::Finder::split_sequence`.
#[test]
fn capitalised_non_names_at_the_end_of_the_text() {
    let bytes = b"Post Post \xff\xff\xffhyhV'";
    let text = String::from_utf8_lossy(bytes);
    for text in [text.as_ref(), "Post Post", "The Post", "Said Says"] {
        let _ = extract(text);
    }
}
