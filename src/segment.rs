//! Stage 3 of the pipeline: paragraphs and sentences.
//!
//! Input: the normalized text. Output: [`Segments`], the byte spans of the
//! paragraphs and of the sentences inside them. Later stages use the
//! paragraphs for multi-paragraph quotes and for carrying a speaker to the
//! next paragraph, and the sentences to bound attribution windows and the
//! extent of reported claims.

use crate::types::Span;

/// Paragraph and sentence spans of one document, in text order.
#[derive(Debug, Default, Clone)]
pub struct Segments {
    /// Paragraph spans, trimmed of surrounding whitespace.
    pub paragraphs: Vec<Paragraph>,
    /// Sentence spans; sentences never cross a paragraph boundary.
    pub sentences: Vec<Span>,
}

/// One paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    /// Its span in the clean text.
    pub span: Span,
    /// A line of site furniture ("Share", "Advertisement"): kept for the
    /// paragraph count, but it does not separate a quote from its speaker.
    pub boilerplate: bool,
}

impl Segments {
    /// The index of the paragraph holding byte `pos` (the last paragraph
    /// starting at or before it).
    pub fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.span.start <= pos)
            .saturating_sub(1)
    }

    /// The index of the sentence holding byte `pos`.
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentences.partition_point(|s| s.start <= pos).saturating_sub(1)
    }
}

/// Splits `text` into paragraphs and sentences.
pub fn segment(text: &str) -> Segments {
    let mut seg = Segments::default();
    for para in split_paragraphs(text) {
        let body = &text[para.start..para.end];
        // Lower-case short lines only: a long paragraph is never furniture,
        // and lowering it cost an allocation the size of the paragraph.
        let boilerplate = body.len() < 40 && {
            let lower = body.trim().trim_end_matches(':').to_lowercase();
            crate::lexicon::is(crate::lexicon::Class::BoilerplateLines, &lower)
        };
        seg.paragraphs.push(Paragraph { span: para, boilerplate });
        split_sentences(text, para, &mut seg.sentences);
    }
    seg
}

/// A blank line always separates paragraphs. A single line break does too,
/// except inside hard-wrapped prose: when the line before it does not end a
/// sentence and the next line starts in lower case.
fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    while line_start <= text.len() {
        let line_end = memchr_newline(bytes, line_start);
        let line = &text[line_start..line_end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, last_content_end));
            }
        } else {
            let content_start =
                line_start + (line.len() - line.trim_start().len());
            let content_end = line_start + line.trim_end().len();
            if let Some(s) = start {
                let prev = text[s..last_content_end].trim_end();
                let continues = !prev.ends_with([
                    '.', '!', '?', ':', '"', '\u{201D}', '\u{2019}', ')',
                ]) && trimmed
                    .starts_with(|c: char| c.is_lowercase());
                if !continues {
                    out.push(Span::new(s, last_content_end));
                    start = Some(content_start);
                }
            } else {
                start = Some(content_start);
            }
            last_content_end = content_end;
        }
        if line_end >= text.len() {
            break;
        }
        // CRLF is one line break, not a line break and an empty line.
        line_start = if bytes[line_end] == b'\r'
            && bytes.get(line_end + 1) == Some(&b'\n')
        {
            line_end + 2
        } else {
            line_end + 1
        };
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_content_end));
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |p| from + p)
}

/// Quote marks that may follow a sentence's final punctuation.
fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')')
}

/// Splits one paragraph into sentences at `.`, `!` or `?` (and any closing
/// marks after them) followed by white space and a capital, a digit or an
/// opening mark, unless the word before the period is a known abbreviation
/// or a single capital letter (an initial, or "U.S.").
fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let body = &text[para.start..para.end];
    let bytes = body.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The terminators are found with memchr's vectorised search rather
    // than a test per byte: most of a paragraph holds none.
    while let Some(found) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        i += found;
        let b = bytes[i];
        let mut end = i + 1;
        // Ellipses and "?!" are one terminator.
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?')
        {
            end += 1;
        }
        while let Some(c) = body[end..].chars().next() {
            if is_closing_mark(c) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &body[end..];
        let after_space = rest.trim_start();
        let spaced = after_space.len() < rest.len();
        let next = after_space.chars().next();
        let starts_new = match next {
            None => false,
            Some(c) => {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || c == '('
                    || crate::marks::can_open(c)
            }
        };
        // "Washington, D.C. They also stated": an initialism before a
        // pronoun or article ends the sentence all the same. (Looked
        // at only where the text would split: the tests are pure.)
        let next_word = || {
            let n = after_space
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(after_space.len(), |(p, _)| p);
            &after_space[..n]
        };
        let abbreviation = || {
            b == b'.'
                && is_abbreviation(body, i)
                && !(is_initialism(body, i)
                    && crate::lexicon::is(
                        crate::lexicon::Class::SentenceOpeners,
                        next_word(),
                    ))
        };
        if spaced && starts_new && !abbreviation() {
            out.push(Span::new(para.start + start, para.start + end));
            start = end + (rest.len() - after_space.len());
        }
        i = end;
    }
    if start < bytes.len() {
        let s = para.start + start;
        let e = para.start + body.trim_end().len();
        if s < e {
            out.push(Span::new(s, e));
        }
    }
}

/// At most the last 32 bytes before `dot` (on a character boundary): the
/// word before a period is short, and looking further would make a
/// paragraph of "a.a.a.a..." quadratic.
fn word_window(body: &str, dot: usize) -> &str {
    let mut from = dot.saturating_sub(32);
    while !body.is_char_boundary(from) {
        from += 1;
    }
    &body[from..dot]
}

/// "U.S.", "D.C.": single letters and periods, two letters or more.
fn is_initialism(body: &str, dot: usize) -> bool {
    let before = word_window(body, dot);
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    word.len() >= 3 && word.split('.').all(|p| p.chars().count() == 1)
}

/// Whether the period at `dot` ends an abbreviation rather than a sentence.
fn is_abbreviation(body: &str, dot: usize) -> bool {
    let before = word_window(body, dot);
    // The word starts after the separator, which may be a multi-byte
    // space (U+0085, U+2028): step over its whole length.
    let word_start = before
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // "U.S." / "U.N." / an initial "J." : letters separated by periods.
    if word.split('.').all(|p| p.chars().count() == 1)
        && word.chars().next().is_some_and(|c| c.is_uppercase())
    {
        return true;
    }
    // Lowered on the stack when short ASCII (most words), not in a
    // String per period.
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return crate::lexicon::is(crate::lexicon::Class::Abbreviations, lower);
        }
    }
    let lower = word.to_lowercase();
    crate::lexicon::is(crate::lexicon::Class::Abbreviations, lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let seg = segment(text);
        seg.sentences.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        assert_eq!(
            sentences(
                "Mr. Smith met Gen. Jones in the U.S. on Monday. \
                       They talked."
            ),
            vec![
                "Mr. Smith met Gen. Jones in the U.S. on Monday.",
                "They talked."
            ]
        );
    }

    #[test]
    fn a_quote_ending_a_sentence_keeps_its_closing_mark() {
        assert_eq!(
            sentences(
                "\"It works,\" said Rogachev. \"If we have it.\" \
                       Then he left."
            ),
            vec![
                "\"It works,\" said Rogachev.",
                "\"If we have it.\"",
                "Then he left."
            ]
        );
    }

    #[test]
    fn blank_lines_and_line_breaks_make_paragraphs() {
        let text = "Headline here\n\nFirst para.\nSecond para.\n\
                    hard wrapped line\ncontinues here.\n\nAdvertisement\n";
        let seg = segment(text);
        let paras: Vec<&str> = seg
            .paragraphs
            .iter()
            .map(|p| &text[p.span.start..p.span.end])
            .collect();
        assert_eq!(
            paras,
            vec![
                "Headline here",
                "First para.",
                "Second para.",
                "hard wrapped line\ncontinues here.",
                "Advertisement"
            ]
        );
        assert!(seg.paragraphs[4].boilerplate);
        assert!(!seg.paragraphs[0].boilerplate);
    }

    #[test]
    fn crlf_line_ends_are_single_breaks() {
        let seg = segment("One.\r\nTwo.\r\n\r\nThree.");
        assert_eq!(seg.paragraphs.len(), 3);
    }

    #[test]
    fn lower_case_after_period_does_not_split() {
        assert_eq!(
            sentences("It cost 3.5 million. ok then"),
            vec!["It cost 3.5 million. ok then"]
        );
    }
}
