//! `quote/continued`: a piece of a quote running over several paragraphs.
//!
//! Input: a quote without a speaker whose multi-paragraph group has an
//! attributed piece. Output: that piece's speaker, cue and via.

use super::CarrySite;
use crate::rules::quotes::Said;
use crate::rules::{Context, Example, Outcome, Rule};

/// A first paragraph left open, the speaker named in the second.
pub struct Continued;

impl Rule for Continued {
    const ID: &'static str = "quote/continued";
    const DESCRIPTION: &'static str =
        "A piece of a quote running over several paragraphs takes the \
         speaker of another piece.";
    const CONFIDENCE: f32 = 0.85;
    // News leaves the first paragraph of a long quote unclosed and opens
    // the next one again (the AP and Chicago convention).
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"We have waited for years for this day to come.\n\n\"Now \
               we will rebuild the town,\" Maria Lopez said.",
        quote: "We have waited for years for this day to come.",
        speaker: "Maria Lopez",
    }];
    // Two closed quotes in two paragraphs are two quotes.
    const NEGATIVES: &'static [&'static str] = &["\"We have waited for \
        years.\"\n\nThe town was quiet.\n\n\"Now we will rebuild the \
        town,\" Maria Lopez said."];
    type Site = CarrySite;
    type Found = Said;

    fn apply(_: &Context<'_>, site: &CarrySite) -> Outcome<Said> {
        site.donor.map_or(Outcome::Pass, Outcome::Attribute)
    }
}
