//! Stage 9, the last of the pipeline: the table.
//!
//! Input: one document's [`Analysis`] (attributions, mentions, offset map)
//! and its `Resolution` (the resolve stage's canonical speakers).
//! Output: [`Row`]s with resolved speakers and offsets in the ORIGINAL
//! text as Unicode code points, and the writers for CSV (the contract) and
//! JSONL.
//!
//! The columns, in order (all may be empty unless said otherwise):
//!
//! | column | type | meaning |
//! | --- | --- | --- |
//! | doc_id | text, never empty | the document's id |
//! | quote_id | integer ≥ 1 | rank within the document, in text order |
//! | kind | `direct`, `partial`, `indirect` | |
//! | quote | text, never empty | the words, entities decoded, white space folded |
//! | quote_start, quote_end | code point offsets | the words in the original text, end exclusive |
//! | speaker | text | the speaker's mention as written |
//! | speaker_start, speaker_end | code point offsets | that mention in the original text |
//! | speaker_name | text | canonical name |
//! | speaker_type | `person`, `organization`, `group`, `document`, `unknown` | empty when unattributed |
//! | speaker_role | text | role or title found in the article |
//! | speaker_id | text | gazetteer id (Wikidata QID where known) |
//! | cue | text | the linking verb or phrase as written |
//! | via | text | outlet or source reporting the words |
//! | rule | text, never empty | id of the deciding rule |
//! | confidence | decimal 0 to 1 | two decimals |
//! | paragraph | integer ≥ 1 | paragraph number |
//! | cue_class | `neutral`, `assertive`, `concessive`, `negative` | the cue's stance |
//! | frame | text | the frame finder that found the speaker (`frame/subject-left`), then each refinement that moved it, joined by `+`; empty when no frame gave the speaker |

use std::io::{self, Write};

use serde::Serialize;

use std::str::FromStr;

use crate::analysis::Analysis;
use crate::input::Field;
use crate::normalize::{display_text, CharIndex};
use crate::resolve::{Resolution, Step};
use crate::types::{Kind, Span, SpeakerType};

/// The CSV header, in contract order.
pub const COLUMNS: &[&str] = &[
    "doc_id",
    "quote_id",
    "kind",
    "quote",
    "quote_start",
    "quote_end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_type",
    "speaker_role",
    "speaker_id",
    "cue",
    "via",
    "rule",
    "confidence",
    "paragraph",
    "cue_class",
    "frame",
];

/// One row of the table. It serializes (CSV, JSON through serde) to the
/// cells of [`Row::cells`]: `kind` and `speaker_type` as their column
/// values, `confidence` as its two-decimal text, absent spans as empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The document's id.
    pub doc_id: String,
    /// 1, 2, ... within the document, in text order.
    pub quote_id: usize,
    /// direct, partial or indirect.
    pub kind: Kind,
    /// The words.
    pub quote: String,
    /// Code point offset of the words' start in the original text.
    pub quote_start: usize,
    /// Code point offset of the words' end (exclusive).
    pub quote_end: usize,
    /// The speaker's mention as written.
    pub speaker: String,
    /// Code point offset of the mention's start.
    pub speaker_start: Option<usize>,
    /// Code point offset of the mention's end (exclusive).
    pub speaker_end: Option<usize>,
    /// Canonical name.
    pub speaker_name: String,
    /// person, organization, group, document, unknown; `None` (an empty cell) when
    /// unattributed.
    pub speaker_type: Option<SpeakerType>,
    /// Role found in the article.
    pub speaker_role: String,
    /// Gazetteer id.
    pub speaker_id: String,
    /// The cue as written.
    pub cue: String,
    /// The outlet or source reporting the words.
    pub via: String,
    /// The rule that decided.
    pub rule: &'static str,
    /// 0 to 1, rounded to two decimals (the cell's text).
    pub confidence: f32,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// The cue's stance.
    pub cue_class: String,
    /// The frame finder (and refinements) that found the speaker.
    pub frame: String,
}

/// Builds the rows of one analysed document from its resolution.
pub fn rows(
    doc_id: &str,
    a: &Analysis<'_>,
    resolution: &Resolution,
) -> Vec<Row> {
    if a.attributions.is_empty() {
        return Vec::new();
    }
    let text = a.normalized.text.as_str();
    let chars = CharIndex::new(a.original);
    let resolved_of = |m: usize| {
        resolution.of(m).expect("the resolve stage saw every mention")
    };
    let original_span = |s: Span| -> (usize, usize) {
        (a.normalized.to_original(s.start), a.normalized.to_original(s.end))
    };
    let mut out = Vec::with_capacity(a.attributions.len());
    for at in &a.attributions {
        let (qs, qe) = original_span(at.span);
        let quote = display_text(&a.original[qs..qe]);
        if quote.is_empty() {
            continue;
        }
        let mut row = Row {
            doc_id: doc_id.to_string(),
            quote_id: out.len() + 1,
            kind: at.kind,
            quote,
            quote_start: chars.chars_before(qs),
            quote_end: chars.chars_before(qe),
            speaker: String::new(),
            speaker_start: None,
            speaker_end: None,
            speaker_name: String::new(),
            speaker_type: None,
            speaker_role: String::new(),
            speaker_id: String::new(),
            cue: String::new(),
            via: String::new(),
            rule: at.rule,
            confidence: 0.0,
            paragraph: at.paragraph + 1,
            cue_class: String::new(),
            frame: String::new(),
        };
        let mut confidence = at.confidence;
        if let Some(m) = at.speaker {
            let mention = &a.mentions[m];
            let (ss, se) = original_span(mention.span);
            let resolved = resolved_of(m);
            row.speaker = display_text(&a.original[ss..se]);
            row.speaker_start = Some(chars.chars_before(ss));
            row.speaker_end = Some(chars.chars_before(se));
            // A description can run over a line break ("a statement\n
            // from the party"): the name is folded like the quote.
            row.speaker_name =
                crate::normalize::fold_whitespace(&resolved.name);
            row.speaker_type = Some(resolved.speaker_type);
            row.speaker_role =
                crate::normalize::fold_whitespace(&resolved.role);
            row.speaker_id.clone_from(&resolved.id);
            // Each guess on the way to the name (a pronoun's antecedent,
            // a role noun's holder, an alias, a full name found after the
            // surname) lowers the confidence; a pronoun with no name found
            // is weaker still.
            if resolved.step == Step::Pronoun && row.speaker_name.is_empty() {
                confidence *= 0.6;
            } else {
                confidence *= 0.9f32.powi(i32::from(resolved.uncertain));
            }
            // Names coordinated as one subject ("Adderley and Mold said"):
            // one joint speaker, written from the first to the last, each
            // named as resolved ("Nick Adderley and Stephen Mold"); a group
            // with neither one role nor one id.
            if !at.co_speakers.is_empty() {
                let mut all: Vec<usize> = at.co_speakers.clone();
                all.push(m);
                all.sort_by_key(|&o| a.mentions[o].span.start);
                let first = a.mentions[all[0]].span.start;
                let last = all.iter().map(|&o| a.mentions[o].span.end).max().unwrap_or(mention.span.end);
                let (ss, se) = original_span(Span::new(first, last));
                row.speaker = display_text(&a.original[ss..se]);
                row.speaker_start = Some(chars.chars_before(ss));
                row.speaker_end = Some(chars.chars_before(se));
                let names: Vec<String> = all
                    .iter()
                    .map(|&o| {
                        let r = resolved_of(o);
                        if r.name.is_empty() {
                            a.mentions[o].text(text).to_string()
                        } else {
                            crate::normalize::fold_whitespace(&r.name)
                        }
                    })
                    .collect();
                row.speaker_name = crate::resolve::joint_name(&names);
                row.speaker_type = Some(SpeakerType::Group);
                row.speaker_role.clear();
                row.speaker_id.clear();
            }
        }
        if let Some(c) = at.cue {
            // The frame of the row's cue gave the speaker unless another
            // rule (a colon, a dash) did.
            let f = &a.frames[c];
            if at.speaker.is_some() && f.speaker == at.speaker {
                row.frame.push_str(&f.found_by);
            }
            (row.cue, row.cue_class) = a_cue(a, c);
        } else if let Some(span) = at.colon_cue {
            row.cue = text[span.start..span.end].to_string();
            row.cue_class = "neutral".to_string();
        }
        if let Some(v) = at.via {
            let r = resolved_of(v);
            row.via = if r.name.is_empty() {
                a.mentions[v].text(text).to_string()
            } else {
                r.name.clone()
            };
            if row.via == row.speaker_name {
                row.via.clear();
            }
        }
        row.confidence = two_decimals(confidence.clamp(0.0, 1.0));
        out.push(row);
    }
    out
}

/// `x` rounded to two decimals as the table writes it (`{:.2}`), so
/// that the cell's text and the number agree.
fn two_decimals(x: f32) -> f32 {
    // Without formatting (a row's most costly step after its text):
    // `x * 100` is exact in f64 (24 + 7 bits), `{:.2}` rounds a tie to
    // even, and `k / 100` in f32 is the nearest f32 to the decimal, as
    // parsing it would give. Far from [0, 1] (not a confidence), the
    // formatted way.
    if !(-1.0e6..=1.0e6).contains(&x) {
        return format!("{x:.2}").parse().expect("a formatted number parses");
    }
    let k = (f64::from(x) * 100.0).round_ties_even();
    k as f32 / 100.0
}

/// Cue `c` as written, and its stance.
fn a_cue(a: &Analysis<'_>, c: usize) -> (String, String) {
    let cue = &a.cues[c];
    let text = a.normalized.text.as_str();
    (text[cue.span.start..cue.span.end].to_string(), cue.info.stance.clone())
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with a header row.
    Csv,
    /// CSV for spreadsheets: a UTF-8 byte order mark (so Excel reads the
    /// file as UTF-8), CRLF line ends, and every cell that a spreadsheet
    /// would run as a formula prefixed with `'` (see [`excel_cell`]).
    Excel,
    /// One JSON object a line.
    Jsonl,
}

/// A cell made safe for a spreadsheet: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and
/// Google Sheets as a formula (OWASP "CSV injection"), so it gets a
/// leading `'`, which the spreadsheet shows as text and hides. A quote
/// like `-- "We will win"` or `=HYPERLINK(...)` stays readable and inert.
/// The full-width forms `＝ ＋ － ＠` count too: spreadsheets with East
/// Asian input settings read them as their ASCII forms.
pub fn excel_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}',
        '\u{FF20}',
    ]) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The most a spreadsheet cell holds: 32,767 characters (Excel's limit,
/// counted in UTF-16 units; LibreOffice cuts there too).
pub const EXCEL_CELL_LIMIT: usize = 32_767;

/// [`excel_cell`], cut to [`EXCEL_CELL_LIMIT`]; `true` when it was cut
/// (the caller warns: the cell is no longer the whole quote).
pub fn excel_cell_limited(cell: &str) -> (String, bool) {
    let safe = excel_cell(cell);
    let mut units = 0;
    for (i, c) in safe.char_indices() {
        units += c.len_utf16();
        if units > EXCEL_CELL_LIMIT {
            return (safe[..i].to_string(), true);
        }
    }
    (safe.into_owned(), false)
}

/// The cells of a record made safe for a spreadsheet, and how many were
/// cut.
pub fn excel_record<'a>(
    cells: impl IntoIterator<Item = &'a str>,
) -> (Vec<String>, usize) {
    let mut cut = 0;
    let out = cells
        .into_iter()
        .map(|c| {
            let (cell, was_cut) = excel_cell_limited(c);
            cut += usize::from(was_cut);
            cell
        })
        .collect();
    (out, cut)
}

impl Row {
    /// The cells in column order, as the CSV writes them.
    pub fn cells(&self) -> [String; 20] {
        let opt =
            |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_default();
        [
            self.doc_id.clone(),
            self.quote_id.to_string(),
            self.kind.as_str().to_string(),
            self.quote.clone(),
            self.quote_start.to_string(),
            self.quote_end.to_string(),
            self.speaker.clone(),
            opt(self.speaker_start),
            opt(self.speaker_end),
            self.speaker_name.clone(),
            self.speaker_type.map_or("", SpeakerType::as_str).to_string(),
            self.speaker_role.clone(),
            self.speaker_id.clone(),
            self.cue.clone(),
            self.via.clone(),
            self.rule.to_string(),
            self.confidence_text(),
            self.paragraph.to_string(),
            self.cue_class.clone(),
            self.frame.clone(),
        ]
    }

    /// The `confidence` cell: two decimals.
    pub fn confidence_text(&self) -> String {
        format!("{:.2}", self.confidence)
    }
}

impl Serialize for Row {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Row", COLUMNS.len())?;
        st.serialize_field("doc_id", &self.doc_id)?;
        st.serialize_field("quote_id", &self.quote_id)?;
        st.serialize_field("kind", self.kind.as_str())?;
        st.serialize_field("quote", &self.quote)?;
        st.serialize_field("quote_start", &self.quote_start)?;
        st.serialize_field("quote_end", &self.quote_end)?;
        st.serialize_field("speaker", &self.speaker)?;
        st.serialize_field("speaker_start", &self.speaker_start)?;
        st.serialize_field("speaker_end", &self.speaker_end)?;
        st.serialize_field("speaker_name", &self.speaker_name)?;
        st.serialize_field(
            "speaker_type",
            self.speaker_type.map_or("", SpeakerType::as_str),
        )?;
        st.serialize_field("speaker_role", &self.speaker_role)?;
        st.serialize_field("speaker_id", &self.speaker_id)?;
        st.serialize_field("cue", &self.cue)?;
        st.serialize_field("via", &self.via)?;
        st.serialize_field("rule", self.rule)?;
        st.serialize_field("confidence", &self.confidence_text())?;
        st.serialize_field("paragraph", &self.paragraph)?;
        st.serialize_field("cue_class", &self.cue_class)?;
        st.serialize_field("frame", &self.frame)?;
        st.end()
    }
}

/// Writes rows in a format, header first for CSV.
pub struct TableWriter<W: Write> {
    format: Format,
    csv: Option<csv::Writer<W>>,
    plain: Option<W>,
}

impl<W: Write> TableWriter<W> {
    /// A writer; the CSV header is written at once.
    pub fn new(format: Format, out: W) -> io::Result<TableWriter<W>> {
        match format {
            Format::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out);
                w.write_record(COLUMNS).map_err(csv_io)?;
                Ok(TableWriter { format, csv: Some(w), plain: None })
            }
            Format::Excel => {
                let mut out = out;
                out.write_all(b"\xEF\xBB\xBF")?;
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(out);
                w.write_record(COLUMNS).map_err(csv_io)?;
                Ok(TableWriter { format, csv: Some(w), plain: None })
            }
            Format::Jsonl => {
                Ok(TableWriter { format, csv: None, plain: Some(out) })
            }
        }
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Row) -> io::Result<()> {
        match self.format {
            Format::Csv => {
                let w = self.csv.as_mut().expect("csv writer");
                w.serialize(row).map_err(csv_io)
            }
            Format::Excel => {
                let w = self.csv.as_mut().expect("csv writer");
                let cells = row.cells();
                let (safe, _) = excel_record(cells.iter().map(String::as_str));
                w.write_record(safe).map_err(csv_io)
            }
            Format::Jsonl => {
                let w = self.plain.as_mut().expect("plain writer");
                let json = JsonRow::new(row, &[], &[]);
                serde_json::to_writer(&mut *w, &json)?;
                w.write_all(b"\n")
            }
        }
    }

    /// Flushes and returns the inner writer.
    pub fn finish(self) -> io::Result<W> {
        match (self.csv, self.plain) {
            (Some(w), _) => w.into_inner().map_err(|e| e.into_error()),
            (_, Some(mut w)) => {
                w.flush()?;
                Ok(w)
            }
            _ => unreachable!("one writer is always set"),
        }
    }
}

fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Encodes rows into bytes, so that worker threads can format their own
/// documents and one thread writes the bytes in input order. The bytes
/// equal what [`TableWriter`] writes for the same rows: CSV quoting
/// depends on the field alone.
pub struct RowEncoder {
    format: Format,
    csv: csv::WriterBuilder,
}

impl RowEncoder {
    /// An encoder for `format`.
    pub fn new(format: Format) -> RowEncoder {
        let mut csv = csv::WriterBuilder::new();
        csv.has_headers(false).buffer_capacity(1 << 12);
        if format == Format::Excel {
            csv.terminator(csv::Terminator::CRLF);
        }
        RowEncoder { format, csv }
    }

    /// What comes before the first row: the CSV header, or nothing.
    pub fn header(format: Format) -> Vec<u8> {
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                w.write_record(COLUMNS).expect("writing to memory");
                w.into_inner().expect("writing to memory")
            }
            Format::Excel => {
                let mut w = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(b"\xEF\xBB\xBF".to_vec());
                w.write_record(COLUMNS).expect("writing to memory");
                w.into_inner().expect("writing to memory")
            }
            Format::Jsonl => Vec::new(),
        }
    }

    /// Appends the encoded `rows` to `out`.
    pub fn encode(&self, rows: &[Row], out: &mut Vec<u8>) {
        self.encode_counting(rows, out);
    }

    /// [`RowEncoder::encode`], returning how many cells `--excel` cut to
    /// the spreadsheet cell limit.
    pub fn encode_counting(&self, rows: &[Row], out: &mut Vec<u8>) -> usize {
        let mut cut = 0;
        // Writing to memory fails only on a serde error, which a `Row`
        // (strings and numbers) cannot raise.
        match self.format {
            Format::Csv => {
                for row in rows {
                    csv_row(row, out);
                }
            }
            Format::Excel => {
                let mut w = self.csv.from_writer(out);
                for row in rows {
                    let cells = row.cells();
                    let (safe, n) =
                        excel_record(cells.iter().map(String::as_str));
                    cut += n;
                    w.write_record(safe).expect("writing to memory");
                }
                w.flush().expect("writing to memory");
            }
            Format::Jsonl => {
                for row in rows {
                    let json = JsonRow::new(row, &[], &[]);
                    serde_json::to_writer(&mut *out, &json)
                        .expect("writing to memory");
                    out.push(b'\n');
                }
            }
        }
        cut
    }

    /// [`RowEncoder::encode_counting`] with the document's `--keep`
    /// fields (named `keep`, valued `fields`) after every row's columns:
    /// as text in CSV, typed in JSONL (numbers as numbers, missing as
    /// null).
    pub fn encode_kept(
        &self,
        rows: &[Row],
        keep: &[String],
        fields: &[Field],
        out: &mut Vec<u8>,
    ) -> usize {
        if keep.is_empty() {
            return self.encode_counting(rows, out);
        }
        let mut cut = 0;
        let cell = |i: usize| fields.get(i).map_or("", Field::cell);
        match self.format {
            Format::Csv | Format::Excel => {
                let mut w = self.csv.from_writer(out);
                for row in rows {
                    let mut cells: Vec<String> = row.cells().into();
                    cells.extend((0..keep.len()).map(|i| cell(i).to_string()));
                    if self.format == Format::Excel {
                        let (safe, n) =
                            excel_record(cells.iter().map(String::as_str));
                        cut += n;
                        cells = safe;
                    }
                    w.write_record(&cells).expect("writing to memory");
                }
                w.flush().expect("writing to memory");
            }
            Format::Jsonl => {
                for row in rows {
                    let json = JsonRow::new(row, keep, fields);
                    serde_json::to_writer(&mut *out, &json)
                        .expect("writing to memory");
                    out.push(b'\n');
                }
            }
        }
        cut
    }
}

/// Appends `row` to `out` as one CSV record ending in `\n`, the bytes
/// the csv crate writes for it (its `Necessary` quoting: a cell holding
/// a comma, a double quote, CR or LF is put in double quotes, its double
/// quotes doubled), written straight to the buffer: no serde, no String
/// per cell. A test checks it against the csv crate.
fn csv_row(row: &Row, out: &mut Vec<u8>) {
    /// The bytes that make the csv crate quote a cell.
    const CSV_SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        t[b',' as usize] = true;
        t[b'"' as usize] = true;
        t[b'\r' as usize] = true;
        t[b'\n' as usize] = true;
        t
    };
    fn cell(out: &mut Vec<u8>, s: &str) {
        let b = s.as_bytes();
        // A long cell (a quote) in two vectorised scans, a short one a
        // table look-up a byte (a memchr call costs more than it).
        let special = if b.len() >= 64 {
            memchr::memchr3(b',', b'"', b'\n', b).is_some()
                || memchr::memchr(b'\r', b).is_some()
        } else {
            b.iter().any(|&c| CSV_SPECIAL[usize::from(c)])
        };
        if !special {
            out.extend_from_slice(b);
            return;
        }
        out.push(b'"');
        // Each double quote doubled: the bytes up to and with it, then
        // another.
        let mut start = 0;
        for at in memchr::memchr_iter(b'"', b) {
            out.extend_from_slice(&b[start..=at]);
            out.push(b'"');
            start = at + 1;
        }
        out.extend_from_slice(&b[start..]);
        out.push(b'"');
    }
    // Decimal digits written by hand: the same bytes as `{n}`, without
    // the formatting machinery (callgrind: about half of a row's
    // encoding).
    let number = |out: &mut Vec<u8>, mut n: usize| {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[at..]);
    };
    cell(out, &row.doc_id);
    out.push(b',');
    number(out, row.quote_id);
    out.push(b',');
    out.extend_from_slice(row.kind.as_str().as_bytes());
    out.push(b',');
    cell(out, &row.quote);
    out.push(b',');
    number(out, row.quote_start);
    out.push(b',');
    number(out, row.quote_end);
    out.push(b',');
    cell(out, &row.speaker);
    out.push(b',');
    if let Some(s) = row.speaker_start {
        number(out, s);
    }
    out.push(b',');
    if let Some(e) = row.speaker_end {
        number(out, e);
    }
    out.push(b',');
    cell(out, &row.speaker_name);
    out.push(b',');
    out.extend_from_slice(
        row.speaker_type.map_or("", SpeakerType::as_str).as_bytes(),
    );
    out.push(b',');
    cell(out, &row.speaker_role);
    out.push(b',');
    cell(out, &row.speaker_id);
    out.push(b',');
    cell(out, &row.cue);
    out.push(b',');
    cell(out, &row.via);
    out.push(b',');
    cell(out, row.rule);
    out.push(b',');
    confidence_cell(out, row.confidence);
    out.push(b',');
    number(out, row.paragraph);
    out.push(b',');
    cell(out, &row.cue_class);
    out.push(b',');
    cell(out, &row.frame);
    out.push(b'\n');
}

/// Appends `x` as `{:.2}` writes it. A confidence is a hundredth
/// `k / 100` (0 <= k <= 100) as [`two_decimals`] makes it: that f32 is
/// within half an ulp of the decimal, far under 0.005, so `{:.2}` writes
/// the digits of `k`; written here without float formatting. Any other
/// value (a negative zero included) goes the formatted way.
fn confidence_cell(out: &mut Vec<u8>, x: f32) {
    use std::io::Write as _;
    let k = (f64::from(x) * 100.0).round_ties_even();
    if x.is_sign_positive() && (0.0..=100.0).contains(&k) && k as f32 / 100.0 == x {
        let k = k as u32;
        out.extend_from_slice(&[
            b'0' + (k / 100) as u8,
            b'.',
            b'0' + (k / 10 % 10) as u8,
            b'0' + (k % 10) as u8,
        ]);
        return;
    }
    // Writing to a Vec cannot fail.
    let _ = write!(out, "{x:.2}");
}

/// The header of a table with `--keep` columns after the contract's.
pub fn header_kept(format: Format, keep: &[String]) -> Vec<u8> {
    if keep.is_empty() || format == Format::Jsonl {
        return RowEncoder::header(format);
    }
    let columns = COLUMNS.iter().copied().chain(keep.iter().map(String::as_str));
    let mut b = csv::WriterBuilder::new();
    let start: Vec<u8> = if format == Format::Excel {
        b.terminator(csv::Terminator::CRLF);
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    let mut w = b.from_writer(start);
    w.write_record(columns).expect("writing to memory");
    w.into_inner().expect("writing to memory")
}

/// Columns that `--format jsonl` writes as JSON numbers (the span
/// columns as null when empty); every other column is a string.
const NUMBER_COLUMNS: &[&str] = &[
    "quote_id",
    "quote_start",
    "quote_end",
    "speaker_start",
    "speaker_end",
    "confidence",
    "paragraph",
];

/// A row as one JSON object for `--format jsonl`: the columns in order,
/// numbers as numbers, empty spans as null, then the `--keep` fields
/// (strings as strings, numbers as written, missing as null). Built from
/// [`Row::cells`] and [`COLUMNS`], so a new column needs no change here.
pub struct JsonRow<'a> {
    /// The row.
    pub row: &'a Row,
    /// The kept fields' names.
    pub keep: &'a [String],
    /// Their values for the row's document.
    pub fields: &'a [Field],
    /// `confidence` as the string `"0.85"`, as `--jsonl-stream` has
    /// always written it (its readers parse the string), not a number.
    pub text_confidence: bool,
}

impl<'a> JsonRow<'a> {
    /// A row for `--format jsonl`.
    pub fn new(
        row: &'a Row,
        keep: &'a [String],
        fields: &'a [Field],
    ) -> JsonRow<'a> {
        JsonRow { row, keep, fields, text_confidence: false }
    }
}

impl Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(
        &self,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let cells = self.row.cells();
        let mut map = s.serialize_map(Some(cells.len() + self.keep.len()))?;
        for (name, cell) in COLUMNS.iter().zip(cells.iter()) {
            if self.text_confidence && *name == "confidence" {
                map.serialize_entry(name, cell)?;
            } else if NUMBER_COLUMNS.contains(name) {
                match serde_json::Number::from_str(cell) {
                    Ok(n) => map.serialize_entry(name, &n)?,
                    Err(_) => map.serialize_entry(name, &())?,
                }
            } else {
                map.serialize_entry(name, cell)?;
            }
        }
        for (i, name) in self.keep.iter().enumerate() {
            match self.fields.get(i).unwrap_or(&Field::Missing) {
                Field::Missing => map.serialize_entry(name, &())?,
                Field::Text(t) => map.serialize_entry(name, t)?,
                Field::Json(raw) => match serde_json::Number::from_str(raw) {
                    Ok(n) => map.serialize_entry(name, &n)?,
                    Err(_) => map.serialize_entry(name, &(raw == "true"))?,
                },
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::two_decimals;

    #[test]
    fn two_decimals_is_the_formatted_number() {
        // Every f32 from 0 to 1 in steps of 2^-20, the ties among them
        // (0.125, 0.375, ...) included, and a few outside.
        let mut xs: Vec<f32> = (0..=1u32 << 20).map(|i| i as f32 / (1u32 << 20) as f32).collect();
        xs.extend([-0.0, 0.005, 0.015, 0.025, 0.995, 0.6 * 0.9, 0.9f32.powi(3), 12.345, -3.5, f32::NAN]);
        for x in xs {
            let formatted: f32 = format!("{x:.2}").parse().unwrap();
            let ours = two_decimals(x);
            assert!(
                ours.to_bits() == formatted.to_bits() || ours.is_nan() && formatted.is_nan(),
                "{x}: {ours} != {formatted}"
            );
        }
    }

    use super::*;

    fn row() -> Row {
        Row {
            doc_id: "d,1".into(),
            quote_id: 12,
            kind: Kind::Direct,
            quote: "He said \"no\", twice\nand\rleft".into(),
            quote_start: 0,
            quote_end: 1234,
            speaker: String::new(),
            speaker_start: None,
            speaker_end: Some(7),
            speaker_name: "\"".into(),
            speaker_type: Some(SpeakerType::Organization),
            speaker_role: "chief, \"acting\"".into(),
            speaker_id: "Q42".into(),
            cue: "said".into(),
            via: "é ü 😀".into(),
            rule: "quote/after/speaker-cue",
            confidence: 0.855,
            paragraph: 3,
            cue_class: "neutral".into(),
            frame: "frame/a+b".into(),
        }
    }

    #[test]
    fn a_confidence_cell_is_the_formatted_number() {
        let mut values: Vec<f32> =
            (0..=100).map(|k| two_decimals(k as f32 / 100.0)).collect();
        values.extend([-0.0, 0.004, 0.005, 0.125, 0.999, 1.5, -0.5, 1234.5678, f32::NAN]);
        for x in values {
            let mut got = Vec::new();
            confidence_cell(&mut got, x);
            assert_eq!(String::from_utf8(got).unwrap(), format!("{x:.2}"));
        }
        for n in [0usize, 7, 10, 99, 100, 12345, usize::MAX] {
            let mut r = row();
            r.quote_id = n;
            let mut got = Vec::new();
            csv_row(&r, &mut got);
            assert!(String::from_utf8(got).unwrap().contains(&format!(",{n},")));
        }
    }

    #[test]
    fn a_csv_row_is_what_the_csv_crate_writes() {
        let mut plain = row();
        plain.doc_id = "plain".into();
        plain.quote = "no special bytes".into();
        plain.speaker_type = None;
        plain.speaker_start = Some(0);
        for r in [row(), plain] {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            w.serialize(&r).unwrap();
            let expected = w.into_inner().unwrap();
            let mut got = Vec::new();
            csv_row(&r, &mut got);
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(expected).unwrap());
        }
    }
}
