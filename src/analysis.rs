//! What the stages computed for one document, from the normalized text to
//! the rules' attributions.
//!
//! Input: filled by [`crate::Extractor::analyze`]. Output: read by the
//! resolve stage, the output stage, `explain` and tests.

/// Everything the pipeline computed for one document, for `explain` and
/// tests.
pub struct Analysis<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalized text and its offset map.
    pub normalized: crate::normalize::Normalized,
    /// Paragraphs and sentences.
    pub segments: crate::segment::Segments,
    /// The quotes found.
    pub quotes: Vec<crate::quotes::Quote>,
    /// The tokens.
    pub tokens: Vec<crate::tokens::Token>,
    /// One part-of-speech tag per token.
    pub tags: Vec<crate::tagger::PosTag>,
    /// The noun-phrase chunks of the tokens.
    pub chunks: crate::chunk::Chunks,
    /// The mentions.
    pub mentions: Vec<crate::mentions::Mention>,
    /// Noun phrases no rule may take for a speaker but that a pronoun or
    /// description may stand for (read by the resolve stage only).
    pub antecedents: Vec<crate::mentions::Mention>,
    /// The cues.
    pub cues: Vec<crate::cues::CueMatch<'a>>,
    /// The frames (a cue and its speaker).
    pub frames: Vec<crate::rules::Frame>,
    /// The rows before output.
    pub attributions: Vec<crate::rules::Attribution>,
}
