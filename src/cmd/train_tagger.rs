//! `whosaid train-tagger`: train the part-of-speech tagger on a UD
//! treebank.
//!
//! Input: a treebank folder. Output: a weights file ([`crate::tagger`]),
//! progress on standard error. Outside the pipeline: it makes the weights
//! of the `tag` stage.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::tagger::train::{self, TrainOptions};
use crate::tagger::{conllu, evaluate};

/// The training file of a UD treebank folder.
pub const TRAIN_FILE: &str = "en_ewt-ud-train.conllu";
/// The development file, only read with `--dev-report`.
pub const DEV_FILE: &str = "en_ewt-ud-dev.conllu";

/// Arguments of `train-tagger`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Trains on TREEBANK_DIR/en_ewt-ud-train.conllu only (the UD English Web \
Treebank, https://github.com/UniversalDependencies/UD_English-EWT). The \
result is deterministic: the same treebank and options give the same file \
byte for byte. The weights are an adapted work of the treebank, under its \
licence (CC BY-SA 4.0). Rebuild whosaid afterwards to ship them.")]
pub struct TrainTaggerArgs {
    /// The treebank folder (holding en_ewt-ud-train.conllu).
    #[arg(value_name = "TREEBANK_DIR")]
    pub treebank: PathBuf,
    /// Where to write the weights.
    #[arg(
        short,
        long,
        value_name = "FILE",
        default_value = "data/tagger.bin"
    )]
    pub output: PathBuf,
    /// Passes over the training data.
    #[arg(long, value_name = "N", default_value_t = TrainOptions::default().epochs)]
    pub epochs: u32,
    /// Seed of the augmentation and shuffling.
    #[arg(long, value_name = "S", default_value_t = TrainOptions::default().seed)]
    pub seed: u64,
    /// After each epoch, print the accuracy on TREEBANK_DIR/en_ewt-ud-dev.conllu
    /// (for choosing --epochs; does not change the weights).
    #[arg(long)]
    pub dev_report: bool,
}

/// Runs `train-tagger`.
pub fn run(a: TrainTaggerArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let sentences = conllu::read_file(&a.treebank.join(TRAIN_FILE))?;
    let dev = if a.dev_report {
        Some(conllu::read_file(&a.treebank.join(DEV_FILE))?)
    } else {
        None
    };
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "whosaid: training on {} sentences, {words} words",
        sentences.len()
    );
    let opts = TrainOptions {
        epochs: a.epochs,
        seed: a.seed,
        ..TrainOptions::default()
    };
    let bytes = train::train(&sentences, &opts, dev.is_some(), |r| {
        let mut line = format!(
            "whosaid: epoch {} train {:.4} ({:.0} s)",
            r.epoch,
            r.train_accuracy,
            started.elapsed().as_secs_f64()
        );
        if let (Some(tagger), Some(dev)) = (&r.snapshot, &dev) {
            let e = evaluate::evaluate(tagger, dev);
            line += &format!(
                " dev UPOS {:.4} XPOS {:.4}",
                e.all.upos(),
                e.all.xpos()
            );
        }
        eprintln!("{line}");
    });
    std::fs::write(&a.output, &bytes)
        .with_context(|| format!("cannot write {}", a.output.display()))?;
    eprintln!(
        "whosaid: wrote {} ({} bytes) in {:.1} s",
        a.output.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
