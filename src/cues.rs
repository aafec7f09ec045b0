//! Stage 6 of the pipeline: cues.
//!
//! Input: the tokens of a document and the cue lexicon (`data/cues.tsv`).
//! Output: every [`CueMatch`] outside quotes: a reporting verb ("said",
//! "told", "insisted", "saying") or phrase ("according to") used as a
//! report of speech. Uses that report nothing are dropped here, so the
//! rules never build a claim on them: negated or infinitive verbs ("did
//! not say", "declined to comment"), passives with no source ("is said to
//! be"), nouns ("the report", "his claims"), questions and conditionals.

use crate::tagger::{PosTag, Xpos};
use crate::lexicon::{Cue, Lexicon};
use crate::tokens::Token;
use crate::types::Span;

/// One cue in the text.
#[derive(Debug, Clone)]
pub struct CueMatch<'l> {
    /// The cue as written.
    pub span: Span,
    /// First token of the cue.
    pub first_token: usize,
    /// Last token of the cue ("to" in "according to").
    pub last_token: usize,
    /// What the lexicon says of it.
    pub info: &'l Cue,
    /// A present participle ("saying", "insisting"): its subject is the
    /// sentence's speaker, not a word next to it.
    pub participle: bool,
    /// "according to X".
    pub according_to: bool,
    /// A passive with its agent: "it was confirmed by the ministry that".
    pub by_agent: bool,
}

/// What the cue lexicon says of one token, looked up once per document
/// (the tagger's choice of sentences and [`find_cues`] both read it; each
/// lookup hashes the word).
#[derive(Debug, Clone, Copy, Default)]
pub struct WordCue<'l> {
    /// The single-word cue the token is, case-insensitively.
    pub cue: Option<&'l Cue>,
    /// The multi-word cue written out in full from the token on ("according
    /// to"): its last token and its cue.
    pub phrase: Option<(usize, &'l Cue)>,
}

/// [`WordCue`] of each token: looked up for the words outside quotes
/// (the only tokens a cue can start at), the default for the others.
/// `words[i]` is what the lexicon says of `lowered[i]`
/// ([`Lexicon::word`], looked up once a document for this stage and the
/// mention stage): its single-word cue is read from there, not hashed
/// again.
pub fn word_cues<'l>(
    tokens: &[Token],
    lowered: &[std::borrow::Cow<'_, str>],
    words: &[crate::lexicon::WordInfo<'l>],
    lexicon: &'l Lexicon,
) -> Vec<WordCue<'l>> {
    let starts = PhraseStarts::new(lexicon);
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if !t.word || t.in_quote {
                return WordCue::default();
            }
            WordCue {
                cue: words[i].cue,
                phrase: if starts.may_start(&lowered[i]) {
                    phrase_at(tokens, lowered, lexicon, i)
                } else {
                    None
                },
            }
        })
        .collect()
}

/// The first bytes and lengths of the first words of the multi-word
/// cues: a word that matches none starts no phrase, and is not hashed
/// to look (callgrind: the phrase look-up of every word outside quotes
/// was most of this stage's instructions, and a few dozen phrases start
/// with a handful of words).
struct PhraseStarts {
    /// By first byte, a bit for each length of a first word (lengths of
    /// 63 bytes and more share bit 63).
    lengths_by_first_byte: [u64; 256],
    /// A phrase has an empty first word: every word may start one.
    any: bool,
}

impl PhraseStarts {
    fn new(lexicon: &Lexicon) -> PhraseStarts {
        let mut starts = PhraseStarts { lengths_by_first_byte: [0; 256], any: false };
        for (phrase, _) in &lexicon.cue_phrases {
            // The same first word `Lexicon::cue_phrases_from` is keyed by.
            let first = phrase.split(' ').next().unwrap_or("");
            match first.as_bytes().first() {
                Some(&b) => {
                    starts.lengths_by_first_byte[usize::from(b)] |= Self::bit(first.len());
                }
                None => starts.any = true,
            }
        }
        starts
    }

    fn bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    /// Whether a multi-word cue may start with the lower-case word `lower`.
    fn may_start(&self, lower: &str) -> bool {
        match lower.as_bytes().first() {
            Some(&b) => {
                self.any || self.lengths_by_first_byte[usize::from(b)] & Self::bit(lower.len()) != 0
            }
            None => true,
        }
    }
}

/// The longest multi-word cue written from token `i` on, outside
/// quotes: its last token and its cue.
fn phrase_at<'l>(
    tokens: &[Token],
    lowered: &[std::borrow::Cow<'_, str>],
    lexicon: &'l Lexicon,
    i: usize,
) -> Option<(usize, &'l Cue)> {
    for (phrase, cue) in lexicon.cue_phrases_from(&lowered[i]) {
        let mut j = i;
        let mut ok = true;
        // `phrase.split(' ')` cut by hand: the words are short, and the
        // char searcher's set-up cost more than they.
        let mut rest = Some(phrase);
        let mut k = 0;
        while let Some(r) = rest {
            let (part, next) = match r.bytes().position(|b| b == b' ') {
                Some(p) => (&r[..p], Some(&r[p + 1..])),
                None => (r, None),
            };
            rest = next;
            j = i + k;
            k += 1;
            if j >= tokens.len() || tokens[j].in_quote || lowered[j] != part {
                ok = false;
                break;
            }
        }
        if ok {
            return Some((j, cue));
        }
    }
    None
}

/// Finds the cues of one document into `out`; `word_cues` is
/// [`word_cues`] of the tokens.
#[allow(clippy::too_many_arguments)]
pub fn find_cues<'l>(
    text: &str,
    tokens: &[Token],
    lowered: &[std::borrow::Cow<'_, str>],
    lexicon: &'l Lexicon,
    word_cues: &[WordCue<'l>],
    question_sentences: &[bool],
    tags: &[PosTag],
    out: &mut Vec<CueMatch<'l>>,
) {
    out.clear();
    debug_assert_eq!(word_cues.len(), tokens.len());
    let lower = |i: usize| -> &str { lowered[i].as_ref() };
    for (i, t) in tokens.iter().enumerate() {
        if !t.word || t.in_quote {
            continue;
        }
        if question_sentences
            .get(t.sentence as usize)
            .copied()
            .unwrap_or(false)
        {
            continue;
        }
        let word = t.text(text);
        // Multi-word phrases first ("according to").
        let matched = word_cues[i].phrase.map(|(j, cue)| (j, cue, true));
        let (last, info, phrase) = match matched {
            Some(m) => m,
            None => match word_cues[i].cue {
                Some(cue) => (i, cue, false),
                None => continue,
            },
        };
        if !phrase && !is_reporting_use(text, tokens, i, &lower, tags) {
            continue;
        }
        // "grew faster than expected", "as predicted, prices fell": a
        // participle after "than" or "as" is an elliptical comparative or
        // comment clause of the writer's, with no speaker (Quirk et al.
        // 1985, §15.54 on verbless and participle comparative clauses).
        if !phrase
            && i > 0
            && tokens[i - 1].sentence == t.sentence
            && matches!(lower(i - 1), "than" | "as")
            && tags.get(i).is_some_and(|x| x.xpos == Xpos::Vbn || x.xpos == Xpos::Vbd)
            // "as reported by the BBC" names its source.
            && !(i + 1 < tokens.len() && lower(i + 1) == "by")
        {
            continue;
        }
        // "the chief executive wrote that": the past of an irregular verb
        // ("wrote", "told", "said", "thought") is a verb form only, never
        // a noun or an adjective (Quirk et al. 1985, §3.14: irregular
        // verbs), whatever the tagger reads; the forms that can be are
        // the base, the -s form, and the -ing, -ed and -en participles.
        // A few are nouns too ("had one thought", "a second thought"):
        // right after a determiner, a possessive or a number the word
        // heads a noun phrase (Quirk et al. 1985, ch. 17). Not after an
        // adjective: "the chief executive wrote" is often read so.
        let low = lowered[i].as_ref();
        let after_noun_phrase_opener =
            i.checked_sub(1).and_then(|p| tags.get(p)).is_some_and(|p| {
                matches!(p.xpos, Xpos::Dt | Xpos::PrpPossessive | Xpos::Pos | Xpos::Cd)
            });
        let irregular_past = low != info.lemma
            && !after_noun_phrase_opener
            && !["s", "ing", "ed", "en", "n"].iter().any(|e| low.ends_with(e));
        if !phrase
            && !irregular_past
            && tagged_noun_or_adjective(
                tags,
                i,
                lowered[i] == info.lemma,
                i >= 2 && matches!(lower(i - 2), "a" | "an"),
            )
        {
            continue;
        }
        // "the officials' report suggested", "other reports suggest": a
        // noun that is a cue form, right before a cue, is its subject.
        if !phrase
            && crate::lexicon::is(
                crate::lexicon::Class::NounVerbForms,
                lowered[i].as_ref(),
            )
            && tokens.get(i + 1).is_some_and(|n| {
                n.word
                    && n.sentence == t.sentence
                    && if n.in_quote {
                        lexicon.cue(n.text(text)).is_some()
                    } else {
                        word_cues[i + 1].cue.is_some()
                    }
            })
        {
            continue;
        }
        // A participle after a noun is a noun ("the daily coronavirus
        // briefing"); as a verb it follows a comma, a conjunction, an
        // auxiliary, a name or an adverb ("..., saying", "and warning").
        if !phrase
            && word.ends_with("ing")
            && i > 0
            && crate::lexicon::is(
                crate::lexicon::Class::NounLikeParticiples,
                lower(i),
            )
        {
            let p = &tokens[i - 1];
            let pw = lower(i - 1);
            let verb_like = !p.word
                || p.cap
                || p.sentence != t.sentence
                || pw.ends_with("ly")
                || crate::lexicon::is(
                    crate::lexicon::Class::ParticipleLeads,
                    pw,
                );
            if !verb_like {
                continue;
            }
        }
        // A capitalised cue inside a sentence is a name ("State
        // Department", "Said Business School") unless the line is a
        // title-case headline ("US Says Russian Airstrikes ...").
        let sentence_initial = i == 0 || tokens[i - 1].sentence != t.sentence;
        if t.cap && !sentence_initial && !title_case_sentence(text, tokens, i)
        {
            continue;
        }
        out.push(CueMatch {
            span: Span::new(t.span.start, tokens[last].span.end),
            first_token: i,
            last_token: last,
            info,
            participle: !phrase && word.ends_with("ing"),
            according_to: phrase
                && crate::lexicon::is(
                    crate::lexicon::Class::SourceAdjuncts,
                    &info.lemma,
                ),
            by_agent: !phrase && passive_with_agent(text, tokens, i, &lower),
        });
    }
}

/// Whether the tagger reads the cue word at token `i` as a noun or an
/// adjective and its neighbours agree: a noun after a determiner, a
/// possessive, a number or a preposition ("in states that lean
/// Republican", "his claims", "two reports"), an adjective before a noun
/// ("the alleged victim"), or a noun right before a finite verb, its
/// subject ("saying demand had collapsed"). The tag alone is not trusted: the tagger reads
/// "Trump claims he would" as NNS as often as VBZ, but a verb never
/// follows a determiner or a preposition (Quirk et al. 1985, §2.37: the
/// noun phrase's determiner slot).
fn tagged_noun_or_adjective(
    tags: &[PosTag],
    i: usize,
    base_form: bool,
    after_indefinite_noun: bool,
) -> bool {
    let Some(tag) = tags.get(i) else { return false };
    let x = tag.xpos;
    if x.is_noun() {
        // "saying demand had collapsed", "reports suggest": a noun right
        // before a finite verb is that verb's subject. "Police say
        // suspect fled": a participle right after it too (the subject of
        // a past the tagger reads VBN, or the head of a reduced relative,
        // "the report released Monday"): a verb takes no participle as
        // its object (Quirk et al. 1985, §16.52 on verb complementation).
        let subject = tags.get(i + 1).is_some_and(|n| {
            n.xpos.is_finite_verb() || x == Xpos::Nn && n.xpos == Xpos::Vbn
        });
        // An adjective before it premodifies a noun ("a national state
        // of emergency"); a verb takes no attributive adjective (Quirk et
        // al. 1985, ch. 7: attributive adjectives premodify nouns).
        // "text messages", "a report card": a singular noun right
        // before a noun premodifies it (Quirk et al. 1985, ch. 17: noun
        // premodifiers); the base form of a verb has a subject before it
        // ("they text", "I report"), never a bare noun object after it.
        // Only the base form is both noun and verb: "told reporters" read
        // NN is the tagger's slip.
        let premodifier = x == Xpos::Nn
            && base_form
            && tags.get(i + 1).is_some_and(|n| n.xpos.is_noun());
        // "in a phone call", "an hour-long phone call": the base form
        // read as a noun after a singular noun that follows the
        // indefinite article heads a compound (Quirk et al. 1985, ch. 17:
        // noun premodifiers): "a" goes with a singular count noun (ch.
        // 5), whose verb would need the -s form. Not after "the": "the
        // police say" has a plural collective subject.
        let compound_head = x == Xpos::Nn
            && base_form
            && after_indefinite_noun
            && tags[i - 1].xpos == Xpos::Nn;
        return subject
            || premodifier
            || compound_head
            || i.checked_sub(1).and_then(|p| tags.get(p)).is_some_and(|p| {
                matches!(
                    p.xpos,
                    Xpos::Dt | Xpos::PrpPossessive | Xpos::Pos | Xpos::Cd | Xpos::In
                ) || p.xpos.is_adjective()
            });
    }
    // "337 suspected users", "the current expected date", "of reported
    // magnitude 4.9": a participle between a determiner, number,
    // adjective or preposition and a noun is attributive, an adjective
    // in use (Quirk et al. 1985, ch. 7: participial adjectives).
    let attributive_participle = x == Xpos::Vbn
        && i.checked_sub(1).and_then(|p| tags.get(p)).is_some_and(|p| {
            matches!(p.xpos, Xpos::Dt | Xpos::Cd | Xpos::In | Xpos::PrpPossessive)
                || p.xpos.is_adjective()
        })
        && tags.get(i + 1).is_some_and(|n| n.xpos.is_noun());
    attributive_participle
        || x.is_adjective()
            && tags.get(i + 1).is_some_and(|n| n.xpos.is_noun() || n.xpos.is_adjective())
}

/// Whether most words of token `i`'s sentence are capitalised.
fn title_case_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let s = tokens[i].sentence;
    let (mut words, mut caps) = (0, 0);
    // A window of the sentence around the cue is enough to see the
    // headline's title case, and keeps this constant time.
    let mut j = i;
    while j > 0 && tokens[j - 1].sentence == s && i - j < 20 {
        j -= 1;
    }
    while j < tokens.len() && tokens[j].sentence == s && words < 40 {
        if tokens[j].word && tokens[j].text(text).len() > 3 {
            words += 1;
            caps += tokens[j].cap as usize;
        }
        j += 1;
    }
    words > 0 && caps * 10 >= words * 7
}

/// Whether the verb at token `i` reports speech rather than being negated,
/// an infinitive, a passive without a source, or a noun.
fn is_reporting_use<'w>(
    text: &str,
    tokens: &[Token],
    i: usize,
    lower: &impl Fn(usize) -> &'w str,
    tags: &[PosTag],
) -> bool {
    let sentence = tokens[i].sentence;
    let prev = |k: usize| -> Option<&'w str> {
        let j = i.checked_sub(k)?;
        (tokens[j].sentence == sentence && tokens[j].word
            || tokens[j].text(text).ends_with('s'))
        .then(|| lower(j))
    };
    let p1 = prev(1);
    if let Some(p) = p1 {
        // "to say", "declined to comment": not a report; but "went on
        // to say" reports.
        if p == "to" {
            let went_on = prev(2) == Some("on")
                && matches!(
                    prev(3),
                    Some("went" | "goes" | "go" | "going" | "gone")
                );
            if !went_on {
                return false;
            }
        }
        if crate::lexicon::is(
            crate::lexicon::Class::NounDeterminers,
            p,
        ) {
            return false;
        }
        // "the officials' report": after a possessive mark, a noun.
        if matches!(p, "'" | "\u{2019}" | "'s" | "\u{2019}s")
            && crate::lexicon::is(
                crate::lexicon::Class::NounVerbForms,
                lower(i),
            )
        {
            return false;
        }
        // "a Facebook post", "the initial reports": a noun after a
        // modifier after a determiner.
        let word = lower(i);
        // "The lawsuit claims the rule is illegal", "the engineers
        // estimate": the tagger reads a tensed verb after a noun, the
        // determiner's noun being its subject (subject-verb order, Quirk
        // et al. 1985, ch. 10).
        let verb_after_noun = tags.get(i).is_some_and(|t| t.xpos.is_finite_verb())
            && i.checked_sub(1)
                .and_then(|p| tags.get(p))
                .is_some_and(|t| t.xpos.is_noun());
        if !verb_after_noun
            && crate::lexicon::is(
            crate::lexicon::Class::NounVerbForms,
            word,
        ) && prev(2).is_some_and(|p2| {
            crate::lexicon::is(
                crate::lexicon::Class::NounDeterminers,
                p2,
            )
        }) {
            return false;
        }
        // "is said to", "was told": a passive with no speaker named
        // ("was confirmed by the ministry" names one).
        if crate::lexicon::is(crate::lexicon::Class::BeForms, p)
            && !word.ends_with("ing")
            && !passive_with_agent(text, tokens, i, lower)
        {
            return false;
        }
    }
    for k in 1..=3 {
        match prev(k) {
            Some(p)
                if crate::lexicon::is(
                    crate::lexicon::Class::Negations,
                    p,
                ) =>
            {
                return false
            }
            Some(p)
                if k <= 3
                    && crate::lexicon::is(
                        crate::lexicon::Class::Conditionals,
                        p,
                    ) =>
            {
                return false
            }
            _ => {}
        }
    }
    // "as reported by": a passive without "be" is a reduced relative or
    // an aside, whose agent `frame/by-agent` does not take; the agent
    // must not look like a subject either.
    if let Some(next) = tokens.get(i + 1) {
        // "estimated by 9 pm, there would be ...", "predicted by
        // Friday the river would crest": "by" before a time is a
        // preposition of time, no agent (Quirk et al. 1985, §9.39: "by"
        // of the time by which something happens).
        let time_after = tokens.get(i + 2).is_some_and(|t| {
            let w = lower(i + 2);
            t.sentence == sentence
                && (w.starts_with(|c: char| c.is_ascii_digit())
                    || crate::lexicon::is(crate::lexicon::Class::Days, w)
                    || crate::lexicon::is_calendar_word(w))
        });
        if next.sentence == sentence
            && next.text(text) == "by"
            && !time_after
            && !passive_with_agent(text, tokens, i, lower)
        {
            return false;
        }
    }
    true
}

/// "was confirmed by", "has been announced by", "were told by": a form of
/// "be" right before the participle at `i` and "by" right after it, the
/// agent of the passive being its speaker (Quirk et al. 1985, §3.63: the
/// by-phrase of a passive names the agent).
fn passive_with_agent<'w>(
    text: &str,
    tokens: &[Token],
    i: usize,
    lower: &impl Fn(usize) -> &'w str,
) -> bool {
    let sentence = tokens[i].sentence;
    let by = tokens.get(i + 1).is_some_and(|n| {
        n.sentence == sentence && n.text(text).eq_ignore_ascii_case("by")
    });
    let be = i.checked_sub(1).is_some_and(|p| {
        tokens[p].sentence == sentence
            && crate::lexicon::is(
                crate::lexicon::Class::BeForms,
                lower(p),
            )
    });
    by && be
}

/// Sentences that are questions outside quotes: their cues report nothing.
pub fn question_sentences(
    text: &str,
    segments: &crate::segment::Segments,
    tokens: &[Token],
) -> Vec<bool> {
    let mut out = vec![false; segments.sentences.len()];
    for (i, s) in segments.sentences.iter().enumerate() {
        let body = text[s.start..s.end].trim_end();
        if body.ends_with('?') {
            // The question mark must not close a quote.
            let last = tokens.partition_point(|t| t.span.end <= s.end);
            let q = last
                .checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_some_and(|t| !t.in_quote && t.text(text) == "?");
            out[i] = q;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::PhraseStarts;
    use crate::lexicon::Lexicon;

    #[test]
    fn every_phrase_may_start_at_its_first_word_and_few_other_words_do() {
        let lexicon = Lexicon::shipped().expect("shipped lexicon");
        let starts = PhraseStarts::new(&lexicon);
        assert!(!lexicon.cue_phrases.is_empty());
        for (phrase, _) in &lexicon.cue_phrases {
            let first = phrase.split(' ').next().unwrap();
            assert!(starts.may_start(first), "{phrase}");
            assert!(lexicon.cue_phrases_from(first).next().is_some());
        }
        assert!(!starts.may_start("the"));
        assert!(!starts.may_start("minister"));
    }
}
