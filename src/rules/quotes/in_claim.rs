//! `quote/in-claim`: a quoted fragment inside a reported claim.
//!
//! Input: a quote inside a claim with a speaker. Output: the claim's
//! speaker and cue; the quote is a partial one.

use super::{QuoteSite, Said};
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::Kind;

/// "Kerry warned that Russian support “risks extending the conflict”."
pub struct InClaim;

impl Rule for InClaim {
    const ID: &'static str = "quote/in-claim";
    const DESCRIPTION: &'static str =
        "A quoted fragment inside a reported claim takes its speaker.";
    const CONFIDENCE: f32 = 0.85;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "John Kerry warned that Russian support for Assad \
               \u{201C}risks extending the conflict\u{201D}.",
        quote: "risks extending the conflict",
        speaker: "John Kerry",
    }];
    // Not inside a claim: no clause was reported.
    const NEGATIVES: &'static [&'static str] =
        &["Officials issued \u{201C}stern\u{201D} warnings."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        let Some(claim) = site.in_claim else { return Outcome::Pass };
        // `Obama said he was "willing ...," CNN reported`: the outlet
        // after the fragment reports the whole claim.
        let outlet = site
            .after
            .filter(|_| site.fragment_in_claim())
            .and_then(|a| cx.frames[a].speaker);
        Outcome::Attribute(Said {
            via: claim.via.or(outlet),
            kind: Some(Kind::Partial),
            ..claim
        })
    }
}
