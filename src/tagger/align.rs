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
        self.tag_sentences_with(text, tokens, |_| true, scratch, out);
    }

    /// [`Tagger::tag_tokens_with`] for the sentences `wanted` keeps (by
    /// the tokens' `sentence` field); the tokens of the others get
    /// [`UNTAGGED`], which no predicate of [`Xpos`] accepts, so that a
    /// caller tags only where its rules read the tags.
    pub fn tag_sentences_with(
        &self,
        text: &str,
        tokens: &[Token],
        wanted: impl Fn(u32) -> bool,
        scratch: &mut TagScratch,
        out: &mut Vec<PosTag>,
    ) {
        out.clear();
        let mut words = std::mem::take(&mut scratch.words);
        let mut heads = std::mem::take(&mut scratch.owners);
        let mut labels = std::mem::take(&mut scratch.labels);
        let mut fixed: Vec<Option<PosTag>> = Vec::new();
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
                out.extend(std::iter::repeat_n(UNTAGGED, end - start));
                start = end;
                continue;
            }
            let mut used = 0;
            heads.clear();
            fixed.clear();
            let mut single_quote_open = false;
            for (i, t) in tokens[start..end].iter().enumerate() {
                if words.len() <= used + 1 {
                    words.resize(used + 2, String::new());
                }
                heads.push(used as u32);
                let token = t.text(text);
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
                let f = split_token(token, &mut words[used], &mut clitic);
                fixed.push(f);
                used += 1;
                if let Some(c) = &clitic {
                    words[used].clear();
                    words[used].push_str(c);
                    used += 1;
                }
            }
            self.tag_labels(&words[..used], scratch, &mut labels);
            for (&h, f) in heads.iter().zip(&fixed) {
                out.push(f.unwrap_or(
                    self.model.labels[usize::from(labels[h as usize])],
                ));
            }
            start = end;
        }
        scratch.words = words;
        scratch.owners = heads;
        scratch.labels = labels;
    }
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
