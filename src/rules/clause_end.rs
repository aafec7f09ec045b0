//! Where a reported clause ends.
//!
//! Input: the first token of a clause and its sentence's end. Output: the
//! clause's last token: before a new clause that is the writer's (a
//! semicolon, a participial adjunct, ", but X"), a coordinated cue ("and
//! warned that"), a participle (", saying") or a closing attribution;
//! else at the sentence's end, bounded by [`MAX_CLAUSE_TOKENS`].

use crate::rules::context::MAX_CLAUSE_TOKENS;
use crate::rules::Context;

impl Context<'_> {
    /// Where a clause starting at `k` ends: before a new clause (a
    /// semicolon, a participial adjunct, ", but X"), a coordinated cue
    /// ("and warned that"), a participle (", saying"), a closing
    /// attribution (", the officials said") or "according to"; else at
    /// the sentence's end. Without `with_frames` only the punctuation
    /// counts.
    pub(super) fn clause_end(
        &self,
        k: usize,
        sentence_end: usize,
        with_frames: bool,
    ) -> usize {
        let sentence_end = sentence_end.min(k + MAX_CLAUSE_TOKENS);
        let mut words = 0usize;
        for j in k + 1..=sentence_end {
            if self.tokens[j - 1].word {
                words += 1;
            }
            let t = &self.tokens[j];
            if t.in_quote {
                continue;
            }
            // A word (it starts with a letter or a digit) is none of the
            // marks below: only punctuation is read, once (callgrind, 400
            // KB Wikinews: clause_end 3.1 -> 1.2 instructions a byte).
            let w = if t.word { "" } else { self.word(j) };
            if self.new_clause_at(j, w, sentence_end, words) {
                return j - 1;
            }
            // `noted that they had switched to a new plastic, "which was
            // more plant-based"`: after a comma a direct quote is the
            // speaker's own words, a row of its own (the quote rules');
            // the reported clause, the paraphrase, ends before it when it
            // has its own tensed verb ("reported that with the limit in
            // place, "stores are selling out"" has none: the quote is the
            // clause's predicate).
            if j < sentence_end
                && w == ","
                && words >= 3
                && self
                    .quote_opening_at(j + 1)
                    .is_some_and(|q| self.quote_kind(q) == crate::types::Kind::Direct)
                && self.finite_verb_in(k, j - 1)
            {
                return j - 1;
            }
            if !with_frames {
                continue;
            }
            if let Some(e) = self.cue_cuts_clause(k, j) {
                return e;
            }
        }
        sentence_end
    }

    /// Whether a new clause, not the speaker's, starts at token `j`
    /// (outside quotes), `words` words into the clause; `w` is the
    /// token's text when it is punctuation, else empty.
    fn new_clause_at(
        &self,
        j: usize,
        w: &str,
        sentence_end: usize,
        words: usize,
    ) -> bool {
        // A semicolon joins a new sentence; a colon before a quote opens
        // the speaker's own words.
        if w == ";"
            || w == ":"
                && j < sentence_end
                && self.quote_opening_at(j + 1).is_some()
        {
            return true;
        }
        if j >= sentence_end || w != "," {
            return false;
        }
        // ", raising the possibility ...": a participial adjunct of the
        // main clause, not part of what was reported.
        let next = self.lower(j + 1);
        let adjunct = self.tokens[j + 1].word
            && !self.tokens[j + 1].cap
            && next.ends_with("ing")
            && next.len() > 5
            && !matches!(
                next,
                "including"
                    | "according"
                    | "regarding"
                    | "concerning"
                    | "following"
                    | "during"
                    | "excluding"
                    | "notwithstanding"
            )
            && words >= 5;
        // ", but Congress has not passed it": a new clause with its own
        // subject, the writer's, not the speaker's.
        let but = matches!(next, "but" | "whereas")
            && words >= 3
            && j + 2 <= sentence_end
            && (self.tokens[j + 2].cap
                || crate::lexicon::is(
                    crate::lexicon::Class::SubjectStarters,
                    self.lower(j + 2),
                ));
        adjunct || but
    }

    /// Where a cue at token `j` cuts the clause starting at `k`: "said X
    /// and warned that Y", ", saying", a closing attribution.
    fn cue_cuts_clause(&self, k: usize, j: usize) -> Option<usize> {
        let c = self.cue_starting_at(j)?;
        let cue = &self.cues[c];
        let f = self.frames.get(c)?;
        let p = j - 1;
        let pw = self.lower(p);
        // "and continued to attack": an infinitive, not a report.
        let infinitive = self
            .tokens
            .get(cue.last_token + 1)
            .is_some_and(|t| t.text(self.text) == "to");
        if (pw == "and" || pw == "but") && !infinitive {
            // "said X and warned that Y": a new claim starts.
            let cut = if p > k && self.word(p - 1) == "," { p - 1 } else { p };
            return Some(cut.saturating_sub(1).max(k));
        }
        // "insisted the deal was good, while critics said it was a
        // betrayal": a conjunction after a comma that opens a clause with
        // its own speaker and reporting verb starts a new sentence-level
        // clause (Huddleston & Pullum 2002, ch. 15 on coordination and
        // ch. 8 §14 on adjunct clauses), not part of what was reported.
        if let Some(s) = f.speaker {
            let first = self.mentions[s].first_token.min(f.first);
            if first >= k + 4
                && first <= j
                && crate::lexicon::is(crate::lexicon::Class::NewClauseLinkers, self.lower(first - 1))
                && self.word(first - 2) == ","
                && !self.tokens[first - 2].in_quote
            {
                return Some(first - 3);
            }
        }
        if cue.participle && pw == "," {
            return Some(p.saturating_sub(1).max(k));
        }
        if !(f.trailing || cue.according_to) {
            return None;
        }
        let start = f.first.min(j);
        if start <= k {
            return None;
        }
        let mut e = start - 1;
        while e > k
            && (self.word(e) == ","
                || self.is_quote_mark(e)
                    && !self.tokens[e].in_quote
                    && self.word(e) != "\u{201D}"
                    && self.word(e) != "\"")
        {
            e -= 1;
        }
        Some(e)
    }
}
