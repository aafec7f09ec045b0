//! The `extract` command's driver: input → [`Extractor`] → bytes, in
//! bounded parallel batches ([`crate::batch`]).
//!
//! Input: the paths on the command line, or JSONL lines on standard input
//! for `--jsonl-stream`. Output: the table (CSV or JSONL) or the stream's
//! one JSON line per document, in input order, byte for byte the same for
//! any thread count; diagnostics on standard error; a [`Tally`].

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::batch::{self, Feeder, Limits};
use crate::input::{self, Item};
use crate::output::{Format, Row, RowEncoder};
use crate::Extractor;

/// Counts for the closing accounting line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Documents and errors read.
    pub read: usize,
    /// Documents processed.
    pub processed: usize,
    /// Documents or records skipped with an error.
    pub skipped: usize,
    /// Rows written.
    pub rows: usize,
    /// Of the skipped, those over `--max-document-size`.
    pub oversized: usize,
}

impl Tally {
    /// The closing line of `extract` (without the `whosaid: ` prefix).
    pub fn closing_line(&self) -> String {
        let mut s = format!(
            "{} documents read, {} processed, {} skipped with errors, {} \
             rows written",
            self.read, self.processed, self.skipped, self.rows
        );
        if self.oversized > 0 {
            s.push_str(&format!(
                " ({} of the skipped over --max-document-size)",
                self.oversized
            ));
        }
        s
    }
}

/// One document's encoded rows; its buffer is reused batch after batch.
#[derive(Default)]
struct Encoded {
    bytes: Vec<u8>,
    rows: usize,
    ok: bool,
    oversized: bool,
    /// Cells cut to the spreadsheet cell limit (`--excel`).
    cut: usize,
    /// Left to the writer: a document longer than a window
    /// ([`crate::window`]), whose rows the writer extracts and writes a
    /// window at a time, so that neither its analysis nor its table is
    /// ever held whole.
    deferred: bool,
}

/// Whether a document is left to the writer (see [`Encoded::deferred`]).
fn deferred(text_len: usize) -> bool {
    text_len > crate::window::WINDOW_BYTES
}

/// Writes the table of every document of `inputs` to `out`.
#[allow(clippy::too_many_arguments)]
pub fn extract_table(
    extractor: &Extractor,
    inputs: &[PathBuf],
    options: &input::Options,
    format: Format,
    threads: usize,
    progress: Option<ProgressBar>,
    quiet: bool,
    out: &mut dyn Write,
) -> io::Result<Tally> {
    out.write_all(&crate::output::header_kept(format, &options.keep))?;
    let mut tally = Tally::default();
    let mut failed = None;
    batch::run(
        threads,
        Limits::default(),
        |feeder: &mut Feeder<'_, Item>| {
            input::read_all(inputs, options, &mut |item| {
                let weight = match &item {
                    Item::Document(d) => d.text.len(),
                    Item::Error(_) | Item::Warning(_) => 0,
                };
                feeder.push(item, weight)
            });
        },
        || RowEncoder::new(format),
        |encoder, item, enc: &mut Encoded| {
            enc.bytes.clear();
            enc.deferred = false;
            if let Item::Document(doc) = item {
                if deferred(doc.text.len()) {
                    enc.deferred = true;
                    return;
                }
                let rows = extractor.extract_document(doc);
                enc.cut = encoder.encode_kept(
                    &rows,
                    &options.keep,
                    &doc.fields,
                    &mut enc.bytes,
                );
                enc.rows = rows.len();
            }
        },
        |items, encoded| {
            let mut writer_encoder = None;
            for (item, enc) in items.iter().zip(encoded) {
                let mut enc_rows = enc.rows;
                let mut enc_cut = enc.cut;
                if let (Item::Document(doc), true) = (item, enc.deferred) {
                    let encoder = writer_encoder
                        .get_or_insert_with(|| RowEncoder::new(format));
                    let mut bytes = Vec::new();
                    (enc_rows, enc_cut) = (0, 0);
                    extractor.extract_document_each(doc, &mut |rows| {
                        bytes.clear();
                        enc_cut += encoder.encode_kept(
                            &rows,
                            &options.keep,
                            &doc.fields,
                            &mut bytes,
                        );
                        enc_rows += rows.len();
                        match out.write_all(&bytes) {
                            Ok(()) => true,
                            Err(e) => {
                                failed = Some(e);
                                false
                            }
                        }
                    });
                    if failed.is_some() {
                        return false;
                    }
                }
                match item {
                    // A warning is not a document (the one it is about
                    // follows) and skips nothing: the exit status stays.
                    Item::Warning(w) => {
                        if !quiet {
                            let say =
                                || eprintln!("whosaid: {}", w.as_warning());
                            match &progress {
                                Some(p) => p.suspend(say),
                                None => say(),
                            }
                        }
                    }
                    Item::Error(e) => {
                        tally.read += 1;
                        tally.skipped += 1;
                        tally.oversized += usize::from(e.oversized);
                        let say = || eprintln!("whosaid: {e}");
                        match &progress {
                            Some(p) => p.suspend(say),
                            None => say(),
                        }
                    }
                    Item::Document(doc) => {
                        tally.read += 1;
                        tally.processed += 1;
                        tally.rows += enc_rows;
                        if enc_cut > 0 && !quiet {
                            let say = || {
                                eprintln!(
                                    "whosaid: {}: warning: {} cell(s) over \
                                     {} characters cut to fit a \
                                     spreadsheet (--excel)",
                                    crate::diag::escape(&doc.id),
                                    enc_cut,
                                    crate::output::EXCEL_CELL_LIMIT
                                )
                            };
                            match &progress {
                                Some(p) => p.suspend(say),
                                None => say(),
                            }
                        }
                        if let Some(p) = &progress {
                            p.inc(doc.text.len() as u64);
                        }
                        if let Err(e) = out.write_all(&enc.bytes) {
                            failed = Some(e);
                            return false;
                        }
                    }
                }
            }
            true
        },
    )?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(tally),
    }
}

/// A progress bar on standard error for inputs of at least `min_bytes`
/// (files and folders only: the size of standard input is unknown).
pub fn progress_bar(
    inputs: &[PathBuf],
    min_bytes: u64,
) -> Option<ProgressBar> {
    if inputs.is_empty() || inputs.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    let total: u64 = inputs.iter().map(|p| input_bytes(p)).sum();
    if total < min_bytes {
        return None;
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        )
        .expect("a valid template"),
    );
    Some(bar)
}

/// The bytes of the `.txt` and `.jsonl` files that `extract` reads at
/// `path`.
fn input_bytes(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else { return 0 };
    if !meta.is_dir() {
        return meta.len();
    }
    let mut total = 0;
    let mut stack = vec![path.to_path_buf()];
    // Bounded so that a symbolic link loop cannot keep this going.
    let mut folders = 0;
    while let Some(dir) = stack.pop() {
        folders += 1;
        if folders > 100_000 {
            break;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            // The entry's own type: a link to `/` is not walked.
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("txt" | "jsonl")
            ) {
                total += e.metadata().map_or(0, |m| m.len());
            }
        }
    }
    total
}

/// One line of the `--jsonl-stream` output.
#[derive(Serialize)]
struct StreamLine<'a> {
    doc_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rows: Option<StreamRows<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// The rows of a stream answer: as [`Row`] serializes them, with the
/// `--keep` fields after the columns when there are any.
struct StreamRows<'a> {
    rows: &'a [Row],
    keep: &'a [String],
    fields: &'a [input::Field],
}

impl Serialize for StreamRows<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            seq.serialize_element(&StreamRow {
                row,
                keep: self.keep,
                fields: self.fields,
            })?;
        }
        seq.end()
    }
}

/// One row of a stream answer (see [`StreamRows`]).
struct StreamRow<'a> {
    row: &'a Row,
    keep: &'a [String],
    fields: &'a [input::Field],
}

impl Serialize for StreamRow<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        if self.keep.is_empty() {
            self.row.serialize(s)
        } else {
            let mut json =
                crate::output::JsonRow::new(self.row, self.keep, self.fields);
            json.text_confidence = true;
            json.serialize(s)
        }
    }
}

/// `--jsonl-stream`: for each line of `reader` that holds a document,
/// exactly one JSON line on `out`, in order: `{"doc_id", "rows"}`, or
/// `{"doc_id", "error"}` for a bad record. Only reading or writing
/// failures are errors.
pub fn jsonl_stream<R: Read + Send>(
    extractor: &Extractor,
    reader: R,
    options: &input::Options,
    threads: usize,
    out: &mut dyn Write,
) -> io::Result<Tally> {
    let max_size = options.max_size;
    let mut reader = io::BufReader::with_capacity(1 << 20, reader);
    let mut tally = Tally::default();
    let mut read_failed = None;
    let mut write_failed = None;
    batch::run(
        threads,
        Limits::default(),
        |feeder: &mut Feeder<'_, StreamItem>| loop {
            // Nothing left in the buffer: the next read may wait for a
            // client that waits for our answers, so answer first.
            if reader.buffer().is_empty() && !feeder.flush() {
                return;
            }
            let mut line = Vec::new();
            let item = match input::read_line_bounded(
                &mut reader,
                &mut line,
                max_size,
            ) {
                Ok(input::Line::End) => return,
                Ok(input::Line::Read) => StreamItem::Line(line),
                Ok(input::Line::Over { len, id }) => {
                    StreamItem::Over { len, id }
                }
                Err(e) => {
                    read_failed = Some(e);
                    return;
                }
            };
            if let StreamItem::Line(l) = &item {
                if l.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
            }
            let weight = match &item {
                StreamItem::Line(l) => l.len(),
                StreamItem::Over { .. } => 0,
            };
            if !feeder.push(item, weight) {
                return;
            }
        },
        || (),
        |_, item: &StreamItem, enc: &mut Encoded| {
            enc.bytes.clear();
            let line = match item {
                StreamItem::Line(l) => l.as_slice(),
                StreamItem::Over { len, id } => {
                    enc.rows = 0;
                    enc.ok = false;
                    enc.oversized = true;
                    let why = format!(
                        "the record is {}, over --max-document-size ({}): \
                         skipped",
                        input::human_size(*len),
                        input::human_size(max_size as u64)
                    );
                    let record = StreamLine {
                        doc_id: id.as_deref(),
                        rows: None,
                        error: Some(&why),
                    };
                    serde_json::to_writer(&mut enc.bytes, &record)
                        .expect("writing to memory");
                    enc.bytes.push(b'\n');
                    return;
                }
            };
            enc.oversized = false;
            enc.deferred = deferred(line.len());
            if enc.deferred {
                return;
            }
            let line = record_bytes(line);
            match input::parse_record_with(line, options) {
                Ok(doc) => {
                    let rows = extractor.extract_document(&doc);
                    enc.rows = rows.len();
                    enc.ok = true;
                    let record = StreamLine {
                        doc_id: Some(&doc.id),
                        rows: Some(StreamRows {
                            rows: &rows,
                            keep: &options.keep,
                            fields: &doc.fields,
                        }),
                        error: None,
                    };
                    serde_json::to_writer(&mut enc.bytes, &record)
                        .expect("writing to memory");
                }
                Err(e) => {
                    enc.rows = 0;
                    enc.ok = false;
                    let doc_id = input::record_id(line);
                    let record = StreamLine {
                        doc_id: doc_id.as_deref(),
                        rows: None,
                        error: Some(&e),
                    };
                    serde_json::to_writer(&mut enc.bytes, &record)
                        .expect("writing to memory");
                }
            }
            enc.bytes.push(b'\n');
        },
        |items, encoded| {
            for (item, enc) in items.iter().zip(encoded) {
                // A long record is answered here, its line already
                // written: what is left is its count.
                let streamed;
                let enc = match (item, enc.deferred) {
                    (StreamItem::Line(line), true) => {
                        match stream_long_record(
                            extractor,
                            record_bytes(line),
                            options,
                            out,
                        ) {
                            Ok(rows) => {
                                streamed = Encoded {
                                    rows: rows.unwrap_or(0),
                                    ok: rows.is_some(),
                                    ..Encoded::default()
                                };
                                &streamed
                            }
                            Err(e) => {
                                write_failed = Some(e);
                                return false;
                            }
                        }
                    }
                    _ => enc,
                };
                tally.read += 1;
                if enc.ok {
                    tally.processed += 1;
                    tally.rows += enc.rows;
                } else {
                    tally.skipped += 1;
                    tally.oversized += usize::from(enc.oversized);
                }
                if let Err(e) = out.write_all(&enc.bytes) {
                    write_failed = Some(e);
                    return false;
                }
            }
            // The client may be waiting for these lines.
            if let Err(e) = out.flush() {
                write_failed = Some(e);
                return false;
            }
            true
        },
    )?;
    if let Some(e) = write_failed.or(read_failed) {
        return Err(e);
    }
    Ok(tally)
}

/// A JSONL line without its line end and byte order mark.
fn record_bytes(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
}

/// Answers a record longer than a window (see [`Encoded::deferred`]):
/// writes its line to `out` as the workers would, but a window of rows
/// at a time. The number of rows, or `None` for a bad record (its error
/// line written).
fn stream_long_record(
    extractor: &Extractor,
    line: &[u8],
    options: &input::Options,
    out: &mut dyn Write,
) -> io::Result<Option<usize>> {
    let doc = match input::parse_record_with(line, options) {
        Ok(doc) => doc,
        Err(e) => {
            let doc_id = input::record_id(line);
            let record =
                StreamLine { doc_id: doc_id.as_deref(), rows: None, error: Some(&e) };
            let mut bytes = serde_json::to_vec(&record)?;
            bytes.push(b'\n');
            out.write_all(&bytes)?;
            return Ok(None);
        }
    };
    // The bytes of `StreamLine` with its rows, written in pieces:
    // serde_json's compact form of a sequence is its elements joined by
    // commas, so the line is the same as if it were written whole.
    let mut bytes = b"{\"doc_id\":".to_vec();
    serde_json::to_writer(&mut bytes, &doc.id)?;
    bytes.extend_from_slice(b",\"rows\":[");
    let mut count = 0;
    let mut failed = None;
    extractor.extract_document_each(&doc, &mut |rows| {
        for row in &rows {
            if count > 0 {
                bytes.push(b',');
            }
            count += 1;
            let element =
                StreamRow { row, keep: &options.keep, fields: &doc.fields };
            serde_json::to_writer(&mut bytes, &element)
                .expect("writing to memory");
        }
        match out.write_all(&bytes) {
            Ok(()) => {
                bytes.clear();
                true
            }
            Err(e) => {
                failed = Some(e);
                false
            }
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    bytes.extend_from_slice(b"]}\n");
    out.write_all(&bytes)?;
    Ok(Some(count))
}

/// A line of the stream, or what is left of one too large to keep.
enum StreamItem {
    Line(Vec<u8>),
    Over { len: u64, id: Option<String> },
}
