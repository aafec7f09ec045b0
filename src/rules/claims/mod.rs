//! Claims: reported speech without quote marks.
//!
//! Input: the frames of the [`Context`]. Output: an [`Attribution`] of
//! kind indirect for each frame whose cue reports a clause, decided by
//! the first claim rule of [`Context::claims`]'s list that attributes,
//! and one for each headline that opens with a speaker and a colon.

pub(super) mod according_to;
pub(super) mod comment_clause;
pub(super) mod cue_clause;
pub(super) mod headline_colon;
pub(super) mod noun_clause;
pub(super) mod participle;
pub(super) mod trailing;

use super::{confidence_of, sieve, Attribution, Context, Outcome, Rule};
use crate::types::Kind;

impl Context<'_> {
    /// Claims: the reported clause of each frame, and headline colons.
    pub(super) fn claims(&self) -> Vec<Attribution> {
        let mut out = Vec::new();
        for (fi, f) in self.frames.iter().enumerate() {
            if f.parenthetical {
                continue;
            }
            let (outcome, rule) = sieve!(
                self,
                &fi,
                [
                    according_to::AccordingTo,
                    comment_clause::CommentClause,
                    trailing::Trailing,
                    participle::Participle,
                    cue_clause::CueClause,
                ]
            );
            let Outcome::Attribute(span) = outcome else { continue };
            // A claim with no speaker found is still a row, with empty
            // speaker columns, like an unattributed quote.
            if span.start >= span.end {
                continue;
            }
            out.push(Attribution {
                co_speakers: Vec::new(),
                kind: Kind::Indirect,
                span,
                speaker: f.speaker,
                cue: Some(f.cue),
                colon_cue: None,
                via: f.via,
                rule,
                confidence: confidence_of(rule),
                paragraph: self.paragraph_of(span.start),
            });
        }
        if self.selection.on(noun_clause::NounClause::ID) {
            // Only a word before "that" is asked (a length test first:
            // most tokens are not four letters).
            for k in 0..self.tokens.len().saturating_sub(1) {
                let next = &self.tokens[k + 1];
                if next.span.end - next.span.start != 4 || self.lower(k + 1) != "that" {
                    continue;
                }
                if let Outcome::Attribute(a) = noun_clause::NounClause::apply(self, &k) {
                    let overlaps = out.iter().any(|o: &Attribution| {
                        o.span.start < a.span.end && a.span.start < o.span.end
                    });
                    if !overlaps {
                        out.push(a);
                    }
                }
            }
        }
        if self.selection.on(headline_colon::HeadlineColon::ID) {
            for p in 0..self.segments.paragraphs.len() {
                if let Outcome::Attribute(a) =
                    headline_colon::HeadlineColon::apply(self, &p)
                {
                    out.push(a);
                }
            }
        }
        out
    }
}
