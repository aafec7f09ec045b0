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
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "John Kerry warned that Russian support for Assad \
                   \u{201C}risks extending the conflict\u{201D}.",
            quote: "risks extending the conflict",
            speaker: "John Kerry",
        },
        Example {
            text: "Ticket sales fell by a \u{201C}worrying margin\u{201D} \
                   in May, according to Peter Vance.",
            quote: "worrying margin",
            speaker: "Peter Vance",
        },
    ];
    // Not inside a claim; a person as the subject, whom "according to"
    // only reports.
    const NEGATIVES: &'static [&'static str] = &[
        "Officials issued \u{201C}stern\u{201D} warnings.",
        "Senator Ruth Kane called it a \u{201C}betrayal\u{201D}, according to NBC.",
    ];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        let Some(claim) = site.in_claim else {
            return cx.according_to_fragment(site);
        };
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

impl Context<'_> {
    /// `Rents jumped by a "record margin", according to a Harbour Homes spokesman`:
    /// a fragment in a clause reported by "according to", whose sentence
    /// has no person or organisation for subject to have said it, is the
    /// source's wording ("according to" names the source of the whole
    /// content, Quirk et al. 1985, §9.4 and §15.23). With such a subject
    /// (`Pelosi called it a "breach", according to NBC`) the source only
    /// reports it: `quote/sentence-subject` takes the subject.
    fn according_to_fragment(&self, site: &QuoteSite) -> Outcome<Said> {
        match site.reported_by {
            Some(source)
                if site.kind == Kind::Partial
                    && self.fragment_subject(site).is_none() =>
            {
                Outcome::Attribute(Said { kind: Some(Kind::Partial), ..source })
            }
            _ => Outcome::Pass,
        }
    }
}
