//! Salience of the mentions of a document, for pronoun resolution.
//!
//! Input: the mentions, tokens and tags of a document, and which mentions
//! speak. Output: for
//! a mention, its grammatical role ([`GramRole`], [`role_of`]) and the
//! salience weight that role carries. Place in the pipeline: read by the
//! resolve stage, for the mentions of a pronoun's window, as it resolves
//! the pronoun.
//!
//! The recipe is Lappin and Leass (1994, "An algorithm for pronominal
//! anaphora resolution", Computational Linguistics 20(4)): each mention of
//! a discourse referent adds weights for sentence recency (100), subject
//! (80), direct object (50), oblique (40) and head-noun (80) and
//! non-adverbial (50) emphasis; a referent's salience is the sum over its
//! mentions, halved for each sentence back. A subject in the paragraph
//! outweighs an object met in the same sentence, and a person mentioned
//! over and over (the paragraph's topic) outweighs a passing mention. The
//! grammatical role is read off the tags around the mention (no parser):
//! the speaker of a reporting verb is a subject; a mention before a finite
//! verb is a subject, after a verb an object, after a preposition an
//! oblique.

use crate::mentions::Mention;
use crate::tagger::{PosTag, Xpos};
use crate::tokens::Token;

/// The grammatical role of a mention, as far as the tags tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GramRole {
    /// Before its verb, or the speaker of a cue.
    Subject,
    /// Right after a verb.
    Object,
    /// After a preposition.
    Oblique,
    /// A possessor ("Smith's"): embedded in another noun phrase.
    Embedded,
    /// Anything else (a list, an apposition, a headline).
    Other,
}

/// Lappin and Leass's weight of a mention in `role`, before recency
/// decay: recency 100, plus the role's emphasis, plus head-noun 80 (not
/// inside another phrase) and non-adverbial 50 (not inside a
/// prepositional phrase).
pub fn weight(role: GramRole) -> f32 {
    const RECENCY: f32 = 100.0;
    const HEAD: f32 = 80.0;
    const NON_ADVERBIAL: f32 = 50.0;
    match role {
        GramRole::Subject => RECENCY + 80.0 + HEAD + NON_ADVERBIAL,
        GramRole::Object => RECENCY + 50.0 + HEAD + NON_ADVERBIAL,
        GramRole::Oblique => RECENCY + 40.0 + HEAD,
        GramRole::Embedded => RECENCY,
        GramRole::Other => RECENCY + HEAD + NON_ADVERBIAL,
    }
}

/// The tag of a token; in a sentence the tagger skipped (one without a
/// cue), a guess from the lexicon's closed classes: a preposition, an
/// auxiliary or a common verb form, a regular past ("-ed"), a comma or
/// the possessive ending.
fn guess(text: &str, t: &Token) -> Option<Xpos> {
    use crate::lexicon::{is, Class};
    let w = t.text(text);
    if !t.word {
        return match w {
            "," => Some(Xpos::Comma),
            "'s" | "\u{2019}s" => Some(Xpos::Pos),
            _ => None,
        };
    }
    if t.cap {
        return None;
    }
    // Mostly lower case already: no copy then.
    let lower = if w.bytes().all(|b| b.is_ascii_lowercase()) {
        std::borrow::Cow::Borrowed(w)
    } else {
        std::borrow::Cow::Owned(w.to_lowercase())
    };
    let lower = lower.as_ref();
    if is(Class::Prepositions, lower) {
        Some(Xpos::In)
    } else if is(Class::Auxiliaries, lower)
        || is(Class::IrregularVerbs, lower)
        || is(Class::CommonVerbs, lower)
        || lower.len() > 4 && lower.ends_with("ed")
    {
        Some(Xpos::Vbd)
    } else if lower.ends_with("ly") {
        Some(Xpos::Rb)
    } else {
        None
    }
}

/// The grammatical role of mention `m` by the tags around it (the tags
/// guessed in an untagged sentence).
pub(crate) fn role_of(
    m: &Mention,
    text: &str,
    tokens: &[Token],
    tags: &[PosTag],
) -> GramRole {
    let xpos = |i: usize| match tags.get(i).map(|t| t.xpos) {
        Some(Xpos::Xx) | None => tokens.get(i).and_then(|t| guess(text, t)),
        x => x,
    };
    let sentence = tokens.get(m.first_token).map(|t| t.sentence);
    let same = |i: usize| tokens.get(i).map(|t| t.sentence) == sentence;
    let after = m.last_token + 1;
    if same(after) && matches!(xpos(after), Some(Xpos::Pos)) {
        return GramRole::Embedded;
    }
    // Past an appositive between commas ("Smith, the club's captain,
    // scored") and adverbs, a finite verb makes the mention its subject.
    let mut k = after;
    if same(k) && matches!(xpos(k), Some(Xpos::Comma)) {
        let mut c = k + 1;
        while c < k + 20 && same(c) && !matches!(xpos(c), Some(Xpos::Comma)) {
            c += 1;
        }
        if same(c) && matches!(xpos(c), Some(Xpos::Comma)) {
            k = c + 1;
        }
    }
    while same(k) && xpos(k).is_some_and(Xpos::is_adverb) {
        k += 1;
    }
    if same(k) && xpos(k).is_some_and(Xpos::is_finite_verb) {
        return GramRole::Subject;
    }
    let before = m.first_token.checked_sub(1).filter(|&b| same(b));
    match before.and_then(xpos) {
        Some(x) if x.is_verb() => GramRole::Object,
        Some(Xpos::In | Xpos::To) => GramRole::Oblique,
        _ => GramRole::Other,
    }
}
