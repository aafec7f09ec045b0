//! Stage 5 of the pipeline: mentions of possible speakers.
//!
//! Input: the tokens of a document, the compiled gazetteer and the lexicon.
//! Output: every [`Mention`] outside quotes, in text order: gazetteer
//! names; capitalised name sequences the gazetteer does not know (most
//! speakers in news are in no gazetteer), split from the titles before
//! them ("Iraqi Prime Minister Haider al-Abadi", "White House spokesman
//! Josh Earnest") with that title kept as the mention's role; subject
//! pronouns; and descriptions of unnamed sources ("US officials",
//! "Middle Eastern defence sources", "the spokeswoman", "the report").
//! The rule stage picks speakers among them; the resolver links them to
//! canonical names.

use crate::tagger::{PosTag, Xpos};
use std::borrow::Cow;

use crate::chunk::{Chunks, Grammar};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::lexicon::{Class, Cue, Lexicon, NounType, Title, WordInfo};
use crate::tokens::Token;
use crate::types::{Gender, Span, SpeakerType};

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, from the gazetteer or from capitalisation.
    Name,
    /// "he", "she", "they".
    Pronoun,
    /// A description: "US officials", "the spokeswoman", "the report".
    Descriptor,
}

/// A possible speaker.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The expression as written: the name without its title, the pronoun,
    /// or the whole description.
    pub span: Span,
    /// The name with its title or role in front, if any.
    pub extent: Span,
    /// Token range `[first, last]` of the extent.
    pub first_token: usize,
    /// Last token of the extent (inclusive).
    pub last_token: usize,
    /// Name, pronoun or description.
    pub kind: MentionKind,
    /// What the mention is, as far as this stage can tell.
    pub speaker_type: SpeakerType,
    /// Gazetteer entry, if the name is known.
    pub entity: Option<usize>,
    /// Gender if known (gazetteer, title, first name or pronoun).
    pub gender: Option<Gender>,
    /// A plural source ("officials", "they").
    pub plural: bool,
    /// A title or role written next to it ("Russia's foreign minister").
    pub role: Option<Span>,
    /// For a description, its head noun in lower case ("officials").
    pub head: Option<String>,
    /// The name is a single word ("Lavrov"): the resolver looks for a
    /// fuller name in the article.
    pub single_word: bool,
}

/// Whether `word` is the last word of one of the names of several words
/// `earlier` (mentions before it): news names a person in full once and
/// by surname after that (the AP Stylebook's entry on names), so such a
/// word is a name whatever it also is (a month, a verb). Shared by the
/// mention stage and the rules.
pub(crate) fn repeats_surname_of<'m>(
    mut earlier: impl Iterator<Item = &'m Mention>,
    tokens: &[Token],
    text: &str,
    word: &str,
) -> bool {
    earlier.any(|m| {
        m.kind == MentionKind::Name
            && m.span.start < tokens[m.last_token].span.start
            && tokens[m.last_token].text(text) == word
    })
}

/// Whether a word of these classes ([`crate::lexicon::classes`]) is never
/// a name: the listed function words, and the days and months.
fn is_not_name(classes: u64) -> bool {
    use crate::lexicon::has;
    has(classes, Class::NotNames)
        || has(classes, Class::Days)
        || has(classes, Class::Months)
}

/// A lower-case noun of a person by its suffix ("astronomer", "co-author",
/// "scientist", "historian", "consultant"): no list of jobs is complete,
/// but English agent suffixes are few. Only used right before a name.
fn is_agent_noun(lower: &str) -> bool {
    lower.len() > 4
        && lower.chars().all(|c| c.is_alphabetic() || c == '-')
        && (1..=4).any(|k| {
            lower
                .len()
                .checked_sub(k)
                .and_then(|i| lower.get(i..))
                .is_some_and(|end| {
                    crate::lexicon::is(crate::lexicon::Class::Suffixes, end)
                })
        })
        && !crate::lexicon::is(crate::lexicon::Class::NotAgents, lower)
        && !lower.ends_with("ever")
}

/// An acronym: two to six capital letters, "&" allowed ("AT&T"); not a
/// Roman numeral ("II" of "Elizabeth II").
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=6).contains(&word.len())
        && letters >= 2
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !word.chars().all(|c| "IVXLCDM".contains(c))
}

/// Finds the mentions of one document into `out`, and into `antecedents`
/// the noun phrases that are no speaker but that a later pronoun or
/// description may stand for: the names inside a description's
/// post-modifier ("Officers from Northshire Police": the force they
/// belong to) and the subjects headed by a plural common noun ("The
/// retailers were reluctant ..."), in text order. The rules never see
/// `antecedents`; only the resolve stage reads them (Lappin and Leass
/// 1994 count every noun phrase of the discourse as a candidate, not
/// only the speakers). `words[i]` is what the lexicon says of
/// `lowered[i]` ([`Lexicon::word`]), looked up once a document for this
/// stage and the cue stage.
#[allow(clippy::too_many_arguments)]
pub fn find_mentions(
    text: &str,
    tokens: &[Token],
    lowered: &[Cow<'_, str>],
    words: &[WordInfo<'_>],
    grammar: Grammar<'_>,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    out: &mut Vec<Mention>,
    antecedents: &mut Vec<Mention>,
) {
    out.clear();
    let mut finder = Finder::new(text, tokens, lowered, words, gazetteer, lexicon);
    finder.chunks = Some(grammar.chunks);
    finder.tags = grammar.tags;
    finder.run(out);
    *antecedents = finder.antecedents.into_inner();
    antecedents.sort_by_key(|m| m.span.start);
}

struct Finder<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lexicon: &'a Lexicon,
    gazetteer: &'a Gazetteer,
    /// For a token where a gazetteer name starts: its last token and entry.
    gaz_at: Vec<Option<(usize, usize)>>,
    lower: &'a [Cow<'a, str>],
    chunks: Option<&'a Chunks>,
    /// One tag per token (untagged sentences: [`crate::tagger::UNTAGGED`]).
    tags: &'a [PosTag],
    /// Noun phrases that are antecedents only ([`find_mentions`]).
    antecedents: std::cell::RefCell<Vec<Mention>>,
    /// By token, what the lexicon says of its lower-case form (classes,
    /// source noun, cue, title), looked up once for every token before
    /// the search (by the caller, who shares it with the cue stage): the
    /// search asks the same of one token many times (as
    /// a word before a name, as a subject's head, as a modifier ...).
    words: &'a [WordInfo<'a>],
}

impl<'a> Finder<'a> {
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        lower: &'a [Cow<'a, str>],
        words: &'a [WordInfo<'a>],
        gazetteer: &'a Gazetteer,
        lexicon: &'a Lexicon,
    ) -> Finder<'a> {
        debug_assert_eq!(words.len(), tokens.len());
        let mut gaz_at = vec![None; tokens.len()];
        let mut t = 0;
        for m in gazetteer.find_iter(text) {
            while t < tokens.len() && tokens[t].span.start < m.span.start {
                t += 1;
            }
            if t >= tokens.len() || tokens[t].span.start != m.span.start {
                continue;
            }
            let mut e = t;
            while e + 1 < tokens.len() && tokens[e].span.end < m.span.end {
                e += 1;
            }
            if tokens[e].span.end == m.span.end {
                gaz_at[t] = Some((e, m.entity));
            }
        }
        Finder {
            text,
            tokens,
            lexicon,
            gazetteer,
            gaz_at,
            lower,
            chunks: None,
            tags: &[],
            antecedents: Default::default(),
            words,
        }
    }

    /// What the lexicon says of token `k`'s lower-case form.
    #[inline]
    fn word(&self, k: usize) -> WordInfo<'a> {
        self.words[k]
    }

    /// Whether token `k`'s lower-case form is in `class`.
    #[inline]
    fn is(&self, class: Class, k: usize) -> bool {
        crate::lexicon::has(self.classes(k), class)
    }

    #[inline]
    fn classes(&self, k: usize) -> u64 {
        self.words[k].classes
    }

    /// Whether token `k` is never a name ([`is_not_name`]).
    #[inline]
    fn not_name(&self, k: usize) -> bool {
        is_not_name(self.classes(k))
    }

    /// [`Lexicon::noun`] of token `k`'s lower-case form.
    #[inline]
    fn noun(&self, k: usize) -> Option<(NounType, bool)> {
        self.words[k].noun
    }

    /// [`Lexicon::cue`] of token `k`'s lower-case form.
    #[inline]
    fn cue(&self, k: usize) -> Option<&'a Cue> {
        self.words[k].cue
    }

    /// [`Lexicon::title`] of token `k`'s lower-case form.
    #[inline]
    fn title(&self, k: usize) -> Option<&'a Title> {
        self.words[k].title
    }

    fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn is_cap_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.word && t.cap && !t.in_quote
    }

    /// A title of up to `max_title_words` words starting at token `i`;
    /// returns its last token.
    fn title_at(&self, i: usize, limit: usize) -> Option<usize> {
        if i >= limit || !self.tokens[i].word {
            return None;
        }
        // Most words open no title of several words: the word's own
        // look-up answers.
        let word = self.word(i);
        if !word.opens_title_phrase {
            return word.title.map(|_| i);
        }
        let mut phrase = crate::words_buf::WordsBuf::new();
        let mut best = None;
        for k in 0..self.lexicon.max_title_words {
            let j = i + k;
            if j >= limit || !self.tokens[j].word {
                break;
            }
            phrase.push_word(&self.lower[j]);
            if self.lexicon.title(phrase.as_str()).is_some() {
                best = Some(j);
            }
        }
        best
    }

    /// A word that can stand in a role before a name: a title or the noun
    /// of a person ("protester").
    fn is_role_word(&self, i: usize) -> bool {
        let lower = &self.lower[i];
        self.title(i).is_some()
            || matches!(self.noun(i), Some((NounType::Person, _)))
            || (!self.tokens[i].cap && is_agent_noun(lower))
    }

    fn run(&self, out: &mut Vec<Mention>) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let t = &self.tokens[i];
            if t.in_quote || !t.word {
                i += 1;
                continue;
            }
            let lower = &self.lower[i];
            // "It said", "it also warned": "it" is a speaker only as the
            // subject of an active reporting verb (an organisation or a
            // document); the expletive "it" of "it is said", "it seems"
            // is followed by no such verb (Quirk et al. 1985, 18.23-25).
            let it_speaks = lower.as_ref() == "it" && {
                let k = if self.lower.get(i + 1).is_some_and(|w| {
                    w.as_ref() == "also" || w.ends_with("ly")
                }) {
                    i + 2
                } else {
                    i + 1
                };
                k < n
                    && self.tokens[k].sentence == t.sentence
                    && self.cue(k).is_some()
            };
            if it_speaks {
                if let Some((_, plural)) = self.lexicon.pronoun(lower) {
                    out.push(self.simple(
                        i,
                        i,
                        MentionKind::Pronoun,
                        SpeakerType::Organization,
                        None,
                        plural,
                    ));
                }
                i += 1;
                continue;
            }
            if matches!(lower.as_ref(), "he" | "she" | "they" | "i") {
                if let Some((gender, plural)) = self.lexicon.pronoun(lower) {
                    out.push(self.simple(
                        i,
                        i,
                        MentionKind::Pronoun,
                        if plural {
                            SpeakerType::Group
                        } else {
                            SpeakerType::Person
                        },
                        gender,
                        plural,
                    ));
                }
                i += 1;
                continue;
            }
            // "Critics from across ... have claimed", "Officials said": a
            // source noun opening the sentence is a description, not a
            // name, unless a name follows it.
            let sentence_initial =
                i == 0 || self.tokens[i - 1].sentence != t.sentence;
            if sentence_initial
                && self.gaz_at[i].is_none()
                && !(i + 1 < n && self.is_cap_word(i + 1))
            {
                if let Some((kind, plural)) = self.noun(i) {
                    // Past the description's post-modifiers: what they
                    // name belongs to it.
                    i = self.descriptor(i, kind, plural, out).max(i) + 1;
                    continue;
                }
            }
            // "Q: Why did you ...?", "Interview: ...": the label of an
            // interview's turn is no one's name.
            if self.tokens.get(i + 1).is_some_and(|n| n.span.start == t.span.end && self.tok(i + 1) == ":")
                && crate::lexicon::is(crate::lexicon::Class::InterviewLabels, self.tok(i))
            {
                i += 1;
                continue;
            }
            if self.gaz_at[i].is_some() || self.is_cap_word(i) {
                let end = self.name_sequence(i);
                if end > i
                    || self.gaz_at[i].is_some()
                    || !self.stop(i)
                    || self.repeats_surname(i, out)
                {
                    self.split_sequence(i, end, out);
                }
                i = end + 1;
                continue;
            }
            // "the 54-year-old said": news refers to a person just named
            // by an age, an adjective standing as the head of its noun
            // phrase (Quirk et al. 1985, §7.16: nominal adjectives); with
            // a noun after it, the noun heads the phrase ("the
            // 54-year-old teacher").
            if i > 0
                && self.lower[i - 1] == "the"
                && lower.ends_with("-year-old")
                && self.tokens[i - 1].sentence == t.sentence
                && !self.tags.get(i + 1).is_some_and(|n| n.xpos.is_noun())
            {
                out.push(self.simple(
                    i - 1,
                    i,
                    MentionKind::Descriptor,
                    SpeakerType::Person,
                    None,
                    false,
                ));
                i += 1;
                continue;
            }
            let noun = self.compound_noun(i).or_else(|| self.noun(i)).or_else(|| {
                // "the transport secretary declares": a lower-case title
                // alone is a role noun, when no noun follows it ("the
                // general public" is not a general).
                // Looked at only for a title (pure, and rare).
                let next_ok = || self.tokens.get(i + 1).is_none_or(|nt| {
                    !nt.word
                        || self.cue(i + 1).is_some()
                        || self.is(Class::AfterRoleNoun, i + 1)
                });
                self.title(i)
                    .filter(|t| t.kind != "honorific" && next_ok())
                    .map(|_| (NounType::Person, false))
            })
            .or_else(|| self.unlisted_subject_head(i))
            .or_else(|| self.unlisted_inverted_subject(i));
            if noun.is_none() {
                if let Some(m) = self.subject_antecedent(i) {
                    self.antecedents.borrow_mut().push(m);
                }
            }
            if let Some((kind, plural)) = noun {
                // A noun before a name, past role words, is part of the
                // name's title ("study co-author Karen Alley").
                let mut k = i + 1;
                while k < n
                    && k <= i + 3
                    && !self.tokens[k].cap
                    && self.tokens[k].word
                    && self.is_role_word(k)
                {
                    k += 1;
                }
                let before_name = k < n
                    && self.is_cap_word(k)
                    && (kind == NounType::Person || k > i + 1);
                // "the researchers estimate", "Ford reports": a noun that
                // is also a cue, right after a noun or a name, is the verb.
                let verb_after_subject = self.cue(i).is_some()
                    && i > 0
                    && self.tokens[i - 1].word
                    && !self.is(Class::Determiners, i - 1)
                    // "a Twitter post": after an article it is a noun.
                    && !(i > 1 && self.is(Class::Determiners, i - 2))
                    && (self.tokens[i - 1].cap
                        || self.noun(i - 1).is_some()
                        || matches!(self.lower[i - 1].as_ref(),
                            "he" | "she" | "they" | "it" | "we"));
                if !before_name && !verb_after_subject {
                    let e = self.descriptor(i, kind, plural, out);
                    if e > i {
                        i = e + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
        for i in 0..out.len() {
            if out[i].kind != MentionKind::Name || out[i].role.is_some() {
                continue;
            }
            out[i].role = self.appositive_role(out[i].last_token);
            // "England's transport secretary, Grant Shapps, announced": a
            // role noun right before the name and a comma.
            let first = out[i].first_token;
            if out[i].role.is_none()
                && i > 0
                && first > 0
                && self.tok(first - 1) == ","
                && out[i - 1].last_token + 2 == first
                && out[i - 1].kind == MentionKind::Descriptor
                && out[i - 1].speaker_type == SpeakerType::Person
            {
                // "the father of the victim, Tom Reed": a relation noun
                // post-modified by "of" and the person it relates to (a
                // relational noun's complement, Huddleston & Pullum 2002,
                // ch. 5 §16), written as two descriptions where no chunk
                // joined them: the role is both.
                let start = match i.checked_sub(2).map(|k| &out[k]) {
                    Some(o)
                        if o.kind == MentionKind::Descriptor
                            && o.speaker_type == SpeakerType::Person
                            && o.last_token + 2 == out[i - 1].first_token
                            && self.lower[o.last_token + 1] == "of" =>
                    {
                        o.span.start
                    }
                    _ => out[i - 1].span.start,
                };
                out[i].role = Some(Span::new(start, out[i - 1].span.end));
            }
        }
        // "Jane Roe's husband, Paul,": a gendered role noun in the role
        // gives a name without a gender of its own the noun's (a lone
        // first name may be a surname, so it gives none).
        for m in out.iter_mut() {
            if m.kind != MentionKind::Name || m.gender.is_some() {
                continue;
            }
            if let Some(role) = m.role {
                let first = self.tokens.partition_point(|t| t.span.start < role.start);
                let last = self.tokens.partition_point(|t| t.span.end <= role.end);
                if first < last {
                    m.gender = self.title_gender(first, last - 1);
                }
            }
        }
    }

    /// An appositive role after a name, between commas: "Sergey Lavrov,
    /// Russia's foreign minister, said" or "Carrie Lam, the chief
    /// executive of Hong Kong, announced". It must hold a title or person
    /// noun within its first words, so that lists of names stay lists.
    fn appositive_role(&self, last: usize) -> Option<Span> {
        let n = self.tokens.len();
        let comma = last + 1;
        if comma >= n || self.tok(comma) != "," {
            return None;
        }
        let sentence = self.tokens[last].sentence;
        let mut has_role = false;
        for k in comma + 1..n.min(comma + 20) {
            let t = &self.tokens[k];
            if t.sentence != sentence || t.in_quote {
                return None;
            }
            if !t.word {
                let p = self.tok(k);
                if p == "," || p == ")" || p == "\u{2014}" {
                    return (has_role && k > comma + 1).then(|| {
                        Span::new(
                            self.tokens[comma + 1].span.start,
                            self.tokens[k - 1].span.end,
                        )
                    });
                }
                if p != "'s" && p != "\u{2019}s" && p != "-" {
                    return None;
                }
                continue;
            }
            if k < comma + 6 && self.is_role_word(k) {
                has_role = true;
            }
        }
        None
    }

    fn stop(&self, i: usize) -> bool {
        let lower = &self.lower[i];
        let sentence_initial =
            i == 0 || self.tokens[i - 1].sentence != self.tokens[i].sentence;
        // A cue word opens a name only as a first name before a surname
        // ("Grant Shapps"); at a sentence's start it is the verb, unless
        // the tagger reads a proper noun ("Grant told reporters").
        let proper = self.tags.get(i).is_some_and(|t| t.xpos.is_proper_noun());
        let cue_word = self.cue(i).is_some()
            && !proper
            && (sentence_initial
                || self.lexicon.first_name(self.tok(i)).is_none()
                || !(i + 1 < self.tokens.len() && self.is_cap_word(i + 1)));
        // "Environmental groups have argued": an adjective the tagger
        // reads at a sentence's start, before a lower-case word, is
        // capitalised for its position only and premodifies the noun
        // after it (Quirk et al. 1985, ch. 7: attributive adjectives).
        let initial_adjective = sentence_initial
            && self.tags.get(i).is_some_and(|t| t.xpos.is_adjective())
            && self.gaz_at[i].is_none()
            && self.lexicon.first_name(self.tok(i)).is_none()
            && self.tokens.get(i + 1).is_some_and(|n| n.word && !n.cap && n.sentence == self.tokens[i].sentence);
        self.not_name(i)
            || cue_word
            || initial_adjective
            || (sentence_initial
                && lower.ends_with("ly")
                && self.gaz_at[i].is_none()
                // "Emily", "Kelly": a known first name is no adverb.
                && self.lexicon.first_name(self.tok(i)).is_none())
    }

    /// Whether the capitalised word at `i` is the last word of a name of
    /// several words found earlier in the document ("Theresa May ... May
    /// said", "Paul Grant ... Grant was asked"): news names a person in
    /// full once and by surname after that (the subsequent-mention rule
    /// of news style guides, e.g. the AP Stylebook's entry on names), so
    /// a surname that is also a month, a function word or a cue is a
    /// name again. Only asked of words [`Self::stop`] turned away.
    fn repeats_surname(&self, i: usize, out: &[Mention]) -> bool {
        // A function word ("The", "In") is no one's surname: most words
        // asked are these, and they cost no scan.
        if !self.is_cap_word(i) || self.is(Class::NotNames, i) {
            return false;
        }
        repeats_surname_of(out.iter().rev().take(500), self.tokens, self.text, self.tok(i))
    }

    /// The last token of the capitalised sequence starting at `i`.
    fn name_sequence(&self, i: usize) -> usize {
        let n = self.tokens.len();
        let mut j = i;
        loop {
            if let Some((e, _)) = self.gaz_at[j] {
                j = e;
            }
            let next = j + 1;
            if next >= n
                || self.tokens[next].sentence != self.tokens[i].sentence
            {
                return j;
            }
            if self.gaz_at[next].is_some()
                || (self.is_cap_word(next)
                    && !self.cue_like(next)
                    && !self.not_name(next))
            {
                j = next;
                continue;
            }
            // "Pacific Gas and Electric Company", "Procter & Gamble Co":
            // "and" joins two capitalised runs when an institution's head
            // word ends the second.
            if matches!(self.lower[next].as_ref(), "and" | "&") {
                let mut r = next + 1;
                while r < n && self.is_cap_word(r) && !self.cue_like(r) {
                    r += 1;
                }
                if r > next + 1
                    && (crate::lexicon::is(
                        crate::lexicon::Class::OrgHeads,
                        self.tok(r - 1),
                    ) || self.coordinated_field(i, j, next + 1, r))
                {
                    j = r - 1;
                    continue;
                }
            }
            // "of" and "for" join names of institutions and offices
            // ("Bank of England", "Secretary of State", "Center for Food
            // Safety"), not a person and a place ("Doug Collins of
            // Georgia").
            let joins_here = match self.lower[next].as_ref() {
                "of" | "for" => {
                    crate::lexicon::is(
                        crate::lexicon::Class::OrgHeads,
                        self.tok(j),
                    ) || self.title(j).is_some()
                }
                _ => true,
            };
            if joins_here
                && self.is(Class::NameParticles, next)
                && next + 1 < n
                && self.is_cap_word(next + 1)
                && !self.cue_like(next + 1)
            {
                j = next + 1;
                continue;
            }
            return j;
        }
    }

    /// Whether the capitalised run `[from, to)` after "and" coordinates
    /// a second field inside the complement of an institution's name
    /// `[start, last]` ("Institute of Volcanology and Seismology",
    /// "Department of Corrections and Rehabilitation"): the name so far
    /// is no known name and has an institution's head word before "of"
    /// or "for", and the run
    /// is one or two plain words, none of them a known name, a title or
    /// a first name, nor an institution's head (then it is a second
    /// institution: "the Ministry of Health and Ministry of Education"),
    /// and not followed by another capitalised word or a possessive.
    /// Coordination inside a post-modifier's noun phrase: Quirk et al.
    /// 1985, 13.61.
    fn coordinated_field(&self, start: usize, last: usize, from: usize, to: usize) -> bool {
        // A known name is whole ("Bank of England and Barclays").
        let unknown = (start..=last).all(|k| self.gaz_at[k].is_none());
        let institution_of = unknown && (start..last).any(|k| {
            crate::lexicon::is(crate::lexicon::Class::OrgHeads, self.tok(k))
                && matches!(self.lower[k + 1].as_ref(), "of" | "for")
        });
        institution_of
            && to - from <= 2
            && (from..to).all(|k| {
                self.gaz_at[k].is_none()
                    && self.title(k).is_none()
                    && self.lexicon.first_name(self.tok(k)).is_none()
                    && !crate::lexicon::is(crate::lexicon::Class::OrgHeads, self.tok(k))
            })
            && self.tokens.get(to).is_none_or(|t| {
                let possessive = matches!(self.lower[to].as_ref(), "'s" | "\u{2019}s");
                !(possessive || t.word && t.cap)
            })
    }

    /// A capitalised cue ("Says" in a headline) ends a name.
    /// Only an inflected cue ("Says", "Warned", "Told") ends a name in a
    /// headline; a base form is a name's part ("Paul Grant", "Bob Hope").
    fn cue_like(&self, i: usize) -> bool {
        let lower: &str = &self.lower[i];
        self.cue(i).is_some()
            && self.gaz_at[i].is_none()
            && (lower.ends_with('s')
                || lower.ends_with("ed")
                || self.is(Class::IrregularPasts, i))
    }

    /// Splits the capitalised sequence `[i, end]` into mentions: gazetteer
    /// names stay whole; a title inside ("US Secretary of State John
    /// Kerry") becomes the role of the name after it.
    fn split_sequence(&self, i: usize, end: usize, out: &mut Vec<Mention>) {
        let mut s = i;
        // Sentence-initial function words and dates are not names.
        while s <= end
            && self.gaz_at[s].is_none()
            && self.stop(s)
            && !self.repeats_surname(s, out)
        {
            s += 1;
        }
        if s > end {
            return; // only function words ("Post Post" at a text's end)
        }
        let mut part_start = s;
        let mut role_start: Option<usize> = None;
        // "Co-author Jing-Shan Zhao said": a capitalised agent noun opening
        // the sentence is a title.
        let sentence_initial =
            s == 0 || self.tokens[s - 1].sentence != self.tokens[s].sentence;
        // "Fourteen-year-old Zoe": an age is a description, not a name.
        // A known first name is no agent noun, whatever its ending
        // ("Christopher", "Jennifer", "Oliver" end like "astronomer").
        if sentence_initial
            && s < end
            && self.gaz_at[s].is_none()
            && (is_agent_noun(&self.lower[s])
                && self.lexicon.first_name(self.tok(s)).is_none()
                || self.lower[s].ends_with("-year-old"))
        {
            role_start = Some(s);
            part_start = s + 1;
        }
        let mut j = s;
        while j <= end {
            if let Some((e, entity)) = self.gaz_at[j] {
                let kind = self.gazetteer.entity(entity).kind;
                // A known name that only starts a longer capitalised one
                // is part of it: a country ("Cyprus Mail", "Japan Times",
                // "Israel Defense Forces"), or an organisation before "of"
                // or "for" ("Progressive Party of Concerned People", the
                // pattern of "Bank of England").
                let opens_longer_name = e < end
                    && match kind {
                        EntityType::Country => {
                            self.gaz_at[e + 1].is_none()
                                && self.title_at(e + 1, end + 1).is_none()
                                // "Scotland First Minister Nicola
                                // Sturgeon": a person named further on
                                // makes the words between an office.
                                && (e + 1..=end).all(|k| {
                                    self.lexicon.first_name(self.tok(k)).is_none()
                                })
                        }
                        EntityType::Organization => {
                            matches!(self.lower[e + 1].as_ref(), "of" | "for")
                        }
                        EntityType::Person => false,
                    };
                // "United States Department of State", "US State
                // Department": a country premodifying a known institution
                // names that institution (a noun premodifier: Quirk et
                // al. 1985, 17.108), written in full.
                if kind == EntityType::Country && j == part_start && e < end {
                    if let Some((e2, org)) = self.gaz_at[e + 1] {
                        if self.gazetteer.entity(org).kind
                            == EntityType::Organization
                        {
                            let role = role_start.map(|r| (r, j - 1));
                            out.push(self.name(j, e2, Some(org), role));
                            j = e2 + 1;
                            part_start = j;
                            role_start = None;
                            continue;
                        }
                    }
                }
                if opens_longer_name && j == part_start && role_start.is_none() {
                    let mut m = self.name(j, end, None, None);
                    m.speaker_type = SpeakerType::Organization;
                    out.push(m);
                    return;
                }
                // A known person after a title gets the title as role.
                if kind == EntityType::Person {
                    let role = role_start.map(|r| (r, j - 1));
                    out.push(self.name(j, e, Some(entity), role));
                } else if part_start + 1 == j
                    && e == end
                    && j == e
                    && self.lexicon.first_name(self.tok(part_start)).flatten().is_some()
                {
                    // "Michael Bloomberg", "Tom Ford": a known first name
                    // before a one-word organization or place ending the
                    // sequence makes a person's name of both.
                    self.plain_name(part_start, e, role_start, out);
                } else if part_start < j {
                    self.plain_name(part_start, j - 1, role_start, out);
                    out.push(self.name(j, e, Some(entity), None));
                } else {
                    out.push(self.name(j, e, Some(entity), None));
                }
                j = e + 1;
                part_start = j;
                role_start = None;
                continue;
            }
            if let Some(te) = self.title_at(j, end + 1) {
                // "Prime Minister of Freedonia": "of" or "for" and one
                // word after a title are its complement (H&P 2002, ch. 5,
                // §16): the whole is an office, a description, and no
                // name follows.
                if te + 2 == end
                    && self.gaz_at[end].is_none()
                    && matches!(self.lower[te + 1].as_ref(), "of" | "for")
                {
                    let first = role_start.unwrap_or(part_start);
                    out.push(self.simple(
                        first,
                        end,
                        MentionKind::Descriptor,
                        SpeakerType::Person,
                        self.title_gender(first, te),
                        false,
                    ));
                    return;
                }
                if te < end {
                    role_start.get_or_insert(part_start);
                    j = te + 1;
                    part_start = j;
                    continue;
                }
            }
            j += 1;
        }
        if part_start <= end {
            self.plain_name(part_start, end, role_start, out);
        }
    }

    /// A name not in the gazetteer: `[s, e]`, with a role from `role_start`
    /// up to `s - 1` when a title was inside the sequence.
    fn plain_name(
        &self,
        s: usize,
        e: usize,
        role_start: Option<usize>,
        out: &mut Vec<Mention>,
    ) {
        let mut e = e;
        while e > s
            && crate::lexicon::is(
                crate::lexicon::Class::Postnominals,
                self.tok(e),
            )
        {
            e -= 1;
        }
        // "the acting Prime Minister of Iraq": the "of" left between a
        // title and a known place is the office's complement (H&P 2002,
        // ch. 5, §16), and a span without a capitalised word is no name.
        if (s..=e).all(|k| !self.tokens[k].cap) {
            return;
        }
        // "Senate Minority Whip Dick Durbin": an office the title list
        // lacks ends where a known first name starts, when the sequence
        // does not itself open with a first name.
        let mut s = s;
        let mut role_start = role_start;
        if e >= s + 2 && self.lexicon.first_name(self.tok(s)).is_none() {
            if let Some(f) = (s + 1..e).find(|&k| {
                self.lexicon.first_name(self.tok(k)).flatten().is_some()
            }) {
                role_start.get_or_insert(s);
                s = f;
            }
        }
        let role = role_start.filter(|&r| r < s).map(|r| (r, s - 1));
        // A demonym alone ("Russian") modifies; it does not speak.
        if s == e && self.lexicon.is_demonym(self.tok(s)) {
            return;
        }
        // A lone title ("President", "Foreign Minister") is a role noun.
        if let Some(te) = self.title_at(s, e + 1) {
            if te == e {
                let plural = self.lower[e].ends_with('s');
                out.push(self.simple(
                    s,
                    e,
                    MentionKind::Descriptor,
                    SpeakerType::Person,
                    self.title_gender(s, e),
                    plural,
                ));
                return;
            }
        }
        out.push(self.name(s, e, None, role));
    }

    /// Whether a word next to token `i` in its sentence is in capitals
    /// too: a headline or a shouted line, where capitals say nothing.
    fn in_capitals(&self, i: usize) -> bool {
        let sentence = self.tokens[i].sentence;
        [i.checked_sub(1), Some(i + 1)].into_iter().flatten().any(|k| {
            self.tokens.get(k).is_some_and(|t| {
                t.sentence == sentence && t.word && is_acronym(self.tok(k))
            })
        })
    }

    fn title_gender(&self, s: usize, e: usize) -> Option<Gender> {
        (s..=e).find_map(|k| {
            self.title(k).and_then(|t| t.gender)
        })
    }

    /// Builds a name mention over tokens `[s, e]`.
    fn name(
        &self,
        s: usize,
        e: usize,
        entity: Option<usize>,
        role: Option<(usize, usize)>,
    ) -> Mention {
        let role = role
            .or_else(|| self.role_before(s))
            .map(|(a, b)| (self.role_premodifiers(s, a), b));
        let span =
            Span::new(self.tokens[s].span.start, self.tokens[e].span.end);
        let last = self.tok(e);
        let first = self.tok(s);
        let role_gender = role.and_then(|(a, b)| self.title_gender(a, b));
        let (speaker_type, gender) = match entity {
            Some(ix) => {
                let ent = self.gazetteer.entity(ix);
                match ent.kind {
                    EntityType::Person => (
                        SpeakerType::Person,
                        ent.gender.or(role_gender).or_else(|| {
                            self.lexicon.first_name(first).flatten()
                        }),
                    ),
                    _ => (SpeakerType::Organization, None),
                }
            }
            // "Electric Company", "University of Guelph", "Bank of
            // England": an institution's head word at either end, or
            // before "of" or "for" ("Chinese Academy of Sciences").
            None if crate::lexicon::is(
                crate::lexicon::Class::OrgHeads,
                last,
            ) || s < e
                && (s..e).any(|k| {
                    crate::lexicon::is(
                        crate::lexicon::Class::OrgHeads,
                        self.tok(k),
                    ) && (k == s || matches!(self.lower[k + 1].as_ref(), "of" | "for"))
                }) =>
            {
                (SpeakerType::Organization, None)
            }
            // "RMT", "WND": a lone acronym is an organization's name
            // (people are not written in capitals), unless the whole line
            // is in capitals (a headline).
            None if s == e && is_acronym(first) && !self.in_capitals(s) => {
                (SpeakerType::Organization, None)
            }
            None => {
                let first_gender =
                    if s < e { self.lexicon.first_name(first) } else { None };
                let t = if role.is_some() || first_gender.is_some() || s < e {
                    SpeakerType::Person
                } else {
                    SpeakerType::Unknown
                };
                (t, role_gender.or(first_gender.flatten()))
            }
        };
        let start = role.map_or(s, |(a, _)| a);
        Mention {
            span,
            extent: Span::new(self.tokens[start].span.start, span.end),
            first_token: start,
            last_token: e,
            kind: MentionKind::Name,
            speaker_type,
            entity,
            gender,
            plural: false,
            role: role.map(|(a, b)| {
                Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
            }),
            head: None,
            single_word: s == e,
        }
    }

    /// The start of a pre-name title moved left over the lower-case
    /// premodifiers of its noun phrase ("retired county fire chief Jane
    /// Roe", "former state senator Jane Roe"): in a noun phrase whose head
    /// is the name, the adjectives, participles and nouns before the title
    /// modify the title (Huddleston & Pullum 2002, ch. 5 §14: attributive
    /// modifiers and the appositive title before a proper name), so they
    /// belong to the role and the name stays the head. Read off the tagged
    /// base phrase, never past its determiner; `a` where no chunk covers
    /// it.
    fn role_premodifiers(&self, s: usize, a: usize) -> usize {
        // The title's phrase: the name's own, or the one just before it
        // (the chunker may cut "county fire chief | Jane Roe").
        let Some(base) = self.chunks.and_then(|c| c.base_at(a)) else {
            return a;
        };
        if base.last + 1 < s {
            return a;
        }
        let mut k = a;
        while k > base.first {
            let p = k - 1;
            let t = &self.tokens[p];
            let Some(x) = self.tags.get(p).map(|t| t.xpos) else { break };
            let modifier = x.is_adjective()
                || x.is_noun()
                || matches!(x, Xpos::Vbn | Xpos::Cd | Xpos::Hyph);
            // A capital says nothing of the clause's first word
            // ("Former state senator ...").
            let initial = p == 0 || self.tokens[p - 1].sentence != t.sentence;
            let capital_name = t.cap && !(initial && (x.is_adjective() || x == Xpos::Vbn));
            // "..., added fire chief Jane Roe": a reporting verb the tagger
            // read as a participle is no premodifier.
            let cue = !x.is_noun() && self.cue(p).is_some();
            if !modifier
                || cue
                || t.in_quote
                || t.word && capital_name
                || self.is(Class::Determiners, p)
            {
                return k;
            }
            k = p;
        }
        // A participle the tagger read as a past tense ("retired"), the
        // phrase's first word: a premodifier where nothing before it can
        // be its subject (the clause's start, a quote mark, a comma, a
        // preposition or a determiner); "the council hired fire chief
        // Jane Roe" keeps its verb.
        let Some(p) = k.checked_sub(1) else { return k };
        let sentence = self.tokens[k].sentence;
        let participle = self.tokens[p].sentence == sentence
            && self.tokens[p].word
            && !self.tokens[p].in_quote
            && self.lower[p].ends_with("ed")
            // "..., added fire chief Jane Roe": an inverted reporting
            // verb, no premodifier.
            && self.cue(p).is_none()
            && self.tags.get(p).is_some_and(|t| matches!(t.xpos, Xpos::Vbd | Xpos::Vbn | Xpos::Jj));
        let opens = p.checked_sub(1).filter(|&q| self.tokens[q].sentence == sentence).is_none_or(|q| {
            !self.tokens[q].word
                || self.tags.get(q).is_some_and(|t| matches!(t.xpos, Xpos::In | Xpos::To | Xpos::Dt))
        });
        if participle && opens { p } else { k }
    }

    /// A role written before a name: titles, person nouns, capitalised
    /// words, demonyms, "of" and possessives ("Hong Kong director of
    /// Amnesty International", "White House spokesman"). Kept only when it
    /// holds a title or person noun.
    fn role_before(&self, s: usize) -> Option<(usize, usize)> {
        let mut k = s;
        let mut has_role = false;
        let mut start = None;
        while k > 0 {
            let p = k - 1;
            let t = &self.tokens[p];
            if t.in_quote || t.sentence != self.tokens[s].sentence {
                break;
            }
            let lower = &self.lower[p];
            let role_word = t.word && self.is_role_word(p);
            let ok = role_word
                || (t.word && t.cap && !self.stop(p))
                // "director of Amnesty International", "Center for
                // Biological Diversity scientist"; not "Rouhani of Iran".
                || (lower == "of" || lower == "for")
                    && p > 0
                    && (self.is_role_word(p - 1)
                        || crate::lexicon::is(crate::lexicon::Class::OrgHeads, self.tok(p - 1)))
                || lower == "'s"
                || lower == "\u{2019}s";
            if !ok {
                break;
            }
            has_role |= role_word;
            if role_word || t.cap {
                start = Some(p);
            }
            k = p;
        }
        match start {
            Some(a) if has_role => Some((a, s - 1)),
            _ => None,
        }
    }

    /// The type of the two-word noun compound ending at `i` ("news
    /// source", "news agency") when `data/speaker_nouns.tsv` lists it: a
    /// compound names a kind of its own, which its head alone may not
    /// ("a source" is a person, "a news source" an outlet; Quirk et al.
    /// 1985, 17.108-17.109 on noun premodifiers).
    fn compound_noun(&self, i: usize) -> Option<(NounType, bool)> {
        if i == 0 || !self.tokens[i - 1].word || self.tokens[i - 1].cap {
            return None;
        }
        // Only a known head can head a listed compound: the look-up that
        // builds the pair runs for few tokens.
        self.noun(i)?;
        let mut pair = crate::words_buf::WordsBuf::new();
        pair.push_word(&self.lower[i - 1]);
        pair.push_word(&self.lower[i]);
        self.lexicon.noun(pair.as_str())
    }

    /// A common noun missing from `data/speaker_nouns.tsv` that heads
    /// the subject of a reporting verb ("the fire service said", "both
    /// guards said"): the tags say it is a noun ending its base noun
    /// phrase and the next word a finite verb that is a cue, in its
    /// sentence. The head noun of a subject is what speaks, whatever the
    /// noun (Huddleston & Pullum 2002, ch. 5: the head of a noun phrase);
    /// the list only adds the kind of its referent. Kind: an organisation
    /// when the noun is a role noun of one (`data/role_nouns.tsv`:
    /// "service", "agency"), else a group for a plural, a person for a
    /// singular.
    fn unlisted_subject_head(&self, i: usize) -> Option<(NounType, bool)> {
        let tag = self.tags.get(i)?.xpos;
        let next = self.tags.get(i + 1)?.xpos;
        let chunk = self.chunks?.base_at(i)?;
        // A common noun ending its base phrase, or no subject's head (the
        // test below, first: most tokens fail it).
        if !(matches!(tag, Xpos::Nn | Xpos::Nns) && chunk.head == i && chunk.last == i) {
            return None;
        }
        // The verb may come after auxiliaries and adverbs ("groups have
        // long argued", "residents had repeatedly complained"): the head
        // is still the subject of the verb group (Quirk et al. 1985, §3.54
        // on the verb phrase).
        let mut v = i + 1;
        while v < i + 4
            && v + 1 < self.tokens.len()
            && (self.tags.get(v).is_some_and(|t| t.xpos.is_adverb() || t.xpos == Xpos::Md)
                || self.is(Class::Auxiliaries, v))
        {
            v += 1;
        }
        let finite_group = v == i + 1 && next.is_finite_verb()
            || v > i + 1 && self.tags.get(v).is_some_and(|t| t.xpos.is_verb());
        let verb_follows = finite_group
            && self.tokens[v].sentence == self.tokens[i].sentence
            && self.cue(v).is_some();
        // "meanwhile", "however" between a subject and its verb are
        // adverbs the tagger may read as nouns.
        let adverbial = self.is(Class::BetweenSubjectAndVerb, i);
        // After a preposition the phrase is its object, inside a longer
        // subject ("a source close to the talks said").
        let object_of_preposition = chunk.first.checked_sub(1).and_then(|p| self.tags.get(p)).is_some_and(|p| matches!(p.xpos, Xpos::In | Xpos::To));
        if adverbial || object_of_preposition || !(matches!(tag, Xpos::Nn | Xpos::Nns) && chunk.head == i && chunk.last == i && verb_follows) {
            return None;
        }
        Some(self.unlisted_noun_kind(i, tag))
    }

    /// The kind of an unlisted noun that speaks, tagged `tag`: an
    /// organisation when it is a role noun of one (`data/role_nouns.tsv`:
    /// "service", "agency"), else a group for a plural, a person for a
    /// singular; and whether it is plural.
    fn unlisted_noun_kind(&self, i: usize, tag: Xpos) -> (NounType, bool) {
        let plural = tag == Xpos::Nns;
        let kind = if crate::role_nouns::get(&self.lower[i]).is_some() {
            NounType::Organization
        } else if plural {
            NounType::Group
        } else {
            NounType::Person
        };
        (kind, plural)
    }

    /// A common noun missing from `data/speaker_nouns.tsv` that heads
    /// the postposed subject of an inverted reporting verb ("...," said
    /// a librarian", "..., says the plumber who fixed it"): the mirror of
    /// [`Self::unlisted_subject_head`]. After a quotation, a reporting
    /// verb may precede its subject (quotative inversion, Quirk et al.
    /// 1985, §14.29; Huddleston and Pullum 2002, ch. 16, §5.1), and the
    /// noun phrase right after it is then the speaker whatever its noun.
    /// The tags say the noun heads and ends a base noun phrase that opens
    /// right after a cue that allows inversion, and that cue follows a
    /// comma or a quote mark; a time noun ("said last week") heads an
    /// adjunct, not the subject. Kind as for a subject head.
    fn unlisted_inverted_subject(&self, i: usize) -> Option<(NounType, bool)> {
        let tag = self.tags.get(i)?.xpos;
        if !matches!(tag, Xpos::Nn | Xpos::Nns) {
            return None;
        }
        // A cue within four words before, first: most nouns have none
        // (and the base phrase is dearer to find).
        if !(i.saturating_sub(4)..i).any(|k| self.cue(k).is_some()) {
            return None;
        }
        let chunk = self.chunks?.base_at(i)?;
        if chunk.head != i || chunk.last != i || chunk.first == 0 {
            return None;
        }
        let v = chunk.first - 1;
        let sentence = self.tokens[i].sentence;
        let inverted_cue = self.tokens[v].sentence == sentence
            && self.tags.get(v).is_some_and(|t| t.xpos.is_finite_verb())
            && self.cue(v).is_some_and(|c| c.inversion);
        let after_comma_or_quote = v > 0
            && self.tokens[v - 1].sentence == sentence
            && (self.tok(v - 1) == "," || crate::marks::is_quote_token(self.tok(v - 1)));
        let time_noun = crate::lexicon::is_time_word(&self.lower[i]);
        // "said the company's chief executive": a possessor, or a noun
        // the tagger ends a phrase with but that another noun (or a word
        // it misreads as an adjective: "chief executive") follows,
        // determines or premodifies the head after it.
        let noun_follows = self.tokens.get(i + 1).is_some_and(|n| n.sentence == sentence)
            && self.tags.get(i + 1).is_some_and(|t| {
                t.xpos.is_noun() || t.xpos.is_adjective() || t.xpos == Xpos::Pos
            });
        if !inverted_cue || !after_comma_or_quote || time_noun || noun_follows {
            return None;
        }
        Some(self.unlisted_noun_kind(i, tag))
    }

    /// Whether token `p` is a cue the tagger reads as a verb, after
    /// punctuation or a name ("R-Ky., told reporters"): the verb before
    /// its object, no premodifier of the noun after it, whatever the
    /// chunker grouped ("the alleged victim" keeps its participle).
    fn is_cue_verb_after_break(&self, p: usize) -> bool {
        !self.tokens[p].cap
            && self.cue(p).is_some()
            && self.tags.get(p).is_some_and(|x| x.xpos.is_verb())
            && (p == 0 || !self.tokens[p - 1].word || self.tokens[p - 1].cap)
    }

    /// The subject headed by the plural common noun at `h` that is no
    /// speaker ("The retailers were reluctant to ...", "Many shoppers
    /// have left"): an antecedent a later "they" or "the retailers" may
    /// stand for (Lappin and Leass 1994: every noun phrase is a
    /// candidate; its subject role makes it salient). The head of a noun
    /// phrase ends it and a finite verb follows the subject, past adverbs
    /// (Huddleston & Pullum 2002, ch. 5 and ch. 4 §3). In a tagged
    /// sentence the tags and the base phrase say so; in an untagged one
    /// (no cue) the lexicon's closed classes guess it: a lower-case word
    /// in -s after a determiner or at the clause's start, before an
    /// auxiliary or a common verb form.
    fn subject_antecedent(&self, h: usize) -> Option<Mention> {
        let is = |c: Class, k: usize| self.is(c, k);
        let t = &self.tokens[h];
        let n = self.tokens.len();
        if !t.word || t.cap || t.in_quote {
            return None;
        }
        let lower = self.lower[h].as_ref();
        let tag = self.tags.get(h).map(|x| x.xpos);
        // Tagged, only a plural common noun heads one (the test below,
        // first: it needs no look-up).
        if tag.is_some_and(|x| x != Xpos::Xx && x != Xpos::Nns) {
            return None;
        }
        // Untagged, a word in -s (its spelling, tested again below).
        let plural_spelling = || {
            lower.len() > 3
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("us")
                && !lower.ends_with("is")
                && lower.chars().all(|c| c.is_alphabetic() || c == '-')
        };
        if tag.is_none_or(|x| x == Xpos::Xx) && !plural_spelling() {
            return None;
        }
        let same = |k: usize| k < n && self.tokens[k].sentence == t.sentence && !self.tokens[k].in_quote;
        let mut v = h + 1;
        while same(v) && is(Class::BetweenSubjectAndVerb, v) {
            v += 1;
        }
        if !same(v) {
            return None;
        }
        let first = if tag.is_some_and(|x| x != Xpos::Xx) {
            let base = self.chunks?.base_at(h)?;
            let before_preposition = base
                .first
                .checked_sub(1)
                .and_then(|p| self.tags.get(p))
                .is_some_and(|p| matches!(p.xpos, Xpos::In | Xpos::To));
            let finite = self.tags.get(v).is_some_and(|x| x.xpos.is_finite_verb());
            if tag != Some(Xpos::Nns) || base.head != h || base.last != h || before_preposition || !finite {
                return None;
            }
            base.first
        } else {
            let w = self.lower[v].as_ref();
            let verb = is(Class::Auxiliaries, v)
                || is(Class::IrregularVerbs, v)
                || is(Class::CommonVerbs, v)
                || !self.tokens[v].cap && w.len() > 4 && w.ends_with("ed");
            let plural_noun = plural_spelling()
                && self.cue(h).is_none()
                && !is(Class::Auxiliaries, h)
                && !is(Class::IrregularVerbs, h)
                && !is(Class::CommonVerbs, h)
                && !is(Class::NotModifiers, h)
                && !self.not_name(h);
            if !verb || !plural_noun {
                return None;
            }
            // Left over up to three premodifiers to a determiner or the
            // clause's start.
            let mut s = h;
            for _ in 0..4 {
                let Some(p) = s.checked_sub(1).filter(|&p| same(p)) else { break };
                let lp = self.lower[p].as_ref();
                if is(Class::Determiners, p) {
                    s = p;
                    break;
                }
                let modifier = self.tokens[p].word
                    && !is(Class::NotModifiers, p)
                    && !is(Class::Prepositions, p)
                    && !is(Class::Auxiliaries, p)
                    && !is(Class::CommonVerbs, p)
                    && !is(Class::IrregularVerbs, p)
                    && !lp.ends_with("ed")
                    && !lp.ends_with("ly")
                    && !self.not_name(p);
                if !modifier {
                    break;
                }
                s = p;
            }
            // What stands before: nothing, punctuation or a
            // conjunction; a preposition or a verb makes it an object.
            let opens = s.checked_sub(1).filter(|&p| same(p)).is_none_or(|p| {
                !self.tokens[p].word || matches!(self.lower[p].as_ref(), "and" | "but" | "that" | "while" | "because" | "when" | "as" | "so")
            });
            if !opens {
                return None;
            }
            s
        };
        let mut m = self.simple(first, h, MentionKind::Descriptor, SpeakerType::Group, None, true);
        m.head = Some(lower.to_string());
        Some(m)
    }

    /// A description headed by the noun at `h`: extends left over
    /// modifiers and a determiner, absorbing names it covers ("US" in "US
    /// officials").
    fn descriptor(
        &self,
        h: usize,
        kind: NounType,
        plural: bool,
        out: &mut Vec<Mention>,
    ) -> usize {
        let mut s = h;
        let mut modifiers = 0;
        while s > 0 && modifiers < 4 {
            let p = s - 1;
            let t = &self.tokens[p];
            let lower = &self.lower[p];
            let possessive = lower == "'s" || lower == "\u{2019}s";
            if !t.word && !possessive
                || t.in_quote
                || t.sentence != self.tokens[h].sentence
            {
                break;
            }
            // "Johnson's critics", "the company's statement": the possessor
            // belongs to a group's or document's description.
            if possessive {
                if kind == NounType::Person
                    || p == 0
                    || !self.tokens[p - 1].cap
                {
                    break;
                }
                let mut q = p - 1;
                while q > 0 && self.is_cap_word(q - 1) {
                    q -= 1;
                }
                s = q;
                break;
            }
            if self.is(Class::Determiners, p) {
                s = p;
                // "one of the children": a single member of the group.
                if s >= 2
                    && self.lower[s - 1] == "of"
                    && matches!(
                        self.lower[s - 2].as_ref(),
                        "one"
                            | "some"
                            | "many"
                            | "several"
                            | "two"
                            | "three"
                            | "most"
                            | "all"
                            | "none"
                            | "each"
                            | "both"
                    )
                {
                    s -= 2;
                }
                break;
            }
            if (self.is(Class::NotModifiers, p) || self.not_name(p))
                && !t.cap
                // A cue's base form may modify ("state media", "report
                // card"); its inflections are verbs ("Russia says").
                || self.cue(p).is_some()
                    && (lower.ends_with('s') || self.is(Class::IrregularPasts, p))
                || lower.ends_with("ing")
                || lower.ends_with("ly")
                // Past tenses are verbs, not modifiers: "Sergey Lavrov
                // met reporters" is no description of reporters.
                || !t.cap && (lower.ends_with("ed") || self.is(Class::CommonVerbs, p))
                || self.is_cue_verb_after_break(p)
            {
                break;
            }
            if t.cap && self.not_name(p) {
                break;
            }
            s = p;
            modifiers += 1;
        }
        // The description's determiner and premodifiers, from the
        // noun-phrase chunks ("the police's internal investigators", "A
        // Downing Street spokesman"), unless the words before reach
        // further ("one of the victims").
        if let Some(base) = self.chunks.and_then(|c| c.base_at(h)) {
            if base.head == h {
                let mut first = base.first;
                while first < s && self.is_cue_verb_after_break(first) {
                    first += 1;
                }
                s = s.min(first);
            }
        }
        // The description's post-modifiers, from the noun-phrase chunks:
        // "a spokeswoman for the department", "researchers from the
        // University of Colorado and the College of Wooster".
        let chunk_end = self
            .chunks
            .and_then(|c| Some((c, c.base_at(h)?)))
            .filter(|(_, base)| base.head == h && base.last == h)
            .and_then(|(c, base)| c.phrase_starting_at(base.first))
            .map(|p| self.before_person_name(h, p.last));
        // Names inside a description are part of it ("US officials")
        // except in a document's, where they name its author ("Federal
        // Aviation Administration records").
        let extent_start = self.tokens[s].span.start;
        if kind != NounType::Document {
            while out.last().is_some_and(|m| m.extent.start >= extent_start) {
                out.pop();
            }
        }
        let speaker_type = match kind {
            NounType::Group => SpeakerType::Group,
            NounType::Organization => SpeakerType::Organization,
            NounType::Document => SpeakerType::Unknown,
            NounType::Person => SpeakerType::Person,
        };
        let gender = self.title_gender(h, h);
        let one_of = matches!(self.lower[s].as_ref(), "one" | "each");
        let (speaker_type, plural) =
            if one_of && s + 1 < h && self.lower[s + 1] == "of" {
                (SpeakerType::Person, false)
            } else {
                (speaker_type, plural || kind == NounType::Group)
            };
        let e = chunk_end.unwrap_or_else(|| self.post_modifier_end(h));
        let e = self.past_bracketed_acronyms(h, e);
        let e = if matches!(kind, NounType::Person | NounType::Group) {
            self.past_source_post_modifier(e)
        } else {
            e
        };
        // The names in the post-modifier ("Officers from Northshire
        // Police", "researchers at the University of Leeds") are part of
        // the description, not speakers; they stay antecedents, the body
        // the members belong to, which "the force" or "the university"
        // may later stand for.
        if kind != NounType::Document {
            let mut inner = Vec::new();
            let mut k = h + 1;
            while k <= e {
                if self.gaz_at[k].is_some() || self.is_cap_word(k) {
                    let end = self.name_sequence(k).min(e);
                    self.split_sequence(k, end, &mut inner);
                    k = end + 1;
                } else {
                    k += 1;
                }
            }
            self.antecedents
                .borrow_mut()
                .extend(inner.into_iter().filter(|m| m.kind == MentionKind::Name));
        }
        let mut m = self.simple(
            s,
            e,
            MentionKind::Descriptor,
            speaker_type,
            gender,
            plural,
        );
        m.head = Some(self.lower[h].to_string());
        // "a spokeswoman for the department": the organisation she speaks
        // for is her role, not a speaker of its own.
        // "Officers from Northshire Police", "analysts at Barclays": the
        // body a group's members come from is their role too.
        let member_of = kind == NounType::Group
            && matches!(self.lower.get(h + 1).map(|w| w.as_ref()), Some("from" | "at" | "for" | "with"));
        if e > h && (kind == NounType::Person || member_of) && m.role.is_none() {
            let role_start = (h + 2).min(e);
            m.role = Some(Span::new(
                self.tokens[role_start].span.start,
                self.tokens[e].span.end,
            ));
        }
        out.push(m);
        e
    }

    /// The end of a description's post-modifier carried over an
    /// adjective or participle phrase that says how an unnamed source
    /// knows ("sources close to the president", "people familiar with
    /// the matter", "two officials briefed on the talks"): a post-modifier
    /// of the source (Quirk et al. 1985, §17.53 on postposed adjective
    /// phrases), whose noun phrase does not speak.
    fn past_source_post_modifier(&self, e: usize) -> usize {
        let Some(chunks) = self.chunks else { return e };
        let (adjective, preposition, object) = (e + 1, e + 2, e + 3);
        if object >= self.tokens.len()
            || self.tokens[object].sentence != self.tokens[e].sentence
            || !crate::lexicon::is(
                crate::lexicon::Class::SourcePostModifiers,
                self.lower[adjective].as_ref(),
            )
            || !matches!(self.lower[preposition].as_ref(), "to" | "with" | "on" | "about" | "in")
        {
            return e;
        }
        chunks
            .phrase_starting_at(object)
            .map_or(e, |p| p.last)
    }

    /// The end of a description's post-modifier carried past an acronym
    /// in brackets after a name in it ("researchers from the University of
    /// Eastfield (UE) in Leeds and the College of Marston"): an acronym
    /// introduced in parentheses is an apposition of the name before it
    /// (Quirk et al. 1985, 17.65, 17.71), so the phrase goes on after it
    /// when a post-modifier or a conjunct follows; the whole is the source.
    fn past_bracketed_acronyms(&self, h: usize, mut e: usize) -> usize {
        let Some(chunks) = self.chunks else { return e };
        let n = self.tokens.len();
        let sentence = self.tokens[h].sentence;
        let links = |k: usize| {
            k + 1 < n
                && self.tokens[k + 1].sentence == sentence
                && matches!(self.lower[k].as_ref(), "of" | "for" | "from" | "at" | "in" | "and" | "&")
        };
        // A post-modifier that already ends in a name goes on over the
        // names joined to it too ("from the University of Eastfield in
        // Ribton and the College of Wexham": the chunker joins only like
        // conjuncts by their tags).
        let mut passed = e > h && self.tokens[e].cap && self.lower[h + 1] != "of";
        for _ in 0..2 * crate::chunk::MAX_ATTACHMENTS {
            let bracketed = e > h
                && e + 3 < n
                && self.tokens[e].cap
                && self.tok(e + 1) == "("
                && is_acronym(self.tok(e + 2))
                && self.tok(e + 3) == ")";
            // Past the acronym, the phrase goes on over the names joined
            // to it ("in Leeds and the College of Marston").
            let next = if bracketed { e + 4 } else if passed { e + 1 } else { break };
            if !links(next) {
                break;
            }
            // One base phrase at a time, headed by a capitalised word (the
            // tagger may read "College" as a common noun).
            let Some(p) = chunks.base_at(next + 1).filter(|p| p.first == next + 1) else { break };
            if !self.tokens[p.head].cap || p.last - h > 2 * crate::chunk::MAX_PHRASE {
                break;
            }
            let cut = self.before_person_name(h, p.last);
            if cut < p.last {
                break;
            }
            e = p.last;
            passed = true;
        }
        e
    }

    /// The end of a description's post-modifier naming where its members
    /// come from: "researchers from the University of Colorado and the
    /// College of Wooster", "authorities in the United Kingdom", "police
    /// in Baytown". The whole is the fullest description of the source.
    fn post_modifier_end(&self, h: usize) -> usize {
        let n = self.tokens.len();
        let sentence = self.tokens[h].sentence;
        let mut end = h;
        let mut k = h + 1;
        let mut first = true;
        while k + 1 < n && self.tokens[k].sentence == sentence {
            let w = self.lower[k].as_ref();
            let joins = if first {
                matches!(w, "from" | "in" | "at" | "of" | "for")
            } else {
                w == "and"
            };
            if !joins {
                break;
            }
            let mut j = k + 1;
            if j < n && self.lower[j] == "the" {
                j += 1;
            }
            // A capitalised name must follow.
            let start = j;
            while j < n
                && self.tokens[j].sentence == sentence
                && (self.is_cap_word(j)
                    || self.gaz_at[j].is_some()
                    || j > start
                        && matches!(
                            self.lower[j].as_ref(),
                            "of" | "at" | "for"
                        )
                        && j + 1 < n
                        && self.is_cap_word(j + 1))
            {
                j += 1;
            }
            if j == start || j - h > 16 {
                break;
            }
            end = j - 1;
            k = j;
            first = false;
        }
        end
    }

    /// The end of a description's post-modifier, cut before a person's
    /// name in it: "the new head of the port authority Councillor Maria
    /// Lopez", "director of Oxfam International Li Wei" describe the
    /// person named last, who is a mention of their own. A name starts at a known first name, a gazetteer person
    /// or a title. A name right after a preposition is the preposition's
    /// object, inside the post-modifier: "a lawyer for John Smith", "an
    /// aide to President Biden" describe the lawyer and the aide, who
    /// speak, not the person they act for.
    fn before_person_name(&self, h: usize, end: usize) -> usize {
        let mut j = h + 1;
        while j <= end {
            if self.tokens[j].cap
                && matches!(
                    self.lower[j - 1].as_ref(),
                    "for" | "to" | "of" | "from" | "at" | "with"
                )
            {
                // "director of Oxfam International Li Wei": capitals after
                // a known organisation's name run on into a person's.
                if let Some((g_end, _)) = self.gaz_at[j] {
                    if g_end < end && (g_end + 1..=end).all(|k| self.tokens[k].cap) {
                        return g_end;
                    }
                }
                j = self.name_sequence(j).max(j) + 1;
                continue;
            }
            let t = &self.tokens[j];
            // A first name or a title that opens a known place or body is
            // that name's ("China" and "Georgia" are also given names,
            // "Justice" a judge's title: "scientists from China's Tsinghua
            // University", "a spokeswoman for the Justice Department").
            let person = t.cap
                && match self.gaz_at[j] {
                    Some((_, e)) => self.gazetteer.entity(e).kind == EntityType::Person,
                    None => {
                        self.lexicon.first_name(self.tok(j)).is_some()
                            || self.title(j).is_some()
                    }
                };
            if person {
                return self.trim_linking_words(h, j - 1);
            }
            // "Oxfam International Li Wei": capitals after a known
            // organisation's name run on into a person's.
            if let Some((g_end, _)) = self.gaz_at[j] {
                if g_end < end
                    && (g_end + 1..=end).all(|k| self.tokens[k].cap)
                {
                    return g_end;
                }
            }
            j += 1;
        }
        end
    }

    /// `end` moved back past the words that only link ("of", "the").
    fn trim_linking_words(&self, h: usize, mut end: usize) -> usize {
        while end > h
            && (!self.tokens[end].word
                || matches!(
                    self.lower[end].as_ref(),
                    "of" | "for" | "from" | "at" | "in" | "and" | "the" | "a" | "an"
                ))
        {
            end -= 1;
        }
        end
    }

    fn simple(
        &self,
        s: usize,
        e: usize,
        kind: MentionKind,
        speaker_type: SpeakerType,
        gender: Option<Gender>,
        plural: bool,
    ) -> Mention {
        let span =
            Span::new(self.tokens[s].span.start, self.tokens[e].span.end);
        Mention {
            span,
            extent: span,
            first_token: s,
            last_token: e,
            kind,
            speaker_type,
            entity: None,
            gender,
            plural,
            role: None,
            head: (kind == MentionKind::Descriptor)
                .then(|| self.lower[e].to_string()),
            single_word: s == e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Mention, MentionKind};
    use crate::types::{Gender, SpeakerType};
    use crate::Extractor;

    /// The mentions of `text`, with their words.
    fn mentions(text: &str) -> Vec<(String, Mention)> {
        let ex = Extractor::shipped(&[]).expect("shipped data");
        let a = ex.analyze(text);
        let clean = a.normalized.text.clone();
        a.mentions
            .into_iter()
            .map(|m| (m.text(&clean).to_string(), m))
            .collect()
    }

    fn find<'m>(ms: &'m [(String, Mention)], w: &str) -> Option<&'m Mention> {
        ms.iter().find(|(t, _)| t == w).map(|(_, m)| m)
    }

    #[test]
    fn finds_a_name_after_its_title_and_keeps_the_title_as_role() {
        let text = "Foreign Minister Sergey Lavrov met reporters in Paris.";
        let ms = mentions(text);
        let m = find(&ms, "Sergey Lavrov").expect("the name");
        assert_eq!(
            (m.kind, m.speaker_type),
            (MentionKind::Name, SpeakerType::Person)
        );
        let role = m.role.map(|r| &text[r.start..r.end]);
        assert_eq!(role, Some("Foreign Minister"), "{ms:?}");
    }

    #[test]
    fn finds_a_name_not_in_the_gazetteer_next_to_a_cue() {
        let ms = mentions("Maria Lopez said the budget was balanced.");
        let m = find(&ms, "Maria Lopez").expect("the name");
        assert_eq!(m.kind, MentionKind::Name);
        assert_eq!(m.gender, Some(Gender::Female), "first name gender");
    }

    #[test]
    fn a_gendered_role_noun_gives_a_lone_name_its_gender() {
        let ms = mentions("Jane Roe's husband, Paul, died in 2019.");
        let paul = find(&ms, "Paul").expect("Paul");
        assert_eq!(paul.gender, Some(Gender::Male));
    }

    #[test]
    fn finds_a_pronoun_with_its_gender() {
        let ms = mentions("He said the budget was balanced.");
        let m = find(&ms, "He").expect("the pronoun");
        assert_eq!(
            (m.kind, m.gender),
            (MentionKind::Pronoun, Some(Gender::Male))
        );
    }

    #[test]
    fn finds_a_description_of_unnamed_sources_as_a_group() {
        let ms = mentions("US officials said the talks had failed.");
        let m = find(&ms, "US officials").expect("the description");
        assert_eq!(m.kind, MentionKind::Descriptor);
        assert_eq!(m.speaker_type, SpeakerType::Group);
        assert!(m.plural);
    }

    #[test]
    fn a_first_name_ending_like_an_agent_noun_opens_the_name() {
        // "-er" names ("Christopher", "Jennifer") are first names, not a
        // title like "Astronomer" before a name.
        let ms = mentions("Jennifer Okafor-Lindqvist said the road was shut.");
        let m = find(&ms, "Jennifer Okafor-Lindqvist").expect("the name");
        assert!(m.role.is_none(), "{ms:?}");
        let ms = mentions("Astronomer Okafor-Lindqvist said the sky was clear.");
        let m = find(&ms, "Okafor-Lindqvist").expect("the name");
        assert!(m.role.is_some(), "{ms:?}");
    }

    #[test]
    fn a_country_of_the_united_kingdom_is_one_place() {
        let ms = mentions("Northern Ireland said the rules would change.");
        let m = find(&ms, "Northern Ireland").expect("the place");
        assert_eq!(m.speaker_type, SpeakerType::Organization);
        assert!(find(&ms, "Ireland").is_none(), "{ms:?}");
        // A country before an office and a person's name is no part of
        // the name.
        let ms = mentions("Wales Chief Forester Mary Pryce said no.");
        assert!(find(&ms, "Mary Pryce").is_some(), "{ms:?}");
        // A country premodifying an institution names it.
        let ms = mentions("The US State Department said no.");
        let m = find(&ms, "US State Department").expect("the institution");
        assert_eq!(m.speaker_type, SpeakerType::Organization);
    }

    #[test]
    fn a_premodified_title_before_a_name_is_the_role_and_the_name_speaks() {
        // Huddleston & Pullum 2002, ch. 5: the premodifiers of a title
        // before a proper name modify the title.
        for (text, role) in [
            ("\"The blaze was arson,\" retired county fire chief Jane Roe said.", "retired county fire chief"),
            ("Former state senator Jane Roe said the bill would pass.", "Former state senator"),
            ("The bill will pass, said former state senator Jane Roe.", "former state senator"),
        ] {
            let ms = mentions(text);
            let m = find(&ms, "Jane Roe").expect("the name");
            assert_eq!(m.role.map(|r| &text[r.start..r.end]), Some(role), "{text}");
        }
        // A verb before the title is no premodifier, nor an inverted
        // reporting verb.
        for text in [
            "The council hired fire chief Jane Roe, it said.",
            "\"The blaze was arson,\" added fire chief Jane Roe.",
        ] {
            let ms = mentions(text);
            let m = find(&ms, "Jane Roe").expect("the name");
            assert_eq!(m.role.map(|r| &text[r.start..r.end]), Some("fire chief"), "{ms:?}");
        }
    }

    #[test]
    fn dont_take_a_capitalised_day_or_month_for_a_name() {
        let ms = mentions("Monday was quiet. March came and went.");
        assert!(find(&ms, "Monday").is_none(), "{ms:?}");
        assert!(find(&ms, "March").is_none(), "{ms:?}");
    }

    #[test]
    fn dont_take_a_sentence_opening_function_word_for_a_name() {
        let ms = mentions("However, the talks failed. The minister left.");
        assert!(find(&ms, "However").is_none(), "{ms:?}");
        assert!(find(&ms, "The").is_none(), "{ms:?}");
    }
}
