//! `whosaid speakers`: one row per canonical speaker.
//!
//! Input: articles, as for `extract`. Output: the speakers table
//! ([`crate::speakers`]) as CSV on standard output or in the `-o` file.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cmd::gather;
use crate::speakers::{to_csv, to_excel_csv, SpeakerTable};

/// Arguments of `whosaid speakers`.
#[derive(Debug, clap::Args)]
pub struct SpeakersArgs {
    /// Input, output, gazetteer and quiet, as for the other commands.
    #[command(flatten)]
    pub source: gather::SourceArgs,
    /// CSV safe to open in Excel, LibreOffice or Google Sheets: a byte
    /// order mark, CRLF line ends, formula-like cells prefixed with '
    /// (as `extract --excel`).
    #[arg(long)]
    pub excel: bool,
}

/// Runs `whosaid speakers`.
pub fn run(a: SpeakersArgs) -> Result<ExitCode> {
    let extractor = gather::extractor(&a.source.gazetteer)?;
    gather::check_output(a.source.output.as_deref(), &a.source.inputs)?;
    let mut table = SpeakerTable::new();
    let tally = gather::documents(
        &a.source.inputs,
        &a.source.read.options(),
        &mut |doc| {
            let rows = extractor.extract_document(&doc);
            table.add_document(&doc.id, &rows);
        },
    );
    let nameless = table.nameless;
    let speakers = table.finish();
    let csv =
        if a.excel { to_excel_csv(&speakers) } else { to_csv(&speakers) }
            .context("cannot write the table")?;
    gather::write_output(a.source.output.as_deref(), &csv, &tally)?;
    if !a.source.quiet {
        eprintln!(
            "whosaid: {} documents, {} skipped with errors, {} speakers, \
             {} rows with no canonical speaker left out",
            tally.processed,
            tally.skipped,
            speakers.len(),
            nameless
        );
    }
    Ok(tally.exit_code())
}
