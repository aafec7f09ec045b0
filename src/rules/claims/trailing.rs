//! `claim/trailing`: the clause before a closing attribution.
//!
//! Input: a frame that closes its sentence ("..., the officials said.").
//! Output: the clause from the sentence's start to the frame, unless it is
//! a direct quote (the quote rules attribute it) or holds another
//! attribution (whose claim it is).

use crate::rules::context::{MAX_CLAUSE_TOKENS, MAX_LOOKBACK};
use crate::rules::{Context, Example, Frame, Outcome, Rule};
use crate::types::Span;

/// "Russia has deployed 200 soldiers, the officials said."
pub struct Trailing;

impl Rule for Trailing {
    const ID: &'static str = "claim/trailing";
    const DESCRIPTION: &'static str =
        "The clause before a closing attribution.";
    const CONFIDENCE: f32 = 0.8;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Russia has deployed 200 soldiers to the base, Sergey \
               Lavrov said.",
        quote: "Russia has deployed 200 soldiers to the base",
        speaker: "Sergey Lavrov",
    }];
    // A direct quote before the attribution is a quote, not a claim.
    const NEGATIVES: &'static [&'static str] =
        &["\"Russia has deployed 200 soldiers,\" Sergey Lavrov said."];
    type Site = usize;
    type Found = Span;

    fn apply(cx: &Context<'_>, &fi: &usize) -> Outcome<Span> {
        let f = &cx.frames[fi];
        if !f.trailing {
            return Outcome::Pass;
        }
        cx.trailing_span(f)
            .map_or(Outcome::Defer { via: None }, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// The clause before a closing attribution, from the sentence's start.
    pub(super) fn trailing_span(&self, f: &Frame) -> Option<Span> {
        let end = f.first.checked_sub(1)?;
        let start = self
            .sentence_start(f.first)
            .max(end.saturating_sub(MAX_CLAUSE_TOKENS));
        if end <= start
            || self.quote_closes_before(start, end)
            || self.quote_with_description(start, end)
        {
            return None;
        }
        // Another attribution inside: that frame's claim is the claim;
        // this one only reports it (its speaker went to `via`).
        let inner = self.frames[..f.cue]
            .iter()
            .rev()
            .take(MAX_LOOKBACK)
            .take_while(|g| self.cues[g.cue].first_token >= start)
            .any(|g| {
                g.first >= start
                    && g.last < f.first
                    && g.speaker.is_some()
                    && self.reports_something(g)
            });
        if inner {
            return None;
        }
        // "According to X, Y" clauses and leading adverbials stay: the
        // whole clause is what was reported.
        self.trim_span(start, end)
    }

    /// Whether the frame `g` inside a sentence reports words: a clause
    /// after its cue, or a quote opening right after it. "a permit
    /// allowing him to carry weapons, the paper reported": a participle
    /// with an object and an infinitive reports nothing, and the clause
    /// is the closing attribution's.
    pub(super) fn reports_something(&self, g: &Frame) -> bool {
        let cue = &self.cues[g.cue];
        g.trailing
            || cue.according_to
            || (cue.last_token + 1..(cue.last_token + 4).min(self.tokens.len()))
                .any(|j| self.quote_opening_at(j).is_some())
            || self.clause_span(g).is_some()
    }

    /// A direct quote closing just before the attribution, with fewer
    /// than three words before it: the quote rules attribute it; it is
    /// not a claim.
    fn quote_closes_before(&self, start: usize, end: usize) -> bool {
        let mut e = end;
        while e > start && self.word(e) == "," {
            e -= 1;
        }
        if !(self.closes_quote(e) || self.tokens[e].in_quote) {
            return false;
        }
        // Quotes are in text order: the one ending at `e` is the last
        // that ends before `e` does.
        let q = self
            .quotes
            .partition_point(|q| q.content.end <= self.tokens[e].span.end)
            .checked_sub(1)
            .filter(|&q| {
                self.quotes[q].content.end + 4 >= self.tokens[e].span.start
            });
        q.is_some_and(|q| {
            let qs = self.quotes[q].content.start;
            let lead_words = (start..e)
                .take_while(|&j| self.tokens[j].span.end <= qs)
                .filter(|&j| self.tokens[j].word)
                .count();
            lead_words < 3
        })
    }

    /// A direct quote with at most a description around it (`"...," the
    /// witness, Paul Grant, said`): the quote rules attribute it.
    fn quote_with_description(&self, start: usize, end: usize) -> bool {
        let Some(q) = (start..=end)
            .rev()
            .find_map(|j| (self.quote_close_at[j] as usize).checked_sub(1))
        else {
            return false;
        };
        let words = |a: usize, b: usize| {
            (a..b)
                .filter(|&j| self.tokens[j].word && !self.tokens[j].in_quote)
                .count()
        };
        match self.quote_tokens[q] {
            (Some(open), Some(close)) => {
                open >= start
                    && words(start, open) <= 2
                    && words(close + 1, end + 1) <= 3
            }
            _ => false,
        }
    }
}
