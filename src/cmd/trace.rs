//! `whosaid trace`: one row per distinct quotation across the input, and
//! optionally one row per occurrence.
//!
//! Input: articles, as for `extract` (JSONL records may carry `outlet`
//! or `source`, and `date`). Output: the quotations table
//! ([`crate::trace`]) as CSV on standard output or in the `-o` file; with
//! `--occurrences FILE`, the occurrences table in FILE, both written
//! atomically; the closing line on standard error.
//!
//! The extraction and the sketches run in parallel batches
//! ([`crate::batch`]); the tracer takes the documents in input order, so
//! both tables are the same for any thread count.
//!
//! The quotations table, one row per distinct quotation:
//!
//! | column | meaning |
//! | --- | --- |
//! | quote_key | 16 hex digits, the same for the same input on any run |
//! | kind | direct, partial or indirect: the kind of the fullest text |
//! | quote | the fullest text met |
//! | speaker | the canonical speaker given it most often; may be empty |
//! | speakers | every canonical speaker with its count, `A (3); B (1)` |
//! | speakers_disagree | `true` when two of them are different people |
//! | occurrences | rows carrying it |
//! | unattributed | of those, rows with no canonical speaker |
//! | documents | documents carrying it |
//! | original_documents | of those, documents that are no wire copy |
//! | outlets | distinct outlets (`outlet`, else `source` field) |
//! | first_doc, first_date | the first document, by date when records have one, else in input order |
//! | last_doc, last_date | the last one |
//!
//! The occurrences table, one row per row of `extract`: `quote_key`
//! (empty for a quote under six words, which is not traced), `doc_id`,
//! `quote_id`, `kind`, `quote_start`, `quote_end` (code points, as in
//! `extract`), `speaker_name`, `speaker_id`, `outlet`, `date`,
//! `duplicate_of` (the document this one is a wire copy of, or empty),
//! then the `--keep` fields.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};

use crate::batch::{self, Feeder, Limits};
use crate::cmd::gather::{self, Tally};
use crate::diag::shown;
use crate::input::{self, Item};
use crate::outfile::Output;
use crate::trace::{self, DocMeta, DocSketch, TracedQuote, Tracer};
use crate::Row;

/// Arguments of `whosaid trace`.
#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    /// Input, output, gazetteer and quiet, as for the other commands.
    #[command(flatten)]
    pub source: gather::SourceArgs,
    /// Also write one row per occurrence (doc id, offsets, speaker, quote
    /// key, wire copy) to FILE.
    #[arg(long, value_name = "FILE")]
    pub occurrences: Option<PathBuf>,
    /// CSV safe to open in Excel, LibreOffice or Google Sheets (both
    /// tables), as `extract --excel`.
    #[arg(long)]
    pub excel: bool,
    /// Worker threads (default: all cores). The tables are the same for
    /// any number.
    #[arg(short = 'j', long, value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Copy these JSONL record fields into extra columns of the
    /// occurrences table (comma separated; e.g. url,headline).
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub keep: Vec<String>,
    /// Read JSONL on standard input and write one sketch line per
    /// record (the map side of the Spark recipe's trace mode). A line
    /// `N<tab>{...}` (or \x01 for the tab) is answered `N<tab>{...}`.
    #[arg(long, conflicts_with_all = ["inputs", "output", "occurrences",
        "excel", "sketches"])]
    pub sketch_stream: bool,
    /// The INPUT files are sketch lines of --sketch-stream, in input
    /// order, not articles (the reduce side of the Spark recipe).
    #[arg(long)]
    pub sketches: bool,
}

/// The quotations table's header.
pub const QUOTE_COLUMNS: &[&str] = &[
    "quote_key",
    "kind",
    "quote",
    "speaker",
    "speakers",
    "speakers_disagree",
    "occurrences",
    "unattributed",
    "documents",
    "original_documents",
    "outlets",
    "first_doc",
    "first_date",
    "last_doc",
    "last_date",
];

/// The occurrences table's header, before the `--keep` fields.
pub const OCCURRENCE_COLUMNS: &[&str] = &[
    "quote_key",
    "doc_id",
    "quote_id",
    "kind",
    "quote_start",
    "quote_end",
    "speaker_name",
    "speaker_id",
    "outlet",
    "date",
    "duplicate_of",
];

/// The fields the tracer reads, first in the kept list.
const TRACE_FIELDS: &[&str] = &["outlet", "source", "date"];

/// One document's work, done on a worker thread.
#[derive(Default)]
struct Done {
    rows: Vec<Row>,
    sketch: DocSketch,
}

/// A CSV writer for one of the two tables.
struct Table {
    excel: bool,
    builder: csv::WriterBuilder,
    csv: csv::Writer<Vec<u8>>,
    /// Cells cut to the spreadsheet limit.
    cut: usize,
}

impl Table {
    fn new(excel: bool) -> Table {
        let mut b = csv::WriterBuilder::new();
        b.has_headers(false);
        if excel {
            b.terminator(csv::Terminator::CRLF);
        }
        let start = if excel { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        let csv = b.from_writer(start);
        Table { excel, builder: b, csv, cut: 0 }
    }

    fn record(&mut self, cells: &[&str]) -> io::Result<()> {
        if self.excel {
            let (safe, cut) =
                crate::output::excel_record(cells.iter().copied());
            self.cut += cut;
            self.csv.write_record(&safe)?;
        } else {
            self.csv.write_record(cells)?;
        }
        Ok(())
    }

    /// The bytes written so far, taken out.
    fn take(&mut self) -> io::Result<Vec<u8>> {
        let fresh = self.builder.from_writer(Vec::new());
        std::mem::replace(&mut self.csv, fresh)
            .into_inner()
            .map_err(|e| e.into_error())
    }
}

/// The tracer and the occurrences file being written.
struct Sink {
    tracer: Tracer,
    occ: Option<(Output, Table)>,
}

impl Sink {
    /// Adds one document and writes its occurrences.
    fn document(
        &mut self,
        meta: DocMeta<'_>,
        sketch: &DocSketch,
        rows: &[Row],
        kept: &[&str],
    ) -> io::Result<()> {
        let occs = self.tracer.add(meta, sketch, rows);
        let Some((out, table)) = self.occ.as_mut() else { return Ok(()) };
        for (row, o) in rows.iter().zip(&occs) {
            let (id, start, end) = (
                row.quote_id.to_string(),
                row.quote_start.to_string(),
                row.quote_end.to_string(),
            );
            let mut cells: Vec<&str> = vec![
                &o.quote_key,
                meta.id,
                &id,
                row.kind.as_str(),
                &start,
                &end,
                &row.speaker_name,
                &row.speaker_id,
                meta.outlet,
                meta.date,
                &o.duplicate_of,
            ];
            cells.extend_from_slice(kept);
            table.record(&cells)?;
        }
        out.write_all(&table.take()?)
    }
}

/// The outlet (`outlet`, else `source`) and the date (when it reads as
/// one) of a record's fields, kept in the order of [`TRACE_FIELDS`].
fn outlet_and_date(fields: &[input::Field]) -> (&str, &str) {
    let field = |i: usize| fields.get(i).map_or("", |f| f.cell().trim());
    let outlet = if field(0).is_empty() { field(1) } else { field(0) };
    let date = field(2);
    let date = if crate::speakers::year_month_day(date).is_some() {
        date
    } else {
        ""
    };
    (outlet, date)
}

/// Runs `whosaid trace`.
pub fn run(a: TraceArgs) -> Result<ExitCode> {
    let keep = gather::keep_fields(
        &a.keep,
        OCCURRENCE_COLUMNS,
        "the occurrences table",
    )?;
    let mut options = a.source.read.options();
    options.keep = TRACE_FIELDS.iter().map(|f| f.to_string()).collect();
    // The user's fields after the tracer's, each once.
    let mut kept_at = Vec::new();
    for k in &keep {
        match options.keep.iter().position(|f| f == k) {
            Some(i) => kept_at.push(i),
            None => {
                kept_at.push(options.keep.len());
                options.keep.push(k.clone());
            }
        }
    }
    if a.sketch_stream {
        let extractor = gather::extractor(&a.source.gazetteer)?;
        return sketch_stream(&extractor, &options, &kept_at);
    }
    let inputs = &a.source.inputs;
    gather::check_output(a.source.output.as_deref(), inputs)?;
    if let Some(occ) = &a.occurrences {
        gather::check_output(Some(occ), inputs)?;
        if a.source.output.as_deref() == Some(occ.as_path()) {
            bail!("--occurrences {}: the same file as -o", shown(occ));
        }
        // `-` is standard output, where the quotation table goes unless
        // -o names a file.
        let table_on_stdout =
            a.source.output.as_deref().is_none_or(|o| o.as_os_str() == "-");
        if occ.as_os_str() == "-" && table_on_stdout {
            bail!(
                "--occurrences -: standard output already takes the \
                 quotation table; give -o FILE for it"
            );
        }
    }
    let threads = gather::thread_count(a.threads);
    let mut sink = Sink { tracer: Tracer::new(), occ: None };
    if let Some(p) = &a.occurrences {
        let mut table = Table::new(a.excel);
        let header: Vec<&str> = OCCURRENCE_COLUMNS
            .iter()
            .copied()
            .chain(keep.iter().map(String::as_str))
            .collect();
        table.record(&header)?;
        sink.occ = Some((Output::to(Some(p))?, table));
    }
    let mut tally = Tally::default();
    let mut failed: Option<io::Error> = None;
    let quiet = a.source.quiet;
    if a.sketches {
        read_sketches(inputs, &mut sink, &mut tally, &mut failed)?;
    } else {
        let extractor = gather::extractor(&a.source.gazetteer)?;
        batch::run(
            threads,
            Limits::default(),
            |feeder: &mut Feeder<'_, Item>| {
                input::read_all(inputs, &options, &mut |item| {
                    let weight = match &item {
                        Item::Document(d) => d.text.len(),
                        Item::Error(_) | Item::Warning(_) => 0,
                    };
                    feeder.push(item, weight)
                });
            },
            || (),
            |_, item, done: &mut Done| {
                if let Item::Document(doc) = item {
                    done.rows = extractor.extract_document(doc);
                    done.sketch = trace::sketch(&doc.text, &done.rows);
                } else {
                    done.rows.clear();
                    done.sketch = DocSketch::default();
                }
            },
            |items, dones| {
                for (item, done) in items.iter().zip(dones) {
                    match item {
                        Item::Warning(w) => {
                            if !quiet {
                                eprintln!("whosaid: {}", w.as_warning());
                            }
                        }
                        Item::Error(e) => {
                            tally.skipped += 1;
                            eprintln!("whosaid: {e}");
                        }
                        Item::Document(doc) => {
                            tally.processed += 1;
                            let (outlet, date) = outlet_and_date(&doc.fields);
                            let meta = DocMeta { id: &doc.id, outlet, date };
                            let kept: Vec<&str> = kept_at
                                .iter()
                                .map(|&i| doc.fields[i].cell())
                                .collect();
                            let written = sink.document(
                                meta,
                                &done.sketch,
                                &done.rows,
                                &kept,
                            );
                            if let Err(e) = written {
                                failed = Some(e);
                                return false;
                            }
                        }
                    }
                }
                true
            },
        )?;
    }
    if let Some(e) = failed {
        let to =
            a.occurrences.as_deref().map_or("standard output".into(), shown);
        return Err(e).context(format!("cannot write {to}"));
    }
    let Sink { tracer, occ } = sink;
    let (wire, untraced) = (tracer.wire_copies, tracer.untraced);
    let quotes = tracer.finish();
    let mut table = Table::new(a.excel);
    table.record(QUOTE_COLUMNS)?;
    for q in &quotes {
        write_quote(&mut table, q)?;
    }
    let mut cut = table.cut;
    let bytes = table.take()?;
    gather::write_output(a.source.output.as_deref(), &bytes, &tally)?;
    if let (Some((mut out, mut occ_table)), Some(p)) = (occ, &a.occurrences) {
        cut += occ_table.cut;
        if tally.nothing_read() {
            eprintln!(
                "whosaid: no input could be read: {} left as it was",
                shown(p)
            );
        } else {
            let rest = occ_table.take()?;
            out.write_all(&rest)
                .and_then(|_| out.commit())
                .with_context(|| format!("cannot write {}", shown(p)))?;
        }
    }
    if !quiet {
        if cut > 0 {
            eprintln!(
                "whosaid: warning: {cut} cell(s) over {} characters cut to \
                 fit a spreadsheet (--excel)",
                crate::output::EXCEL_CELL_LIMIT
            );
        }
        eprintln!(
            "whosaid: {} documents, {} skipped with errors, {} wire copies, \
             {} distinct quotations, {} quotes under {} words not traced",
            tally.processed,
            tally.skipped,
            wire,
            quotes.len(),
            untraced,
            trace::MIN_WORDS
        );
    }
    Ok(tally.exit_code())
}

/// One line of `--sketch-stream`: what the tracer needs of a document,
/// or why it could not be read. Fingerprints are 64-bit numbers: a
/// reader must keep them as text or as unsigned integers.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct SketchLine {
    doc_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    signature: Option<Vec<u32>>,
    #[serde(default)]
    rows: Vec<SketchRow>,
    #[serde(default)]
    kept: Vec<String>,
}

/// A row of a [`SketchLine`]: the columns the tracer and the occurrences
/// table read, and the quote's sketch.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct SketchRow {
    quote_id: usize,
    kind: String,
    quote: String,
    quote_start: usize,
    quote_end: usize,
    speaker_name: String,
    speaker_id: String,
    words: usize,
    fingerprints: Vec<u64>,
}

/// `--sketch-stream`: JSONL records on standard input, one sketch line
/// each on standard output, in order (the map side of the Spark recipe's
/// trace mode; `--sketches` is its reduce side).
fn sketch_stream(
    extractor: &crate::Extractor,
    options: &input::Options,
    kept_at: &[usize],
) -> Result<ExitCode> {
    let stdin = io::stdin();
    let mut reader = io::BufReader::with_capacity(1 << 20, stdin.lock());
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut line = Vec::new();
    let mut number = Vec::new();
    loop {
        let answer = match input::read_line_bounded(
            &mut reader,
            &mut line,
            options.max_size,
        )? {
            input::Line::End => break,
            input::Line::Over { id, .. } => SketchLine {
                doc_id: id,
                error: Some("the record is over --max-document-size".into()),
                outlet: String::new(),
                date: String::new(),
                signature: None,
                rows: Vec::new(),
                kept: Vec::new(),
            },
            input::Line::Read => {
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let l = line.strip_suffix(b"\n").unwrap_or(&line);
                let l = l.strip_suffix(b"\r").unwrap_or(l);
                let l = l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l);
                // A record may come as `N<sep>{...}`, the separator a tab
                // or \x01 (the field separator of Spark's TRANSFORM): the
                // Spark recipe numbers the lines so that it can put the
                // answers back in input order, and gets the number back.
                let digits =
                    l.iter().take_while(|b| b.is_ascii_digit()).count();
                let l = if digits > 0
                    && matches!(l.get(digits), Some(b'\t' | b'\x01'))
                {
                    number.extend_from_slice(&l[..=digits]);
                    &l[digits + 1..]
                } else {
                    l
                };
                match input::parse_record_with(l, options) {
                    Ok(doc) => {
                        let rows = extractor.extract_document(&doc);
                        let sketch = trace::sketch(&doc.text, &rows);
                        let (outlet, date) = outlet_and_date(&doc.fields);
                        SketchLine {
                            outlet: outlet.to_string(),
                            date: date.to_string(),
                            signature: sketch.signature.map(|s| s.to_vec()),
                            kept: kept_at
                                .iter()
                                .map(|&i| doc.fields[i].cell().to_string())
                                .collect(),
                            rows: rows
                                .into_iter()
                                .zip(sketch.quotes)
                                .map(|(r, q)| SketchRow {
                                    quote_id: r.quote_id,
                                    kind: r.kind.as_str().to_string(),
                                    quote: r.quote,
                                    quote_start: r.quote_start,
                                    quote_end: r.quote_end,
                                    speaker_name: r.speaker_name,
                                    speaker_id: r.speaker_id,
                                    words: q.words,
                                    fingerprints: q.fingerprints,
                                })
                                .collect(),
                            doc_id: Some(doc.id),
                            error: None,
                        }
                    }
                    Err(e) => SketchLine {
                        doc_id: input::record_id(l),
                        error: Some(e),
                        outlet: String::new(),
                        date: String::new(),
                        signature: None,
                        rows: Vec::new(),
                        kept: Vec::new(),
                    },
                }
            }
        };
        out.write_all(&number)?;
        number.clear();
        serde_json::to_writer(&mut out, &answer)?;
        out.write_all(b"\n")?;
        // Spark's TRANSFORM reads as we write: no need to wait for more.
        if reader.buffer().is_empty() {
            out.flush()?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--sketches`: the sketch lines of `inputs`, in order, into the sink.
/// A line with an error is a skipped document, as the record it answers
/// is in a run on the articles.
fn read_sketches(
    inputs: &[PathBuf],
    sink: &mut Sink,
    tally: &mut Tally,
    failed: &mut Option<io::Error>,
) -> Result<()> {
    use std::io::BufRead;
    for path in inputs {
        let file = std::fs::File::open(path)
            .with_context(|| format!("cannot read {}", shown(path)))?;
        for (n, line) in io::BufReader::new(file).lines().enumerate() {
            let line =
                line.with_context(|| format!("cannot read {}", shown(path)))?;
            if line.trim().is_empty() {
                continue;
            }
            let s: SketchLine =
                serde_json::from_str(&line).with_context(|| {
                    format!("{}:{}: not a sketch line", shown(path), n + 1)
                })?;
            let id = s.doc_id.clone().unwrap_or_default();
            if let Some(e) = &s.error {
                tally.skipped += 1;
                eprintln!("whosaid: {}: {e}", crate::diag::escape(&id));
                continue;
            }
            tally.processed += 1;
            let signature = s
                .signature
                .as_deref()
                .and_then(|v| <[u32; trace::SIGNATURE]>::try_from(v).ok());
            let mut quotes = Vec::with_capacity(s.rows.len());
            let mut rows = Vec::with_capacity(s.rows.len());
            for r in s.rows {
                let kind = match r.kind.as_str() {
                    "direct" => crate::Kind::Direct,
                    "partial" => crate::Kind::Partial,
                    "indirect" => crate::Kind::Indirect,
                    other => bail!(
                        "{}:{}: unknown kind {other:?}",
                        shown(path),
                        n + 1
                    ),
                };
                quotes.push(trace::QuoteSketch {
                    words: r.words,
                    fingerprints: r.fingerprints,
                });
                rows.push(Row {
                    doc_id: id.clone(),
                    quote_id: r.quote_id,
                    kind,
                    quote: r.quote,
                    quote_start: r.quote_start,
                    quote_end: r.quote_end,
                    speaker: String::new(),
                    speaker_start: None,
                    speaker_end: None,
                    speaker_name: r.speaker_name,
                    speaker_type: None,
                    speaker_role: String::new(),
                    speaker_id: r.speaker_id,
                    cue: String::new(),
                    via: String::new(),
                    rule: "",
                    confidence: 0.0,
                    paragraph: 0,
                    cue_class: String::new(),
                    frame: String::new(),
                });
            }
            let sketch = DocSketch { signature, quotes };
            let meta = DocMeta { id: &id, outlet: &s.outlet, date: &s.date };
            let kept: Vec<&str> = s.kept.iter().map(String::as_str).collect();
            if let Err(e) = sink.document(meta, &sketch, &rows, &kept) {
                *failed = Some(e);
                return Ok(());
            }
        }
    }
    Ok(())
}

/// One row of the quotations table.
fn write_quote(table: &mut Table, q: &TracedQuote) -> io::Result<()> {
    let speakers = q
        .speakers
        .iter()
        .map(|(name, n)| format!("{name} ({n})"))
        .collect::<Vec<_>>()
        .join("; ");
    let top = q.speakers.first().map_or("", |(name, _)| name.as_str());
    let n = [
        q.occurrences.to_string(),
        q.unattributed.to_string(),
        q.documents.to_string(),
        q.original_documents.to_string(),
        q.outlets.to_string(),
    ];
    table.record(&[
        &q.key,
        q.kind.as_str(),
        &q.quote,
        top,
        &speakers,
        if q.speakers_disagree { "true" } else { "false" },
        &n[0],
        &n[1],
        &n[2],
        &n[3],
        &n[4],
        &q.first_doc,
        &q.first_date,
        &q.last_doc,
        &q.last_date,
    ])
}

