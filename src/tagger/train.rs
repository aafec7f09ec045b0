//! Training the tagger: the averaged perceptron of Collins (2002), trained
//! greedily left to right on its own predicted history as in Honnibal
//! (2013), on the UD English Web Treebank.
//!
//! Input: the treebank's training sentences ([`super::conllu`]) and
//! [`TrainOptions`]. Output: the bytes of a weights file
//! (`data/tagger.bin`, see `tagger::model`). Place in the pipeline:
//! outside it, run by `whosaid train-tagger`; the result is compiled into
//! the binary for the `tag` stage.
//!
//! Determinism: the label set is sorted, the augmented copies and the
//! order of each epoch come from a fixed-seed splitmix64 generator, the
//! lexicon and the weights are written sorted by key, and no step depends
//! on the iteration order of a hash map; the same treebank and options
//! give the same file byte for byte.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::conllu::Sentence;
use super::features::{self, WordInfo};
use super::model::{ModelData, LEX_CLASS, LEX_FIXED};
use super::tags::PosTag;
use super::Tagger;

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: u32,
    /// Seed of the generator that picks the augmented sentences and
    /// shuffles each epoch.
    pub seed: u64,
    /// Share of training sentences added again in headline title case.
    pub title_case_share: f64,
    /// Share of training sentences added again in capitals.
    pub upper_case_share: f64,
    /// Tag dictionary (Honnibal 2013): a word seen at least this often...
    pub fixed_min_count: u32,
    /// ...with one label at least this share of the time always gets it.
    pub fixed_min_share: f64,
    /// A lower-case word seen at least this often gets its most frequent
    /// label as its class (the lookahead features).
    pub class_min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            seed: 2013,
            title_case_share: 0.06,
            upper_case_share: 0.03,
            fixed_min_count: 20,
            fixed_min_share: 0.97,
            class_min_count: 3,
        }
    }
}

/// What one epoch did, for progress reports.
pub struct EpochReport {
    /// 1-based.
    pub epoch: u32,
    /// Share of training words tagged right during the epoch (before
    /// their update).
    pub train_accuracy: f64,
    /// The averaged weights so far, as a tagger, when asked for (to
    /// measure on the dev file).
    pub snapshot: Option<Tagger>,
}

/// The splitmix64 generator (Steele, Lea and Flood 2014): tiny, seeded,
/// the same everywhere.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        features::mix64(self.0)
    }
    /// Uniform in [0, 1).
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [0, n).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
    /// Fisher-Yates.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// One weight being trained, with what averaging needs (Collins 2002;
/// the lazy sums of Honnibal 2013: `total` is the sum of the weight over
/// all steps up to `stamp`).
#[derive(Debug, Clone, Copy)]
struct Accumulator {
    label: u16,
    weight: f32,
    total: f64,
    stamp: u32,
}

#[derive(Default)]
struct Perceptron {
    index: KeyMap<u32>,
    rows: Vec<Vec<Accumulator>>,
    /// Steps so far (one per word trained on).
    now: u32,
}

impl Perceptron {
    fn score(&self, feats: &[u32], scores: &mut [f32]) {
        for f in feats {
            if let Some(&row) = self.index.get(f) {
                for a in &self.rows[row as usize] {
                    scores[usize::from(a.label)] += a.weight;
                }
            }
        }
    }

    fn update(&mut self, truth: u16, guess: u16, feats: &[u32]) {
        let now = self.now;
        for &f in feats {
            let next = self.rows.len() as u32;
            let row = *self.index.entry(f).or_insert(next);
            if row == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[row as usize];
            for (label, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let a = match row.iter_mut().position(|a| a.label == label) {
                    Some(p) => &mut row[p],
                    None => {
                        row.push(Accumulator {
                            label,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        row.last_mut().unwrap()
                    }
                };
                a.total += f64::from(now - a.stamp) * f64::from(a.weight);
                a.stamp = now;
                a.weight += delta;
            }
        }
    }

    /// The averaged weights quantized to 16 bits, sorted by key and
    /// label, zeros dropped.
    fn averaged(&self) -> Vec<(u32, Vec<(u16, i16)>)> {
        let now = f64::from(self.now.max(1));
        let mut keys: Vec<(u32, u32)> =
            self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let average = |a: &Accumulator| {
            (a.total + f64::from(self.now - a.stamp) * f64::from(a.weight))
                / now
        };
        let mut max = 0f64;
        for row in &self.rows {
            for a in row {
                max = max.max(average(a).abs());
            }
        }
        let scale = if max > 0.0 { f64::from(i16::MAX) / max } else { 1.0 };
        let mut out = Vec::with_capacity(keys.len());
        for (k, r) in keys {
            let mut entries: Vec<(u16, i16)> = self.rows[r as usize]
                .iter()
                .map(|a| (a.label, (average(a) * scale).round() as i16))
                .filter(|&(_, w)| w != 0)
                .collect();
            if entries.is_empty() {
                continue;
            }
            entries.sort_unstable();
            out.push((k, entries));
        }
        out
    }
}

/// Words that stay small in a title-case headline (AP style).
const SMALL_HEADLINE_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on",
    "at", "to", "by", "as", "vs",
];

/// A headline version of a sentence: every word capitalised but the small
/// ones (which keep their case unless first).
fn title_case(words: &[String]) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL_HEADLINE_WORDS.contains(&w.as_str()) {
                return w.clone();
            }
            let mut chars = w.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => w.clone(),
            }
        })
        .collect()
}

/// The label ids: every pair seen in training, sorted.
fn label_set(sentences: &[Sentence]) -> Vec<PosTag> {
    let mut labels: Vec<PosTag> =
        sentences.iter().flat_map(|s| s.tags.iter().copied()).collect();
    labels.sort_unstable_by_key(|t| (t.xpos, t.upos));
    labels.dedup();
    labels
}

/// The most frequent label of each counted key, with its count and the
/// total (the first label on ties).
fn best_labels(counts: &KeyMap<KeyMap<u32>>) -> Vec<(u32, u16, u32, u32)> {
    let mut out: Vec<(u32, u16, u32, u32)> = counts
        .iter()
        .map(|(&k, by_label)| {
            let total: u32 = by_label.values().sum();
            let (label, n) = by_label
                .iter()
                .map(|(&l, &n)| (l as u16, n))
                .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
                .unwrap();
            (k, label, n, total)
        })
        .collect();
    out.sort_unstable();
    out
}

/// The lexicon: the tag dictionary (raw words) and the word classes
/// (lower-case words), from the original training sentences.
fn build_lexicon(
    sentences: &[Sentence],
    label_of: &HashMap<PosTag, u16>,
    opts: &TrainOptions,
) -> Vec<(u32, u16, u8)> {
    let mut raw: KeyMap<KeyMap<u32>> = KeyMap::default();
    let mut lower: KeyMap<KeyMap<u32>> = KeyMap::default();
    let mut chars = Vec::new();
    for s in sentences {
        for (w, t) in s.words.iter().zip(&s.tags) {
            let info = features::describe(w, &mut chars);
            let (raw_key, lower_key) = features::lexicon_keys(&info);
            let label = u32::from(label_of[t]);
            *raw.entry(raw_key).or_default().entry(label).or_default() += 1;
            *lower.entry(lower_key).or_default().entry(label).or_default() +=
                1;
        }
    }
    let mut lexicon: KeyMap<(u16, u8)> = KeyMap::default();
    for (k, label, n, total) in best_labels(&raw) {
        if total >= opts.fixed_min_count
            && f64::from(n) >= opts.fixed_min_share * f64::from(total)
        {
            lexicon.insert(k, (label, LEX_FIXED));
        }
    }
    for (k, label, _, total) in best_labels(&lower) {
        if total >= opts.class_min_count {
            // A raw and a lower key can only meet by a hash collision;
            // the tag dictionary wins then.
            lexicon.entry(k).or_insert((label, LEX_CLASS));
        }
    }
    let mut out: Vec<(u32, u16, u8)> =
        lexicon.into_iter().map(|(k, (l, f))| (k, l, f)).collect();
    out.sort_unstable();
    out
}

/// One training sentence, hashed once.
struct Prepared {
    infos: Vec<WordInfo>,
    mode: features::CaseMode,
    gold: Vec<u16>,
}

/// Trains on `sentences`; calls `progress` after each epoch, with a
/// snapshot tagger when `snapshots` is true. Returns the weights file.
pub fn train(
    sentences: &[Sentence],
    opts: &TrainOptions,
    snapshots: bool,
    mut progress: impl FnMut(&EpochReport),
) -> Vec<u8> {
    let labels = label_set(sentences);
    let label_of: HashMap<PosTag, u16> =
        labels.iter().enumerate().map(|(i, &t)| (t, i as u16)).collect();
    let lexicon = build_lexicon(sentences, &label_of, opts);
    let lexicon_map: KeyMap<(u16, u8)> =
        lexicon.iter().map(|&(k, l, f)| (k, (l, f))).collect();
    let lookup = |k: u32| lexicon_map.get(&k).copied();

    let mut rng = SplitMix64::new(opts.seed);
    let mut chars = Vec::new();
    let mut prepared = Vec::with_capacity(sentences.len() * 11 / 10);
    let prepare =
        |words: &[String], tags: &[PosTag], chars: &mut Vec<char>| {
            let mut infos = Vec::new();
            super::describe_sentence(words, lookup, chars, &mut infos);
            Prepared {
                infos,
                mode: features::case_mode(words),
                gold: tags.iter().map(|t| label_of[t]).collect(),
            }
        };
    for s in sentences {
        prepared.push(prepare(&s.words, &s.tags, &mut chars));
        let r = rng.next_f64();
        if r < opts.title_case_share {
            prepared.push(prepare(&title_case(&s.words), &s.tags, &mut chars));
        } else if r < opts.title_case_share + opts.upper_case_share {
            let upper: Vec<String> =
                s.words.iter().map(|w| w.to_uppercase()).collect();
            prepared.push(prepare(&upper, &s.tags, &mut chars));
        }
    }

    let mut model = Perceptron::default();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut scores = vec![0f32; labels.len()];
    let mut guesses = Vec::new();
    let data = |model: &Perceptron| ModelData {
        labels: labels.clone(),
        lexicon: lexicon.clone(),
        features: model.averaged(),
    };
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut seen) = (0u64, 0u64);
        for &s in &order {
            let p = &prepared[s];
            guesses.clear();
            super::greedy(&p.infos, p.mode, &mut guesses, |feats, i| {
                scores.fill(0.0);
                model.score(feats, &mut scores);
                let guess = super::argmax(&scores);
                let truth = p.gold[i];
                model.now += 1;
                if guess != truth {
                    model.update(truth, guess, feats);
                }
                guess
            });
            for (g, t) in guesses.iter().zip(&p.gold) {
                right += u64::from(g == t);
                seen += 1;
            }
        }
        let snapshot = snapshots.then(|| {
            Tagger::from_bytes(&data(&model).encode())
                .expect("a model just trained reads back")
        });
        progress(&EpochReport {
            epoch,
            train_accuracy: right as f64 / seen.max(1) as f64,
            snapshot,
        });
    }
    data(&model).encode()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_fixed() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs[0], xs[1]);
        let mut v: Vec<u32> = (0..50).collect();
        a.shuffle(&mut v);
        assert_ne!(v, (0..50).collect::<Vec<u32>>());
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<u32>>());
    }

    #[test]
    fn headline_case() {
        let words: Vec<String> =
            ["the", "plan", "of", "the", "U.S.", "failed"]
                .map(String::from)
                .into();
        assert_eq!(
            title_case(&words),
            ["The", "Plan", "of", "the", "U.S.", "Failed"]
        );
    }
}
