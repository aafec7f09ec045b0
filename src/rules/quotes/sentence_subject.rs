//! `quote/sentence-subject`: a fragment in a sentence that opens with a
//! name.
//!
//! Input: a partial quote with no claim around it and no cue before it in
//! its sentence. Output: the name or pronoun opening the sentence: news
//! puts a fragment's speaker in subject position even with verbs that are
//! not cues (labelled, attacked, branded).

use super::{QuoteSite, Said};
use crate::mentions::MentionKind;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::tagger::Xpos;
use crate::types::SpeakerType;

/// "Schiff labelled it \"a non-starter\"."
pub struct SentenceSubject;

impl Rule for SentenceSubject {
    const ID: &'static str = "quote/sentence-subject";
    const DESCRIPTION: &'static str =
        "A quoted fragment with no cue takes the name that opens its \
         sentence.";
    const CONFIDENCE: f32 = 0.55;
    const EXAMPLES: &'static [Example] = &[Example {
        text: "Adam Schiff labelled it \"a non-starter\".",
        quote: "a non-starter",
        speaker: "Adam Schiff",
    }];
    // The name does not open the sentence.
    const NEGATIVES: &'static [&'static str] =
        &["In a long letter to the committee about the plan, it was \
           called \"a non-starter\" by Adam Schiff."];
    type Site = QuoteSite;
    type Found = Said;

    fn apply(cx: &Context<'_>, site: &QuoteSite) -> Outcome<Said> {
        Outcome::found(cx.fragment_subject(site).map(Said::by))
    }
}

impl Context<'_> {
    /// The subject of a partial quote's sentence: the name or pronoun
    /// opening it, or the name in apposition to a description opening it
    /// ("The former head of the board, Ann Lee, called it ..."): a
    /// supplementary appositive names the subject it follows (Huddleston
    /// and Pullum 2002, ch. 15, §5.2).
    pub(super) fn fragment_subject(&self, site: &QuoteSite) -> Option<usize> {
        let (open, start) = self.fragment_opening(site)?;
        let first = (start..open).find_map(|j| {
            self.mention_starting_at(j)
                .filter(|&m| self.mentions[m].last_token < open)
        })?;
        let m = &self.mentions[first];
        let start = self.sentence_start(open);
        let words_before =
            (start..m.first_token).filter(|&j| self.tokens[j].word).count();
        if words_before > 1 {
            // "The founder of Kestrel Foods and ..., Alan Park,
            // described it": words of the subject's noun phrase before the
            // first name, no verb among them.
            let noun_phrase = (start..m.first_token).all(|j| {
                let t = self.tags[j].xpos;
                t != Xpos::Xx && !t.is_verb()
            });
            return noun_phrase
                .then(|| self.appositive_name(m.last_token + 1, open))
                .flatten();
        }
        // "Rents jumped ...": one capitalised word opening the sentence
        // that the tagger reads as a common noun is no name (sentences
        // with no cue word are not tagged: their tag is `Xx`).
        // A surname the article gave in full before ("Donald Trump ...
        // Trump characterized") is a name whatever the tag.
        let tag = self.tags[m.first_token].xpos;
        let common_opening = m.kind == MentionKind::Name
            && m.first_token == m.last_token
            && m.first_token == start
            && tag != Xpos::Xx
            && !tag.is_proper_noun()
            && !self.repeats_surname(first);
        let subject =
            matches!(m.kind, MentionKind::Name | MentionKind::Pronoun)
                && matches!(
                    m.speaker_type,
                    SpeakerType::Person
                        | SpeakerType::Organization
                        | SpeakerType::Unknown
                )
                && !common_opening;
        if subject {
            return Some(first);
        }
        if m.kind == MentionKind::Pronoun {
            return None;
        }
        self.appositive_name(m.last_token + 1, open)
    }

    /// Whether one-word name mention `m` is the last word of a name of
    /// several words before it: news names a person in full once and by
    /// surname after that (the AP Stylebook's entry on names).
    fn repeats_surname(&self, m: usize) -> bool {
        let word = self.word(self.mentions[m].first_token);
        crate::mentions::repeats_surname_of(self.mentions[..m].iter().rev(), self.tokens, self.text, word)
    }

    /// The person named between commas after the subject's first words,
    /// starting the search at token `from`: no verb stands before the
    /// comma (the words before it are all one noun phrase).
    fn appositive_name(&self, from: usize, open: usize) -> Option<usize> {
        for j in from..open.min(from + 20) {
            // An untagged sentence cannot show where the verb is.
            let tag = self.tags[j].xpos;
            if self.tokens[j].in_quote || tag == Xpos::Xx || tag.is_verb() {
                return None;
            }
            if self.word(j) != "," {
                continue;
            }
            let n = self.mention_starting_at(j + 1)?;
            let nm = &self.mentions[n];
            let closed = nm.last_token + 1 < open
                && self.word(nm.last_token + 1) == ",";
            return (nm.kind == MentionKind::Name
                && nm.speaker_type == SpeakerType::Person
                && closed)
                .then_some(n);
        }
        None
    }
}
