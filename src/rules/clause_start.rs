//! The first words of a reported clause.
//!
//! Input: a cue and the token after it (past "that", an addressee and
//! adverbials). Output: whether a clause opens there ("said he would",
//! "said the talks") or a noun phrase object does ("promised
//! retaliation", "announced a new initiative"), and where a medium phrase
//! ("in a statement") ends.

use crate::cues::CueMatch;
use crate::lexicon::Complement;
use crate::rules::Context;

impl Context<'_> {
    /// Past a phrase naming where the words were said ("in a statement",
    /// "in their filing", "on Twitter", "during a press conference", "via
    /// Facebook"): its preposition, up to a medium noun within six words.
    pub(super) fn skip_medium_phrase(
        &self,
        k: usize,
        sentence_end: usize,
    ) -> usize {
        if k > sentence_end || k >= self.tokens.len() {
            return k;
        }
        if !matches!(
            self.lower(k),
            "in" | "on" | "at" | "via" | "during" | "through" | "to"
        ) {
            return k;
        }
        for j in k + 1..(k + 7).min(sentence_end + 1) {
            if crate::lexicon::is(
                crate::lexicon::Class::MediaNouns,
                self.lower(j),
            ) {
                let mut e = j + 1;
                while e <= sentence_end && self.word(e) == "," {
                    e += 1;
                }
                return e;
            }
            if !self.tokens[j].word || self.cue_at[j] != 0 {
                break;
            }
        }
        k
    }

    /// Without "that", what follows a cue is a reported clause only when
    /// it opens like one: a pronoun, a determiner or a name as subject
    /// ("said he would", "said the talks", "said Moscow may"), not a noun
    /// phrase object ("promises retaliation", "urging a broad coalition")
    /// or a directive ("urging Russia to hurry").
    pub(super) fn opens_clause(&self, k: usize, cue: &CueMatch<'_>) -> bool {
        if cue.info.complement == Complement::NounPhrase {
            return self.subject_of_content_clause_at(k, cue);
        }
        let t = &self.tokens[k];
        let w = self.lower(k);
        // "said no arrests had been made", "said nothing would change":
        // a word that seldom opens a clause does when it opens a noun
        // phrase with a tensed verb after it, its subject and predicator.
        if crate::lexicon::is(crate::lexicon::Class::NotClauseStarts, w)
            && !self.subject_and_verb_at(k)
        {
            return false;
        }
        // "said if the goal is peace, foreign powers should leave": a
        // subordinator opens a content clause only as its fronted
        // adverbial clause, which a comma and the content clause's own
        // subject and verb follow (Quirk et al. 1985, §15.20 on initial
        // adverbial clauses); "warned of strikes if the deal fails" has
        // an adjunct of the reporting clause.
        if self.tags[k].xpos == crate::tagger::Xpos::In
            && w != "that"
            && !self.fronted_adverbial_clause_at(k)
        {
            return false;
        }
        if cue.info.complement != Complement::Clause {
            return self.opens_bare_clause(k);
        }
        // After a clause-taking verb a bare noun can be the subject ("said
        // human actions had little to do with it"); a preposition, a
        // conjunction or a question word cannot. "suggested reading the
        // report": a gerund object, not a clause.
        let gerund = !t.cap && w.len() > 5 && w.ends_with("ing");
        let subject_like =
            crate::lexicon::is(crate::lexicon::Class::SubjectStarters, w)
                || t.word && !gerund
                || t.cap
                || w.starts_with(|c: char| c.is_ascii_digit())
                || self.quote_opening_at(k).is_some();
        if !subject_like {
            return false;
        }
        // "added 200 jobs", "wrote a book about the war", "told a story":
        // after an indefinite article or a number, a clause needs its verb
        // ("said a deal was close", "said 40 people were hurt").
        let needs_verb = !t.cap
            && (matches!(w, "a" | "an")
                || w.starts_with(|c: char| c.is_ascii_digit()));
        if needs_verb && !self.verb_follows(k) {
            return false;
        }
        !self.directive_at(k, cue)
    }

    /// Whether the subordinator at `k` opens an adverbial clause that a
    /// comma ends before a subject and its tensed verb, in its sentence.
    fn fronted_adverbial_clause_at(&self, k: usize) -> bool {
        let end = self.sentence_end(k);
        (k + 2..end).any(|j| self.clause_after_comma(j))
    }

    /// After a verb that mostly takes a noun phrase object ("urged
    /// restraint", "found the bodies"), whether the noun phrase at `k` is
    /// instead the subject of a bare content clause: right after it comes
    /// a plain base form, the mandative subjunctive that "urge",
    /// "demand", "request", "ask" and "insist" govern ("urged the bridge
    /// remain closed", "asked the files be sealed"; Huddleston & Pullum
    /// 2002, ch. 11 §7.1.1, the mandative construction; Quirk et al.
    /// 1985, §16.32), or a verb whose form shows tense: a modal, a
    /// present tense, or an auxiliary past ("found the pumps were
    /// faulty"). A regular past is not enough: "found the car parked
    /// outside" has the participle of a non-finite complement, spelt the
    /// same (H&P 2002, ch. 14 §7: complex-transitive complementation).
    pub(super) fn subject_of_content_clause_at(
        &self,
        k: usize,
        cue: &CueMatch<'_>,
    ) -> bool {
        use crate::tagger::Xpos;
        // "Study finds coffee may protect liver": a headline's -s verb
        // read as a plural noun is swallowed by the chunker into one
        // compound with the nouns around it; the cue, a verb here, ends
        // the subject's phrase, and the object's starts after it.
        let Some(c) = self
            .chunks
            .phrase_starting_at(k)
            .or_else(|| self.chunks.base_at(k).filter(|c| c.first == k))
            .or_else(|| {
                self.chunks
                    .base_at(k)
                    .filter(|c| c.first <= cue.last_token && cue.last_token + 1 == k && c.head >= k)
                    .map(|c| crate::chunk::Chunk { first: k, ..c })
            })
        else {
            return false;
        };
        // An object pronoun is no subject ("urged them to stay").
        if c.first == c.last && self.tags[k].xpos == Xpos::Prp {
            return false;
        }
        let j = c.last + 1;
        if j >= self.tokens.len() || !self.same_sentence(j, k) {
            return false;
        }
        match self.tags[j].xpos {
            // The mandative is a directive's: a verb of speech ("urge",
            // "request"), not one of finding or showing, whose object
            // can take a verbless predicative ("showed the ship
            // underway", a word the tagger may read VB).
            Xpos::Vb => cue.info.class == "speech",
            // A present tense agrees with its subject's head (Quirk et
            // al. 1985, §10.34: number concord): "showed the ship
            // underway", read VBP after a singular noun, is no clause.
            Xpos::Vbz => !matches!(self.tags[c.head].xpos, Xpos::Nns | Xpos::Nnps),
            Xpos::Vbp => !matches!(self.tags[c.head].xpos, Xpos::Nn | Xpos::Nnp),
            Xpos::Md => true,
            // A past that is never a participle ("knew", "fell") is tensed
            // whatever the tag: "the memo shows the agency knew"; another
            // past may be a participle ("found the man injured").
            Xpos::Vbd | Xpos::Vbn => {
                crate::lexicon::is(crate::lexicon::Class::Auxiliaries, self.lower(j))
                    && self.tags[j].xpos == Xpos::Vbd
                    || self.past_only_form(j)
            }
            _ => false,
        }
    }

    /// Whether a base noun phrase starts at token `k` and a tensed verb
    /// follows it.
    /// "those gathered to watch", "those injured in the blast": a
    /// participle after a bare "those" post-modifies it (Quirk et al.
    /// 1985, ch. 17: the demonstrative as head of a noun phrase with a
    /// non-finite post-modifier); it is no subject and verb.
    pub(super) fn subject_and_verb_at(&self, k: usize) -> bool {
        self.chunks
            .base_at(k)
            .filter(|c| c.first == k)
            .filter(|c| !(c.first == c.last && self.lower(k) == "those"))
            .is_some_and(|c| self.verb_after_subject(c.last))
    }

    /// Verbs such as "announce", "declare", "reject" take a noun phrase
    /// far more often than a bare clause ("announced a new initiative"):
    /// without "that", only a pronoun subject, a name in a sentence (not a
    /// headline) or a finite verb after the noun makes one.
    fn opens_bare_clause(&self, k: usize) -> bool {
        let w = self.lower(k);
        let name_at = |j: usize| {
            j < self.tokens.len()
                && self.tokens[j].cap
                && self.mention_starting_at(j).is_some()
        };
        let headline = !self.text
            [..self.tokens[self.sentence_end(k)].span.end]
            .trim_end()
            .ends_with(['.', '!', '?', '"', '\u{201D}', '\'', '\u{2019}']);
        // "which, they observed, occurred there": a cue set between
        // commas inside its clause, the predicate after it being the
        // reported clause's (H&P 2002, ch. 11 §9: the parenthetical
        // reporting frame).
        let after_comment = k > 0
            && self.word(k - 1) == ","
            && self.tags[k].xpos.is_finite_verb();
        matches!(w, "he" | "she" | "they" | "it" | "we" | "i" | "there")
            || after_comment
            || !headline && (name_at(k) || w == "the" && name_at(k + 1))
            // A headline drops articles ("Minister says new plan is
            // ready"), so a name cannot tell its subject from an object;
            // an auxiliary after the noun still makes a clause.
            || self.finite_verb_follows(k)
    }

    /// "urging Russia to hurry up", "tells foreign powers to leave": an
    /// object and an infinitive.
    fn directive_at(&self, k: usize, cue: &CueMatch<'_>) -> bool {
        // "told the court she was forced to ...": a subject and its tensed
        // verb make a clause, whatever infinitive comes later.
        if self.subject_and_verb_at(k) {
            return false;
        }
        let next_word = (k + 1..(k + 4).min(self.tokens.len()))
            .find(|&j| self.tokens[j].word && !self.tokens[j].cap);
        next_word.is_some_and(|j| self.lower(j) == "to")
            || cue.info.addressee
                && (k + 1..(k + 4).min(self.tokens.len()))
                    .take_while(|&j| self.tokens[j].word)
                    .any(|j| self.lower(j) == "to")
    }

    /// Whether an auxiliary or copula follows within a dozen words before
    /// any punctuation: "announced a trial of four drugs was stopped" is a
    /// clause; "announced a new initiative for the Gulf" is not.
    fn finite_verb_follows(&self, k: usize) -> bool {
        let end = (k + 12).min(self.tokens.len());
        for j in k + 1..end {
            if !self.tokens[j].word || !self.same_sentence(j, k) {
                return false;
            }
            // "a naval coalition which was joined by": the verb of a
            // relative or subordinate clause does not make a clause of
            // the object.
            if matches!(
                self.lower(j),
                "which"
                    | "who"
                    | "whom"
                    | "whose"
                    | "where"
                    | "when"
                    | "so"
                    | "because"
                    | "if"
                    | "as"
                    | "while"
                    | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "although"
                    | "though"
                    | "that"
                    | "to"
            ) {
                return false;
            }
            if crate::lexicon::is(
                crate::lexicon::Class::Auxiliaries,
                self.lower(j),
            ) {
                return true;
            }
        }
        false
    }

    /// Whether a finite verb follows within sixteen words: an auxiliary,
    /// a past tense in -ed, or a common irregular past.
    fn verb_follows(&self, k: usize) -> bool {
        let end = (k + 16).min(self.tokens.len());
        (k + 1..end).take_while(|&j| self.same_sentence(j, k)).any(|j| {
            let w = self.lower(j);
            self.tokens[j].word
                && !self.tokens[j].cap
                && (self.tags[j].xpos.is_finite_verb()
                    || crate::lexicon::is(crate::lexicon::Class::Auxiliaries, w)
                    || w.len() > 4 && w.ends_with("ed")
                    || crate::lexicon::is(
                        crate::lexicon::Class::IrregularVerbs,
                        w,
                    ))
        })
    }
}
