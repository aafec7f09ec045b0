//! `claim/headline-colon`: a headline that opens with a speaker and a
//! colon.
//!
//! Input: a paragraph. Output: the words after the colon, said by the
//! name before it, when the paragraph is short and ends with no period.

use crate::rules::context::token_at;
use crate::rules::{
    confidence_of, Attribution, Context, Example, Outcome, Rule,
};
use crate::types::Kind;

/// "Kerry: US looks at Russian offer of military talks".
pub struct HeadlineColon;

impl Rule for HeadlineColon {
    const ID: &'static str = "claim/headline-colon";
    const DESCRIPTION: &'static str =
        "A headline that opens with a speaker and a colon.";
    const CONFIDENCE: f32 = 0.7;
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "John Kerry: US looks at Russian offer of military talks",
            quote: "US looks at Russian offer of military talks",
            speaker: "John Kerry",
        },
        // One labelled line after the headline is a dateline, not a
        // transcript.
        Example {
            text: "John Kerry: US looks at Russian offer of military talks\n\n\
                   GENEVA: Talks between the two sides opened on Monday.",
            quote: "US looks at Russian offer of military talks",
            speaker: "John Kerry",
        },
    ];
    // A quote after the colon is the speaker's own words; a sentence with
    // a period is no headline.
    const NEGATIVES: &'static [&'static str] = &[
        "John Kerry: \"We will not give up.\"",
        "John Kerry: the US looks at the Russian offer of military talks.",
        "Jane Roe: Why did you leave?",
        "Interview\n\nTom Reed: Why did you leave\n\nJane Roe: The pay was low\n\nTom Reed: And now",
    ];
    type Site = usize;
    type Found = Attribution;

    fn apply(cx: &Context<'_>, &pi: &usize) -> Outcome<Attribution> {
        let p = &cx.segments.paragraphs[pi];
        let body = &cx.text[p.span.start..p.span.end];
        // A question asserts nothing: "Wikinews: How did you start?" is
        // an interviewer's turn.
        if body.len() > 200
            || body.ends_with(['.', '?'])
            || body.contains('\n')
            || cx.transcript_turn(pi)
        {
            return Outcome::Pass;
        }
        let first = token_at(cx.tokens, p.span.start);
        let Some(m) = cx.mention_starting_at(first) else {
            return Outcome::Pass;
        };
        let colon = cx.mentions[m].last_token + 1;
        if colon >= cx.tokens.len() || cx.word(colon) != ":" {
            return Outcome::Pass;
        }
        // `Hill: "We will not give up."`: a quote after the colon is the
        // speaker's own words (quote/colon-name), not a claim.
        if cx.quote_opening_at(colon + 1).is_some() {
            return Outcome::Pass;
        }
        let last = token_at(cx.tokens, p.span.end).saturating_sub(1);
        let Some(span) = cx.trim_span(colon + 1, last) else {
            return Outcome::Pass;
        };
        Outcome::Attribute(Attribution {
            co_speakers: Vec::new(),
            kind: Kind::Indirect,
            span,
            speaker: Some(m),
            cue: None,
            colon_cue: Some(cx.tokens[colon].span),
            via: None,
            rule: Self::ID,
            confidence: confidence_of(Self::ID),
            paragraph: pi,
        })
    }
}

impl Context<'_> {
    /// Whether paragraph `pi` is a turn of an interview written as a
    /// transcript: two of the two paragraphs before and after it open
    /// with a label and a colon too ("Wikinews: ...", "Jane Roe: ..."). A
    /// headline is one line (a dateline with a colon, "ISLAMABAD: ...",
    /// may follow it); a run of labelled lines is a dialogue, whose turns
    /// are the speakers' own words, not headlines reporting them.
    fn transcript_turn(&self, pi: usize) -> bool {
        let labelled = |q: usize| {
            let p = &self.segments.paragraphs[q];
            let first = token_at(self.tokens, p.span.start);
            (first..(first + 5).min(self.tokens.len()))
                .take_while(|&k| self.tokens[k].span.start < p.span.end)
                .any(|k| self.word(k) == ":")
        };
        let n = self.segments.paragraphs.len();
        let around = [pi.checked_sub(2), pi.checked_sub(1), Some(pi + 1), Some(pi + 2)];
        around.into_iter().flatten().filter(|&q| q < n && labelled(q)).count() >= 2
    }
}
