//! `claim/participle`: the clause after a participle cue (", saying").
//!
//! Input: a frame whose cue is a participle. Output: the clause after it;
//! its speaker is the participle's agent (`frame/participle-agent`).

use crate::rules::frames::participle_agent::ParticipleAgent;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::Span;

/// "Fabius declared, insisting Russia does a lot of talking."
pub struct Participle;

impl Rule for Participle {
    const ID: &'static str = "claim/participle";
    const DESCRIPTION: &'static str =
        "The clause after a participle whose agent is the sentence's \
         speaker.";
    const CONFIDENCE: f32 = 0.75;
    // The sentence whose agent frame/participle-agent finds.
    const EXAMPLES: &'static [Example] = ParticipleAgent::EXAMPLES;
    // "urging Russia to hurry": a directive, not a report.
    const NEGATIVES: &'static [&'static str] =
        &["Laurent Fabius spoke on Monday, urging Russia to hurry up."];
    type Site = usize;
    type Found = Span;

    fn apply(cx: &Context<'_>, &fi: &usize) -> Outcome<Span> {
        let f = &cx.frames[fi];
        if !cx.cues[f.cue].participle {
            return Outcome::Pass;
        }
        cx.clause_span(f)
            .map_or(Outcome::Defer { via: None }, Outcome::Attribute)
    }
}
