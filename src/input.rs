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

/// One article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its id: the JSONL record's `doc_id` or `id`; for a file, its path
    /// relative to the folder given, without `.txt`.
    pub id: String,
    /// Its text, as read.
    pub text: String,
}

/// Something that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// `path` or `path:line`.
    pub location: String,
    /// Why, in lower case.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
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
pub fn read_all(inputs: &[PathBuf], sink: &mut dyn FnMut(Item) -> bool) {
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
    read_inputs(inputs, &mut checked);
}

fn error(location: &str, message: String) -> Item {
    Item::Error(InputError { location: location.to_string(), message })
}

fn warning(location: &str, message: String) -> Item {
    Item::Warning(InputError { location: location.to_string(), message })
}

fn read_inputs(inputs: &[PathBuf], sink: &mut Sink<'_>) {
    let stdin_only = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() { &stdin_only[..] } else { inputs };
    for path in inputs {
        let ok = if path.as_os_str() == "-" {
            read_stdin(sink)
        } else {
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => {
                    let mut seen = HashSet::new();
                    read_dir(path, path, &mut seen, sink)
                }
                Ok(_) => read_file(path, file_id(path, None), sink),
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
fn read_stdin(sink: &mut Sink<'_>) -> bool {
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
                head.extend_from_slice(buf);
                let n = buf.len();
                reader.consume(n);
            }
        }
    };
    if looks_jsonl {
        return read_jsonl(loc, head.as_slice().chain(reader), sink);
    }
    if let Err(e) = reader.read_to_end(&mut head) {
        return sink(stdin_error(e), loc);
    }
    text_document(loc, "stdin".into(), head, sink)
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

/// Reads a folder recursively in sorted order: its `.txt` and `.jsonl`
/// files. A folder already seen (a symbolic link loop) is skipped with a
/// warning: its documents were read the first time.
fn read_dir(
    root: &Path,
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
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
        let ok = if p.is_dir() {
            read_dir(root, &p, seen, sink)
        } else {
            match p.extension().and_then(|e| e.to_str()) {
                Some("txt") | Some("jsonl") => {
                    read_file(&p, file_id(&p, Some(root)), sink)
                }
                _ => true,
            }
        };
        if !ok {
            return false;
        }
    }
    true
}

fn read_file(path: &Path, id: String, sink: &mut Sink<'_>) -> bool {
    let location = path.display().to_string();
    let cannot_read = |e: io::Error| {
        error(&location, format!("cannot read: {}", io_reason(&e)))
    };
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        // Streamed line by line: an archive dump may not fit in memory.
        return match fs::File::open(path) {
            Ok(f) => read_jsonl(
                &location,
                io::BufReader::with_capacity(1 << 20, f),
                sink,
            ),
            Err(e) => sink(cannot_read(e), &location),
        };
    }
    match fs::read(path) {
        Ok(bytes) => text_document(&location, id, bytes, sink),
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
    sink: &mut Sink<'_>,
) -> bool {
    match decode_text(bytes) {
        Ok(Decoded { text, warning: w }) => {
            if let Some(why) = w {
                if !sink(warning(location, why), location) {
                    return false;
                }
            }
            sink(Item::Document(Document { id, text }), location)
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
    read_jsonl(location, bytes, sink)
}

/// Reads JSONL from `reader` one line at a time (one line buffer, reused).
fn read_jsonl(
    location: &str,
    mut reader: impl BufRead,
    sink: &mut Sink<'_>,
) -> bool {
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) => {
                let loc = format!("{location}:{}", number + 1);
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
        let loc = format!("{location}:{number}");
        let ok = match parse_repaired(bytes) {
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
    let line = std::str::from_utf8(line).map_err(|e| {
        format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())
    })?;
    parse_json(line)
}

/// Parses one record of a JSONL file; a line that is not UTF-8 is repaired
/// as a text file is, with a warning.
fn parse_repaired(line: &[u8]) -> Result<(Document, Option<String>), String> {
    let Decoded { text: line, warning } = decode_bytes(line.to_vec())?;
    Ok((parse_json(&line)?, warning))
}

fn parse_json(line: &str) -> Result<Document, String> {
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| format!("not a JSON object: {e}"))?;
    let obj = value.as_object().ok_or("not a JSON object")?;
    let id = match obj.get("doc_id").or_else(|| obj.get("id")) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("record has no \"doc_id\" or \"id\" string".into()),
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => return Err(format!("record {id:?} has no \"text\" string")),
    };
    if text.trim().is_empty() {
        return Err(format!("record {id:?} has an empty text"));
    }
    Ok(Document { id, text })
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
                "f.jsonl:4: record has no \"doc_id\" or \"id\" string",
                "f.jsonl:5: not a JSON object",
            ]
        );
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
