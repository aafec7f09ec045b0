//! `frame/sentence-subject`: the mention opening the sentence.
//!
//! Input: a cue with no subject next to it. Output: the mention that opens
//! its sentence, when only words (or a relative clause between commas)
//! stand between it and the cue.

use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};

/// "Critics from across Britain's political spectrum have claimed ...".
pub struct SentenceSubject;

impl Rule for SentenceSubject {
    const ID: &'static str = "frame/sentence-subject";
    const DESCRIPTION: &'static str =
        "The mention opening the sentence when a long noun phrase or a \
         relative clause stands between it and the cue.";
    const EXAMPLES: &'static [Example] = &[Example {
        text: "A source present during the talks, who spoke on condition \
               of anonymity, said the deal was close.",
        quote: "the deal was close",
        speaker: "source",
    }];
    const NEGATIVES: &'static [&'static str] =
        &["The report, which the minister read aloud to the committee \
           during a long and heated session of questions on the budget, \
           said the deal was close."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        cx.sentence_subject(cx.cues[c].first_token)
            .map_or(Outcome::Pass, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// The sentence's subject when a long noun phrase stands between it
    /// and the verb ("Critics from across Britain's political spectrum
    /// have claimed"): the mention opening the sentence, with no
    /// punctuation, quote or other cue between it and the verb.
    fn sentence_subject(&self, v: usize) -> Option<usize> {
        let start = self.sentence_start(v);
        let m = self.mention_starting_at(start)?;
        let mm = &self.mentions[m];
        if mm.kind == MentionKind::Pronoun || mm.last_token >= v {
            return None;
        }
        // Words only, or a relative clause between commas ("A source
        // present during the talks, who spoke on condition of anonymity,
        // said"): no other cue, no quote.
        let between = mm.last_token + 1..v;
        let commas = between.clone().filter(|&j| self.word(j) == ",").count();
        // "Two people briefed on the matter said": a cue's past
        // participle there post-modifies the subject's head (a reduced
        // relative, Quirk et al. 1985, §17.13); it reports nothing. A
        // regular past before a preposition is spelt as that participle
        // and read so: with the cue's verb after it and no conjunction,
        // it cannot be a second tensed verb of the clause.
        let participle = |j: usize| {
            use crate::tagger::Xpos;
            let x = self.tags[j].xpos;
            x == Xpos::Vbn
                || x == Xpos::Vbd
                    && self.lower(j).ends_with("ed")
                    && matches!(self.tags[j + 1].xpos, Xpos::In)
        };
        let clean = between.clone().all(|j| {
            self.tokens[j].word
                && (self.cue_at[j] == 0 || participle(j))
                && !self.tokens[j].in_quote
                || matches!(self.word(j), "'s" | "\u{2019}s")
                || self.word(j) == ","
        });
        let relative = commas == 2
            && between.clone().any(|j| {
                matches!(self.lower(j), "who" | "which")
                    && self.word(j - 1) == ","
            });
        let near = v - mm.last_token <= 10 && commas == 0;
        (clean && (near || relative && v - mm.last_token <= 25)).then_some(m)
    }
}
