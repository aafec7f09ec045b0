//! The segmenter and the quote scanner on any text: spans in order,
//! within the text and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::{quotes, segment};

fuzz_target!(|text: &str| {
    let seg = segment::segment(text);
    for p in &seg.paragraphs {
        assert!(p.span.start <= p.span.end && p.span.end <= text.len());
        assert!(text.is_char_boundary(p.span.start));
        assert!(text.is_char_boundary(p.span.end));
    }
    for s in &seg.sentences {
        assert!(s.start <= s.end && s.end <= text.len());
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        );
    }
    let qs = quotes::scan(text, &seg);
    for q in &qs {
        let c = q.content;
        assert!(c.start < c.end && c.end <= text.len());
        assert!(
            text.is_char_boundary(c.start) && text.is_char_boundary(c.end)
        );
    }
});
