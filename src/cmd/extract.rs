//! `whosaid extract`: the table of who said what.
//!
//! Input: files, folders, JSONL or standard input. Output: the table (CSV,
//! spreadsheet CSV or JSONL) on standard output or atomically in the `-o`
//! file, or the `--jsonl-stream` answers; the closing line on standard
//! error.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use crate::cmd::gather::{self, ReadArgs};
use crate::diag::shown;
use crate::outfile::Output;
use crate::output::Format;
use crate::rules::Selection;
use crate::Extractor;

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// .txt files, folders (every .txt and .jsonl inside, recursively, in
    /// sorted order), .jsonl files (one {"doc_id"|"id", "text"} record a
    /// line) or - for standard input. None: standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write the table to FILE instead of standard output: atomically
    /// for a regular file (a temporary file renamed at the end; a link
    /// to it stays a link), directly for a device or FIFO. Refused when
    /// FILE is an input. `-o -` is standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,
    /// Add your own gazetteer file (same columns as data/people.tsv; see
    /// data/README.md). May be repeated.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,
    /// How folders are walked and how big a document may be.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Print nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Worker threads (default: all cores). The output is the same for
    /// any number.
    #[arg(short = 'j', long, value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Read JSONL on standard input and write one JSON line per document:
    /// {"doc_id", "rows": [...]} or {"doc_id", "error"} (for Spark).
    #[arg(long, conflicts_with_all = ["inputs", "output", "format"])]
    pub jsonl_stream: bool,
    /// CSV safe to open in Excel, LibreOffice or Google Sheets.
    ///
    /// A UTF-8 byte order mark, CRLF line ends, and every cell that a
    /// spreadsheet would run as a formula (starting with = + - @, a tab or
    /// a carriage return) prefixed with '. Not exact: for people, not for
    /// programs.
    #[arg(long, conflicts_with = "jsonl_stream")]
    pub excel: bool,
    /// Run only these rules: ids or globs, comma-separated
    /// (--rules 'claim/*,quote/before'; ids in README.md).
    #[arg(long, value_name = "IDS")]
    pub rules: Option<String>,
    /// Skip these rules: ids or globs, comma-separated.
    #[arg(long, value_name = "IDS")]
    pub skip_rules: Option<String>,
    /// Copy these JSONL record fields into extra columns after the
    /// table's, in this order (comma separated; e.g. url,date,outlet).
    ///
    /// Strings and numbers as they are, nested values as JSON text; a
    /// field a record lacks is an empty cell (null in JSONL), never an
    /// error. Works with --format csv|jsonl, --excel and --jsonl-stream.
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub keep: Vec<String>,
}

/// Output formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// CSV with a header row (RFC 4180).
    Csv,
    /// One JSON object a line, same fields.
    Jsonl,
}

/// Runs `whosaid extract`.
pub fn run(a: ExtractArgs) -> Result<ExitCode> {
    let rules = Selection::parse(a.rules.as_deref(), a.skip_rules.as_deref())?;
    // Not dropped: the process ends after the table, and freeing the
    // gazetteer's tens of thousands of allocations one by one cost 3% of
    // the start-up's instructions (callgrind, BENCHMARKS.md).
    let extractor = std::mem::ManuallyDrop::new(
        gather::extractor(&a.gazetteer)?.with_rules(rules),
    );
    if a.jsonl_stream {
        return jsonl_stream(&extractor, &a);
    }
    let format = match (a.format, a.excel) {
        (FormatArg::Csv, false) => Format::Csv,
        (FormatArg::Csv, true) => Format::Excel,
        (FormatArg::Jsonl, false) => Format::Jsonl,
        (FormatArg::Jsonl, true) => bail!("--excel needs --format csv"),
    };
    // Fail before any work when the output cannot be written, or would
    // destroy an input.
    if let Some(path) = &a.output {
        crate::outfile::check_not_input(path, &a.inputs)?;
    }
    let mut out = Output::to(a.output.as_deref())?;
    let threads = gather::thread_count(a.threads);
    let progress = if a.quiet || !io::stderr().is_terminal() {
        None
    } else {
        crate::pipeline::progress_bar(&a.inputs, 32 << 20)
    };
    let mut options = a.read.options();
    options.keep = gather::keep_fields(
        &a.keep,
        crate::output::COLUMNS,
        "the table",
    )?;
    let finished = crate::pipeline::extract_table(
        &extractor, &a.inputs, &options, format, threads, progress, a.quiet,
        &mut out,
    )
    .and_then(|t| out.flush().map(|_| t));
    let tally = match finished {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS)
        }
        Err(e) => return Err(e).context("cannot write the table"),
    };
    if !a.quiet {
        eprintln!("whosaid: {}", tally.closing_line());
    }
    if tally.processed == 0 && tally.skipped > 0 {
        // Nothing could be read (a typo in the only input): an existing
        // table is worth more than a header-only one.
        match &a.output {
            Some(p) => eprintln!(
                "whosaid: no input could be read: {} left as it was",
                shown(p)
            ),
            None => eprintln!("whosaid: no input could be read"),
        }
        return Ok(ExitCode::from(2));
    }
    if let Err(e) = out.commit() {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        let to = a.output.as_deref().map_or("standard output".into(), shown);
        return Err(e).context(format!("cannot write the table to {to}"));
    }
    Ok(if tally.skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// `extract --jsonl-stream`: bad records are answered in the stream, so
/// only a failure to read or write is an error.
fn jsonl_stream(extractor: &Extractor, a: &ExtractArgs) -> Result<ExitCode> {
    let threads = gather::thread_count(a.threads);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut options = a.read.options();
    options.keep = gather::keep_fields(
        &a.keep,
        crate::output::COLUMNS,
        "the table",
    )?;
    let tally = match crate::pipeline::jsonl_stream(
        extractor,
        io::stdin(),
        &options,
        threads,
        &mut out,
    ) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS)
        }
        Err(e) => return Err(e).context("jsonl stream"),
    };
    if !a.quiet {
        eprintln!(
            "whosaid: {} records read, {} processed, {} answered with \
             an error, {} rows written",
            tally.read, tally.processed, tally.skipped, tally.rows
        );
    }
    Ok(ExitCode::SUCCESS)
}

