//! Tagging whosaid's own tokens ([`crate::tokens`]), which are not cut
//! like the treebank's.
//!
//! Input: the clean text and its [`Token`]s. Output: one [`PosTag`] per
//! token. Place in the pipeline: the bridge between the `tokens` stage and
//! the tagger, for the rules.
//!
//! The mapping from a whosaid token to the words the tagger sees (the
//! treebank's conventions, Penn Treebank and UD English EWT):
//!
//! | whosaid token | tagger words | the token's tag |
//! | --- | --- | --- |
//! | `didn't`, `can't`, `won't` | `did n't`, `ca n't`, `wo n't` | the first word's (VBD, MD) |
//! | `I'm`, `they're`, `we've`, `I'll`, `he'd` | `I 'm`, `they 're`, ... | the first word's (PRP) |
//! | `cannot`, `gonna`, `wanna`, `gotta` | `can not`, `gon na`, `wan na`, `got ta` | the first word's |
//! | `'s` or `’s` (possessive or "is") | `'s` | the tagger's: POS, VBZ, ... |
//! | curly apostrophe `’` inside a word | `'` | |
//! | `“` `„` `«`, `‘` alone | `"`, `'` | `` `` `` (PUNCT), fixed |
//! | `”` `»`, `’` alone | `"`, `'` | `''` (PUNCT), fixed |
//! | `` `` `` and `''` | themselves | `` `` `` and `''`, fixed |
//! | anything else (`al-Abadi`, `U.S.`, `3.5`) | itself | the tagger's |
//!
//! Hyphenated words stay whole: the treebank has both ("post-war" JJ, and
//! "Al - Zaman" split), and the suffix features read the last part.
//!
//! Two things differ from tagging each sentence whole: a wanted
//! sentence's closing quoted sentence may be left undecoded ([`Tails`]),
//! and a capitalised plural the model reads as a verb in -s at a
//! sentence's start, before a preposition or a tensed verb, is given NNS
//! (news sentences open with their subject).

use super::tags::{PosTag, Upos, Xpos};
use super::{TagScratch, Tagger};
use crate::tokens::Token;

/// The tag of a token in a sentence left untagged
/// ([`Tagger::tag_sentences_with`]): `XX`/`X`, which no rule reads as a
/// noun, verb, determiner or anything else.
pub const UNTAGGED: PosTag = PosTag::new(Xpos::Xx, Upos::X);

const OPEN_QUOTE: PosTag = PosTag::new(Xpos::OpenQuote, Upos::Punct);
const CLOSE_QUOTE: PosTag = PosTag::new(Xpos::CloseQuote, Upos::Punct);

/// Contractions written as one word that the treebank splits in two.
const SPLIT_WORDS: &[(&str, usize)] =
    &[("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)];

/// Clitics after an apostrophe that the treebank writes apart.
const CLITICS: &[&str] = &["'m", "'re", "'ve", "'ll", "'d", "'s"];

/// How a whosaid token is given to the tagger: its words (one or two)
/// and, for quotation marks, the tag it always gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggerWords {
    /// The first word: the one whose tag the token takes.
    pub head: String,
    /// The clitic split off, if any ("n't", "'m", "not").
    pub clitic: Option<String>,
    /// The tag the token gets whatever the tagger says (quotation marks).
    pub fixed: Option<PosTag>,
}

/// Maps one whosaid token to the tagger's words (see the module's table).
pub fn tagger_words(token: &str) -> TaggerWords {
    let mut head = String::new();
    let mut clitic = None;
    let fixed = split_token(token, &mut head, &mut clitic);
    TaggerWords { head, clitic, fixed }
}

/// Writes the head word into `head` and the clitic into `clitic`
/// (reusing its buffer); returns the fixed tag of a quotation mark.
fn split_token(
    token: &str,
    head: &mut String,
    clitic: &mut Option<String>,
) -> Option<PosTag> {
    head.clear();
    fn set_clitic(clitic: &mut Option<String>, c: &str) {
        let s = clitic.get_or_insert_with(String::new);
        s.clear();
        s.push_str(c);
    }
    let fixed = match token {
        "\u{201c}" | "\u{201e}" | "\u{ab}" => Some((OPEN_QUOTE, "\"")),
        "\u{201d}" | "\u{bb}" => Some((CLOSE_QUOTE, "\"")),
        "\u{2018}" => Some((OPEN_QUOTE, "'")),
        "\u{2019}" => Some((CLOSE_QUOTE, "'")),
        "``" => Some((OPEN_QUOTE, "``")),
        "''" => Some((CLOSE_QUOTE, "''")),
        _ => None,
    };
    if let Some((tag, word)) = fixed {
        head.push_str(word);
        *clitic = None;
        return Some(tag);
    }
    // Most tokens have no apostrophe: copied whole, and no clitic to look
    // for (every clitic and "n't" has one). 0xE2 starts the UTF-8 of `’`
    // (and of other marks, which take the careful path too).
    let apostrophe = token.bytes().any(|b| b == b'\'' || b == 0xe2);
    if apostrophe {
        for c in token.chars() {
            head.push(if c == '\u{2019}' { '\'' } else { c });
        }
    } else {
        head.push_str(token);
    }
    *clitic = None;
    let n = head.len();
    let ends_with = |s: &str, suffix: &str| {
        s.len() >= suffix.len()
            && s.is_char_boundary(s.len() - suffix.len())
            && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    if apostrophe && n > 3 && ends_with(head, "n't") {
        let c = head[n - 3..].to_string();
        set_clitic(clitic, &c);
        head.truncate(n - 3);
        return None;
    }
    for &cl in CLITICS.iter().filter(|_| apostrophe) {
        if n > cl.len() && ends_with(head, cl) {
            let c = head[n - cl.len()..].to_string();
            set_clitic(clitic, &c);
            head.truncate(n - cl.len());
            return None;
        }
    }
    for &(word, cut) in SPLIT_WORDS {
        if head.eq_ignore_ascii_case(word) {
            let c = head[cut..].to_string();
            set_clitic(clitic, &c);
            head.truncate(cut);
            return None;
        }
    }
    None
}

/// Whether [`split_token`] gives `token` back as it is, no clitic, no
/// fixed tag: it has no apostrophe, backquote or quotation mark (every
/// rewritten token has a byte `'`, `` ` ``, or 0xC2 or 0xE2, which start
/// the UTF-8 of `«` `»` and of the curly marks) and is none of the
/// [`SPLIT_WORDS`].
#[inline]
fn as_is(token: &str) -> bool {
    let b = token.as_bytes();
    // A table, not four compares a byte: most tokens are short ASCII
    // words, each byte one load and a test.
    let split = matches!(b.len(), 5 | 6)
        && SPLIT_WORDS.iter().any(|&(w, _)| token.eq_ignore_ascii_case(w));
    !(split || b.iter().any(|&c| REWRITTEN_BYTE[usize::from(c)]))
}

/// Where a tagged sentence's words start and end in the words of the
/// document, and where its tokens' heads start.
type Placed = (usize, usize, usize);

/// The bytes of [`as_is`]: a token with one may be rewritten.
static REWRITTEN_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t
};

/// Whether `before` is a word ending in s right before the mark `mark`.
fn plural_possessor(
    before: &crate::tokens::Token,
    mark: &crate::tokens::Token,
    text: &str,
) -> bool {
    before.word
        && before.span.end == mark.span.start
        && before.text(text).ends_with(['s', 'S'])
}

impl Tagger {
    /// Tags whosaid's tokens of `text` (from [`crate::tokens::tokenize`]),
    /// sentence by sentence (their `sentence` field), into `out`: one tag
    /// per token, in order. See the module `tagger::align` for how tokens
    /// are mapped to the tagger's words.
    pub fn tag_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<PosTag>,
    ) {
        let mut scratch = TagScratch::new();
        self.tag_tokens_with(text, tokens, &mut scratch, out);
    }

    /// [`Tagger::tag_tokens`] with the caller's buffers.
    pub fn tag_tokens_with(
        &self,
        text: &str,
        tokens: &[Token],
        scratch: &mut TagScratch,
        out: &mut Vec<PosTag>,
    ) {
        self.tag_sentences_with(text, tokens, |_| true, Tails::Tagged, scratch, out);
    }

    /// [`Tagger::tag_tokens_with`] for the sentences `wanted` keeps (by
    /// the tokens' `sentence` field); the tokens of the others get
    /// [`UNTAGGED`], which no predicate of [`Xpos`] accepts, so that a
    /// caller tags only where its rules read the tags. `tails` says
    /// whether the quoted sentence that ends a sentence is tagged (see
    /// [`Tails`]).
    pub fn tag_sentences_with(
        &self,
        text: &str,
        tokens: &[Token],
        wanted: impl Fn(u32) -> bool,
        tails: Tails,
        scratch: &mut TagScratch,
        out: &mut Vec<PosTag>,
    ) {
        out.clear();
        out.reserve(tokens.len());
        // Two passes: the words of every wanted sentence first, then the
        // sentences tagged. Most tokens are their own tagger word and are
        // borrowed from the text; only those the treebank writes
        // otherwise (quotation marks, apostrophes, "cannot") are rewritten,
        // into one buffer, which only the first pass writes and whose
        // words are put in place after it (copying every token into a
        // string of its own cost 290 instructions a token, callgrind).
        let mut own = std::mem::take(&mut scratch.own_words);
        let mut rewritten = std::mem::take(&mut scratch.rewritten);
        let mut heads = std::mem::take(&mut scratch.owners);
        let mut labels = std::mem::take(&mut scratch.labels);
        own.clear();
        rewritten.clear();
        heads.clear();
        let mut words: Vec<&str> = Vec::with_capacity(tokens.len());
        let mut fixed: Vec<Option<PosTag>> = Vec::with_capacity(tokens.len());
        // Per sentence: its tokens, and where its words start and end in
        // `words` and its tokens' heads in `heads` (None: left untagged),
        // and how many of its words to decode.
        let mut sentences: Vec<(usize, usize, Option<Placed>, Option<usize>)> = Vec::new();
        let mut head = String::new();
        let mut clitic = None;
        let mut start = 0;
        while start < tokens.len() {
            let sentence = tokens[start].sentence;
            let end = start
                + tokens[start..]
                    .iter()
                    .take_while(|t| t.sentence == sentence)
                    .count();
            if !wanted(sentence) {
                sentences.push((start, end, None, None));
                start = end;
                continue;
            }
            let first = words.len();
            let first_head = heads.len();
            let cut = match tails {
                Tails::Tagged => None,
                Tails::UntaggedQuotedSentence => {
                    quoted_tail(&tokens[start..end]).map(|q| start + q)
                }
            };
            let mut decode = None;
            let mut single_quote_open = false;
            for (i, t) in tokens[start..end].iter().enumerate() {
                if cut == Some(start + i) {
                    decode = Some(words.len() - first);
                }
                heads.push((words.len() - first) as u32);
                let token = t.text(text);
                if as_is(token) {
                    words.push(token);
                    fixed.push(None);
                    continue;
                }
                single_quote_open |= token == "\u{2018}";
                // A curly apostrophe glued to a plural ("the inspectors’
                // report") is the possessive the treebank writes `'`,
                // unless an opening single quote in the sentence makes it
                // the closing one.
                let token = if token == "\u{2019}"
                    && !single_quote_open
                    && i > 0
                    && plural_possessor(&tokens[start + i - 1], t, text)
                {
                    "'"
                } else {
                    token
                };
                fixed.push(split_token(token, &mut head, &mut clitic));
                for w in std::iter::once(head.as_str()).chain(clitic.as_deref()) {
                    let at = own.len() as u32;
                    own.push_str(w);
                    rewritten.push((words.len() as u32, at, own.len() as u32));
                    words.push("");
                }
            }
            sentences.push((start, end, Some((first, words.len(), first_head)), decode));
            start = end;
        }
        for &(i, s, e) in &rewritten {
            words[i as usize] = &own[s as usize..e as usize];
        }
        for &(start, end, range, decode) in &sentences {
            let Some((first, last, h0)) = range else {
                out.extend(std::iter::repeat_n(UNTAGGED, end - start));
                continue;
            };
            scratch.decode_words = decode;
            self.tag_labels(&words[first..last], scratch, &mut labels);
            let h1 = h0 + (end - start);
            for (&h, f) in heads[h0..h1].iter().zip(&fixed[h0..h1]) {
                let h = h as usize;
                out.push(f.unwrap_or_else(|| match labels.get(h) {
                    Some(&l) => self.model.labels[usize::from(l)],
                    // Not decoded (after the cut): a tag-dictionary word
                    // keeps its tag all the same.
                    None => scratch.infos[h]
                        .fixed
                        .map_or(UNTAGGED, |l| self.model.labels[usize::from(l)]),
                }));
            }
            plural_subject_read_as_verb(&tokens[start..end], &mut out[start..end]);
        }
        drop(words);
        scratch.decode_words = None;
        scratch.own_words = own;
        scratch.rewritten = rewritten;
        scratch.owners = heads;
        scratch.labels = labels;
    }
}

/// "Republicans on the committee contend", "Aides to the governor say":
/// the model, trained on web text where such words rarely open a
/// sentence, reads a capitalised plural at a sentence's start as a verb
/// in -s (VBZ). A sentence that opened with a tensed verb followed by a
/// preposition or another tensed verb would have no subject, which news
/// prose does not write outside headlines' "Says ..."; such a word is the
/// subject's plural noun (NNS). `tags` are the tags of `sentence`.
fn plural_subject_read_as_verb(sentence: &[Token], tags: &mut [PosTag]) {
    if sentence.len() < 2 || !sentence[0].cap || tags[0].xpos != Xpos::Vbz {
        return;
    }
    let next = tags[1].xpos;
    if matches!(next, Xpos::In | Xpos::To) || next.is_finite_verb() {
        tags[0] = PosTag::new(Xpos::Nns, Upos::Noun);
    }
}

/// Whether [`Tagger::tag_sentences_with`] tags a quoted sentence that
/// ends a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tails {
    /// Every token of a wanted sentence is tagged.
    Tagged,
    /// A quotation that ends the sentence, opens with a capital and
    /// follows some word of it ("Lee said, "We will stay."", "Lee told
    /// reporters "It is over."") is left untagged (tag-dictionary words
    /// keep their tags): a quoted sentence, whose words whosaid's rules
    /// do not read (they read the attribution before it). A quotation
    /// opening in lower case is part of the sentence's own grammar (a
    /// partial quote in a claim: "said the plan was "a disaster"") and is
    /// tagged. Decoding goes left to right, so the words before the
    /// quotation get the tags of the whole sentence's decoding.
    UntaggedQuotedSentence,
}

/// The first quoted token of the quoted sentence that ends `sentence`
/// (see [`Tails::UntaggedQuotedSentence`]), if it has one.
fn quoted_tail(sentence: &[Token]) -> Option<usize> {
    // The last run of quoted tokens and marks.
    let mut tail = sentence.len();
    while tail > 0 && (sentence[tail - 1].in_quote || !sentence[tail - 1].word) {
        tail -= 1;
    }
    let q = (tail..sentence.len()).find(|&i| sentence[i].in_quote)?;
    let after_a_word = sentence[..q].iter().any(|t| t.word);
    (sentence[q].cap && after_a_word).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> (String, Option<String>, Option<PosTag>) {
        let w = tagger_words(t);
        (w.head, w.clitic, w.fixed)
    }

    #[test]
    fn contractions_split_like_the_treebank() {
        assert_eq!(
            words("didn\u{2019}t"),
            ("did".into(), Some("n't".into()), None)
        );
        assert_eq!(words("can't"), ("ca".into(), Some("n't".into()), None));
        assert_eq!(words("Won't"), ("Wo".into(), Some("n't".into()), None));
        assert_eq!(words("I'm"), ("I".into(), Some("'m".into()), None));
        assert_eq!(
            words("they\u{2019}re"),
            ("they".into(), Some("'re".into()), None)
        );
        assert_eq!(words("cannot"), ("can".into(), Some("not".into()), None));
        assert_eq!(words("\u{2019}s"), ("'s".into(), None, None));
        assert_eq!(words("O'Brien"), ("O'Brien".into(), None, None));
        assert_eq!(words("al-Abadi"), ("al-Abadi".into(), None, None));
    }

    #[test]
    fn curly_quotes_are_fixed() {
        assert_eq!(words("\u{201c}"), ("\"".into(), None, Some(OPEN_QUOTE)));
        assert_eq!(words("\u{201d}"), ("\"".into(), None, Some(CLOSE_QUOTE)));
        assert_eq!(words("\u{2018}"), ("'".into(), None, Some(OPEN_QUOTE)));
        assert_eq!(words("\""), ("\"".into(), None, None));
    }
}
