//! The view of one document that every rule reads.
//!
//! Input: the quotes, tokens, mentions and cues of a document. Output: a
//! [`Context`] with per-token indexes (the mention ending or starting at a
//! token, the cue at a token, the quote opened or closed by a token, the
//! frame starting or ending at a token) so that each rule looks a token up
//! in constant time: the sieve stays linear (BENCHMARKS.md).

use crate::chunk::Chunks;
use crate::tagger::PosTag;
use std::borrow::Cow;
use std::cell::Cell;

use super::{Frame, Selection};
use crate::cues::CueMatch;
use crate::mentions::Mention;
use crate::quotes::Quote;
use crate::segment::Segments;
use crate::tokens::Token;
use crate::types::Span;

/// The longest reported clause, in tokens. A clause runs to its
/// sentence's end; bounding it keeps the sieve linear on a 50 MB
/// "sentence" with a cue every few words (see BENCHMARKS.md), and no
/// reported clause in news is near this long.
pub(super) const MAX_CLAUSE_TOKENS: usize = 150;

/// How far the rules look back within a sentence for a subject or cue.
pub(super) const MAX_LOOKBACK: usize = 60;

/// One document as the rules see it.
pub struct Context<'a> {
    pub(super) text: &'a str,
    pub(super) segments: &'a Segments,
    pub(super) quotes: &'a [Quote],
    pub(super) tokens: &'a [Token],
    pub(super) lowered: &'a [Cow<'a, str>],
    pub(super) mentions: &'a [Mention],
    pub(super) cues: &'a [CueMatch<'a>],
    /// One part-of-speech tag per token.
    pub(super) tags: &'a [PosTag],
    /// The noun-phrase chunks of the tokens.
    pub(super) chunks: &'a Chunks,
    /// The rules switched on.
    pub(super) selection: &'a Selection,
    /// Mention whose extent ends at a token (index + 1; 0 for none).
    pub(super) mention_ending: Vec<u32>,
    /// Mention whose extent or name starts at a token (index + 1).
    pub(super) mention_starting: Vec<u32>,
    /// Cue starting at a token (index + 1).
    pub(super) cue_at: Vec<u32>,
    /// Token index of every quote's opening and closing mark.
    pub(super) quote_tokens: Vec<(Option<usize>, Option<usize>)>,
    /// Quote whose opening mark is a token (index + 1).
    pub(super) quote_open_at: Vec<u32>,
    /// Quote whose closing mark is a token (index + 1).
    pub(super) quote_close_at: Vec<u32>,
    /// First and last token of each sentence.
    pub(super) sentence_bounds: Vec<(usize, usize)>,
    /// The frames, one per cue, once built.
    pub(super) frames: Vec<Frame>,
    /// Frame whose first token is a token (index + 1); set once the
    /// frames are built.
    pub(super) frame_first_at: Vec<u32>,
    /// Frame whose last token is a token (index + 1).
    pub(super) frame_last_at: Vec<u32>,
    /// The refinements that moved the speaker of the frame being built
    /// (bits in the order of [`super::frames::REFINEMENTS`]).
    pub(super) trace: Cell<u8>,
}

/// The stages' output that the rules read.
pub struct Document<'a> {
    /// The clean text.
    pub text: &'a str,
    /// Paragraphs and sentences.
    pub segments: &'a Segments,
    /// The quotes.
    pub quotes: &'a [Quote],
    /// The tokens.
    pub tokens: &'a [Token],
    /// The tokens in lower case.
    pub lowered: &'a [Cow<'a, str>],
    /// The mentions.
    pub mentions: &'a [Mention],
    /// The cues.
    pub cues: &'a [CueMatch<'a>],
    /// One part-of-speech tag per token.
    pub tags: &'a [PosTag],
    /// The noun-phrase chunks of the tokens.
    pub chunks: &'a Chunks,
}

/// The index of the token at or after byte `pos`.
pub(super) fn token_at(tokens: &[Token], pos: usize) -> usize {
    tokens.partition_point(|t| t.span.end <= pos)
}

impl<'a> Context<'a> {
    /// Indexes a document.
    pub(super) fn new(doc: &Document<'a>, selection: &'a Selection) -> Self {
        let (tokens, n) = (doc.tokens, doc.tokens.len());
        let (mention_ending, mention_starting) =
            index_mentions(tokens, doc.mentions);
        let mut cue_at = vec![0u32; n];
        for (i, c) in doc.cues.iter().enumerate() {
            cue_at[c.first_token] = i as u32 + 1;
        }
        let quote_tokens: Vec<(Option<usize>, Option<usize>)> = doc
            .quotes
            .iter()
            .map(|q| {
                (
                    q.open_mark.map(|s| token_at(tokens, s.start)),
                    q.close_mark.map(|s| token_at(tokens, s.start)),
                )
            })
            .collect();
        let mut quote_open_at = vec![0u32; n];
        let mut quote_close_at = vec![0u32; n];
        for (i, &(o, c)) in quote_tokens.iter().enumerate() {
            if let Some(o) = o.filter(|&o| o < n) {
                quote_open_at[o] = i as u32 + 1;
            }
            if let Some(c) = c.filter(|&c| c < n) {
                quote_close_at[c] = i as u32 + 1;
            }
        }
        let mut sentence_bounds: Vec<(usize, usize)> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let s = t.sentence as usize;
            while sentence_bounds.len() <= s {
                sentence_bounds.push((i, i));
            }
            sentence_bounds[s].1 = i;
        }
        Context {
            text: doc.text,
            segments: doc.segments,
            quotes: doc.quotes,
            tokens,
            lowered: doc.lowered,
            mentions: doc.mentions,
            cues: doc.cues,
            tags: doc.tags,
            chunks: doc.chunks,
            selection,
            mention_ending,
            mention_starting,
            cue_at,
            quote_tokens,
            quote_open_at,
            quote_close_at,
            sentence_bounds,
            frames: Vec::new(),
            frame_first_at: vec![0; n],
            frame_last_at: vec![0; n],
            trace: Cell::new(0),
        }
    }

    /// Keeps the frames and indexes their first and last tokens.
    pub(super) fn set_frames(&mut self, frames: Vec<Frame>) {
        for (i, f) in frames.iter().enumerate() {
            if self.frame_first_at[f.first] == 0 {
                self.frame_first_at[f.first] = i as u32 + 1;
            }
            self.frame_last_at[f.last] = i as u32 + 1;
        }
        self.frames = frames;
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    pub(super) fn lower(&self, i: usize) -> &'a str {
        &self.lowered[i]
    }

    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.tokens[a].sentence == self.tokens[b].sentence
    }

    /// Whether token `i` is a quote mark (of the table in
    /// [`crate::marks`], which the scanner uses too).
    pub(super) fn is_quote_mark(&self, i: usize) -> bool {
        crate::marks::is_quote_token(self.word(i))
    }

    pub(super) fn mention_ending_at(&self, i: usize) -> Option<usize> {
        (*self.mention_ending.get(i)? as usize).checked_sub(1)
    }

    /// Safe past the last token: rules look a token or two ahead.
    pub(super) fn mention_starting_at(&self, i: usize) -> Option<usize> {
        (*self.mention_starting.get(i)? as usize).checked_sub(1)
    }

    /// The cue starting at token `k`.
    pub(super) fn cue_starting_at(&self, k: usize) -> Option<usize> {
        (*self.cue_at.get(k)? as usize).checked_sub(1)
    }

    pub(super) fn sentence_start(&self, k: usize) -> usize {
        self.sentence_bounds[self.tokens[k].sentence as usize].0
    }

    pub(super) fn sentence_end(&self, k: usize) -> usize {
        self.sentence_bounds[self.tokens[k].sentence as usize].1
    }

    /// The quote whose opening mark is token `k`.
    pub(super) fn quote_opening_at(&self, k: usize) -> Option<usize> {
        (*self.quote_open_at.get(k)? as usize).checked_sub(1)
    }

    /// Whether token `k` closes a quote.
    pub(super) fn closes_quote(&self, k: usize) -> bool {
        self.quote_close_at.get(k).is_some_and(|&q| q != 0)
    }

    pub(super) fn paragraph_of(&self, pos: usize) -> usize {
        self.segments.paragraph_of(pos)
    }

    /// The span from token `a` to token `b` without edge punctuation
    /// (but keeping closing quote marks that end a quoted fragment).
    pub(super) fn trim_span(
        &self,
        mut a: usize,
        mut b: usize,
    ) -> Option<Span> {
        while a <= b && !self.tokens[a].word && !self.is_quote_mark(a) {
            a += 1;
        }
        // "reached 7%": a percent sign is part of its figure.
        while b >= a
            && !self.tokens[b].word
            && self.word(b) != "%"
            && !(self.is_quote_mark(b)
                && !self.tokens[b].in_quote
                && self.closes_quote(b))
        {
            if b == 0 {
                return None;
            }
            b -= 1;
        }
        if a > b {
            return None;
        }
        let words = (a..=b).filter(|&j| self.tokens[j].word).count();
        if words < 3 {
            return None;
        }
        Some(Span::new(self.tokens[a].span.start, self.tokens[b].span.end))
    }
}

/// The mention ending at each token, and the longest one starting there.
fn index_mentions(
    tokens: &[Token],
    mentions: &[Mention],
) -> (Vec<u32>, Vec<u32>) {
    let n = tokens.len();
    let mut ending = vec![0u32; n];
    let mut starting = vec![0u32; n];
    for (i, m) in mentions.iter().enumerate() {
        ending[m.last_token] = i as u32 + 1;
        // Where mentions nest ("UCL" inside "UCL astronomer Angelos
        // Tsiaras"), the longest one starting at a token wins.
        // The name starts at the extent's first token unless a
        // description comes before it: checked there before a search of
        // the whole document (callgrind, 400 KB Wikinews: Context::new
        // 8.9 -> 7.3 instructions a byte).
        let at_first = |t: usize| {
            tokens.get(t).is_none_or(|x| x.span.end > m.span.start)
                && (t == 0 || tokens[t - 1].span.end <= m.span.start)
        };
        let name_start = if m.first_token <= n && at_first(m.first_token) {
            m.first_token
        } else {
            token_at(tokens, m.span.start)
        };
        for t in [m.first_token, name_start] {
            if t >= n {
                continue;
            }
            let longer = match starting[t] {
                0 => true,
                o => mentions[o as usize - 1].last_token < m.last_token,
            };
            if longer {
                starting[t] = i as u32 + 1;
            }
        }
    }
    (ending, starting)
}
