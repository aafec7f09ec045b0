//! `quote/previous-sentence`: a quote opening a sentence after one that
//! names one person and reports nothing.
//!
//! Input: a direct quote with no frame before or after it that opens a
//! sentence in the middle of its paragraph. Output: the one person named
//! in the sentence before it, when that sentence has no cue and no quote
//! ("The union leader, Pat Moss, was blunt. \"This is a disgrace.\"").

use super::{QuoteSite, Said};
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::Kind;

/// "The union leader, Pat Moss, was blunt. \"This is a disgrace.\""
pub struct PreviousSentence;

impl Rule for PreviousSentence {
    const ID: &'static str = "quote/previous-sentence";
    const DESCRIPTION: &'static str =
        "A quote opening a sentence takes the one person named in the \
         sentence before it, which has no cue and no quote.";
    const CONFIDENCE: f32 = 0.6;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "The union leader, Pat Moss, was blunt. \"This is a \
               disgrace.\"",
        quote: "This is a disgrace.",
        speaker: "Pat Moss",
    }];
    // Two people named before the quote; the quote opens the paragraph.
    const NEGATIVES: &'static [&'static str] = &[
        "Pat Moss and Ann Lee were blunt. \"This is a disgrace.\"",
        "Pat Moss was blunt.\n\n\"This is a disgrace.\"",
    ];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        if site.kind != Kind::Direct || site.before.is_some() || site.after.is_some() {
            return Outcome::Pass;
        }
        Outcome::found(cx.previous_sentence_person(site.qi).map(Said::by))
    }
}

impl Context<'_> {
    /// A quotation standing as its own sentence continues the topic of
    /// the sentence before it: news introduces a speaker in a sentence
    /// of description, then gives the words (the given-new sequence of
    /// Halliday and Hasan 1976, "Cohesion in English", ch. 2, by which a
    /// following sentence takes its participants from the one before).
    /// Only one person may be named there, and it must report nothing.
    fn previous_sentence_person(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let end = open.checked_sub(1)?;
        if self.same_sentence(end, open)
            || !matches!(self.word(end), "." | "!" | "?")
            || self.paragraph_of(self.tokens[end].span.start)
                != self.quotes[qi].paragraph
        {
            return None;
        }
        let start = self.sentence_start(end);
        if end - start > super::super::context::MAX_LOOKBACK {
            return None;
        }
        self.only_person_named(start, end, true)
    }
}
