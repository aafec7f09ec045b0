//! `frame/participle-agent`: the agent of a participle ("..., saying").
//!
//! Input: a participle cue. Output: the nearest person named before it in
//! its sentence, else the sentence's first mention (its subject).

use crate::mentions::MentionKind;
use crate::rules::context::MAX_LOOKBACK;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::SpeakerType;

/// "Fabius declared, insisting Russia does a lot of talking."
pub struct ParticipleAgent;

impl Rule for ParticipleAgent {
    const ID: &'static str = "frame/participle-agent";
    const DESCRIPTION: &'static str =
        "A participle's agent: the nearest person named before it in its \
         sentence, else the sentence's first mention.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Laurent Fabius declared, insisting Russia does a lot of \
               talking.",
        quote: "Russia does a lot of talking",
        speaker: "Laurent Fabius",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["Laurent Fabius declared that Russia does a lot of talking."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        let cue = &cx.cues[c];
        if !cue.participle {
            return Outcome::Pass;
        }
        cx.participle_agent(cue.first_token)
            .map_or(Outcome::Defer { via: None }, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// The agent of a participle ("..., saying X"): the nearest person
    /// named before it in its sentence; else the sentence's first mention
    /// (its subject, "The Obama Administration has ..., saying").
    fn participle_agent(&self, c: usize) -> Option<usize> {
        let start = self.sentence_start(c);
        let from = start.max(c.saturating_sub(MAX_LOOKBACK * 2));
        let nearest_person = (from..c).rev().find_map(|j| {
            self.mention_ending_at(j).filter(|&m| {
                let m = &self.mentions[m];
                m.kind == MentionKind::Name
                    && m.speaker_type == SpeakerType::Person
            })
        });
        let first = || {
            (start..c.min(start + MAX_LOOKBACK * 2)).find_map(|j| {
                self.mention_starting_at(j).filter(|&m| {
                    self.mentions[m].kind != MentionKind::Pronoun
                        && self.mentions[m].last_token < c
                })
            })
        };
        nearest_person.or_else(first)
    }
}
