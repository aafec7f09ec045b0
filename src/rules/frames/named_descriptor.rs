//! `frame/named-descriptor`: the name given to a description.
//!
//! Input: a speaker mention. Output: for a description, the name it is
//! given ("a man named John Smith"), or for a document, its author ("a
//! 1989 report from the National Transportation Safety Board").

use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::SpeakerType;

/// "a protester using the pseudonym Katya", "a man named John Smith".
pub struct NamedDescriptor;

impl Rule for NamedDescriptor {
    const ID: &'static str = "frame/named-descriptor";
    const DESCRIPTION: &'static str =
        "A description speaks with the name it is given (\"a protester \
         using the pseudonym Katya\"); a document for its author.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "\"We are not afraid,\" said a protester using the \
               pseudonym Katya.",
        quote: "We are not afraid,",
        speaker: "Katya",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["\"We are not afraid,\" said a protester outside the court."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &m: &usize) -> Outcome<usize> {
        let d = &cx.mentions[m];
        if d.kind != MentionKind::Descriptor {
            return Outcome::Pass;
        }
        Outcome::Attribute(if d.speaker_type == SpeakerType::Unknown {
            cx.document_author(m)
        } else {
            cx.given_name(m)
        })
    }
}

impl Context<'_> {
    /// A document speaks for its author: "a 1989 report from the National
    /// Transportation Safety Board", "Federal Aviation Administration
    /// records", "a survey ... by the Royal Pharmaceutical Society".
    fn document_author(&self, m: usize) -> usize {
        let d = &self.mentions[m];
        let inside = (d.first_token..=d.last_token).find_map(|j| {
            self.mention_ending_at(j).filter(|&o| {
                let o = &self.mentions[o];
                o.kind == MentionKind::Name
                    && o.speaker_type != SpeakerType::Unknown
                    && o.first_token >= d.first_token
            })
        });
        // "the agency's report", "the court's summary": a genitive
        // before a document's noun names who made it (the genitive of
        // origin, Quirk et al. 1985, §5.116), a person or organisation
        // whether named or described ("the agency" is resolved later).
        let possessor = (d.first_token..d.last_token).find_map(|j| {
            if !matches!(self.word(j + 1), "'s" | "\u{2019}s" | "'" | "\u{2019}") {
                return None;
            }
            self.mention_ending_at(j).filter(|&o| {
                let o = &self.mentions[o];
                o.first_token >= d.first_token
                    && o.kind != MentionKind::Pronoun
                    && matches!(
                        o.speaker_type,
                        SpeakerType::Person | SpeakerType::Organization
                    )
            })
        });
        let inside = inside.or(possessor);
        let end = (d.last_token + 8).min(self.tokens.len());
        for k in d.last_token + 1..end {
            if !self.same_sentence(k, d.last_token) || !self.tokens[k].word {
                break;
            }
            if matches!(self.lower(k), "by" | "from") {
                let at =
                    if self.lower(k + 1) == "the" { k + 2 } else { k + 1 };
                if let Some(o) = self.mention_starting_at(at) {
                    if self.mentions[o].kind == MentionKind::Name {
                        return o;
                    }
                }
                break;
            }
        }
        inside.unwrap_or(m)
    }

    /// "a protester using the pseudonym Katya", "a man named John Smith":
    /// the name after "named", "called", "pseudonym" within five words.
    fn given_name(&self, m: usize) -> usize {
        let d = &self.mentions[m];
        let mut k = d.last_token + 1;
        let end = (k + 5).min(self.tokens.len());
        while k < end && self.same_sentence(k, d.last_token) {
            if matches!(
                self.lower(k),
                "named" | "called" | "pseudonym" | "name" | "identified"
            ) {
                let mut j = k + 1;
                while j < end + 2 && j < self.tokens.len() {
                    if let Some(n) = self.mention_starting_at(j) {
                        if self.mentions[n].kind == MentionKind::Name {
                            return n;
                        }
                    }
                    if !matches!(self.lower(j), "as" | "only") {
                        break;
                    }
                    j += 1;
                }
                break;
            }
            k += 1;
        }
        m
    }
}
