//! `quote/title`: a quoted title is a name, not speech.
//!
//! Input: a quote. Output: whether it is the title of a work or campaign
//! named by the noun before it ("the film \"Summer Rain\"", "a book
//! titled \"Blue Morning\"", "her favourite song is \"Blue Morning\""):
//! such a quote keeps its row, with no speaker, and no later rule (a claim
//! around it, the sentence's subject, the paragraph's speaker) gives it
//! one.

use super::QuoteSite;
use crate::lexicon::{is, Class};
use crate::rules::{Context, Example, Outcome, Rule};

/// "She starred in the film \"Summer Rain\" in 2004."
pub struct Title;

impl Rule for Title {
    const ID: &'static str = "quote/title";
    const DESCRIPTION: &'static str =
        "A title-cased quote after a noun of a work (\"the film \
         \\\"Summer Rain\\\"\") is a name: no speaker.";
    const CONFIDENCE: f32 = 0.5;
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "She starred in the film \"Summer Rain\" in 2004.",
            quote: "Summer Rain",
            speaker: "",
        },
        Example {
            text: "The college ran a course called \"Learning Together\".",
            quote: "Learning Together",
            speaker: "",
        },
        Example {
            text: "Schiff told CNN's \"State of the Union\" that the evidence was overwhelming.",
            quote: "State of the Union",
            speaker: "",
        },
    ];
    // Words of a person, not a title: a fragment after a verb, and a
    // sentence after a noun.
    const NEGATIVES: &'static [&'static str] = &[
        "Jane Roe called the plan \"A Disgrace\".",
        "Roe ended the song with a line: \"We Will Come Back.\"",
        "Critics called \"Fake News\" a slogan.",
    ];
    type Site = QuoteSite;
    type Found = ();

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<()> {
        if cx.is_title(site.qi) {
            Outcome::Attribute(())
        } else {
            Outcome::Pass
        }
    }
}

/// A title has at most this many words.
const MAX_TITLE_WORDS: usize = 10;

impl Context<'_> {
    /// A title in quotation marks stands in apposition to the noun before
    /// it ("the film 'Summer Rain'"), or as the complement of "titled" or
    /// of "be" after such a noun: a name of the work, which quotation
    /// marks set off as they set off titles of short works (Quirk et al.
    /// 1985, ch. 17, on strict apposition, "the novel Ulysses"; Huddleston
    /// and Pullum 2002, ch. 20, on quotation marks). Its words are written
    /// in title case (each word of four letters or more capitalised) and
    /// it closes with no sentence punctuation, which a quoted sentence has.
    pub(in crate::rules) fn is_title(&self, qi: usize) -> bool {
        // The noun before first: it is rare, and the quote's words need
        // no look then (callgrind: splitting every quote into its words
        // was most of this stage's instructions).
        let Some(open) = self.quote_tokens[qi].0 else { return false };
        if open == 0 || !self.same_sentence(open - 1, open) {
            return false;
        }
        let p = open - 1;
        let work = |j: usize| {
            self.tokens[j].word && !self.tokens[j].cap && is(Class::WorkNouns, self.lower(j))
        };
        let after_work = work(p)
            || p > 0
                && is(Class::BeForms, self.lower(p))
                && self.same_sentence(p - 1, p)
                && work(p - 1);
        // "a program called \"Learning Together\"": a naming verb's
        // participle right after a noun is a reduced relative whose
        // object complement is the thing's name (the "dub" verbs, Levin
        // 1993, §29.3; Quirk et al. 1985, §16.43 on object complements).
        // The noun's phrase must show it is no subject ("Critics called
        // X ...", a tensed verb the tagger may read as a participle): it
        // opens with a determiner or is a preposition's object.
        let after_naming = p > 0
            && is(Class::NamingParticiples, self.lower(p))
            && self.tags[p].xpos == crate::tagger::Xpos::Vbn
            && self.same_sentence(p - 1, p)
            && self.tags[p - 1].xpos.is_noun()
            && self.noun_phrase_not_subject(p - 1);
        // "CNN's \"State of the Union\"", "Orwell's \"Animal Farm\"": after a
        // proper noun's possessive, a title-cased quote names its work
        // (a show, a book, a programme), as the film's title does after
        // "the film".
        let after_proper_possessive = p > 0
            && matches!(self.word(p), "'s" | "\u{2019}s")
            && self.same_sentence(p - 1, p)
            && self.tokens[p - 1].cap
            && self.tags[p - 1].xpos.is_proper_noun();
        if !after_work && !after_naming && !after_proper_possessive {
            return false;
        }
        let q = &self.quotes[qi];
        let content = self.text[q.content.start..q.content.end].trim();
        // One word past the limit tells a quote too long.
        let words: Vec<&str> =
            content.split_whitespace().take(MAX_TITLE_WORDS + 1).collect();
        !words.is_empty()
            && words.len() <= MAX_TITLE_WORDS
            && content.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !content.ends_with(['.', ',', '!', '?', ';', ':'])
            && words.iter().all(|w| {
                w.chars().filter(|c| c.is_alphabetic()).count() < 4
                    || w.starts_with(|c: char| {
                        c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric()
                    })
            })
    }

    /// Whether the base noun phrase holding token `k` opens with a
    /// determiner or a possessive, or follows a preposition: a noun
    /// phrase that is not a bare subject.
    fn noun_phrase_not_subject(&self, k: usize) -> bool {
        use crate::tagger::Xpos;
        let Some(c) = self.chunks.base_at(k) else { return false };
        matches!(self.tags[c.first].xpos, Xpos::Dt | Xpos::PrpPossessive)
            || c.first > 0
                && self.same_sentence(c.first - 1, k)
                && matches!(self.tags[c.first - 1].xpos, Xpos::In | Xpos::To)
    }
}
