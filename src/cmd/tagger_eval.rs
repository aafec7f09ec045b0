//! `whosaid tagger-eval`: measure the part-of-speech tagger on a CoNLL-U
//! file.
//!
//! Input: a CoNLL-U file, and weights other than the shipped ones.
//! Output: accuracy figures on standard output.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::tagger::{conllu, evaluate, Tagger};

/// Arguments of `tagger-eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Tags the gold tokens of a CoNLL-U file (e.g. en_ewt-ud-test.conllu) and \
prints UPOS and XPOS accuracy, the accuracy on \"that\", \"said\", \
\"states\", \"alleged\", -ed and -ing words, and the confusions of \"that\".")]
pub struct TaggerEvalArgs {
    /// The CoNLL-U file with gold tags.
    #[arg(value_name = "FILE")]
    pub conllu: PathBuf,
    /// Weights to evaluate instead of the shipped ones.
    #[arg(long, value_name = "FILE")]
    pub weights: Option<PathBuf>,
}

/// Runs `tagger-eval`.
pub fn run(a: TaggerEvalArgs) -> Result<ExitCode> {
    let sentences = conllu::read_file(&a.conllu)?;
    let owned;
    let tagger = match &a.weights {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            owned = Tagger::from_bytes(&bytes)
                .with_context(|| path.display().to_string())?;
            &owned
        }
        None => Tagger::shipped(),
    };
    let eval = evaluate::evaluate(tagger, &sentences);
    print!("{eval}");
    Ok(ExitCode::SUCCESS)
}
