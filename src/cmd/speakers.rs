//! `whosaid speakers`: one row per canonical speaker.
//!
//! Input: articles, as for `extract`. Output: the speakers table
//! ([`crate::speakers`]) as CSV on standard output or in the `-o` file.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cmd::gather;
use crate::speakers::{group_of, to_csv, to_excel_csv, GroupBy, SpeakerTable};

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
    /// One table per group of articles, with a first column naming the
    /// group: `outlet` (the JSONL record's `outlet`, else its `source`
    /// field), `month` (`YYYY-MM` of its `date` field) or `week` (the ISO
    /// week, `YYYY-Www`, of a `date` written `YYYY-MM-DD...`). Articles
    /// without the field form the group with an empty name.
    #[arg(long, value_enum, value_name = "GROUP")]
    pub by: Option<GroupBy>,
    /// Instead of one row per speaker, one row per gender (per group
    /// with --by): persons quoted, their quotes and claims, and their
    /// shares. Only persons count; `unknown` is a row of its own.
    #[arg(long)]
    pub shares: bool,
}

/// Runs `whosaid speakers`.
pub fn run(a: SpeakersArgs) -> Result<ExitCode> {
    let extractor = gather::extractor(&a.source.gazetteer)?;
    gather::check_output(a.source.output.as_deref(), &a.source.inputs)?;
    let mut options = a.source.read.options();
    if let Some(by) = a.by {
        options.keep = by.fields().iter().map(|f| f.to_string()).collect();
    }
    // Groups in the order their first article was read.
    let mut tables: indexmap::IndexMap<String, SpeakerTable> =
        indexmap::IndexMap::new();
    let tally = gather::documents(&a.source.inputs, &options, &mut |doc| {
        let group = a.by.map(|by| group_of(by, &doc.fields)).unwrap_or_default();
        let table = tables.entry(group).or_default();
        table.begin_document();
        // A window of rows at a time: a long document is never held whole.
        extractor.extract_document_each(&doc, &mut |rows| {
            table.add_rows(&doc.id, &rows);
            true
        });
    });
    let nameless: usize = tables.values().map(|t| t.nameless).sum();
    let genders = crate::speakers::Genders::new(extractor.gazetteer());
    let groups: Vec<(String, Vec<crate::speakers::Speaker>)> = tables
        .into_iter()
        .map(|(g, t)| {
            let mut speakers = t.finish();
            crate::speakers::annotate(&mut speakers, &genders);
            (g, speakers)
        })
        .collect();
    let column = a.by.map(GroupBy::column);
    let csv = if a.shares {
        crate::speakers::shares_csv(&groups, column, a.excel)
    } else if a.excel {
        to_excel_csv(&groups, column)
    } else {
        to_csv(&groups, column)
    }
    .context("cannot write the table")?;
    let speakers: Vec<_> = groups.iter().flat_map(|(_, s)| s).collect();
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
