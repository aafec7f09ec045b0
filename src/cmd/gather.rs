//! Shared plumbing of the commands that read articles: the reading
//! options ([`ReadArgs`], [`SourceArgs`]), the extractor built from the
//! `--gazetteer` files (`extract` too), and for the newsroom commands
//! (`report`, `speakers`, `explain`) the inputs read and each document
//! handed to the command with the errors reported on the way.
//!
//! Input: the command line's input paths and gazetteer files. Output: each
//! readable [`Document`] passed to a callback, every unreadable one named
//! on standard error, and a [`Tally`] that gives the exit status. It sits
//! where `extract` sits: after the input stage, around the whole pipeline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::diag::shown;
use crate::input::{self, Document, Item};
use crate::outfile::Output;
use crate::Extractor;

/// Builds the extractor from the shipped data and the user's gazetteers,
/// printing every bad line before failing.
pub fn extractor(gazetteers: &[PathBuf]) -> Result<Extractor> {
    let builder = gazetteers
        .iter()
        .fold(Extractor::builder(), |b, path| b.gazetteer_path(path));
    match builder.build() {
        Ok(e) => Ok(e),
        Err(crate::Error::Data(errors)) => {
            for e in &errors {
                eprintln!("whosaid: {e}");
            }
            bail!("{} bad line(s) in the gazetteer files", errors.len());
        }
        Err(e) => Err(e.into()),
    }
}

/// The reading options of every command that reads articles.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// Walk into symbolic links to folders (links to files are always
    /// read); a link loop is read once, with a warning.
    #[arg(short = 'L', long)]
    pub follow: bool,
    /// Skip, with an error naming it, any document or JSONL record over
    /// SIZE bytes (suffixes K, M, G: powers of 1024; at most 4G). Bounds
    /// the memory of a run by what the largest allowed document needs.
    #[arg(long, value_name = "SIZE", default_value = "64M",
        value_parser = input::parse_size)]
    pub max_document_size: u64,
    /// Read the text of JSONL records and of standard input as HTML
    /// (.html and .htm files always are): tags dropped, entities
    /// decoded, offsets into the HTML.
    #[arg(long)]
    pub html: bool,
}

impl ReadArgs {
    /// The options for [`input::read_all`].
    pub fn options(&self) -> input::Options {
        input::Options {
            follow: self.follow,
            max_size: usize::try_from(self.max_document_size)
                .unwrap_or(usize::MAX),
            html: self.html,
            keep: Vec::new(),
        }
    }
}

/// What a run read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Documents handed to the command.
    pub processed: usize,
    /// Inputs skipped with an error.
    pub skipped: usize,
}

impl Tally {
    /// The exit status `extract` would give: 1 when something was skipped,
    /// 2 when nothing at all could be read.
    pub fn exit_code(&self) -> ExitCode {
        if self.nothing_read() {
            ExitCode::from(2)
        } else if self.skipped > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Every input failed: the output must not replace an older one.
    pub fn nothing_read(&self) -> bool {
        self.processed == 0 && self.skipped > 0
    }
}

/// Reads every input in order, naming what cannot be read on standard
/// error, and calls `each` with every document.
pub fn documents(
    inputs: &[PathBuf],
    options: &input::Options,
    each: &mut dyn FnMut(Document),
) -> Tally {
    let mut tally = Tally::default();
    input::read_all(inputs, options, &mut |item| {
        match item {
            Item::Document(doc) => {
                tally.processed += 1;
                each(doc);
            }
            Item::Error(e) => {
                tally.skipped += 1;
                eprintln!("whosaid: {e}");
            }
            // Repaired input: named, but nothing is skipped.
            Item::Warning(w) => {
                eprintln!("whosaid: {}", w.as_warning());
            }
        }
        true
    });
    tally
}

/// Writes `bytes` to `-o` (atomically, see [`crate::outfile`]) or to
/// standard output; a closed pipe is not an error (`whosaid speakers
/// seeds | head`). When nothing could be read, an existing `-o` file is
/// left as it was.
pub fn write_output(
    path: Option<&Path>,
    bytes: &[u8],
    tally: &Tally,
) -> Result<()> {
    use std::io::Write;
    if tally.nothing_read() {
        if let Some(p) = path {
            eprintln!(
                "whosaid: no input could be read: {} left as it was",
                shown(p)
            );
            return Ok(());
        }
    }
    let mut out = Output::to(path)?;
    match out.write_all(bytes).and_then(|_| out.commit()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let to = path.map_or("standard output".into(), shown);
            Err(e).context(format!("cannot write {to}"))
        }
        _ => Ok(()),
    }
}

/// Checks, before any work, that `-o` can be written and is no input.
pub fn check_output(path: Option<&Path>, inputs: &[PathBuf]) -> Result<()> {
    if let Some(p) = path {
        crate::outfile::check_not_input(p, inputs)?;
        if fs::metadata(p).is_ok_and(|m| m.is_dir()) {
            anyhow::bail!("cannot write to {}: it is a folder", shown(p));
        }
    }
    Ok(())
}

/// The arguments `report` and `speakers` share: what to read and where to
/// write.
#[derive(Debug, clap::Args)]
pub struct SourceArgs {
    /// .txt files, folders or .jsonl files, as for `extract`. None:
    /// standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<std::path::PathBuf>,
    /// Write to FILE instead of standard output (atomically for a regular
    /// file; a device or FIFO is written directly; `-` is standard
    /// output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Add your own gazetteer file. May be repeated.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<std::path::PathBuf>,
    /// How folders are walked and how big a document may be.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Print nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The `--keep` names: none empty, none twice, none one of `columns`
/// (those of `table`, named in the message).
pub fn keep_fields(
    names: &[String],
    columns: &[&str],
    table: &str,
) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = n.trim();
        if n.is_empty() {
            bail!("--keep: an empty field name");
        }
        if columns.contains(&n) {
            bail!("--keep {n}: already a column of {table}");
        }
        if out.iter().any(|o| o == n) {
            bail!("--keep {n}: named twice");
        }
        out.push(n.to_string());
    }
    Ok(out)
}

/// `--threads`, else every core.
pub fn thread_count(arg: Option<u16>) -> usize {
    arg.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    )
}
