//! `quote/sentence-subject`: a fragment in a sentence that opens with a
//! name.
//!
//! Input: a partial quote with no claim around it and no cue before it in
//! its sentence. Output: the name or pronoun opening the sentence: news
//! puts a fragment's speaker in subject position even with verbs that are
//! not cues (called, described, attacked).

use super::{QuoteSite, Said};
use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::SpeakerType;

/// "Schiff called it \"a non-starter\"."
pub struct SentenceSubject;

impl Rule for SentenceSubject {
    const ID: &'static str = "quote/sentence-subject";
    const DESCRIPTION: &'static str =
        "A quoted fragment with no cue takes the name that opens its \
         sentence.";
    const CONFIDENCE: f32 = 0.55;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Adam Schiff called it \"a non-starter\".",
        quote: "a non-starter",
        speaker: "Adam Schiff",
    }];
    // The name does not open the sentence.
    const NEGATIVES: &'static [&'static str] =
        &["In a long letter to the committee about the plan, it was \
           called \"a non-starter\" by Adam Schiff."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        let Some((open, start)) = cx.fragment_opening(site) else {
            return Outcome::Pass;
        };
        let first = (start..open).find_map(|j| {
            cx.mention_starting_at(j)
                .filter(|&m| cx.mentions[m].last_token < open)
        });
        let Some(first) = first else { return Outcome::Pass };
        let m = &cx.mentions[first];
        let start = cx.sentence_start(open);
        let words_before =
            (start..m.first_token).filter(|&j| cx.tokens[j].word).count();
        let subject =
            matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
                && matches!(
                    m.speaker_type,
                    SpeakerType::Person
                        | SpeakerType::Organization
                        | SpeakerType::Unknown
                )
                && words_before <= 1;
        if !subject {
            return Outcome::Pass;
        }
        Outcome::Attribute(Said::by(first))
    }
}
