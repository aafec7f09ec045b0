//! `frame/subject-left`: the subject just before the verb.
//!
//! Input: a cue. Output: the mention ending right before it, past adverbs,
//! auxiliaries, a time phrase and an appositive or relative clause
//! between commas ("Sergey Lavrov, Russia's foreign minister, said"),
//! moved to the person a place belongs to ([`super::owner_of`]).

use crate::mentions::MentionKind;
use crate::rules::words::is_time_word;
use crate::rules::{Context, Example, Outcome, Rule};
use crate::types::SpeakerType;

/// "Lavrov told reporters", "Sergey Lavrov, Russia's foreign minister,
/// said".
pub struct SubjectLeft;

impl Rule for SubjectLeft {
    const ID: &'static str = "frame/subject-left";
    const DESCRIPTION: &'static str =
        "The mention right before the cue, past adverbs, auxiliaries and \
         an appositive between commas.";
    const EXAMPLES: &'static [Example] = &[
        Example {
            text: "\"We are polite people,\" Sergey Lavrov told reporters.",
            quote: "We are polite people,",
            speaker: "Sergey Lavrov",
        },
        Example {
            text: "The Senate Minority Leader, Chuck Schumer, said the \
                   bill would fail.",
            quote: "the bill would fail",
            speaker: "Chuck Schumer",
        },
        Example {
            text: "The plan was criticised by Senator Mark Kelly, who said \
                   it would hurt veterans.",
            quote: "it would hurt veterans",
            speaker: "Mark Kelly",
        },
    ];
    const NEGATIVES: &'static [&'static str] =
        &["\"We are polite people,\" said Sergey Lavrov."];
    type Site = usize;
    type Found = usize;

    fn apply(cx: &Context<'_>, &c: &usize) -> Outcome<usize> {
        // "Schwartz went on to say ...": the subject of "went".
        let v = cx.cues[c].first_token;
        let start =
            if v >= 3 && cx.lower(v - 1) == "to" && cx.lower(v - 2) == "on" {
                v - 3
            } else {
                v
            };
        cx.subject_left(start).map_or(Outcome::Pass, Outcome::Attribute)
    }
}

impl Context<'_> {
    /// The subject of the verb at token `v`: the mention ending just before
    /// it, past adverbs and an appositive ("Sergey Lavrov, Russia's foreign
    /// minister, said").
    pub(in crate::rules) fn subject_left(&self, v: usize) -> Option<usize> {
        let mut k = v;
        while k > 0 {
            let p = k - 1;
            if !self.same_sentence(p, v) || self.tokens[p].in_quote {
                return None;
            }
            if let Some(m) = self.mention_ending_at(p) {
                let owner = self.refine::<super::owner_of::OwnerOf>(m);
                if owner != m {
                    return Some(owner);
                }
                return Some(self.post_modified_head(m).unwrap_or(m));
            }
            let w = self.lower(p);
            // "mayor John Tory on Tuesday suggested".
            if p > 0
                && is_time_word(w)
                && crate::lexicon::is(
                    crate::lexicon::Class::TimePrefixes,
                    self.lower(p - 1),
                )
            {
                k = p - 1;
                continue;
            }
            if self.tokens[p].word
                && (crate::lexicon::is(
                    crate::lexicon::Class::BetweenSubjectAndVerb,
                    w,
                ) || w.ends_with("ly")
                    || crate::lexicon::is(
                        crate::lexicon::Class::Postnominals,
                        self.word(p),
                    ))
            {
                k = p;
                continue;
            }
            // "Acme Corp. said": a period glued to the word before it
            // that ends no sentence (the segmenter kept the sentence
            // going) closes an abbreviation of the subject's name.
            if w == "." && p > 0 && self.tokens[p - 1].span.end == self.tokens[p].span.start {
                k = p;
                continue;
            }
            if w == "," || w == ")" || w == "\u{2014}" {
                return self.subject_before_appositive(p, v);
            }
            // "..., Senator Mark Kelly, who said it would hurt": a
            // non-restrictive relative's subject is the person before it
            // (the tagger reads "who" as WP).
            if w == "who"
                && p >= 2
                && self.tags[p].xpos == crate::tagger::Xpos::Wp
                && self.word(p - 1) == ","
            {
                // "Sam Cole, 41, who said": an age between commas is a
                // supplement of the name, and the relative's antecedent
                // is the name before it (Huddleston and Pullum 2002,
                // ch. 12, §4 and ch. 15, §5).
                let mut e = p - 2;
                if self.is_age_after_name(e) {
                    e -= 2;
                }
                return self
                    .mention_ending_at(e)
                    .filter(|&m| self.mentions[m].speaker_type != SpeakerType::Organization)
                    .map(|m| self.refine::<super::owner_of::OwnerOf>(m));
            }
            return None;
        }
        None
    }

    /// The name whose post-modifier mention `m` ends ("Republicans on the
    /// committee contend": the committee is the object of "on", and the
    /// subject's head is "Republicans"): the name before the preposition
    /// before `m` (its article aside), when one noun-phrase chunk runs
    /// from it over `m` (the chunker joins by the prepositions that
    /// post-modify a source).
    fn post_modified_head(&self, m: usize) -> Option<usize> {
        use crate::tagger::Xpos;
        let mut first = self.mentions[m].first_token;
        // A name's mention may leave its article out ("the House").
        if first > 0 && self.lower(first - 1) == "the" {
            first -= 1;
        }
        let prep = first.checked_sub(1)?;
        if !matches!(self.tags[prep].xpos, Xpos::In | Xpos::To) {
            return None;
        }
        let h = self.mention_ending_at(prep.checked_sub(1)?)?;
        let hm = &self.mentions[h];
        if hm.kind != MentionKind::Name || hm.speaker_type == SpeakerType::Organization {
            return None;
        }
        let phrase = self.chunks.phrase_starting_at(hm.first_token)?;
        (phrase.last >= self.mentions[m].last_token).then_some(h)
    }

    /// Whether token `e` is an age set off after a person's name ("Sam
    /// Cole, 41,"): a number, a comma before it, a person named before
    /// the comma. After a common noun ("the tenants, 70,") the number is
    /// a noun phrase of its own.
    fn is_age_after_name(&self, e: usize) -> bool {
        e >= 2
            && self.tags[e].xpos == crate::tagger::Xpos::Cd
            && self.word(e - 1) == ","
            && self.mention_ending_at(e - 2).is_some_and(|m| {
                let m = &self.mentions[m];
                m.kind == MentionKind::Name
                    && m.speaker_type == SpeakerType::Person
            })
    }

    /// A comma with no partner before it in the sentence, between a
    /// named subject and its verb: "Director Ann Lee of the National
    /// Crime Agency (NCA), announced ...". Standard usage puts no comma
    /// there (Quirk et al. 1985, App. III.14), but news prose does, most
    /// often after a long subject or a bracketed short form: the name
    /// ending before the comma, past a bracket, is the subject.
    fn name_before_lone_comma(&self, comma: usize) -> Option<usize> {
        let mut e = comma.checked_sub(1)?;
        if self.word(e) == ")" {
            while e > 0 && self.word(e) != "(" {
                e -= 1;
            }
            e = e.checked_sub(1)?;
        }
        let m = self
            .mention_ending_at(e)
            .filter(|&m| self.mentions[m].kind == MentionKind::Name)?;
        // "Ann Lee of the National Crime Agency": the person the
        // institution's phrase post-modifies heads the subject.
        let mut b = self.mentions[m].first_token;
        if b > 0 && self.lower(b - 1) == "the" {
            b -= 1;
        }
        let person = (b >= 2 && matches!(self.lower(b - 1), "of" | "at" | "for"))
            .then(|| self.mention_ending_at(b - 2))
            .flatten()
            .filter(|&p| {
                let p = &self.mentions[p];
                p.kind == MentionKind::Name && p.speaker_type == SpeakerType::Person
            });
        Some(self.refine::<super::owner_of::OwnerOf>(person.unwrap_or(m)))
    }

    /// An appositive or relative clause between commas ending at token
    /// `p`: the subject ends before the comma that opens it.
    fn subject_before_appositive(&self, p: usize, v: usize) -> Option<usize> {
        let w = self.lower(p);
        let open = if w == ")" { "(" } else { w };
        let mut j = p;
        let limit = p.saturating_sub(30);
        while j > limit {
            j -= 1;
            if !self.same_sentence(j, v) {
                return if w == "," { self.name_before_lone_comma(p) } else { None };
            }
            if self.tokens[j].in_quote {
                return None;
            }
            if j == 0 && w == "," && self.word(0) != open {
                return self.name_before_lone_comma(p);
            }
            if self.word(j) != open {
                continue;
            }
            // "The Senate Minority Leader, Chuck Schumer, said": the name
            // between the commas speaks.
            if let Some(m) = self.mention_starting_at(j + 1) {
                let mm = &self.mentions[m];
                if mm.kind == MentionKind::Name
                    && mm.speaker_type == SpeakerType::Person
                    && mm.last_token + 1 == p
                {
                    return Some(m);
                }
            }
            // "Ann Lee, 70, a widow, said": an age between commas
            // before the appositive is a supplement of the name too
            // (Huddleston and Pullum 2002, ch. 15, §5).
            let before = j
                .checked_sub(1)
                .map(|e| if self.is_age_after_name(e) { e - 2 } else { e });
            return before.and_then(|e| {
                self.mention_ending_at(e)
                    .filter(|&m| self.mentions[m].kind != MentionKind::Pronoun)
                    .map(|m| self.refine::<super::owner_of::OwnerOf>(m))
            });
        }
        None
    }
}
