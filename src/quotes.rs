//! Stage 4 of the pipeline: the quote-mark scanner.
//!
//! Input: the normalized text and its paragraphs. Output: the quoted spans
//! ([`Quote`]), in text order, each with the span of its words (inside the
//! marks), its marks, its paragraph and how sure the scanner is of it.
//!
//! The scanner is one left-to-right pass over the quote marks with a small
//! state machine per paragraph, so its time is linear in the text whatever
//! the marks (a million unmatched `"` included). It decides the direction
//! of a mark from what flanks it (a space before and a letter after opens;
//! a letter before and a space or punctuation after closes), and the glyph
//! only breaks ties: so `ISIS“.` closes a quote although `“` is an opening
//! glyph. The handling of the failure cases follows what users of earlier
//! tools reported (see research/PRIOR_ART.md, section 3.2 and 3.3):
//! apostrophes never open or close; a closing mark with no opener at the
//! start of a paragraph quotes from the paragraph's start; a quote left
//! open at a paragraph's end continues when the next paragraph opens with a
//! mark (the convention for quotes over several paragraphs) and is closed
//! at the paragraph's end, with a lower confidence, when it does not.

use crate::marks::Glyph;
pub use crate::marks::MarkStyle;
use crate::segment::Segments;
use crate::types::Span;

/// One quoted span found by the scanner.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The quoted words, inside the marks, trimmed of white space.
    pub content: Span,
    /// The opening mark; `None` when it is missing.
    pub open_mark: Option<Span>,
    /// The closing mark; `None` when the quote was closed at the end of its
    /// paragraph (unclosed, or continued in the next paragraph).
    pub close_mark: Option<Span>,
    /// 0-based paragraph index.
    pub paragraph: usize,
    /// The marks used.
    pub style: MarkStyle,
    /// Pieces of one quote running over several paragraphs share a group;
    /// any other quote has a group of its own.
    pub group: usize,
    /// The quote continues in the next paragraph.
    pub continues: bool,
    /// The scanner had to guess a boundary (unclosed quote, missing opening
    /// mark): later stages lower their confidence.
    pub repaired: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
    /// Could be either: decided by the scanner's state.
    Either,
    /// An apostrophe: never a quote mark.
    Apostrophe,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    style: MarkStyle,
    dir: Direction,
}

/// How deep nested double quotes are tracked; deeper ones are treated as
/// stray marks, which keeps the state bounded.
const MAX_NESTING: usize = 4;

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':')
}

fn is_quote_char(c: char) -> bool {
    crate::marks::is_quote_mark(c)
}

/// Classifies the quote mark `c` at `pos` from its glyph and neighbours.
fn classify(text: &str, pos: usize, c: char) -> Option<Mark> {
    let prev = text[..pos].chars().next_back();
    let next = text[pos + c.len_utf8()..].chars().next();
    let span = Span::new(pos, pos + c.len_utf8());
    let space_or_none = |x: Option<char>| x.is_none_or(char::is_whitespace);
    // A mark can open when something follows it and nothing is glued to its
    // left; it can close when something precedes it and nothing follows.
    let can_open = !space_or_none(next)
        && (space_or_none(prev)
            || prev.is_some_and(|p| is_open_punct(p) || is_quote_char(p)));
    let can_close = !space_or_none(prev)
        && (space_or_none(next)
            || next.is_some_and(|n| {
                n.is_ascii_punctuation() && n != '(' && n != '['
                    || matches!(n, '\u{2014}' | '\u{2013}' | '\u{2026}')
                    || is_quote_char(n)
            }));
    let by_flanks = |glyph_default: Direction| match (can_open, can_close) {
        (true, false) => Direction::Open,
        (false, true) => Direction::Close,
        _ => glyph_default,
    };
    let m = crate::marks::mark(c)?;
    let glyph_default = match m.glyph {
        Glyph::Open => Direction::Open,
        Glyph::Close => Direction::Close,
        Glyph::Either => Direction::Either,
    };
    let style = m.style;
    if style == MarkStyle::Single {
        let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        if letter(prev) && letter(next) {
            // don't, Putin's, Moscow’s
            return Some(Mark { span, style, dir: Direction::Apostrophe });
        }
    }
    let dir = by_flanks(glyph_default);
    let dir = if style == MarkStyle::Single
        && dir == Direction::Open
        && is_elision(text, span.end)
    {
        Direction::Apostrophe
    } else {
        dir
    };
    Some(Mark { span, style, dir })
}

/// A leading apostrophe for elided letters or a decade ('90s, '20).
fn is_elision(text: &str, after: usize) -> bool {
    let rest = &text[after..];
    let word: String =
        rest.chars().take_while(|c| c.is_alphanumeric()).take(8).collect();
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let lower = word.to_lowercase();
    crate::lexicon::is(crate::lexicon::Class::Elisions, lower.as_str())
}

/// Scans the whole document for quotes.
pub fn scan(text: &str, segments: &Segments) -> Vec<Quote> {
    let mut scanner = Scanner { text, quotes: Vec::new(), next_group: 0 };
    let mut marks = Vec::new();
    let mut carried: Option<usize> = None;
    let mark_first_bytes = crate::marks::mark_first_bytes();
    for (pi, para) in segments.paragraphs.iter().enumerate() {
        let span = para.span;
        marks.clear();
        // A byte at a time, decoding a character only where a mark can
        // start (the marks' first bytes): most bytes are letters.
        let para_text = &text[span.start..span.end];
        for (off, &b) in para_text.as_bytes().iter().enumerate() {
            if !mark_first_bytes[usize::from(b)] {
                continue;
            }
            let Some(c) = para_text[off..].chars().next() else { continue };
            if is_quote_char(c) {
                if let Some(m) = classify(text, span.start + off, c) {
                    marks.push(m);
                }
            }
        }
        let next_opens = segments
            .paragraphs
            .get(pi + 1)
            .is_some_and(|p| opens_with_mark(text, p.span));
        carried = scanner.paragraph(pi, span, &marks, carried, next_opens);
    }
    scanner.quotes
}

/// Whether a paragraph starts with an opening double mark (a quote that
/// carries on from the previous paragraph reopens like this).
fn opens_with_mark(text: &str, span: Span) -> bool {
    let mut chars = text[span.start..span.end].chars();
    chars.next().is_some_and(crate::marks::opens_double)
        && chars.next().is_some_and(|c| !c.is_whitespace())
}

struct Scanner<'a> {
    text: &'a str,
    quotes: Vec<Quote>,
    next_group: usize,
}

impl Scanner<'_> {
    /// Runs the state machine over one paragraph's marks. `carried` is the
    /// group of a quote continued from the previous paragraph; the return
    /// value is the group this paragraph's open quote continues into.
    fn paragraph(
        &mut self,
        pi: usize,
        para: Span,
        marks: &[Mark],
        carried: Option<usize>,
        next_opens: bool,
    ) -> Option<usize> {
        let mut doubles: Vec<Mark> = Vec::with_capacity(MAX_NESTING);
        let mut single: Option<Mark> = None;
        let mut seen_double = false;
        let mut carried = carried;
        for &m in marks {
            match (m.style, m.dir) {
                (_, Direction::Apostrophe) => {}
                (MarkStyle::Double, dir) => {
                    let first_double = !seen_double;
                    seen_double = true;
                    match dir {
                        Direction::Open | Direction::Either
                            if doubles.is_empty() =>
                        {
                            single = None;
                            doubles.push(m);
                        }
                        Direction::Open => {
                            if doubles.len() < MAX_NESTING {
                                doubles.push(m);
                            }
                        }
                        Direction::Close | Direction::Either => {
                            if doubles.len() > 1 {
                                doubles.pop();
                            } else if let Some(open) = doubles.pop() {
                                let group = carried.take();
                                self.push(
                                    pi,
                                    Some(open.span),
                                    open.span.end,
                                    m.span.start,
                                    Some(m.span),
                                    m.style,
                                    group,
                                    false,
                                    false,
                                );
                            } else if first_double {
                                // A closing mark with no opener as the
                                // paragraph's first double mark: the opener
                                // was dropped, quote from the start.
                                let group = carried.take();
                                self.push(
                                    pi,
                                    None,
                                    para.start,
                                    m.span.start,
                                    Some(m.span),
                                    m.style,
                                    group,
                                    false,
                                    true,
                                );
                            }
                        }
                        Direction::Apostrophe => {}
                    }
                }
                (MarkStyle::Single, dir) => {
                    if !doubles.is_empty() {
                        continue; // nested: part of the outer quote
                    }
                    match (single, dir) {
                        (None, Direction::Open | Direction::Either) => {
                            single = Some(m)
                        }
                        (Some(open), Direction::Close | Direction::Either) => {
                            single = None;
                            self.push(
                                pi,
                                Some(open.span),
                                open.span.end,
                                m.span.start,
                                Some(m.span),
                                m.style,
                                None,
                                false,
                                false,
                            );
                        }
                        // A closer with nothing open is an apostrophe
                        // (officials' report); a second opener keeps the
                        // first.
                        _ => {}
                    }
                }
            }
        }
        // A double quote still open at the paragraph's end.
        let open = doubles.first().copied()?;
        let group = carried.take();
        let continues = next_opens;
        let g = self.push(
            pi,
            Some(open.span),
            open.span.end,
            para.end,
            None,
            open.style,
            group,
            continues,
            !continues,
        );
        continues.then_some(g)
    }

    /// Records a quote if it has any words; returns its group.
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        paragraph: usize,
        open_mark: Option<Span>,
        start: usize,
        end: usize,
        close_mark: Option<Span>,
        style: MarkStyle,
        group: Option<usize>,
        continues: bool,
        repaired: bool,
    ) -> usize {
        let group = group.unwrap_or_else(|| {
            self.next_group += 1;
            self.next_group - 1
        });
        let raw = &self.text[start..end];
        // Nothing but white space and marks between the marks: no quote.
        if !raw.chars().any(char::is_alphanumeric) {
            return group;
        }
        let lead = raw.len() - raw.trim_start().len();
        let content = Span::new(start + lead, start + raw.trim_end().len());
        self.quotes.push(Quote {
            content,
            open_mark,
            close_mark,
            paragraph,
            style,
            group,
            continues,
            repaired,
        });
        group
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn quotes(text: &str) -> Vec<&str> {
        let seg = segment(text);
        scan(text, &seg)
            .iter()
            .map(|q| &text[q.content.start..q.content.end])
            .collect()
    }

    #[test]
    fn finds_straight_and_curly_quotes() {
        assert_eq!(
            quotes(
                "\"We are polite people, we don't come if not invited,\" \
                    Lavrov told reporters."
            ),
            vec!["We are polite people, we don't come if not invited,"]
        );
        assert_eq!(
            quotes("\u{201C}We have said before\u{201D}, he said."),
            vec!["We have said before"]
        );
        assert_eq!(quotes("Il a dit: \u{00AB}Non\u{00BB}."), vec!["Non"]);
        assert_eq!(
            quotes("Er sagte: \u{201E}Nein\u{201C}, und ging."),
            vec!["Nein"]
        );
    }

    #[test]
    fn apostrophes_never_open_or_close() {
        assert!(quotes(
            "Putin's aides don't say Moscow\u{2019}s plan is \
                        from the '90s, nor rock 'n' roll."
        )
        .is_empty());
        assert!(quotes("The officials' report was leaked.").is_empty());
    }

    #[test]
    fn single_quotes_pair_as_quotes() {
        assert_eq!(
            quotes(
                "Russian Orthodox Church supports Putin's 'holy war' in \
                    Syria"
            ),
            vec!["holy war"]
        );
        assert_eq!(quotes("'We are ready,' she said."), vec!["We are ready,"]);
    }

    #[test]
    fn closing_mark_typed_as_opener() {
        assert_eq!(
            quotes(
                "where it \u{201C}continues to support the groups \
                    opposing ISIS\u{201C}.\n\nNext paragraph."
            ),
            vec!["continues to support the groups opposing ISIS"]
        );
    }

    #[test]
    fn missing_opening_mark_at_paragraph_start() {
        let text = "What\u{2019}s important is the real strike,\u{201D} \
                    Fabius declared.";
        let seg = segment(text);
        let q = scan(text, &seg);
        assert_eq!(q.len(), 1);
        assert!(q[0].open_mark.is_none() && q[0].repaired);
        assert_eq!(
            &text[q[0].content.start..q[0].content.end],
            "What\u{2019}s important is the real strike,"
        );
    }

    #[test]
    fn quote_over_several_paragraphs() {
        let text = "\"First part of it.\n\n\"Second part,\" he said.";
        let seg = segment(text);
        let q = scan(text, &seg);
        assert_eq!(q.len(), 2);
        assert!(q[0].continues && !q[0].repaired);
        assert_eq!(q[0].group, q[1].group);
        assert_eq!(
            &text[q[1].content.start..q[1].content.end],
            "Second part,"
        );
    }

    #[test]
    fn nested_quote_stays_inside() {
        assert_eq!(
            quotes(
                "\"Russia would get stuck in a 'quagmire,' because it \
                    won't work.\""
            ),
            vec![
                "Russia would get stuck in a 'quagmire,' because it \
                  won't work."
            ]
        );
    }

    #[test]
    fn unclosed_quote_closes_at_paragraph_end() {
        let text = "He said \"this is never closed.\n\nNew paragraph \
                    \"with a quote\" here.";
        let seg = segment(text);
        let q = scan(text, &seg);
        assert_eq!(q.len(), 2);
        assert!(q[0].repaired && q[0].close_mark.is_none());
        assert_eq!(
            &text[q[1].content.start..q[1].content.end],
            "with a quote"
        );
    }

    #[test]
    fn many_stray_marks_do_not_lose_the_rest() {
        let text =
            format!("{}\n\nShe said \"yes\" today.", "\" ".repeat(1000));
        assert_eq!(quotes(&text), vec!["yes"]);
    }
}
