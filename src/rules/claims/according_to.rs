//! `claim/according-to`: the clause reported by "according to X".
//!
//! Input: a frame whose cue is "according to". Output: the clause before
//! it when it closes the sentence ("..., according to The Guardian"), or
//! the clause after the source's comma when it opens the sentence
//! ("According to WND, ...").

use crate::rules::{Context, Example, Frame, Outcome, Rule};
use crate::types::Span;

/// "More than 1000 people have been arrested, according to The Guardian."
pub struct AccordingTo;

impl Rule for AccordingTo {
    const ID: &'static str = "claim/according-to";
    const DESCRIPTION: &'static str =
        "The clause reported by \"according to X\".";
    const CONFIDENCE: f32 = 0.85;
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "More than 1000 people have been arrested, according \
                   to The Guardian.",
            quote: "More than 1000 people have been arrested",
            speaker: "The Guardian",
        },
        Example {
            text: "According to The Guardian, more than 1000 people have \
                   been arrested.",
            quote: "more than 1000 people have been arrested",
            speaker: "The Guardian",
        },
    ];
    const NEGATIVES: &'static [&'static str] =
        &["More than 1000 people have been arrested, The Guardian said."];
    type Site = usize;
    type Found = Span;

    fn apply(cx: &Context<'_>, &fi: &usize) -> Outcome<Span> {
        let f = &cx.frames[fi];
        let cue = &cx.cues[f.cue];
        if !cue.according_to {
            return Outcome::Pass;
        }
        // "In the view of the old town, a church stands": the other source
        // phrases also have a literal sense, which names no speaker.
        if f.speaker.is_none() && cue.info.lemma != "according to" {
            return Outcome::Pass;
        }
        if f.trailing {
            return cx
                .trailing_span(f)
                .map_or(Outcome::Defer { via: None }, Outcome::Attribute);
        }
        // Else the clause after the cue, like any other cue's.
        cx.leading_according_to(f).map_or(Outcome::Pass, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// "According to the report, which was published on Monday, ...",
    /// "According to Smith, a spokesman for the firm, ...": the closing
    /// comma of a supplementary relative (Huddleston & Pullum 2002, ch.
    /// 12 §4) or an appositive noun phrase (Quirk et al. 1985, §17.65)
    /// that opens at the comma `k` after the source, when a clause with
    /// a tensed verb follows it.
    fn source_supplement_end(&self, k: usize, sentence_end: usize) -> Option<usize> {
        let next = k + 1;
        let c = (next + 1..sentence_end)
            .find(|&j| self.word(j) == "," && !self.tokens[j].in_quote)?;
        let relative = matches!(self.lower(next), "which" | "who" | "whose" | "whom");
        let appositive = self
            .chunks
            .phrase_starting_at(next)
            .is_some_and(|p| p.last + 1 == c)
            && !self.finite_verb_in(next, c - 1);
        // "According to the minister, the talks, which began in May, had
        // stalled": what follows must open a clause, not a relative or
        // the predicate of the phrase before.
        let w = self.lower(c + 1);
        let clause_after = !matches!(w, "which" | "who" | "whose" | "whom")
            && !self.tags[c + 1].xpos.is_finite_verb()
            && self.finite_verb_in(c + 1, sentence_end);
        ((relative || appositive) && clause_after).then_some(c)
    }

    /// "According to X, CLAUSE": the clause after the comma that follows
    /// the source.
    fn leading_according_to(&self, f: &Frame) -> Option<Span> {
        let cue = &self.cues[f.cue];
        let start = self.sentence_start(cue.first_token);
        if start != cue.first_token {
            return None;
        }
        let sentence_end = self.sentence_end(cue.first_token);
        let mut k = f.last + 1;
        while k <= sentence_end && self.word(k) != "," {
            k += 1;
        }
        if k >= sentence_end {
            return None;
        }
        if let Some(c) = self.source_supplement_end(k, sentence_end) {
            k = c;
        }
        let end = self.clause_end(k + 1, sentence_end, false);
        self.trim_span(k + 1, end)
    }
}
