//! Noun-phrase chunks, from the part-of-speech tags.
//!
//! Input: a document's [`Token`]s, their tags from [`crate::tagger`] and
//! their lower-case forms. Output: [`Chunks`]: the base noun phrases of
//! the text (no phrase inside another, none across a sentence), and the
//! fuller phrases built from them on demand for a speaker: "a spokeswoman
//! for the department", "scientists from China's Tsinghua University and
//! the Chinese Academy of Sciences". Place in the pipeline: after `tag`,
//! before `mentions`, whose descriptions of unnamed sources take their
//! boundaries from here, and the rules, whose speaker phrases do.
//!
//! A base phrase is the classic non-recursive noun phrase of Ramshaw and
//! Marcus (1995, "Text chunking using transformation-based learning"):
//! determiners and quantifiers, premodifiers (adjectives, numbers,
//! participles, nouns, names) and a nominal head, read off the tags with
//! a small finite-state grammar in the manner of Abney (1991, "Parsing by
//! chunks"). One departure: a possessive joins its possessor to the
//! phrase it determines ("Russia's foreign minister" is one phrase whose
//! head is "minister"), as a speaker description needs, where CoNLL-2000
//! chunks cut after "'s".
//!
//! A fuller phrase joins base phrases by the post-modifiers that say
//! where a source belongs ("of", "for", "from", "at", "in": Quirk et al.
//! 1985, §17.37, prepositional post-modification) and by coordination
//! ("and", "&"). Both are bounded ([`MAX_ATTACHMENTS`], [`MAX_PHRASE`]), so
//! a chunk costs constant time whatever the text.

use crate::tagger::{PosTag, Xpos};
use crate::tokens::Token;

/// How many post-modifiers or conjuncts a fuller phrase joins at most.
pub const MAX_ATTACHMENTS: usize = 4;

/// How many tokens a fuller phrase spans at most.
pub const MAX_PHRASE: usize = 24;

/// What the tag and chunk stages give the stages after them.
#[derive(Debug, Clone, Copy)]
pub struct Grammar<'a> {
    /// One tag per token.
    pub tags: &'a [PosTag],
    /// The noun-phrase chunks of the tokens.
    pub chunks: &'a Chunks,
}

/// A noun phrase: token indices, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// Its first token.
    pub first: usize,
    /// Its head: the last nominal of its first base phrase.
    pub head: usize,
    /// Its last token.
    pub last: usize,
}

/// What a token can do between two base phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Nothing: a fuller phrase stops here.
    None,
    /// A preposition that post-modifies a source: "of", "for", "from",
    /// "at", "in", "with" and "on" of membership ("an official with the
    /// State Department", American usage; "Republicans on the committee",
    /// not before a time: "officials on Monday"), and "to" of a relation ("aides to
    /// the governor", "an adviser to the president", "the ambassador to
    /// Russia").
    Attach,
    /// A coordinator: "and", "&".
    And,
}

const NO_CHUNK: u32 = u32::MAX;

/// The base phrases of a text and the links between them.
#[derive(Debug, Clone, Default)]
pub struct Chunks {
    chunks: Vec<Chunk>,
    /// For each token, the index of the base phrase holding it.
    of_token: Vec<u32>,
    /// For the token after each base phrase, how it links the phrase to
    /// the next ([`Link::None`] elsewhere).
    links: Vec<Link>,
    /// For each base phrase's head, whether it is a proper noun (false
    /// elsewhere): conjuncts are alike
    /// ("police and county officials", "the United Kingdom and the United
    /// States"), so "these videos and NPR" is no one phrase.
    proper: Vec<bool>,
}

/// Determiners, quantifiers and possessive pronouns: they open a phrase.
fn opens(x: Xpos) -> bool {
    matches!(x, Xpos::Dt | Xpos::Pdt | Xpos::PrpPossessive | Xpos::WpPossessive)
}

/// Words that may stand before the head of a phrase.
fn premodifies(x: Xpos) -> bool {
    x.is_adjective()
        || x.is_noun()
        || matches!(x, Xpos::Cd | Xpos::Vbn | Xpos::Vbg | Xpos::Hyph)
}

/// Words that may head a phrase.
fn heads(x: Xpos) -> bool {
    x.is_noun() || matches!(x, Xpos::Cd | Xpos::Prp)
}

impl Chunks {
    /// Chunks a document: `tags[i]` and `lower[i]` belong to `tokens[i]`.
    pub fn new<S: AsRef<str>>(
        tokens: &[Token],
        tags: &[PosTag],
        lower: &[S],
    ) -> Chunks {
        debug_assert_eq!(tokens.len(), tags.len());
        let n = tokens.len().min(tags.len()).min(lower.len());
        // `links` and `proper` are read only after a base phrase's last
        // token and at its head ([`Chunks::phrase_starting_at`]): only
        // those are filled.
        let mut chunks = Chunks {
            chunks: Vec::new(),
            of_token: vec![NO_CHUNK; n],
            links: vec![Link::None; n],
            proper: vec![false; n],
        };
        let mut i = 0;
        while i < n {
            match base_phrase(tokens, tags, lower, i, n) {
                Some(c) => {
                    let id = chunks.chunks.len() as u32;
                    chunks.of_token[c.first..=c.last].fill(id);
                    chunks.proper[c.head] = tags[c.head].xpos.is_proper_noun();
                    // "Republicans on the committee" post-modifies, but
                    // "officials on Monday said" is the verb's time
                    // adjunct, between subject and verb.
                    if c.first >= 1
                        && chunks.links[c.first - 1] == Link::Attach
                        && lower[c.first - 1].as_ref() == "on"
                        && crate::lexicon::is_time_word(lower[c.head].as_ref())
                    {
                        chunks.links[c.first - 1] = Link::None;
                    }
                    if c.last + 1 < n {
                        chunks.links[c.last + 1] = link_of(lower[c.last + 1].as_ref());
                    }
                    chunks.chunks.push(c);
                    i = c.last + 1;
                }
                None => i += 1,
            }
        }
        chunks
    }

    /// Every base phrase, in text order.
    pub fn base_phrases(&self) -> &[Chunk] {
        &self.chunks
    }

    /// The base phrase holding token `i`.
    pub fn base_at(&self, i: usize) -> Option<Chunk> {
        let id = *self.of_token.get(i)?;
        (id != NO_CHUNK).then(|| self.chunks[id as usize])
    }

    /// The fullest phrase whose first token is `start`, built rightwards
    /// from the base phrase starting there: "the veteran senator from Ohio",
    /// "Jones and Smith". `None` when no base phrase starts at `start`.
    pub fn phrase_starting_at(&self, start: usize) -> Option<Chunk> {
        let first = self.base_at(start).filter(|c| c.first == start)?;
        let mut phrase = first;
        let mut joined = 0;
        while joined < MAX_ATTACHMENTS && phrase.last + 2 < self.links.len() {
            let link = self.links[phrase.last + 1];
            let Some(after) = self.base_at(phrase.last + 2) else { break };
            if after.first != phrase.last + 2
                || link == Link::None
                || link == Link::And && self.proper[self.base_at(phrase.last).map_or(phrase.head, |c| c.head)] != self.proper[after.head]
                || after.last + 1 - start > MAX_PHRASE
            {
                break;
            }
            phrase.last = after.last;
            joined += 1;
        }
        Some(phrase)
    }
}

fn link_of(lower: &str) -> Link {
    match lower {
        "of" | "for" | "from" | "at" | "in" | "to" | "with" | "on" => Link::Attach,
        "and" | "&" => Link::And,
        _ => Link::None,
    }
}

/// The base phrase that starts at token `i`, if one does.
fn base_phrase<S: AsRef<str>>(
    tokens: &[Token],
    tags: &[PosTag],
    lower: &[S],
    i: usize,
    n: usize,
) -> Option<Chunk> {
    let sentence = tokens[i].sentence;
    let same = |k: usize| {
        // A phrase stays in its sentence and on its side of a quote mark.
        k < n
            && tokens[k].sentence == sentence
            && tokens[k].in_quote == tokens[i].in_quote
    };
    let x = tags[i].xpos;
    // A personal pronoun is a phrase of its own ("he", "they").
    if x == Xpos::Prp {
        return Some(Chunk { first: i, head: i, last: i });
    }
    // A gerund does not open a phrase: "Citing defence sources" is a
    // participial clause, "the ruling party" has its determiner first.
    if !(opens(x) || premodifies(x)) || matches!(x, Xpos::Hyph | Xpos::Vbg) {
        return None;
    }
    let mut k = i;
    let mut head = None;
    let mut last_word;
    loop {
        let t = tags[k].xpos;
        if heads(t) {
            head = Some(k);
        }
        last_word = k;
        let next = k + 1;
        if !same(next) {
            break;
        }
        let nx = tags[next].xpos;
        let after_possessive = tags[k].xpos == Xpos::Pos;
        if nx == Xpos::Pos && head == Some(k) {
            // "Russia 's": the possessor determines what follows.
            k = next;
            continue;
        }
        if after_possessive && (opens(nx) || premodifies(nx)) && nx != Xpos::Hyph {
            k = next;
            continue;
        }
        if after_possessive {
            // A possessive with nothing after it ("the minister's."): the
            // phrase ends at the possessor.
            last_word = k - 1;
            break;
        }
        // "Smith & Jones", "Procter & Gamble": an ampersand between names
        // is part of one name.
        if lower[next].as_ref() == "&"
            && tags[k].xpos.is_proper_noun()
            && same(next + 1)
            && tags[next + 1].xpos.is_proper_noun()
        {
            k = next + 1;
            continue;
        }
        // A determiner opens a phrase only at its start ("the", "some"),
        // or after a pre-determiner ("all the").
        if opens(nx) && !(tags[k].xpos == Xpos::Pdt && nx == Xpos::Dt) {
            break;
        }
        // An adverb before an adjective: "a very senior official".
        if tags[next].xpos.is_adverb()
            && same(next + 1)
            && tags[next + 1].xpos.is_adjective()
            && (opens(tags[k].xpos) || premodifies(tags[k].xpos))
        {
            k = next + 1;
            continue;
        }
        if !(premodifies(nx) || opens(nx)) {
            break;
        }
        // A participle before the head, never after a noun: "the ruling
        // party", "the newly elected mayor"; in "the party said talks"
        // it is the verb.
        if matches!(nx, Xpos::Vbn | Xpos::Vbg) && tags[k].xpos.is_noun() {
            break;
        }
        // "White House spokesman Josh Earnest", "the club's captain Tom
        // Hill": a name after a common noun is the person the words
        // before it describe; the name is a phrase of its own.
        if matches!(tags[k].xpos, Xpos::Nn | Xpos::Nns) && nx.is_proper_noun() {
            break;
        }
        // A hyphen only between two words of the phrase ("Turkish - Libyan").
        if nx == Xpos::Hyph && !(same(next + 1) && premodifies(tags[next + 1].xpos)) {
            break;
        }
        k = next;
    }
    let last = match head {
        // The phrase ends at its last nominal: trailing participles and
        // adjectives are predicates or belong to what follows.
        Some(h) => h.max(last_nominal(tags, i, last_word).unwrap_or(h)),
        None => {
            // No nominal: a lone quantifier or demonstrative heads it
            // ("some said", "many", "others"), not an article.
            let w = lower[i].as_ref();
            if last_word == i
                && matches!(x, Xpos::Dt | Xpos::Jj | Xpos::Cd)
                && !matches!(w, "the" | "a" | "an" | "no" | "every")
            {
                i
            } else {
                return None;
            }
        }
    };
    let head = last_nominal(tags, i, last).unwrap_or(last);
    Some(Chunk { first: i, head, last })
}

/// The last token in `first..=last` that can head a phrase.
fn last_nominal(tags: &[PosTag], first: usize, last: usize) -> Option<usize> {
    (first..=last).rev().find(|&k| heads(tags[k].xpos))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Tagger;

    /// Tokenizes and tags one sentence, and returns the words and chunks.
    fn chunk(text: &str) -> (Vec<String>, Chunks) {
        let segments = crate::segment::segment(text);
        let quotes = crate::quotes::scan(text, &segments);
        let mut tokens = Vec::new();
        crate::tokens::tokenize(text, &segments, &quotes, &mut tokens);
        let mut tags = Vec::new();
        Tagger::shipped().tag_tokens(text, &tokens, &mut tags);
        let words: Vec<String> =
            tokens.iter().map(|t| t.text(text).to_string()).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let chunks = Chunks::new(&tokens, &tags, &lower);
        (words, chunks)
    }

    fn text_of(words: &[String], c: Chunk) -> String {
        words[c.first..=c.last].join(" ")
    }

    fn index(words: &[String], w: &str) -> usize {
        words.iter().position(|x| x == w).unwrap_or_else(|| panic!("{w}"))
    }

    fn base_phrases(text: &str) -> Vec<String> {
        let (words, chunks) = chunk(text);
        chunks.base_phrases().iter().map(|&c| text_of(&words, c)).collect()
    }

    #[test]
    fn premodified_and_quantified_speakers_are_one_phrase() {
        let b = base_phrases("The veteran Republican strategist Ann Lee said it would pass.");
        assert_eq!(b[0], "The veteran Republican strategist");
        assert_eq!(b[1], "Ann Lee");
        let b = base_phrases("Some strategists said the bill would fail.");
        assert_eq!(b[0], "Some strategists");
        let b = base_phrases("One resident said the water was brown.");
        assert_eq!(b[0], "One resident");
        let b = base_phrases("A very senior official said talks had stalled.");
        assert_eq!(b[0], "A very senior official");
    }

    #[test]
    fn a_possessive_joins_its_possessor_to_the_phrase() {
        let (words, chunks) = chunk("Russia's foreign minister said the talks failed.");
        let c = chunks.base_at(0).unwrap();
        assert_eq!(text_of(&words, c), "Russia 's foreign minister");
        assert_eq!(words[c.head], "minister");
    }

    #[test]
    fn a_lone_quantifier_heads_its_phrase_but_an_article_does_not() {
        let (words, chunks) = chunk("Some said the plan would fail.");
        assert_eq!(text_of(&words, chunks.base_at(0).unwrap()), "Some");
        let (_, chunks) = chunk("The said plan failed.");
        assert!(chunks.base_at(0).is_none_or(|c| c.last > 0));
    }

    #[test]
    fn the_verb_after_the_subject_is_no_part_of_it() {
        // "states" is the verb here, not a plural noun.
        let (words, chunks) = chunk("The memo states that the plan failed.");
        let c = chunks.base_at(0).unwrap();
        assert_eq!(text_of(&words, c), "The memo");
        assert!(chunks.base_at(index(&words, "states")).is_none());
    }

    #[test]
    fn post_modifiers_of_a_source_join_the_phrase() {
        let text = "A spokeswoman for the department said the report was wrong.";
        let (words, chunks) = chunk(text);
        let p = chunks.phrase_starting_at(0).unwrap();
        assert_eq!(text_of(&words, p), "A spokeswoman for the department");
        assert_eq!(words[p.head], "spokeswoman");
        let text = "Officials at the Chamber of Commerce said exports fell.";
        let (words, chunks) = chunk(text);
        let p = chunks.phrase_starting_at(0).unwrap();
        assert_eq!(text_of(&words, p), "Officials at the Chamber of Commerce");
        assert_eq!(words[p.head], "Officials");
    }

    #[test]
    fn coordinated_speakers_are_one_phrase() {
        let (words, chunks) = chunk("Jones and Smith said the deal was off.");
        let p = chunks.phrase_starting_at(0).unwrap();
        assert_eq!(text_of(&words, p), "Jones and Smith");
        let text = "Scientists from China's Tsinghua University and the Chinese \
                    Academy of Sciences said birds evolved from dinosaurs.";
        let (words, chunks) = chunk(text);
        let p = chunks.phrase_starting_at(0).unwrap();
        assert_eq!(
            text_of(&words, p),
            "Scientists from China 's Tsinghua University and the Chinese Academy of Sciences"
        );
        assert_eq!(words[p.head], "Scientists");
    }

    #[test]
    fn a_phrase_grows_rightwards_after_an_inverted_cue() {
        let text = "\"It will pass,\" said the veteran senator from Ohio.";
        let (words, chunks) = chunk(text);
        let p = chunks.phrase_starting_at(index(&words, "the")).unwrap();
        assert_eq!(text_of(&words, p), "the veteran senator from Ohio");
        assert_eq!(words[p.head], "senator");
    }

    #[test]
    fn a_phrase_stops_at_a_comma_a_verb_or_a_clause() {
        let text = "In Washington, officials said the policies that help families work.";
        let (words, chunks) = chunk(text);
        let p = chunks.phrase_starting_at(index(&words, "officials")).unwrap();
        assert_eq!(text_of(&words, p), "officials");
        let p = chunks.phrase_starting_at(index(&words, "the")).unwrap();
        assert_eq!(text_of(&words, p), "the policies");
    }

    #[test]
    fn a_gerund_opens_no_phrase() {
        let b = base_phrases("Citing Middle Eastern defence sources, the agency said talks failed.");
        assert_eq!(b[0], "Middle Eastern defence sources");
        let b = base_phrases("The ruling party said talks failed.");
        assert_eq!(b[0], "The ruling party");
    }

    #[test]
    fn a_name_after_a_common_noun_is_its_own_phrase() {
        let b = base_phrases("White House spokesman Josh Earnest said talks failed.");
        assert_eq!(b[0], "White House spokesman");
        assert_eq!(b[1], "Josh Earnest");
        let b = base_phrases("The Downing Street spokesman said talks failed.");
        assert_eq!(b[0], "The Downing Street spokesman");
    }

    #[test]
    fn an_ampersand_between_names_is_one_name() {
        let (words, chunks) = chunk("Smith & Jones said profits rose.");
        let c = chunks.base_at(0).unwrap();
        assert_eq!(text_of(&words, c), "Smith & Jones");
    }
}
