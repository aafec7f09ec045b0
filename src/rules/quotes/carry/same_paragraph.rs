//! `quote/same-paragraph`: a further quote in a paragraph keeps the last
//! speaker named there.
//!
//! Input: a direct quote without a speaker. Output: the last speaker
//! named before it in its paragraph (by a frame or an attributed quote).

use super::CarrySite;
use crate::rules::quotes::Said;
use crate::rules::{Context, Example, Outcome, Rule};

/// "\"We are ready,\" he said. \"We will win.\""
pub struct SameParagraph;

impl Rule for SameParagraph {
    const ID: &'static str = "quote/same-paragraph";
    const DESCRIPTION: &'static str =
        "A further quote in a paragraph keeps the last speaker named there.";
    const CONFIDENCE: f32 = 0.75;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"We are ready for the vote,\" Maria Lopez said on \
               Monday. \"We will win it.\"",
        quote: "We will win it.",
        speaker: "Maria Lopez",
    }];
    // No speaker named in the paragraph before the quote.
    const NEGATIVES: &'static [&'static str] =
        &["The vote is on Monday. \"We will win it.\""];
    type Site = CarrySite;
    type Found = Said;

    fn apply(_: &Context<'_>, site: &CarrySite) -> Outcome<Said> {
        site.last_in_paragraph.map_or(Outcome::Pass, Outcome::Attribute)
    }
}
