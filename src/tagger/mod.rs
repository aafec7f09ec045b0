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

pub use align::{tagger_words, TaggerWords};
use features::{CaseMode, WordInfo, MAX_FEATURES, START2_TAG, START_TAG};
pub use model::ModelError;
use model::{Model, ModelData, LEX_CLASS, LEX_FIXED};
pub use tags::{PosTag, Upos, Xpos};

/// The shipped weights (see `data/SOURCES.md` for their licence).
static SHIPPED_WEIGHTS: &[u8] = include_bytes!("../../data/tagger.bin");

/// A trained tagger: immutable, shared by threads.
pub struct Tagger {
    model: Model,
}

/// Buffers reused from sentence to sentence, so that tagging allocates
/// nothing once they have grown to the longest sentence.
#[derive(Debug)]
pub struct TagScratch {
    infos: Vec<WordInfo>,
    chars: Vec<char>,
    scores: Box<model::Scores>,
    labels: Vec<u16>,
    words: Vec<String>,
    owners: Vec<u32>,
    /// The static feature keys of the sentence, then their weight handles.
    handles: Vec<u32>,
    /// Where each position's handles start in `handles` (one more at the
    /// end).
    starts: Vec<u32>,
    history: HistoryCache,
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

/// Entries of the history cache (direct mapped).
const HISTORY_ENTRIES: usize = 256;

impl HistoryCache {
    /// The cached row of `(prev, prev2)`, computed on a miss.
    #[inline(always)]
    fn row(&mut self, model: &Model, prev: u32, prev2: u32) -> &[i32] {
        let n = model.labels.len();
        let id = model.id;
        if self.model != id || self.labels != n {
            self.model = id;
            self.labels = n;
            self.keys.clear();
            self.keys.resize(HISTORY_ENTRIES, u32::MAX);
            self.rows.clear();
            self.rows.resize(HISTORY_ENTRIES * n, 0);
        }
        let key = prev << 16 | (prev2 & 0xffff);
        let e = (prev.wrapping_mul(31).wrapping_add(prev2) as usize)
            % HISTORY_ENTRIES;
        let row = &mut self.rows[e * n..(e + 1) * n];
        if self.keys[e] != key {
            self.keys[e] = key;
            let mut scores: model::Scores = [0; 256];
            let mut buf = [0u32; 3];
            features::tag_history_features(prev, prev2, &mut buf);
            model.add_feature(features::bias_key(), &mut scores);
            model.score(&buf, &mut scores);
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
            words: Vec::new(),
            owners: Vec::new(),
            handles: Vec::new(),
            starts: Vec::new(),
            history: HistoryCache::default(),
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
        let mut info = features::describe(w.as_ref(), chars);
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
        infos.push(info);
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
        let data = ModelData::decode(bytes)?;
        Ok(Tagger { model: Model::from_data(&data)? })
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

    /// [`Tagger::tag`] with the caller's buffers.
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
        let model = &self.model;
        describe_sentence(
            words,
            |k| model.lexicon(k),
            &mut scratch.chars,
            &mut scratch.infos,
        );
        let mode = features::case_mode(words);
        let parts = Decode {
            model,
            infos: &scratch.infos,
            handles: &mut scratch.handles,
            starts: &mut scratch.starts,
            scores: &mut scratch.scores,
            history: &mut scratch.history,
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
        decode(parts, mode, labels);
    }
}

/// What decoding a sentence needs: the model and the buffers.
struct Decode<'a> {
    model: &'a Model,
    infos: &'a [WordInfo],
    handles: &'a mut Vec<u32>,
    starts: &'a mut Vec<u32>,
    scores: &'a mut model::Scores,
    history: &'a mut HistoryCache,
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
    decode(parts, mode, labels);
}

/// Greedy decoding of one described sentence into `labels`.
#[inline(always)]
fn decode(parts: Decode<'_>, mode: CaseMode, labels: &mut Vec<u16>) {
    let Decode { model, infos, handles, starts, scores, history } = parts;
    // The features that do not depend on the history, for the whole
    // sentence first: their lookups are independent, so they are
    // prefetched together instead of waiting on memory one by one.
    handles.clear();
    starts.clear();
    let mut buf = [0u32; MAX_FEATURES];
    for (i, info) in infos.iter().enumerate() {
        starts.push(handles.len() as u32);
        if info.fixed.is_none() {
            let k = features::static_features(infos, i, mode, &mut buf);
            handles.extend_from_slice(&buf[..k]);
        }
    }
    starts.push(handles.len() as u32);
    // A pipeline over the words: the slots of word i + 2 are loaded,
    // those of word i + 1 are found (and their weight rows loaded),
    // and word i is scored.
    let span = |i: usize| starts[i] as usize..starts[i + 1] as usize;
    let n = infos.len();
    for i in 0..n.min(PREFETCH_AHEAD) {
        handles[span(i)].iter().for_each(|&k| model.prefetch_feature(k));
    }
    if n > 0 {
        handles[span(0)].iter_mut().for_each(|k| *k = model.find_slot(*k));
    }
    let n_labels = model.labels.len();
    let (mut prev, mut prev2) = (START_TAG, START2_TAG);
    for (i, info) in infos.iter().enumerate() {
        if i + PREFETCH_AHEAD < n {
            handles[span(i + PREFETCH_AHEAD)]
                .iter()
                .for_each(|&k| model.prefetch_feature(k));
        }
        if i + 1 < n {
            handles[span(i + 1)]
                .iter_mut()
                .for_each(|k| *k = model.find_slot(*k));
        }
        let label = match info.fixed {
            Some(l) => l,
            None => {
                scores[..n_labels]
                    .copy_from_slice(history.row(model, prev, prev2));
                // The first static feature is the bias, in the row.
                for &h in &handles[span(i)][1..] {
                    model.add_slot(h, scores);
                }
                let k =
                    features::word_history_features(infos, i, prev, &mut buf);
                model.score(&buf[..k], scores);
                argmax_int(&scores[..n_labels])
            }
        };
        labels.push(label);
        prev2 = prev;
        prev = u32::from(label);
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
/// vectorizes), then its first position.
#[inline(always)]
fn argmax_int(scores: &[i32]) -> u16 {
    let max = scores.iter().copied().fold(i32::MIN, i32::max);
    scores.iter().position(|&s| s == max).unwrap_or(0) as u16
}
