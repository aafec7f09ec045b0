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
        let mut end = self.clause_end(k, sentence_end, true);
        if let Some(e) = self.fronted_clause_end(cue.first_token, k, end) {
            end = e;
        }
        if let Some(e) = self.relative_clause_end(cue.first_token, k, end) {
            end = e;
        }
        // "claimed credit for the attack", "predict landfall on Saturday":
        // without "that", a complement with no finite verb is a noun
        // phrase object, not a reported clause. A content clause is
        // finite (Huddleston & Pullum 2002, ch. 11 §1: a declarative
        // content clause has the structure of a main clause, subject and
        // tensed verb); a bare one reports only with its verb.
        if !that && !self.finite_verb_in(k, end) {
            return None;
        }
        self.trim_span(k, end)
    }

    /// Whether a verb that carries tense is among tokens `a..=b`: VBD,
    /// VBP, VBZ, a modal, a base form not after "to" (the subjunctive of
    /// "insisted the budget include"), or a VBN right after a noun or
    /// pronoun and not before "by": the past tense and the participle of
    /// a regular verb are one form, the pair the tagger confuses most, and
    /// the verb after a subject is its predicator ("said the family left
    /// on Monday") unless a by-agent makes it a reduced passive ("the
    /// crater caused by the flood"). The sentence is tagged: it holds a
    /// cue.
    pub(super) fn finite_verb_in(&self, a: usize, b: usize) -> bool {
        use crate::tagger::Xpos;
        let b = b.min(self.tags.len().saturating_sub(1));
        // "reported a new mechanism by which currents erode the shelf":
        // the first tensed verb after a relative word is the relative
        // clause's, not the complement's.
        let mut relative = false;
        (a..=b).any(|j| {
            if self.tags[j].xpos.is_wh() && j > a {
                relative = true;
                return false;
            }
            let x = self.tags[j].xpos;
            let prev = |d: usize| j.checked_sub(d).map(|p| self.tags[p].xpos);
            let after_subject = match prev(1) {
                Some(p) if p.is_adverb() && j > a + 1 => prev(2),
                p => p,
            }
            .is_some_and(|p| p.is_noun() || p == Xpos::Prp);
            // "said profits fell by half": a past that is never a
            // participle is tensed whatever the tag says; "said the men
            // stole": after its subject, also when the tagger reads the
            // noun the form spells ("a stole", "a rose").
            let past_only = (x == Xpos::Vbn || x.is_noun() && after_subject && j > a)
                && self.past_only_form(j);
            let tensed = x.is_finite_verb()
                || past_only
                || x == Xpos::Vb
                    && j > a
                    && prev(1) != Some(Xpos::To)
                || x == Xpos::Vbn
                    && j > a
                    && after_subject
                    && !(j < b && self.lower(j + 1) == "by");
            if tensed && relative {
                relative = false;
                return false;
            }
            tensed
        })
    }

    /// Whether token `j` is a past that is never a participle ("fell",
    /// "drew"; `past_only_forms`): tensed whatever the tag says.
    pub(super) fn past_only_form(&self, j: usize) -> bool {
        crate::lexicon::is(crate::lexicon::Class::PastOnlyForms, self.lower(j))
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
        let cue = &self.cues[f.cue];
        // "dismissed claims that the vote was rigged", "rejected the
        // suggestion that it hid losses": after a verb that takes a noun
        // phrase object, a "that" after a noun that takes a content
        // clause opens that noun's clause (an appositive clause, Quirk et
        // al. 1985, §17.26), whose words are not the verb's subject's.
        // Other nouns take none ("cited a source that ...").
        let noun_complement = |t: usize| {
            cue.info.complement == crate::lexicon::Complement::NounPhrase
                && !cue.info.addressee
                && t > k
                && crate::lexicon::is(
                    crate::lexicon::Class::ContentClauseNouns,
                    self.lower(t - 1),
                )
        };
        if let Some(t) = self.that_after(k, sentence_end) {
            if noun_complement(t) {
                return (sentence_end + 1, false);
            }
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
                let last = self.mentions[m].last_token;
                k = self.noun_run_end(last, sentence_end) + 1;
            } else if at <= sentence_end
                && crate::lexicon::is(
                    crate::lexicon::Class::AudienceNouns,
                    self.lower(at),
                )
            {
                k = at + 1;
            } else if let Some(e) = self.object_phrase_end(k, sentence_end) {
                // "told a reporter at the scene the fire had spread": the
                // indirect object, a noun phrase, comes before the
                // clause (Quirk et al. 1985, ch. 16: ditransitive
                // complementation, "tell someone that ...").
                k = e + 1;
            }
        }
        k = self.skip_medium_phrase(k, sentence_end);
        // A participle's adjuncts are its own phrase ("continuing for
        // seven years, ..."): what follows their comma is the sentence's.
        if !self.cues[f.cue].participle {
            k = self.skip_adjuncts(k, sentence_end);
        }
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

    /// "Jones, who said the mine was safe, resigned on Friday": a cue
    /// inside a non-restrictive relative clause (", who", ", which" right
    /// before it, past its subject) reports a clause that ends at the
    /// comma closing the relative, where the main clause's tensed verb
    /// resumes (Quirk et al. 1985, §17.22 on non-restrictive relatives,
    /// set off by commas). `None` when the cue is not in such a clause.
    fn relative_clause_end(&self, cue: usize, k: usize, end: usize) -> Option<usize> {
        let start = self.sentence_start(cue);
        let relative = (start + 1..cue).rev().take(4).any(|j| {
            matches!(self.lower(j), "who" | "which") && self.word(j - 1) == ","
        });
        if !relative {
            return None;
        }
        (k + 1..end).find(|&j| {
            self.word(j) == ","
                && !self.tokens[j].in_quote
                // A regular past is spelt as its participle, which the
                // tagger may read.
                && (self.tags[j + 1].xpos.is_finite_verb()
                    || self.tags[j + 1].xpos == crate::tagger::Xpos::Vbn)
        })
        .map(|j| j - 1)
    }

    /// "While all agreed that the work was hard, one artist stressed
    /// ...": a cue inside an adverbial clause that opens the sentence
    /// reports a clause that ends where the main clause begins, at the
    /// first comma before a subject and its tensed verb (Quirk et al.
    /// 1985, ch. 15: the initial adverbial clause, then the matrix
    /// clause). `None` when the cue is not in such a clause.
    fn fronted_clause_end(&self, cue: usize, k: usize, end: usize) -> Option<usize> {
        let s0 = self.sentence_start(cue);
        let fronted = matches!(
            self.lower(s0),
            "while" | "although" | "though" | "whereas" | "because" | "if"
                | "as" | "when" | "since" | "unless" | "once"
        );
        // The cue is inside that clause: no comma before it.
        if !fronted || (s0..cue).any(|j| self.word(j) == "," && !self.tokens[j].in_quote) {
            return None;
        }
        (k + 1..end).find(|&j| self.clause_after_comma(j)).map(|j| j - 1)
    }

    /// Whether token `j` is a comma (outside quotes) after which a clause
    /// opens with its subject and tensed verb: a noun phrase, "there", or
    /// a name, or "then" before one ("if the goal is peace, then foreign
    /// powers should leave"). Where a fronted adverbial clause ends.
    pub(super) fn clause_after_comma(&self, j: usize) -> bool {
        let subject_at = |k: usize| {
            self.subject_and_verb_at(k)
                || self.tags[k].xpos == crate::tagger::Xpos::Ex && self.verb_after_subject(k)
                || self.mention_starting_at(k).is_some_and(|m| {
                    self.verb_after_subject(self.mentions[m].last_token)
                })
        };
        self.word(j) == ","
            && !self.tokens[j].in_quote
            && (subject_at(j + 1) || self.lower(j + 1) == "then" && subject_at(j + 2))
    }

    /// The last token of a noun phrase that starts at `k` and is not the
    /// subject of a clause (no finite verb right after it).
    fn object_phrase_end(&self, k: usize, sentence_end: usize) -> Option<usize> {
        let c = self.chunks.phrase_starting_at(k)?;
        if c.last >= sentence_end || self.tokens[k].in_quote {
            return None;
        }
        // "asked the hearing be held in public": a base form right after the
        // phrase makes it the subject of a mandative clause, no object.
        let mandative = self.tags.get(c.last + 1).is_some_and(|t| {
            t.xpos == crate::tagger::Xpos::Vb
        }) && self.tags[k].xpos != crate::tagger::Xpos::Prp;
        let e = self.noun_run_end(c.last, sentence_end);
        (!self.verb_after_subject(e) && !mandative).then_some(e)
    }

    /// Past the common nouns that go on a phrase ending at noun `e`
    /// with no tensed verb after them: "a news conference", where "a
    /// news" may be the phrase found (noun premodifiers, Quirk et al.
    /// 1985, §17.104). "told a reporter officials had left" stops before
    /// "officials", a subject.
    fn noun_run_end(&self, mut e: usize, sentence_end: usize) -> usize {
        use crate::tagger::Xpos;
        while e + 1 < sentence_end
            && self.tags[e].xpos.is_noun()
            && matches!(self.tags[e + 1].xpos, Xpos::Nn | Xpos::Nns)
            && !self.tokens[e + 1].in_quote
            && !self.verb_after_subject(e + 1)
        {
            e += 1;
        }
        e
    }

    /// Whether a tensed verb follows token `e` (the last of a noun
    /// phrase), past one adverb: the phrase is a subject.
    pub(super) fn verb_after_subject(&self, e: usize) -> bool {
        let x = |j: usize| self.tags.get(j).map(|t| t.xpos);
        let mut j = e + 1;
        if x(j).is_some_and(|t| t.is_adverb()) {
            j += 1;
        }
        x(j).is_some_and(|t| t.is_finite_verb())
    }

    /// Past the adjuncts between a reporting verb and a clause without
    /// "that" (Huddleston & Pullum 2002, ch. 8: adjuncts may come between
    /// a verb and its complement when the complement is a clause, the
    /// heavier constituent): a prepositional phrase of time or place ("on
    /// last Friday", "at a press conference", "around 9 am"), a time noun
    /// phrase ("yesterday morning"), an abbreviation in brackets ("(1400
    /// UTC)"), and a short aside between commas with no verb of its own
    /// (", as of Monday,", ", citing police sources,"). A preposition
    /// before a subject and its verb is a subordinator ("after he left"):
    /// no adjunct, no skip.
    fn skip_adjuncts(&self, mut k: usize, sentence_end: usize) -> usize {
        use crate::tagger::Xpos;
        for _ in 0..6 {
            if k >= sentence_end || self.tokens[k].in_quote {
                break;
            }
            let x = self.tags[k].xpos;
            let w = self.lower(k);
            let next = if x == Xpos::In && w != "that" && w != "because" {
                // "around 9 am", "at a press conference".
                self.chunks
                    .phrase_starting_at(k + 1)
                    .filter(|c| c.last < sentence_end)
                    .filter(|c| !self.verb_after_subject(c.last))
                    .map(|c| c.last + 1)
            } else if is_time_word(w) || crate::lexicon::is(
                crate::lexicon::Class::Adverbials,
                w,
            ) {
                Some(k + 1)
            } else if w == "(" {
                (k + 1..(k + 6).min(sentence_end))
                    .find(|&j| self.word(j) == ")")
                    .map(|j| j + 1)
            } else if w == "," {
                self.comma_aside_end(k, sentence_end).map(|j| j + 1)
            } else {
                None
            };
            match next {
                Some(n) if n > k && n <= sentence_end => k = n,
                _ => break,
            }
        }
        k
    }

    /// The closing comma of a short aside opening with the comma at `k`:
    /// at most eight tokens, no tensed verb, no quote mark.
    fn comma_aside_end(&self, k: usize, sentence_end: usize) -> Option<usize> {
        let close = (k + 2..(k + 10).min(sentence_end))
            .find(|&j| self.word(j) == ",")?;
        let plain = (k + 1..close).all(|j| {
            !self.is_quote_mark(j)
                && (self.cue_at[j] == 0
                    // ", citing police sources,": a participle that takes
                    // a noun phrase reports no clause; the aside is an
                    // adjunct like any other.
                    || j == k + 1
                        && self.cues[self.cue_at[j] as usize - 1].participle
                        && self.cues[self.cue_at[j] as usize - 1].info.complement
                            == crate::lexicon::Complement::NounPhrase)
                && !self.tags[j].xpos.is_finite_verb()
        });
        plain.then_some(close)
    }

    /// A "that" close after the verb, which starts the clause. Not past a
    /// finite verb: then a clause without "that" has begun, and a later
    /// "that" opens a clause coordinated with it ("said the cut would pay
    /// for itself and that critics were wrong"), whose start is the
    /// first's.
    fn that_after(&self, k: usize, sentence_end: usize) -> Option<usize> {
        let mut title_end = None;
        for j in k..(k + 12).min(sentence_end + 1) {
            // A quoted title is a name in the clause's addressee ("told
            // CNN's \"State of the Union\" that"): read past it.
            if title_end.is_some_and(|e| j <= e) {
                continue;
            }
            if let Some(qi) = self.quote_open_at[j].checked_sub(1) {
                if self.is_title(qi as usize) {
                    title_end = self.quote_tokens[qi as usize].1;
                    continue;
                }
            }
            if self.tokens[j].in_quote || self.cue_at[j] != 0 && j > k {
                break;
            }
            if j > k && self.tags[j].xpos.is_finite_verb() {
                break;
            }
            let w = self.word(j);
            // "that" after a preposition is a determiner ("invited by
            // that country"), not the complementizer.
            if w == "that"
                && !(j > k && self.that_is_relative_or_determiner(j))
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

    /// Whether "that" at token `j` relates a clause to the noun before it
    /// ("announced policies that help families") or determines the noun
    /// after it ("pointing out that figure"), rather than opening a
    /// reported clause: the tagger reads it WDT or DT (Penn Treebank
    /// guidelines, Santorini 1990), and its neighbours agree. The tag alone
    /// is not trusted: the tagger gets "that" right 89% of the time on
    /// the treebank's test set.
    fn that_is_relative_or_determiner(&self, j: usize) -> bool {
        use crate::tagger::Xpos;
        let noun = |i: usize| self.tags.get(i).is_some_and(|t| t.xpos.is_noun());
        let verb = |i: usize| self.tags.get(i).is_some_and(|t| t.xpos.is_verb());
        match self.tags[j].xpos {
            Xpos::Wdt => noun(j - 1) && verb(j + 1),
            Xpos::Dt => noun(j + 1) && !verb(j + 2),
            _ => false,
        }
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
        // A relative pronoun opens a relative clause, not a reported one
        // ("continued in the speech which was delivered ..."): a content
        // clause opens with its subject or, when interrogative, with "how"
        // or "why" (H&P 2002, ch. 11 §1 and ch. 12).
        if !that && matches!(self.lower(k), "which" | "who" | "whom" | "whose")
        {
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
            // `confirmed they had it, stating "..."`: a quote after
            // another cue is that cue's.
            if j > k && self.cue_at[j] != 0 {
                break;
            }
            if let Some(q) = self.quote_opening_at(j) {
                let lead = j.checked_sub(1).map(|p| self.word(p));
                let to_end = self.quote_tokens[q]
                    .1
                    .is_none_or(|c| no_words_after(c + 1));
                // `noted it had switched to a new plastic, "which ..."`: a
                // clause with its own tensed verb before the comma is the
                // claim, the quote after it a further row.
                // A colon still introduces the quote as the object.
                let clause_before = lead == Some(",")
                    && j > k + 1
                    && self.finite_verb_in(k, j - 2);
                if !clause_before
                    && (self.quote_kind(q) == Kind::Direct
                        || matches!(lead, Some("," | ":")) && to_end)
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
}
