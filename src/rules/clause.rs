//! Reported clauses: where the clause after a cue starts and ends.
//!
//! Input: a frame of the [`Context`]. Output: the span of the clause its
//! cue reports ("said Wednesday that Russia has proposed talks"), past an
//! addressee, a medium phrase, adverbials and "that", up to the end of the
//! sentence or the next attribution. The claim rules of [`super::claims`]
//! name it; the tests of a clause's first words are in
//! [`super::clause_start`].

use crate::rules::context::MAX_CLAUSE_TOKENS;
use crate::rules::words::is_time_word;
use crate::rules::{Context, Frame};
use crate::types::{Kind, Span};

impl Context<'_> {
    /// The clause after the cue of `f`: past an addressee, adverbials and
    /// "that", up to the end of the sentence or the next attribution.
    pub(super) fn clause_span(&self, f: &Frame) -> Option<Span> {
        let cue = &self.cues[f.cue];
        // `..., said John Smith, a spokesman for the company`: what
        // follows an inverted speaker describes the speaker; it is no
        // reported clause.
        if f.inverted && !cue.according_to {
            return None;
        }
        let k = if f.inverted { f.last + 1 } else { cue.last_token + 1 };
        if k >= self.tokens.len() || !self.same_sentence(k, cue.first_token) {
            return None;
        }
        let sentence_end = self.sentence_end(cue.first_token);
        let (k, that) = self.clause_start(f, k, sentence_end);
        if k > sentence_end || !self.clause_opens_at(f, k, that, sentence_end)
        {
            return None;
        }
        let end = self.clause_end(k, sentence_end, true);
        self.trim_span(k, end)
    }

    /// The first token of the clause after token `k`, and whether a
    /// "that" opened it: "said Wednesday that", "told the media outlets
    /// from X that", "told reporters", "said in a statement".
    fn clause_start(
        &self,
        f: &Frame,
        mut k: usize,
        sentence_end: usize,
    ) -> (usize, bool) {
        if let Some(t) = self.that_after(k, sentence_end) {
            k = t + 1;
            // "reported that, in a phone call in July, Trump ...".
            while k < sentence_end && self.word(k) == "," {
                k += 1;
            }
            return (k, true);
        }
        if self.cues[f.cue].info.addressee {
            // "told reporters", "told the BBC", "told the court".
            let at = if self.lower(k) == "the" { k + 1 } else { k };
            if let Some(m) = self
                .mention_starting_at(k)
                .or_else(|| self.mention_starting_at(at))
            {
                k = self.mentions[m].last_token + 1;
            } else if at <= sentence_end
                && crate::lexicon::is(
                    crate::lexicon::Class::AudienceNouns,
                    self.lower(at),
                )
            {
                k = at + 1;
            }
        }
        k = self.skip_medium_phrase(k, sentence_end);
        while k <= sentence_end
            && ((crate::lexicon::is(
                crate::lexicon::Class::Adverbials,
                self.lower(k),
            ) || crate::lexicon::is(
                crate::lexicon::Class::Days,
                self.lower(k),
            )) || self.word(k) == ","
                || crate::lexicon::is(
                    crate::lexicon::Class::TimePrefixes,
                    self.lower(k),
                ) && k < sentence_end
                    && is_time_word(self.lower(k + 1)))
        {
            k += 1;
        }
        (k, false)
    }

    /// A "that" close after the verb, which starts the clause.
    fn that_after(&self, k: usize, sentence_end: usize) -> Option<usize> {
        for j in k..(k + 12).min(sentence_end + 1) {
            if self.tokens[j].in_quote || self.cue_at[j] != 0 && j > k {
                break;
            }
            let w = self.word(j);
            // "that" after a preposition is a determiner ("invited by
            // that country"), not the complementizer.
            if w == "that"
                && !(j > k
                    && crate::lexicon::is(
                        crate::lexicon::Class::Prepositions,
                        self.lower(j - 1),
                    ))
            {
                return Some(j);
            }
            if matches!(w, "." | ";" | ":" | "?" | "!")
                || self.is_quote_mark(j)
            {
                break;
            }
        }
        None
    }

    /// Whether a reported clause opens at token `k`: not punctuation, not
    /// another cue, not a noun phrase object, not a direct quote the cue
    /// introduces.
    fn clause_opens_at(
        &self,
        f: &Frame,
        k: usize,
        that: bool,
        sentence_end: usize,
    ) -> bool {
        let first = self.word(k);
        if matches!(
            first,
            ":" | ","
                | "."
                | "?"
                | "!"
                | ";"
                | "("
                | "-"
                | "\u{2014}"
                | "\u{2013}"
        ) {
            return false;
        }
        // `"...," Fabius declared, insisting Russia ...`: the clause
        // belongs to the cue that opens it.
        if self.cue_at[k] != 0 {
            return false;
        }
        if !that && !self.opens_clause(k, &self.cues[f.cue]) {
            return false;
        }
        !self.direct_quote_object(k, sentence_end)
    }

    /// `said on Twitter, "Until ..."`: a direct quote introduced after an
    /// adverbial is the object; the quote rules attribute it. So is a
    /// quote that starts the clause and runs to the sentence's end.
    fn direct_quote_object(&self, k: usize, sentence_end: usize) -> bool {
        let no_words_after = |from: usize| {
            (from..=sentence_end)
                .take(MAX_CLAUSE_TOKENS)
                .all(|x| !self.tokens[x].word)
        };
        for j in k..(k + 10).min(sentence_end + 1) {
            if let Some(q) = self.quote_opening_at(j) {
                let lead = j.checked_sub(1).map(|p| self.word(p));
                let to_end = self.quote_tokens[q]
                    .1
                    .is_none_or(|c| no_words_after(c + 1));
                if self.quote_kind(q) == Kind::Direct
                    || matches!(lead, Some("," | ":")) && to_end
                {
                    return true;
                }
                break;
            }
        }
        if let Some(q) = self.quote_opening_at(k) {
            let after_close =
                self.quote_tokens[q].1.map_or(sentence_end, |c| c + 1);
            if no_words_after(after_close)
                || self.frame_starts_in(after_close, sentence_end)
            {
                return true;
            }
        }
        false
    }

    /// Whether a frame starts at the first word at or after `a` (up to
    /// `b`): an attribution right after a quote.
    fn frame_starts_in(&self, a: usize, b: usize) -> bool {
        for j in a..=b.min(self.tokens.len().saturating_sub(1)) {
            if self.frame_first_at[j] != 0 {
                return true;
            }
            if self.tokens[j].word {
                return false;
            }
        }
        false
    }

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
            if self.tokens[j].in_quote {
                continue;
            }
            if self.new_clause_at(j, sentence_end, words) {
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
    /// (outside quotes), `words` words into the clause.
    fn new_clause_at(
        &self,
        j: usize,
        sentence_end: usize,
        words: usize,
    ) -> bool {
        // A semicolon joins a new sentence; a colon before a quote opens
        // the speaker's own words.
        if self.word(j) == ";"
            || self.word(j) == ":"
                && j < sentence_end
                && self.quote_opening_at(j + 1).is_some()
        {
            return true;
        }
        if j >= sentence_end || self.word(j) != "," {
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
