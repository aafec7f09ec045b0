//! `whosaid report`: a self-contained HTML page to review quotes in
//! place.
//!
//! Input: articles, as for `extract`. Output: the page ([`crate::report`])
//! on standard output or in the `-o` file.

use std::process::ExitCode;

use anyhow::Result;

use crate::cmd::gather;
use crate::report::{render_with_fields, ReportDoc, ROWS_SHOWN_PER_ARTICLE};
use crate::speakers::SpeakerTable;

/// The article fields the page shows with each article, when a JSONL
/// record has them: recognised by name.
const ARTICLE_FIELDS: &[&str] =
    &["title", "url", "date", "outlet", "source", "author"];

/// Arguments of `whosaid report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Input, output, gazetteer and quiet, as for the other commands.
    #[command(flatten)]
    pub source: gather::SourceArgs,
}

/// Runs `whosaid report`.
pub fn run(a: ReportArgs) -> Result<ExitCode> {
    let extractor = gather::extractor(&a.source.gazetteer)?;
    gather::check_output(a.source.output.as_deref(), &a.source.inputs)?;
    let mut docs = Vec::new();
    let mut fields = Vec::new();
    let mut table = SpeakerTable::new();
    let mut options = a.source.read.options();
    options.keep = ARTICLE_FIELDS.iter().map(|s| s.to_string()).collect();
    let tally = gather::documents(&a.source.inputs, &options, &mut |doc| {
        // The page shows an HTML article's text, not its tags: the
        // rows are those of the text, their offsets in the text.
        let text = if doc.html {
            crate::html::html_to_text(&doc.text).text
        } else {
            doc.text
        };
        // A window of rows at a time (see `crate::window`): the speakers
        // table counts them all, the page keeps the first it can mark.
        let (mut rows, mut hidden) = (Vec::new(), 0);
        table.begin_document();
        extractor.extract_each(&doc.id, &text, &mut |part| {
            table.add_rows(&doc.id, &part);
            let room = ROWS_SHOWN_PER_ARTICLE - rows.len();
            hidden += part.len().saturating_sub(room);
            rows.extend(part.into_iter().take(room));
            true
        });
        fields.push(
            options
                .keep
                .iter()
                .zip(&doc.fields)
                .map(|(k, v)| (k.clone(), v.cell().to_string()))
                .collect(),
        );
        docs.push(ReportDoc { id: doc.id, text, rows, hidden });
    });
    let mut speakers = table.finish();
    let genders = crate::speakers::Genders::new(extractor.gazetteer());
    crate::speakers::annotate(&mut speakers, &genders);
    let page = render_with_fields(&docs, &fields, &speakers);
    gather::write_output(a.source.output.as_deref(), page.as_bytes(), &tally)?;
    if !a.source.quiet {
        let rows: usize = docs.iter().map(|d| d.rows.len() + d.hidden).sum();
        eprintln!(
            "whosaid: {} documents, {} skipped with errors, {} rows, {} \
             speakers in the page",
            tally.processed,
            tally.skipped,
            rows,
            speakers.len()
        );
    }
    Ok(tally.exit_code())
}
