//! `quote/interrupted`: the second piece of a quote interrupted by its
//! attribution.
//!
//! Input: a quote whose frame before it is the frame after the previous
//! quote of its paragraph. Output: that frame's speaker.

use super::{QuoteSite, Said};
use crate::rules::{Context, Example, Outcome, Rule};

/// "\"A lot of people think that,\" said a protester. \"So they lie.\""
pub struct Interrupted;

impl Rule for Interrupted {
    const ID: &'static str = "quote/interrupted";
    const DESCRIPTION: &'static str =
        "The second piece of a quote interrupted by its attribution.";
    const CONFIDENCE: f32 = 0.9;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"We are ready,\" said Katya Lee, \"and we will not stop \
               now.\"",
        quote: "and we will not stop now.",
        speaker: "Katya Lee",
    }];
    // Two quotes in two paragraphs are not one interrupted quote.
    const NEGATIVES: &'static [&'static str] =
        &["\"We are ready,\" said Katya Lee.\n\n\"We will not stop now.\""];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        match site.before {
            Some(b) if site.interrupted && !site.fragment_in_claim() => {
                cx.said_by_frame(b, None)
            }
            _ => Outcome::Pass,
        }
    }
}
