//! `whosaid gen-corpus`: N MB of generated news-like JSONL.
//!
//! Input: a size and a seed. Output: the JSONL ([`crate::corpus`]) on
//! standard output or in the `-o` file.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

/// Arguments of `gen-corpus`.
#[derive(Debug, clap::Args)]
pub struct GenCorpusArgs {
    /// Megabytes (10^6 bytes) to write, at least.
    #[arg(long, value_name = "N")]
    pub mb: u64,
    /// The seed: the same seed and size give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Where to write (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `whosaid gen-corpus`.
pub fn run(a: GenCorpusArgs) -> Result<ExitCode> {
    let docs = match &a.output {
        Some(path) => {
            let file = fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = BufWriter::with_capacity(1 << 16, file);
            let n = crate::corpus::generate(&mut w, a.mb, a.seed)?;
            w.flush()?;
            n
        }
        None => {
            let mut w = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            let n = crate::corpus::generate(&mut w, a.mb, a.seed)?;
            w.flush()?;
            n
        }
    };
    eprintln!("whosaid: {docs} documents written");
    Ok(ExitCode::SUCCESS)
}
