//! The whole extraction on any text: no panic, offsets within the text,
//! each quote the display text of its slice of the original.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use whosaid::normalize::display_text;
use whosaid::Extractor;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::shipped(&[]).expect("shipped data"))
}

fuzz_target!(|text: &str| {
    let chars: Vec<char> = text.chars().collect();
    for row in extractor().extract("fuzz", text) {
        assert!(row.quote_start <= row.quote_end);
        assert!(row.quote_end <= chars.len());
        let slice: String =
            chars[row.quote_start..row.quote_end].iter().collect();
        assert_eq!(display_text(&slice), row.quote);
        if let (Some(s), Some(e)) = (row.speaker_start, row.speaker_end) {
            assert!(s <= e && e <= chars.len());
        }
    }
});
