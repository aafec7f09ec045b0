//! `quote/colon-name`: a name and a colon open the quote's paragraph.
//!
//! Input: a quote right after a colon. Output: the name before the colon,
//! when it opens the paragraph (interviews, transcripts, headlines).

use super::{QuoteSite, Said};
use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};

/// "Hill: \"We will not give up.\""
pub struct ColonName;

impl Rule for ColonName {
    const ID: &'static str = "quote/colon-name";
    const DESCRIPTION: &'static str =
        "A paragraph opens with a name and a colon before the quote.";
    const CONFIDENCE: f32 = 0.85;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Fiona Hill: \"We will not give up.\"",
        quote: "We will not give up.",
        speaker: "Fiona Hill",
    }];
    // The name does not open the paragraph.
    const NEGATIVES: &'static [&'static str] =
        &["The words of the day came from Fiona Hill: \"We will not give \
           up.\""];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        Outcome::found(cx.colon_name(site.qi).map(Said::by))
    }
}

impl Context<'_> {
    /// `Hill: "We will not give up."`: a paragraph that opens with a name
    /// and a colon before a quote.
    fn colon_name(&self, qi: usize) -> Option<usize> {
        let open = self.quote_tokens[qi].0?;
        let colon = open.checked_sub(1)?;
        if self.word(colon) != ":" {
            return None;
        }
        let m = self.mention_ending_at(colon.checked_sub(1)?)?;
        let mm = &self.mentions[m];
        let para = self.segments.paragraphs[self.quotes[qi].paragraph].span;
        let opens = self.tokens[mm.first_token].span.start == para.start;
        (mm.kind == MentionKind::Name && opens).then_some(m)
    }
}
