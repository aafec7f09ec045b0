//! Feature extraction: the words of a sentence become hashed feature keys.
//!
//! Input: the words of one sentence (as the tagger sees them, EWT-style
//! tokens) and the tags predicted so far. Output: for each word a
//! [`WordInfo`] of precomputed string hashes, and for each position a short
//! list of 32-bit feature keys, each the hash of a template id and its
//! values (no string is built per feature). Place in the pipeline: inside
//! the `tag` stage, shared by training ([`super::train`]) and tagging
//! ([`super::Tagger`]) so that both see exactly the same features.
//!
//! The templates follow Ratnaparkhi (1996) and Honnibal (2013, "A good
//! part-of-speech tagger in about 200 lines of Python"): bias, the word and
//! its lower case, prefixes and suffixes, the word's shape, the previous
//! one and two tags, the previous tag with the word, and the words (and
//! suffixes) around it. Added here: the most frequent tag of the next two
//! words from the training lexicon (a lookahead in the spirit of the
//! "ambiguity class" features of Toutanova et al. 2003), and the sentence's
//! casing mode (normal, headline title case, all capitals) conjoined with
//! the shape, so that headlines do not look like strings of proper names.

/// The most features one position can have.
pub(crate) const MAX_FEATURES: usize = 40;

/// The history value before the first word (no previous tag).
pub(crate) const START_TAG: u32 = 0xFFFF;
/// The history value two words before the first word.
pub(crate) const START2_TAG: u32 = 0xFFFE;

/// How a sentence is capitalised, which changes what a capital letter says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CaseMode {
    /// Ordinary sentence case.
    Normal = 0,
    /// A headline in title case ("US Says Russian Airstrikes Could Begin").
    Title = 1,
    /// Every letter a capital ("POLICE SAY SUSPECT FLED").
    Upper = 2,
}

/// Template ids: part of every feature's hash, so that the same string in
/// two templates gives two features.
mod template {
    pub const BIAS: u64 = 1;
    pub const LOWER: u64 = 2;
    pub const RAW: u64 = 3;
    pub const SUFFIX: u64 = 4; // + 0..4
    pub const PREFIX: u64 = 10; // + 0..3
    pub const SHAPE: u64 = 14;
    pub const PREV_TAG: u64 = 15;
    pub const PREV_TWO_TAGS: u64 = 16;
    pub const PREV2_TAG: u64 = 17;
    pub const PREV_TAG_WORD: u64 = 18;
    pub const PREV_WORD: u64 = 19;
    pub const PREV_SUFFIX3: u64 = 20;
    pub const PREV2_WORD: u64 = 21;
    pub const NEXT_WORD: u64 = 22;
    pub const NEXT_SUFFIX3: u64 = 23;
    pub const NEXT2_WORD: u64 = 24;
    pub const PREV_WORD_WORD: u64 = 25;
    pub const WORD_NEXT_WORD: u64 = 26;
    pub const NEXT_CLASS: u64 = 27;
    pub const NEXT2_CLASS: u64 = 28;
    pub const PREV_TAG_NEXT_CLASS: u64 = 29;
    pub const WORD_NEXT_CLASS: u64 = 30;
    pub const MODE_SHAPE: u64 = 31;
    pub const MODE: u64 = 32;
    pub const FIRST_SHAPE: u64 = 33;
    pub const NEXT_SHAPE: u64 = 34;
    pub const PREV_SHAPE: u64 = 35;
    pub const MODE_LOWER: u64 = 36;
    /// Lexicon keys (not features): the raw word, for the tag dictionary.
    pub const LEXICON_RAW: u64 = 60;
    /// Lexicon keys: the lower-case word, for its most frequent tag.
    pub const LEXICON_LOWER: u64 = 61;
    /// The stand-in value of a word's class when the lexicon lacks it.
    pub const UNKNOWN_CLASS: u64 = 62;
}

/// FNV-1a over the chars of a string (64 bits).
fn hash_chars(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The finalizer of splitmix64: spreads the bits of `x`.
pub(crate) fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The 32-bit key of a template with two values; never 0 (0 marks an
/// empty slot in the weight table). One multiply-mix: the values are
/// already hashes or small numbers (labels, modes).
#[inline]
pub(crate) fn key(template: u64, a: u64, b: u64) -> u32 {
    let h = mix64(
        a.wrapping_add(template.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            ^ b.wrapping_mul(0x632b_e59b_d9b4_e019),
    );
    ((h >> 32) as u32).max(1)
}

/// What the features need of one word, hashed once per word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct WordInfo {
    /// The lower-case word, numbers folded to `!YEAR` and `!DIGITS`
    /// (Honnibal 2013).
    pub lower: u64,
    /// The word as written.
    pub raw: u64,
    /// Whether the word has a capital letter (then `raw` is a feature).
    pub has_upper: bool,
    /// What [`case_mode`] reads of the word ([`word_case`]), so that the
    /// mode of a sentence of cached words costs no pass over its letters.
    pub case: u8,
    /// Lower-case suffixes of 1 to 4 characters.
    pub suffix: [u64; 4],
    /// Prefixes of 1 to 3 characters (the first as written, the others
    /// lower case).
    pub prefix: [u64; 3],
    /// The shape: X for capitals, x for small letters, d for digits, other
    /// characters as they are, runs longer than four cut to four.
    pub shape: u64,
    /// The most frequent tag of the lower-case word in training, or a
    /// stand-in from its shape.
    pub class: u64,
    /// The tag dictionary's label for the word, if the word is frequent
    /// and unambiguous (Honnibal 2013).
    pub fixed: Option<u16>,
}

impl WordInfo {
    /// The stand-in for the positions before the sentence.
    pub(crate) const START: WordInfo = WordInfo::sentinel(0x0053_5441_5254);
    /// The stand-in for the positions after the sentence.
    pub(crate) const END: WordInfo = WordInfo::sentinel(0x0045_4e44);

    const fn sentinel(h: u64) -> WordInfo {
        WordInfo {
            lower: h,
            raw: h,
            has_upper: false,
            case: 0,
            suffix: [h; 4],
            prefix: [h; 3],
            shape: h,
            class: h,
            fixed: None,
        }
    }
}

/// The lexicon keys of a word: (raw, lower), for the tag dictionary and
/// the word classes.
pub(crate) fn lexicon_keys(info: &WordInfo) -> (u32, u32) {
    (
        key(template::LEXICON_RAW, info.raw, 0),
        key(template::LEXICON_LOWER, info.lower, 0),
    )
}

/// The class value of a word absent from the lexicon: its shape.
pub(crate) fn unknown_class(info: &WordInfo) -> u64 {
    mix64(template::UNKNOWN_CLASS ^ info.shape)
}

/// The class value of a word whose most frequent training label is
/// `label`.
pub(crate) fn known_class(label: u16) -> u64 {
    u64::from(label) + 1
}

/// Hashes one word; `chars` is a reused buffer. `class` and `fixed` are
/// left for the caller, who has the lexicon.
pub(crate) fn describe(word: &str, chars: &mut Vec<char>) -> WordInfo {
    if word.len() <= ASCII_FAST && word.is_ascii() {
        return describe_ascii(word.as_bytes());
    }
    describe_chars(word, chars)
}

/// The longest word [`describe_ascii`] takes (its stack buffer).
const ASCII_FAST: usize = 64;

/// [`hash_chars`] of an ASCII string: the same value, a char of ASCII
/// being its byte.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in bytes {
        h ^= u64::from(c);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// [`describe_chars`] of an ASCII word of at most [`ASCII_FAST`] bytes,
/// byte by byte (most words of news): the same hashes, without decoding
/// chars or the Unicode case tables, and one pass for the case, the
/// shape and the lower case. It cost 850 instructions a word newly
/// cached (callgrind on 400 KB of Wikinews).
fn describe_ascii(word: &[u8]) -> WordInfo {
    let mut buf = [0u8; ASCII_FAST];
    let n = word.len();
    let mut has_upper = false;
    let mut letters = 0;
    let mut small = false;
    let mut shape: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = 0u8;
    let mut run = 0;
    for (i, &c) in word.iter().enumerate() {
        let s = if c.is_ascii_uppercase() {
            has_upper = true;
            letters += 1;
            b'X'
        } else if c.is_ascii_lowercase() {
            letters += 1;
            small = true;
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else {
            c
        };
        buf[i] = c.to_ascii_lowercase();
        if s == last {
            run += 1;
            if run > 4 {
                continue;
            }
        } else {
            last = s;
            run = 1;
        }
        shape ^= u64::from(s);
        shape = shape.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let lower_bytes = &buf[..n];
    let lower_hash = hash_bytes(lower_bytes);
    let raw = if has_upper { hash_bytes(word) } else { lower_hash };
    let lower = number_class_ascii(lower_bytes).unwrap_or(lower_hash);
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        *s = hash_bytes(&lower_bytes[n.saturating_sub(k + 1)..]);
    }
    let first = word.first().map_or(0, |&c| u64::from(c));
    let prefix = [
        first,
        hash_bytes(&lower_bytes[..n.min(2)]),
        hash_bytes(&lower_bytes[..n.min(3)]),
    ];
    let case = if letters == 0 {
        0
    } else {
        let mut bits = CASE_LETTERED;
        if small {
            bits |= CASE_SMALL;
        }
        if letters >= 4 {
            bits |= CASE_LONG;
            if word[0].is_ascii_uppercase() {
                bits |= CASE_LONG_CAPITALISED;
            }
        }
        bits
    };
    WordInfo {
        lower,
        raw,
        has_upper,
        case,
        suffix,
        prefix,
        shape,
        class: 0,
        fixed: None,
    }
}

/// [`number_class`] of ASCII bytes.
fn number_class_ascii(bytes: &[u8]) -> Option<u64> {
    let first = *bytes.first()?;
    if !first.is_ascii_digit() {
        return None;
    }
    if !bytes.iter().all(|c| c.is_ascii_digit() || b",.:/-".contains(c)) {
        return None;
    }
    if bytes.len() == 4 && bytes.iter().all(u8::is_ascii_digit) {
        Some(0x0021_5945_4152) // "!YEAR"
    } else {
        Some(0x0021_4449_4749_5453) // "!DIGITS"
    }
}

/// [`describe`] of any word, char by char.
fn describe_chars(word: &str, chars: &mut Vec<char>) -> WordInfo {
    chars.clear();
    let mut has_upper = false;
    for c in word.chars() {
        if c.is_uppercase() {
            has_upper = true;
            chars.extend(c.to_lowercase());
        } else {
            chars.push(c);
        }
    }
    let lower_hash = hash_chars(chars);
    let raw = if has_upper {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for c in word.chars() {
            h ^= u64::from(u32::from(c));
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    } else {
        lower_hash
    };
    let lower = number_class(chars).unwrap_or(lower_hash);
    let n = chars.len();
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        *s = hash_chars(&chars[n.saturating_sub(k + 1)..]);
    }
    let first = word.chars().next().map_or(0, |c| u64::from(u32::from(c)));
    let prefix = [
        first,
        hash_chars(&chars[..n.min(2)]),
        hash_chars(&chars[..n.min(3)]),
    ];
    WordInfo {
        lower,
        raw,
        has_upper,
        case: word_case(word),
        suffix,
        prefix,
        shape: shape_hash(word),
        class: 0,
        fixed: None,
    }
}

/// Numbers fold to two classes (Honnibal 2013): four digits (`!YEAR`),
/// and anything else that starts with a digit and has only digits and
/// separators (`!DIGITS`).
fn number_class(chars: &[char]) -> Option<u64> {
    let first = *chars.first()?;
    if !first.is_ascii_digit() {
        return None;
    }
    if !chars.iter().all(|c| c.is_ascii_digit() || ",.:/-".contains(*c)) {
        return None;
    }
    if chars.len() == 4 && chars.iter().all(char::is_ascii_digit) {
        Some(0x0021_5945_4152) // "!YEAR"
    } else {
        Some(0x0021_4449_4749_5453) // "!DIGITS"
    }
}

fn shape_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run > 4 {
                continue;
            }
        } else {
            last = s;
            run = 1;
        }
        h ^= u64::from(u32::from(s));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The casing mode of a sentence: all capitals when at least three words
/// have letters and none has a small letter; title case when at least
/// three words of four or more letters start with a capital and they are
/// at least four in five of such words.
pub(crate) fn case_mode<S: AsRef<str>>(words: &[S]) -> CaseMode {
    mode_of(words.iter().map(|w| word_case(w.as_ref())))
}

/// [`case_mode`] of described words.
pub(crate) fn case_mode_of(words: &[WordInfo]) -> CaseMode {
    mode_of(words.iter().map(|w| w.case))
}

/// [`word_case`]: the word has a letter.
const CASE_LETTERED: u8 = 1;
/// [`word_case`]: the word has a small letter.
const CASE_SMALL: u8 = 2;
/// [`word_case`]: the word has four letters or more.
const CASE_LONG: u8 = 4;
/// [`word_case`]: the word has four letters or more and starts with a
/// capital.
const CASE_LONG_CAPITALISED: u8 = 8;

/// What the casing mode reads of one word, as `CASE_` bits.
pub(crate) fn word_case(w: &str) -> u8 {
    let mut letters = 0;
    let mut small = false;
    for c in w.chars() {
        if c.is_alphabetic() {
            letters += 1;
            small |= c.is_lowercase();
        }
    }
    if letters == 0 {
        return 0;
    }
    let mut bits = CASE_LETTERED;
    if small {
        bits |= CASE_SMALL;
    }
    if letters >= 4 {
        bits |= CASE_LONG;
        if w.chars().next().is_some_and(char::is_uppercase) {
            bits |= CASE_LONG_CAPITALISED;
        }
    }
    bits
}

/// The casing mode from each word's [`word_case`].
fn mode_of(cases: impl Iterator<Item = u8>) -> CaseMode {
    let mut lettered = 0;
    let mut with_small = 0;
    let mut long = 0;
    let mut long_capitalised = 0;
    for c in cases {
        lettered += usize::from(c & CASE_LETTERED != 0);
        with_small += usize::from(c & CASE_SMALL != 0);
        long += usize::from(c & CASE_LONG != 0);
        long_capitalised += usize::from(c & CASE_LONG_CAPITALISED != 0);
    }
    if lettered >= 3 && with_small == 0 {
        CaseMode::Upper
    } else if long_capitalised >= 3 && long_capitalised * 5 >= long * 4 {
        CaseMode::Title
    } else {
        CaseMode::Normal
    }
}

/// The feature keys of position `i`, given the two previous labels, into
/// `out`; returns how many. The static features come first, then those of
/// the history.
#[inline]
pub(crate) fn token_features(
    words: &[WordInfo],
    i: usize,
    prev: u32,
    prev2: u32,
    mode: CaseMode,
    out: &mut [u32; MAX_FEATURES],
) -> usize {
    let k = static_features(words, i, mode, out);
    k + history_features(words, i, prev, prev2, &mut out[k..])
}

/// The features of position `i` that depend on the previous labels:
/// [`tag_history_features`] then [`word_history_features`].
#[inline]
pub(crate) fn history_features(
    words: &[WordInfo],
    i: usize,
    prev: u32,
    prev2: u32,
    out: &mut [u32],
) -> usize {
    let k = tag_history_features(prev, prev2, out);
    k + word_history_features(words, i, prev, &mut out[k..])
}

/// The features of the previous two labels alone (3 of them).
#[inline]
pub(crate) fn tag_history_features(
    prev: u32,
    prev2: u32,
    out: &mut [u32],
) -> usize {
    use template as t;
    let prev = u64::from(prev);
    let prev2 = u64::from(prev2);
    out[0] = key(t::PREV_TAG, prev, 0);
    out[1] = key(t::PREV_TWO_TAGS, prev, prev2);
    out[2] = key(t::PREV2_TAG, prev2, 0);
    3
}

/// How many features [`word_history_features`] gives.
pub(crate) const WORD_HISTORY_FEATURES: usize = 2;

/// The features of the previous label with the words
/// ([`WORD_HISTORY_FEATURES`] of them).
#[inline]
pub(crate) fn word_history_features(
    words: &[WordInfo],
    i: usize,
    prev: u32,
    out: &mut [u32],
) -> usize {
    use template as t;
    let w = &words[i];
    let n = words.get(i + 1).unwrap_or(&WordInfo::END);
    let prev = u64::from(prev);
    out[0] = key(t::PREV_TAG_WORD, prev, w.lower);
    out[1] = key(t::PREV_TAG_NEXT_CLASS, prev, n.class);
    WORD_HISTORY_FEATURES
}

/// The bias feature: always the first of [`static_features`].
pub(crate) fn bias_key() -> u32 {
    key(template::BIAS, 0, 0)
}

/// The features of position `i` that depend only on the words: computed
/// once per word, before decoding. The bias first, then
/// [`own_word_features`], then [`context_features`] (the tagger adds the
/// first two from cached rows; training and this list see the same set).
#[inline]
pub(crate) fn static_features(
    words: &[WordInfo],
    i: usize,
    mode: CaseMode,
    out: &mut [u32],
) -> usize {
    out[0] = bias_key();
    let k = 1 + own_word_features(&words[i], &mut out[1..]);
    k + context_features(words, i, mode, &mut out[k..])
}

/// The features of a word alone (its spelling: lower case, as written,
/// suffixes, prefixes, shape): the same wherever the word is, so the
/// tagger caches their summed scores per word (a memo of the
/// context-independent part of the linear model, as in Honnibal 2013's
/// tag dictionary idea carried one step further).
#[inline]
pub(crate) fn own_word_features(w: &WordInfo, out: &mut [u32]) -> usize {
    use template as t;
    let mut k = 0;
    let mut push = |f: u32| {
        out[k] = f;
        k += 1;
    };
    push(key(t::LOWER, w.lower, 0));
    if w.has_upper {
        push(key(t::RAW, w.raw, 0));
    }
    for (j, &s) in w.suffix.iter().enumerate() {
        push(key(t::SUFFIX + j as u64, s, 0));
    }
    for (j, &s) in w.prefix.iter().enumerate() {
        push(key(t::PREFIX + j as u64, s, 0));
    }
    push(key(t::SHAPE, w.shape, 0));
    k
}

/// The features of a word as the previous word of another: the same
/// wherever the pair is, so cached per word like [`own_word_features`].
#[inline]
pub(crate) fn as_prev_features(p: &WordInfo, out: &mut [u32]) -> usize {
    use template as t;
    out[0] = key(t::PREV_WORD, p.lower, 0);
    out[1] = key(t::PREV_SUFFIX3, p.suffix[2], 0);
    out[2] = key(t::PREV_SHAPE, p.shape, 0);
    3
}

/// The features of a word as the next word of another (cached per word).
#[inline]
pub(crate) fn as_next_features(n: &WordInfo, out: &mut [u32]) -> usize {
    use template as t;
    out[0] = key(t::NEXT_WORD, n.lower, 0);
    out[1] = key(t::NEXT_SUFFIX3, n.suffix[2], 0);
    out[2] = key(t::NEXT_CLASS, n.class, 0);
    out[3] = key(t::NEXT_SHAPE, n.shape, 0);
    4
}

/// The words two and one before position `i` and one and two after it,
/// with the sentence's start and end marks past its edges.
#[inline]
fn neighbours(words: &[WordInfo], i: usize) -> [&WordInfo; 4] {
    let at = |j: isize| -> &WordInfo {
        match i.checked_add_signed(j) {
            None => &WordInfo::START,
            Some(k) => words.get(k).unwrap_or(&WordInfo::END),
        }
    };
    [at(-2), at(-1), at(1), at(2)]
}

/// [`context_features`] but [`as_prev_features`] and
/// [`as_next_features`]: the features of word pairs, the word two away,
/// the casing mode and the position.
#[inline]
pub(crate) fn pair_features(
    words: &[WordInfo],
    i: usize,
    mode: CaseMode,
    out: &mut [u32],
) -> usize {
    use template as t;
    let w = &words[i];
    let [pp, p, n, nn] = neighbours(words, i);
    let mode = mode as u64;
    let mut k = 0;
    let mut push = |f: u32| {
        out[k] = f;
        k += 1;
    };
    push(key(t::PREV2_WORD, pp.lower, 0));
    push(key(t::NEXT2_WORD, nn.lower, 0));
    push(key(t::PREV_WORD_WORD, p.lower, w.lower));
    push(key(t::WORD_NEXT_WORD, w.lower, n.lower));
    push(key(t::NEXT2_CLASS, n.class, nn.class));
    push(key(t::WORD_NEXT_CLASS, w.lower, n.class));
    if mode != 0 {
        push(key(t::MODE, mode, 0));
        push(key(t::MODE_SHAPE, mode, w.shape));
        push(key(t::MODE_LOWER, mode, w.lower));
    }
    if i == 0 {
        push(key(t::FIRST_SHAPE, w.shape, 0));
    }
    k
}

/// The static features of position `i` that read the neighbours, the
/// casing mode or the position: all of [`static_features`] but the bias
/// and [`own_word_features`].
#[inline]
pub(crate) fn context_features(
    words: &[WordInfo],
    i: usize,
    mode: CaseMode,
    out: &mut [u32],
) -> usize {
    use template as t;
    let w = &words[i];
    let [pp, p, n, nn] = neighbours(words, i);
    let mode = mode as u64;
    let mut k = 0;
    let mut push = |f: u32| {
        out[k] = f;
        k += 1;
    };
    push(key(t::PREV_WORD, p.lower, 0));
    push(key(t::PREV_SUFFIX3, p.suffix[2], 0));
    push(key(t::PREV2_WORD, pp.lower, 0));
    push(key(t::NEXT_WORD, n.lower, 0));
    push(key(t::NEXT_SUFFIX3, n.suffix[2], 0));
    push(key(t::NEXT2_WORD, nn.lower, 0));
    push(key(t::PREV_WORD_WORD, p.lower, w.lower));
    push(key(t::WORD_NEXT_WORD, w.lower, n.lower));
    push(key(t::NEXT_CLASS, n.class, 0));
    push(key(t::NEXT2_CLASS, n.class, nn.class));
    push(key(t::WORD_NEXT_CLASS, w.lower, n.class));
    push(key(t::NEXT_SHAPE, n.shape, 0));
    push(key(t::PREV_SHAPE, p.shape, 0));
    if mode != 0 {
        push(key(t::MODE, mode, 0));
        push(key(t::MODE_SHAPE, mode, w.shape));
        push(key(t::MODE_LOWER, mode, w.lower));
    }
    if i == 0 {
        push(key(t::FIRST_SHAPE, w.shape, 0));
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_modes() {
        let headline =
            ["US", "Says", "Russian", "Airstrikes", "Could", "Begin"];
        assert_eq!(case_mode(&headline), CaseMode::Title);
        assert_eq!(
            case_mode(&["POLICE", "SAY", "SUSPECT", "FLED"]),
            CaseMode::Upper
        );
        let plain =
            ["The", "US", "says", "Russian", "strikes", "could", "begin"];
        assert_eq!(case_mode(&plain), CaseMode::Normal);
        assert_eq!(case_mode(&["OK", "."]), CaseMode::Normal);
        // From the described words: the same modes.
        let mut buf = Vec::new();
        let mut of = |words: &[&str]| {
            let infos: Vec<WordInfo> =
                words.iter().map(|w| describe(w, &mut buf)).collect();
            case_mode_of(&infos)
        };
        assert_eq!(of(&headline), CaseMode::Title);
        assert_eq!(of(&["POLICE", "SAY", "SUSPECT", "FLED"]), CaseMode::Upper);
        assert_eq!(of(&plain), CaseMode::Normal);
        assert_eq!(of(&["Écoles", "Étaient", "Fermées", "Hier"]), CaseMode::Title);
    }

    #[test]
    fn ascii_words_are_described_as_by_their_chars() {
        let mut buf = Vec::new();
        let words = [
            "", "a", "I", "Says", "says", "SAYS", "McDonald's", "U.S.",
            "1999", "1,200", "7.5", "12:30", "3-2", "2020s", "x1", "--",
            "...", "\"", "``", "aaaaaabbbbbb", "AAAAAAaaaaaa", "e-mail",
            "Post-War", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "http://t.co/x",
            "42nd", "iPhone", "!!!!!!", "Zz9-9.9",
        ];
        for w in words {
            assert_eq!(describe_ascii(w.as_bytes()), describe_chars(w, &mut buf), "{w:?}");
        }
        let long = "a".repeat(ASCII_FAST + 1);
        assert_eq!(describe(&long, &mut buf), describe_chars(&long, &mut buf));
        assert_eq!(describe("Écoles", &mut buf), describe_chars("Écoles", &mut buf));
    }

    #[test]
    fn words_fold_case_and_numbers() {
        let mut buf = Vec::new();
        let a = describe("Says", &mut buf);
        let b = describe("says", &mut buf);
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.raw, b.raw);
        assert!(a.has_upper && !b.has_upper);
        assert_eq!(a.suffix, b.suffix);
        assert_ne!(a.shape, b.shape);
        assert_eq!(
            describe("1,200", &mut buf).lower,
            describe("7.5", &mut buf).lower
        );
        assert_ne!(
            describe("1999", &mut buf).lower,
            describe("7.5", &mut buf).lower
        );
    }

    #[test]
    fn keys_differ_by_template_and_are_never_zero() {
        assert_ne!(key(1, 5, 0), key(2, 5, 0));
        assert_ne!(key(1, 5, 6), key(1, 6, 5));
        for v in 0..10_000 {
            assert_ne!(key(3, v, v), 0);
        }
    }
}
