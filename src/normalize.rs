//! Stage 2 of the pipeline: text normalization.
//!
//! Input: a document's original text. Output: a [`Normalized`] text in
//! which HTML entities are decoded, backslash-escaped quote marks are
//! unescaped, `''` and ``` `` ``` typed as double quote marks become `"`,
//! and non-breaking and other odd spaces become a plain space; plus an
//! offset map from every byte of the clean text back to the original, so
//! that every offset the later stages compute lands on the original input.
//!
//! Every replacement is shorter than or as long as what it replaces, so the
//! map is a sparse list of anchors, one pair per edit: memory grows with
//! the number of edits, not with the size of the text.

/// A normalized document text and its map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The clean text every later stage works on.
    pub text: String,
    /// `(clean_offset, original_offset)` pairs, sorted by clean offset.
    /// Between two anchors the two texts advance together byte by byte.
    anchors: Vec<(usize, usize)>,
    original_len: usize,
}

impl Normalized {
    /// Maps a byte offset of the clean text to a byte offset of the
    /// original text.
    pub fn to_original(&self, clean: usize) -> usize {
        let idx = self.anchors.partition_point(|&(c, _)| c <= clean);
        let mapped = if idx == 0 {
            clean
        } else {
            let (c, o) = self.anchors[idx - 1];
            o + (clean - c)
        };
        mapped.min(self.original_len)
    }
}

/// Named HTML entities worth decoding in scraped news text. A short list:
/// the ones that scrapers leave behind (quote marks, dashes, spaces).
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("quot", "\""),
    ("apos", "'"),
    ("lt", "<"),
    ("gt", ">"),
    ("nbsp", " "),
    ("lsquo", "\u{2018}"),
    ("rsquo", "\u{2019}"),
    ("ldquo", "\u{201C}"),
    ("rdquo", "\u{201D}"),
    ("laquo", "\u{00AB}"),
    ("raquo", "\u{00BB}"),
    ("sbquo", "\u{201A}"),
    ("bdquo", "\u{201E}"),
    ("lsaquo", "\u{2039}"),
    ("rsaquo", "\u{203A}"),
    ("ndash", "\u{2013}"),
    ("mdash", "\u{2014}"),
    ("hellip", "\u{2026}"),
    ("eacute", "\u{00E9}"),
    ("egrave", "\u{00E8}"),
    ("aacute", "\u{00E1}"),
    ("oacute", "\u{00F3}"),
    ("iacute", "\u{00ED}"),
    ("uacute", "\u{00FA}"),
    ("ntilde", "\u{00F1}"),
    ("ouml", "\u{00F6}"),
    ("uuml", "\u{00FC}"),
    ("auml", "\u{00E4}"),
    ("ccedil", "\u{00E7}"),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
];

/// Decodes one HTML entity starting at `s[0] == '&'`. Returns the decoded
/// text and the number of bytes consumed. Numeric entities may lack their
/// semicolon (`&#x27` is common in scraped text); named ones need it.
fn decode_entity(s: &str) -> Option<(char, Option<&'static str>, usize)> {
    let b = s.as_bytes();
    if b.len() < 3 {
        return None;
    }
    if b[1] == b'#' {
        let (hex, digits_start) = match b.get(2) {
            Some(b'x') | Some(b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut end = digits_start;
        while end < b.len()
            && end - digits_start < 8
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == digits_start {
            return None;
        }
        let value = u32::from_str_radix(
            &s[digits_start..end],
            if hex { 16 } else { 10 },
        )
        .ok()?;
        let ch = char::from_u32(value).filter(|&c| c != '\0')?;
        let consumed = if b.get(end) == Some(&b';') { end + 1 } else { end };
        return Some((ch, None, consumed));
    }
    let semi = s[1..].bytes().take(10).position(|c| c == b';')? + 1;
    let name = &s[1..semi];
    NAMED_ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| ('\0', Some(*v), semi + 1))
}

/// Odd spaces that news scrapers leave in text: no-break, thin, figure,
/// ideographic and similar, all read as a plain space.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// The bytes where an edit may start: `&`, `\\`, `'`, `` ` `` and the
/// lead bytes of the odd spaces. Every other byte is copied as it is, so
/// the scan skips runs of them with one table look-up a byte.
const EDIT_START: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let starts = [b'&', b'\\', b'\'', b'`', 0xC2, 0xE2, 0xE3, 0xEF];
    while k < starts.len() {
        t[starts[k] as usize] = true;
        k += 1;
    }
    t
};

/// Normalizes `original` into a clean text with an offset map.
pub fn normalize(original: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(original.len()),
        anchors: Vec::new(),
        original_len: original.len(),
    };
    let bytes = original.as_bytes();
    let mut i = 0;
    // Copy unchanged runs in one go; only edits are handled char by char.
    let mut run_start = 0;
    while i < bytes.len() {
        if !EDIT_START[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let b = bytes[i];
        let edit: Option<(std::borrow::Cow<'static, str>, usize)> = match b {
            b'&' => decode_entity(&original[i..]).map(|(ch, named, n)| {
                let s: std::borrow::Cow<'static, str> = match named {
                    Some(v) => v.into(),
                    None if is_odd_space(ch) => " ".into(),
                    None => ch.to_string().into(),
                };
                (s, n)
            }),
            b'\\' => match bytes.get(i + 1) {
                Some(b'\'') => Some(("'".into(), 2)),
                Some(b'"') => Some(("\"".into(), 2)),
                _ => None,
            },
            // `''` and ``` `` ``` are old typewriter and TeX habits for a
            // double quote mark (seen in wire copy and scraped sites).
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => {
                Some(("\"".into(), 2))
            }
            b'`' if bytes.get(i + 1) == Some(&b'`') => Some(("\"".into(), 2)),
            0xC2 | 0xE2 | 0xE3 | 0xEF => {
                let c = original[i..].chars().next().unwrap_or(' ');
                if is_odd_space(c) {
                    Some((" ".into(), c.len_utf8()))
                } else {
                    None
                }
            }
            _ => None,
        };
        match edit {
            Some((replacement, consumed)) => {
                out.text.push_str(&original[run_start..i]);
                out.anchors.push((out.text.len(), i));
                out.text.push_str(&replacement);
                i += consumed;
                out.anchors.push((out.text.len(), i));
                run_start = i;
            }
            None => {
                i += 1;
            }
        }
    }
    out.text.push_str(&original[run_start..]);
    out
}

/// The text of a span for the `quote` column: entities decoded, escapes
/// removed, all whitespace (line breaks included) folded to one space.
pub fn display_text(original_slice: &str) -> String {
    // One byte pass tells both what `normalize` and what
    // `fold_whitespace` would do (callgrind: two passes, one for each,
    // were most of this function's instructions); most quotes need
    // neither, and are copied as they are.
    match display_scan(original_slice) {
        DisplayScan::Copy => original_slice.to_string(),
        DisplayScan::Fold => fold_whitespace(original_slice),
        DisplayScan::Edit => fold_whitespace(&normalize(original_slice).text),
    }
}

/// What [`display_text`] has to do with a slice.
enum DisplayScan {
    /// Nothing: [`normalize`] and [`fold_whitespace`] give it back.
    Copy,
    /// Only [`fold_whitespace`] changes it.
    Fold,
    /// [`normalize`] may change it (then the result is folded).
    Edit,
}

/// [`DisplayScan`] bits of a byte: where an edit may start (as in
/// [`needs_edit`]), an ASCII space, other ASCII white space, and a lead
/// byte of a non-ASCII white space character (as in [`is_folded`]).
const SCAN_EDIT: u8 = 1;
const SCAN_DOUBLED: u8 = 2;
const SCAN_ODD_LEAD: u8 = 4;
const SCAN_SPACE: u8 = 8;
const SCAN_ASCII_WS: u8 = 16;
const SCAN_WS_LEAD: u8 = 32;
const DISPLAY_SCAN: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'&' as usize] = SCAN_EDIT;
    t[b'\\' as usize] = SCAN_EDIT;
    t[b'\'' as usize] = SCAN_DOUBLED;
    t[b'`' as usize] = SCAN_DOUBLED;
    t[b' ' as usize] = SCAN_SPACE;
    let ascii_ws = [b'\t', b'\n', 0x0b, 0x0c, b'\r'];
    let mut k = 0;
    while k < ascii_ws.len() {
        t[ascii_ws[k] as usize] = SCAN_ASCII_WS;
        k += 1;
    }
    t[0xC2] = SCAN_ODD_LEAD | SCAN_WS_LEAD;
    t[0xE1] = SCAN_WS_LEAD;
    t[0xE2] = SCAN_ODD_LEAD | SCAN_WS_LEAD;
    t[0xE3] = SCAN_ODD_LEAD | SCAN_WS_LEAD;
    t[0xEF] = SCAN_ODD_LEAD;
    t
};

/// [`needs_edit`] and [`is_folded`] of `s` in one pass: `Edit` when
/// `needs_edit`, else `Copy` when `is_folded`, else `Fold`.
fn display_scan(s: &str) -> DisplayScan {
    let b = s.as_bytes();
    let mut folded = b.first() != Some(&b' ') && b.last() != Some(&b' ');
    for (i, &c) in b.iter().enumerate() {
        let class = DISPLAY_SCAN[c as usize];
        if class == 0 {
            continue;
        }
        if class & SCAN_EDIT != 0
            || class & SCAN_DOUBLED != 0 && b.get(i + 1) == Some(&c)
        {
            return DisplayScan::Edit;
        }
        if class & SCAN_SPACE != 0 {
            // Two spaces in a row are not folded (`is_folded`'s
            // `after_space`).
            folded &= b.get(i + 1) != Some(&b' ');
            continue;
        }
        if class & SCAN_ASCII_WS != 0 {
            folded = false;
            continue;
        }
        if class & (SCAN_ODD_LEAD | SCAN_WS_LEAD) != 0 {
            let ch = s.get(i..).and_then(|t| t.chars().next());
            if class & SCAN_ODD_LEAD != 0 && ch.is_some_and(is_odd_space) {
                return DisplayScan::Edit;
            }
            if class & SCAN_WS_LEAD != 0 && ch.is_some_and(char::is_whitespace) {
                folded = false;
            }
        }
    }
    if folded {
        DisplayScan::Copy
    } else {
        DisplayScan::Fold
    }
}

/// Whether [`normalize`] may change `s`: it holds `&`, `\\`, a doubled
/// `'` or `` ` ``, or an odd space. Curly quotes and apostrophes, common
/// in quotes, share their lead byte with the odd spaces and need a look.
#[cfg(test)]
fn needs_edit(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'&' | b'\\' => true,
        b'\'' | b'`' => b.get(i + 1) == Some(&c),
        0xC2 | 0xE2 | 0xE3 | 0xEF => {
            s.get(i..).and_then(|t| t.chars().next()).is_some_and(is_odd_space)
        }
        _ => false,
    })
}

/// Folds runs of whitespace to one space and trims the ends.
pub fn fold_whitespace(s: &str) -> String {
    // Most quote texts are folded already: one byte pass and a copy
    // instead of a char-by-char split (callgrind: a third of the output
    // rows' instructions were these two functions).
    if is_folded(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether [`fold_whitespace`] would give `s` back: no white space at
/// either end, and none inside but single ASCII spaces. White space is
/// `char::is_whitespace`: six ASCII bytes, and characters whose UTF-8
/// starts with 0xC2, 0xE1, 0xE2 or 0xE3 (U+0085, U+00A0, U+1680,
/// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), looked at.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if after_space => return false,
            b' ' => {
                after_space = true;
                continue;
            }
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            0xC2 | 0xE1 | 0xE2 | 0xE3
                if s
                    .get(i..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_whitespace) =>
            {
                return false;
            }
            _ => {}
        }
        after_space = false;
    }
    true
}

/// Converts byte offsets of one text to Unicode code point offsets (the
/// unit of the CSV contract: Python `str` indices) in O(1) per query after
/// an O(n) table build, so a document with many rows stays linear.
pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// Code points before each 64-byte block; empty for ASCII text.
    block_counts: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    const BLOCK: usize = 64;

    /// Builds the index for `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharIndex { bytes, block_counts: Vec::new() };
        }
        let mut block_counts =
            Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut count = 0u32;
        let mut blocks = bytes.chunks_exact(Self::BLOCK);
        for block in &mut blocks {
            block_counts.push(count);
            count += Self::BLOCK as u32 - continuations_in_block(block);
        }
        let rest = blocks.remainder();
        if !rest.is_empty() {
            block_counts.push(count);
            count += rest.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        block_counts.push(count);
        CharIndex { bytes, block_counts }
    }

    /// The number of code points before byte offset `byte`.
    pub fn chars_before(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.block_counts.is_empty() {
            return byte;
        }
        let block = byte / Self::BLOCK;
        let base = self.block_counts[block] as usize;
        base + self.bytes[block * Self::BLOCK..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }
}

fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

/// How many UTF-8 continuation bytes (`10xxxxxx`) a 64-byte block holds,
/// eight bytes a step: a byte's top bit set and the next bit clear
/// (`w & !(w << 1)`, the shift bringing each byte's bit 6 under its bit
/// 7), and the flags summed by one multiplication (the SWAR byte sum,
/// Warren, *Hacker's Delight*, 2nd ed., §5-1). A byte loop over every
/// 64 bytes was 3.4 instructions an input byte on 400 KB of Wikinews
/// (callgrind).
#[inline]
fn continuations_in_block(block: &[u8]) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut flags = 0u64;
    for word in block.chunks_exact(8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(word);
        let w = u64::from_le_bytes(b);
        // A flag per byte in its low bit: at most 8 a byte over the
        // block's eight words, so the byte lanes do not overflow.
        flags += ((w & !(w << 1) & HIGH) >> 7) & ONES;
    }
    (flags.wrapping_mul(ONES) >> 56) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_display_scan_agrees_with_the_two_tests_it_replaces() {
        let samples = [
            "", "a", " ", "  ", "a b", "a  b", " a", "a ", "it''s", "``x",
            "'a'", "`a`", "R&D", "back\\slash", "tab\tx", "line\nx",
            "nb\u{a0}sp", "en\u{2002}sp", "ideo\u{3000}sp", "bom\u{feff}x",
            "nel\u{85}x", "ogham\u{1680}x", "ls\u{2028}x", "\u{201c}Yes\u{201d}",
            "\u{2019}tis", "caf\u{e9}", "\u{1e00}x", "\u{3042}x", "\u{ff21}x",
        ];
        for s in samples {
            let expected = if needs_edit(s) {
                "edit"
            } else if is_folded(s) {
                "copy"
            } else {
                "fold"
            };
            let got = match display_scan(s) {
                DisplayScan::Edit => "edit",
                DisplayScan::Copy => "copy",
                DisplayScan::Fold => "fold",
            };
            assert_eq!(got, expected, "{s:?}");
        }
    }

    #[test]
    fn folded_text_is_recognised_only_when_folding_keeps_it() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            "a",
            "We will win, she said.",
            "\u{201c}Yes\u{201d} \u{2019}tis",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "line\nbreak",
            "no\u{a0}break",
            "em\u{2003}space",
            "ideographic\u{3000}space",
            "next\u{85}line",
            "ogham\u{1680}mark",
            "caf\u{e9} \u{2014} ok",
        ] {
            assert_eq!(fold_whitespace(s), slow(s), "{s:?}");
            assert_eq!(is_folded(s), slow(s) == s, "{s:?}");
        }
    }

    /// Every byte of the clean text maps back to the original text so that
    /// a clean span re-decoded from the original gives the same words.
    fn roundtrip(original: &str, clean_expected: &str) {
        let n = normalize(original);
        assert_eq!(n.text, clean_expected, "input: {original:?}");
        assert_eq!(n.to_original(0), 0);
        assert_eq!(n.to_original(n.text.len()), original.len());
    }

    #[test]
    fn decodes_entities_with_and_without_semicolon() {
        roundtrip("it&#x27;s", "it's");
        roundtrip(
            "proposed 'military-to-military&#x27 talks",
            "proposed 'military-to-military' talks",
        );
        roundtrip("Tom &amp; Jerry &quot;x&quot;", "Tom & Jerry \"x\"");
        roundtrip("&#8220;Yes&#8221;", "\u{201C}Yes\u{201D}");
        roundtrip("AT&T and &unknown; stay", "AT&T and &unknown; stay");
    }

    #[test]
    fn unescapes_backslash_quotes_and_typewriter_marks() {
        roundtrip(r"Putin\'s \'holy war\'", "Putin's 'holy war'");
        roundtrip(
            "\"as soon as next week'' in",
            "\"as soon as next week\" in",
        );
        roundtrip("``Hello,'' he said", "\"Hello,\" he said");
    }

    #[test]
    fn odd_spaces_become_plain_spaces() {
        roundtrip("a\u{00A0}b\u{2009}c", "a b c");
        roundtrip("a&nbsp;b", "a b");
    }

    #[test]
    fn offsets_map_back_past_edits() {
        let original = "x &amp; \u{201C}Hi\u{201D} it&#x27s";
        let n = normalize(original);
        let hi = n.text.find("Hi").unwrap();
        let o = n.to_original(hi);
        assert_eq!(&original[o..o + 2], "Hi");
        let s = n.text.find("s").unwrap();
        assert_eq!(&original[n.to_original(s)..], "s");
    }

    #[test]
    fn display_text_folds_whitespace() {
        assert_eq!(display_text(" a\n\n b\t&amp; c "), "a b & c");
        assert_eq!(
            display_text("\u{201C}it\u{2019}s\u{201D} ok"),
            "\u{201C}it\u{2019}s\u{201D} ok"
        );
        assert_eq!(display_text("a\u{00A0}b ''c''"), "a b \"c\"");
    }

    #[test]
    fn char_index_counts_code_points() {
        let t = "Moscow\u{2019}s \u{201C}r\u{00E9}gime\u{201D} 🙂 ok";
        let idx = CharIndex::new(t);
        for (b, _) in t.char_indices() {
            assert_eq!(idx.chars_before(b), t[..b].chars().count());
        }
        assert_eq!(idx.chars_before(t.len()), t.chars().count());
        let long = "é".repeat(200);
        let idx = CharIndex::new(&long);
        assert_eq!(idx.chars_before(300), 150);
    }

    #[test]
    fn char_index_agrees_with_counting_over_many_blocks() {
        // Mixed widths, so that the 64-byte blocks start and end inside
        // characters of one to four bytes, and a partial last block.
        let pieces = ["a", "\u{e9}", "\u{201C}", "🙂", " ", "\u{3042}", "z\u{308}"];
        let mut t = String::new();
        let mut k = 7usize;
        while t.len() < 1000 {
            k = k.wrapping_mul(31).wrapping_add(11) % 97;
            t.push_str(pieces[k % pieces.len()]);
        }
        let idx = CharIndex::new(&t);
        for (b, _) in t.char_indices() {
            assert_eq!(idx.chars_before(b), t[..b].chars().count(), "at byte {b}");
        }
        assert_eq!(idx.chars_before(t.len()), t.chars().count());
        for block in t.as_bytes().chunks_exact(64) {
            let naive = block.iter().filter(|&&b| is_continuation(b)).count();
            assert_eq!(continuations_in_block(block) as usize, naive);
        }
    }
}
