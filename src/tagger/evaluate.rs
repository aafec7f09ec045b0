//! Accuracy of the tagger on a treebank with gold tokens.
//!
//! Input: a [`Tagger`] and gold sentences ([`super::conllu`]). Output: an
//! [`Evaluation`]: UPOS and XPOS accuracy over all words, and over the
//! words that matter to the attribution rules ("that", "said", "states",
//! "alleged", words ending in -ed and -ing), with the confusions of
//! "that". Place in the pipeline: outside it, run by `whosaid tagger-eval`.

use std::collections::BTreeMap;
use std::fmt;

use super::conllu::Sentence;
use super::tags::{PosTag, Xpos};
use super::{TagScratch, Tagger};

/// Right answers over a group of words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    /// Words in the group.
    pub words: usize,
    /// With the right universal tag.
    pub upos_right: usize,
    /// With the right Penn tag.
    pub xpos_right: usize,
}

impl Score {
    fn add(&mut self, gold: PosTag, guess: PosTag) {
        self.words += 1;
        self.upos_right += usize::from(gold.upos == guess.upos);
        self.xpos_right += usize::from(gold.xpos == guess.xpos);
    }

    /// UPOS accuracy (0 when the group is empty).
    pub fn upos(&self) -> f64 {
        self.upos_right as f64 / self.words.max(1) as f64
    }

    /// XPOS accuracy (0 when the group is empty).
    pub fn xpos(&self) -> f64 {
        self.xpos_right as f64 / self.words.max(1) as f64
    }
}

/// A group of words scored apart: a name and a test on the lower-case
/// word.
pub type WordGroup = (&'static str, fn(&str) -> bool);

/// The groups of words scored apart.
pub const WORD_GROUPS: &[WordGroup] = &[
    ("that", |w| w == "that"),
    ("said", |w| w == "said"),
    ("states", |w| w == "states"),
    ("alleged", |w| w == "alleged"),
    ("-ed words", |w| w.len() > 3 && w.ends_with("ed")),
    ("-ing words", |w| w.len() > 4 && w.ends_with("ing")),
];

/// The figures of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// Sentences tagged.
    pub sentences: usize,
    /// Every word.
    pub all: Score,
    /// One score per [`WORD_GROUPS`] entry, in its order.
    pub groups: Vec<Score>,
    /// "that": (gold XPOS, predicted XPOS) -> count.
    pub that_confusions: BTreeMap<(Xpos, Xpos), usize>,
}

/// Tags every sentence and compares with the gold tags.
pub fn evaluate(tagger: &Tagger, sentences: &[Sentence]) -> Evaluation {
    let mut eval = Evaluation {
        groups: vec![Score::default(); WORD_GROUPS.len()],
        ..Evaluation::default()
    };
    let mut scratch = TagScratch::new();
    let mut tags = Vec::new();
    for s in sentences {
        tagger.tag_with(&s.words, &mut scratch, &mut tags);
        eval.sentences += 1;
        for ((word, &gold), &guess) in s.words.iter().zip(&s.tags).zip(&tags) {
            eval.all.add(gold, guess);
            let lower = word.to_lowercase();
            for (score, (_, test)) in eval.groups.iter_mut().zip(WORD_GROUPS) {
                if test(&lower) {
                    score.add(gold, guess);
                }
            }
            if lower == "that" {
                *eval
                    .that_confusions
                    .entry((gold.xpos, guess.xpos))
                    .or_default() += 1;
            }
        }
    }
    eval
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sentences\t{}", self.sentences)?;
        writeln!(f, "words\t{}", self.all.words)?;
        writeln!(f, "UPOS accuracy\t{:.4}", self.all.upos())?;
        writeln!(f, "XPOS accuracy\t{:.4}", self.all.xpos())?;
        writeln!(f)?;
        writeln!(f, "group\twords\tUPOS\tXPOS")?;
        for (score, (name, _)) in self.groups.iter().zip(WORD_GROUPS) {
            writeln!(
                f,
                "{name}\t{}\t{:.4}\t{:.4}",
                score.words,
                score.upos(),
                score.xpos()
            )?;
        }
        writeln!(f)?;
        writeln!(f, "\"that\": gold XPOS -> tagged XPOS\tcount")?;
        for ((gold, guess), n) in &self.that_confusions {
            writeln!(f, "{gold} -> {guess}\t{n}")?;
        }
        Ok(())
    }
}
