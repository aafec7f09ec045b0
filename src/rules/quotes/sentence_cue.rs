//! `quote/sentence-cue`: a fragment after a cue in its sentence.
//!
//! Input: a partial quote with no claim around it. Output: the speaker of
//! the last frame with a speaker ending before it in its sentence.

use super::{QuoteSite, Said};
use crate::rules::{Context, Example, Outcome, Rule};

/// "Jones announced new rules ..., with masks \"a condition of travel\"."
pub struct SentenceCue;

impl Rule for SentenceCue {
    const ID: &'static str = "quote/sentence-cue";
    const DESCRIPTION: &'static str =
        "A quoted fragment after a cue in its sentence takes the cue's \
         speaker.";
    const CONFIDENCE: f32 = 0.75;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Sarah Jones announced new rules for trains and buses on \
               Monday, with masks \"a condition of travel\" for \
               passengers.",
        quote: "a condition of travel",
        speaker: "Sarah Jones",
    }];
    // No cue in the fragment's sentence.
    const NEGATIVES: &'static [&'static str] =
        &["Sarah Jones spoke on Monday. Masks are \"a condition of \
           travel\" for passengers."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        let Some((open, start)) = cx.fragment_opening(site) else {
            return Outcome::Pass;
        };
        // The last frame with a speaker ending before the quote.
        let frame = (start..open).rev().find_map(|j| {
            let f =
                &cx.frames[(cx.frame_last_at[j] as usize).checked_sub(1)?];
            (f.speaker.is_some()
                && f.first >= start
                && !cx.cues[f.cue].according_to)
                .then_some(f)
        });
        match frame.and_then(|f| Some((f.speaker?, f.cue))) {
            Some((speaker, cue)) => Outcome::Attribute(Said {
                speaker,
                cue: Some(cue),
                via: None,
                kind: None,
            }),
            None => Outcome::Pass,
        }
    }
}
