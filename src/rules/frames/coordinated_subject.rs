//! `frame/coordinated-subject`: the subject shared by coordinated verbs.
//!
//! Input: a cue right after "and" or "but". Output: the subject of the
//! cue it is coordinated with, else the sentence's first mention.

use crate::rules::context::MAX_LOOKBACK;
use crate::rules::{Context, Example, Outcome, Rule};

/// "The State Department gave its sympathies and said ...".
pub struct CoordinatedSubject;

impl Rule for CoordinatedSubject {
    const ID: &'static str = "frame/coordinated-subject";
    const DESCRIPTION: &'static str =
        "A verb after \"and\" or \"but\" shares the subject of the verb \
         it is coordinated with.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "John Kerry met the delegates on Monday and said Russia \
               had proposed talks.",
        quote: "Russia had proposed talks",
        speaker: "John Kerry",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["John Kerry met the delegates on Monday. Russia had proposed \
           talks, officials said."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        cx.coordinated_subject(cx.cues[c].first_token)
            .map_or(Outcome::Pass, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// The subject of a verb coordinated with an earlier one ("X declined
    /// the request and said ..."): the first mention of the sentence, when
    /// "and" or "but" comes right before the verb.
    fn coordinated_subject(&self, v: usize) -> Option<usize> {
        let mut p = v.checked_sub(1)?;
        while p > 0
            && crate::lexicon::is(
                crate::lexicon::Class::BetweenSubjectAndVerb,
                self.lower(p),
            )
        {
            p -= 1;
        }
        if !matches!(self.lower(p), "and" | "but") {
            return None;
        }
        let start = self.sentence_start(v).max(p.saturating_sub(MAX_LOOKBACK));
        // "Kerry said he sought clarity and warned that ...": the subject
        // of the verb it is coordinated with, when that verb is a cue.
        let earlier = (start..p).rev().find_map(|j| {
            let cue = &self.cues[self.cue_starting_at(j)?];
            if cue.participle || cue.according_to {
                return None;
            }
            self.subject_left(cue.first_token)
        });
        if earlier.is_some() {
            return earlier;
        }
        // "X, Alan Park, called it a step and said ...": the subject
        // of the first conjunct's finite verb, which the coordinated
        // verb shares (Huddleston and Pullum 2002, ch. 15, §4.1).
        let first_verb = (start..p).find(|&j| {
            !self.tokens[j].in_quote && self.tags[j].xpos.is_finite_verb()
        });
        if let Some(m) = first_verb.and_then(|f| self.subject_left(f)) {
            return Some(m);
        }
        let start = self.sentence_start(v);
        (start..p.min(start + MAX_LOOKBACK))
            .find_map(|j| {
                self.mention_starting_at(j)
                    .filter(|&m| self.mentions[m].last_token < p)
            })
            .map(|m| self.refine::<super::owner_of::OwnerOf>(m))
            .filter(|&m| {
                let words_before = (start..self.mentions[m].first_token)
                    .filter(|&j| self.tokens[j].word)
                    .count();
                words_before <= 3
            })
    }
}
