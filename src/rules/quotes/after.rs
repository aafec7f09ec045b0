//! `quote/after/cue-speaker` and `quote/after/speaker-cue`: the frame
//! right after the closing mark.
//!
//! Input: a quote with a frame glued after its closing mark. Output: that
//! frame's speaker; the id tells an inverted frame ("said Rogachev") from
//! a subject-first one ("Lavrov told reporters"). The two ids share one
//! file because they are one test on the frame's order.

use super::{QuoteSite, Said};
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::Kind;

/// "\"If we have these grounds,\" said Rogachev."
pub struct AfterCueSpeaker;

impl Rule for AfterCueSpeaker {
    const ID: &'static str = "quote/after/cue-speaker";
    const DESCRIPTION: &'static str =
        "An inverted cue and speaker follow the closing mark.";
    const CONFIDENCE: f32 = 0.95;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"If we have these grounds,\" said Ilya Rogachev.",
        quote: "If we have these grounds,",
        speaker: "Ilya Rogachev",
    }];
    // "a \"betrayal,\" according to NBC": the outlet reports a fragment
    // it did not say.
    const NEGATIVES: &'static [&'static str] = &["The senator's office \
        was asked about a \"betrayal of the voters,\" according \
        to NBC."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        let Some(a) = site.after.filter(|&a| cx.frames[a].inverted) else {
            return Outcome::Pass;
        };
        if site.fragment_in_claim() {
            return Outcome::Pass;
        }
        let f = &cx.frames[a];
        if site.kind == Kind::Partial && cx.cues[f.cue].according_to {
            return Outcome::Defer { via: f.speaker };
        }
        cx.said_by_frame(a, None)
    }
}

/// "\"We are polite people,\" Lavrov told reporters."
pub struct AfterSpeakerCue;

impl Rule for AfterSpeakerCue {
    const ID: &'static str = "quote/after/speaker-cue";
    const DESCRIPTION: &'static str =
        "The speaker and cue follow the closing mark.";
    const CONFIDENCE: f32 = 0.95;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"We are polite people,\" Sergey Lavrov told reporters.",
        quote: "We are polite people,",
        speaker: "Sergey Lavrov",
    }];
    // `"A." Sophie Obadia told reporters "B."`: the frame leads into the
    // next quote.
    const NEGATIVES: &'static [&'static str] = &["\"It is over.\" Sophie \
        Obadia told reporters \"We will appeal.\""];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        match site.after {
            Some(a) if !cx.frames[a].inverted && !site.fragment_in_claim() => {
                cx.said_by_frame(a, None)
            }
            _ => Outcome::Pass,
        }
    }
}
