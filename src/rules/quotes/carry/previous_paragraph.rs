//! `quote/previous-paragraph`: a paragraph made only of a quote takes the
//! last speaker of the previous paragraph.
//!
//! Input: a direct quote without a speaker that opens its paragraph.
//! Output: the previous paragraph's last attributed quote, else its last
//! claim, else its last frame ("CNN reported"), else the one person (or
//! "he", "she") its last sentence names when that sentence reports
//! nothing ("Jane Roe, the mayor, spoke on Monday.").

use super::CarrySite;
use crate::rules::quotes::Said;
use crate::rules::{Context, Example, Outcome, Rule};

/// "Lam said the bill was dead.\n\n\"It will never return.\""
pub struct PreviousParagraph;

impl Rule for PreviousParagraph {
    const ID: &'static str = "quote/previous-paragraph";
    const DESCRIPTION: &'static str =
        "A paragraph made only of a quote takes the last speaker of the \
         previous paragraph.";
    const CONFIDENCE: f32 = 0.65;
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "\"We will not stop,\" Carrie Lam said on Tuesday.\n\n\"There \
                   have been chaotic scenes at the airport.\"",
            quote: "There have been chaotic scenes at the airport.",
            speaker: "Carrie Lam",
        },
        Example {
            text: "Jane Roe, the mayor, spoke to reporters on Monday.\n\n\"The \
                   budget is balanced. We will not raise taxes.\"",
            quote: "The budget is balanced. We will not raise taxes.",
            speaker: "Jane Roe",
        },
    ];
    // The quote does not open its paragraph.
    // The quote does not open its paragraph; two people are named.
    const NEGATIVES: &'static [&'static str] = &[
        "\"We will not stop,\" Carrie Lam said on Tuesday.\n\nThe airport \
         was closed, and \"there have been chaotic scenes\" there.",
        "Jane Roe met Tom Reed on Monday.\n\n\"The budget is balanced.\"",
    ];
    type Site = CarrySite;
    type Found = Said;

    fn apply(_: &Context<'_>, site: &CarrySite) -> Outcome<Said> {
        match site.previous {
            Some(said) if site.opens_paragraph => Outcome::Attribute(said),
            _ => Outcome::Pass,
        }
    }
}
