//! `frame/according-to`: the source named after "according to".
//!
//! Input: a cue. Output: the mention right after "according to", moved to
//! the role a possessor owns ([`super::possessed_role`]).

use crate::rules::{Context, Example, Outcome, Rule};

/// "According to WND, ...", "..., according to The Guardian."
pub struct AccordingTo;

impl Rule for AccordingTo {
    const ID: &'static str = "frame/according-to";
    const DESCRIPTION: &'static str =
        "The source of \"according to\" is the speaker of its clause.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "More than 1000 people have been arrested, according to \
               The Guardian.",
        quote: "More than 1000 people have been arrested",
        speaker: "The Guardian",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["More than 1000 people have been arrested, The Guardian said."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        let cue = &cx.cues[c];
        if !cue.according_to {
            return Outcome::Pass;
        }
        match cx.speaker_right(cue.last_token, 2) {
            Some(m) => Outcome::Attribute(
                cx.refine::<super::possessed_role::PossessedRole>(m),
            ),
            None => Outcome::Defer { via: None },
        }
    }
}
