//! `frame/participle-agent`: the agent of a participle ("..., saying").
//!
//! Input: a participle cue. Output: the nearest person named before it in
//! its sentence, else the sentence's first mention (its subject).

use crate::mentions::MentionKind;
use crate::rules::context::MAX_LOOKBACK;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::tagger::Xpos;
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
        let subject = self.past_fronted_adjunct(start, c);
        // A personal pronoun that opens the clause or comes right before
        // its verb is its subject ("He left, saying", `"...," she was
        // quoted as saying`); elsewhere a pronoun is an object or a
        // possessor, no agent ("thanked them, saying").
        let subject_pronoun = |m: usize| {
            let m = &self.mentions[m];
            m.first_token == subject
                || self.tags.get(m.last_token + 1).is_some_and(|t| t.xpos.is_verb())
        };
        let first = || {
            (subject..c.min(start + MAX_LOOKBACK * 2)).find_map(|j| {
                self.mention_starting_at(j).filter(|&m| {
                    (self.mentions[m].kind != MentionKind::Pronoun || subject_pronoun(m))
                        && self.mentions[m].last_token < c
                })
            })
        };
        nearest_person.or_else(first)
    }

    /// Where the subject starts in the clause opening at `start` that the
    /// participle at `c` belongs to: past a fronted prepositional adjunct
    /// ("Through its lawyers on Friday, the club ...", "At the hearing
    /// the union ..."). A preposed adjunct is no part of the subject
    /// (Huddleston and Pullum 2002, ch. 8, §20, and ch. 16 on preposing):
    /// it runs to the comma that sets it off or, with no comma, over the
    /// one noun phrase the preposition governs.
    fn past_fronted_adjunct(&self, start: usize, c: usize) -> usize {
        if start >= c || self.tags[start].xpos != Xpos::In {
            return start;
        }
        let comma = (start + 1..c.min(start + 20)).find(|&j| {
            self.word(j) == ","
                || self.tokens[j].in_quote
                || self.cue_at[j] != 0
        });
        // The comma right before the participle is its own, not the
        // adjunct's ("At the hearing the union went further, arguing").
        if let Some(j) = comma.filter(|&j| self.word(j) == "," && j + 1 < c)
        {
            return j + 1;
        }
        // No comma: the preposition's object is one base phrase; a second
        // phrase right after it is the subject.
        match self.chunks.base_at(start + 1) {
            Some(obj)
                if obj.first == start + 1
                    && obj.last + 1 < c
                    && self
                        .chunks
                        .base_at(obj.last + 1)
                        .is_some_and(|s| s.first == obj.last + 1) =>
            {
                obj.last + 1
            }
            _ => start,
        }
    }
}
