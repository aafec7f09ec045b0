//! `frame/owner-of`: a person "of" a place or institution.
//!
//! Input: a mention found as a subject. Output: the person before "of",
//! "from", "in" or "at" when the mention is a place or organization after
//! it ("Doug Collins of Georgia said").

use crate::mentions::MentionKind;
use crate::rules::context::token_at;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::SpeakerType;

/// "Ryan Norris of the University of Guelph in Ontario said".
pub struct OwnerOf;

impl Rule for OwnerOf {
    const ID: &'static str = "frame/owner-of";
    const DESCRIPTION: &'static str =
        "A place or organization after \"of\" or \"from\" belongs to the \
         person before it, who speaks.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Doug Collins of Georgia said the inquiry was a sham.",
        quote: "the inquiry was a sham",
        speaker: "Doug Collins",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["Doug Collins said the inquiry was a sham."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &m: &usize) -> Outcome<usize> {
        Outcome::Attribute(cx.owner_of(m))
    }
}

impl Context<'_> {
    /// "Doug Collins of Georgia said", "Jane Roe of Reuters said": a place
    /// or organization after "of" or "from" belongs to the person before
    /// it, who speaks.
    fn owner_of(&self, m: usize) -> usize {
        // Follow a chain of places and institutions back to the person:
        // "Ryan Norris of the University of Guelph in Ontario said".
        let mut cur = m;
        for _ in 0..3 {
            let mm = &self.mentions[cur];
            // A place typed as a person ("New York") is still a place
            // after "of": look left before trusting the type.
            let person = mm.speaker_type == SpeakerType::Person
                && mm.kind == MentionKind::Name;
            let name_start = token_at(self.tokens, mm.span.start);
            if name_start < 2 {
                return if person { cur } else { m };
            }
            let mut k = name_start - 1;
            // "of the UK's National Crime Agency": past the possessor.
            if matches!(self.word(k), "'s" | "\u{2019}s") && k > 0 {
                if let Some(p) = self.mention_ending_at(k - 1) {
                    k = self.mentions[p].first_token.saturating_sub(1);
                }
            }
            if self.lower(k) == "the" && k > 0 {
                k -= 1;
            }
            if !matches!(self.lower(k), "of" | "from" | "in" | "at") || k == 0
            {
                return if person { cur } else { m };
            }
            match self.mention_ending_at(k - 1) {
                Some(p) if self.mentions[p].kind == MentionKind::Name => {
                    if self.mentions[p].speaker_type == SpeakerType::Person {
                        return p;
                    }
                    cur = p
                }
                _ => return if person { cur } else { m },
            }
        }
        m
    }
}
