//! The weights file (`data/tagger.bin`) and the tables read from it.
//!
//! Input: the bytes of a weights file, written by [`ModelData::encode`]
//! at the end of training. Output: a [`Model`], open-addressing tables
//! from feature key to a short list of (label, weight) pairs and from word
//! key to its lexicon entry, ready for scoring. Place in the pipeline:
//! the data of the `tag` stage, loaded once.
//!
//! File layout (little endian), version 1:
//!
//! ```text
//! magic  "WHOSAIDT"          8 bytes
//! version                    u32 = 1
//! labels: n                  u32, then n x (xpos u8, upos u8)
//! lexicon: n                 u32, then n x (key delta varint, label u8, flags u8)
//! features: n                u32, then n x (key delta varint, count u8,
//!                                           count x (label u8, weight i16))
//! ```
//!
//! Keys are sorted and written as the difference from the previous key
//! (LEB128), so a 32-bit key costs about two bytes; weights are the
//! averaged perceptron weights quantized to 16 bits with one scale for the
//! file (the scale does not change the argmax, so it is not stored).

use super::tags::{PosTag, Upos, Xpos};

const MAGIC: &[u8; 8] = b"WHOSAIDT";
const VERSION: u32 = 1;

/// Lexicon flag: the raw word is in the tag dictionary (always this label).
pub(crate) const LEX_FIXED: u8 = 1;
/// Lexicon flag: the lower-case word's most frequent label (its class).
pub(crate) const LEX_CLASS: u8 = 2;

/// The contents of a weights file, as training produces them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ModelData {
    /// Label id -> tag pair.
    pub labels: Vec<PosTag>,
    /// (key, label, flags), sorted by key, keys unique.
    pub lexicon: Vec<(u32, u16, u8)>,
    /// (key, [(label, weight)]), sorted by key, keys unique, labels sorted.
    pub features: Vec<(u32, Vec<(u16, i16)>)>,
}

/// A malformed weights file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad tagger weights: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    #[inline(always)]
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| {
            ModelError(format!("truncated at byte {}", self.at))
        })?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    #[inline(always)]
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// A LEB128 number, read from the slice in one loop (not a checked
    /// `u8()` a byte: the 168,000 keys of the shipped weights made that a
    /// fifth of the tagger's loading, callgrind).
    #[inline(always)]
    fn varint(&mut self) -> Result<u32, ModelError> {
        let rest = &self.bytes[self.at..];
        // Most keys' gaps take two or three bytes.
        if let [b0, b1, b2, ..] = *rest {
            if b1 < 0x80 && b0 >= 0x80 {
                self.at += 2;
                return Ok(u32::from(b0 & 0x7f) | u32::from(b1) << 7);
            }
            if b2 < 0x80 && b1 >= 0x80 && b0 >= 0x80 {
                self.at += 3;
                return Ok(u32::from(b0 & 0x7f)
                    | u32::from(b1 & 0x7f) << 7
                    | u32::from(b2) << 14);
            }
        }
        let mut v: u64 = 0;
        for (j, &b) in rest.iter().take(5).enumerate() {
            v |= u64::from(b & 0x7f) << (7 * j);
            if b & 0x80 == 0 {
                self.at += j + 1;
                return u32::try_from(v)
                    .map_err(|_| ModelError("varint overflow".into()));
            }
        }
        if rest.len() < 5 {
            Err(ModelError(format!("truncated at byte {}", self.bytes.len())))
        } else {
            Err(ModelError("varint too long".into()))
        }
    }
    /// The next of a list of strictly increasing keys stored as gaps
    /// from the one before (`key` holds it; the first, `i == 0`, may be
    /// a gap of 0). `what` names the list in errors.
    #[inline(always)]
    fn next_key(&mut self, i: usize, key: &mut u32, what: &str) -> Result<u32, ModelError> {
        let d = self.varint()?;
        if i > 0 && d == 0 {
            return Err(ModelError(format!("{what} keys not increasing")));
        }
        *key = key
            .checked_add(d)
            .ok_or_else(|| ModelError(format!("{what} key overflow")))?;
        Ok(*key)
    }
}

impl ModelData {
    /// The file's bytes.
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for t in &self.labels {
            out.push(t.xpos as u8);
            out.push(t.upos as u8);
        }
        out.extend_from_slice(&(self.lexicon.len() as u32).to_le_bytes());
        let mut last = 0;
        for &(k, label, flags) in &self.lexicon {
            put_varint(&mut out, k - last);
            last = k;
            out.push(label as u8);
            out.push(flags);
        }
        out.extend_from_slice(&(self.features.len() as u32).to_le_bytes());
        let mut last = 0;
        for (k, entries) in &self.features {
            put_varint(&mut out, k - last);
            last = *k;
            out.push(entries.len() as u8);
            for &(label, w) in entries {
                out.push(label as u8);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a file's bytes (the tests' check of [`ModelData::encode`];
    /// the tagger reads with [`Model::from_bytes`]).
    #[cfg(test)]
    pub(crate) fn decode(bytes: &[u8]) -> Result<ModelData, ModelError> {
        struct Collect(ModelData);
        impl Sink for Collect {
            fn labels(&mut self, labels: &[PosTag], n_features: usize) {
                self.0.labels = labels.to_vec();
                self.0.features.reserve(n_features.min(1 << 22));
            }
            fn feature(
                &mut self,
                key: u32,
                pairs: &[u8],
            ) -> Result<(), ModelError> {
                self.0.features.push((key, pair_iter(pairs).collect()));
                Ok(())
            }
        }
        let mut sink = Collect(ModelData::default());
        sink.0.lexicon = read(bytes, &mut sink)?;
        Ok(sink.0)
    }
}

/// What [`read`] hands the features of a file to, one at a time: so that
/// loading the shipped weights builds the tables directly, without a
/// list of every feature's weights first (half the start-up cost of the
/// tagger, measured with callgrind).
trait Sink {
    /// The labels, and how many features follow.
    fn labels(&mut self, labels: &[PosTag], n_features: usize);
    /// One feature: its key and its (label, weight) pairs as in the file
    /// (3 bytes a pair, see [`pair_iter`]), labels checked.
    fn feature(&mut self, key: u32, pairs: &[u8]) -> Result<(), ModelError>;
}

/// The (label, weight) pairs of a feature's bytes in the file: a label
/// byte, then the weight as `i16` little endian.
#[inline(always)]
#[cfg(test)]
fn pair_iter(pairs: &[u8]) -> impl Iterator<Item = (u16, i16)> + '_ {
    pairs
        .chunks_exact(3)
        .map(|p| (u16::from(p[0]), i16::from_le_bytes([p[1], p[2]])))
}

/// Reads a weights file (layout in the module doc), checking it, and
/// gives its labels and features to `sink`; returns the lexicon.
fn read(
    bytes: &[u8],
    sink: &mut impl Sink,
) -> Result<Vec<(u32, u16, u8)>, ModelError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(8)? != MAGIC {
        return Err(ModelError("not a whosaid tagger file".into()));
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(ModelError(format!("version {version}, expected 1")));
    }
    let n_labels = r.u32()? as usize;
    if n_labels == 0 || n_labels > 255 {
        return Err(ModelError(format!("{n_labels} labels")));
    }
    let mut labels = Vec::with_capacity(n_labels);
    for _ in 0..n_labels {
        let x = r.u8()?;
        let u = r.u8()?;
        let xpos = Xpos::from_u8(x)
            .ok_or_else(|| ModelError(format!("XPOS number {x}")))?;
        let upos = Upos::from_u8(u)
            .ok_or_else(|| ModelError(format!("UPOS number {u}")))?;
        labels.push(PosTag { xpos, upos });
    }
    let check_label = |l: u8| {
        if usize::from(l) < n_labels {
            Ok(u16::from(l))
        } else {
            Err(ModelError(format!("label {l} of {n_labels}")))
        }
    };
    let n_lex = r.u32()? as usize;
    let mut lexicon = Vec::with_capacity(n_lex.min(1 << 22));
    let mut key = 0u32;
    for i in 0..n_lex {
        let key = r.next_key(i, &mut key, "lexicon")?;
        let b = r.take(2)?;
        let (label, flags) = (check_label(b[0])?, b[1]);
        lexicon.push((key, label, flags));
    }
    let n_features = r.u32()? as usize;
    sink.labels(&labels, n_features);
    let mut key = 0u32;
    for i in 0..n_features {
        let key = r.next_key(i, &mut key, "feature")?;
        let count = usize::from(r.u8()?);
        // A feature's pairs in one bounds check: 3 bytes a pair, handed
        // on as they are (no list of pairs built for each feature).
        let pairs = r.take(3 * count)?;
        let top = pairs.chunks_exact(3).fold(0, |top, p| top.max(p[0]));
        check_label(top)?;
        sink.feature(key, pairs)?;
    }
    if r.at != bytes.len() {
        return Err(ModelError(format!(
            "{} bytes after the end",
            bytes.len() - r.at
        )));
    }
    Ok(lexicon)
}

/// An open-addressing table (linear probing) from nonzero 32-bit keys to
/// 32-bit values; 0 marks an empty slot.
#[derive(Debug, Clone)]
pub(crate) struct KeyTable {
    slots: Vec<(u32, u32)>,
    mask: usize,
}

impl KeyTable {
    /// A table for `pairs` (keys unique and nonzero), at most half full.
    pub(crate) fn build(
        pairs: impl ExactSizeIterator<Item = (u32, u32)>,
    ) -> KeyTable {
        let size = (pairs.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u32, 0u32); size];
        let mask = size - 1;
        for (k, v) in pairs {
            let mut i = Self::home(k, mask);
            while slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (k, v);
        }
        KeyTable { slots, mask }
    }

    #[inline]
    pub(crate) fn home(key: u32, mask: usize) -> usize {
        // The key is already a hash; multiply to use its high bits too.
        (key.wrapping_mul(0x9e37_79b1) as usize) & mask
    }

    /// The value of `key`, if present.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<u32> {
        let mut i = Self::home(key, self.mask);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A hint to load the cache line of `item`; nothing on other targets.
#[inline]
fn prefetch<T>(item: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and SSE is in the x86_64 baseline.
    #[allow(unused_unsafe)]
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((item as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = item;
}

/// `scores[i] += row[i]` for every label; inlined, so that it is
/// vectorized for the instructions its caller is compiled for (see
/// `Tagger::tag_labels`, which has an AVX2 version). Rows are
/// [`ROW_LANES`]-padded, so that its scalar remainder is short or empty.
#[inline(always)]
fn add_row(scores: &mut [i32], row: &[i16]) {
    for (s, &w) in scores.iter_mut().zip(row) {
        *s += i32::from(w);
    }
}

/// Score rows are padded to a multiple of this many labels: the 102
/// labels of the shipped model left every vectorized row add a remainder
/// of six labels added one at a time. Measured with callgrind on the
/// tagger_speed example (with the rows summed in one pass): 2,046
/// instructions a token with 16, 2,031 with 32 (a seventh more memory for
/// the word cache), against 2,128 unpadded. The padding lanes are zero in
/// every row and never compared.
pub(crate) const ROW_LANES: usize = 16;

/// The length of a padded score row for `labels` labels.
#[inline(always)]
pub(crate) const fn row_len(labels: usize) -> usize {
    labels.div_ceil(ROW_LANES) * ROW_LANES
}

/// One weight of a feature for one label.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weight {
    pub label: u8,
    pub value: i16,
}

/// How many (label, weight) pairs a slot holds itself; a feature with
/// more keeps them in the overflow array.
const INLINE: usize = 3;

/// A feature with at least this many pairs keeps a dense row of one
/// weight per label (added with vector instructions) instead of pairs.
const DENSE_MIN: usize = 12;

/// `count` of a slot whose feature has a dense row.
const DENSE: u8 = 0xff;

/// The bit of a [`Model::find_slot`] handle that marks a dense row.
pub(crate) const DENSE_REF: u32 = 1 << 31;

/// Scores of every label: indexed by a `u8` label, so without bounds
/// checks.
pub(crate) type Scores = [i32; 256];

/// One slot of the feature table: a key and, for most features, their
/// weights in the same 16 bytes, so that a lookup costs one cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct FeatureSlot {
    key: u32,
    /// Pairs of the feature; more than [`INLINE`]: they are in the
    /// overflow array from `overflow_start()`.
    count: u8,
    labels: [u8; INLINE],
    weights: [i16; INLINE],
}

impl FeatureSlot {
    fn overflow_start(&self) -> usize {
        (self.weights[0] as u16 as usize)
            | (self.weights[1] as u16 as usize) << 16
    }
}

/// The tables of a weights file, ready for scoring.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// Label id -> tag pair.
    pub labels: Vec<PosTag>,
    /// Open addressing, linear probing, key 0 empty, at most 1/3 full:
    /// most context features looked up are absent (rare word pairs), and
    /// an absent key probes about 1.5 slots at 1/3, 5 at 2/3 (Knuth, TAOCP
    /// 6.4). 4 MB more than at 2/3; 1,947 -> 1,817 instructions a token
    /// (callgrind, tagger_speed example).
    slots: Vec<FeatureSlot>,
    mask: usize,
    overflow: Vec<Weight>,
    /// Rows of `row_len(labels.len())` weights for the features with many.
    dense: Vec<i16>,
    weight_count: usize,
    /// Word key -> (flags << 16 | label).
    lexicon: KeyTable,
    /// Unique among the models of the process (for caches of rows).
    pub id: u64,
}

/// The tables of a [`Model`] as its features arrive.
#[derive(Default)]
struct ModelBuilder {
    labels: Vec<PosTag>,
    slots: Vec<FeatureSlot>,
    mask: usize,
    overflow: Vec<Weight>,
    dense: Vec<i16>,
    weight_count: usize,
    /// The size of the file read (0: not from a file).
    file_bytes: usize,
}

impl Sink for ModelBuilder {
    fn labels(&mut self, labels: &[PosTag], n_features: usize) {
        let size = (n_features * 3 + 1).next_power_of_two().max(16);
        self.mask = size - 1;
        self.slots = vec![FeatureSlot::default(); size];
        self.labels = labels.to_vec();
        // Room for as many dense rows and overflow pairs as a file of
        // this size can hold (a dense row's feature takes at least
        // 3 * DENSE_MIN bytes of it, a pair 3): growing the lists copied
        // them again and again, 4 M instructions at start-up (callgrind).
        // Pages never written are not resident; `finish` gives the rest
        // back.
        let rows = self.file_bytes / (3 * DENSE_MIN);
        self.dense.reserve(rows * row_len(labels.len()));
        self.overflow.reserve(self.file_bytes / 3);
    }

    #[inline(always)]
    fn feature(&mut self, key: u32, pairs: &[u8]) -> Result<(), ModelError> {
        self.add(key, pairs)
    }
}

impl ModelBuilder {
    /// Puts one feature's pairs in the tables, given as in the file (3
    /// bytes a pair: see [`pair_iter`]; read with plain indexing, which
    /// the compiler keeps in the loop, where an iterator of pairs was a
    /// call a feature).
    #[inline(always)]
    fn add(&mut self, k: u32, pairs: &[u8]) -> Result<(), ModelError> {
        if k == 0 {
            return Err(ModelError("feature key 0".into()));
        }
        let n = pairs.len() / 3;
        if n == 0 || n > 255 {
            return Err(ModelError(format!("{n} weights for a feature")));
        }
        let n_labels = row_len(self.labels.len());
        self.weight_count += n;
        let mut slot =
            FeatureSlot { key: k, count: n as u8, ..FeatureSlot::default() };
        let weight = |p: &[u8]| i16::from_le_bytes([p[1], p[2]]);
        if n <= INLINE {
            for (j, p) in pairs.chunks_exact(3).enumerate().take(INLINE) {
                slot.labels[j] = p[0];
                slot.weights[j] = weight(p);
            }
        } else {
            let start = if n >= DENSE_MIN {
                slot.count = DENSE;
                let start = self.dense.len();
                self.dense.resize(start + n_labels, 0);
                let row = &mut self.dense[start..start + n_labels];
                for p in pairs.chunks_exact(3) {
                    row[usize::from(p[0])] = weight(p);
                }
                start
            } else {
                let start = self.overflow.len();
                self.overflow.extend(
                    pairs
                        .chunks_exact(3)
                        .map(|p| Weight { label: p[0], value: weight(p) }),
                );
                start
            };
            if start >= 1 << 31 {
                return Err(ModelError("too many weights".into()));
            }
            slot.weights[0] = start as u16 as i16;
            slot.weights[1] = (start >> 16) as u16 as i16;
        }
        let mut i = KeyTable::home(k, self.mask);
        while self.slots[i].key != 0 {
            i = (i + 1) & self.mask;
        }
        self.slots[i] = slot;
        Ok(())
    }
}

impl ModelBuilder {
    fn finish(mut self, lexicon: &[(u32, u16, u8)]) -> Result<Model, ModelError> {
        self.dense.shrink_to_fit();
        self.overflow.shrink_to_fit();
        if lexicon.iter().any(|e| e.0 == 0) {
            return Err(ModelError("lexicon key 0".into()));
        }
        static NEXT_ID: std::sync::atomic::AtomicU64 =
            std::sync::atomic::AtomicU64::new(1);
        Ok(Model {
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            labels: self.labels,
            slots: self.slots,
            mask: self.mask,
            overflow: self.overflow,
            dense: self.dense,
            weight_count: self.weight_count,
            lexicon: KeyTable::build(
                lexicon
                    .iter()
                    .map(|&(k, l, f)| (k, u32::from(f) << 16 | u32::from(l))),
            ),
        })
    }
}

impl Model {
    /// Builds the tables (for the tests: the tagger reads with
    /// [`Model::from_bytes`]).
    #[cfg(test)]
    pub(crate) fn from_data(data: &ModelData) -> Result<Model, ModelError> {
        let mut b = ModelBuilder::default();
        b.labels(&data.labels, data.features.len());
        for (k, entries) in &data.features {
            let pairs: Vec<u8> = entries
                .iter()
                .flat_map(|&(l, w)| {
                    let [lo, hi] = w.to_le_bytes();
                    [l as u8, lo, hi]
                })
                .collect();
            b.add(*k, &pairs)?;
        }
        b.finish(&data.lexicon)
    }

    /// Reads a weights file straight into the tables (what
    /// [`ModelData::decode`] then [`Model::from_data`] give, without the
    /// intermediate lists).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut b =
            ModelBuilder { file_bytes: bytes.len(), ..ModelBuilder::default() };
        let lexicon = read(bytes, &mut b)?;
        b.finish(&lexicon)
    }

    /// Starts loading the slot of feature `key` (lookups of the next words
    /// are issued ahead, so that their memory latencies overlap).
    #[inline(always)]
    pub(crate) fn prefetch_feature(&self, key: u32) {
        prefetch(&self.slots[KeyTable::home(key, self.mask)]);
    }

    /// A handle of feature `key` for [`Model::add_slot`]: 0 when the
    /// feature has no weights; [`DENSE_REF`] with the start of its row in
    /// [`Model::dense_rows`] when it has a dense row (so that a caller
    /// can sum a word's dense rows in one pass, `Tagger`'s decoder);
    /// else its slot plus one, and starts loading its weights when they
    /// are in the overflow list.
    #[inline(always)]
    pub(crate) fn find_slot(&self, key: u32) -> u32 {
        let mut i = KeyTable::home(key, self.mask);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                // Dense rows belong to frequent features, mostly in the
                // cache already; sparse overflow lists are prefetched.
                if slot.count == DENSE {
                    // Below 2^31: checked when the row was made.
                    return DENSE_REF | slot.overflow_start() as u32;
                }
                if usize::from(slot.count) > INLINE {
                    prefetch(&self.overflow[slot.overflow_start()]);
                }
                return i as u32 + 1;
            }
            if slot.key == 0 {
                return 0;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of a handle from [`Model::find_slot`] to `scores`.
    #[inline(always)]
    pub(crate) fn add_slot(&self, handle: u32, scores: &mut Scores) {
        if handle & DENSE_REF != 0 {
            self.add_dense(handle & !DENSE_REF, scores);
        } else if let Some(i) = (handle as usize).checked_sub(1) {
            self.add_weights(&self.slots[i], scores);
        }
    }

    /// The dense rows, [`Model::row_len`] weights each; every start that
    /// [`Model::find_slot`] gives (without [`DENSE_REF`]) is a row's, at
    /// least `row_len` before the end.
    #[inline(always)]
    pub(crate) fn dense_rows(&self) -> &[i16] {
        &self.dense
    }

    /// Adds the dense row starting at `start` (a handle of
    /// [`Model::find_slot`] without [`DENSE_REF`]) to `scores`.
    #[inline(always)]
    pub(crate) fn add_dense(&self, start: u32, scores: &mut Scores) {
        let n = self.row_len();
        let start = start as usize;
        add_row(&mut scores[..n], &self.dense[start..start + n]);
    }

    /// Adds the weights of feature `key`, if it has any, to `scores` (one
    /// per label).
    #[inline(always)]
    #[cfg(test)]
    pub(crate) fn add_feature(&self, key: u32, scores: &mut Scores) {
        let mut i = KeyTable::home(key, self.mask);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                self.add_weights(slot, scores);
                return;
            }
            if slot.key == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline(always)]
    fn add_weights(&self, slot: &FeatureSlot, scores: &mut Scores) {
        {
            {
                let count = usize::from(slot.count);
                if count <= INLINE {
                    for j in 0..count.min(INLINE) {
                        scores[usize::from(slot.labels[j])] +=
                            i32::from(slot.weights[j]);
                    }
                } else if slot.count == DENSE {
                    let n = row_len(self.labels.len());
                    let start = slot.overflow_start();
                    add_row(&mut scores[..n], &self.dense[start..start + n]);
                } else {
                    let start = slot.overflow_start();
                    for w in &self.overflow[start..start + count] {
                        scores[usize::from(w.label)] += i32::from(w.value);
                    }
                }
            }
        }
    }

    /// Adds the weights of `features` to `scores` (one per label).
    #[inline(always)]
    #[cfg(test)]
    pub(crate) fn score(&self, features: &[u32], scores: &mut Scores) {
        for &f in features {
            self.add_feature(f, scores);
        }
    }

    /// The lexicon entry of a word key: (label, flags).
    #[inline]
    pub(crate) fn lexicon(&self, key: u32) -> Option<(u16, u8)> {
        self.lexicon.get(key).map(|v| ((v & 0xffff) as u16, (v >> 16) as u8))
    }

    /// The length of its padded score rows (see [`ROW_LANES`]).
    #[inline(always)]
    pub(crate) fn row_len(&self) -> usize {
        row_len(self.labels.len())
    }

    /// How many weights the model has.
    pub(crate) fn feature_count(&self) -> usize {
        self.weight_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ModelData {
        ModelData {
            labels: vec![
                PosTag::new(Xpos::Nn, Upos::Noun),
                PosTag::new(Xpos::Vbz, Upos::Verb),
            ],
            lexicon: vec![(7, 1, LEX_FIXED), (300, 0, LEX_CLASS)],
            features: vec![
                (5, vec![(0, -3), (1, 12)]),
                (1_000_000, vec![(1, i16::MIN)]),
                (1_000_001, vec![(0, 1), (1, 2), (0, 3), (1, 4), (0, 5)]),
            ],
        }
    }

    #[test]
    fn file_round_trips() {
        let data = sample();
        let bytes = data.encode();
        assert_eq!(ModelData::decode(&bytes).unwrap(), data);
        let model = Model::from_data(&data).unwrap();
        // Read straight from the bytes: the same tables.
        let direct = Model::from_bytes(&bytes).unwrap();
        assert_eq!(direct.slots.len(), model.slots.len());
        for (a, b) in direct.slots.iter().zip(&model.slots) {
            assert_eq!((a.key, a.count, a.labels), (b.key, b.count, b.labels));
            assert_eq!(a.weights, b.weights);
        }
        assert_eq!(direct.lexicon(7), Some((1, LEX_FIXED)));
        assert_eq!(direct.weight_count, model.weight_count);
        let mut scores = [0i32; 256];
        model.score(&[5, 6, 1_000_000], &mut scores);
        assert_eq!(scores[..2], [-3, 12 + i32::from(i16::MIN)]);
        let mut scores = [0i32; 256];
        model.score(&[1_000_001, 5], &mut scores);
        assert_eq!(scores[..2], [1 + 3 + 5 - 3, 2 + 4 + 12]);
        // A feature with many labels takes the dense-row path.
        let mut dense = data.clone();
        dense.labels = vec![dense.labels[0]; 40];
        let many: Vec<(u16, i16)> =
            (0..30).map(|l| (l, l as i16 + 1)).collect();
        let few: Vec<(u16, i16)> = (0..5).map(|l| (l * 7, 100)).collect();
        dense.features = vec![(9, many), (10, few)];
        let model = Model::from_data(&dense).unwrap();
        let mut scores = [0i32; 256];
        model.score(&[9, 10], &mut scores);
        for (l, &score) in scores.iter().enumerate().take(40) {
            let row = if l < 30 { l as i32 + 1 } else { 0 };
            let sparse = if l % 7 == 0 && l < 35 { 100 } else { 0 };
            assert_eq!(score, row + sparse, "label {l}");
        }
        assert_eq!(model.lexicon(7), Some((1, LEX_FIXED)));
        assert_eq!(model.lexicon(8), None);
    }

    #[test]
    fn bad_files_are_refused() {
        let bytes = sample().encode();
        assert!(ModelData::decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(ModelData::decode(b"NOTAFILE").is_err());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(ModelData::decode(&extra).is_err());
        assert!(Model::from_bytes(&extra).is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
