//! Coordinated speakers: "Nick Adderley and Stephen Mold said", "said
//! Britain, France and Germany".
//!
//! Input: an attribution's speaking mention, a name, and its cue. Output:
//! the other names coordinated with it as the subject of the cue, in text
//! order, which the output stage joins with it into one speaker ("Nick
//! Adderley and Stephen Mold", as annotators of news write a joint
//! source). Place: after the frames and rows are built, before the resolve
//! stage (which resolves each conjunct).
//!
//! A coordination of noun phrases is one subject (Quirk et al. 1985,
//! §13.41); the frame finders take the name next to the cue, so the names
//! joined to it by "and" (and commas before, in a list) are collected
//! here. Only names of one kind (people, or bodies; a name of no known
//! kind joins either) are joined, and the
//! first must open its clause (the sentence's start, a comma, "both"):
//! "talks between Russia and Ukraine" is no subject.

use crate::mentions::MentionKind;
use crate::rules::Context;

/// At most this many conjuncts besides the speaker.
const MAX_CONJUNCTS: usize = 4;

impl Context<'_> {
    /// The names coordinated with mention `m`, the subject of the cue that
    /// starts at token `cue` (see the module doc); empty for none.
    pub(super) fn conjuncts(&self, m: usize, cue: usize) -> Vec<usize> {
        let mm = &self.mentions[m];
        if mm.kind != MentionKind::Name {
            return Vec::new();
        }
        let like = |o: usize| {
            let om = &self.mentions[o];
            // A lone name of no known kind ("Adderley and Stephen Mold")
            // joins either.
            let unknown = crate::types::SpeakerType::Unknown;
            om.kind == MentionKind::Name
                && (om.speaker_type == mm.speaker_type
                    || om.speaker_type == unknown
                    || mm.speaker_type == unknown)
                && self.tokens[om.first_token].sentence
                    == self.tokens[mm.first_token].sentence
        };
        if mm.last_token < cue {
            self.conjuncts_before(m, like)
        } else {
            self.conjuncts_after(m, like)
        }
    }

    /// "Adderley and Mold said", "Britain, France and Germany said".
    fn conjuncts_before(&self, m: usize, like: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut found = Vec::new();
        let mut first = self.mentions[m].first_token;
        let mut joined_by_and = false;
        while found.len() < MAX_CONJUNCTS {
            // The word before the current first conjunct: "and" (after
            // a comma or not) for the last link, a comma for the others.
            let Some(k) = first.checked_sub(1) else { break };
            let mut end = k;
            let link = self.lower(k);
            if link == "and" && !joined_by_and {
                joined_by_and = true;
                if end > 0 && self.word(end - 1) == "," {
                    end -= 1;
                }
            } else if link != "," || !joined_by_and {
                break;
            }
            let Some(before) = end.checked_sub(1) else { break };
            let o = self.mention_ending[before];
            if o == 0 || !like(o as usize - 1) {
                break;
            }
            let o = o as usize - 1;
            found.push(o);
            first = self.mentions[o].first_token;
        }
        if found.is_empty() || !self.opens_subject(first) {
            return Vec::new();
        }
        found.reverse();
        found
    }

    /// "said Britain, France and Germany.": the names after the speaker,
    /// up to the end of the clause.
    fn conjuncts_after(&self, m: usize, like: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut found = Vec::new();
        let mut last = self.mentions[m].last_token;
        loop {
            let k = last + 1;
            if k + 1 >= self.tokens.len() || found.len() >= MAX_CONJUNCTS {
                break;
            }
            let link = self.lower(k);
            let next = if link == "and" {
                k + 1
            } else if link == "," && self.lower(k + 1) == "and" {
                k + 2
            } else if link == "," {
                k + 1
            } else {
                break;
            };
            let o = self.mention_starting.get(next).copied().unwrap_or(0);
            if o == 0 || !like(o as usize - 1) {
                break;
            }
            let o = o as usize - 1;
            found.push(o);
            last = self.mentions[o].last_token;
            if link == "and" || next == k + 2 {
                break;
            }
        }
        // The list must end with "and" and close its clause.
        let closes = |t: usize| {
            t >= self.tokens.len()
                || self.tokens[t].sentence != self.tokens[last].sentence
                || matches!(self.word(t), "." | "," | ";" | "!" | "?")
                || self.is_quote_mark(t)
        };
        let ended_by_and = found.last().is_some_and(|&o| {
            let f = self.mentions[o].first_token;
            f > 0 && self.lower(f - 1) == "and"
        });
        if !ended_by_and || !closes(last + 1) {
            return Vec::new();
        }
        found
    }

    /// Whether a subject may start at token `first`: the sentence's
    /// start, or after a comma, a colon, a dash or "both".
    fn opens_subject(&self, first: usize) -> bool {
        first == 0
            || self.tokens[first - 1].sentence != self.tokens[first].sentence
            || matches!(self.lower(first - 1), "," | ":" | "\u{2014}" | "both")
    }
}
