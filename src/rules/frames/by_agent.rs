//! `frame/by-agent`: the agent of a passive cue.
//!
//! Input: a cue in the passive with a by-phrase ("was confirmed by").
//! Output: the mention the by-phrase names ("it was confirmed by the
//! ministry that the plant would close"), the source of the report.

use crate::rules::{Context, Example, Outcome, Rule};

/// "It was confirmed by the ministry that the plant would close."
pub struct ByAgent;

impl Rule for ByAgent {
    const ID: &'static str = "frame/by-agent";
    const DESCRIPTION: &'static str =
        "The agent of a passive cue: the mention after \"by\" (\"was \
         confirmed by the ministry that ...\").";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "It was confirmed by the Interior Ministry that the plant \
               would close.",
        quote: "the plant would close",
        speaker: "Interior Ministry",
    }];
    // No "be": an aside, not a passive whose agent speaks.
    const NEGATIVES: &'static [&'static str] =
        &["The plant, as reported by the BBC, would close in May."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        let cue = &cx.cues[c];
        if !cue.by_agent {
            return Outcome::Pass;
        }
        // The "by" token is the last before the agent.
        cx.speaker_right(cue.last_token + 1, 3)
            .map_or(Outcome::Pass, Outcome::Attribute)
    }
}
