//! Windows of a long document: the pieces the pipeline analyses one at a
//! time, so that memory follows the window, not the document.
//!
//! Input: a document's text. Output: consecutive byte spans covering it,
//! each at most [`WINDOW_BYTES`] long, cut where the cut loses least: at a
//! blank line, else at a line break, else after a sentence's end, else at
//! white space. Place: before the pipeline, in
//! [`crate::Extractor::extract_each`]; a document no longer than one
//! window (every news article we have seen: they are 2-50 KB) is one
//! window and is analysed exactly as before.
//!
//! Why: the analysis stages keep tables per token, mention, cue and row,
//! about 60 bytes per byte of a text dense with quotes; a 20 MB document
//! would need more than a gigabyte. A speaker named in one window is not
//! carried into the next (a pronoun at the start of a window may stay
//! unresolved), which is the price of the bound on documents of this size.

/// The longest window, in bytes. At about 60 bytes of analysis tables per
/// byte in the worst case (a text of nothing but short quotes), a window
/// costs at most about 16 MB.
pub const WINDOW_BYTES: usize = 256 << 10;

/// One window of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Its first byte.
    pub start: usize,
    /// The byte after its last.
    pub end: usize,
    /// Whether the window starts inside a paragraph that the window before
    /// it began (the cut was not at a paragraph break): the paragraph
    /// numbers of the two windows meet there.
    pub continues_paragraph: bool,
}

/// Where a window starts in its document: what the numbers and offsets
/// of its rows, counted from the window, add up to in the document.
/// Zero for the first window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shift {
    /// Rows of the windows before.
    pub quote_ids: usize,
    /// Paragraphs before the window's first (a paragraph that the window
    /// continues counts as its own).
    pub paragraphs: usize,
    /// Code points before the window.
    pub chars: usize,
}

impl Shift {
    /// Moves rows counted from the window to the document.
    pub fn apply(&self, rows: &mut [crate::Row]) {
        for r in rows {
            r.quote_id += self.quote_ids;
            r.paragraph += self.paragraphs;
            r.quote_start += self.chars;
            r.quote_end += self.chars;
            r.speaker_start = r.speaker_start.map(|c| c + self.chars);
            r.speaker_end = r.speaker_end.map(|c| c + self.chars);
        }
    }
}

/// The windows of `text`, at most `max` bytes each (a `max` of at least
/// 8 bytes; a window is at least `max / 2` long except the last).
pub fn windows(text: &str, max: usize) -> Vec<Window> {
    let max = max.max(8);
    let mut out = Vec::new();
    let mut start = 0;
    let mut continues = false;
    while text.len() - start > max {
        let (end, paragraph_break) = cut(text, start, start + max);
        out.push(Window { start, end, continues_paragraph: continues });
        continues = !paragraph_break;
        start = end;
    }
    out.push(Window { start, end: text.len(), continues_paragraph: continues });
    out
}

/// Where to cut the window `start..limit`: the byte after the cut, and
/// whether the cut is a paragraph break. Only the second half of the
/// window is searched, so that windows stay long.
fn cut(text: &str, start: usize, limit: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let from = start + (limit - start) / 2;
    let region = &bytes[from..limit];
    // A blank line: the line break that ends it.
    let blank = region.windows(2).rposition(|w| w == b"\n\n").or_else(|| {
        region.windows(3).rposition(|w| w == b"\n\r\n").map(|p| p + 1)
    });
    if let Some(p) = blank {
        return (from + p + 2, true);
    }
    if let Some(p) = region.iter().rposition(|&b| b == b'\n') {
        let end = from + p + 1;
        return (end, line_break_is_paragraph_break(text, end));
    }
    // After a sentence's final mark and the space that follows it (a
    // quote mark or bracket may close the sentence first).
    let final_mark = |b: u8| matches!(b, b'.' | b'!' | b'?');
    let sentence_end = region.windows(3).rposition(|w| {
        w[2] == b' '
            && (final_mark(w[1])
                || matches!(w[1], b'"' | b'\'' | b')') && final_mark(w[0]))
    });
    if let Some(p) = sentence_end {
        return (from + p + 3, false);
    }
    if let Some(p) = region.iter().rposition(|b| b.is_ascii_whitespace()) {
        return (from + p + 1, false);
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (end, false)
}

/// Whether the line break just before `at` separates paragraphs, as the
/// segment stage would decide it (a hard-wrapped line continues its
/// paragraph): the line before and the line after, segmented alone.
fn line_break_is_paragraph_break(text: &str, at: usize) -> bool {
    let before = text[..at.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |p| p + 1);
    let after = text[at..].find('\n').map_or(text.len(), |p| at + p);
    let around = &text[before..after];
    crate::segment::segment(around).paragraphs.len() != 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers(text: &str, ws: &[Window], max: usize) {
        assert_eq!(ws.first().unwrap().start, 0);
        assert_eq!(ws.last().unwrap().end, text.len());
        for w in ws.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for w in ws {
            assert!(w.end - w.start <= max, "{w:?}");
            assert!(text.is_char_boundary(w.start));
        }
    }

    #[test]
    fn a_short_text_is_one_window() {
        let ws = windows("\"Yes,\" she said.", 64);
        assert_eq!(
            ws,
            [Window { start: 0, end: 16, continues_paragraph: false }]
        );
    }

    #[test]
    fn a_blank_line_is_the_first_choice() {
        let text = "One sentence here. Two sentences.\n\nThird one here.";
        let ws = windows(text, 40);
        covers(text, &ws, 40);
        assert_eq!(&text[ws[1].start..], "Third one here.");
        assert!(!ws[1].continues_paragraph);
    }

    #[test]
    fn a_hard_wrapped_line_break_continues_the_paragraph() {
        let text = "The minister said the plan\nwould fail, and she said more.";
        let ws = windows(text, 40);
        covers(text, &ws, 40);
        assert_eq!(ws[1].start, 27);
        assert!(ws[1].continues_paragraph);
        let text = "The minister said the plan.\nIt would fail, she said again.";
        let ws = windows(text, 40);
        assert_eq!(ws[1].start, 28);
        assert!(!ws[1].continues_paragraph);
    }

    #[test]
    fn one_long_paragraph_is_cut_after_a_sentence() {
        let text = "\"We will win,\" Smith said. ".repeat(20);
        let ws = windows(&text, 100);
        covers(&text, &ws, 100);
        for w in &ws[1..] {
            assert!(text[w.start..].starts_with("\"We will win,\""));
            assert!(w.continues_paragraph);
        }
    }

    #[test]
    fn text_with_no_space_is_cut_on_a_character_boundary() {
        let text = "é".repeat(100);
        let ws = windows(&text, 33);
        covers(&text, &ws, 33);
    }
}
