//! The normalizer on any text: every clean offset maps back inside the
//! original, monotonically, and display_text never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::normalize::{display_text, normalize, CharIndex};

fuzz_target!(|text: &str| {
    let n = normalize(text);
    let mut last = 0;
    for (i, _) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
        let o = n.to_original(i);
        assert!(o <= text.len() && o >= last, "offset {i} -> {o}");
        last = o;
    }
    assert_eq!(n.to_original(n.text.len()), text.len());
    let _ = display_text(text);
    let idx = CharIndex::new(text);
    assert_eq!(idx.chars_before(text.len()), text.chars().count());
});
