//! `claim/cue-clause`: the clause after a reporting verb.
//!
//! Input: a frame that neither closes its sentence nor is a participle.
//! Output: the clause after its cue ([`Context::clause_span`]).

use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::Span;

/// "Kerry said Wednesday that Russia has proposed talks."
pub struct CueClause;

impl Rule for CueClause {
    const ID: &'static str = "claim/cue-clause";
    const DESCRIPTION: &'static str =
        "The clause after a reporting verb (and an optional that).";
    const CONFIDENCE: f32 = 0.85;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Kerry said Wednesday that Russia has proposed talks.",
        quote: "Russia has proposed talks",
        speaker: "Kerry",
    }];
    // An object, not a clause; a negated report.
    const NEGATIVES: &'static [&'static str] = &[
        "Kerry announced a new initiative for the Gulf.",
        "Kerry did not say that Russia has proposed talks.",
    ];
    type Site = usize;
    type Found = Span;

    fn apply(cx: &Context<'_>, &fi: &usize) -> Outcome<Span> {
        let f = &cx.frames[fi];
        if f.trailing || cx.cues[f.cue].participle {
            return Outcome::Pass;
        }
        cx.clause_span(f).map_or(Outcome::Pass, Outcome::Attribute)
    }
}
