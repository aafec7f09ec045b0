//! Stage 1b of the pipeline, for HTML articles: HTML to text.
//!
//! Input: a document's HTML source (a `.html`/`.htm` file, or a JSONL
//! record's text with `--html`). Output: an [`HtmlText`], the article's
//! text (tags removed, `script`/`style`/`noscript`/`template`/`title`
//! dropped, block elements as paragraph breaks, every HTML5 character
//! reference decoded) and a map from every byte of that text back to the
//! byte of the source it came from. Place: before [`crate::normalize`];
//! [`crate::Extractor::extract_html`] runs the usual pipeline on the text
//! and maps each row's offsets through this map, so that the table's
//! offsets point into the HTML source.
//!
//! The tokenizer is lol_html's: it follows the WHATWG tokenizer states
//! (raw text in `script`/`style`, RCDATA in `title`/`textarea`,
//! comments, CDATA, bogus markup), streams in linear time with bounded
//! buffers, and reports every token's byte range in the source
//! (`source_location()`), which is what the offset map needs; html5ever's
//! tokenizer reports only line numbers, and tl gives no positions for end
//! tags. Character references use the full WHATWG table (2,231 names,
//! with and without `;`) shipped by the `htmlize` crate.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// An HTML document's text and its map back to the source.
#[derive(Debug, Clone, Default)]
pub struct HtmlText {
    /// The text: paragraphs separated by a blank line.
    pub text: String,
    /// Pieces of the text in text order: where each starts in the text,
    /// and what source bytes it came from.
    pieces: Vec<Piece>,
    source_len: usize,
}

/// A run of the text. A verbatim piece is as long as its source and
/// advances with it byte by byte; a replaced one (a character reference,
/// a paragraph break standing for a tag) maps whole to its source range.
/// Offsets are 32-bit: a page dense with tags has a piece every few
/// bytes, and 16 bytes a piece instead of 32 keeps the map under the
/// size of the source. `--max-document-size` stops at 4 GiB; past that a
/// library caller's offsets would saturate.
#[derive(Debug, Clone, Copy)]
struct Piece {
    text_start: u32,
    source: (u32, u32),
    verbatim: bool,
}

/// An offset as a piece stores it.
fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl HtmlText {
    /// The source byte where the text starting at byte `t` starts.
    pub fn source_start(&self, t: usize) -> usize {
        if t >= self.text.len() {
            return self.pieces.last().map_or(0, |p| p.source.1 as usize);
        }
        let i = self.pieces.partition_point(|p| p.text_start as usize <= t);
        let Some(p) = i.checked_sub(1).map(|i| self.pieces[i]) else {
            return 0;
        };
        let (start, end) = (p.source.0 as usize, p.source.1 as usize);
        if p.verbatim {
            (start + (t - p.text_start as usize)).min(end)
        } else {
            start
        }
    }

    /// The source byte where the text ending (exclusive) at byte `t`
    /// ends.
    pub fn source_end(&self, t: usize) -> usize {
        if t == 0 {
            return self.pieces.first().map_or(0, |p| p.source.0 as usize);
        }
        let i = self.pieces.partition_point(|p| (p.text_start as usize) < t);
        let Some(p) = i.checked_sub(1).map(|i| self.pieces[i]) else {
            return 0;
        };
        let (start, end) = (p.source.0 as usize, p.source.1 as usize);
        let end = if p.verbatim {
            (start + (t - p.text_start as usize)).min(end)
        } else {
            end
        };
        end.min(self.source_len)
    }

    fn push_verbatim(&mut self, s: &str, source_start: usize) {
        if s.is_empty() {
            return;
        }
        let t = narrow(self.text.len());
        let (start, end) = (narrow(source_start), narrow(source_start + s.len()));
        match self.pieces.last_mut() {
            Some(p)
                if p.verbatim
                    && p.source.1 == start
                    && p.text_start + (p.source.1 - p.source.0) == t =>
            {
                p.source.1 = end;
            }
            _ => self.pieces.push(Piece {
                text_start: t,
                source: (start, end),
                verbatim: true,
            }),
        }
        self.text.push_str(s);
    }

    fn push_replaced(&mut self, s: &str, source: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            text_start: narrow(self.text.len()),
            source: (narrow(source.start), narrow(source.end)),
            verbatim: false,
        });
        self.text.push_str(s);
    }
}

/// What a tag does to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Starts or ends a paragraph.
    Block,
    /// Its content is not article text.
    Skip,
    /// Neither (`a`, `em`, `span`, ...).
    Inline,
}

fn tag_kind(name: &str) -> TagKind {
    match name {
        // Not text a reader sees; `title` repeats the headline, which
        // the page's `h1` carries.
        "script" | "style" | "noscript" | "template" | "title" | "head"
        | "svg" | "math" | "iframe" | "object" | "select" => TagKind::Skip,
        "p" | "br" | "li" | "ul" | "ol" | "dl" | "dt" | "dd" | "h1" | "h2"
        | "h3" | "h4" | "h5" | "h6" | "div" | "blockquote" | "tr" | "td"
        | "th" | "table" | "thead" | "tbody" | "tfoot" | "caption"
        | "section" | "article" | "aside" | "header" | "footer" | "nav"
        | "main" | "figure" | "figcaption" | "pre" | "hr" | "address"
        | "details" | "summary" | "form" | "fieldset" | "legend"
        | "body" | "html" | "center" | "hgroup" | "dialog" | "menu" => {
            TagKind::Block
        }
        _ => TagKind::Inline,
    }
}

#[derive(Debug)]
enum Event {
    Start(TagKind, Range<usize>),
    End(TagKind, Range<usize>),
    Text(Range<usize>),
}

/// The text of an HTML document, with its map back to the source.
///
/// Never fails: lol_html's tokenizer recovers from any malformed markup
/// as browsers do; should it stop anyway (it bounds its buffers), the
/// text read so far is kept.
pub fn html_to_text(source: &str) -> HtmlText {
    let events = Rc::new(RefCell::new(Vec::<Event>::new()));
    let mut out = HtmlText { source_len: source.len(), ..HtmlText::default() };
    let mut state = EventState::default();
    {
        let on_element = Rc::clone(&events);
        let on_text = Rc::clone(&events);
        let settings = lol_html::Settings {
            element_content_handlers: vec![lol_html::element!("*", move |el| {
                let kind = tag_kind(&el.tag_name());
                on_element
                    .borrow_mut()
                    .push(Event::Start(kind, el.source_location().bytes()));
                if kind != TagKind::Inline && el.can_have_content() {
                    let on_end = Rc::clone(&on_element);
                    el.on_end_tag(lol_html::end_tag!(move |end| {
                        on_end.borrow_mut().push(Event::End(
                            kind,
                            end.source_location().bytes(),
                        ));
                        Ok(())
                    }))?;
                }
                Ok(())
            })],
            document_content_handlers: vec![lol_html::doc_text!(move |t| {
                let r = t.source_location().bytes();
                if !r.is_empty() {
                    on_text.borrow_mut().push(Event::Text(r));
                }
                Ok(())
            })],
            ..lol_html::Settings::new()
        };
        let mut rewriter =
            lol_html::HtmlRewriter::new(settings, |_: &[u8]| {});
        // The source goes in by pieces and the events are turned into
        // text after each, so that they are never all held at once (a
        // page dense with tags has several events a word).
        let mut fed = 0;
        while fed < source.len() {
            let mut end = (fed + HTML_FEED_BYTES).min(source.len());
            while !source.is_char_boundary(end) {
                end += 1;
            }
            if rewriter.write(&source.as_bytes()[fed..end]).is_err() {
                break;
            }
            fed = end;
            state.take_events(&mut events.borrow_mut(), source, &mut out);
        }
        let _ = rewriter.end();
    }
    state.take_events(&mut events.borrow_mut(), source, &mut out);
    out.pieces.shrink_to_fit();
    out.text.shrink_to_fit();
    out
}

/// The source bytes given to the HTML parser at a time.
const HTML_FEED_BYTES: usize = 64 << 10;

/// Where the turning of events into text stands between two pieces of
/// the source.
#[derive(Default)]
struct EventState {
    /// Open elements whose text is skipped (scripts, styles, ...).
    skip: usize,
    /// A paragraph break waiting for the next visible character.
    pending: Option<Range<usize>>,
}

impl EventState {
    /// Turns the events so far into text, and forgets them.
    fn take_events(
        &mut self,
        events: &mut Vec<Event>,
        source: &str,
        out: &mut HtmlText,
    ) {
        // Handlers fire in source order; sorting makes it a guarantee.
        events.sort_by_key(|e| match e {
            Event::Start(_, r) | Event::End(_, r) | Event::Text(r) => r.start,
        });
        for e in events.drain(..) {
            match e {
                Event::Start(TagKind::Skip, _) => self.skip += 1,
                Event::End(TagKind::Skip, _) => {
                    self.skip = self.skip.saturating_sub(1);
                }
                Event::Start(TagKind::Block, r)
                | Event::End(TagKind::Block, r) => {
                    if self.skip == 0
                        && !out.text.is_empty()
                        && self.pending.is_none()
                    {
                        self.pending = Some(r);
                    }
                }
                Event::Start(..) | Event::End(..) => {}
                Event::Text(r) if self.skip == 0 => {
                    let Some(chunk) = source.get(r.clone()) else {
                        continue;
                    };
                    text_chunk(out, chunk, r.start, &mut self.pending);
                }
                Event::Text(_) => {}
            }
        }
    }
}

/// Appends one text chunk of the source at `at`: white space folded to
/// spaces (byte for byte), character references decoded, and a pending
/// paragraph break put before the first visible character.
fn text_chunk(
    out: &mut HtmlText,
    chunk: &str,
    at: usize,
    pending: &mut Option<Range<usize>>,
) {
    let bytes = chunk.as_bytes();
    let mut i = 0;
    if pending.is_some() {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == bytes.len() {
            return;
        }
        if let Some(r) = pending.take() {
            out.push_replaced("\n\n", r);
        }
    }
    let mut run = i;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'&' {
            if let Some((decoded, len)) = char_reference(&chunk[i..]) {
                out.push_verbatim(&chunk[run..i], at + run);
                out.push_replaced(&decoded, at + i..at + i + len);
                i += len;
                run = i;
                continue;
            }
        } else if matches!(b, b'\n' | b'\r' | b'\t' | b'\x0C') {
            // A line break in HTML source is a space: the same length, so
            // the piece stays verbatim.
            out.push_verbatim(&chunk[run..i], at + run);
            out.push_verbatim(" ", at + i);
            i += 1;
            run = i;
            continue;
        }
        i += 1;
    }
    out.push_verbatim(&chunk[run..], at + run);
}

/// The decoded text of the character reference at the start of `s` (which
/// starts with `&`) and its length in bytes, by the WHATWG rules for text
/// content: numeric references (with the Windows-1252 fix-ups for
/// 0x80–0x9F), and the longest named reference of the table, with or
/// without its `;` where the table allows.
pub fn char_reference(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits = if hex { 3 } else { 2 };
        let mut end = digits;
        while end < b.len()
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == digits {
            return None;
        }
        if b.get(end) == Some(&b';') {
            end += 1;
        }
        let decoded = htmlize::unescape(&s[..end]).into_owned();
        return Some((decoded, end));
    }
    let max = s.len().min(htmlize::ENTITY_MAX_LENGTH);
    for len in (htmlize::ENTITY_MIN_LENGTH..=max).rev() {
        let Some(candidate) = b.get(..len) else { continue };
        if let Some(v) = htmlize::ENTITIES.get(candidate) {
            let v = std::str::from_utf8(v).ok()?;
            return Some((v.to_string(), len));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every span maps back to source that decodes to it.
    fn check_map(source: &str, h: &HtmlText) {
        for (t, _) in h.text.char_indices() {
            let s = h.source_start(t);
            assert!(s <= source.len());
            assert!(source.is_char_boundary(s), "{t} -> {s}");
        }
        assert!(h.source_end(h.text.len()) <= source.len());
    }

    #[test]
    fn tags_go_blocks_break_entities_decode() {
        let src = "<html><head><title>T</title><style>p{}</style></head>\
                   <body><p>Smith &amp; Jones said it cost &pound;15 \
                   million&hellip;</p>\n  <p>Next <em>one</em>.</p>\
                   <script>var x = \"no\";</script><br>Last &notit; \
                   &#8220;q&#x201D; &#150;</body></html>";
        let h = html_to_text(src);
        assert_eq!(
            h.text,
            "Smith & Jones said it cost \u{a3}15 million\u{2026}\n\nNext \
             one.\n\nLast \u{ac}it; \u{201C}q\u{201D} \u{2013}"
        );
        check_map(src, &h);
        let t = h.text.find("Jones").unwrap();
        let (s, e) = (h.source_start(t), h.source_end(t + 5));
        assert_eq!(&src[s..e], "Jones");
        let t = h.text.find('\u{a3}').unwrap();
        let e = h.source_end(t + '\u{a3}'.len_utf8() + 2);
        assert_eq!(&src[h.source_start(t)..e], "&pound;15");
        let t = h.text.find("million").unwrap();
        let e = h.source_end(t + "million\u{2026}".len());
        assert_eq!(&src[h.source_start(t)..e], "million&hellip;");
    }

    #[test]
    fn the_whole_named_table_is_there() {
        assert_eq!(char_reference("&euro; x").unwrap(), ("\u{20ac}".into(), 6));
        assert_eq!(char_reference("&NotEqualTilde;").unwrap().0, "\u{2242}\u{338}");
        assert_eq!(char_reference("&amp").unwrap(), ("&".into(), 4));
        assert_eq!(char_reference("&zwnj;").unwrap().0, "\u{200c}");
        assert!(char_reference("&nosuchthing;").is_none());
        assert!(char_reference("& x").is_none());
    }

    #[test]
    fn malformed_markup_and_empty_input_do_not_fail() {
        for src in ["", "<", "<p", "a < b & c", "<p>x</div></p></p>", "<!--"] {
            let h = html_to_text(src);
            check_map(src, &h);
        }
        assert_eq!(html_to_text("a < b &c").text, "a < b &c");
    }
}
