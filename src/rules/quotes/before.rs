//! `quote/before`: the speaker and cue before the opening mark.
//!
//! Input: a quote with a frame right before it (a colon, a comma or
//! nothing between). Output: that frame's speaker, unless a frame after
//! the quote attributes it and the quote is not the verb's object.

use super::{QuoteSite, Said};
use crate::rules::{Context, Example, Outcome, Rule};

/// "Kerry said: \"We would welcome Russian contributions.\""
pub struct Before;

impl Rule for Before {
    const ID: &'static str = "quote/before";
    const DESCRIPTION: &'static str =
        "The speaker and cue come before the opening mark, with a colon, \
         a comma or nothing between.";
    const CONFIDENCE: f32 = 0.9;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Later John Kerry said: \"We would welcome Russian \
               contributions.\"",
        quote: "We would welcome Russian contributions.",
        speaker: "John Kerry",
    }];
    // "warned that X \"...\"": a clause, not a lead-in.
    const NEGATIVES: &'static [&'static str] =
        &["John Kerry warned that the plan was \"a dead end\" for Syria."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        let Some(b) = site.before.filter(|_| !site.fragment_in_claim()) else {
            return Outcome::Pass;
        };
        match site.after {
            // `The sources said "...," WND reported`: the object of the
            // verb before it; the frame after only reports the words.
            Some(a) if cx.before_is_object(site.qi) => {
                cx.said_by_frame(b, cx.frames[a].speaker)
            }
            Some(_) => Outcome::Pass,
            None => cx.said_by_frame(b, None),
        }
    }
}
