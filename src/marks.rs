//! The quote-mark table, shared by the segmenter, the quote scanner and
//! the rules.
//!
//! Input: `data/quote_marks.tsv` (compiled in; documented in
//! `data/README.md`). Output: [`QuoteMark`]s: each mark's style (double or
//! single), its glyph's own direction and the marks it pairs with. One
//! table, so that a mark the scanner pairs is a mark the rules see: before
//! it, `quotes.rs` knew 12 marks and the rules 9, and `‹We will appeal,›
//! said Ilya Rogachev.` came out unattributed (issue 10).

use std::sync::LazyLock;

use crate::tsv::{self, DataError};

/// The file's name in errors.
const FILE: &str = "data/quote_marks.tsv";

/// Which pair of marks delimits a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkStyle {
    /// `"`, `“ ”`, `„`, `« »`.
    Double,
    /// `'`, `‘ ’`, `‚`, `‹ ›`.
    Single,
}

/// The direction a glyph has on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// Opens (`“`, `«`).
    Open,
    /// Closes (`”`, `»`).
    Close,
    /// Either, decided by its neighbours (`"`, `'`).
    Either,
}

/// One quote mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMark {
    /// The character.
    pub mark: char,
    /// Double or single.
    pub style: MarkStyle,
    /// The glyph's own direction.
    pub glyph: Glyph,
    /// The marks it pairs with.
    pub pairs: Vec<char>,
}

/// Parses a quote-mark table, reporting every bad line as `file:line`.
pub fn parse(
    file: &str,
    text: &str,
) -> Result<Vec<QuoteMark>, Vec<DataError>> {
    let header = ["mark", "code", "style", "direction", "pairs"];
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let one = |s: &str| {
        let mut c = s.chars();
        c.next().filter(|_| c.next().is_none())
    };
    for row in tsv::parse(file, text, &header)? {
        let c = &row.cells;
        let err = |message: String| DataError {
            file: file.to_string(),
            line: row.line,
            message,
        };
        let style = match c[2] {
            "double" => Some(MarkStyle::Double),
            "single" => Some(MarkStyle::Single),
            _ => None,
        };
        let glyph = match c[3] {
            "open" => Some(Glyph::Open),
            "close" => Some(Glyph::Close),
            "either" => Some(Glyph::Either),
            _ => None,
        };
        let pairs: Option<Vec<char>> = tsv::values(c[4]).map(one).collect();
        match (one(c[0]), style, glyph, pairs) {
            (Some(mark), Some(style), Some(glyph), Some(pairs)) => {
                out.push(QuoteMark { mark, style, glyph, pairs })
            }
            (None, ..) => errors
                .push(err(format!("mark {:?} is not one character", c[0]))),
            (_, None, ..) => {
                errors.push(err(format!("style {:?}: double or single", c[2])))
            }
            (_, _, None, _) => errors.push(err(format!(
                "direction {:?}: open, close or either",
                c[3]
            ))),
            (.., None) => errors
                .push(err(format!("pairs {:?}: one character each", c[4]))),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The shipped table (a bad line is a build bug: a test loads it).
pub fn shipped() -> &'static [QuoteMark] {
    static TABLE: LazyLock<Vec<QuoteMark>> = LazyLock::new(|| {
        let text = include_str!("../data/quote_marks.tsv");
        parse(FILE, text).unwrap_or_else(|e| panic!("{}", e[0]))
    });
    &TABLE
}

/// The bytes that can start a quote mark's UTF-8 (`table[b]`): the first
/// bytes of the shipped marks, so that a scan can skip every other byte
/// without decoding characters.
pub fn mark_first_bytes() -> &'static [bool; 256] {
    static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
        let mut table = [false; 256];
        for m in shipped() {
            let mut buf = [0u8; 4];
            table[usize::from(m.mark.encode_utf8(&mut buf).as_bytes()[0])] = true;
        }
        table
    });
    &FIRST_BYTES
}

/// The mark `c`, if it is one.
pub fn mark(c: char) -> Option<&'static QuoteMark> {
    // Most characters are ASCII letters: one test keeps the scan fast.
    if c.is_ascii() && c != '"' && c != '\'' {
        return None;
    }
    shipped().iter().find(|m| m.mark == c)
}

/// Whether `c` is a quote mark.
pub fn is_quote_mark(c: char) -> bool {
    mark(c).is_some()
}

/// Whether the token `word` is a quote mark.
pub fn is_quote_token(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(is_quote_mark) && chars.next().is_none()
}

/// Whether `c` is a mark that can open a quote (its glyph opens or goes
/// either way).
pub fn can_open(c: char) -> bool {
    mark(c).is_some_and(|m| m.glyph != Glyph::Close)
}

/// Whether `c` is a double mark that can open a quote.
pub fn opens_double(c: char) -> bool {
    mark(c).is_some_and(|m| {
        m.glyph != Glyph::Close && m.style == MarkStyle::Double
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_loads_and_pairs_marks_of_one_style() {
        let t = shipped();
        assert_eq!(t.len(), 12);
        for m in t {
            for p in &m.pairs {
                let other = mark(*p).expect("a pair is a mark");
                assert_eq!(other.style, m.style, "{m:?}");
            }
        }
        assert!(can_open('\u{2039}') && !can_open('\u{203A}'));
        assert!(opens_double('\u{201E}') && !opens_double('\u{2018}'));
        assert!(is_quote_token("\u{203A}") && !is_quote_token("a"));
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let text = "mark\tcode\tstyle\tdirection\tpairs\n\
                    ab\tU+0000\tdouble\topen\t\"\n\
                    \"\tU+0022\ttriple\teither\t\"\n";
        let e = parse("q.tsv", text).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].to_string(),
            "q.tsv:2: mark \"ab\" is not one character"
        );
        assert!(e[1].to_string().starts_with("q.tsv:3: style"));
    }
}
