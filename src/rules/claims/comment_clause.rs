//! `claim/comment-clause`: a claim with its attribution set inside it
//! between commas ("X, the study says, Y"; "X, according to Y, Z").
//!
//! Input: a frame that neither opens nor closes its sentence, with a
//! comma on each side. Output: the whole sentence, the attribution inside
//! it included, as the gold conventions mark such claims; or, when what
//! follows the second comma is a new clause with its own subject
//! (", but the man was found dead"), the clause before the attribution.
//!
//! A reporting clause can stand in the middle of what it reports, set off
//! by commas: Quirk et al. (1985, ch. 15, "comment clauses") and Huddleston
//! & Pullum (2002, ch. 11 §9, the parenthetical reporting frame of
//! "The plan, she said, would fail"). It interrupts one clause; it does
//! not report a clause coordinated after it with a subject of its own.

use crate::rules::context::MAX_LOOKBACK;
use crate::rules::{Context, Example, Frame, Outcome, Rule};
use crate::types::Span;

/// "Because the ice is thin, the survey says, the lake stays closed."
pub struct CommentClause;

impl Rule for CommentClause {
    const ID: &'static str = "claim/comment-clause";
    const DESCRIPTION: &'static str =
        "A claim with its attribution inside it between commas.";
    const CONFIDENCE: f32 = 0.75;
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "Because the ice is thin, the survey says, the lake \
                   stays closed.",
            quote: "Because the ice is thin, the survey says, the lake \
                    stays closed",
            speaker: "survey",
        },
        Example {
            text: "The ferry left at noon, according to police, but the \
                   passengers were never found.",
            quote: "The ferry left at noon",
            speaker: "police",
        },
    ];
    // An attribution after a subject, with the cue's own clause after it;
    // a quote around the attribution.
    const NEGATIVES: &'static [&'static str] = &[
        "Witnesses, according to the radio, said nothing at all.",
        "\"The ice is thin\", the survey says, \"and the lake stays \
         closed.\"",
    ];
    type Site = usize;
    type Found = Span;

    fn apply(cx: &Context<'_>, &fi: &usize) -> Outcome<Span> {
        Outcome::found(cx.comment_clause_span(fi))
    }
}

impl Context<'_> {
    /// The claim around frame `fi` when the frame is set inside its
    /// sentence between commas.
    fn comment_clause_span(&self, fi: usize) -> Option<Span> {
        let f = &self.frames[fi];
        let cue = &self.cues[f.cue];
        if f.trailing || cue.participle || f.speaker.is_none() {
            return None;
        }
        let start = self.sentence_start(f.first);
        let end = self.sentence_end(f.first);
        let before = f.first.checked_sub(1)?;
        let mut after = f.last + 1;
        // "The decision, the minister told reporters, was final": a verb
        // that takes an addressee keeps it inside the comment clause.
        if cue.info.addressee && after < end && self.word(after) != "," {
            let last = self
                .chunks
                .phrase_starting_at(after)
                .map(|c| c.last)
                .or_else(|| self.mention_starting_at(after).map(|m| self.mentions[m].last_token))
                .or_else(|| {
                    crate::lexicon::is(crate::lexicon::Class::AudienceNouns, self.lower(after))
                        .then_some(after)
                });
            if let Some(l) = last.filter(|&l| l < end && l <= after + 4) {
                after = l + 1;
            }
        }
        if before <= start
            || after + 1 >= end
            || self.word(before) != ","
            || self.word(after) != ","
            || self.tokens[before].in_quote
        {
            return None;
        }
        // `"...", she said, "..."`: an interrupted quote, the quote rules'.
        // A partial quote after the attribution ("were, according to
        // the court, "sexual in nature"") is inside the claim.
        let quote_after = self.is_quote_mark(after + 1)
            && self
                .quote_opening_at(after + 1)
                .is_none_or(|q| self.quote_kind(q) == crate::types::Kind::Direct);
        if self.is_quote_mark(before - 1) || quote_after {
            return None;
        }
        // "Witnesses, according to the radio, said ...": another frame in
        // the sentence reports its own clause.
        if self.other_frame_in_sentence(fi, start, end) {
            return None;
        }
        let rest = after + 1;
        let words = |a: usize, b: usize| {
            (a..=b).filter(|&j| self.tokens[j].word).count()
        };
        if words(start, before) < 1 || words(rest, end) < 2 {
            return None;
        }
        // ", but the passengers were never found", ", with burns over
        // most of his body": what follows is the writer's; the claim is
        // the clause before the attribution.
        if self.writer_continues_at(rest, end) {
            let e = self.clause_end(start, before - 1, false);
            return self
                .finite_verb_in(start, e)
                .then(|| self.trim_span(start, e))
                .flatten();
        }
        if !self.finite_verb_in(start, end) {
            return None;
        }
        let e = self.clause_end(start, end, false);
        if e < rest {
            return None;
        }
        self.trim_span(start, e)
    }

    /// Whether another frame with a speaker has its cue in the sentence
    /// `start..=end`. Frames are in text order, one per cue.
    fn other_frame_in_sentence(
        &self,
        fi: usize,
        start: usize,
        end: usize,
    ) -> bool {
        let inside = |g: &Frame| {
            let c = self.cues[g.cue].first_token;
            c >= start
                && c <= end
                && g.speaker.is_some()
                && !g.parenthetical
                && self.reports_something(g)
        };
        let before = self.frames[..fi]
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .take_while(|g| self.cues[g.cue].first_token >= start)
            .any(inside);
        let after = self.frames[fi + 1..]
            .iter()
            .take(MAX_LOOKBACK)
            .take_while(|g| self.cues[g.cue].first_token <= end)
            .any(inside);
        before || after
    }

    /// Whether what starts at token `k` continues the sentence as the
    /// writer's: a coordinator before a subject of its own ("but the
    /// men were", "and police said") or "with" before a noun phrase (an
    /// absolute adjunct).
    fn writer_continues_at(&self, k: usize, end: usize) -> bool {
        use crate::tagger::Xpos;
        if k >= end {
            return false;
        }
        let w = self.lower(k);
        let next = self.tags.get(k + 1).map(|t| t.xpos);
        let subject = next.is_some_and(|x| {
            x.is_noun() || x == Xpos::Prp || x == Xpos::Ex || x.is_determiner_like()
        });
        subject
            && crate::lexicon::is(crate::lexicon::Class::NewClauseLinkers, w)
    }
}
