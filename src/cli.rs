//! The command line: argument parsing and the commands.
//!
//! Input: the process arguments. Output: the table on standard output or
//! in the `-o` file, diagnostics on standard error, and the exit status.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use crate::input::{self, Item};
use crate::output::{Format, TableWriter};
use crate::Extractor;

/// Reads news articles and writes a table of who said what.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, about, long_about = None,
    long_version = crate::shell::long_version(), after_help = EXIT_STATUS)]
pub struct Args {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_STATUS: &str = "\
Exit status:
  0  every document was processed
  1  some documents were skipped (each named on standard error); the rows
     of all the others were written
  2  usage error or fatal error (bad gazetteer file, unwritable output)";

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract quotes and claims with their speakers into a table.
    #[command(after_help = EXIT_STATUS)]
    Extract(ExtractArgs),
    /// Score a table against gold annotations (same figures as score.py).
    Eval(EvalArgs),
    /// Write a self-contained HTML page to review quotes in place.
    #[command(after_help = EXIT_STATUS)]
    Report(crate::report::ReportArgs),
    /// Write one row per canonical speaker: who is quoted, how often.
    #[command(after_help = EXIT_STATUS)]
    Speakers(crate::speakers::SpeakersArgs),
    /// Show why each quote got its speaker: rule, cue, candidates.
    Explain(crate::explain::ExplainArgs),
    /// Generate shell completions or the man page.
    #[command(hide = true)]
    Generate(crate::shell::GenerateArgs),
}

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// .txt files, folders (every .txt and .jsonl inside, recursively, in
    /// sorted order), .jsonl files (one {"doc_id"|"id", "text"} record a
    /// line) or - for standard input. None: standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write the table to FILE (atomically: a temporary file renamed at
    /// the end) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Add your own gazetteer file (same columns as data/people.tsv; see
    /// data/README.md). May be repeated.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// Print nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Output formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// CSV with a header row (RFC 4180).
    Csv,
    /// One JSON object a line, same fields.
    Jsonl,
}

/// Arguments of `eval`.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// Gold annotations (JSONL, as ../shared/eval/*.jsonl).
    pub gold: PathBuf,
    /// The table to score (CSV or JSONL).
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

/// Runs the parsed command.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Extract(a) => extract(a),
        Command::Eval(a) => eval(a),
        Command::Report(a) => crate::report::run(a),
        Command::Speakers(a) => crate::speakers::run(a),
        Command::Explain(a) => crate::explain::run(a),
        Command::Generate(a) => crate::shell::run(a),
    }
}

fn eval(a: EvalArgs) -> Result<ExitCode> {
    let opts = crate::eval::EvalOptions {
        only: a.only.map(|s| s.split(',').map(str::to_string).collect()),
        errors: a.errors,
        json: a.json,
    };
    let report = crate::eval::evaluate(&a.gold, &a.pred, &opts)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(report.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Counts for the closing accounting line.
#[derive(Debug, Default)]
struct Tally {
    read: usize,
    processed: usize,
    skipped: usize,
    rows: usize,
}

fn extract(a: ExtractArgs) -> Result<ExitCode> {
    let mut extra = Vec::new();
    for path in &a.gazetteer {
        let text = fs::read_to_string(path).with_context(|| {
            format!("cannot read gazetteer {}", path.display())
        })?;
        extra.push((path.display().to_string(), text));
    }
    let extractor = match Extractor::shipped(&extra) {
        Ok(e) => e,
        Err(errors) => {
            for e in &errors {
                eprintln!("whosaid: {e}");
            }
            bail!("{} bad line(s) in the gazetteer files", errors.len());
        }
    };
    let format = match a.format {
        FormatArg::Csv => Format::Csv,
        FormatArg::Jsonl => Format::Jsonl,
    };
    // Fail before any work when the output cannot be written.
    let (sink, temp): (Box<dyn Write>, Option<(tempfile::NamedTempFile, PathBuf)>) =
        match &a.output {
            Some(path) => {
                let dir = path
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                fs::create_dir_all(dir).with_context(|| {
                    format!("cannot create folder {}", dir.display())
                })?;
                let tmp = tempfile::Builder::new()
                    .prefix(".whosaid-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .with_context(|| {
                        format!("cannot write in {}", dir.display())
                    })?;
                let file = tmp.reopen().with_context(|| {
                    format!("cannot write in {}", dir.display())
                })?;
                (
                    Box::new(BufWriter::with_capacity(1 << 16, file)),
                    Some((tmp, path.clone())),
                )
            }
            None => (
                Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
                None,
            ),
        };
    let mut writer = TableWriter::new(format, sink)?;
    let mut tally = Tally::default();
    let mut write_error: Option<io::Error> = None;
    input::read_all(&a.inputs, &mut |item| {
        tally.read += 1;
        match item {
            Item::Error(e) => {
                tally.skipped += 1;
                eprintln!("whosaid: {e}");
                true
            }
            Item::Document(doc) => {
                let rows = extractor.extract(&doc.id, &doc.text);
                tally.processed += 1;
                for row in &rows {
                    if let Err(e) = writer.write(row) {
                        write_error = Some(e);
                        return false;
                    }
                }
                tally.rows += rows.len();
                true
            }
        }
    });
    let finished = match write_error {
        Some(e) => Err(e),
        None => writer.finish().and_then(|mut w| w.flush()),
    };
    if let Err(e) = finished {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("cannot write the table");
    }
    if let Some((tmp, path)) = temp {
        tmp.persist(&path).with_context(|| {
            format!("cannot move the table to {}", path.display())
        })?;
    }
    if !a.quiet {
        eprintln!(
            "whosaid: {} documents read, {} processed, {} skipped with \
             errors, {} rows written",
            tally.read, tally.processed, tally.skipped, tally.rows
        );
    }
    Ok(if tally.skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
