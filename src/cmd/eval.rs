//! `whosaid eval`: score a table against gold annotations.
//!
//! Input: a gold JSONL file and a table. Output: the figures
//! ([`crate::eval`]) on standard output.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

/// Arguments of `eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold annotations (JSONL, as ../shared/eval/*.jsonl).
    pub gold: PathBuf,
    /// The table to score: CSV, or JSONL (`extract --format jsonl`, the
    /// `--jsonl-stream` answers, or the scorer's own); - for standard
    /// input.
    pub pred: PathBuf,
    /// Score only the gold items of these kinds (comma separated).
    #[arg(long, value_name = "KIND,...")]
    pub only: Option<String>,
    /// List every miss.
    #[arg(long)]
    pub errors: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `whosaid eval`.
pub fn run(a: EvalArgs) -> Result<ExitCode> {
    let opts = crate::eval::EvalOptions {
        only: a.only.map(|s| s.split(',').map(str::to_string).collect()),
        errors: a.errors,
        json: a.json,
    };
    let report = crate::eval::evaluate(&a.gold, &a.pred, &opts)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(report.as_bytes()).and_then(|_| out.flush())
    {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(ExitCode::SUCCESS)
}
