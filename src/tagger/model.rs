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
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| {
            ModelError(format!("truncated at byte {}", self.at))
        })?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i16(&mut self) -> Result<i16, ModelError> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v)
                    .map_err(|_| ModelError("varint overflow".into()));
            }
        }
        Err(ModelError("varint too long".into()))
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

    /// Reads a file's bytes.
    pub(crate) fn decode(bytes: &[u8]) -> Result<ModelData, ModelError> {
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
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(ModelError("lexicon keys not increasing".into()));
            }
            key = key
                .checked_add(d)
                .ok_or_else(|| ModelError("lexicon key overflow".into()))?;
            let label = check_label(r.u8()?)?;
            let flags = r.u8()?;
            lexicon.push((key, label, flags));
        }
        let n_features = r.u32()? as usize;
        let mut features = Vec::with_capacity(n_features.min(1 << 22));
        let mut key = 0u32;
        for i in 0..n_features {
            let d = r.varint()?;
            if i > 0 && d == 0 {
                return Err(ModelError("feature keys not increasing".into()));
            }
            key = key
                .checked_add(d)
                .ok_or_else(|| ModelError("feature key overflow".into()))?;
            let count = usize::from(r.u8()?);
            let mut entries = Vec::with_capacity(count);
            for _ in 0..count {
                let label = check_label(r.u8()?)?;
                entries.push((label, r.i16()?));
            }
            features.push((key, entries));
        }
        if r.at != bytes.len() {
            return Err(ModelError(format!(
                "{} bytes after the end",
                bytes.len() - r.at
            )));
        }
        Ok(ModelData { labels, lexicon, features })
    }
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
    pub(crate) fn build(pairs: impl ExactSizeIterator<Item = (u32, u32)>) -> KeyTable {
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
    fn home(key: u32, mask: usize) -> usize {
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

/// One weight of a feature for one label.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weight {
    pub label: u8,
    pub value: i16,
}

/// The tables of a weights file, ready for scoring.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// Label id -> tag pair.
    pub labels: Vec<PosTag>,
    /// Feature key -> (start << 8 | count) into `weights`.
    features: KeyTable,
    weights: Vec<Weight>,
    /// Word key -> (flags << 16 | label).
    lexicon: KeyTable,
}

impl Model {
    /// Builds the tables.
    pub(crate) fn from_data(data: &ModelData) -> Result<Model, ModelError> {
        let mut weights = Vec::new();
        let mut packed = Vec::with_capacity(data.features.len());
        for (k, entries) in &data.features {
            if *k == 0 {
                return Err(ModelError("feature key 0".into()));
            }
            let start = weights.len();
            if start >= 1 << 24 {
                return Err(ModelError("too many weights".into()));
            }
            packed.push((*k, (start as u32) << 8 | entries.len() as u32));
            weights.extend(entries.iter().map(|&(label, value)| Weight {
                label: label as u8,
                value,
            }));
        }
        if data.lexicon.iter().any(|e| e.0 == 0) {
            return Err(ModelError("lexicon key 0".into()));
        }
        Ok(Model {
            labels: data.labels.clone(),
            features: KeyTable::build(packed.into_iter()),
            weights,
            lexicon: KeyTable::build(
                data.lexicon
                    .iter()
                    .map(|&(k, l, f)| (k, u32::from(f) << 16 | u32::from(l))),
            ),
        })
    }

    /// Adds the weights of `features` to `scores` (one per label).
    #[inline]
    pub(crate) fn score(&self, features: &[u32], scores: &mut [i32]) {
        for &f in features {
            if let Some(p) = self.features.get(f) {
                let start = (p >> 8) as usize;
                let count = (p & 0xff) as usize;
                for w in &self.weights[start..start + count] {
                    scores[usize::from(w.label)] += i32::from(w.value);
                }
            }
        }
    }

    /// The lexicon entry of a word key: (label, flags).
    #[inline]
    pub(crate) fn lexicon(&self, key: u32) -> Option<(u16, u8)> {
        self.lexicon.get(key).map(|v| ((v & 0xffff) as u16, (v >> 16) as u8))
    }

    /// How many features have weights.
    pub(crate) fn feature_count(&self) -> usize {
        self.weights.len()
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
            ],
        }
    }

    #[test]
    fn file_round_trips() {
        let data = sample();
        let bytes = data.encode();
        assert_eq!(ModelData::decode(&bytes).unwrap(), data);
        let model = Model::from_data(&data).unwrap();
        let mut scores = [0i32; 2];
        model.score(&[5, 6, 1_000_000], &mut scores);
        assert_eq!(scores, [-3, 12 + i32::from(i16::MIN)]);
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
    }
}
