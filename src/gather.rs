//! Shared plumbing of the newsroom commands (`report`, `speakers`,
//! `explain`): build the extractor, read the inputs, and hand each
//! document to the command with the errors reported on the way.
//!
//! Input: the command line's input paths and gazetteer files. Output: each
//! readable [`Document`] passed to a callback, every unreadable one named
//! on standard error, and a [`Tally`] that gives the exit status. It sits
//! where `extract` sits: after the input stage, around the whole pipeline.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::input::{self, Document, Item};
use crate::Extractor;

/// Builds the extractor from the shipped data and the user's gazetteers,
/// printing every bad line before failing.
pub fn extractor(gazetteers: &[PathBuf]) -> Result<Extractor> {
    let mut extra = Vec::new();
    for path in gazetteers {
        let text = fs::read_to_string(path).with_context(|| {
            format!("cannot read gazetteer {}", path.display())
        })?;
        extra.push((path.display().to_string(), text));
    }
    match Extractor::shipped(&extra) {
        Ok(e) => Ok(e),
        Err(errors) => {
            for e in &errors {
                eprintln!("whosaid: {e}");
            }
            bail!("{} bad line(s) in the gazetteer files", errors.len());
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
    /// The exit status `extract` would give: 1 when something was skipped.
    pub fn exit_code(&self) -> ExitCode {
        if self.skipped > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Reads every input in order, naming what cannot be read on standard
/// error, and calls `each` with every document.
pub fn documents(inputs: &[PathBuf], each: &mut dyn FnMut(Document)) -> Tally {
    let mut tally = Tally::default();
    input::read_all(inputs, &mut |item| {
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
                eprintln!("whosaid: {}: warning: {}", w.location, w.message);
            }
        }
        true
    });
    tally
}

/// Writes `bytes` to `path` atomically (a temporary file in the same
/// folder, renamed at the end), creating the folder, so a failed run never
/// leaves half a file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create folder {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".whosaid-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    std::io::Write::write_all(&mut tmp, bytes)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    // A temporary file is private (0600); a page or table is meant to be
    // shared like any file the user writes.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ =
            tmp.as_file().set_permissions(fs::Permissions::from_mode(0o644));
    }
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Writes `bytes` to standard output; a closed pipe is not an error
/// (`whosaid speakers seeds | head`).
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// The arguments `report` and `speakers` share: what to read and where to
/// write.
#[derive(Debug, clap::Args)]
pub struct SourceArgs {
    /// .txt files, folders or .jsonl files, as for `extract`. None:
    /// standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<std::path::PathBuf>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Add your own gazetteer file. May be repeated.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<std::path::PathBuf>,
    /// Print nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
}
