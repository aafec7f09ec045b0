//! Stage 1 of the pipeline: input.
//!
//! Input: the paths on the command line (`.txt` files, folders, `.jsonl`
//! files, `-` for standard input). Output: a stream of [`Document`]s
//! `{id, text}` in a stable order, and an [`InputError`] for everything
//! that could not be read, naming the file (and line, for JSONL), so that
//! the run goes on with the other documents and reports what it skipped.
//! What was read but needed repair (Windows-1252 text, invalid UTF-8
//! replaced, a duplicate id, a folder reached twice) is a warning: the
//! document is still processed, nothing is lost, and the exit status does
//! not change.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use crate::diag::escape;

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its id: the JSONL record's `doc_id` or `id`; for a file, its path
    /// relative to the folder given, without `.txt`.
    pub id: String,
    /// Its text, as read.
    pub text: String,
    /// Whether the text is HTML (a `.html`/`.htm` file, or a JSONL
    /// record or standard input read with `--html`): the extractor reads
    /// it with `crate::html`, and offsets point into the HTML.
    pub html: bool,
    /// The record's fields named by `--keep`, in that order (all
    /// [`Field::Missing`] for a file).
    pub fields: Vec<Field>,
    /// The record's `author` (a string, or the first string of an
    /// array), when it has one: the speaker of the first person outside
    /// quotes ("I said"). `None` for a file.
    pub author: Option<String>,
}

/// A JSONL record's field kept with `--keep`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Field {
    /// Absent or `null`: an empty cell.
    #[default]
    Missing,
    /// A string's value, or a nested object or array as compact JSON
    /// text.
    Text(String),
    /// A number or boolean, as written in the record (CSV writes it as
    /// text, JSONL as a number).
    Json(String),
}

impl Field {
    /// The CSV cell.
    pub fn cell(&self) -> &str {
        match self {
            Field::Missing => "",
            Field::Text(s) | Field::Json(s) => s,
        }
    }
}

/// Something that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// `path` or `path:line`.
    pub location: String,
    /// Why, in lower case.
    pub message: String,
    /// Skipped for being over `--max-document-size` (counted apart in the
    /// closing line).
    pub oversized: bool,
}

impl fmt::Display for InputError {
    /// `location: message`, control characters escaped: a file name or an
    /// id may hold any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", escape(&self.location), escape(&self.message))
    }
}

impl InputError {
    /// The line a warning is printed as, without the `whosaid: ` prefix.
    pub fn as_warning(&self) -> String {
        format!(
            "{}: warning: {}",
            escape(&self.location),
            escape(&self.message)
        )
    }
}

/// `64M`, `500K`, `1G`, `1000`: bytes, with binary suffixes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("not a size: {s:?} (try 64M or 500K)"))?;
    let n = n
        .checked_mul(1u64 << shift)
        .ok_or_else(|| format!("size too large: {s:?}"))?;
    if n == 0 {
        return Err("the size must be at least 1 byte".into());
    }
    // A document is held whole, and an HTML page's map back to its
    // source keeps 32-bit offsets.
    if n > 4 << 30 {
        return Err(format!("size too large: {s:?} (at most 4G)"));
    }
    Ok(n)
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct Options {
    /// Walk into symbolic links to folders.
    pub follow: bool,
    /// The largest document, in bytes.
    pub max_size: usize,
    /// JSONL record texts and standard input are HTML (`--html`).
    pub html: bool,
    /// JSONL fields to keep with each document (`--keep`).
    pub keep: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            follow: false,
            max_size: DEFAULT_MAX_SIZE,
            html: false,
            keep: Vec::new(),
        }
    }
}

/// The default `--max-document-size`: 64 MiB, far above any news article
/// (the largest Wikinews article is under 100 KB), small enough that
/// three of them fit in a modest machine.
pub const DEFAULT_MAX_SIZE: usize = 64 << 20;

/// A size for messages: `64 MiB`, `1.5 KiB`, `12 bytes`.
pub fn human_size(n: u64) -> String {
    let units = [(30, "GiB"), (20, "MiB"), (10, "KiB")];
    for (shift, unit) in units {
        if n >= 1 << shift {
            let v = n as f64 / (1u64 << shift) as f64;
            return if v.fract() == 0.0 {
                format!("{v:.0} {unit}")
            } else {
                format!("{v:.1} {unit}")
            };
        }
    }
    format!("{n} bytes")
}

/// The error for a document over the limit.
fn too_large(location: &str, what: String, size: u64, max: usize) -> Item {
    Item::Error(InputError {
        location: location.to_string(),
        message: format!(
            "{what} is {}, over --max-document-size ({}): skipped",
            human_size(size),
            human_size(max as u64)
        ),
        oversized: true,
    })
}

/// What the reader yields, in order.
#[derive(Debug)]
pub enum Item {
    /// A document to process.
    Document(Document),
    /// Something skipped.
    Error(InputError),
    /// Something repaired or worth knowing; nothing was skipped. It comes
    /// just before the document it is about.
    Warning(InputError),
}

/// Where documents and messages go: the item, and the location that
/// produced it (`path` or `path:line`).
type Sink<'a> = dyn FnMut(Item, &str) -> bool + 'a;

/// Reads every input in order and hands each document, error or warning
/// to `sink`. A sink returning `false` stops the reading (a closed output).
pub fn read_all(
    inputs: &[PathBuf],
    options: &Options,
    sink: &mut dyn FnMut(Item) -> bool,
) {
    // Two documents with one id make the table ambiguous but lose nothing:
    // warn and go on. The set grows with the number of documents, which a
    // run over millions of articles can afford (tens of bytes an id).
    let mut ids: HashSet<String> = HashSet::new();
    let mut checked = |item: Item, location: &str| -> bool {
        if let Item::Document(doc) = &item {
            if !ids.insert(doc.id.clone()) {
                let dup = warning(
                    location,
                    format!("duplicate doc_id {:?}", doc.id),
                );
                if !sink(dup) {
                    return false;
                }
            }
        }
        sink(item)
    };
    read_inputs(inputs, options, &mut checked);
}

fn error(location: &str, message: String) -> Item {
    Item::Error(InputError {
        location: location.to_string(),
        message,
        oversized: false,
    })
}

fn warning(location: &str, message: String) -> Item {
    Item::Warning(InputError {
        location: location.to_string(),
        message,
        oversized: false,
    })
}

fn read_inputs(inputs: &[PathBuf], options: &Options, sink: &mut Sink<'_>) {
    let stdin_only = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() { &stdin_only[..] } else { inputs };
    for path in inputs {
        let ok = if path.as_os_str() == "-" {
            read_stdin(options, sink)
        } else {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    let mut seen = HashSet::new();
                    read_dir(path, path, &mut seen, options, sink)
                }
                // A file named on the command line is read whatever it is
                // (a FIFO from `<(...)` included), as `cat` reads it; the
                // size limit keeps `/dev/zero` from filling the memory.
                Ok(_) => read_file(path, file_id(path, None), options, sink),
                Err(e) => {
                    let loc = path.display().to_string();
                    let why = format!("cannot open: {}", io_reason(&e));
                    sink(error(&loc, why), &loc)
                }
            }
        };
        if !ok {
            return;
        }
    }
}

/// Reads standard input: JSONL (first non-blank byte `{`) one line at a
/// time, so that memory does not grow with the input; else one text.
fn read_stdin(options: &Options, sink: &mut Sink<'_>) -> bool {
    let loc = "<stdin>";
    let mut reader = io::BufReader::with_capacity(1 << 20, io::stdin().lock());
    let stdin_error =
        |e: io::Error| error(loc, format!("cannot read standard input: {e}"));
    // Peek past leading blank space to the first byte that tells the
    // format; the bytes peeked are given back in front of the rest.
    let mut head = Vec::new();
    let looks_jsonl = loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) => return sink(stdin_error(e), loc),
        };
        if buf.is_empty() {
            break false;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(p) => {
                // A UTF-8 byte order mark before the record counts too.
                break buf[p] == b'{'
                    || buf[p..].starts_with(b"\xEF\xBB\xBF{");
            }
            None => {
                // Blank space is kept only up to the limit: an endless
                // stream of spaces is a document too large, not a hang
                // that eats the memory.
                if head.len() <= options.max_size {
                    head.extend_from_slice(buf);
                }
                let n = buf.len();
                reader.consume(n);
            }
        }
    };
    if looks_jsonl {
        let reader = head.as_slice().chain(reader);
        return read_jsonl(loc, io::BufReader::new(reader), options, sink);
    }
    match read_bounded(head.as_slice().chain(reader), options.max_size) {
        Ok(Bounded::Whole(bytes)) => {
            text_document(loc, "stdin".into(), bytes, options.html, sink)
        }
        Ok(Bounded::Over(n)) => sink(
            too_large(loc, "the document".into(), n, options.max_size),
            loc,
        ),
        Err(e) => sink(stdin_error(e), loc),
    }
}

/// What [`read_bounded`] read.
enum Bounded {
    /// Every byte, at most the limit.
    Whole(Vec<u8>),
    /// More than the limit: this many bytes at least, and no more kept.
    Over(u64),
}

/// Reads to the end, but never more than `max` bytes into memory.
fn read_bounded(reader: impl Read, max: usize) -> io::Result<Bounded> {
    let mut bytes = Vec::new();
    let limit = (max as u64).saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        return Ok(Bounded::Over(bytes.len() as u64));
    }
    Ok(Bounded::Whole(bytes))
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string().to_lowercase(),
    }
}

/// The id of a file: relative to `root` when read from a folder, else its
/// file name; without a `.txt` extension; `/` separated on every system.
fn file_id(path: &Path, root: Option<&Path>) -> String {
    let rel = match root {
        Some(r) => path.strip_prefix(r).unwrap_or(path),
        None => Path::new(path.file_name().unwrap_or(path.as_os_str())),
    };
    let s: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = s.join("/");
    joined.strip_suffix(".txt").map(str::to_string).unwrap_or(joined)
}

/// What a file's type is called in a message.
fn file_type_name(t: fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else {
        "not a regular file"
    }
}

/// Reads a folder recursively in sorted order: its `.txt` and `.jsonl`
/// files, regular files only. A FIFO would block the run forever and a
/// device (a link to `/dev/zero`) never ends, so they are skipped with a
/// warning naming them. Links to files are read; links to folders only
/// with `--follow` (as ripgrep's `-L`: a link to `/` would otherwise make
/// the run crawl the whole file system). A folder already seen (a link
/// loop under `--follow`) is skipped with a warning: its documents were
/// read the first time.
fn read_dir(
    root: &Path,
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    options: &Options,
    sink: &mut Sink<'_>,
) -> bool {
    let loc = dir.display().to_string();
    let canonical =
        fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !seen.insert(canonical) {
        let why = "folder already read (a symbolic link loop?): skipped";
        return sink(warning(&loc, why.into()), &loc);
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let why = format!("cannot read folder: {}", io_reason(&e));
            return sink(error(&loc, why), &loc);
        }
    };
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let readable = matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl" | "html" | "htm")
        );
        let ploc = p.display().to_string();
        let own = fs::symlink_metadata(&p);
        let is_link = own.as_ref().is_ok_and(|m| m.file_type().is_symlink());
        let meta = if is_link { fs::metadata(&p) } else { own };
        let ok = match meta {
            Ok(m) if m.is_dir() => {
                if is_link && !options.follow {
                    let why = "symbolic link to a folder: not followed \
                               (--follow reads it)";
                    sink(warning(&ploc, why.into()), &ploc)
                } else {
                    read_dir(root, &p, seen, options, sink)
                }
            }
            Ok(_) if !readable => true,
            Ok(m) if m.is_file() => {
                read_file(&p, file_id(&p, Some(root)), options, sink)
            }
            Ok(m) => {
                let why = format!(
                    "{}, not a regular file: skipped",
                    file_type_name(m.file_type())
                );
                sink(warning(&ploc, why), &ploc)
            }
            Err(e) if readable => {
                let why = format!("cannot read: {}", io_reason(&e));
                sink(error(&ploc, why), &ploc)
            }
            Err(_) => true,
        };
        if !ok {
            return false;
        }
    }
    true
}

fn read_file(
    path: &Path,
    id: String,
    options: &Options,
    sink: &mut Sink<'_>,
) -> bool {
    let location = path.display().to_string();
    let cannot_read = |e: io::Error| {
        error(&location, format!("cannot read: {}", io_reason(&e)))
    };
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return sink(cannot_read(e), &location),
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        // Streamed line by line: an archive dump may not fit in memory.
        let reader = io::BufReader::with_capacity(1 << 20, file);
        return read_jsonl(&location, reader, options, sink);
    }
    // A regular file's size is known: one over the limit is not read.
    let len = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
    if let Some(n) = len.filter(|&n| n > options.max_size as u64) {
        let what = "the document".to_string();
        return sink(
            too_large(&location, what, n, options.max_size),
            &location,
        );
    }
    match read_bounded(file, options.max_size) {
        Ok(Bounded::Whole(bytes)) => {
            let html = path.extension().and_then(|e| e.to_str()).is_some_and(
                |e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"),
            );
            text_document(&location, id, bytes, html, sink)
        }
        Ok(Bounded::Over(n)) => {
            let what = "the document".to_string();
            sink(too_large(&location, what, n, options.max_size), &location)
        }
        Err(e) => sink(cannot_read(e), &location),
    }
}

/// A text decoded from bytes, with a warning when it needed repair.
#[derive(Debug, PartialEq, Eq)]
struct Decoded {
    text: String,
    warning: Option<String>,
}

/// Decodes the bytes of a text file: not empty, not binary (NUL bytes);
/// a UTF-8 byte order mark is dropped; invalid UTF-8 is read as
/// Windows-1252 when it clearly is such, else its invalid sequences are
/// replaced by U+FFFD. Either repair gives a warning.
fn decode_text(bytes: Vec<u8>) -> Result<Decoded, String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("empty document: nothing to read".into());
    }
    if body.contains(&0) {
        return Err("binary file (contains NUL bytes): skipped".into());
    }
    decode_bytes(bytes)
}

fn decode_bytes(mut bytes: Vec<u8>) -> Result<Decoded, String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(Decoded { text, warning: None }),
        Err(e) => e.into_bytes(),
    };
    if looks_windows_1252(&bytes) {
        let (text, _) =
            encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: Some("decoded as Windows-1252".into()),
        });
    }
    let at = std::str::from_utf8(&bytes).err().map_or(0, |e| e.valid_up_to());
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(Decoded {
        text,
        warning: Some(format!(
            "invalid UTF-8 at byte {at}: replaced by U+FFFD (convert the \
             file to UTF-8, e.g. with iconv)"
        )),
    })
}

/// Whether bytes that are not UTF-8 are clearly Windows-1252 (or
/// Latin-1, its subset for letters): no valid UTF-8 multi-byte sequence
/// at all (a file that has some is UTF-8 with damage, and reading it as
/// Windows-1252 would garble its good characters), no control characters
/// but white space, and every high byte a letter or typographic
/// punctuation in Windows-1252 (é, ü, ’, “, —, €), not one of its unused
/// codes nor a symbol run that binary data would give.
fn looks_windows_1252(bytes: &[u8]) -> bool {
    let mut high = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C) {
                return false;
            }
            i += 1;
            continue;
        }
        if let Some(n) = utf8_sequence_len(&bytes[i..]) {
            if n > 1 {
                return false;
            }
        }
        let (c, _) = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&bytes[i..i + 1]);
        let c = c.chars().next().unwrap_or('\u{FFFD}');
        let typical = c.is_alphabetic()
            || matches!(
                c,
                '\u{2018}'
                    ..='\u{201E}'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '\u{2026}'
                        | '\u{20AC}'
                        | '\u{00A0}'
                        | '\u{00A3}'
                        | '\u{00A9}'
                        | '\u{00AB}'
                        | '\u{00B0}'
                        | '\u{00BB}'
                        | '\u{00B7}'
                        | '\u{00BF}'
                        | '\u{00A1}'
                        | '\u{2022}'
            );
        if !typical || c == '\u{FFFD}' {
            return false;
        }
        high += 1;
        i += 1;
    }
    // Text in a Latin script is mostly ASCII.
    high * 4 <= bytes.len()
}

/// The length of the valid UTF-8 sequence at the start of `b`, if any.
fn utf8_sequence_len(b: &[u8]) -> Option<usize> {
    let n = match b[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let seq = b.get(..n)?;
    std::str::from_utf8(seq).ok().map(|_| n)
}

fn text_document(
    location: &str,
    id: String,
    bytes: Vec<u8>,
    html: bool,
    sink: &mut Sink<'_>,
) -> bool {
    match decode_text(bytes) {
        Ok(Decoded { text, warning: w }) => {
            if let Some(why) = w {
                if !sink(warning(location, why), location) {
                    return false;
                }
            }
            let doc =
                Document { id, text, html, fields: Vec::new(), author: None };
            sink(Item::Document(doc), location)
        }
        Err(why) => sink(error(location, why), location),
    }
}

/// Reads JSONL: one record a line with `doc_id` or `id`, and `text`.
/// A bad line is reported as `file:line: why` and skipped.
#[cfg(test)]
fn read_jsonl_bytes(
    location: &str,
    bytes: &[u8],
    sink: &mut Sink<'_>,
) -> bool {
    read_jsonl(location, bytes, &Options::default(), sink)
}

/// One line as [`read_line_bounded`] read it.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The end of the input.
    End,
    /// A line, in the buffer (with its `\n` if it had one).
    Read,
    /// A line over the limit: its length (without the line end) and its
    /// id, when one could be seen near its start or end. Only those ends
    /// were kept; the rest was read and dropped.
    Over {
        /// Bytes of the line.
        len: u64,
        /// The record's `doc_id` or `id`, best effort.
        id: Option<String>,
    },
}

/// Reads one line into `line` (cleared first), but never more than `max`
/// bytes of it: a longer line is read to its end and dropped, its first
/// and last 64 KiB kept to find its id. So one huge record costs `max`
/// bytes of memory, not its size, and is never parsed.
pub fn read_line_bounded(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<Line> {
    const END_KEPT: usize = 64 << 10;
    line.clear();
    let mut total: u64 = 0;
    let mut ended = false;
    let mut over = false;
    let mut tail: Vec<u8> = Vec::new();
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        let (chunk, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        total += chunk.len() as u64;
        if !over && line.len() + chunk.len() > max.saturating_add(2) {
            over = true;
            line.truncate(END_KEPT);
        }
        if over {
            tail.extend_from_slice(chunk);
            if tail.len() > 2 * END_KEPT {
                tail.drain(..tail.len() - END_KEPT);
            }
        } else {
            line.extend_from_slice(chunk);
        }
        let n = chunk.len();
        reader.consume(n);
        if done {
            ended = true;
            break;
        }
    }
    if total == 0 {
        return Ok(Line::End);
    }
    if !over {
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let body = body.strip_suffix(b"\r").unwrap_or(body);
        if body.len() <= max {
            return Ok(Line::Read);
        }
    }
    let len = total - u64::from(ended);
    let id = sniff_id(line).or_else(|| sniff_id(&tail));
    line.clear();
    Ok(Line::Over { len, id })
}

/// The `doc_id` (else `id`) of a record from a piece of its line, for the
/// message about a record too large to parse. Best effort: a key preceded
/// by a backslash is inside a string and is not taken.
fn sniff_id(bytes: &[u8]) -> Option<String> {
    static RE: std::sync::OnceLock<regex::bytes::Regex> =
        std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::bytes::Regex::new(
            r#"(?:^|[^\\])"(doc_id|id)"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+\-]*)"#,
        )
        .expect("a valid pattern")
    });
    let mut found: Option<String> = None;
    for c in re.captures_iter(bytes) {
        let raw = std::str::from_utf8(&c[2]).ok()?;
        let value = if raw.starts_with('"') {
            serde_json::from_str::<String>(raw).ok()?
        } else {
            raw.to_string()
        };
        if &c[1] == b"doc_id" {
            return Some(value);
        }
        found.get_or_insert(value);
    }
    found
}

/// Reads JSONL from `reader` one line at a time (one line buffer, reused).
fn read_jsonl(
    location: &str,
    mut reader: impl BufRead,
    options: &Options,
    sink: &mut Sink<'_>,
) -> bool {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        let got = read_line_bounded(&mut reader, &mut line, options.max_size);
        let loc = format!("{location}:{}", number + 1);
        match got {
            Ok(Line::End) => return true,
            Ok(Line::Read) => {}
            Ok(Line::Over { len, id }) => {
                number += 1;
                let what = match id {
                    Some(id) => format!("record {id:?}"),
                    None => "the record".to_string(),
                };
                let item = too_large(&loc, what, len, options.max_size);
                if !sink(item, &loc) {
                    return false;
                }
                continue;
            }
            Err(e) => {
                let why = format!("cannot read: {}", io_reason(&e));
                return sink(error(&loc, why), &loc);
            }
        }
        number += 1;
        let mut bytes = line.as_slice();
        if number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let ok = match parse_repaired(bytes, options) {
            Ok((doc, None)) => sink(Item::Document(doc), &loc),
            Ok((doc, Some(why))) => {
                sink(warning(&loc, why), &loc)
                    && sink(Item::Document(doc), &loc)
            }
            Err(why) => sink(error(&loc, why), &loc),
        };
        if !ok {
            return false;
        }
    }
}

/// Parses one JSONL record: `{"doc_id"|"id": ..., "text": ...}`. A line
/// that is not UTF-8 is an error here (`--jsonl-stream` answers each line
/// with rows or an error, and has no place for a warning).
pub fn parse_record(line: &[u8]) -> Result<Document, String> {
    parse_record_with(line, &Options::default())
}

/// [`parse_record`], with `--html` and `--keep` from `options`.
pub fn parse_record_with(
    line: &[u8],
    options: &Options,
) -> Result<Document, String> {
    let line = std::str::from_utf8(line).map_err(|e| {
        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())
    })?;
    parse_json(line, options)
}

/// Parses one record of a JSONL file; a line that is not UTF-8 is repaired
/// as a text file is, with a warning.
fn parse_repaired(
    line: &[u8],
    options: &Options,
) -> Result<(Document, Option<String>), String> {
    if let Ok(line) = std::str::from_utf8(line) {
        // The common case, without a copy of the line.
        return Ok((parse_json(line, options)?, None));
    }
    let Decoded { text: line, warning } = decode_bytes(line.to_vec())?;
    Ok((parse_json(&line, options)?, warning))
}

/// The fields of a record that are read; the values stay raw JSON until
/// needed, so that an id is kept exactly as written
/// (`12345678901234567890123` is not rounded to a float) and other
/// fields are skipped without being built.
#[derive(serde::Deserialize)]
struct Record<'a> {
    #[serde(borrow, default)]
    doc_id: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    id: Option<&'a serde_json::value::RawValue>,
    /// The text's value when it is a string (else `None`), decoded as
    /// the record is read: a raw value decoded after it would scan the
    /// text twice, the longest part of a line.
    #[serde(default, deserialize_with = "string_or_none")]
    text: Option<String>,
    #[serde(borrow, default)]
    author: Option<&'a serde_json::value::RawValue>,
}

/// A JSON string's value, or `None` for any other value (which is read
/// and dropped), so that a record with a text that is not a string is
/// told apart from one that is not JSON.
fn string_or_none<'de, D>(deserializer: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct StringOrNone;
    impl<'de> serde::de::Visitor<'de> for StringOrNone {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_seq<A>(self, mut seq: A) -> Result<Self::Value, A::Error>
        where
            A: serde::de::SeqAccess<'de>,
        {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A>(self, mut map: A) -> Result<Self::Value, A::Error>
        where
            A: serde::de::MapAccess<'de>,
        {
            while map
                .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                .is_some()
            {}
            Ok(None)
        }
    }
    deserializer.deserialize_any(StringOrNone)
}

/// An author's name from its raw JSON: a non-empty string, or the first
/// one of an array of strings.
fn author_of(raw: &serde_json::value::RawValue) -> Option<String> {
    let t = raw.get();
    let name = if t.starts_with('[') {
        serde_json::from_str::<Vec<serde_json::Value>>(t)
            .ok()?
            .into_iter()
            .find_map(|v| v.as_str().map(str::to_string))?
    } else {
        serde_json::from_str::<String>(t).ok()?
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// An id from its raw JSON: a string's value, or a number as written.
fn raw_id(raw: &serde_json::value::RawValue) -> Option<String> {
    let t = raw.get();
    if t.starts_with('"') {
        serde_json::from_str::<String>(t).ok()
    } else if t.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        Some(t.to_string())
    } else {
        None
    }
}

fn record(line: &str) -> Result<Record<'_>, String> {
    // A derived struct would also take an array: say what is wrong.
    if !line.trim_start().starts_with('{') {
        return Err("not a JSON object".into());
    }
    serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))
}

/// The `doc_id` (else `id`; a null `doc_id` counts as none) of a record.
fn id_of(r: &Record<'_>) -> Option<String> {
    r.doc_id.and_then(raw_id).or_else(|| r.id.and_then(raw_id))
}

/// The id of a line that could not be used, when it is JSON enough to
/// have one (for `--jsonl-stream`'s error answers).
pub fn record_id(line: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(line);
    id_of(&record(&text).ok()?)
}

fn parse_json(line: &str, options: &Options) -> Result<Document, String> {
    let rec = record(line)?;
    let Some(id) = id_of(&rec) else {
        return Err(
            "record has no \"doc_id\" or \"id\" string or number".into()
        );
    };
    let Some(text) = rec.text else {
        return Err(format!("record {id:?} has no \"text\" string"));
    };
    if text.trim().is_empty() {
        return Err(format!("record {id:?} has an empty text"));
    }
    // As for a .txt file: NUL is not in any article's text.
    if text.contains('\0') {
        return Err(format!(
            "record {id:?}: binary text (contains NUL characters): skipped"
        ));
    }
    let fields = if options.keep.is_empty() {
        Vec::new()
    } else {
        kept_fields(line, &options.keep)
    };
    let author = rec.author.and_then(author_of);
    Ok(Document { id, text, html: options.html, fields, author })
}

/// The `--keep` fields of a record that parsed, in the order asked; a
/// field that is absent or `null` is [`Field::Missing`], never an error.
/// The line is read a second time, only when fields are kept.
fn kept_fields(line: &str, keep: &[String]) -> Vec<Field> {
    let map: std::collections::HashMap<
        std::borrow::Cow<'_, str>,
        &serde_json::value::RawValue,
    > = serde_json::from_str(line).unwrap_or_default();
    keep.iter()
        .map(|k| {
            let Some(raw) = map.get(k.as_str()) else {
                return Field::Missing;
            };
            let t = raw.get();
            match t.as_bytes().first() {
                Some(b'"') => serde_json::from_str::<String>(t)
                    .map_or(Field::Missing, Field::Text),
                Some(b'{' | b'[') => {
                    match serde_json::from_str::<serde_json::Value>(t) {
                        Ok(v) => Field::Text(v.to_string()),
                        Err(_) => Field::Missing,
                    }
                }
                Some(b'n') => Field::Missing,
                Some(_) => Field::Json(t.to_string()),
                None => Field::Missing,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(bytes: &[u8]) -> Vec<Result<Document, String>> {
        let mut out = Vec::new();
        read_jsonl_bytes("f.jsonl", bytes, &mut |item, _| {
            out.push(match item {
                Item::Document(d) => Ok(d),
                Item::Error(e) => Err(e.to_string()),
                Item::Warning(e) => Err(format!("warning: {e}")),
            });
            true
        });
        out
    }

    #[test]
    fn reads_jsonl_and_reports_bad_lines() {
        let got = collect(
            b"{\"doc_id\":\"a\",\"text\":\"Hi.\"}\n\nnot json\n{\"id\":7,\"text\":\"x\"}\n{\"id\":\"b\"}\n",
        );
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].as_ref().unwrap().id, "a");
        assert!(got[1]
            .as_ref()
            .unwrap_err()
            .starts_with("f.jsonl:3: not a JSON"));
        assert_eq!(got[2].as_ref().unwrap().id, "7");
        assert!(got[3].as_ref().unwrap_err().starts_with("f.jsonl:5: record"));
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert!(decode_text(b"  \n".to_vec()).unwrap_err().contains("empty"));
        let bom_only = b"\xEF\xBB\xBF\r\n".to_vec();
        assert!(decode_text(bom_only).unwrap_err().contains("empty"));
        assert!(decode_text(b"a\0b".to_vec()).unwrap_err().contains("binary"));
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let got = decode_text(b"\xEF\xBB\xBFok".to_vec()).unwrap();
        assert_eq!(got, Decoded { text: "ok".into(), warning: None });
    }

    #[test]
    fn decodes_windows_1252_with_a_warning() {
        // caf<e9>, <93>quoted<94>, it<92>s: a Windows-1252 news file.
        let got = decode_text(
            b"The caf\xe9 owner said: \x93It\x92s closed.\x94".to_vec(),
        )
        .unwrap();
        assert_eq!(
            got.text,
            "The caf\u{e9} owner said: \u{201C}It\u{2019}s closed.\u{201D}"
        );
        assert_eq!(got.warning.as_deref(), Some("decoded as Windows-1252"));
    }

    #[test]
    fn replaces_invalid_utf8_that_is_not_windows_1252() {
        // Valid UTF-8 (é) with one stray byte: damaged UTF-8, not cp1252.
        let got = decode_text(b"caf\xc3\xa9 and \xff end".to_vec()).unwrap();
        assert_eq!(got.text, "caf\u{e9} and \u{FFFD} end");
        let w = got.warning.unwrap();
        assert!(w.starts_with("invalid UTF-8 at byte 10: replaced"), "{w}");
        // Control bytes and cp1252's unused codes are not text either.
        for bytes in [&b"a\x81b"[..], b"a\x01\xe9b", b"\x80\x80\x80\x80a"] {
            let got = decode_text(bytes.to_vec()).unwrap();
            assert!(got.text.contains('\u{FFFD}'), "{bytes:?}");
            assert!(got.warning.unwrap().starts_with("invalid UTF-8"));
        }
    }

    #[test]
    fn never_panics_on_any_bytes() {
        for n in 0..=255u8 {
            for m in [0u8, 0x41, 0x80, 0xC3, 0xE2, 0xFF] {
                let _ = decode_text(vec![n, m, n]);
                let _ = collect(&[b'{', n, m, b'}']);
            }
        }
    }

    #[test]
    fn jsonl_line_in_windows_1252_is_repaired_with_a_warning() {
        let got = collect(b"{\"id\":\"a\",\"text\":\"caf\xe9\"}\n");
        assert_eq!(
            got[0].as_ref().unwrap_err(),
            "warning: f.jsonl:1: decoded as Windows-1252"
        );
        assert_eq!(got[1].as_ref().unwrap().text, "caf\u{e9}");
    }

    #[test]
    fn jsonl_records_without_text_or_with_empty_text_are_errors() {
        let got = collect(
            b"{\"id\":\"a\"}\r\n{\"id\":\"b\",\"text\":\"  \"}\n\
              {\"id\":\"c\",\"text\":3}\n{\"text\":\"x\"}\n[1]\n",
        );
        let errs: Vec<&str> =
            got.iter().map(|r| r.as_ref().unwrap_err().as_str()).collect();
        assert_eq!(
            errs,
            vec![
                "f.jsonl:1: record \"a\" has no \"text\" string",
                "f.jsonl:2: record \"b\" has an empty text",
                "f.jsonl:3: record \"c\" has no \"text\" string",
                "f.jsonl:4: record has no \"doc_id\" or \"id\" string or \
                 number",
                "f.jsonl:5: not a JSON object",
            ]
        );
    }

    #[test]
    fn a_line_over_the_limit_is_dropped_with_its_id_and_the_next_is_read() {
        let big = format!(
            "{{\"text\":\"{}\",\"meta\":{{\"id\":\"inner\"}},\"doc_id\":\"d9\"}}\n",
            "x\\\"id\\\": 1 ".repeat(50_000)
        );
        let input = format!("{big}{{\"id\":\"b\"}}\r\ntail");
        let mut r = io::BufReader::with_capacity(64, input.as_bytes());
        let mut line = Vec::new();
        let got = read_line_bounded(&mut r, &mut line, 1000).unwrap();
        let len = big.len() as u64 - 1;
        assert_eq!(got, Line::Over { len, id: Some("d9".into()) });
        assert!(line.is_empty());
        let got = read_line_bounded(&mut r, &mut line, 1000).unwrap();
        assert_eq!(
            (got, line.as_slice()),
            (Line::Read, &b"{\"id\":\"b\"}\r\n"[..])
        );
        let got = read_line_bounded(&mut r, &mut line, 1000).unwrap();
        assert_eq!((got, line.as_slice()), (Line::Read, &b"tail"[..]));
        let got = read_line_bounded(&mut r, &mut line, 1000).unwrap();
        assert_eq!(got, Line::End);
        // Exactly at the limit is fine; one byte over is not.
        let mut r = io::BufReader::new(&b"abc\nabcd"[..]);
        assert_eq!(
            read_line_bounded(&mut r, &mut line, 3).unwrap(),
            Line::Read
        );
        let got = read_line_bounded(&mut r, &mut line, 3).unwrap();
        assert_eq!(got, Line::Over { len: 4, id: None });
    }

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("64MB").is_err());
        assert_eq!(human_size(64 << 20), "64 MiB");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(12), "12 bytes");
    }

    #[test]
    fn file_ids_are_relative_without_txt() {
        let root = Path::new("/news");
        assert_eq!(
            file_id(Path::new("/news/2024/a.txt"), Some(root)),
            "2024/a"
        );
        assert_eq!(file_id(Path::new("/x/b.txt"), None), "b");
    }
}
