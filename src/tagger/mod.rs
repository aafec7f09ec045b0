//! Part-of-speech tagging: an averaged perceptron (Collins 2002), greedy
//! left to right, with the feature templates of Ratnaparkhi (1996) and
//! Honnibal (2013), trained on the UD English Web Treebank.
//!
//! Input: the words of one sentence (treebank-style tokens, see
//! [`Tagger::tag`]) or whosaid's own tokens of a text (see
//! [`Tagger::tag_tokens`]). Output: one [`PosTag`] per word, a Penn
//! Treebank tag ([`Xpos`]) and a universal tag ([`Upos`]). Place in the
//! pipeline: the `tag` stage (input → normalize → segment → **tag** →
//! quotes → tokens → mentions → cues → rules → resolve → output), for the
//! rules that need grammar: complementizer "that" against relative and
//! determiner, "states" noun against verb, "said" and "alleged" as verb,
//! participle or adjective.
//!
//! The model predicts one label per word, a joint (XPOS, UPOS) pair of
//! the pairs seen in training; the weights are in `data/tagger.bin`
//! (compiled into the binary, an adapted work of the treebank under
//! CC BY-SA 4.0, see `data/SOURCES.md`) and are rebuilt with
//! `whosaid train-tagger`.
//!
//! ```
//! use whosaid::tagger::{Tagger, Xpos};
//! let mut tags = Vec::new();
//! Tagger::shipped().tag(&["He", "said", "that", "the", "plan", "failed", "."], &mut tags);
//! assert_eq!(tags[2].xpos, Xpos::In);
//! ```

mod align;
pub mod conllu;
pub mod evaluate;
mod features;
mod model;
pub mod tags;
pub mod train;

use std::cell::RefCell;
use std::sync::OnceLock;

pub use align::{tagger_words, Tails, TaggerWords, UNTAGGED};
use features::{CaseMode, WordInfo, MAX_FEATURES, START2_TAG, START_TAG};
pub use model::ModelError;
use model::{Model, DENSE_REF, LEX_CLASS, LEX_FIXED};
pub use tags::{PosTag, Upos, Xpos};

/// The shipped weights (see `data/SOURCES.md` for their licence).
static SHIPPED_WEIGHTS: &[u8] = include_bytes!("../../data/tagger.bin");

/// A trained tagger: immutable, shared by threads.
pub struct Tagger {
    model: Model,
}

/// Buffers reused from sentence to sentence, so that tagging a sentence
/// allocates nothing once they have grown to the longest sentence
/// (tagging a document's tokens, [`Tagger::tag_sentences_with`], makes
/// its lists of words, tags and sentences once a document).
#[derive(Debug)]
pub struct TagScratch {
    infos: Vec<WordInfo>,
    chars: Vec<char>,
    scores: Box<model::Scores>,
    labels: Vec<u16>,
    /// The words rewritten from whosaid's tokens ([`align`]), one after
    /// the other, and each one's (word, start, end).
    own_words: String,
    rewritten: Vec<(u32, u32, u32)>,
    owners: Vec<u32>,
    /// The static feature keys of the sentence, then their weight handles.
    handles: Vec<u32>,
    /// Where each position's handles start in `handles` (one more at the
    /// end).
    starts: Vec<u32>,
    history: HistoryCache,
    /// Each word's entry in the word cache and its key.
    entries: Vec<(u32, WordKey)>,
    /// Per position, where its own, previous and next word's cached rows
    /// start in the word cache ([`NO_ROW`]: none to add).
    rows_at: Vec<[u32; 3]>,
    /// How many words of the sentence to decode, from its first: the
    /// caller's, for a sentence whose last words no rule reads (`None`:
    /// all). Decoding is left to right, so the words decoded get the
    /// labels a decoding of the whole sentence gives them.
    decode_words: Option<usize>,
}

/// Score rows of the bias and the previous-two-labels features, by
/// (previous, second previous) label: few pairs are frequent, so most
/// words start from a cached row instead of four lookups.
#[derive(Debug, Default)]
struct HistoryCache {
    /// Which model the rows are of (its id; 0: none).
    model: u64,
    labels: usize,
    /// `prev << 16 | prev2` per entry; `u32::MAX` when empty.
    keys: Vec<u32>,
    rows: Vec<i32>,
}

/// Entries of the history cache (direct mapped, a power of two). With
/// 256, a third of the lookups missed on 400 KB of Wikinews (10,423 of
/// 30,644, callgrind): pairs of the 102 labels collided, and a miss
/// costs some 450 instructions (the bias and three tag features summed).
/// 4,096 rows of 448 bytes are 1.8 MB of address space, of which only
/// the rows of pairs seen are touched.
const HISTORY_ENTRIES: usize = 1 << HISTORY_BITS;
const HISTORY_BITS: u32 = 12;

impl HistoryCache {
    /// The cached row of `(prev, prev2)`, computed on a miss.
    /// (`scores`: a free buffer; `AVX2` as in [`decode`].)
    #[inline(always)]
    fn row<const AVX2: bool>(
        &mut self,
        model: &Model,
        prev: u32,
        prev2: u32,
        scores: &mut model::Scores,
    ) -> &[i32] {
        let n = model.row_len();
        let id = model.id;
        if self.model != id || self.labels != n {
            self.model = id;
            self.labels = n;
            self.keys.clear();
            self.keys.resize(HISTORY_ENTRIES, u32::MAX);
            // Zeroed pages from the allocator, not a resize that writes
            // them all: rows are written before they are read.
            self.rows = vec![0; HISTORY_ENTRIES * n];
        }
        let key = prev << 16 | (prev2 & 0xffff);
        let e = (key.wrapping_mul(0x9e37_79b1) >> (32 - HISTORY_BITS)) as usize;
        let row = &mut self.rows[e * n..(e + 1) * n];
        if self.keys[e] != key {
            self.keys[e] = key;
            let mut buf = [0u32; 4];
            buf[0] = features::bias_key();
            let k = 1 + features::tag_history_features(prev, prev2, &mut buf[1..]);
            score_features_cold::<AVX2>(model, &mut buf[..k], scores);
            row.copy_from_slice(&scores[..n]);
        }
        row
    }
}

impl TagScratch {
    /// Empty buffers.
    pub fn new() -> TagScratch {
        TagScratch {
            infos: Vec::new(),
            chars: Vec::new(),
            scores: Box::new([0; 256]),
            labels: Vec::new(),
            own_words: String::new(),
            rewritten: Vec::new(),
            owners: Vec::new(),
            handles: Vec::new(),
            starts: Vec::new(),
            history: HistoryCache::default(),
            entries: Vec::new(),
            rows_at: Vec::new(),
            decode_words: None,
        }
    }
}

impl Default for TagScratch {
    fn default() -> TagScratch {
        TagScratch::new()
    }
}

thread_local! {
    static SCRATCH: RefCell<TagScratch> = RefCell::new(TagScratch::new());
    /// The words seen by this thread (a thread's, not a scratch's: the
    /// pipeline makes a scratch per document, and the words of news recur
    /// from document to document).
    static WORDS: RefCell<WordCache> = RefCell::new(WordCache::default());
}

/// Words of at most this many bytes less one are cached.
const CACHE_KEY_BYTES: usize = 24;
/// Entries of the word cache (a power of two). Measured with callgrind
/// on 400 KB of Wikinews (and of gen-corpus), instructions a byte after
/// start-up, direct mapped: 4,096 entries 795 (816), 8,192 776 (806),
/// 16,384 764 (805); the rows cost 1.3 KB an entry, so 8,192 is 11 MB a
/// thread (4 MB more peak memory than 4,096 on 10 MB of Wikinews, 8 more
/// with 16,384): fewer words of a long run hashed and looked up again
/// after their entry was taken.
const CACHE_WORDS: usize = 8192;
/// Entries a word may take ([`CACHE_WORDS`] / `CACHE_WAYS` sets of this
/// many; the textbook set-associative cache, Hennessy and Patterson,
/// *Computer Architecture*, ch. 2). Direct mapped, two frequent words of
/// the same entry took it from each other all run long; with four ways
/// they share a set (callgrind numbers in BENCHMARKS.md, seventh session).
const CACHE_WAYS: usize = 4;

/// A word as the key of the cache: its bytes padded with zeros, the last
/// byte its length plus one (so that no word is the empty key, all zeros).
type WordKey = [u64; 3];

/// The key of `word`, if it is short enough to be cached.
#[inline(always)]
fn word_key(word: &str) -> Option<WordKey> {
    let b = word.as_bytes();
    if b.len() >= CACHE_KEY_BYTES {
        return None;
    }
    let mut buf = [0u8; CACHE_KEY_BYTES];
    buf[..b.len()].copy_from_slice(b);
    buf[CACHE_KEY_BYTES - 1] = b.len() as u8 + 1;
    let part = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&buf[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    Some([part(0), part(1), part(2)])
}

/// A memo of what a word costs wherever it is: its [`WordInfo`] (hashes,
/// class, tag-dictionary label) and the summed scores of its
/// [`features::own_word_features`] (spelling alone, no context). News
/// repeats its words, so most words are hashed and their ten or so
/// spelling features looked up once per thread, and tagging a word costs
/// its context features only. The idea of the brief (issue 11's speed
/// bar); integer sums, so the scores, and the tags, are exactly those of
/// the uncached sum.
#[derive(Debug, Default)]
struct WordCache {
    /// Which model the entries are of (its id; 0: none).
    model: u64,
    labels: usize,
    keys: Vec<WordKey>,
    infos: Vec<WordInfo>,
    /// Which of the entry's rows are computed (a bit per role).
    row_ok: Vec<u8>,
    /// Per set, the way its next new word takes (round robin: the way
    /// filled longest ago).
    victim: Vec<u8>,
    /// [`ROLES`] rows of scores per entry.
    rows: Vec<i32>,
}

impl WordCache {
    /// Empties the cache if it is of another model.
    fn open(&mut self, model: &Model) {
        let n = model.row_len();
        if self.model != model.id || self.labels != n {
            self.model = model.id;
            self.labels = n;
            self.keys.clear();
            self.keys.resize(CACHE_WORDS, [0; 3]);
            self.infos.clear();
            self.infos.resize(CACHE_WORDS, WordInfo::default());
            self.row_ok.clear();
            self.row_ok.resize(CACHE_WORDS, 0);
            self.victim.clear();
            self.victim.resize(CACHE_WORDS / CACHE_WAYS, 0);
            // A zeroed allocation (the allocator's fresh pages), not a
            // resize that writes every element: that cost 5.5 million
            // instructions at start-up (callgrind), for rows that are
            // written before they are read.
            self.rows = vec![0; CACHE_WORDS * ROLES * n];
        }
    }

    /// The first entry of the set of `key`.
    #[inline(always)]
    fn set_of(key: &WordKey) -> usize {
        let h = features::mix64(
            key[0] ^ key[1].wrapping_mul(0x9e37_79b9_7f4a_7c15)
                ^ key[2].wrapping_mul(0x632b_e59b_d9b4_e019),
        );
        ((h as usize) & (CACHE_WORDS / CACHE_WAYS - 1)) * CACHE_WAYS
    }

    /// The entry holding `key`, and whether it was already there: a free
    /// or the oldest way of its set is taken (and marked for
    /// `describe`) when it was not.
    #[inline(always)]
    fn find_or_take(&mut self, key: &WordKey) -> (usize, bool) {
        let first = Self::set_of(key);
        if let Some(w) =
            self.keys[first..first + CACHE_WAYS].iter().position(|k| k == key)
        {
            return (first + w, true);
        }
        let set = first / CACHE_WAYS;
        let w = usize::from(self.victim[set]);
        self.victim[set] = ((w + 1) % CACHE_WAYS) as u8;
        let e = first + w;
        self.keys[e] = *key;
        self.row_ok[e] = 0;
        (e, false)
    }

    /// Where the score row of entry `e` in `role` starts in `rows`, if
    /// the entry still holds `key` (a later word of the sentence may have
    /// taken it), computed on first use (in `scores`, a free buffer;
    /// `AVX2` as in [`decode`]).
    #[inline(always)]
    fn prepare<const AVX2: bool>(
        &mut self,
        model: &Model,
        e: u32,
        key: &WordKey,
        role: usize,
        scores: &mut model::Scores,
    ) -> Option<usize> {
        let e = e as usize;
        if e >= CACHE_WORDS || self.keys[e] != *key {
            return None;
        }
        let n = self.labels;
        let at = (e * ROLES + role) * n;
        if self.row_ok[e] & (1 << role) == 0 {
            let mut buf = [0u32; MAX_FEATURES];
            let k = role_features(&self.infos[e], role, &mut buf);
            score_features_cold::<AVX2>(model, &mut buf[..k], scores);
            self.rows[at..at + n].copy_from_slice(&scores[..n]);
            self.row_ok[e] |= 1 << role;
        }
        Some(at)
    }
}

/// Cached rows per word: its own features, as the previous word, as the
/// next word.
const ROLES: usize = 3;
const ROLE_OWN: usize = 0;
const ROLE_PREV: usize = 1;
const ROLE_NEXT: usize = 2;

/// The features of a word in a role of [`WordCache`].
#[inline(always)]
fn role_features(info: &WordInfo, role: usize, out: &mut [u32]) -> usize {
    match role {
        ROLE_OWN => features::own_word_features(info, out),
        ROLE_PREV => features::as_prev_features(info, out),
        _ => features::as_next_features(info, out),
    }
}

/// Hashes the words of a sentence into `infos`, with their lexicon class
/// and tag-dictionary label looked up by `lexicon`.
pub(crate) fn describe_sentence<S: AsRef<str>>(
    words: &[S],
    lexicon: impl Fn(u32) -> Option<(u16, u8)>,
    chars: &mut Vec<char>,
    infos: &mut Vec<WordInfo>,
) {
    infos.clear();
    for w in words {
        infos.push(describe_word(w.as_ref(), &lexicon, chars));
    }
}

/// Describes one word (hashes, lexicon class and tag-dictionary label).
#[inline(always)]
fn describe_word(
    word: &str,
    lexicon: &impl Fn(u32) -> Option<(u16, u8)>,
    chars: &mut Vec<char>,
) -> WordInfo {
    let mut info = features::describe(word, chars);
    let (raw_key, lower_key) = features::lexicon_keys(&info);
    info.fixed = lexicon(raw_key)
        .filter(|&(_, flags)| flags & LEX_FIXED != 0)
        .map(|(label, _)| label);
    info.class = match lexicon(lower_key) {
        Some((label, flags)) if flags & LEX_CLASS != 0 => {
            features::known_class(label)
        }
        _ => features::unknown_class(&info),
    };
    info
}

/// [`describe_sentence`] through the word cache: also gives each word's
/// cache entry and key (`u32::MAX` for a word too long to be cached).
fn describe_sentence_cached<S: AsRef<str>>(
    words: &[S],
    model: &Model,
    cache: &mut WordCache,
    chars: &mut Vec<char>,
    infos: &mut Vec<WordInfo>,
    entries: &mut Vec<(u32, WordKey)>,
) {
    cache.open(model);
    infos.clear();
    entries.clear();
    let lexicon = |k| model.lexicon(k);
    for w in words {
        let w = w.as_ref();
        match word_key(w) {
            Some(key) => {
                let (e, known) = cache.find_or_take(&key);
                if !known {
                    cache.infos[e] = describe_word(w, &lexicon, chars);
                }
                infos.push(cache.infos[e]);
                entries.push((e as u32, key));
            }
            None => {
                infos.push(describe_word(w, &lexicon, chars));
                entries.push((u32::MAX, [0; 3]));
            }
        }
    }
}

impl Tagger {
    /// The tagger of the shipped weights, read once on first use.
    pub fn shipped() -> &'static Tagger {
        static SHIPPED: OnceLock<Tagger> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Tagger::from_bytes(SHIPPED_WEIGHTS).unwrap_or_else(|e| {
                panic!("data/tagger.bin compiled into whosaid: {e}")
            })
        })
    }

    /// A tagger from the bytes of a weights file (as written by
    /// `whosaid train-tagger`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger { model: Model::from_bytes(bytes)? })
    }

    /// Every (XPOS, UPOS) pair the tagger can give.
    pub fn labels(&self) -> &[PosTag] {
        &self.model.labels
    }

    /// How many weights the tagger has.
    pub fn weight_count(&self) -> usize {
        self.model.feature_count()
    }

    /// Tags the words of one sentence into `out` (cleared first), one tag
    /// per word. Words are tokens as in the Penn and UD treebanks:
    /// punctuation apart, "'s" and "n't" apart ("does" "n't"), quotation
    /// marks as `"` or `` `` `` and `''`. Uses a buffer of the calling
    /// thread; see [`Tagger::tag_with`] to pass your own.
    pub fn tag<S: AsRef<str>>(&self, words: &[S], out: &mut Vec<PosTag>) {
        SCRATCH.with(|s| match s.try_borrow_mut() {
            Ok(mut scratch) => self.tag_with(words, &mut scratch, out),
            Err(_) => self.tag_with(words, &mut TagScratch::new(), out),
        });
    }

    /// [`Tagger::tag`] with the caller's buffers. (Not inlined: a sentence
    /// is a call, and profiles find the tagger by this name.)
    #[inline(never)]
    pub fn tag_with<S: AsRef<str>>(
        &self,
        words: &[S],
        scratch: &mut TagScratch,
        out: &mut Vec<PosTag>,
    ) {
        let mut labels = std::mem::take(&mut scratch.labels);
        self.tag_labels(words, scratch, &mut labels);
        out.clear();
        out.extend(labels.iter().map(|&l| self.model.labels[usize::from(l)]));
        scratch.labels = labels;
    }

    /// Tags into label ids.
    fn tag_labels<S: AsRef<str>>(
        &self,
        words: &[S],
        scratch: &mut TagScratch,
        labels: &mut Vec<u16>,
    ) {
        labels.clear();
        WORDS.with(|c| match c.try_borrow_mut() {
            Ok(mut cache) => self.tag_cached(words, scratch, &mut cache, labels),
            Err(_) => self.tag_cached(
                words,
                scratch,
                &mut WordCache::default(),
                labels,
            ),
        });
    }

    /// [`Tagger::tag_labels`] with a word cache.
    fn tag_cached<S: AsRef<str>>(
        &self,
        words: &[S],
        scratch: &mut TagScratch,
        cache: &mut WordCache,
        labels: &mut Vec<u16>,
    ) {
        let model = &self.model;
        describe_sentence_cached(
            words,
            model,
            cache,
            &mut scratch.chars,
            &mut scratch.infos,
            &mut scratch.entries,
        );
        let mode = features::case_mode_of(&scratch.infos);
        let parts = Decode {
            model,
            infos: &scratch.infos,
            entries: &scratch.entries,
            cache,
            handles: &mut scratch.handles,
            starts: &mut scratch.starts,
            scores: &mut scratch.scores,
            history: &mut scratch.history,
            rows_at: &mut scratch.rows_at,
            decode: scratch.decode_words.map_or(words.len(), |n| n.min(words.len())),
        };
        #[cfg(target_arch = "x86_64")]
        {
            static AVX2: OnceLock<bool> = OnceLock::new();
            if *AVX2.get_or_init(|| is_x86_feature_detected!("avx2")) {
                // SAFETY: the processor was just found to support AVX2.
                unsafe { decode_avx2(parts, mode, labels) };
                return;
            }
        }
        decode::<false>(parts, mode, labels);
    }
}

/// What decoding a sentence needs: the model and the buffers.
struct Decode<'a> {
    model: &'a Model,
    infos: &'a [WordInfo],
    entries: &'a [(u32, WordKey)],
    cache: &'a mut WordCache,
    handles: &'a mut Vec<u32>,
    starts: &'a mut Vec<u32>,
    scores: &'a mut model::Scores,
    history: &'a mut HistoryCache,
    rows_at: &'a mut Vec<[u32; 3]>,
    /// How many words to decode, from the first (the features of the
    /// last read the words after it all the same).
    decode: usize,
}

/// [`decode`] compiled for AVX2 (the dense weight rows are added sixteen
/// labels an instruction).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn decode_avx2(
    parts: Decode<'_>,
    mode: CaseMode,
    labels: &mut Vec<u16>,
) {
    decode::<true>(parts, mode, labels);
}

/// Greedy decoding of one described sentence into `labels`; `AVX2`: the
/// caller is compiled for AVX2 (see [`argmax_int`]).
#[inline(always)]
fn decode<const AVX2: bool>(
    parts: Decode<'_>,
    mode: CaseMode,
    labels: &mut Vec<u16>,
) {
    let Decode {
        model,
        infos,
        entries,
        cache,
        handles,
        starts,
        scores,
        history,
        rows_at,
        decode,
    } = parts;
    // The features that do not depend on the history, for the whole
    // sentence first: their lookups are independent, so they are
    // prefetched together instead of waiting on memory one by one. The
    // cached rows of each position (its word's own, and its neighbours'
    // as the previous and the next word) are found here too: the cache's
    // keys do not change while the sentence is decoded, so a row found
    // now is the row found at the word. A row that cannot be cached (the
    // word too long, or its entry taken by a later word of the sentence)
    // has its features looked up with the handles instead: integer sums,
    // so the order of the additions does not change the scores.
    //
    // The keys are written straight into `handles`, kept at least
    // [`MAX_FEATURES`] a word long (its length is room, not what is
    // used: `starts` says that): copying each word's keys from a buffer
    // was a call of memcpy a word.
    //
    // Each position's span of `handles` starts with [`HISTORY_ROOM`]
    // free entries, for the dense rows of its history features (see
    // below), then its keys.
    starts.clear();
    rows_at.clear();
    let mut buf = [0u32; MAX_FEATURES];
    let n = infos.len();
    let room = MAX_FEATURES + HISTORY_ROOM;
    if handles.len() < n * room {
        handles.resize(n * room, 0);
    }
    let mut used = 0;
    for (i, info) in infos[..decode].iter().enumerate() {
        starts.push(used as u32);
        used += HISTORY_ROOM;
        let mut at = [NO_ROW; 3];
        if info.fixed.is_none() {
            let buf = &mut handles[used..used + MAX_FEATURES];
            let mut k = features::pair_features(infos, i, mode, buf);
            let roles = [
                (Some(i), ROLE_OWN),
                (i.checked_sub(1), ROLE_PREV),
                ((i + 1 < n).then_some(i + 1), ROLE_NEXT),
            ];
            for (r, &(j, role)) in roles.iter().enumerate() {
                let Some(j) = j else {
                    // The sentinels before and after the sentence.
                    let edge =
                        if role == ROLE_PREV { &WordInfo::START } else { &WordInfo::END };
                    k += role_features(edge, role, &mut buf[k..]);
                    continue;
                };
                let (e, key) = &entries[j];
                match cache.prepare::<AVX2>(model, *e, key, role, scores) {
                    Some(o) => at[r] = o as u32,
                    None => k += role_features(&infos[j], role, &mut buf[k..]),
                }
            }
            used += k;
        }
        rows_at.push(at);
    }
    starts.push(used as u32);
    // A pipeline over the words: the slots of word i + 2 are loaded,
    // those of word i + 1 are found (and their weight rows loaded),
    // and word i is scored.
    let keys = |i: usize| starts[i] as usize + HISTORY_ROOM..starts[i + 1] as usize;
    for i in 0..decode.min(PREFETCH_AHEAD) {
        handles[keys(i)].iter().for_each(|&k| model.prefetch_feature(k));
    }
    let mut next_dense = 0;
    if decode > 0 {
        next_dense = find_handles(model, &mut handles[keys(0)]);
    }
    let n_labels = model.labels.len();
    let row_len = model.row_len();
    let (mut prev, mut prev2) = (START_TAG, START2_TAG);
    for (i, info) in infos[..decode].iter().enumerate() {
        if i + PREFETCH_AHEAD < decode {
            handles[keys(i + PREFETCH_AHEAD)]
                .iter()
                .for_each(|&k| model.prefetch_feature(k));
        }
        let n_dense = next_dense;
        if i + 1 < decode {
            next_dense = find_handles(model, &mut handles[keys(i + 1)]);
        }
        let label = match info.fixed {
            Some(l) => l,
            None => {
                // The bias is in the history row; the word's own
                // features in its cached row, and its neighbours' as the
                // previous and the next word in theirs: the four rows and
                // the dense rows of the features are summed in one pass
                // (each score loaded and stored once, not once a row: the
                // row adds were a sixth of decoding, callgrind); the
                // sparse weights are added after it.
                let hist = history.row::<AVX2>(model, prev, prev2, scores);
                let rows = &cache.rows;
                let row = |o: u32| {
                    if o == NO_ROW {
                        &ZERO_ROW[..row_len]
                    } else {
                        let o = o as usize;
                        &rows[o..o + row_len]
                    }
                };
                let [a, b, c] = rows_at[i];
                // The history features' dense rows go in the free room
                // just before the position's own dense rows, so that
                // they are one run of handles.
                let k =
                    features::word_history_features(infos, i, prev, &mut buf);
                let span = keys(i);
                let mut first = span.start;
                let mut sparse = [0u32; HISTORY_ROOM];
                let mut n_sparse = 0;
                for &f in &buf[..k] {
                    let h = model.find_slot(f);
                    if h & DENSE_REF != 0 {
                        first -= 1;
                        handles[first] = h & !DENSE_REF;
                    } else {
                        sparse[n_sparse] = h;
                        n_sparse += 1;
                    }
                }
                let dense_end = span.start + n_dense;
                sum_dense::<AVX2>(
                    model,
                    scores,
                    [hist, row(a), row(b), row(c)],
                    &handles[first..dense_end],
                );
                for &h in &handles[dense_end..span.end] {
                    model.add_slot(h, scores);
                }
                for &h in &sparse[..n_sparse] {
                    model.add_slot(h, scores);
                }
                argmax_int::<AVX2>(&scores[..n_labels])
            }
        };
        labels.push(label);
        prev2 = prev;
        prev = u32::from(label);
    }
}

/// `scores[..row_len]` = the summed weights of the feature `keys` (which
/// become handles), dense rows in one pass as a word's in [`decode`].
#[inline(always)]
fn score_features<const AVX2: bool>(
    model: &Model,
    keys: &mut [u32],
    scores: &mut model::Scores,
) {
    let n_dense = find_handles(model, keys);
    let zero = &ZERO_ROW[..model.row_len()];
    sum_dense::<AVX2>(model, scores, [zero; 4], &keys[..n_dense]);
    for &h in &keys[n_dense..] {
        model.add_slot(h, scores);
    }
}

/// [`score_features`] out of line, for the rows computed on a cache miss:
/// inlined there, it kept the decoder's own sum from being inlined
/// (+0.6 M instructions on 400 KB of Wikinews, callgrind).
#[inline(never)]
fn score_features_cold<const AVX2: bool>(
    model: &Model,
    keys: &mut [u32],
    scores: &mut model::Scores,
) {
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is true only in code compiled for AVX2, which
        // runs only where it was detected (`Tagger::tag_cached`).
        unsafe { score_features_avx2(model, keys, scores) };
        return;
    }
    score_features::<false>(model, keys, scores);
}

/// [`score_features`] compiled for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn score_features_avx2(
    model: &Model,
    keys: &mut [u32],
    scores: &mut model::Scores,
) {
    score_features::<true>(model, keys, scores);
}

/// Free handles before each position's keys: room for the dense rows of
/// its [`features::word_history_features`].
const HISTORY_ROOM: usize = features::WORD_HISTORY_FEATURES;

/// Turns the feature keys of a position into handles of
/// [`Model::find_slot`], those of dense rows first (as row starts,
/// without [`DENSE_REF`]); returns how many those are.
#[inline(always)]
fn find_handles(model: &Model, keys: &mut [u32]) -> usize {
    let mut dense = 0;
    for j in 0..keys.len() {
        let h = model.find_slot(keys[j]);
        if h & DENSE_REF != 0 {
            // The handle at `dense` (already found, or this key when
            // j == dense) moves to j.
            keys[j] = keys[dense];
            keys[dense] = h & !DENSE_REF;
            dense += 1;
        } else {
            keys[j] = h;
        }
    }
    dense
}

/// No cached row (in [`TagScratch::rows_at`]).
const NO_ROW: u32 = u32::MAX;

/// A row of zeros, for a word whose row is not cached.
static ZERO_ROW: model::Scores = [0; 256];

/// `scores = a + b + c + d`, label by label, over padded rows (a loop
/// without remainder, inlined into the AVX2 decoder).
#[inline(always)]
fn sum_rows(scores: &mut [i32], [a, b, c, d]: [&[i32]; 4]) {
    let rows = a.iter().zip(b).zip(c).zip(d);
    for (s, (((a, b), c), d)) in scores.iter_mut().zip(rows) {
        *s = a + b + c + d;
    }
}

/// `scores[..row_len] = rows summed + the dense rows starting at
/// `dense` (in [`Model::dense_rows`])`; with `AVX2` (the caller is
/// compiled for it), sixteen labels at a time, each kept in registers
/// while every row is added to it.
#[inline(always)]
fn sum_dense<const AVX2: bool>(
    model: &Model,
    scores: &mut model::Scores,
    rows: [&[i32]; 4],
    dense: &[u32],
) {
    let n = model.row_len();
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is true only in code compiled for AVX2, which
        // runs only where it was detected (`Tagger::tag_cached`).
        // The starts are those of `Model::find_slot`, each at least
        // `row_len` before the end of `dense_rows`.
        unsafe { sum_dense_avx2(&mut scores[..n], rows, dense, model.dense_rows()) };
        return;
    }
    sum_rows(&mut scores[..n], rows);
    for &o in dense {
        model.add_dense(o, scores);
    }
}

/// [`sum_dense`] in AVX2: `scores` is a padded row (a multiple of
/// [`model::ROW_LANES`] long), as are the `rows`.
///
/// Not a `target_feature` function but always inlined, into callers
/// compiled for AVX2 (one of those was not inlined, a call a word).
///
/// # Safety
/// The caller is compiled for AVX2, and every start in `dense` is at
/// least `scores.len()` before the end of `weights` (as the dense row
/// starts of [`Model::find_slot`] are: their bounds are not checked
/// here, a check a row was a tenth of this function's cost).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn sum_dense_avx2(
    scores: &mut [i32],
    rows: [&[i32]; 4],
    dense: &[u32],
    weights: &[i16],
) {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_add_epi32, _mm256_cvtepi16_epi32,
        _mm256_loadu_si256, _mm256_storeu_si256, _mm_loadu_si128,
    };
    if scores.len() == 112 {
        // The shipped model's rows (102 labels padded): the whole row in
        // fourteen registers while the dense rows are added, not a pass
        // over the dense rows for each sixteen labels.
        // SAFETY: as this function's.
        unsafe { sum_dense_in_registers::<14>(scores, rows, dense, weights) };
        return;
    }
    let n = scores.len();
    // The bounds of the loads of `rows`, checked once.
    assert!(n % 16 == 0 && rows.iter().all(|r| r.len() >= n));
    debug_assert!(dense.iter().all(|&o| o as usize + n <= weights.len()));
    let [r0, r1, r2, r3] = rows.map(<[i32]>::as_ptr);
    let w = weights.as_ptr();
    let out = scores.as_mut_ptr();
    for g in (0..n).step_by(16) {
        // SAFETY: `g + 16 <= n`, every row is at least `n` long
        // (asserted above), and so is each dense row from its start (the
        // caller's promise); the loads and stores are unaligned.
        unsafe {
            let ld = |r: *const i32, at: usize| -> __m256i {
                _mm256_loadu_si256(r.add(at).cast())
            };
            let mut lo = _mm256_add_epi32(
                _mm256_add_epi32(ld(r0, g), ld(r1, g)),
                _mm256_add_epi32(ld(r2, g), ld(r3, g)),
            );
            let mut hi = _mm256_add_epi32(
                _mm256_add_epi32(ld(r0, g + 8), ld(r1, g + 8)),
                _mm256_add_epi32(ld(r2, g + 8), ld(r3, g + 8)),
            );
            for &o in dense {
                let p = w.add(o as usize + g);
                let a = _mm_loadu_si128(p.cast::<__m128i>());
                let b = _mm_loadu_si128(p.add(8).cast::<__m128i>());
                lo = _mm256_add_epi32(lo, _mm256_cvtepi16_epi32(a));
                hi = _mm256_add_epi32(hi, _mm256_cvtepi16_epi32(b));
            }
            _mm256_storeu_si256(out.add(g).cast(), lo);
            _mm256_storeu_si256(out.add(g + 8).cast(), hi);
        }
    }
}

/// [`sum_dense_avx2`] of a row of `CHUNKS` times eight labels, held in
/// registers.
///
/// # Safety
/// As [`sum_dense_avx2`]'s.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn sum_dense_in_registers<const CHUNKS: usize>(
    scores: &mut [i32],
    rows: [&[i32]; 4],
    dense: &[u32],
    weights: &[i16],
) {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm256_add_epi32, _mm256_cvtepi16_epi32,
        _mm256_loadu_si256, _mm256_setzero_si256, _mm256_storeu_si256,
        _mm_loadu_si128,
    };
    let n = CHUNKS * 8;
    // The bounds of the loads of `rows` and the stores, checked once.
    assert!(scores.len() == n && rows.iter().all(|r| r.len() >= n));
    debug_assert!(dense.iter().all(|&o| o as usize + n <= weights.len()));
    let [r0, r1, r2, r3] = rows.map(<[i32]>::as_ptr);
    let w = weights.as_ptr();
    let out = scores.as_mut_ptr();
    let mut acc: [__m256i; CHUNKS] = [_mm256_setzero_si256(); CHUNKS];
    // SAFETY: every offset is below `n`, the length of each of `rows`
    // and of `scores` (asserted above) and of each dense row from its
    // start (the caller's promise); the loads and stores are unaligned.
    unsafe {
        for (c, a) in acc.iter_mut().enumerate() {
            let ld = |r: *const i32| -> __m256i {
                _mm256_loadu_si256(r.add(c * 8).cast())
            };
            *a = _mm256_add_epi32(
                _mm256_add_epi32(ld(r0), ld(r1)),
                _mm256_add_epi32(ld(r2), ld(r3)),
            );
        }
        for &o in dense {
            let p = w.add(o as usize);
            for (c, a) in acc.iter_mut().enumerate() {
                let v = _mm_loadu_si128(p.add(c * 8).cast::<__m128i>());
                *a = _mm256_add_epi32(*a, _mm256_cvtepi16_epi32(v));
            }
        }
        for (c, a) in acc.iter().enumerate() {
            _mm256_storeu_si256(out.add(c * 8).cast(), *a);
        }
    }
}

/// How many words ahead the feature lookups are prefetched.
const PREFETCH_AHEAD: usize = 2;

/// Greedy left-to-right decoding (Collins 2002; Honnibal 2013): each
/// word's label is the best one given the labels already chosen; words of
/// the tag dictionary take their label without scoring. `best` is given
/// the features of position `i` and `i`, and returns the label.
pub(crate) fn greedy(
    infos: &[WordInfo],
    mode: CaseMode,
    labels: &mut Vec<u16>,
    mut best: impl FnMut(&[u32], usize) -> u16,
) {
    let mut feats = [0u32; MAX_FEATURES];
    let (mut prev, mut prev2) = (START_TAG, START2_TAG);
    for i in 0..infos.len() {
        let label = match infos[i].fixed {
            Some(l) => l,
            None => {
                let k = features::token_features(
                    infos, i, prev, prev2, mode, &mut feats,
                );
                best(&feats[..k], i)
            }
        };
        labels.push(label);
        prev2 = prev;
        prev = u32::from(label);
    }
}

/// The index of the highest score, the first on ties.
#[inline(always)]
pub(crate) fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> u16 {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best as u16
}

/// [`argmax`] for integer scores: the maximum first (a loop the compiler
/// vectorizes), then its first position; with `AVX2` (the caller is
/// compiled for it), eight labels an instruction: the scalar search cost
/// 290 instructions a word, half the labels on average (callgrind).
#[inline(always)]
fn argmax_int<const AVX2: bool>(scores: &[i32]) -> u16 {
    let max = scores.iter().copied().fold(i32::MIN, i32::max);
    #[cfg(target_arch = "x86_64")]
    if AVX2 {
        // SAFETY: `AVX2` is true only in code compiled for AVX2, which
        // runs only where it was detected (`Tagger::tag_cached`).
        return unsafe { first_equal_avx2(scores, max) };
    }
    scores.iter().position(|&s| s == max).unwrap_or(0) as u16
}

/// The first position of `max` in `scores` (0 if absent), eight lanes a
/// compare.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn first_equal_avx2(scores: &[i32], max: i32) -> u16 {
    use std::arch::x86_64::{
        _mm256_castsi256_ps, _mm256_cmpeq_epi32, _mm256_loadu_si256,
        _mm256_movemask_ps, _mm256_set1_epi32,
    };
    let want = _mm256_set1_epi32(max);
    let chunks = scores.chunks_exact(8);
    let rest = chunks.remainder();
    for (c, chunk) in chunks.enumerate() {
        // SAFETY: `chunk` is eight i32s, 32 bytes (an unaligned load).
        let v = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) };
        let mask = _mm256_movemask_ps(_mm256_castsi256_ps(
            _mm256_cmpeq_epi32(v, want),
        ));
        if mask != 0 {
            return (c * 8 + mask.trailing_zeros() as usize) as u16;
        }
    }
    let base = scores.len() - rest.len();
    (base + rest.iter().position(|&s| s == max).unwrap_or(0)) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    fn avx2() -> bool {
        #[cfg(target_arch = "x86_64")]
        return is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        false
    }

    #[test]
    fn integer_argmax_is_the_first_maximum() {
        // Ties in every place of an eight-label step and in the remainder,
        // and negative scores (the padding lanes are never read).
        let mut scores = vec![-5i32; 102];
        assert_eq!(argmax_int::<false>(&scores), 0);
        for (at, also) in [(7, 9), (8, 101), (63, 64), (97, 100), (101, 101)] {
            scores.fill(-5);
            scores[at] = 3;
            scores[also] = 3;
            assert_eq!(argmax_int::<false>(&scores), argmax(&scores));
            assert_eq!(usize::from(argmax_int::<false>(&scores)), at.min(also));
            if avx2() {
                assert_eq!(argmax_int::<true>(&scores), argmax(&scores));
            }
        }
        let mixed: Vec<i32> = (0..102).map(|i| (i * 37 % 101) - 50).collect();
        assert_eq!(argmax_int::<false>(&mixed), argmax(&mixed));
        assert_eq!(argmax_int::<false>(&[]), 0);
        if avx2() {
            assert_eq!(argmax_int::<true>(&mixed), argmax(&mixed));
            assert_eq!(argmax_int::<true>(&[]), 0);
        }
    }
}
