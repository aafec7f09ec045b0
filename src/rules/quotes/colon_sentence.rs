//! `quote/colon-sentence`: a quote after a colon that ends a clause
//! naming one person.
//!
//! Input: a quote right after a colon, with no frame before it. Output:
//! the one person the words before the colon in its sentence name ("Moss
//! had a message for the government: \"...\"", "Another was driver Sam
//! Cole, 41, who cited his training: \"...\"").

use super::{QuoteSite, Said};
use crate::rules::context::MAX_LOOKBACK;
use crate::rules::{Context, Example, Outcome, Rule};

/// "Pat Moss had a message for the government: \"Pay the nurses.\""
pub struct ColonSentence;

impl Rule for ColonSentence {
    const ID: &'static str = "quote/colon-sentence";
    const DESCRIPTION: &'static str =
        "A quote after a colon takes the one person named before the \
         colon in its sentence.";
    const CONFIDENCE: f32 = 0.7;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Union leader Pat Moss had a message for the government: \
               \"Pay the nurses.\"",
        quote: "Pay the nurses.",
        speaker: "Pat Moss",
    }];
    // Two people named, or none: the colon does not tell who speaks.
    const NEGATIVES: &'static [&'static str] = &[
        "Union leaders Pat Moss and Ann Lee had a message for the \
         government: \"Pay the nurses.\"",
        "The message to the government was simple: \"Pay the nurses.\"",
    ];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        if site.before.is_some() {
            return Outcome::Pass;
        }
        Outcome::found(cx.colon_sentence(site.qi).map(Said::by))
    }
}

impl Context<'_> {
    /// A colon announces that what follows it elaborates the clause
    /// before it (Huddleston and Pullum 2002, ch. 20, §5.3): a quotation
    /// after a clause that names one person is that person's words, as
    /// the clause introduces them (Quirk et al. 1985, §14.29 on the
    /// colon before direct speech).
    fn colon_sentence(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let colon = open.checked_sub(1)?;
        if self.word(colon) != ":" {
            return None;
        }
        let start = self
            .sentence_start(colon)
            .max(colon.saturating_sub(MAX_LOOKBACK));
        self.only_person_named(start, colon, false)
    }
}
