//! `claim/noun-clause`: a content noun's that-clause, said by the noun's
//! possessor or by the subject of the verb that expresses it.
//!
//! Input: a noun that takes a content clause (`content_clause_nouns` in
//! `data/words.tsv`) with "that" right after it. Output: the clause, said
//! by the possessor before the noun ("Trump's claim that the vote was
//! rigged") or by the subject of a verb of asserting whose object the
//! noun heads ("Officials expressed concern that the virus could spread",
//! `assertion_light_verbs`). Without such a speaker the clause is no
//! claim: "dismissed claims that ..." reports someone else's.

use crate::rules::{confidence_of, Attribution, Context, Example, Outcome, Rule};
use crate::tagger::Xpos;
use crate::types::Kind;

/// "Trump's claim that the election was stolen was rejected."
pub struct NounClause;

impl Rule for NounClause {
    const ID: &'static str = "claim/noun-clause";
    const DESCRIPTION: &'static str =
        "A content noun's that-clause, said by the noun's possessor or by \
         the subject of a verb of asserting (\"expressed concern that\").";
    const CONFIDENCE: f32 = 0.7;
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "Jane Roe's claim that the vote was rigged was rejected by the court.",
            quote: "the vote was rigged",
            speaker: "Jane Roe",
        },
        Example {
            text: "Health officials expressed concern that the virus could spread to other towns.",
            quote: "the virus could spread to other towns",
            speaker: "Health officials",
        },
    ];
    // Someone else's claim; a relative clause after the noun.
    const NEGATIVES: &'static [&'static str] = &[
        "Jane Roe dismissed claims that the vote was rigged.",
        "Jane Roe's claim that he made on Monday was false.",
    ];
    type Site = usize;
    type Found = Attribution;

    fn apply(cx: &Context<'_>, &k: &usize) -> Outcome<Attribution> {
        let that = k + 1;
        // The tagger reads the complementizer IN and the relative WDT
        // (Santorini 1990), but often the one for the other here: the
        // clause's shape decides below.
        if that + 1 >= cx.tokens.len()
            || cx.lower(that) != "that"
            || !matches!(cx.tags[that].xpos, Xpos::In | Xpos::Wdt)
            || !cx.same_sentence(k, that + 1)
            || cx.tokens[k].in_quote
            || !crate::lexicon::is(crate::lexicon::Class::ContentClauseNouns, cx.lower(k))
        {
            return Outcome::Pass;
        }
        // A content clause is complete: its subject and a tensed verb
        // (Huddleston and Pullum 2002, ch. 11 §1); "that he made" has
        // lost its object to the relative.
        let start = that + 1;
        if !cx.subject_and_verb_at(start)
            && !cx.mention_starting_at(start).is_some_and(|m| {
                cx.verb_after_subject(cx.mentions[m].last_token)
            })
        {
            return Outcome::Pass;
        }
        if cx.relative_gap_after(start) {
            return Outcome::Pass;
        }
        let Some(speaker) = cx.noun_possessor(k).or_else(|| cx.asserting_subject(k)) else {
            return Outcome::Pass;
        };
        let sentence_end = cx.sentence_end(k);
        let mut end = cx.clause_end(start, sentence_end, true);
        if let Some(e) = cx.subject_clause_end(start, end) {
            end = e;
        }
        if !cx.finite_verb_in(start, end) {
            return Outcome::Pass;
        }
        let Some(span) = cx.trim_span(start, end) else { return Outcome::Pass };
        Outcome::Attribute(Attribution {
            co_speakers: Vec::new(),
            kind: Kind::Indirect,
            span,
            speaker: Some(speaker),
            cue: None,
            colon_cue: Some(cx.tokens[k].span),
            via: None,
            rule: Self::ID,
            confidence: confidence_of(Self::ID),
            paragraph: cx.paragraph_of(span.start),
        })
    }
}

impl Context<'_> {
    /// Whether the clause starting at `start` (its subject, then its
    /// tensed verb) stops right after that verb, at punctuation, a
    /// preposition or another tensed verb: "the claim that he made on
    /// Monday was false" has the object of "made" moved out, a relative
    /// clause's gap (Huddleston and Pullum 2002, ch. 12 §3), where the
    /// content clause "that the vote was rigged" goes on.
    fn relative_gap_after(&self, start: usize) -> bool {
        let end = self.sentence_end(start);
        let Some(v) = (start + 1..=end).find(|&j| self.tags[j].xpos.is_finite_verb()) else {
            return false;
        };
        let next = v + 1;
        next > end
            || !self.tokens[next].word
            || matches!(self.tags[next].xpos, Xpos::In | Xpos::To)
            || self.tags[next].xpos.is_finite_verb()
    }

    /// "Trump's claim that the election was stolen was rejected": the
    /// content clause of a noun in the sentence's subject ends where
    /// the main clause's tensed verb comes, a tensed verb after the
    /// clause's first one with no subject of its own before it (after a
    /// participle, an adjective or an adverb, not a noun or pronoun).
    fn subject_clause_end(&self, start: usize, end: usize) -> Option<usize> {
        let first = (start + 1..=end).find(|&j| self.tags[j].xpos.is_finite_verb())?;
        // "drew", read as the name, is still tensed.
        let tensed = |j: usize| self.tags[j].xpos.is_finite_verb() || self.past_only_form(j);
        (first + 2..=end)
            .find(|&j| {
                let p = self.tags[j - 1].xpos;
                tensed(j) && (p == Xpos::Vbn || p.is_adjective() || p.is_adverb())
            })
            .map(|j| j - 1)
    }

    /// The possessor of the noun at `k`: the mention before "'s", past
    /// one adjective ("Trump's false claim"): a genitive determiner is
    /// the noun's subject (Quirk et al. 1985, §17.42, the subjective
    /// genitive: "Trump's claim" is "Trump claims").
    fn noun_possessor(&self, k: usize) -> Option<usize> {
        let mut p = k.checked_sub(1)?;
        if self.tags[p].xpos.is_adjective() {
            p = p.checked_sub(1)?;
        }
        if !matches!(self.word(p), "'s" | "\u{2019}s" | "'" | "\u{2019}") || p == 0 {
            return None;
        }
        self.mention_ending_at(p - 1).filter(|&m| self.same_sentence(self.mentions[m].last_token, k))
    }

    /// The subject of a verb of asserting whose object the noun at `k`
    /// heads, past a determiner and an adjective ("voiced strong
    /// confidence that"): "express concern" is "be concerned", said.
    fn asserting_subject(&self, k: usize) -> Option<usize> {
        let mut v = k.checked_sub(1)?;
        for _ in 0..2 {
            let x = self.tags[v].xpos;
            if x == Xpos::Dt || x.is_adjective() || x == Xpos::PrpPossessive {
                v = v.checked_sub(1)?;
            }
        }
        if !self.same_sentence(v, k)
            || !self.tags[v].xpos.is_verb()
            || !crate::lexicon::is(crate::lexicon::Class::AssertionLightVerbs, self.lower(v))
        {
            return None;
        }
        self.subject_left(v)
    }
}
